// How the command line shows things: cards, tables, JSON and errors.
#pragma once

#include <iosfwd>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/contact.h"
#include "domain/result.h"
#include "store/store.h"

namespace kith {
struct QrCode;
}  // namespace kith

namespace kith::cli {

// The exit code for a failed request (CLI.md: 1; usage errors are 2).
int ExitCode(ErrorCode code);

// Prints "kith COMMAND: message" on stderr and returns the exit code.
int ReportError(std::string_view command, const Error& error);

void PrintJson(std::ostream& out, const nlohmann::json& value);
// `today` decides whether "open to opportunities" has lapsed.
void PrintCard(std::ostream& out, const Contact& contact, Date today);
// "CTO at Initech", "CTO" or "Initech", as much as is known.
std::string JobDescription(const std::string& title, const std::string& company);
// "job changes" lines for a card: 2026-11-26  Engineer at Acme → CTO at Initech.
void PrintJobChanges(std::ostream& out, const std::vector<JobChange>& changes);
// One line a person: id, name, company, city, met on; aligned columns.
void PrintContactTable(std::ostream& out, const std::vector<ContactSummary>& contacts);

// A QR code in the terminal: Unicode half blocks, two rows of modules per
// line, with a quiet zone, so a phone's camera reads it off the screen.
void PrintQrCode(std::ostream& out, const QrCode& code);

// Columns a string takes in a terminal (East Asian wide characters take two).
int DisplayWidth(std::string_view text);

}  // namespace kith::cli
