// Keeps the stored health scores current while `kith serve` runs: the
// server's readers cannot store the scores they renew, so after a large
// import or on a new day they would score the stale people on every
// request. This renews them in the background instead.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "app/context.h"
#include "domain/clock.h"
#include "domain/result.h"

namespace kith {

// Called from the upkeep's thread when a renewal fails, with why.
using HealthUpkeepReport = std::function<void(const Error&)>;

// Renews stale scores (RefreshHealth) at once and then every `every`, on
// its own thread with its own connection to `database_path` (an SQLite
// file or a PostgreSQL URI), until destroyed (which waits for a batch in
// progress). On a PostgreSQL database each round renews every workspace in
// turn and, in each, every member's own scores, acting as that member with
// a viewer's rights: storing scores is the one write a viewer may make, so
// the upkeep can do nothing else there. A
// renewal that finds the writer busy waits for the next round.
// kInvalidInput when `every` is under a second.
class HealthUpkeep {
 public:
  [[nodiscard]] static Result<std::unique_ptr<HealthUpkeep>> Start(std::string database_path,
                                                                   const Clock& clock,
                                                                   std::chrono::seconds every,
                                                                   HealthUpkeepReport report);
  HealthUpkeep(const HealthUpkeep&) = delete;
  HealthUpkeep& operator=(const HealthUpkeep&) = delete;
  HealthUpkeep(HealthUpkeep&&) = delete;
  HealthUpkeep& operator=(HealthUpkeep&&) = delete;
  ~HealthUpkeep();

 private:
  HealthUpkeep(std::string database_path, const Clock& clock, std::chrono::seconds every,
               HealthUpkeepReport report)
      : database_path_(std::move(database_path)), clock_(clock), every_(every), report_(std::move(report)) {}
  void Run();
  void RenewOnce();

  std::string database_path_;
  const Clock& clock_;
  std::chrono::seconds every_;
  HealthUpkeepReport report_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace kith
