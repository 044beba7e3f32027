// An std::ostream over a response's DataSink that gathers what is written
// into chunks of 64 KiB. httplib's own `sink.os` sends every write as a
// chunk of its own and fails on a single character (its buffer has no
// overflow), so a body written a field at a time needs this one.
#pragma once

#include <ostream>
#include <streambuf>
#include <vector>

#include <httplib.h>

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

}  // namespace kith::http
