#include "app/prepare_import_record.h"

#include <algorithm>
#include <utility>

#include "app/prepare_fields.h"
#include "domain/contact_merge.h"
#include "domain/validation.h"
#include "formats/phone_number.h"

namespace kith {
namespace {

constexpr std::size_t kReportedSkips = 100;
constexpr std::size_t kReportedProblems = 10000;

bool HasContent(const ContactFields& fields) { return !(fields == ContactFields{}); }

void DropEmpty(std::vector<std::string>& values) {
  std::erase_if(values, [](const std::string& value) { return Trim(value).empty(); });
}

std::string Where(const ImportRecord& record) {
  return record.line == 0 ? std::string() : "line " + std::to_string(record.line) + ": ";
}

}  // namespace

void PreparationReport::MoveInto(ImportSummary& summary) && {
  summary.skipped = skipped;
  summary.skipped_rows = std::move(skipped_rows);
  summary.set_aside = set_aside;
  summary.problems = std::move(problems);
}

ImportRecordPreparer::ImportRecordPreparer(const ImportRequest& request, std::string phone_region, Date today,
                                           std::string notice)
    : request_(request), phone_region_(std::move(phone_region)), today_(today) {
  if (!notice.empty()) report_.problems.push_back(std::move(notice));
}

Result<std::optional<PreparedRecord>> ImportRecordPreparer::Prepare(ImportRecord&& record) {
  ContactFields& fields = record.fields;
  if (!HasContent(fields) && record.set_aside.empty()) return std::optional<PreparedRecord>();
  DropEmpty(fields.emails);
  DropEmpty(fields.tags);
  DropEmpty(fields.skills);
  DropEmpty(fields.interests);
  std::erase_if(fields.links, [](const Link& link) { return Trim(link.url).empty(); });
  if (!request_.event.empty()) {
    fields.met_at = request_.event;
    if (!fields.met_on) fields.met_on = today_;
  }
  // Phones kept without their E.164 form (kith-phone.so missing) would
  // not be found by number: the import stops instead.
  if (!fields.phones.empty()) KITH_RETURN_IF_ERROR(PhoneNumbersReady());
  const std::vector<ImportProblem> problems = ProblemsOf(record, TakeOutInvalidValues(fields, phone_region_));
  if (request_.strict && !problems.empty()) return tl::unexpected(AsError(problems.front()));
  const bool nameless = Trim(fields.display_name).empty() && Trim(fields.given_name).empty() &&
                        Trim(fields.family_name).empty();
  if (nameless) {
    // An address of two words or more ("ada.okafor@") names the person
    // at the company; "info@" does not.
    const std::string from_email = fields.emails.empty() ? "" : NameFromEmail(fields.emails.front());
    if (from_email.find(' ') != std::string::npos) {
      fields.display_name = from_email;
    } else if (!Trim(fields.company).empty()) {
      // A company's own row (a shop, a clinic): named after the company,
      // and a card of an organisation, not a person's.
      fields.display_name = Trim(fields.company);
      if (fields.kind.empty()) fields.kind = "org";
    } else if (!fields.emails.empty()) {
      fields.display_name = from_email.empty() ? Trim(fields.emails.front()) : from_email;
    } else if (!fields.phones.empty() && !Trim(fields.phones.front().original).empty()) {
      fields.display_name = Trim(fields.phones.front().original);
    } else {
      Skip(record, "no name, email or phone", problems);
      return std::optional<PreparedRecord>();
    }
  }
  // Each value that failed stays on the card as a raw field, and is reported.
  KeepOnCard(problems, fields);
  for (const ImportProblem& problem : problems) {
    ++report_.set_aside;
    Report(problem.Describe() + " — kept in the card's raw fields");
  }
  for (const SetAsideValue& repaired : record.repaired) {
    Report(ImportProblem{repaired.line, repaired.property, repaired.value, repaired.problem}.Describe());
  }
  if (auto prepared = PrepareFields(fields, phone_region_); !prepared) {
    return Fail(ErrorCode::kInvalidInput, Where(record) + prepared.error().message, prepared.error().field);
  }
  if (fields.open_to_opportunities && !fields.open_since) fields.open_since = today_;
  // A name made up from an email says nothing about who this is.
  std::string match_name = nameless ? std::string() : fields.display_name;
  return std::optional<PreparedRecord>(PreparedRecord{std::move(record), std::move(match_name)});
}

// A record with nothing usable is listed with what it did hold, the
// values that failed their checks too.
void ImportRecordPreparer::Skip(const ImportRecord& record, const std::string& why,
                                const std::vector<ImportProblem>& problems) {
  ++report_.skipped;
  if (report_.skipped_rows.size() >= kReportedSkips) return;
  std::string what;
  const ContactFields& fields = record.fields;
  if (!fields.company.empty()) what = fields.company;
  if (!fields.links.empty()) what += (what.empty() ? "" : ", ") + fields.links.front().url;
  std::string line = Where(record) + why + (what.empty() ? "" : " (" + what + ")");
  for (const ImportProblem& problem : problems) line += "; " + problem.Describe();
  report_.skipped_rows.push_back(std::move(line));
}

void ImportRecordPreparer::Report(std::string problem) {
  if (report_.problems.size() < kReportedProblems) report_.problems.push_back(std::move(problem));
}

}  // namespace kith
