#include "formats/csv_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

namespace kith {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

struct Record {
  std::size_t line;
  std::vector<std::string> fields;
  bool operator==(const Record&) const = default;
};

void PrintTo(const Record& record, std::ostream* out) {
  *out << "line " << record.line << ":";
  for (const auto& field : record.fields) *out << " [" << field << "]";
}

// Every record of `text`, or the first error.
Result<std::vector<Record>> ReadAll(const std::string& text) {
  std::istringstream in(text);
  CsvReader reader(in);
  std::vector<Record> records;
  std::vector<std::string> fields;
  for (;;) {
    KITH_ASSIGN_OR_RETURN(const bool more, reader.Next(fields));
    if (!more) break;
    records.push_back(Record{reader.line(), fields});
  }
  return records;
}

std::vector<Record> ReadOk(const std::string& text) {
  auto records = ReadAll(text);
  EXPECT_TRUE(records.has_value()) << records.error().message;
  return records.value_or(std::vector<Record>{});
}

TEST(CsvReader, ReadsRecordsAndTheirLines) {
  EXPECT_THAT(ReadOk("a,b,c\n1,2,3\n"), ElementsAre(Record{1, {"a", "b", "c"}}, Record{2, {"1", "2", "3"}}));
}

TEST(CsvReader, EmptyInputHasNoRecords) {
  EXPECT_THAT(ReadOk(""), ElementsAre());
  EXPECT_THAT(ReadOk("\xEF\xBB\xBF"), ElementsAre());
}

TEST(CsvReader, SkipsUtf8ByteOrderMark) {
  EXPECT_THAT(ReadOk("\xEF\xBB\xBFName,Email\r\n"), ElementsAre(Record{1, {"Name", "Email"}}));
}

TEST(CsvReader, AcceptsCrlfLfAndLoneCrLineEndings) {
  EXPECT_THAT(ReadOk("a\r\nb\nc\rd"),
              ElementsAre(Record{1, {"a"}}, Record{2, {"b"}}, Record{3, {"c"}}, Record{4, {"d"}}));
}

TEST(CsvReader, ReadsLastLineWithoutLineBreak) {
  EXPECT_THAT(ReadOk("a,b\nc,d"), ElementsAre(Record{1, {"a", "b"}}, Record{2, {"c", "d"}}));
}

TEST(CsvReader, KeepsEmptyFieldsIncludingTrailingOnes) {
  EXPECT_THAT(ReadOk(",a,,\n"), ElementsAre(Record{1, {"", "a", "", ""}}));
}

TEST(CsvReader, BlankLinesHoldNoRecordButCountAsLines) {
  EXPECT_THAT(ReadOk("a\n\n\r\nb\n\n"), ElementsAre(Record{1, {"a"}}, Record{4, {"b"}}));
}

TEST(CsvReader, QuotedFieldsKeepCommasAndDoubledQuotes) {
  EXPECT_THAT(ReadOk("\"Ferreira, Lda.\",\"Kite \"\"Labs\"\"\",\"\"\n"),
              ElementsAre(Record{1, {"Ferreira, Lda.", "Kite \"Labs\"", ""}}));
}

TEST(CsvReader, QuotedLineBreaksBecomeLineFeedsAndMoveTheLineCount) {
  EXPECT_THAT(ReadOk("id,note\r\n1,\"first\r\nsecond\nthird\rfourth\"\r\n2,x\r\n"),
              ElementsAre(Record{1, {"id", "note"}}, Record{2, {"1", "first\nsecond\nthird\nfourth"}},
                          Record{6, {"2", "x"}}));
}

TEST(CsvReader, KeepsQuoteInsideUnquotedFieldLiterally) {
  EXPECT_THAT(ReadOk("5\" screen,O\"Neil\n"), ElementsAre(Record{1, {"5\" screen", "O\"Neil"}}));
}

TEST(CsvReader, ForgivesBlanksAroundQuotedField) {
  EXPECT_THAT(ReadOk("a, \"b, c\" ,\"d\"  \n"), ElementsAre(Record{1, {"a", "b, c", "d"}}));
}

TEST(CsvReader, KeepsBlanksOfUnquotedFields) {
  EXPECT_THAT(ReadOk(" a , b\n"), ElementsAre(Record{1, {" a ", " b"}}));
}

TEST(CsvReader, RejectsTextAfterClosingQuote) {
  const auto records = ReadAll("a,b\nx,\"abc\"def,y\n");
  ASSERT_FALSE(records.has_value());
  EXPECT_EQ(records.error().code, ErrorCode::kParseError);
  EXPECT_THAT(records.error().message, HasSubstr("line 2: text after a closing quote in field 2"));
}

TEST(CsvReader, UnterminatedQuoteNamesWhereItOpened) {
  const auto records = ReadAll("a,b\n1,2\n3,\"never\nclosed,\n4,5\n");
  ASSERT_FALSE(records.has_value());
  EXPECT_EQ(records.error().code, ErrorCode::kParseError);
  EXPECT_EQ(records.error().message, "line 5: unterminated quote (the field opened on line 3 never closes)");
}

TEST(CsvReader, UnterminatedQuoteOnLastLine) {
  const auto records = ReadAll("a,\"b");
  ASSERT_FALSE(records.has_value());
  EXPECT_EQ(records.error().message, "line 1: unterminated quote (the field opened on line 1 never closes)");
}

TEST(CsvReader, ReusesTheFieldsVectorForShorterRecords) {
  std::istringstream in("a,b,c\nd\n");
  CsvReader reader(in);
  std::vector<std::string> fields;
  ASSERT_TRUE(reader.Next(fields).value_or(false));
  EXPECT_THAT(fields, ElementsAre("a", "b", "c"));
  ASSERT_TRUE(reader.Next(fields).value_or(false));
  EXPECT_THAT(fields, ElementsAre("d"));
  EXPECT_FALSE(reader.Next(fields).value_or(true));
  EXPECT_TRUE(fields.empty());
}

// The reader refills a 64 KiB buffer; every construct must survive being cut
// in two by a refill, wherever the cut falls.
TEST(CsvReader, ConstructsSplitAcrossBufferRefillsReadTheSame) {
  constexpr std::size_t kBuffer = 64 * 1024;
  for (std::size_t shift = 0; shift < 20; ++shift) {
    const std::string pad(kBuffer - 16 + shift, 'x');
    const std::string text = pad + ",\"q\"\"r\r\ns\"\r\n\"t\",u\r\nv\r\n";
    EXPECT_THAT(ReadOk(text),
                ElementsAre(Record{1, {pad, "q\"r\ns"}}, Record{3, {"t", "u"}}, Record{4, {"v"}}))
        << "shift " << shift;
  }
}

TEST(CsvReader, ReadsFieldsLongerThanTheBuffer) {
  const std::string long_value(200 * 1024, 'n');
  EXPECT_THAT(ReadOk("\"" + long_value + "\"," + long_value + "\n"),
              ElementsAre(Record{1, {long_value, long_value}}));
}

TEST(WriteCsvRecord, QuotesOnlyWhatNeedsItAndEndsWithCrlf) {
  std::ostringstream out;
  WriteCsvRecord(out, {"plain", "a,b", "say \"hi\"", "two\nlines", " padded", "tail ", ""});
  EXPECT_EQ(out.str(), "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" padded\",\"tail \",\r\n");
}

TEST(WriteCsvRecord, WritesALoneEmptyFieldSoItIsNotABlankLine) {
  std::ostringstream out;
  WriteCsvRecord(out, {""});
  EXPECT_EQ(out.str(), "\"\"\r\n");
  EXPECT_THAT(ReadOk(out.str()), ElementsAre(Record{1, {""}}));
}

TEST(WriteCsvRecord, WhatItWritesReadsBackTheSame) {
  const std::vector<std::string> fields = {"Zoë", "\"quoted\"", "a,b", "line\nbreak", " x ",
                                           "",    "\"",         ",",   "é ::: ü"};
  std::ostringstream out;
  WriteCsvRecord(out, fields);
  WriteCsvRecord(out, fields);
  EXPECT_THAT(ReadOk(out.str()), ElementsAre(Record{1, fields}, Record{3, fields}));
}

TEST(CsvReader, AcceptsAFieldOfExactlyTheLimit) {
  const std::string longest(kMaxCsvFieldBytes, 'x');
  EXPECT_THAT(ReadOk("a," + longest + "\n"), ElementsAre(Record{1, {"a", longest}}));
}

TEST(CsvReader, RefusesAnUnquotedFieldLongerThanTheLimit) {
  const auto read = ReadAll("name,notes\nAda," + std::string(kMaxCsvFieldBytes + 1, 'x') + ",z\n");
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().code, ErrorCode::kParseError);
  EXPECT_EQ(read.error().message,
            "line 2: field 2 is longer than 1 MiB; a contacts table's fields are far shorter");
}

TEST(CsvReader, RefusesAQuoteThatNeverClosesOnceTheFieldPassesTheLimit) {
  // A stray quote early in a big file would otherwise swallow the rest of it.
  std::string text = "name,email\n\"Ada,ada@acme.com\n";
  while (text.size() <= kMaxCsvFieldBytes + 64) text += "Bob,bob@acme.com\n";
  const auto read = ReadAll(text);
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().message, "line 2: field 1 is longer than 1 MiB (a quote that never closes?)");
}

TEST(CsvReader, RefusesARecordLongerThanTheLimit) {
  // Each field is well under the field limit; together they pass the record's.
  const std::string field(kMaxCsvFieldBytes / 2, 'x');
  std::string row = "Ada";
  while (row.size() <= kMaxCsvRecordBytes) row += "," + field;
  const auto read = ReadAll("name\n" + row + "\n");
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().message,
            "line 2: the record is longer than 8 MiB; a contacts table's rows are far shorter");
}

}  // namespace
}  // namespace kith
