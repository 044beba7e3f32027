// Emails as bytes: an RFC 5322 message any mail client opens (.eml), and a
// mailto: link (RFC 6068). No network here; mail/ sends.
#pragma once

#include <string>
#include <vector>

namespace kith {

struct EmailMessage {
  std::string from;  // "Ada Okafor <ada@example.com>" or a bare address; may be empty for a draft
  std::vector<std::string> to;
  std::string subject;
  std::string body;        // UTF-8, lines joined with "\n"
  std::string date;        // RFC 5322 date-time, "Thu, 26 Nov 2026 12:00:00 +0000"
  std::string message_id;  // without angle brackets: "followup-12.1764158400@kith"
};

// CRLF line endings; MIME-Version 1.0; text/plain; charset=utf-8;
// Content-Transfer-Encoding quoted-printable (body lines stay ≤ 76 columns);
// headers with non-ASCII text as RFC 2047 encoded words (display names too),
// folded at 78 columns. A draft without From gets "X-Unsent: 1" so mail
// clients open it as a message to send.
std::string WriteEmlMessage(const EmailMessage& message);

// mailto:to?subject=…&body=… with RFC 3986 percent-encoding (UTF-8,
// line breaks as %0D%0A).
std::string MailtoLink(const std::string& to, const std::string& subject, const std::string& body);

// RFC 5322 date-time for a UTC timestamp "2026-11-26T12:00:00Z" (fractions
// of a second are dropped); empty when the text is not such a timestamp.
std::string Rfc5322Date(const std::string& iso_utc_timestamp);

}  // namespace kith
