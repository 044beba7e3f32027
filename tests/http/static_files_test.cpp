#include "http/static_files.h"

#include <gtest/gtest.h>

#include <fstream>

#include "support/temp_database.h"

namespace kith::http {
namespace {

TEST(ResolveStaticFile, RefusesDotDotSegmentsAndBackslashes) {
  testing::TempDirectory root;
  std::ofstream(root.path() / "index.html") << "app";
  EXPECT_TRUE(ResolveStaticFile(root.path(), "/"));
  EXPECT_TRUE(ResolveStaticFile(root.path(), "/index.html"));
  EXPECT_FALSE(ResolveStaticFile(root.path(), "/../index.html"));
  EXPECT_FALSE(ResolveStaticFile(root.path(), "/a/../../x"));
  EXPECT_FALSE(ResolveStaticFile(root.path(), "/..\\x"));
  EXPECT_FALSE(ResolveStaticFile(root.path(), "relative"));
}

TEST(ResolveStaticFile, RefusesSymlinksThatLeaveTheRoot) {
  testing::TempDirectory outside;
  testing::TempDirectory root;
  std::ofstream(outside.path() / "secret.txt") << "secret";
  std::filesystem::create_symlink(outside.path() / "secret.txt", root.path() / "link.txt");
  EXPECT_FALSE(ResolveStaticFile(root.path(), "/link.txt"));
}

TEST(IsAppRoute, IsAPathWithoutAnExtension) {
  EXPECT_TRUE(IsAppRoute("/contacts/42"));
  EXPECT_FALSE(IsAppRoute("/assets/app.js"));
}

}  // namespace
}  // namespace kith::http
