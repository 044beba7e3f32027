#include "http/static_files.h"

#include <map>
#include <system_error>

namespace kith::http {
namespace {

std::string ContentTypeOf(const std::filesystem::path& path) {
  static const std::map<std::string, std::string> kTypes = {{".html", "text/html; charset=utf-8"},
                                                            {".js", "text/javascript; charset=utf-8"},
                                                            {".css", "text/css; charset=utf-8"},
                                                            {".svg", "image/svg+xml"},
                                                            {".png", "image/png"},
                                                            {".ico", "image/x-icon"},
                                                            {".json", "application/json"},
                                                            {".webmanifest", "application/manifest+json"},
                                                            {".woff2", "font/woff2"},
                                                            {".txt", "text/plain; charset=utf-8"}};
  const auto found = kTypes.find(path.extension().string());
  return found == kTypes.end() ? std::string("application/octet-stream") : found->second;
}

bool HasEscapingSegment(std::string_view path) {
  if (path.find('\0') != std::string_view::npos || path.find('\\') != std::string_view::npos) return true;
  std::size_t at = 0;
  while (at <= path.size()) {
    const std::size_t end = std::min(path.find('/', at), path.size());
    const std::string_view segment = path.substr(at, end - at);
    if (segment == "..") return true;
    at = end + 1;
  }
  return false;
}

}  // namespace

std::optional<StaticFile> ResolveStaticFile(const std::filesystem::path& root,
                                            std::string_view request_path) {
  if (request_path.empty() || request_path.front() != '/' || HasEscapingSegment(request_path)) {
    return std::nullopt;
  }
  std::string relative(request_path.substr(1));
  if (relative.empty() || relative.back() == '/') relative += "index.html";
  std::error_code error;
  const auto canonical_root = std::filesystem::canonical(root, error);
  if (error) return std::nullopt;
  const auto candidate = std::filesystem::weakly_canonical(canonical_root / relative, error);
  if (error) return std::nullopt;
  // Symlinks are resolved above, so a prefix check is a containment check.
  const auto [root_end, candidate_at] =
      std::mismatch(canonical_root.begin(), canonical_root.end(), candidate.begin(), candidate.end());
  if (root_end != canonical_root.end()) return std::nullopt;
  if (!std::filesystem::is_regular_file(candidate, error)) return std::nullopt;
  StaticFile file{candidate, ContentTypeOf(candidate), relative.starts_with("assets/")};
  return file;
}

bool IsAppRoute(std::string_view request_path) {
  const std::size_t slash = request_path.rfind('/');
  const std::string_view last = request_path.substr(slash == std::string_view::npos ? 0 : slash + 1);
  return last.find('.') == std::string_view::npos;
}

}  // namespace kith::http
