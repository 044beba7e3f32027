// The few ways kith makes and keeps secrets: passwords hashed with argon2id
// (a copy of the database reveals none), random tokens from libsodium, and
// comparisons that take the same time wherever two secrets differ. The web
// password, app passwords, sessions and the calendar feed's token all use
// these, so each rule is written once.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "domain/result.h"

namespace kith {

// An argon2id hash of `password` with a fresh random salt, in the encoded
// form ("$argon2id$v=19$…") that PasswordMatches reads. kIo when no random
// salt can be had; kInternal when argon2 fails.
Result<std::string> HashPassword(std::string_view password);

// kInvalidInput when a new password is shorter than 8 characters: every
// password a person chooses (the server's, an account's) meets this.
Status ValidateNewPassword(std::string_view password);

// Whether `password` matches an encoded hash made by HashPassword; false
// for an empty or malformed hash.
bool PasswordMatches(const std::string& encoded_hash, std::string_view password);

// `bytes` random bytes from libsodium, as lowercase hex (2 × bytes
// characters). kInternal when libsodium cannot start.
Result<std::string> RandomHex(std::size_t bytes);

// `length` characters drawn uniformly from `alphabet` by libsodium.
// kInternal when libsodium cannot start.
Result<std::string> RandomText(std::size_t length, std::string_view alphabet);

// The SHA-256 of `text`, as lowercase hex.
std::string Sha256Hex(std::string_view text);

// Equal, without leaking through timing where they differ; two empty
// secrets are not equal (no secret set accepts nothing).
bool SameSecret(std::string_view a, std::string_view b);

}  // namespace kith
