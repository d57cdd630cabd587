// Repository of the currency tables: units (clock hours, CEU, credits) and their per-state
// conversions.
#pragma once

#include "guides/currency.hpp"
#include "store/workspace.hpp"

namespace convene::store {

void save_currency(Workspace& ws, const guides::CurrencyTable& table);
guides::CurrencyTable load_currency(Workspace& ws);
guides::CurrencyTable load_currency(Database& db);

} // namespace convene::store
