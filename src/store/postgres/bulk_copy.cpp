// Many rows at once through COPY: the cards of a bulk write (an import, a
// generated network) with their lists and search entries, a batch per
// table instead of a statement per row. The one-at-a-time path
// (contacts.cpp, search_index.cpp) stays for everything else.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "store/column_lists.h"
#include "store/postgres/pg_store.h"
#include "store/postgres/row_values.h"

namespace kith::postgres {
namespace {

// Below this many cards a batch goes row by row: COPY's staging costs a
// few statements of its own.
constexpr std::size_t kCopyAtLeast = 16;

// Rows in COPY's binary format (the PostgreSQL manual, "COPY", Binary
// Format): a signature and two empty words, then each row as its number
// of fields and each field as its length and its bytes, integers in
// network byte order; a row count of -1 ends it.
class BinaryRows {
 public:
  BinaryRows() {
    constexpr std::string_view kSignature("PGCOPY\n\377\r\n\0", 11);
    data_ += kSignature;
    Int32(0);  // flags
    Int32(0);  // header extension length
  }
  void Row(std::int16_t fields) { Int16(fields); }
  void Int8(std::int64_t value) {
    Int32(8);
    Int64(value);
  }
  // tsvector's binary form (tsvectorsend): the lexeme count, then each
  // lexeme with a terminating NUL and its number of positions (none here).
  void TsVector(const std::vector<std::string>& lexemes) {
    const std::size_t length_at = data_.size();
    Int32(0);
    const std::size_t start = data_.size();
    Int32(static_cast<std::int32_t>(lexemes.size()));
    for (const std::string& lexeme : lexemes) {
      data_ += lexeme;
      data_ += '\0';
      Int16(0);
    }
    PutAt(length_at, static_cast<std::uint32_t>(data_.size() - start));
  }
  std::string Finish() {
    Int16(-1);
    return std::move(data_);
  }

 private:
  void Int16(std::int16_t value) {
    const auto bits = static_cast<std::uint16_t>(value);
    data_ += static_cast<char>(bits >> 8);
    data_ += static_cast<char>(bits & 0xFF);
  }
  void Int32(std::int32_t value) {
    data_.append(4, '\0');
    PutAt(data_.size() - 4, static_cast<std::uint32_t>(value));
  }
  void Int64(std::int64_t value) {
    const auto bits = static_cast<std::uint64_t>(value);
    Int32(static_cast<std::int32_t>(static_cast<std::uint32_t>(bits >> 32)));
    Int32(static_cast<std::int32_t>(static_cast<std::uint32_t>(bits & 0xFFFFFFFFU)));
  }
  void PutAt(std::size_t at, std::uint32_t value) {
    for (int byte = 0; byte < 4; ++byte) {
      data_[at + static_cast<std::size_t>(byte)] = static_cast<char>((value >> (24 - 8 * byte)) & 0xFFU);
    }
  }

