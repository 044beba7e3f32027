// LoadLibcurl and the libcurl functions SendMail calls, forwarded to the
// library opened on first use (libcurl_library.h). A libcurl function
// SendMail starts to call must be added here too: the link fails until it is.
#include "mail/libcurl_library.h"

#include <curl/curl.h>

#include <cstdarg>
#include <string>

#include "domain/shared_library.h"

namespace kith {
namespace {

// Opened once and kept until exit, as curl_global_init wants.
const SharedLibrary& Libcurl() {
  static const SharedLibrary library = OpenSharedLibrary(KITH_LIBCURL_SONAME);
  return library;
}

// The library's function of `Function`'s type (kith's own definition below,
// which only lends its type), looked up once.
template <auto Function>
auto Real(const char* name) {
  // POSIX gives a function's address from dlsym as a data pointer.
  static const auto real =
      reinterpret_cast<decltype(Function)>(  // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)
          RequiredFunction(Libcurl(), name));
  return real;
}

}  // namespace

Status LoadLibcurl() {
  if (Libcurl().handle != nullptr) return Ok();
  return Fail(ErrorCode::kIo, "mail cannot be sent: " KITH_LIBCURL_SONAME " could not be loaded (" +
                                  Libcurl().why +
                                  "); install libcurl (the libcurl4 package on Debian and Ubuntu)");
}

}  // namespace kith

using kith::Real;

extern "C" CURLcode curl_global_init(long flags) {
  return Real<&curl_global_init>("curl_global_init")(flags);
}
extern "C" CURL* curl_easy_init() { return Real<&curl_easy_init>("curl_easy_init")(); }
extern "C" CURLcode curl_easy_perform(CURL* curl) {
  return Real<&curl_easy_perform>("curl_easy_perform")(curl);
}
extern "C" void curl_easy_cleanup(CURL* curl) { Real<&curl_easy_cleanup>("curl_easy_cleanup")(curl); }
extern "C" const char* curl_easy_strerror(CURLcode code) {
  return Real<&curl_easy_strerror>("curl_easy_strerror")(code);
}
extern "C" curl_slist* curl_slist_append(curl_slist* list, const char* text) {
  return Real<&curl_slist_append>("curl_slist_append")(list, text);
}
extern "C" void curl_slist_free_all(curl_slist* list) {
  Real<&curl_slist_free_all>("curl_slist_free_all")(list);
}

// The two variadic functions take one more argument, whose type the option
// says: its number's range (CURLOPTTYPE_*), as libcurl itself reads it
// (lib/setopt.c), and always a pointer for curl_easy_getinfo. The last named
// parameter is an enum, as libcurl declares it; both enums are int-sized, so
// va_start finds the argument after it as libcurl's own C code does.
#ifdef __clang__
#pragma clang diagnostic ignored "-Wvarargs"
#endif
extern "C" CURLcode curl_easy_setopt(CURL* curl, CURLoption option, ...) {
  const auto real = Real<&curl_easy_setopt>("curl_easy_setopt");
  std::va_list arguments;
  va_start(arguments, option);
  CURLcode code = CURLE_OK;
  const bool pointer =
      (option >= CURLOPTTYPE_OBJECTPOINT && option < CURLOPTTYPE_FUNCTIONPOINT) || option >= CURLOPTTYPE_BLOB;
  // curl_off_t is long on some systems, not on others: two branches.
  if (option < CURLOPTTYPE_OBJECTPOINT) {  // NOLINT(bugprone-branch-clone)
    code = real(curl, option, va_arg(arguments, long));
  } else if (pointer) {
    code = real(curl, option, va_arg(arguments, void*));
  } else if (option < CURLOPTTYPE_OFF_T) {
    using AnyFunction = void (*)();
    code = real(curl, option, va_arg(arguments, AnyFunction));
  } else {
    code = real(curl, option, va_arg(arguments, curl_off_t));
  }
  va_end(arguments);
  return code;
}

extern "C" CURLcode curl_easy_getinfo(CURL* curl, CURLINFO info, ...) {
  const auto real = Real<&curl_easy_getinfo>("curl_easy_getinfo");
  std::va_list arguments;
  va_start(arguments, info);
  const CURLcode code = real(curl, info, va_arg(arguments, void*));
  va_end(arguments);
  return code;
}
