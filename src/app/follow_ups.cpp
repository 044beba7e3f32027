// Habit 1: the follow-up the day after you met — list, draft, send, done.
#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "app/access.h"
#include "app/give.h"
#include "app/relationship_support.h"
#include "app/relationships.h"
#include "formats/email_message.h"

namespace kith {
namespace {

constexpr std::string_view kTemplateKey = "followup.template";
constexpr std::string_view kSignatureKey = "followup.signature";

// What to ask about: what you noted at the door, what they work on, else
// their company, else their work.
std::string TopicFor(const Contact& contact, const std::vector<Fact>& facts) {
  for (const std::string_view key :
       {kAskAboutFact, std::string_view("current_work"), std::string_view("project"),
        std::string_view("goal"), std::string_view("work")}) {
    for (const auto& fact : facts) {
      if (fact.kind == FactKind::kProfessional && fact.key == key) return fact.value;
    }
  }
  if (!contact.company.empty()) return "your work at " + contact.company;
  if (!contact.title.empty()) return "your work as " + contact.title;
  return "what you're working on";
}

Result<std::string> Signature(Context& context) {
  KITH_ASSIGN_OR_RETURN(const auto saved, context.store.GetSetting(kSignatureKey));
  if (saved && !saved->empty()) return *saved;
  KITH_ASSIGN_OR_RETURN(const MyProfile me, ShowMyProfile(context));
  return me.name;
}

// Marks the follow-up done and records the email, inside the caller's
// transaction; then the staged cadence moves on to "coffee?".
Result<std::optional<Reminder>> RecordFollowUpWithin(Context& context, const Contact& contact,
                                                     const std::string& subject) {
  const Date today = context.clock.Today();
  KITH_ASSIGN_OR_RETURN(auto follow_up, OpenFollowUp(context, contact.id));
  if (follow_up) {
    follow_up->state = ReminderState::kDone;
    follow_up->closed_on = today;
    KITH_RETURN_IF_ERROR(context.store.UpdateReminder(*follow_up));
  }
  InteractionFields email;
  email.contact = contact.id;
  email.kind = InteractionKind::kEmail;
  email.on = today;
  email.summary = subject.empty() ? "follow-up email" : "follow-up email: " + subject;
  KITH_RETURN_IF_ERROR(context.store.InsertInteraction(email));
  if (!contact.last_contact || *contact.last_contact < today) {
    KITH_RETURN_IF_ERROR(context.store.SetLastContact(contact.id, today));
  }
  KITH_RETURN_IF_ERROR(PlanReconnectWithin(context, contact));
  return follow_up;
}

}  // namespace

Result<std::vector<FollowUpItem>> ListFollowUps(Context& context, bool due_only) {
  const Date today = context.clock.Today();
  constexpr int kMostShown = 1000;
  const Date until = due_only ? today : today.AddDays(36500);
  KITH_ASSIGN_OR_RETURN(const auto reminders,
                        context.store.OpenReminders(until, ReminderKind::kFollowUp, kMostShown));
  std::vector<ContactId> ids;
  ids.reserve(reminders.size());
  for (const auto& reminder : reminders) ids.push_back(reminder.contact);
  KITH_ASSIGN_OR_RETURN(const auto contacts, context.store.GetContacts(ids));
  std::vector<FollowUpItem> items;
  for (std::size_t i = 0; i < reminders.size() && i < contacts.size(); ++i) {
    FollowUpItem item{reminders[i], contacts[i], {}, reminders[i].DaysOverdue(today)};
    if (reminders[i].event) {
      if (auto event = context.store.GetEvent(*reminders[i].event)) item.event_name = event->name;
    }
    if (item.event_name.empty()) item.event_name = contacts[i].met_at;
    items.push_back(std::move(item));
  }
  std::stable_sort(items.begin(), items.end(), [](const FollowUpItem& a, const FollowUpItem& b) {
    return a.days_overdue > b.days_overdue;
  });
  return items;
}

Result<std::string> FollowUpTemplate(Context& context) {
  KITH_ASSIGN_OR_RETURN(const auto saved, context.store.GetSetting(kTemplateKey));
  if (saved && !saved->empty()) return *saved;
  return std::string(kDefaultFollowUpTemplate);
}

Status SaveFollowUpTemplate(Context& context, const std::string& text) {
  KITH_RETURN_IF_ERROR(ValidateFollowUpTemplate(text));
  KITH_ASSIGN_OR_RETURN(auto transaction, BeginWrite(context, "change the follow-up template"));
  KITH_RETURN_IF_ERROR(context.store.SetSetting(kTemplateKey, text));
  return transaction.Commit();
}

Result<FollowUpDraft> DraftFollowUp(Context& context, ContactId id) {
  FollowUpDraft draft;
  KITH_ASSIGN_OR_RETURN(draft.contact, LiveContact(context, id));
  KITH_ASSIGN_OR_RETURN(draft.follow_up, OpenFollowUp(context, id));
  KITH_ASSIGN_OR_RETURN(const auto facts, context.store.FactsOf(id));
  FollowUpContext values;
  values.event = draft.contact.met_at;
  if (draft.follow_up && draft.follow_up->event) {
    if (auto event = context.store.GetEvent(*draft.follow_up->event)) values.event = event->name;
  }
  values.topic = TopicFor(draft.contact, facts);
  KITH_ASSIGN_OR_RETURN(values.signature, Signature(context));
  KITH_ASSIGN_OR_RETURN(const std::string text, FollowUpTemplate(context));
  KITH_ASSIGN_OR_RETURN(draft.email, RenderFollowUp(text, draft.contact, values));
  EmailMessage message;
  KITH_ASSIGN_OR_RETURN(const auto smtp, context.store.GetSetting("smtp.from"));
  if (smtp) message.from = *smtp;
  if (!draft.email.to.empty()) message.to.push_back(draft.email.to);
  message.subject = draft.email.subject;
  message.body = draft.email.body;
  message.date = Rfc5322Date(context.clock.NowTimestamp());
  message.message_id = "followup-" + std::to_string(id.value) + "." + context.clock.Today().ToIso() + "@kith";
  draft.eml = WriteEmlMessage(message);
  draft.mailto = MailtoLink(draft.email.to, draft.email.subject, draft.email.body);
  return draft;
}

Result<Reminder> CompleteFollowUp(Context& context, ContactId id) {
  // A viewer hears first that they cannot write: another member's
  // follow-up would otherwise read as missing, since the loop is personal.
  KITH_RETURN_IF_ERROR(RequireWriter(context, "mark a follow-up done"));
  KITH_ASSIGN_OR_RETURN(const Contact contact, LiveContact(context, id));
  KITH_ASSIGN_OR_RETURN(const auto open, OpenFollowUp(context, id));
  if (!open) {
    return Fail(ErrorCode::kNotFound, "no open follow-up for " + contact.display_name, "id");
  }
  KITH_ASSIGN_OR_RETURN(auto transaction, BeginWrite(context, "mark a follow-up done"));
  KITH_ASSIGN_OR_RETURN(const auto done, RecordFollowUpWithin(context, contact, ""));
  KITH_RETURN_IF_ERROR(transaction.Commit());
  return *done;
}

Result<SmtpSettings> LoadSmtpSettings(Context& context) {
  SmtpSettings settings;
  const auto text = [&](std::string_view key) -> Result<std::string> {
    KITH_ASSIGN_OR_RETURN(const auto value, context.store.GetSetting(key));
    return value.value_or("");
  };
  KITH_ASSIGN_OR_RETURN(settings.host, text("smtp.host"));
  KITH_ASSIGN_OR_RETURN(const std::string port, text("smtp.port"));
  if (!port.empty()) settings.port = std::atoi(port.c_str());
  KITH_ASSIGN_OR_RETURN(const std::string security, text("smtp.security"));
  if (security == "tls") settings.security = SmtpSecurity::kTls;
  if (security == "none") settings.security = SmtpSecurity::kNone;
  KITH_ASSIGN_OR_RETURN(settings.username, text("smtp.username"));
  KITH_ASSIGN_OR_RETURN(settings.from, text("smtp.from"));
  return settings;
}

std::optional<SmtpSecurity> ParseSmtpSecurity(std::string_view name) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower == "starttls") return SmtpSecurity::kStartTls;
  if (lower == "tls") return SmtpSecurity::kTls;
  if (lower == "none") return SmtpSecurity::kNone;
  return std::nullopt;
}

