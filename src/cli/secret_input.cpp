#include "cli/secret_input.h"

#include <termios.h>
#include <unistd.h>

#include <iostream>

namespace kith::cli {

std::string ReadNewPassword() {
  const bool terminal = isatty(STDIN_FILENO) != 0;
  termios saved_mode{};
  if (terminal) {
    std::cerr << "New password (at least 8 characters): " << std::flush;
    tcgetattr(STDIN_FILENO, &saved_mode);
    termios hidden = saved_mode;
    hidden.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &hidden);
  }
  std::string password;
  std::getline(std::cin, password);
  if (terminal) {
    tcsetattr(STDIN_FILENO, TCSANOW, &saved_mode);
    std::cerr << "\n";
  }
  return password;
}

}  // namespace kith::cli
