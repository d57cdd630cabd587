// Library > Currency: the units of professional-learning credit and each state's conversions
// into clock hours, which summaries use to put "3 credits" and "30 hours" on one scale. A row
// opens in a dialog to edit or remove; Save writes only the fields changed (store/
// currency_edits.hpp), carried out by act() after drawing; a removal can be undone.
#pragma once

#include "app/view_cache.hpp"
#include "app/views/view.hpp"
#include "guides/currency.hpp"
#include "store/currency_edits.hpp"

#include <optional>
#include <string>

namespace convene::app {

struct CurrencyRequest {
    enum class Kind { None, AddUnit, SetUnit, RemoveUnit, SetConversion, RemoveConversion };
    Kind kind = Kind::None;
    store::UnitChange unit;             // AddUnit (label, hours), SetUnit, RemoveUnit (slug)
    store::ConversionChange conversion; // SetConversion; RemoveConversion (state, unit)
    bool undo = false;                  // putting back what was removed
};

class CurrencyTableView {
  public:
    void draw(ViewContext& ctx);
    // Carries out what draw() asked for; called by the Library screen after drawing.
    void act(ViewContext& ctx);

  private:
    using Kind = CurrencyRequest::Kind;
    // The row open in the dialog, as typed; `is_new` for the Add buttons.
    struct UnitDraft {
        bool is_new = false;
        guides::CurrencyUnit base, edit;
    };
    struct ConversionDraft {
        bool is_new = false;
        std::string base_state_name, state_name;
        guides::Conversion base, edit;
    };

    void draw_units();
    void draw_conversions();
    void draw_undo();
    // views/currency_dialogs.cpp
    void draw_unit_dialog();
    void draw_conversion_dialog();
    bool draw_dialog_buttons(bool can_remove); // true: Save pressed
    void open_unit(const guides::CurrencyUnit* unit);
    void open_conversion(const guides::Conversion* conversion);
    std::string state_name(const std::string& state) const;
    void run(ViewContext& ctx, const CurrencyRequest& r);

    ViewCache cache_;
    guides::CurrencyTable table_;
    std::string state_filter_; // "" all states
    std::optional<UnitDraft> unit_;
    std::optional<ConversionDraft> conversion_;
    bool open_dialog_ = false;  // open the dialog of unit_ / conversion_ in this frame
    bool close_dialog_ = false; // the dialog's request was written: close it
    std::string dialog_error_;
    CurrencyRequest request_;
    CurrencyRequest undo_; // puts back the last removal
    std::string message_;
};

} // namespace convene::app