std::string_view SmtpSecurityName(SmtpSecurity security) {
  switch (security) {
    case SmtpSecurity::kStartTls:
      return "starttls";
    case SmtpSecurity::kTls:
      return "tls";
    case SmtpSecurity::kNone:
      return "none";
  }
  return "starttls";
}

Result<SmtpSettings> ChangeSmtpSettings(Context& context, const SmtpChange& change) {
  constexpr int kImplicitTlsPort = 465;
  constexpr int kSubmissionPort = 587;
  KITH_ASSIGN_OR_RETURN(SmtpSettings settings, LoadSmtpSettings(context));
  if (change.host) settings.host = *change.host;
  if (change.security) {
    settings.security = *change.security;
    if (!change.port)
      settings.port = settings.security == SmtpSecurity::kTls ? kImplicitTlsPort : kSubmissionPort;
  }
  if (change.port) settings.port = *change.port;
  if (change.username) settings.username = *change.username;
  if (change.from) settings.from = *change.from;
  KITH_RETURN_IF_ERROR(SaveSmtpSettings(context, settings));
  return settings;
}

std::string SmtpPasswordFromEnvironment() {
  const char* password = std::getenv("KITH_SMTP_PASSWORD");
  return password == nullptr ? "" : password;
}

Status SaveSmtpSettings(Context& context, const SmtpSettings& settings) {
  if (settings.host.empty()) return Fail(ErrorCode::kInvalidInput, "give the SMTP server (--host)", "host");
  if (settings.from.find('@') == std::string::npos) {
    return Fail(ErrorCode::kInvalidInput, "give the address to send from (--from you@example.com)", "from");
  }
  if (settings.port <= 0 || settings.port > 65535) {
    return Fail(ErrorCode::kInvalidInput, "port " + std::to_string(settings.port) + " is not a TCP port",
                "port");
  }
  const std::string_view security = SmtpSecurityName(settings.security);
  KITH_ASSIGN_OR_RETURN(auto transaction, BeginWrite(context, "change the mail settings"));
  KITH_RETURN_IF_ERROR(context.store.SetSetting("smtp.host", settings.host));
  KITH_RETURN_IF_ERROR(context.store.SetSetting("smtp.port", std::to_string(settings.port)));
  KITH_RETURN_IF_ERROR(context.store.SetSetting("smtp.security", security));
  KITH_RETURN_IF_ERROR(context.store.SetSetting("smtp.username", settings.username));
  KITH_RETURN_IF_ERROR(context.store.SetSetting("smtp.from", settings.from));
  return transaction.Commit();
}

