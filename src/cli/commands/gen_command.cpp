#include <chrono>
#include <iostream>
#include <memory>

#include "app/contacts.h"
#include "cli/commands/commands.h"
#include "cli/printing.h"

namespace kith::cli {

Command AddGenCommand(CLI::App& root, const GlobalOptions& globals) {
  auto* command = root.add_subcommand("gen", "Add N generated, realistic people: a demo network");
  command->footer(R"(The same seed always makes the same people, so benchmarks and tests repeat.

Examples:
  kith --db demo.db gen 500
  kith --db bench.db gen 1000000 --seed 7)");
  auto count = std::make_shared<std::int64_t>(0);
  auto seed = std::make_shared<std::uint64_t>(1);
  command->add_option("count", *count, "How many people")->required();
  command->add_option("--seed", *seed, "Seed for the generator")->default_val(1);
  return {command, [count, seed, &globals]() {
            return RunWithSession("gen", globals, [&](Session& session) {
              const auto started = std::chrono::steady_clock::now();
              auto added = GenerateContacts(session.context(), *count, *seed);
              if (!added) return ReportError("gen", added.error());
              const double seconds =
                  std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
              if (globals.json) {
                std::cout << nlohmann::json{{"added", *added}, {"seconds", seconds}}.dump() << '\n';
              } else {
                std::cout << "Added " << *added << " generated people in " << seconds << " s.\n";
              }
              return 0;
            });
          }};
}

}  // namespace kith::cli