  std::string data_;
};

// Whether any card of a batch has values for a list table: a table none
// has is not copied at all (its staging costs four statements).
bool Any(std::span<const ContactFields> fields, bool (*has)(const ContactFields&)) {
  for (const ContactFields& card : fields) {
    if (has(card)) return true;
  }
  return false;
}

}  // namespace

Result<std::int64_t> PgStore::CopyInto(const std::string& table, const std::string& columns,
                                       const std::function<Status(CopyWriter&)>& write,
                                       std::string_view on_conflict) {
  return CopyThroughStaging(
      table, columns, "",
      [&]() -> Status {
        CopyWriter writer(*connection_, std::to_string(workspace_));
        KITH_RETURN_IF_ERROR(write(writer));
        return writer.Finish();
      },
      on_conflict);
}

Result<std::int64_t> PgStore::CopyThroughStaging(const std::string& table, const std::string& columns,
                                                 std::string_view options,
                                                 const std::function<Status()>& send,
                                                 std::string_view on_conflict) {
  // COPY FROM is refused on a table under row-level security, even to its
  // owner (every policy table is FORCE ROW LEVEL SECURITY): the rows go
  // into a temporary copy of the table, then into the table by one
  // INSERT … SELECT, whose policies check each row's workspace.
  const std::string staging = "kith_copy_" + table;
  KITH_RETURN_IF_ERROR(connection_->Execute("CREATE TEMP TABLE IF NOT EXISTS " + staging + " (LIKE " + table +
                                            " INCLUDING DEFAULTS) ON COMMIT DROP"));
  KITH_RETURN_IF_ERROR(connection_->BeginCopy("COPY " + staging + " (workspace_id, " + columns +
                                              ") FROM STDIN" + std::string(options)));
  if (Status sent = send(); !sent) {
    connection_->AbortCopy("kith stopped the copy");
    return tl::unexpected(sent.error());
  }
  KITH_RETURN_IF_ERROR(connection_->EndCopy());
  KITH_ASSIGN_OR_RETURN(
      const Rows inserted,
      connection_->Query("INSERT INTO " + table + " (workspace_id, " + columns + ") SELECT workspace_id, " +
                         columns + " FROM " + staging + std::string(on_conflict)));
  KITH_RETURN_IF_ERROR(connection_->Execute("TRUNCATE " + staging));
  return inserted.Affected();
}

Status PgStore::CopyCardRows(ContactId first, std::span<const ContactFields> fields,
                             std::span<const std::string> uids, const std::string& now) {
  const auto id_of = [&](std::size_t index) { return first.value + static_cast<std::int64_t>(index); };
  // The changes journal numbers the batch's cards in id order, once for
  // the statement (its insert trigger, PostgreSQL migration 11).
  KITH_RETURN_IF_ERROR(CopyInto(
      "contacts",
      "id, uid, display_name, given_name, family_name, sort_name, company, title, website, city, "
      "neighborhood, "
      "hometown, how_met, met_at, met_on, open_to_opportunities, looking_for, open_since, notes, created_at, "
      "updated_at, kind, nickname, role, departments, birthday, anniversary",
      [&](CopyWriter& rows) -> Status {
        for (std::size_t i = 0; i < fields.size(); ++i) {
          const ContactFields& card = fields[i];
          const std::string sort_name = SortName(card.display_name);
          ListCardKeys(uids[i], sort_name, card);
          rows.Column(id_of(i));
          rows.Column(uids[i]);
          rows.Column(card.display_name);
          rows.Column(card.given_name);
          rows.Column(card.family_name);
          rows.Column(sort_name);
          rows.Column(card.company);
          rows.Column(card.title);
          rows.Column(card.website);
          rows.Column(card.city);
          rows.Column(card.neighborhood);
          rows.Column(card.hometown);
          rows.Column(card.how_met);
          rows.Column(card.met_at);
          rows.Column(IsoOrNull(card.met_on));
          rows.Column(card.open_to_opportunities);
          rows.Column(card.looking_for);
          rows.Column(IsoOrNull(card.open_since));
          rows.Column(card.notes);
          rows.Column(now);
          rows.Column(now);
          rows.Column(card.kind);
          rows.Column(card.nickname);
          rows.Column(card.role);
          rows.Column(JoinLines(card.departments, '\n'));
          rows.Column(IsoOrNull(card.birthday));
          rows.Column(IsoOrNull(card.anniversary));
          KITH_RETURN_IF_ERROR(rows.EndRow());
        }
        return Ok();
      }));
  if (Any(fields, [](const ContactFields& card) { return !card.emails.empty(); })) {
    KITH_RETURN_IF_ERROR(
        CopyInto("contact_emails", "contact_id, position, address", [&](CopyWriter& rows) -> Status {
          for (std::size_t i = 0; i < fields.size(); ++i) {
            for (std::size_t at = 0; at < fields[i].emails.size(); ++at) {
              rows.Column(id_of(i));
              rows.Column(static_cast<int>(at));
              rows.Column(fields[i].emails[at]);
              KITH_RETURN_IF_ERROR(rows.EndRow());
            }
          }
          return Ok();
        }));
  }
  if (Any(fields, [](const ContactFields& card) { return !card.phones.empty(); })) {
    KITH_RETURN_IF_ERROR(
        CopyInto("contact_phones", "contact_id, position, original, e164", [&](CopyWriter& rows) -> Status {
          for (std::size_t i = 0; i < fields.size(); ++i) {
            for (std::size_t at = 0; at < fields[i].phones.size(); ++at) {
              rows.Column(id_of(i));
              rows.Column(static_cast<int>(at));
              rows.Column(fields[i].phones[at].original);
              rows.Column(fields[i].phones[at].e164);
              KITH_RETURN_IF_ERROR(rows.EndRow());
            }
          }
          return Ok();
        }));
  }
  if (Any(fields, [](const ContactFields& card) { return !card.links.empty(); })) {
    KITH_RETURN_IF_ERROR(CopyInto("contact_links",
                                  "contact_id, position, kind, url, connected, followed, connected_on",
                                  [&](CopyWriter& rows) -> Status {
                                    for (std::size_t i = 0; i < fields.size(); ++i) {
                                      for (std::size_t at = 0; at < fields[i].links.size(); ++at) {
                                        const Link& link = fields[i].links[at];
                                        rows.Column(id_of(i));
                                        rows.Column(static_cast<int>(at));
                                        rows.Column(std::string(LinkKindName(link.kind)));
                                        rows.Column(link.url);
                                        rows.Column(link.connected);
                                        rows.Column(link.followed);
                                        rows.Column(IsoOrNull(link.connected_on));
                                        KITH_RETURN_IF_ERROR(rows.EndRow());
                                      }
                                    }
                                    return Ok();
                                  }));
  }
  if (Any(fields, [](const ContactFields& card) {
        return !card.tags.empty() || !card.skills.empty() || !card.interests.empty();
      })) {
    KITH_RETURN_IF_ERROR(CopyInto(
        "contact_labels", "contact_id, kind, position, value, folded", [&](CopyWriter& rows) -> Status {
          for (std::size_t i = 0; i < fields.size(); ++i) {
            const std::array<std::pair<const char*, const std::vector<std::string>*>, 3> lists = {
                {{"tag", &fields[i].tags}, {"skill", &fields[i].skills}, {"interest", &fields[i].interests}}};
            for (const auto& [kind, values] : lists) {
              for (std::size_t at = 0; at < values->size(); ++at) {
                rows.Column(id_of(i));
                rows.Column(kind);
                rows.Column(static_cast<int>(at));
                rows.Column((*values)[at]);
                rows.Column(SortName((*values)[at]));
                KITH_RETURN_IF_ERROR(rows.EndRow());
              }
            }
          }
          return Ok();
        }));
  }
  if (Any(fields, [](const ContactFields& card) {
        return !card.custom.empty() || !card.photo.empty() || !card.vcard_properties.empty();
      })) {
    KITH_RETURN_IF_ERROR(CopyInto(
        "contact_extras", "contact_id, kind, position, label, value", [&](CopyWriter& rows) -> Status {
          const auto extra = [&](std::size_t i, const char* kind, std::size_t at, const std::string& label,
                                 const std::string& value) -> Status {
            rows.Column(id_of(i));
            rows.Column(kind);
            rows.Column(static_cast<int>(at));
            rows.Column(label);
            rows.Column(value);
            return rows.EndRow();
          };
          for (std::size_t i = 0; i < fields.size(); ++i) {
            const ContactFields& card = fields[i];
            for (std::size_t at = 0; at < card.custom.size(); ++at) {
              KITH_RETURN_IF_ERROR(extra(i, "custom", at, card.custom[at].label, card.custom[at].value));
            }
            if (!card.photo.empty()) KITH_RETURN_IF_ERROR(extra(i, "photo", 0, "", card.photo));
            for (std::size_t at = 0; at < card.vcard_properties.size(); ++at) {
              KITH_RETURN_IF_ERROR(extra(i, "vcard", at, "", card.vcard_properties[at]));
            }
          }
          return Ok();
        }));
  }
  if (Any(fields, [](const ContactFields& card) { return !card.value_types.empty(); })) {
    KITH_RETURN_IF_ERROR(CopyInto("contact_value_types",
                                  "contact_id, position, property, value, types, pref, label",
                                  [&](CopyWriter& rows) -> Status {
                                    for (std::size_t i = 0; i < fields.size(); ++i) {
                                      for (std::size_t at = 0; at < fields[i].value_types.size(); ++at) {
                                        const ValueType& value = fields[i].value_types[at];
                                        rows.Column(id_of(i));
                                        rows.Column(static_cast<int>(at));
                                        rows.Column(value.property);
                                        rows.Column(value.value);
                                        rows.Column(JoinLines(value.types, ','));
                                        rows.Column(value.pref);
                                        rows.Column(value.label);
                                        KITH_RETURN_IF_ERROR(rows.EndRow());
                                      }
                                    }
                                    return Ok();
                                  }));
  }
  if (Any(fields, [](const ContactFields& card) { return !card.addresses.empty(); })) {
    KITH_RETURN_IF_ERROR(CopyInto(
        "contact_addresses",
        "contact_id, position, types, pref, label, po_box, extended, street, locality, region, postal_code, "
        "country, delivery_label",
        [&](CopyWriter& rows) -> Status {
          for (std::size_t i = 0; i < fields.size(); ++i) {
            for (std::size_t at = 0; at < fields[i].addresses.size(); ++at) {
              const Address& value = fields[i].addresses[at];
              rows.Column(id_of(i));
              rows.Column(static_cast<int>(at));
              rows.Column(JoinLines(value.types, ','));
              rows.Column(value.pref);
              rows.Column(value.label);
              rows.Column(value.po_box);
              rows.Column(value.extended);
              rows.Column(value.street);
              rows.Column(value.locality);
              rows.Column(value.region);
              rows.Column(value.postal_code);
              rows.Column(value.country);
              rows.Column(value.delivery_label);
              KITH_RETURN_IF_ERROR(rows.EndRow());
            }
          }
          return Ok();
        }));
  }
  return Ok();
}

Status PgStore::IndexNewCards(const std::vector<const Contact*>& contacts, VocabularyDelta& vocabulary) {
  if (!bulk_ || contacts.size() < kCopyAtLeast) return CardStore::IndexNewCards(contacts, vocabulary);
  // In COPY's binary form: PostgreSQL reads a tsvector's text form about
  // three times slower than its binary one (BENCHMARKS.md), and the search
  // entries are most of what the database parses in a bulk write.
  BinaryRows rows;
  for (const Contact* contact : contacts) {
    std::vector<std::string> all_terms;
    const std::vector<std::string> lexemes = Lexemes(*contact, all_terms);
    CountTerms(all_terms, +1, vocabulary);
    rows.Row(4);
    rows.Int8(workspace_);
    rows.Int8(contact->id.value);
    rows.Int8(SearchKey(*contact));
    rows.TsVector(lexemes);
  }
  const std::string data = rows.Finish();
  return CopyThroughStaging("search_entries", "contact_id, search_key, terms", " (FORMAT binary)",
                            [&]() { return connection_->SendCopy(data); })
      .map([](std::int64_t) {});
}

Status PgStore::AnalyzeAsTheCardsGrow(std::int64_t added) {
  // The planner's statistics are gathered by autovacuum, which cannot see
  // the cards of a transaction still open: all through a first import it
  // would plan the lookups for the empty tables it last saw, and walk
  // every card for each of them. ANALYZE in the transaction counts its
  // own new rows. The planner scales the rows it last counted by a
  // table's size now, so once the tables are known not to be empty the
  // statistics need only an occasional refresh: each time the cards
  // copied have grown tenfold (three times in a million). (Only the
  // tables' owner may: another role's ANALYZE warns and does nothing.)
  constexpr std::int64_t kGrowth = 10;
  copied_cards_ += added;
  if (copied_cards_ < kGrowth * analyzed_at_cards_ + static_cast<std::int64_t>(kCopyAtLeast)) return Ok();
  analyzed_at_cards_ = copied_cards_;
  return connection_->Execute("ANALYZE contacts, contact_emails, contact_phones, contact_links");
}

bool PgStore::CopiesCards(std::size_t count) const { return bulk_ && count >= kCopyAtLeast; }

}  // namespace kith::postgres
