// JSON written straight into text, for answers on a hot path where building
// a nlohmann::json tree and then dumping it costs more than the query that
// found them (GET /api/v1/typeahead: the tree's nodes, its std::map keys
// and the dump were a fifth of the server's CPU per request). The text is
// byte for byte what nlohmann's dump(-1, ' ', false, replace) writes, so a
// route may switch between the two without its clients seeing a change.
#pragma once

#include <string>
#include <string_view>

namespace kith {

// Appends `text` as a quoted JSON string, escaped as nlohmann::json's dump
// escapes it: UTF-8 kept as it is, \" \\ \b \f \n \r \t, other control
// characters as \u00xx; text that is not valid UTF-8 has its bad bytes
// replaced by U+FFFD, as dump's error_handler_t::replace does.
void AppendJsonString(std::string& out, std::string_view text);

}  // namespace kith
