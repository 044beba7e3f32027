// A handler that throws must cost one 500, not the server: its connection
// goes back to the pool, its writes are rolled back, and the next requests
// are answered as fast as before.
#include <chrono>
#include <new>
#include <stdexcept>

#include "app/contacts.h"
#include "http/server_fixture.h"

namespace kith::testing {
namespace {

using std::chrono::steady_clock;

class FailingHandler : public ServerTest {
 protected:
  void SetUp() override {
    // Routes only this test serves, each failing in its own way.
    extra_routes_.emplace_back(
        http::Method::kGet, "/test/throws", http::Access::kRead,
        [](const httplib::Request&, Context&) -> Result<http::ApiReply> {
          throw std::runtime_error("a bug deep in a reader");
        },
        "", "", "", "");
    extra_routes_.emplace_back(
        http::Method::kGet, "/test/throws-anything", http::Access::kRead,
        [](const httplib::Request&, Context&) -> Result<http::ApiReply> {
          throw 42;  // not every library throws a std::exception
        },
        "", "", "", "");
    extra_routes_.emplace_back(
        http::Method::kGet, "/test/out-of-memory", http::Access::kRead,
        [](const httplib::Request&, Context&) -> Result<http::ApiReply> { throw std::bad_alloc(); }, "", "",
        "", "");
    extra_routes_.emplace_back(
        http::Method::kPost, "/test/writes-then-throws", http::Access::kWrite,
        [](const httplib::Request&, Context& context) -> Result<http::ApiReply> {
          auto transaction = context.store.Begin();
          if (!transaction) return tl::unexpected(transaction.error());
          ContactFields fields;
          fields.display_name = "Half Written";
          auto added = context.store.InsertContact(fields, "half-written", "2026-11-26");
          if (!added) return tl::unexpected(added.error());
          throw std::runtime_error("a bug after the first write");
        },
        "", "", "", "");
    ServerTest::SetUp();
  }

  // How long `count` reads of the list take.
  std::chrono::milliseconds TimeReads(int count) {
    const auto start = steady_clock::now();
    for (int i = 0; i < count; ++i) {
      auto response = Send("GET", "/api/v1/contacts");
      EXPECT_TRUE(response) << "read " << i << " got no answer";
      if (!response) break;
      EXPECT_EQ(response->status, 200);
    }
    return std::chrono::duration_cast<std::chrono::milliseconds>(steady_clock::now() - start);
  }
};

TEST_F(FailingHandler, EachExceptionIsA500WithTheEnvelope) {
  OpenSession();
  for (const char* path :
       {"/api/v1/test/throws", "/api/v1/test/throws-anything", "/api/v1/test/out-of-memory"}) {
    EXPECT_EQ(ErrorCodeOf(Expect(Send("GET", path), 500)), "internal") << path;
  }
}

TEST_F(FailingHandler, AThrowingWriteLeavesNothingWritten) {
  OpenSession();
  EXPECT_EQ(ErrorCodeOf(Expect(Send("POST", "/api/v1/test/writes-then-throws", "{}"), 500)), "internal");
  EXPECT_EQ(Expect(Send("GET", "/api/v1/contacts"), 200).size(), 0U);
  // The writer is free and clean: the next write lands alone.
  AddPerson({{"name", "Ada Okafor"}});
  const json listed = Expect(Send("GET", "/api/v1/contacts"), 200);
  ASSERT_EQ(listed.size(), 1U);
  EXPECT_EQ(listed[0]["name"], "Ada Okafor");
}

TEST_F(FailingHandler, AThousandFailuresLeaveTheServerAsFastAsBefore) {
  OpenSession();
  AddPerson({{"name", "Ada Okafor"}});
  client_->set_read_timeout(5);  // a wedged server would leave the reads below waiting
  constexpr int kReads = 200;
  const auto before = TimeReads(kReads);
  const char* paths[] = {"/api/v1/test/throws", "/api/v1/test/throws-anything", "/api/v1/test/out-of-memory",
                         "/api/v1/test/writes-then-throws"};
  for (int i = 0; i < 1000; ++i) {
    const char* path = paths[i % 4];
    auto response = Send(i % 4 == 3 ? "POST" : "GET", path, "{}");
    ASSERT_TRUE(response) << "failing request " << i << " (" << path << ") got no answer";
    ASSERT_EQ(response->status, 500) << response->body;
  }
  const auto after = TimeReads(kReads);
  EXPECT_EQ(Expect(Send("GET", "/api/v1/contacts"), 200).size(), 1U);
  // "As fast": within a small factor, with slack for a busy machine.
  EXPECT_LT(after.count(), before.count() * 3 + 500)
      << "before " << before.count() << " ms, after " << after.count() << " ms for " << kReads << " reads";
}

}  // namespace
}  // namespace kith::testing
