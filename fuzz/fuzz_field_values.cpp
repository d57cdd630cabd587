// Answer field values: parse_value on any text and check_value on any JSON never crash (no
// int conversion of 1e300), and a value parse_value accepts is one check_value accepts. The first
// byte picks the field type; the rest is the text, and also tried as a JSON value.
#include "fuzz_check.hpp"
#include "guides/field_values.hpp"
#include "guides/json_reader.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

convene::guides::Field field_of_type(std::uint8_t selector) {
    using convene::guides::FieldType;
    const FieldType types[] = {FieldType::Number, FieldType::Choice, FieldType::Multi,
                               FieldType::Ynpu,   FieldType::YesNo,  FieldType::Scale5,
                               FieldType::Text};
    convene::guides::Field f;
    f.id = "f";
    f.type = types[selector % 7];
    if (f.type == FieldType::Number) {
        f.min = 0;
        f.max = 1000;
        f.unit = "clock hours";
    }
    if (f.type == FieldType::Choice || f.type == FieldType::Multi)
        f.choices = {"cost", "tracking", "time, money"};
    return f;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace convene::guides;
    if (size == 0) return 0;
    Field field = field_of_type(data[0]);
    std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
    auto parsed = parse_value(field, text);
    if (parsed.error.empty()) {
        FUZZ_CHECK(!check_value(field, parsed.value));
        (void)value_text(field, parsed.value);
    }
    Problems problems; // the loaders' parser: it refuses JSON nested too deep to walk
    auto json = parse_json_text(text, problems);
    if (json && !check_value(field, *json)) (void)value_text(field, *json);
    return 0;
}
