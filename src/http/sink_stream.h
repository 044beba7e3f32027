// A response body written as it is read: an std::ostream over the
// response's DataSink that gathers what is written into chunks of 64 KiB
// (httplib's own `sink.os` sends every write as a chunk of its own and fails
// on a single character: its buffer has no overflow), and SendStreamed,
// which writes a body that way on a connection of its own.
#pragma once

#include <functional>
#include <optional>
#include <ostream>
#include <streambuf>
#include <string>
#include <vector>

#include <httplib.h>

#include "app/context.h"
#include "domain/result.h"
#include "http/store_pool.h"

namespace kith::http {

class SinkBuffer : public std::streambuf {
 public:
  explicit SinkBuffer(httplib::DataSink& sink);

 protected:
  int_type overflow(int_type next) override;
  int sync() override;

 private:
  bool Send();

  httplib::DataSink& sink_;
  std::vector<char> buffer_;
};

// Write, then flush(): what is still gathered goes out, and the stream goes
// bad if the client has gone.
class SinkStream : public std::ostream {
 public:
  explicit SinkStream(httplib::DataSink& sink) : std::ostream(nullptr), buffer_(sink) { rdbuf(&buffer_); }

 private:
  SinkBuffer buffer_;
};

// Sends `write`'s output as the body of `response`, chunk by chunk: a large
// body (everyone's cards, 100,000 reminders) never sits in memory whole.
// It is written after the handler has returned, on a read connection
// borrowed then, acting as `member`. A failure half-way cannot become an
// error status any more: the connection closes without its last chunk,
// which clients read as a cut download.
using BodyWriter = std::function<Status(Context&, std::ostream&)>;
void SendStreamed(StorePool& pool, const std::optional<WorkspaceAccess>& member, BodyWriter write,
                  const std::string& content_type, httplib::Response& response);

}  // namespace kith::http
