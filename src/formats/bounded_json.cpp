#include "formats/bounded_json.h"

#include <string>

namespace kith {
namespace {

// Thrown by the parser callback to stop at the first level too deep; caught
// below, so it never leaves this file.
struct TooDeep {};

template <typename Input>
Result<nlohmann::json> Parse(Input&& input) {
  const nlohmann::json::parser_callback_t bound = [](int depth, nlohmann::json::parse_event_t event,
                                                     nlohmann::json&) {
    // `depth` counts the containers already open around this one.
    const bool opens = event == nlohmann::json::parse_event_t::object_start ||
                       event == nlohmann::json::parse_event_t::array_start;
    if (opens && depth >= kMaxJsonDepth) throw TooDeep{};
    return true;
  };
  try {
    return nlohmann::json::parse(std::forward<Input>(input), bound);
  } catch (const TooDeep&) {
    return Fail(ErrorCode::kParseError,
                "the JSON nests deeper than " + std::to_string(kMaxJsonDepth) + " levels");
  } catch (const nlohmann::json::exception& error) {
    // A syntax error (nlohmann's message names the line and column) or a
    // number past a double's range ("1e999"), which nlohmann reports as
    // out_of_range rather than as a parse error.
    std::string what = error.what();
    if (const auto bracket = what.find("] ");
        what.starts_with("[json.exception") && bracket != std::string::npos) {
      what.erase(0, bracket + 2);
    }
    return Fail(ErrorCode::kParseError, "malformed JSON: " + what);
  }
}

}  // namespace

Result<nlohmann::json> ParseBoundedJson(std::istream& in) { return Parse(in); }

Result<nlohmann::json> ParseBoundedJson(std::string_view text) { return Parse(text); }

}  // namespace kith
