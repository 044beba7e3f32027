// Sending mail through the user's SMTP server, with libcurl.
#pragma once

#include <string>
#include <vector>

#include "domain/result.h"

namespace kith {

enum class SmtpSecurity {
  kStartTls,  // smtp:// upgraded with STARTTLS, required (the default)
  kTls,       // smtps:// (implicit TLS, port 465)
  kNone,      // plain text: only for a server on this machine
};

struct SmtpSettings {
  std::string host;  // "smtp.example.com"
  int port = 587;
  SmtpSecurity security = SmtpSecurity::kStartTls;
  std::string username;  // empty: no login
  std::string password;
  std::string from;  // the envelope sender, a bare address
  int timeout_seconds = 30;
};

// Sends `message` (a complete RFC 5322 message, CRLF) to `recipients`
// (bare addresses, or "Name <address>", whose address is used).
// kInvalidInput for a missing or malformed host/port/from/recipient; kIo
// naming the server and quoting its reply when it cannot be reached,
// refuses the login, the sender, a recipient or the message
// ("smtp://127.0.0.1:2525 refused the message: 550 …"), or does not offer
// STARTTLS under kStartTls (nothing is then sent in clear text).
// Thread-safe: each call uses its own connection.
Status SendMail(const SmtpSettings& settings, const std::vector<std::string>& recipients,
                const std::string& message);

}  // namespace kith
