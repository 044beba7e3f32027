// Text that is not UTF-8: finding it, and decoding the single-byte encodings
// older exports use (Outlook on Windows writes Windows-1252).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "domain/contact.h"

namespace kith {

// The byte offset of the first byte that is not part of valid UTF-8
// (overlong forms, surrogates and code points past U+10FFFF are invalid),
// or nullopt when all of `text` is valid.
std::optional<std::size_t> FindInvalidUtf8(std::string_view text);

// Windows-1252 to UTF-8. Bytes 0x80–0x9F are the Windows characters (€, ‘, ’,
// “, ”, –, …); the five bytes Windows leaves undefined decode as the C1
// controls, as ISO-8859-1 does. Every byte sequence decodes.
std::string Windows1252ToUtf8(std::string_view text);

// UTF-8 in which each byte that is not part of a valid sequence is read as
// Windows-1252 (the bytes a Latin-1 value leaves in a "UTF-8" one): valid
// text comes back unchanged, and the result is always valid.
std::string RepairUtf8(std::string_view text);

// RepairUtf8 on every text of a card: what an export writes is always
// UTF-8, even from a database an older kith filled with invalid bytes.
void RepairUtf8(ContactFields& fields);

// Whether `bytes` starts with a UTF-16 byte order mark: true for big-endian
// (FE FF), false for little-endian (FF FE), nullopt without one.
std::optional<bool> Utf16ByteOrder(std::string_view bytes);

// UTF-16 to UTF-8, without the byte order mark; unpaired surrogates and an
// odd last byte become U+FFFD.
std::string Utf16ToUtf8(std::string_view bytes, bool big_endian);

// ISO-8859-1 (Latin-1) to UTF-8: each byte is the code point of that value.
std::string Latin1ToUtf8(std::string_view text);

// Appends the code point `code` (at most U+10FFFF) as UTF-8.
void AppendUtf8(char32_t code, std::string& out);

// True when `text` holds an ASCII control byte other than tab, CR, LF and
// form feed (NUL, DEL, …): no text export has those, so it is binary.
bool LooksBinary(std::string_view text);

}  // namespace kith
