#include "http/sink_stream.h"

#include <utility>

namespace kith::http {
namespace {

constexpr std::size_t kChunkBytes = std::size_t{64} * 1024;

}  // namespace

SinkBuffer::SinkBuffer(httplib::DataSink& sink) : sink_(sink), buffer_(kChunkBytes) {
  setp(buffer_.data(), buffer_.data() + buffer_.size());
}

SinkBuffer::int_type SinkBuffer::overflow(int_type next) {
  if (!Send()) return traits_type::eof();
  if (!traits_type::eq_int_type(next, traits_type::eof())) {
    *pptr() = traits_type::to_char_type(next);
    pbump(1);
  }
  return traits_type::not_eof(next);
}

int SinkBuffer::sync() { return Send() ? 0 : -1; }

bool SinkBuffer::Send() {
  const auto gathered = static_cast<std::size_t>(pptr() - pbase());
  if (gathered > 0 && !sink_.write(pbase(), gathered)) return false;
  setp(buffer_.data(), buffer_.data() + buffer_.size());
  return true;
}

void SendStreamed(StorePool& pool, const std::optional<WorkspaceAccess>& member, BodyWriter write,
                  const std::string& content_type, httplib::Response& response) {
  response.set_chunked_content_provider(content_type, [&pool, member, write = std::move(write)](
                                                          std::size_t /*offset*/, httplib::DataSink& sink) {
    StorePool::Lease lease = pool.BorrowForStream(member);
    if (!lease.acting()) return false;
    SinkStream out(sink);
    const Status written = write(lease.context(), out);
    if (!written || !out.flush()) return false;
    sink.done();
    return true;
  });
}

}  // namespace kith::http
