// Reading a secret a person types: from standard input, one line, not
// echoed on a terminal, never printed or logged.
#pragma once

#include <string>

namespace kith::cli {

// A new password from standard input (one line, its newline dropped). On a
// terminal it asks on stderr and hides what is typed.
std::string ReadNewPassword();

}  // namespace kith::cli
