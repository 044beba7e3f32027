#include "store/store.h"

namespace kith {

Transaction::Transaction(Transaction&& other) noexcept
    : commit_(std::move(other.commit_)), rollback_(std::move(other.rollback_)) {
  other.commit_ = nullptr;
  other.rollback_ = nullptr;
}

Transaction::~Transaction() {
  if (rollback_) rollback_();
}

Status Transaction::Commit() {
  if (!commit_) return Fail(ErrorCode::kInternal, "transaction already finished");
  auto commit = std::move(commit_);
  commit_ = nullptr;
  Status status = commit();
  if (status) rollback_ = nullptr;  // committed: nothing to undo
  return status;
}

}  // namespace kith
