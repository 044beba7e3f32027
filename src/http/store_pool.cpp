#include "http/store_pool.h"

namespace kith::http {
namespace {

bool TakesWriter(Access access, std::size_t reader_count) {
  return access == Access::kWrite || reader_count == 0;
}

// Makes the store act as `access` unless it already does (one round trip
// saved on most leases of a database without accounts).
Status ActAs(Store& store, const WorkspaceAccess& access) {
  AccountDirectory* directory = AccountsOf(store);
  if (directory == nullptr || directory->Access() == access) return Ok();
  return directory->ActAs(access);
}

// Makes the store act as `member` on the strength of `claim`, checked by
// the database with the lease's first statement.
Status ActAsClaimed(Store& store, const WorkspaceAccess& member, const SessionClaim& claim) {
  MemberSessions* sessions = MemberSessionsOf(store);
  if (sessions == nullptr) return Fail(ErrorCode::kUnauthorized, "this database has no members", "session");
  return sessions->ActAsClaimedMember(member, claim);
}

}  // namespace

StorePool::Lease::Lease(StorePool& pool, Access access, const std::optional<WorkspaceAccess>& member,
                        const SessionClaim* claim, bool streamed)
    : pool_(pool),
      stream_place_(streamed ? &pool : nullptr),
      writer_lock_(TakesWriter(access, pool.reader_count_) ? std::unique_lock(pool.writer_mutex_)
                                                           : std::unique_lock<std::mutex>()),
      reader_(writer_lock_.owns_lock() ? nullptr : pool.TakeReader()),
      context_{reader_ ? *reader_ : *pool.writer_, pool.clock_, pool.phone_region_},
      acting_(claim != nullptr && member ? ActAsClaimed(context_.store, *member, *claim)
                                         : ActAs(context_.store, member ? *member : pool.Resting())) {
  // A read lease's statements share one read transaction on SQLite: each
  // would otherwise begin and end its own, taking and freeing the WAL's read
  // lock with fcntl calls each time (6.8 a typeahead request). On
  // PostgreSQL (a shared pool) a snapshot costs two round trips where each
  // statement's own costs nothing. Without one the reads go one by one.
  if (reader_ && acting_ && !pool.Shared()) {
    if (auto snapshot = context_.store.ReadSnapshot()) snapshot_.emplace(std::move(*snapshot));
  }
}

StorePool::Lease::~Lease() {
  // Ended before the connection goes back: another lease may take it at once.
  if (snapshot_) (void)snapshot_->Commit();
  snapshot_.reset();
  // Whatever the lease acted as (its member, or the workspace a session
  // lookup entered) ends with it. Should the reset fail, the store still
  // knows it acts as someone else, and the next lease sets it afresh.
  (void)ActAs(context_.store, pool_.Resting());
  if (reader_) pool_.GiveBack(std::move(reader_));
}

StorePool::Lease::StreamPlace::StreamPlace(StorePool* pool) : pool_(pool) {
  if (pool_ != nullptr) pool_->TakeStreamPlace();
}

StorePool::Lease::StreamPlace::~StreamPlace() {
  if (pool_ != nullptr) pool_->GiveBackStreamPlace();
}

WorkspaceAccess StorePool::Resting() const { return rest_as_nobody_ ? Nobody() : resting_; }

Result<std::unique_ptr<StorePool>> StorePool::Open(const std::string& path, int readers, const Clock& clock,
                                                   std::string phone_region) {
  auto pool = std::unique_ptr<StorePool>(new StorePool(clock, std::move(phone_region)));
  KITH_ASSIGN_OR_RETURN(pool->writer_, OpenStore(path, OpenIntent::kReadWrite));
  for (int i = 0; i < readers; ++i) {
    KITH_ASSIGN_OR_RETURN(auto reader, OpenStore(path, OpenIntent::kReadOnly));
    pool->readers_.push_back(std::move(reader));
  }
  pool->reader_count_ = pool->readers_.size();
  if (const AccountDirectory* directory = AccountsOf(*pool->writer_)) {
    pool->resting_ = directory->Access();
    pool->shared_ = true;
  }
  return pool;
}

StorePool::Lease StorePool::Borrow(Access access, const std::optional<WorkspaceAccess>& member) {
  return Lease(*this, access, member);
}

StorePool::Lease StorePool::BorrowForStream(const std::optional<WorkspaceAccess>& member) {
  return Lease(*this, Access::kRead, member, nullptr, true);
}

Result<ApiReply> StorePool::With(Access access, const std::optional<WorkspaceAccess>& member,
                                 const std::function<Result<ApiReply>(Context&)>& body) {
  Lease lease = Borrow(access, member);
  KITH_RETURN_IF_ERROR(lease.acting());
  return body(lease.context());
}

std::optional<Result<ApiReply>> StorePool::WithClaimedMember(
    Access access, const WorkspaceAccess& member, const SessionClaim& claim,
    const std::function<Result<ApiReply>(Context&)>& body) {
  Lease lease(*this, access, member, &claim);
  if (!lease.acting()) {
    if (lease.acting().error().code == ErrorCode::kUnauthorized) return std::nullopt;
    return Result<ApiReply>(tl::unexpected(lease.acting().error()));
  }
  Result<ApiReply> reply = body(lease.context());
  // The reply stands only if the claim held: checked now if the body ran
  // no statement (an answer made without the database is no less the
  // member's).
  if (const Status held = MemberSessionsOf(lease.context().store)->ConfirmClaim(); !held) {
    if (held.error().code == ErrorCode::kUnauthorized) return std::nullopt;
    return Result<ApiReply>(tl::unexpected(held.error()));
  }
  return reply;
}

std::unique_ptr<Store> StorePool::TakeReader() {
  std::unique_lock lock(readers_mutex_);
  reader_free_.wait(lock, [this] { return !readers_.empty(); });
  std::unique_ptr<Store> reader = std::move(readers_.back());
  readers_.pop_back();
  return reader;
}

void StorePool::GiveBack(std::unique_ptr<Store> reader) {
  {
    const std::lock_guard lock(readers_mutex_);
    readers_.push_back(std::move(reader));
  }
  reader_free_.notify_one();
}

void StorePool::TakeStreamPlace() {
  std::unique_lock lock(streams_mutex_);
  stream_place_free_.wait(lock, [this] { return streams_ < StreamsAtOnce(); });
  ++streams_;
}

void StorePool::GiveBackStreamPlace() {
  {
    const std::lock_guard lock(streams_mutex_);
    --streams_;
  }
  stream_place_free_.notify_one();
}

}  // namespace kith::http
