#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>

#include "app/contacts.h"
#include "app/for_person.h"
#include "app/relationship_json.h"
#include "app/relationships.h"
#include "cli/commands/commands.h"
#include "cli/commands/relationship_printing.h"
#include "cli/printing.h"

namespace kith::cli {
namespace {

struct FollowUpFlags {
  bool all = false;
  std::vector<std::string> contact;
  std::string eml;
  std::string template_file;
  bool reset = false;
};

std::string PlaceholderHelp() {
  std::string help = "Placeholders:\n";
  for (const auto& [name, description] : FollowUpPlaceholders()) {
    help += "  ";
    help += PadTo("{" + name + "}", 15);
    help += " ";
    help += description;
    help += "\n";
  }
  return help;
}

void PrintFollowUps(std::ostream& out, const std::vector<FollowUpItem>& items, Date today) {
  struct Row {
    std::string who, where, when, action;
  };
  std::vector<Row> rows;
  rows.reserve(items.size());
  for (const auto& item : items) {
    rows.push_back({item.contact.display_name + " (#" + std::to_string(item.contact.id.value) + ")",
                    item.event_name.empty() ? "" : "met at " + item.event_name,
                    ReminderWhen(item.reminder, today),
                    "kith followup draft " + std::to_string(item.contact.id.value)});
  }
  int who_width = 0;
  int where_width = 0;
  int when_width = 0;
  for (const auto& row : rows) {
    who_width = std::max(who_width, DisplayWidth(row.who));
    where_width = std::max(where_width, DisplayWidth(row.where));
    when_width = std::max(when_width, DisplayWidth(row.when));
  }
  for (const auto& row : rows) {
    out << "  " << PadTo(row.who, who_width) << "  " << PadTo(row.where, where_width) << "  "
        << PadTo(row.when, when_width) << "  " << row.action << '\n';
  }
}

void PrintDraft(std::ostream& out, const FollowUpDraft& draft) {
  out << "To:      "
      << (draft.email.to.empty() ? "(no email on the card: kith edit " +
                                       std::to_string(draft.contact.id.value) + " --email ADDRESS)"
                                 : draft.email.to)
      << "\nSubject: " << draft.email.subject << "\n\n"
      << draft.email.body;
  if (!draft.email.body.empty() && draft.email.body.back() != '\n') out << '\n';
  out << "\nOpen it in your mail program:\n  " << draft.mailto << '\n';
}

int RunList(Context& context, const FollowUpFlags& flags, bool json) {
  auto items = ListFollowUps(context, !flags.all);
  if (!items) return ReportError("followup list", items.error());
  if (json) {
    nlohmann::json array = nlohmann::json::array();
    for (const auto& item : *items) array.push_back(FollowUpItemToJson(item));
    PrintJson(std::cout, array);
  } else if (items->empty()) {
    std::cout << (flags.all ? "No open follow-ups. " : "Nobody waiting for a follow-up today. ")
              << "After an event: kith met \"NAME\" --at EVENT\n";
  } else {
    PrintFollowUps(std::cout, *items, context.clock.Today());
  }
  return 0;
}

// Shows the template; with --file or --reset, saves one first.
int RunTemplate(Context& context, const FollowUpFlags& flags, bool json) {
  const bool saving = !flags.template_file.empty() || flags.reset;
  if (saving) {
    std::string text(kDefaultFollowUpTemplate);
    if (!flags.reset) {
      auto read = ReadFileWhole(flags.template_file);
      if (!read) return ReportError("followup template", read.error());
      text = std::move(*read);
    }
    auto saved = SaveFollowUpTemplate(context, text);
    if (!saved) {
      Error error = saved.error();
      if (!flags.reset) error.message = flags.template_file + ": " + error.message;
      return ReportError("followup template", error);
    }
  }
  auto text = FollowUpTemplate(context);
  if (!text) return ReportError("followup template", text.error());
  if (json) {
    PrintJson(std::cout, {{"template", *text}});
  } else if (saving) {
    std::cout << (flags.reset ? "Back to the default template.\n" : "Saved the template.\n")
              << "See it: kith followup template; try it: kith followup draft ID\n";
  } else {
    std::cout << *text;
    if (!text->empty() && text->back() != '\n') std::cout << '\n';
  }
  return 0;
}

int RunDone(Context& context, std::string_view reference, bool json) {
  auto done = ForPerson(context, reference, CompleteFollowUp);
  if (!done) return ReportError("followup done", done.error());
  if (json) {
    PrintJson(std::cout, ReminderToJson(done->value));
  } else {
    std::cout << "✓ Followed up with " << done->contact.display_name << ". Logged as an email on "
              << context.clock.Today().ToIso() << ".\n";
  }
  return 0;
}

int RunSend(Context& context, std::string_view reference, bool json) {
  auto sent = ForPerson(context, reference, SendFollowUp, SmtpPasswordFromEnvironment());
  if (!sent) return ReportError("followup send", sent.error());
  if (json) {
    PrintJson(std::cout, FollowUpDraftToJson(sent->value));
  } else {
    std::cout << "✓ Sent \"" << sent->value.email.subject << "\" to " << sent->value.email.to << ".\n";
  }
  return 0;
}

int RunDraft(Context& context, std::string_view reference, const FollowUpFlags& flags, bool json) {
  auto found = ForPerson(context, reference, DraftFollowUp);
  if (!found) return ReportError("followup draft", found.error());
  const FollowUpDraft& drafted = found->value;
  if (!flags.eml.empty()) {
    auto written = WriteFileWhole(flags.eml, drafted.eml);
    if (!written) return ReportError("followup draft", written.error());
  }
  if (json) {
    nlohmann::json object = FollowUpDraftToJson(drafted);
    object["eml_file"] = flags.eml.empty() ? nlohmann::json(nullptr) : nlohmann::json(flags.eml);
    PrintJson(std::cout, object);
    return 0;
  }
  PrintDraft(std::cout, drafted);
  if (!flags.eml.empty()) std::cout << "Wrote " << flags.eml << " (opens as a new message).\n";
  std::cout << "Once it is sent: kith followup done " << found->contact.id.value << '\n';
  return 0;
}

}  // namespace

Command AddFollowUpCommand(CLI::App& root, const GlobalOptions& globals) {
  auto* command = root.add_subcommand("followup", "Follow-ups: write to the people you met, the next day");
  command->require_subcommand(1);
  command->footer(R"(Examples:
  kith followup list                   # due today and overdue
  kith followup draft "Ada Okafor"     # the email, and a mailto: link
  kith followup draft 12 --eml ada.eml # a message file your mail program opens
  kith followup done 12                # you wrote to them
  kith followup send 12                # send it through your SMTP server (see kith smtp)
  kith followup template --file my-template.txt)");
  auto flags = std::make_shared<FollowUpFlags>();
  auto* list = command->add_subcommand("list", "Follow-ups due today and overdue, the most overdue first");
  list->add_flag("--all", flags->all, "Also the ones not yet due");
  list->footer("Examples:\n  kith followup list\n  kith followup list --all");
  auto* draft = command->add_subcommand("draft", "Draft the follow-up email to someone");
  draft->add_option("contact", flags->contact, "Id or name")->required();
  draft->add_option("--eml", flags->eml, "Also write the message to this .eml file");
  draft->footer(
      "Examples:\n  kith followup draft 12\n  kith followup draft \"Ada Okafor\" --eml ada.eml\n"
      "The text comes from `kith followup template`.");
  auto* done = command->add_subcommand("done", "You followed up: close the follow-up, log the email");
  done->add_option("contact", flags->contact, "Id or name")->required();
  done->footer("Example:\n  kith followup done 12");
  auto* send = command->add_subcommand("send", "Send the drafted follow-up through your SMTP server");
  send->add_option("contact", flags->contact, "Id or name")->required();
  send->footer(
      "The password comes from $KITH_SMTP_PASSWORD; the server from `kith smtp`.\n\n"
      "Example:\n  KITH_SMTP_PASSWORD=… kith followup send 12");
  auto* template_command = command->add_subcommand("template", "Show the follow-up template, or save one");
  auto* file_option = template_command->add_option("--file", flags->template_file,
                                                   "Save the template in this file (- for stdin)");
  template_command->add_flag("--reset", flags->reset, "Go back to the default template")
      ->excludes(file_option);
  template_command->footer(
      "The first line is \"Subject: …\", the body follows a blank line; {{ and }} are braces.\n" +
      PlaceholderHelp() +
      "\nExamples:\n  kith followup template > mine.txt\n  kith followup template --file mine.txt\n"
      "  kith followup template --reset");

  return {command, [=, &globals]() {
            return RunWithSession("followup", globals, [&](Session& session) -> int {
              Context& context = session.context();
              if (list->parsed()) return RunList(context, *flags, globals.json);
              if (template_command->parsed()) return RunTemplate(context, *flags, globals.json);
              const std::string contact = JoinWords(flags->contact);
              if (done->parsed()) return RunDone(context, contact, globals.json);
              if (send->parsed()) return RunSend(context, contact, globals.json);
              return RunDraft(context, contact, *flags, globals.json);
            });
          }};
}

Command AddSmtpCommand(CLI::App& root, const GlobalOptions& globals) {
  auto* command = root.add_subcommand("smtp", "Your mail server, for kith followup send");
  command->footer(R"(Without flags it shows the settings. The password is never stored: it is
read from $KITH_SMTP_PASSWORD when sending.

Examples:
  kith smtp --host smtp.example.com --port 587 --user sam@example.com --from sam@example.com
  kith smtp --host 127.0.0.1 --port 2525 --security none --from sam@example.com
  kith smtp)");
  struct SmtpFlags {
    std::string host;
    int port = 0;
    std::string security;
    std::string user;
    std::string from;
  };
  auto flags = std::make_shared<SmtpFlags>();
  command->add_option("--host", flags->host, "The server's name");
  command->add_option("--port", flags->port, "Port (default 587; 465 for tls)")->check(CLI::Range(1, 65535));
  command->add_option("--security", flags->security, "starttls (default) | tls | none (this machine only)")
      ->check(CLI::IsMember({"starttls", "tls", "none"}, CLI::ignore_case));
  command->add_option("--user", flags->user, "Login name (none: no login)");
  command->add_option("--from", flags->from, "Your address, the sender");
  return {command, [=, &globals]() {
            return RunWithSession("smtp", globals, [&](Session& session) -> int {
              SmtpChange change;
              if (command->count("--host") > 0) change.host = flags->host;
              if (command->count("--port") > 0) change.port = flags->port;
              if (command->count("--security") > 0) change.security = ParseSmtpSecurity(flags->security);
              if (command->count("--user") > 0) change.username = flags->user;
              if (command->count("--from") > 0) change.from = flags->from;
              const bool changing =
                  change.host || change.port || change.security || change.username || change.from;
              auto settings = changing ? ChangeSmtpSettings(session.context(), change)
                                       : LoadSmtpSettings(session.context());
              if (!settings) return ReportError("smtp", settings.error());
              const bool has_password = std::getenv("KITH_SMTP_PASSWORD") != nullptr;
              if (globals.json) {
                PrintJson(std::cout, SmtpSettingsToJson(*settings, has_password));
                return 0;
              }
              if (settings->host.empty()) {
                std::cout << "No mail server yet. kith smtp --host smtp.example.com --from you@example.com\n";
                return 0;
              }
              if (changing) std::cout << "Saved.\n";
              std::cout << "  server    " << settings->host << ":" << settings->port << " ("
                        << SmtpSecurityName(settings->security) << ")\n"
                        << "  login     " << (settings->username.empty() ? "(none)" : settings->username)
                        << '\n'
                        << "  from      "
                        << (settings->from.empty() ? "(not set: --from ADDRESS)" : settings->from) << '\n'
                        << "  password  "
                        << (has_password ? "from $KITH_SMTP_PASSWORD" : "not set: export KITH_SMTP_PASSWORD")
                        << '\n';
              return 0;
            });
          }};
}

}  // namespace kith::cli
