// Reads text that must hold exactly one vCard back into a Contact, as an
// import would hand it over (fields and UID); a test failure otherwise.
#pragma once

#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "domain/contact.h"
#include "formats/vcard_reader.h"

namespace kith::testing {

inline Contact ReadOneCard(const std::string& text) {
  std::istringstream in(text);
  Contact contact;
  int cards = 0;
  const Status status = ReadVCards(in, [&](ImportRecord&& record) {
    ++cards;
    static_cast<ContactFields&>(contact) = std::move(record.fields);
    contact.uid = std::move(record.uid);
    return Ok();
  });
  EXPECT_TRUE(status) << status.error().message;
  EXPECT_EQ(cards, 1);
  return contact;
}

}  // namespace kith::testing
