#include "support/postgres_cluster.h"

#include <stdlib.h>

#include <array>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <stdexcept>

#include "store/postgres/connection.h"

namespace kith::testing {
namespace {

std::string Trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

// Runs a command and returns what it printed; throws when it fails.
std::string Output(const std::string& command) {
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  if (!pipe) throw std::runtime_error("cannot run: " + command);
  std::string output;
  std::array<char, 256> buffer{};
  while (fgets(buffer.data(), static_cast<int>(buffer.size()), pipe.get()) != nullptr)
    output += buffer.data();
  const int status = pclose(pipe.release());
  if (status != 0)
    throw std::runtime_error("'" + command + "' failed (PostgreSQL 15 is needed: scripts/install-deps.sh)");
  return Trimmed(output);
}

// A cluster of this process's own, removed at exit.
class OwnCluster {
 public:
  OwnCluster() {
    std::string pattern = "/tmp/kith-pg-XXXXXX";
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    directory_ = pattern;
    try {
      url_ = Output(std::string(KITH_PG_THROWAWAY) + " start " + directory_);
    } catch (...) {
      std::error_code ignored;
      std::filesystem::remove_all(directory_, ignored);
      throw;
    }
  }
  OwnCluster(const OwnCluster&) = delete;
  OwnCluster& operator=(const OwnCluster&) = delete;
  ~OwnCluster() {
    const std::string stop = std::string(KITH_PG_THROWAWAY) + " stop " + directory_ + " >/dev/null 2>&1";
    (void)std::system(stop.c_str());  // NOLINT(cert-env33-c,concurrency-mt-unsafe): the test's own script
  }
  [[nodiscard]] const std::string& url() const { return url_; }

 private:
  std::string directory_;
  std::string url_;
};

std::string ClusterUrl() {
  if (const char* given = std::getenv("KITH_TEST_PG_URL"); given != nullptr && *given != '\0') return given;
  // ctest's postgres_cluster fixture writes its URI here (tests/CMakeLists.txt).
  const std::filesystem::path fixture = std::filesystem::path(KITH_TEST_PG_CLUSTER_DIR) / "url";
  if (std::filesystem::exists(fixture)) {
    std::ifstream file(fixture);
    std::string url;
    std::getline(file, url);
    return url;
  }
  static const OwnCluster own;
  return own.url();
}

}  // namespace

const std::string& TestClusterUrl() {
  static const std::string url = ClusterUrl();
  return url;
}

TempPgDatabase::TempPgDatabase() {
  static std::atomic<int> counter{0};
  name_ = "kith_test_" + std::to_string(getpid()) + "_" + std::to_string(counter++);
  auto admin = postgres::Connection::Open(TestClusterUrl());
  if (!admin) throw std::runtime_error("cannot reach the test cluster: " + admin.error().message);
  if (auto created = (*admin)->Execute("CREATE DATABASE " + name_ + " TEMPLATE template0"); !created) {
    throw std::runtime_error("cannot create a test database: " + created.error().message);
  }
  // libpq takes the last dbname given: the query parameter names this one.
  url_ = TestClusterUrl() + (TestClusterUrl().find('?') == std::string::npos ? "?" : "&") + "dbname=" + name_;
}

TempPgDatabase::~TempPgDatabase() {
  auto admin = postgres::Connection::Open(TestClusterUrl());
  if (admin) (void)(*admin)->Execute("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
}

}  // namespace kith::testing
