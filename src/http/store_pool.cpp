#include "http/store_pool.h"

namespace kith::http {

Result<std::unique_ptr<StorePool>> StorePool::Open(const std::string& path, int readers, const Clock& clock,
                                                   std::string phone_region) {
  auto pool = std::unique_ptr<StorePool>(new StorePool(clock, std::move(phone_region)));
  KITH_ASSIGN_OR_RETURN(pool->writer_, OpenSqliteStore(path, OpenIntent::kReadWrite));
  for (int i = 0; i < readers; ++i) {
    KITH_ASSIGN_OR_RETURN(auto reader, OpenSqliteStore(path, OpenIntent::kReadOnly));
    pool->readers_.push_back(std::move(reader));
  }
  pool->reader_count_ = pool->readers_.size();
  return pool;
}

Result<ApiReply> StorePool::With(Access access, const std::function<Result<ApiReply>(Context&)>& body) {
  if (access == Access::kWrite || reader_count_ == 0) {
    const std::lock_guard lock(writer_mutex_);
    Context context{*writer_, clock_, phone_region_};
    return body(context);
  }
  std::unique_ptr<Store> reader;
  {
    std::unique_lock lock(readers_mutex_);
    reader_free_.wait(lock, [this] { return !readers_.empty(); });
    reader = std::move(readers_.back());
    readers_.pop_back();
  }
  Context context{*reader, clock_, phone_region_};
  auto reply = body(context);
  {
    const std::lock_guard lock(readers_mutex_);
    readers_.push_back(std::move(reader));
  }
  reader_free_.notify_one();
  return reply;
}

}  // namespace kith::http
