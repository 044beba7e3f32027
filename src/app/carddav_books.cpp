// Address books: the default one, and one per tag a client created.
#include <algorithm>
#include <charconv>

#include "app/access.h"
#include "app/carddav.h"
#include "app/prepare_fields.h"
#include "domain/validation.h"

namespace kith {
namespace {

constexpr std::string_view kSyncTokenPrefix = "urn:kith:sync:";
constexpr std::size_t kMaxSegment = 100;

AddressBook BookOf(const Context& context, const AddressBookEntry& entry) {
  return AddressBook{entry.segment, entry.tag, context.store.FoldLabel(entry.tag)};
}

AddressBook DefaultBook() {
  return AddressBook{std::string(kDefaultBookSegment), std::string(kDefaultBookName), ""};
}

Status ValidateSegment(std::string_view segment) {
  const bool plain = std::all_of(segment.begin(), segment.end(), [](char c) {
    return c != '/' && c != '\\' && static_cast<unsigned char>(c) >= 0x20 && c != 0x7f;
  });
  if (segment.empty() || segment.size() > kMaxSegment || !plain || segment == "." || segment == "..") {
    return Fail(ErrorCode::kInvalidInput,
                "an address book's name must be 1 to 100 characters without '/' or control characters",
                "book");
  }
  return Ok();
}

Status NotTheDefault(std::string_view segment, std::string_view doing) {
  if (segment == kDefaultBookSegment) {
    return Fail(ErrorCode::kInvalidInput,
                "the default address book holds every contact: it cannot be " + std::string(doing), "book");
  }
  return Ok();
}

}  // namespace

Result<std::vector<AddressBook>> ListAddressBooks(Context& context) {
  KITH_ASSIGN_OR_RETURN(const auto entries, context.store.AddressBooks());
  std::vector<AddressBook> books = {DefaultBook()};
  for (const AddressBookEntry& entry : entries) books.push_back(BookOf(context, entry));
  return books;
}

Result<AddressBook> FindAddressBook(Context& context, std::string_view segment) {
  if (segment == kDefaultBookSegment) return DefaultBook();
  KITH_ASSIGN_OR_RETURN(const auto entries, context.store.AddressBooks());
  for (const AddressBookEntry& entry : entries) {
    if (entry.segment == segment) return BookOf(context, entry);
  }
  return Fail(ErrorCode::kNotFound, "no address book '" + std::string(segment) + "'", "book");
}

Result<AddressBook> CreateAddressBook(Context& context, std::string_view segment,
                                      std::string_view display_name) {
  KITH_RETURN_IF_ERROR(ValidateSegment(segment));
  if (segment == kDefaultBookSegment) {
    return Fail(ErrorCode::kAlreadyExists, "address book '" + std::string(segment) + "' already exists",
                "book");
  }
  const std::string trimmed = Trim(display_name);
  const std::string tag = trimmed.empty() ? std::string(segment) : trimmed;
  KITH_ASSIGN_OR_RETURN(auto transaction, BeginWrite(context, "add an address book"));
  KITH_RETURN_IF_ERROR(context.store.InsertAddressBook(AddressBookEntry{std::string(segment), tag}));
  KITH_RETURN_IF_ERROR(transaction.Commit());
  return BookOf(context, AddressBookEntry{std::string(segment), tag});
}

Status RenameAddressBook(Context& context, std::string_view segment, std::string_view display_name) {
  KITH_RETURN_IF_ERROR(NotTheDefault(segment, "renamed"));
  const std::string name(Trim(display_name));
  if (name.empty()) return Fail(ErrorCode::kInvalidInput, "an address book needs a name", "displayname");
  KITH_ASSIGN_OR_RETURN(const AddressBook book, FindAddressBook(context, segment));
  KITH_ASSIGN_OR_RETURN(const auto members, context.store.ContactsTagged(book.folded_tag));
  KITH_ASSIGN_OR_RETURN(auto transaction, BeginWrite(context, "rename an address book"));
  const std::string now = context.clock.NowTimestamp();
  for (const ContactId id : members) {
    KITH_ASSIGN_OR_RETURN(Contact contact, context.store.GetContact(id));
    for (std::string& tag : contact.tags) {
      if (context.store.FoldLabel(tag) == book.folded_tag) tag = name;
    }
    ContactFields fields = contact;
    KITH_RETURN_IF_ERROR(PrepareFields(fields, context.phone_region));
    KITH_RETURN_IF_ERROR(context.store.UpdateContact(id, fields, now));
  }
  KITH_RETURN_IF_ERROR(context.store.RenameAddressBook(segment, name));
  return transaction.Commit();
}

Status DeleteAddressBook(Context& context, std::string_view segment) {
  KITH_RETURN_IF_ERROR(NotTheDefault(segment, "deleted"));
  KITH_ASSIGN_OR_RETURN(const AddressBook book, FindAddressBook(context, segment));
  KITH_ASSIGN_OR_RETURN(const auto members, context.store.ContactsTagged(book.folded_tag));
  KITH_ASSIGN_OR_RETURN(auto transaction, BeginWrite(context, "remove an address book"));
  const std::string now = context.clock.NowTimestamp();
  for (const ContactId id : members) KITH_RETURN_IF_ERROR(context.store.TrashContact(id, now));
  KITH_RETURN_IF_ERROR(context.store.RemoveAddressBook(segment));
  return transaction.Commit();
}

std::string SyncToken(std::int64_t sequence) {
  return std::string(kSyncTokenPrefix) + std::to_string(sequence);
}

Result<std::int64_t> ParseSyncToken(Context& context, std::string_view token) {
  std::int64_t sequence = -1;
  if (token.starts_with(kSyncTokenPrefix)) {
    const std::string_view digits = token.substr(kSyncTokenPrefix.size());
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), sequence);
    if (error != std::errc() || end != digits.data() + digits.size()) sequence = -1;
  }
  KITH_ASSIGN_OR_RETURN(const std::int64_t latest, context.store.LatestChange());
  if (sequence < 0 || sequence > latest) {
    return Fail(ErrorCode::kInvalidInput, "the sync token '" + std::string(token) + "' is not one kith gave",
                "sync-token");
  }
  return sequence;
}

Result<std::int64_t> LatestCardChange(Context& context) { return context.store.LatestChange(); }

}  // namespace kith
