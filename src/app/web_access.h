// Who may use `kith serve` from another machine: a password, kept only as
// an argon2id hash in the settings.
#pragma once

#include <string>

#include "app/context.h"
#include "domain/result.h"

namespace kith {

// Hashes `password` with argon2id (a fresh random salt) and stores the hash.
// kInvalidInput when it is shorter than 8 characters.
Status SetWebPassword(Context& context, const std::string& password);

// Whether a password is set (`kith passwd`).
Result<bool> HasWebPassword(Context& context);

// Whether `password` matches the stored hash; false when none is set.
Result<bool> CheckWebPassword(Context& context, const std::string& password);

}  // namespace kith
