#include "app/cli/survey_common.hpp"

#include "guides/text.hpp"
#include "store/surveys.hpp"

#include <cstdio>

namespace convene::cli {

guides::Instrument require_instrument(Context& ctx, const std::string& id) {
    if (auto inst = store::current_instrument(ctx.workspace(), id)) return std::move(*inst);
    std::string known = guides::join_by(store::list_instruments(ctx.workspace()),
                                        [](const auto& x) { return x.instrument_id; });
    throw CommandError("no instrument \"" + id + "\" in " + ctx.db +
                       (known.empty() ? "" : "; instruments are " + known));
}

std::string num(double v, int digits) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*g", digits, v);
    return buf;
}

} // namespace convene::cli
