// The database connections a server shares among its threads: one
// read-write connection, taken in turn, and a few read-only ones that WAL
// lets run beside it.
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "app/context.h"
#include "http/route.h"
#include "store/store.h"

namespace kith::http {

class StorePool {
 public:
  // Opens (creating and migrating) the database, then `readers` read-only
  // connections. Errors as OpenSqliteStore.
  static Result<std::unique_ptr<StorePool>> Open(const std::string& path, int readers, const Clock& clock,
                                                 std::string phone_region);

  // Runs `body` with a Context over a connection fit for `access`, waiting
  // for one to be free.
  Result<ApiReply> With(Access access, const std::function<Result<ApiReply>(Context&)>& body);

 private:
  StorePool(const Clock& clock, std::string phone_region)
      : clock_(clock), phone_region_(std::move(phone_region)) {}
  const Clock& clock_;
  std::string phone_region_;
  std::mutex writer_mutex_;
  std::unique_ptr<Store> writer_;
  std::mutex readers_mutex_;
  std::condition_variable reader_free_;
  std::vector<std::unique_ptr<Store>> readers_;  // the free ones
  std::size_t reader_count_ = 0;
};

}  // namespace kith::http
