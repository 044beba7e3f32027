#include "cli/commands/commands.h"
#include "cli/printing.h"

namespace kith::cli {

int RunWithSession(std::string_view command, const GlobalOptions& globals,
                   const std::function<int(Session&)>& body, Scope scope) {
  auto session = Session::Open(globals, scope);
  if (!session) return ReportError(command, session.error());
  return body(**session);
}

std::string JoinWords(const std::vector<std::string>& words) {
  std::string joined;
  for (const auto& word : words) {
    if (!joined.empty()) joined += ' ';
    joined += word;
  }
  return joined;
}

}  // namespace kith::cli
