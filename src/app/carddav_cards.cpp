// Cards over CardDAV: read, written and deleted as vCards, with ETags from
// the changes journal (a card's ETag changes exactly when its entry does).
#include <algorithm>
#include <map>
#include <sstream>

#include "app/access.h"
#include "app/carddav.h"
#include "app/contacts.h"
#include "app/import_problems.h"
#include "app/prepare_fields.h"
#include "formats/phone_number.h"
#include "formats/text_encoding.h"
#include "formats/vcard_patch.h"
#include "formats/vcard_reader.h"

namespace kith {
namespace {

constexpr std::string_view kCardSuffix = ".vcf";
constexpr std::size_t kMaxUid = 255;

// A card's ETag names its state (its journal entry), whichever version it
// is served in: clients compare the ETag a listing gives with the one they
// fetched the card under, and a per-version ETag would make a client that
// asks for 4.0 fetch every card again on every sync.
std::string Etag(std::int64_t sequence) { return "\"" + std::to_string(sequence) + "\""; }

std::string Written(const Contact& contact, VCardVersion version) {
  std::ostringstream out;
  WriteVCard(contact, version, out);
  return out.str();
}

std::string_view VersionText(VCardVersion version) { return version == VCardVersion::k40 ? "4.0" : "3.0"; }

VCardVersion StoredVersion(std::string_view vcard) {
  return VCardVersionOf(vcard) == "4.0" ? VCardVersion::k40 : VCardVersion::k30;
}

Result<std::string> UidOfName(std::string_view name) {
  if (!name.ends_with(kCardSuffix) || name.size() == kCardSuffix.size() ||
      name.size() - kCardSuffix.size() > kMaxUid || name.find('/') != std::string_view::npos) {
    return Fail(ErrorCode::kInvalidInput, "a card's name is its UID followed by .vcf, at most 255 characters",
                "name");
  }
  return std::string(name.substr(0, name.size() - kCardSuffix.size()));
}

// The journal entry of the contact behind `name`, if any (a member or not).
Result<std::optional<ContactChange>> EntryOfName(Context& context, const AddressBook& book,
                                                 std::string_view name) {
  KITH_ASSIGN_OR_RETURN(const std::string uid, UidOfName(name));
  KITH_ASSIGN_OR_RETURN(const auto ids, context.store.FindContactIds(ContactKey::kUid, uid));
  if (ids.empty()) return std::optional<ContactChange>();
  KITH_ASSIGN_OR_RETURN(const auto changes, context.store.ChangesOf({ids.front()}, book.folded_tag));
  if (changes.empty()) return std::optional<ContactChange>();
  return std::optional<ContactChange>(changes.front());
}

Error NoSuchCard(const AddressBook& book, std::string_view name) {
  return Error{ErrorCode::kNotFound,
               "no card '" + std::string(name) + "' in address book '" + book.segment + "'", "name"};
}

Result<ContactChange> MemberOfName(Context& context, const AddressBook& book, std::string_view name) {
  KITH_ASSIGN_OR_RETURN(const auto entry, EntryOfName(context, book, name));
  if (!entry || !entry->member) return tl::unexpected(NoSuchCard(book, name));
  return *entry;
}

// A member's bytes in `wanted`: the client's own card, with only the lines
// kith changed since replaced, when it sent the card in that version; else
// kith's vCard of the contact.
CardBody BodyOf(const Contact& contact, const ContactChange& member, const StoredVCard* stored,
                VCardVersion wanted) {
  CardBody body{member.contact, CardName(member.uid), Etag(member.sequence), ""};
  if (stored != nullptr && VCardVersionOf(stored->vcard) == VersionText(wanted)) {
    body.vcard = PatchVCard(stored->vcard, stored->kith_view, Written(contact, wanted));
  } else {
    body.vcard = Written(contact, wanted);
  }
  return body;
}

// If-Match names the card's ETag, or "*".
bool Matches(const std::string& if_match, std::int64_t sequence) {
  return if_match == "*" || if_match == Etag(sequence);
}

bool PreconditionsHold(const CardPreconditions& preconditions, const std::optional<ContactChange>& member) {
  if (preconditions.if_none_match_any && member) return false;
  if (preconditions.if_match && (!member || !Matches(*preconditions.if_match, member->sequence)))
    return false;
  return true;
}

Result<ImportRecord> ReadOneCard(std::string_view vcard) {
  if (vcard.size() > kMaxCardBytes) {
    return Fail(ErrorCode::kInvalidInput, "a card is at most " + std::to_string(kMaxCardBytes) + " bytes",
                "body");
  }
  std::vector<ImportRecord> records;
  // A client that writes Windows-1252 rather than UTF-8: its stray bytes
  // are read as Windows-1252, as an import reads them, so the card's
  // values are always text; the client's own bytes are kept beside them
  // (SaveStoredVCard) and given back as sent.
  std::istringstream in{RepairUtf8(vcard)};
  KITH_RETURN_IF_ERROR(ReadVCards(in, [&records](ImportRecord&& record) -> Status {
    records.push_back(std::move(record));
    return Ok();
  }));
  if (records.size() != 1) {
    return Fail(ErrorCode::kParseError,
                "a card must hold exactly one BEGIN:VCARD … END:VCARD; this one holds " +
                    std::to_string(records.size()),
                "body");
  }
  return std::move(records.front());
}

bool HasProperty(std::string_view vcard, std::string_view name) {
  std::istringstream lines{std::string(vcard)};
  for (std::string line; std::getline(lines, line);) {
    std::string head = line.substr(0, line.find_first_of(";:"));
    if (const auto dot = head.find('.'); dot != std::string::npos) head.erase(0, dot + 1);
    for (char& c : head) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (head == name) return true;
  }
  return false;
}

// A phone's card carries what a vCard can; what only kith keeps (where you
// met, skills, whether they are open to work…) stays when the card lacks it.
ContactFields MergeIncoming(const Contact& existing, ContactFields incoming, bool card_has_categories) {
  const auto keep_text = [](std::string& in, const std::string& old) {
    if (in.empty()) in = old;
  };
  keep_text(incoming.how_met, existing.how_met);
  keep_text(incoming.met_at, existing.met_at);
  keep_text(incoming.neighborhood, existing.neighborhood);
  keep_text(incoming.hometown, existing.hometown);
  keep_text(incoming.looking_for, existing.looking_for);
  if (!incoming.met_on) incoming.met_on = existing.met_on;
  if (!incoming.open_to_opportunities) {
    incoming.open_to_opportunities = existing.open_to_opportunities;
    incoming.open_since = existing.open_since;
  }
  if (incoming.skills.empty()) incoming.skills = existing.skills;
  if (incoming.interests.empty()) incoming.interests = existing.interests;
  if (incoming.custom.empty()) incoming.custom = existing.custom;
  if (!card_has_categories) incoming.tags = existing.tags;
  return incoming;
}

void AddBookTag(Context& context, const AddressBook& book, ContactFields& fields) {
  if (book.folded_tag.empty()) return;
  for (const std::string& tag : fields.tags) {
    if (context.store.FoldLabel(tag) == book.folded_tag) return;
  }
  fields.tags.push_back(book.display_name);
}

Result<std::int64_t> SequenceOf(Context& context, ContactId id) {
  KITH_ASSIGN_OR_RETURN(const auto changes, context.store.ChangesOf({id}, ""));
  if (changes.empty())
    return Fail(ErrorCode::kInternal, "the changes journal has no entry for a stored card");
  return changes.front().sequence;
}

// Members of the book whose `match.property` matches its text.
// The book's first `limit` members.
Result<std::vector<CardEntry>> Members(Context& context, const AddressBook& book, int limit) {
  KITH_ASSIGN_OR_RETURN(BookPage page, BookChanges(context, book, 0, limit, true));
  return std::move(page.entries);
}

Result<std::vector<CardEntry>> MatchesOf(Context& context, const AddressBook& book, const TextMatch& match,
                                         int limit) {
  const std::string_view property = match.property;
  if (match.defined_only) {
    if (property != "FN" && property != "N") {
      return Fail(ErrorCode::kInvalidInput,
                  "kith answers whether a card has FN or N, not " + std::string(property), "prop-filter");
    }
    return Members(context, book, limit);
  }
  std::string filter;
  if (property == "EMAIL") filter = "email:";
  if (property == "TEL") filter = "phone:";
  if (property == "ORG") filter = "company:";
  if (property == "FN" || property == "N") filter = "name:";
  if (filter.empty()) {
    return Fail(ErrorCode::kInvalidInput,
                "kith searches FN, EMAIL, TEL and ORG, not " + std::string(property), "prop-filter");
  }
  SearchRequest request;
  request.query = filter + match.text;
  request.limit = limit;
  KITH_ASSIGN_OR_RETURN(const auto hits, Search(context.store, request));
  std::vector<ContactId> ids;
  ids.reserve(hits.size());
  for (const SearchHit& hit : hits) ids.push_back(hit.id);
  KITH_ASSIGN_OR_RETURN(const auto changes, context.store.ChangesOf(ids, book.folded_tag));
  std::vector<CardEntry> entries;
  for (const ContactChange& change : changes) {
    if (!change.member) continue;
    entries.push_back(
        CardEntry{change.contact, CardName(change.uid), Etag(change.sequence), true, change.sequence});
  }
  return entries;
}

}  // namespace

std::string CardName(std::string_view uid) { return std::string(uid) + std::string(kCardSuffix); }

Result<BookPage> BookChanges(Context& context, const AddressBook& book, std::int64_t after, int limit,
                             bool members_only) {
  KITH_ASSIGN_OR_RETURN(const auto changes, context.store.ChangesAfter(after, book.folded_tag, limit));
  BookPage page;
  page.last_sequence = changes.empty() ? after : changes.back().sequence;
  page.more = static_cast<int>(changes.size()) == limit;
  for (const ContactChange& change : changes) {
    if (members_only && !change.member) continue;
    page.entries.push_back(CardEntry{change.contact, CardName(change.uid), Etag(change.sequence),
                                     change.member, change.sequence});
  }
  return page;
}

Result<CardBody> ReadCard(Context& context, const AddressBook& book, std::string_view name,
                          std::optional<VCardVersion> version) {
  KITH_RETURN_IF_ERROR(UidOfName(name).map([](const std::string&) {}));
  KITH_ASSIGN_OR_RETURN(auto cards, ReadCards(context, book, {std::string(name)}, version));
  if (cards.empty()) return tl::unexpected(NoSuchCard(book, name));
  return std::move(cards.front());
}

Result<std::vector<CardBody>> ReadCards(Context& context, const AddressBook& book,
                                        const std::vector<std::string>& names,
                                        std::optional<VCardVersion> version) {
  // One snapshot: the batch reads share one read transaction, and a card
  // is never seen half written.
  KITH_ASSIGN_OR_RETURN(auto snapshot, context.store.ReadSnapshot());
  std::vector<ContactId> ids;
  ids.reserve(names.size());
  for (const std::string& name : names) {
    const auto uid = UidOfName(name);
    if (!uid) continue;
    KITH_ASSIGN_OR_RETURN(const auto found, context.store.FindContactIds(ContactKey::kUid, *uid));
    if (!found.empty()) ids.push_back(found.front());
  }
  KITH_ASSIGN_OR_RETURN(auto changes, context.store.ChangesOf(ids, book.folded_tag));
  std::erase_if(changes, [](const ContactChange& change) { return !change.member; });
  std::vector<ContactId> members;
  members.reserve(changes.size());
  for (const ContactChange& change : changes) members.push_back(change.contact);
  KITH_ASSIGN_OR_RETURN(const auto contacts, context.store.GetContacts(members));
  KITH_ASSIGN_OR_RETURN(const auto stored, context.store.StoredVCardsOf(members));
  KITH_RETURN_IF_ERROR(snapshot.Commit());

  std::map<std::int64_t, const Contact*> by_id;
  for (const Contact& contact : contacts) by_id.emplace(contact.id.value, &contact);
  // vCard 3.0 unless asked: what iOS and Android read best.
  const VCardVersion wanted = version.value_or(VCardVersion::k30);
  std::vector<CardBody> bodies;
  bodies.reserve(changes.size());
  for (const ContactChange& change : changes) {
    const auto contact = by_id.find(change.contact.value);
    if (contact == by_id.end()) continue;
    const auto card = stored.find(change.contact.value);
    bodies.push_back(
        BodyOf(*contact->second, change, card == stored.end() ? nullptr : &card->second, wanted));
  }
  return bodies;
}

Result<CardWritten> PutCard(Context& context, const AddressBook& book, std::string_view name,
                            std::string_view vcard, const CardPreconditions& preconditions) {
  KITH_ASSIGN_OR_RETURN(const std::string uid, UidOfName(name));
  KITH_ASSIGN_OR_RETURN(ImportRecord record, ReadOneCard(vcard));
  KITH_ASSIGN_OR_RETURN(const auto entry, EntryOfName(context, book, name));
  const std::optional<ContactChange> member = entry && entry->member ? entry : std::nullopt;
  if (!PreconditionsHold(preconditions, member))
    return CardWritten{CardWriteOutcome::kPreconditionFailed, "", {}};

  ContactFields fields = std::move(record.fields);
  // A value that fails its check (an email without '@', a date that is no
  // date) is set aside on the card as an import sets it aside: a phone's
  // card is never refused for one value, and the client's own bytes, which
  // a GET gives back, still hold it.
  if (!fields.phones.empty()) KITH_RETURN_IF_ERROR(PhoneNumbersReady());
  const std::vector<ImportProblem> problems =
      ProblemsOf(record, TakeOutInvalidValues(fields, context.phone_region));
  std::optional<Contact> existing;
  if (entry) {
    KITH_ASSIGN_OR_RETURN(existing, context.store.GetContact(entry->contact));
    fields = MergeIncoming(*existing, std::move(fields), HasProperty(vcard, "CATEGORIES"));
  }
  KeepOnCard(problems, fields);
  AddBookTag(context, book, fields);
  KITH_RETURN_IF_ERROR(PrepareFields(fields, context.phone_region));

  const std::string now = context.clock.NowTimestamp();
  KITH_ASSIGN_OR_RETURN(auto transaction, BeginWrite(context, "save a card"));
  ContactId id;
  if (existing) {
    id = existing->id;
    // A card the phone still has comes back from the trash, never twice.
    if (existing->trashed_at) KITH_RETURN_IF_ERROR(context.store.RestoreContact(id, now));
    KITH_RETURN_IF_ERROR(context.store.UpdateContact(id, fields, now));
  } else {
    KITH_ASSIGN_OR_RETURN(const Contact created, context.store.InsertContact(fields, uid, now));
    id = created.id;
  }
  KITH_ASSIGN_OR_RETURN(const Contact stored, context.store.GetContact(id));
  const std::string sent(vcard);
  KITH_RETURN_IF_ERROR(
      context.store.SaveStoredVCard(id, StoredVCard{sent, Written(stored, StoredVersion(sent))}));
  KITH_ASSIGN_OR_RETURN(const std::int64_t sequence, SequenceOf(context, id));
  KITH_RETURN_IF_ERROR(transaction.Commit());
  CardWritten written{
      existing && member ? CardWriteOutcome::kUpdated : CardWriteOutcome::kCreated, Etag(sequence), {}};
  for (const ImportProblem& problem : problems) written.set_aside.push_back({problem.line, problem.property});
  return written;
}

Result<CardWritten> DeleteCard(Context& context, const AddressBook& book, std::string_view name,
                               const CardPreconditions& preconditions) {
  KITH_ASSIGN_OR_RETURN(const ContactChange member, MemberOfName(context, book, name));
  if (!PreconditionsHold(preconditions, member))
    return CardWritten{CardWriteOutcome::kPreconditionFailed, "", {}};
  KITH_ASSIGN_OR_RETURN(auto transaction, BeginWrite(context, "delete a card"));
  KITH_RETURN_IF_ERROR(context.store.TrashContact(member.contact, context.clock.NowTimestamp()));
  KITH_RETURN_IF_ERROR(transaction.Commit());
  return CardWritten{CardWriteOutcome::kDeleted, "", {}};
}

Result<std::vector<CardEntry>> QueryBook(Context& context, const AddressBook& book,
                                         const std::vector<TextMatch>& matches, bool all, int limit) {
  if (matches.empty()) return Members(context, book, limit);
  std::vector<CardEntry> entries;
  const auto contains = [](const std::vector<CardEntry>& list, const CardEntry& entry) {
    return std::any_of(list.begin(), list.end(),
                       [&](const CardEntry& other) { return other.contact == entry.contact; });
  };
  for (std::size_t i = 0; i < matches.size(); ++i) {
    KITH_ASSIGN_OR_RETURN(auto found, MatchesOf(context, book, matches[i], limit));
    if (i == 0) {
      entries = std::move(found);
    } else if (all) {
      std::erase_if(entries, [&](const CardEntry& entry) { return !contains(found, entry); });
    } else {
      for (CardEntry& entry : found) {
        if (!contains(entries, entry)) entries.push_back(std::move(entry));
      }
    }
  }
  return entries;
}

}  // namespace kith
