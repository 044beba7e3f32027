#include "mail/smtp_sender.h"

#include <curl/curl.h>

#include <array>
#include <cstddef>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "mail/libcurl_library.h"

namespace kith {
namespace {

// curl_global_init is not thread-safe and must run before any handle exists;
// once per process is enough, and the process keeps it until exit.
CURLcode GlobalInitResult() {
  static std::once_flag once;
  static CURLcode result = CURLE_OK;
  std::call_once(once, [] { result = curl_global_init(CURL_GLOBAL_DEFAULT); });
  return result;
}

struct EasyDeleter {
  void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
struct ListDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

// The message, handed to curl's upload piece by piece.
struct Upload {
  std::string_view data;
  std::size_t offset = 0;
};

std::size_t ReadMessage(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  const std::size_t room = size * count;
  const std::size_t left = upload->data.size() - upload->offset;
  const std::size_t length = left < room ? left : room;
  std::memcpy(buffer, upload->data.data() + upload->offset, length);
  upload->offset += length;
  return length;
}

// The first refusal in the conversation: the server's reply line (4xx or
// 5xx), which errors quote, and the verb of the command it answered (only
// verbs are kept, so no credentials are). Later replies do not count: after
// a failure curl says QUIT, and "221 Bye" explains nothing.
struct Conversation {
  std::string last_command;
  std::string refusal;
  std::string refused_command;
};

std::string FirstLine(const char* data, std::size_t size) {
  std::string_view text(data, size);
  const std::size_t end = text.find_first_of("\r\n");
  return std::string(text.substr(0, end));
}

int Trace(CURL* /*handle*/, curl_infotype type, char* data, std::size_t size, void* user) {
  auto* conversation = static_cast<Conversation*>(user);
  if (type == CURLINFO_HEADER_IN) {
    std::string line = FirstLine(data, size);
    const bool refused = !line.empty() && (line.front() == '4' || line.front() == '5');
    if (refused && conversation->refusal.empty()) {
      conversation->refusal = std::move(line);
      conversation->refused_command = conversation->last_command;
    }
  } else if (type == CURLINFO_HEADER_OUT) {
    // AUTH LOGIN sends the user name and password as lines of their own;
    // only SMTP verbs are kept.
    const std::string line = FirstLine(data, size);
    const std::string verb = line.substr(0, line.find(' '));
    for (const std::string_view known :
         {"EHLO", "HELO", "STARTTLS", "AUTH", "MAIL", "RCPT", "DATA", "QUIT"}) {
      if (verb == known) conversation->last_command = verb;
    }
  }
  return 0;
}

bool IsBareAddress(std::string_view address) {
  if (address.empty() || address.find('@') == std::string_view::npos) return false;
  for (const char character : address) {
    const auto byte = static_cast<unsigned char>(character);
    if (byte <= 0x20 || byte == 0x7F || character == '<' || character == '>') return false;
  }
  return true;
}

// "Ada Okafor <ada@example.com>" → "ada@example.com"; a bare address as is.
std::string EnvelopeAddress(std::string_view recipient) {
  const std::size_t open = recipient.rfind('<');
  if (open != std::string_view::npos && recipient.ends_with('>')) {
    return std::string(recipient.substr(open + 1, recipient.size() - open - 2));
  }
  const std::size_t start = recipient.find_first_not_of(' ');
  const std::size_t end = recipient.find_last_not_of(' ');
  if (start == std::string_view::npos) return {};
  return std::string(recipient.substr(start, end - start + 1));
}

std::string ServerUrl(const SmtpSettings& settings) {
  const std::string scheme = settings.security == SmtpSecurity::kTls ? "smtps" : "smtp";
  // An IPv6 literal needs brackets in a URL.
  const bool ipv6 = settings.host.find(':') != std::string::npos && settings.host.front() != '[';
  const std::string host = ipv6 ? "[" + settings.host + "]" : settings.host;
  return scheme + "://" + host + ":" + std::to_string(settings.port);
}

Status Validate(const SmtpSettings& settings, const std::vector<std::string>& envelope_recipients) {
  if (settings.host.empty()) return Fail(ErrorCode::kInvalidInput, "no SMTP server is set", "host");
  if (settings.host.find_first_of(" /\r\n@?#") != std::string::npos) {
    return Fail(ErrorCode::kInvalidInput, "'" + settings.host + "' is not a host name", "host");
  }
  if (settings.port < 1 || settings.port > 65535) {
    return Fail(ErrorCode::kInvalidInput,
                "SMTP port " + std::to_string(settings.port) + " is not between 1 and 65535", "port");
  }
  if (settings.from.empty()) return Fail(ErrorCode::kInvalidInput, "no sender address (from) is set", "from");
  if (!IsBareAddress(settings.from)) {
    return Fail(ErrorCode::kInvalidInput, "sender '" + settings.from + "' is not a bare email address",
                "from");
  }
  if (envelope_recipients.empty())
    return Fail(ErrorCode::kInvalidInput, "the message has no recipients", "to");
  for (const std::string& recipient : envelope_recipients) {
    if (!IsBareAddress(recipient)) {
      return Fail(ErrorCode::kInvalidInput, "recipient '" + recipient + "' is not an email address", "to");
    }
  }
  if (settings.timeout_seconds < 1) {
    return Fail(ErrorCode::kInvalidInput, "the SMTP timeout must be at least one second", "timeout_seconds");
  }
  return Ok();
}

// Names the step that failed from the last command sent, and quotes the
// server when it said something; otherwise curl's own explanation.
std::string Explain(const std::string& url, CURLcode code, long response_code,
                    const Conversation& conversation, const char* curl_detail) {
  const std::string detail = curl_detail[0] != '\0' ? curl_detail : curl_easy_strerror(code);
  switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT:
      return "could not reach " + url + ": " + detail;
    case CURLE_OPERATION_TIMEDOUT:
      return url + " did not answer in time: " + detail;
    case CURLE_USE_SSL_FAILED:
      return url +
             " does not offer STARTTLS, and kith will not send a password or mail in clear text: " + detail;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
      return "could not set up TLS with " + url + ": " + detail;
    default:
      break;
  }
  if (conversation.refusal.empty()) {
    const std::string code_text =
        response_code > 0 ? " (last reply " + std::to_string(response_code) + ")" : "";
    return url + " failed: " + detail + code_text;
  }
  const std::string& said = conversation.refusal;
  const std::string& step = conversation.refused_command;
  if (code == CURLE_LOGIN_DENIED || step == "AUTH") return url + " refused the login: " + said;
  if (step == "MAIL") return url + " refused the sender: " + said;
  if (step == "RCPT") return url + " refused a recipient: " + said;
  if (step == "DATA") return url + " refused the message: " + said;
  return url + " failed: " + said;
}

}  // namespace

Status SendMail(const SmtpSettings& settings, const std::vector<std::string>& recipients,
                const std::string& message) {
  std::vector<std::string> envelope_recipients;
  envelope_recipients.reserve(recipients.size());
  for (const std::string& recipient : recipients) envelope_recipients.push_back(EnvelopeAddress(recipient));
  KITH_RETURN_IF_ERROR(Validate(settings, envelope_recipients));
  KITH_RETURN_IF_ERROR(LoadLibcurl());
  if (GlobalInitResult() != CURLE_OK) return Fail(ErrorCode::kInternal, "libcurl could not be initialised");

  const std::unique_ptr<CURL, EasyDeleter> handle(curl_easy_init());
  if (!handle) return Fail(ErrorCode::kInternal, "libcurl could not create a handle");
  curl_slist* list = nullptr;
  for (const std::string& recipient : envelope_recipients) {
    curl_slist* longer = curl_slist_append(list, ("<" + recipient + ">").c_str());
    if (longer == nullptr) {
      curl_slist_free_all(list);
      return Fail(ErrorCode::kInternal, "out of memory building the recipient list");
    }
    list = longer;
  }
  const std::unique_ptr<curl_slist, ListDeleter> recipient_list(list);

  const std::string url = ServerUrl(settings);
  const std::string mail_from = "<" + settings.from + ">";
  Upload upload{message, 0};
  Conversation conversation;
  std::array<char, CURL_ERROR_SIZE> error_buffer{};
  CURL* curl = handle.get();
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, mail_from.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipient_list.get());
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, ReadMessage);
  curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
  curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()));
  // Signals for DNS timeouts are not safe in a multi-threaded server.
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, static_cast<long>(settings.timeout_seconds));
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, static_cast<long>(settings.timeout_seconds));
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_buffer.data());
  // The trace is how the server's own words reach the error message.
  curl_easy_setopt(curl, CURLOPT_VERBOSE, 1L);
  curl_easy_setopt(curl, CURLOPT_DEBUGFUNCTION, Trace);
  curl_easy_setopt(curl, CURLOPT_DEBUGDATA, &conversation);
  switch (settings.security) {
    case SmtpSecurity::kStartTls:
    case SmtpSecurity::kTls:
      curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
      break;
    case SmtpSecurity::kNone:
      curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_NONE));
      break;
  }
  if (!settings.username.empty()) {
    curl_easy_setopt(curl, CURLOPT_USERNAME, settings.username.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, settings.password.c_str());
  }

  const CURLcode code = curl_easy_perform(curl);
  if (code == CURLE_OK) return Ok();
  long response_code = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response_code);
  return Fail(ErrorCode::kIo, Explain(url, code, response_code, conversation, error_buffer.data()), "smtp");
}

}  // namespace kith
