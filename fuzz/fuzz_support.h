// What the fuzz targets share: a check that stops the run with a message
// (libFuzzer records the input that made it fail), and the steps an import
// takes between reading a file and writing a card, so a round trip through a
// writer is the round trip a person's data makes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/contact.h"
#include "formats/import_record.h"

namespace kith::fuzz {

// Prints `what` and aborts when `condition` is false. Unlike assert() it is
// never compiled out: the replay driver runs in release builds too.
void Check(bool condition, std::string_view what);

// The input as text (libFuzzer hands over bytes).
std::string_view AsText(const std::uint8_t* data, std::size_t size);

// A record a file gave, tidied and validated as `kith import` does
// (PrepareFields, region "US"), as the card an export would write, its uid
// kept; nullopt when an import would skip it.
std::optional<Contact> ImportedContact(ImportRecord record);
// The same for every record, the skipped ones dropped.
std::vector<Contact> ImportedContacts(std::vector<ImportRecord> records);

// A sink that keeps every record.
RecordSink Collect(std::vector<ImportRecord>& records);

// A file name in the temporary directory, unique to this process and
// `name`; it and its SQLite companions (-wal, -shm) are removed at exit.
std::string ScratchPath(const std::string& name);

// Copies `from` over `to`. libFuzzer's timers interrupt system calls, and
// std::filesystem gives up on EINTR, so an interrupted copy is retried; any
// other failure stops the run (the harness itself is broken then).
void CopyOver(const std::string& from, const std::string& to);

// Reads text in a format and writes what an import keeps back in it;
// returns false when the text is not in the format.
using ReadThenWrite = std::function<bool(const std::string& text, std::string& written)>;

// The round trip a person's data makes through `format`'s reader and
// writer: when `input` reads, what is written reads back, and a second round
// writes the same text as the first (the writer's output is a fixed point).
void CheckRoundTrip(std::string_view input, const ReadThenWrite& read_then_write, std::string_view format);

}  // namespace kith::fuzz
