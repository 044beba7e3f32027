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
  // A connection borrowed from the pool, with a Context over it. It goes
  // back when the lease ends, however the borrower ends: a return, an
  // error, an exception. A connection that never came back would leave the
  // next requests waiting for ever.
  class Lease {
   public:
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Lease(Lease&&) = delete;
    Lease& operator=(Lease&&) = delete;
    ~Lease();

    Context& context() { return context_; }

   private:
    friend class StorePool;
    Lease(StorePool& pool, Access access);

    StorePool& pool_;
    std::unique_lock<std::mutex> writer_lock_;  // held by a write lease
    std::unique_ptr<Store> reader_;             // a read lease's connection
    Context context_;
  };

  // Opens (creating and migrating) the database, then `readers` read-only
  // connections. Errors as OpenSqliteStore.
  static Result<std::unique_ptr<StorePool>> Open(const std::string& path, int readers, const Clock& clock,
                                                 std::string phone_region);

  // A connection fit for `access` (writes, and reads when there are no
  // readers, take the writer), waiting for one to be free.
  Lease Borrow(Access access);

  // Runs `body` over a borrowed connection. What `body` throws passes
  // through; the connection is given back all the same.
  Result<ApiReply> With(Access access, const std::function<Result<ApiReply>(Context&)>& body);

 private:
  StorePool(const Clock& clock, std::string phone_region)
      : clock_(clock), phone_region_(std::move(phone_region)) {}
  std::unique_ptr<Store> TakeReader();
  void GiveBack(std::unique_ptr<Store> reader);

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
