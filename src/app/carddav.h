// The actions behind the CardDAV face (src/dav): address books, cards as
// vCards with strong ETags, and the changes journal behind sync tokens.
// How kith maps CardDAV is written up in docs/sync.md.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/context.h"
#include "domain/result.h"
#include "formats/vcard_writer.h"

namespace kith {

// The default book holds every live contact; a book a client creates holds
// the live contacts carrying its tag.
inline constexpr std::string_view kDefaultBookSegment = "default";
inline constexpr std::string_view kDefaultBookName = "kith";
// The largest card accepted (a card with a photo is a few hundred KB).
inline constexpr std::size_t kMaxCardBytes = 4U << 20U;

struct AddressBook {
  std::string segment;       // its name in the URL
  std::string display_name;  // the tag, or kDefaultBookName
  std::string folded_tag;    // empty for the default book
};

// Every book, the default first.
Result<std::vector<AddressBook>> ListAddressBooks(Context& context);
// kNotFound for an unknown segment.
Result<AddressBook> FindAddressBook(Context& context, std::string_view segment);
// A new book; its tag is `display_name`, else the segment. kAlreadyExists
// when the segment is taken (the default's too); kInvalidInput for a
// segment that is empty, too long or not plain text.
Result<AddressBook> CreateAddressBook(Context& context, std::string_view segment,
                                      std::string_view display_name);
// Renames the book and the tag on each of its cards, in one transaction.
// kInvalidInput for the default book or an empty name.
Status RenameAddressBook(Context& context, std::string_view segment, std::string_view display_name);
// Moves the book's cards to the trash (restorable) and forgets the book.
// kInvalidInput for the default book.
Status DeleteAddressBook(Context& context, std::string_view segment);

// Sync tokens name a sequence number of the changes journal.
std::string SyncToken(std::int64_t sequence);
// kInvalidInput when `token` is not one of kith's or names a sequence
// number the journal has not reached.
Result<std::int64_t> ParseSyncToken(Context& context, std::string_view token);
// The journal's newest sequence number: a book's version (ctag, token).
Result<std::int64_t> LatestCardChange(Context& context);

// A card's resource name is its contact's uid with ".vcf".
std::string CardName(std::string_view uid);

// A member of a book as listings show it.
struct CardEntry {
  ContactId contact;
  std::string name;     // resource name
  std::string etag;     // with its quotes
  bool member = false;  // false: gone from this book (trashed, untagged, deleted)
  std::int64_t sequence = 0;
};

// Journal entries after `after` (0: the whole book), at most `limit`
// scanned, in order; with `members_only` the ones that left the book are
// skipped. `more` says the scan stopped at the limit: ask again after
// `last_sequence`.
struct BookPage {
  std::vector<CardEntry> entries;
  std::int64_t last_sequence = 0;
  bool more = false;
};
Result<BookPage> BookChanges(Context& context, const AddressBook& book, std::int64_t after, int limit,
                             bool members_only);

// A card's bytes in `version` (3.0 when none is asked): the client's own
// card, patched with kith's edits, when it was sent in that version; else
// kith's vCard of the contact. The ETag is the same for either version.
struct CardBody {
  ContactId contact;
  std::string name;
  std::string etag;
  std::string vcard;
};
// kNotFound when the name is no member of the book.
Result<CardBody> ReadCard(Context& context, const AddressBook& book, std::string_view name,
                          std::optional<VCardVersion> version);
// The cards among `names` that are members of the book, in the order of
// `names` (the others are left out): read in one snapshot, a few queries
// for the whole batch (a multiget, a page of a listing) instead of several
// for each card.
Result<std::vector<CardBody>> ReadCards(Context& context, const AddressBook& book,
                                        const std::vector<std::string>& names,
                                        std::optional<VCardVersion> version);

// What a client asks of a write: If-Match (an etag with its quotes) and
// If-None-Match: *.
struct CardPreconditions {
  std::optional<std::string> if_match;
  bool if_none_match_any = false;
};

enum class CardWriteOutcome { kCreated, kUpdated, kDeleted, kPreconditionFailed };

// A value a PUT card sent that failed its check (an email without '@', a
// date that is no date): where it was, never the value itself.
struct SetAsideProperty {
  std::size_t line = 0;  // in the card sent, from 1; 0 when not known
  std::string property;  // "EMAIL", "BDAY", …
};

struct CardWritten {
  CardWriteOutcome outcome = CardWriteOutcome::kCreated;
  std::string etag;  // of the stored card (empty when nothing was written)
  // Values set aside on the card as raw fields ("raw EMAIL") instead of
  // refusing it; a CardDAV client cannot be told, so the face reports them.
  std::vector<SetAsideProperty> set_aside;
};

// Stores `vcard` as the card `name` of the book: the contact is created or
// updated from it, its bytes are kept as sent, and a tag book's tag is
// added. Fields kith keeps that the card does not carry (where you met,
// skills, tags when it has no CATEGORIES) are kept. kParseError or
// kInvalidInput with the reason for a card that is not one valid vCard,
// kInvalidInput for a name that is not UID.vcf.
Result<CardWritten> PutCard(Context& context, const AddressBook& book, std::string_view name,
                            std::string_view vcard, const CardPreconditions& preconditions);
// Moves the card's contact to the trash. kNotFound when it is no member.
Result<CardWritten> DeleteCard(Context& context, const AddressBook& book, std::string_view name,
                               const CardPreconditions& preconditions);

// A prop-filter of an addressbook-query: a property ("FN", "EMAIL", "TEL",
// "ORG") and the text searched for in it, or (`defined_only`, a filter with
// no text-match, as tsdav sends) only that the card has the property.
struct TextMatch {
  std::string property;
  std::string text;
  bool defined_only = false;
};
// Members of the book matching any (or, with `all`, every) text match,
// answered by kith's search, at most `limit`; every member (up to `limit`)
// when there are none, and for FN or N merely defined (every card kith
// serves has both). kInvalidInput naming "prop-filter" for another property,
// or another property asked only to be defined.
Result<std::vector<CardEntry>> QueryBook(Context& context, const AddressBook& book,
                                         const std::vector<TextMatch>& matches, bool all, int limit);

}  // namespace kith