Result<FollowUpDraft> SendFollowUp(Context& context, ContactId id, const std::string& smtp_password) {
  KITH_RETURN_IF_ERROR(RequireWriter(context, "send a follow-up"));
  KITH_ASSIGN_OR_RETURN(FollowUpDraft draft, DraftFollowUp(context, id));
  if (draft.email.to.empty()) {
    return Fail(ErrorCode::kInvalidInput,
                draft.contact.display_name + " has no email address: add one with `kith edit " +
                    std::to_string(id.value) + " --email …`",
                "email");
  }
  KITH_ASSIGN_OR_RETURN(SmtpSettings smtp, LoadSmtpSettings(context));
  if (smtp.host.empty() || smtp.from.empty()) {
    return Fail(ErrorCode::kInvalidInput,
                "SMTP is not set up: run `kith smtp --host smtp.example.com --from you@example.com`", "smtp");
  }
  smtp.password = smtp_password;
  // Sent first, recorded after: a refused message leaves the reminder open.
  KITH_RETURN_IF_ERROR(SendMail(smtp, {draft.email.to}, draft.eml));
  KITH_ASSIGN_OR_RETURN(auto transaction, BeginWrite(context, "send a follow-up"));
  KITH_ASSIGN_OR_RETURN(const auto done, RecordFollowUpWithin(context, draft.contact, draft.email.subject));
  KITH_RETURN_IF_ERROR(transaction.Commit());
  if (done) draft.follow_up = *done;
  return draft;
}

}  // namespace kith
