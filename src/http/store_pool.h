// The database connections a server shares among its threads: one
// read-write connection, taken in turn, and a few read-only ones that WAL
// lets run beside it. On a shared PostgreSQL database each lease acts as
// the member its request signed in (AccountDirectory::ActAs: the
// row-level security settings of the connection) and, when it ends, as
// whom the pool rests as again: a connection never carries one member's
// settings into another's request.
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "http/route.h"
#include "store/account_directory.h"
#include "store/member_sessions.h"
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
    // Whether the connection acts as the member asked for: an error when
    // it could not be made to (a lost connection); then it must not be used.
    [[nodiscard]] const Status& acting() const { return acting_; }

   private:
    friend class StorePool;
    // A place among the streamed responses' leases (BorrowForStream),
    // taken before the connection and given back after it; none when made
    // without a pool.
    class StreamPlace {
     public:
      explicit StreamPlace(StorePool* pool);
      StreamPlace(const StreamPlace&) = delete;
      StreamPlace& operator=(const StreamPlace&) = delete;
      StreamPlace(StreamPlace&&) = delete;
      StreamPlace& operator=(StreamPlace&&) = delete;
      ~StreamPlace();

     private:
      StorePool* pool_;
    };

    // With a claim, acts as `member` only while the database finds it holds
    // (MemberSessions::ActAsClaimedMember). `streamed`: the lease of a
    // response written as it is read (BorrowForStream).
    Lease(StorePool& pool, Access access, const std::optional<WorkspaceAccess>& member,
          const SessionClaim* claim = nullptr, bool streamed = false);

    StorePool& pool_;
    StreamPlace stream_place_;                  // first: waited for before a connection is taken
    std::unique_lock<std::mutex> writer_lock_;  // held by a write lease
    std::unique_ptr<Store> reader_;             // a read lease's connection
    Context context_;
    Status acting_;
    // A read lease's reads in one snapshot, on SQLite (Lease's constructor).
    std::optional<Transaction> snapshot_;
  };

  // Opens (creating and migrating) the database, then `readers` read-only
  // connections. Errors as OpenSqliteStore.
  static Result<std::unique_ptr<StorePool>> Open(const std::string& path, int readers, const Clock& clock,
                                                 std::string phone_region);

  // A connection fit for `access` (writes, and reads when there are no
  // readers, take the writer), waiting for one to be free, acting as
  // `member` (none: as the pool rests) until the lease ends.
  Lease Borrow(Access access, const std::optional<WorkspaceAccess>& member = std::nullopt);

  // As Borrow(Access::kRead), for a response written as it is read
  // (SendStreamed), which holds its connection for as long as its client
  // takes to read it: such leases wait for each other so that they never
  // hold every reader at once. One reader always stays for the short
  // requests: a few large exports must not stop the typeahead.
  Lease BorrowForStream(const std::optional<WorkspaceAccess>& member);

  // Runs `body` over a borrowed connection acting as `member`. What `body`
  // throws passes through; the connection is given back all the same.
  Result<ApiReply> With(Access access, const std::optional<WorkspaceAccess>& member,
                        const std::function<Result<ApiReply>(Context&)>& body);

  // As With, acting as `member` on the strength of `claim`, a session the
  // caller remembers (MemberSessions::ActAsClaimedMember): nullopt, the
  // reply thrown away, when the database found that the claim no longer
  // holds. Then nothing was read or written as the member; the caller
  // reads the session again.
  std::optional<Result<ApiReply>> WithClaimedMember(Access access, const WorkspaceAccess& member,
                                                    const SessionClaim& claim,
                                                    const std::function<Result<ApiReply>(Context&)>& body);

  // From now on connections rest as Nobody() (no workspace, no writes)
  // between leases, not as the one person of a database without accounts:
  // the database has accounts, and every request acts as its member.
  void RestAsNobody() { rest_as_nobody_ = true; }
  [[nodiscard]] bool RestsAsNobody() const { return rest_as_nobody_; }
  [[nodiscard]] const Clock& clock() const { return clock_; }
  // Whether the database is a shared one (PostgreSQL), which may have
  // accounts; an SQLite file never has.
  [[nodiscard]] bool Shared() const { return shared_; }

 private:
  StorePool(const Clock& clock, std::string phone_region)
      : clock_(clock), phone_region_(std::move(phone_region)) {}
  std::unique_ptr<Store> TakeReader();
  void GiveBack(std::unique_ptr<Store> reader);
  void TakeStreamPlace();
  void GiveBackStreamPlace();
  // Streamed responses' leases at once: all readers but one (one when
  // there is only one; a pool without readers streams from its writer).
  [[nodiscard]] std::size_t StreamsAtOnce() const { return reader_count_ > 1 ? reader_count_ - 1 : 1; }
  // Whom a connection acts as outside a lease with a member.
  [[nodiscard]] WorkspaceAccess Resting() const;

  const Clock& clock_;
  std::string phone_region_;
  std::mutex writer_mutex_;
  std::unique_ptr<Store> writer_;
  std::mutex readers_mutex_;
  std::condition_variable reader_free_;
  std::vector<std::unique_ptr<Store>> readers_;  // the free ones
  std::size_t reader_count_ = 0;
  std::mutex streams_mutex_;
  std::condition_variable stream_place_free_;
  std::size_t streams_ = 0;  // leases BorrowForStream gave that have not ended
  WorkspaceAccess resting_;  // as the stores opened: the default workspace's owner
  bool shared_ = false;
  std::atomic<bool> rest_as_nobody_ = false;
};

}  // namespace kith::http
