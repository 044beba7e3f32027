// The names people and devices sign in with (an account, a device's user
// name): short, and made of characters every client types and every URL
// carries as they are.
#pragma once

#include <string>
#include <string_view>

#include "domain/result.h"

namespace kith {

// kInvalidInput, naming `what` ("account", "device") and `example`, when
// `name` is empty, longer than 64 characters, or holds anything but
// letters, digits, '.', '_' and '-'. `field` is the error's field.
Status ValidateLoginName(const std::string& name, std::string_view what, std::string_view example,
                         std::string_view field);

}  // namespace kith
