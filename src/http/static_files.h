// The built web app, served from one folder that no path can leave.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace kith::http {

struct StaticFile {
  std::filesystem::path path;
  std::string content_type;
  bool immutable = false;  // under assets/: the name carries a content hash
};

// The file under `root` that `request_path` names ("/" is index.html).
// nullopt when the path has a ".." segment, a NUL or a backslash, resolves
// outside `root` (a symlink too), or names no regular file.
std::optional<StaticFile> ResolveStaticFile(const std::filesystem::path& root, std::string_view request_path);

// A client-side route ("/contacts/42"): a path without a file extension,
// answered with index.html so reloading any screen works.
bool IsAppRoute(std::string_view request_path);

}  // namespace kith::http
