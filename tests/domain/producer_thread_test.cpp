// The thread that makes work ahead of the writer (an import's reader, gen's
// maker): the writer must get every item in the order it was made and then
// what the making came to, and a writer that fails early must not leave the
// maker waiting for room for ever.
#include "domain/producer_thread.h"

#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <vector>

namespace kith {
namespace {

TEST(ProducerThread, TheWriterGetsEveryItemInOrderThenTheOutcome) {
  using Numbers = ProducerThread<int, std::string>;
  Numbers numbers(
      2,
      [](const Numbers::HandOver& hand_over) -> std::string {
        for (int n = 0; n < 1000; ++n) {
          if (!hand_over(int{n})) return "stopped";
        }
        return "made 1000";
      },
      "not started");
  numbers.Start();
  std::vector<int> taken;
  while (std::optional<int> next = numbers.Next()) taken.push_back(*next);
  EXPECT_EQ(numbers.Finish(), "made 1000");
  ASSERT_EQ(taken.size(), 1000U);
  for (int n = 0; n < 1000; ++n) EXPECT_EQ(taken[static_cast<std::size_t>(n)], n);
}

TEST(ProducerThread, AWriterThatGivesUpStopsTheMakerWaitingForRoom) {
  std::atomic<bool> told_to_stop = false;
  {
    using Numbers = ProducerThread<int, int>;
    Numbers numbers(
        1,
        [&](const Numbers::HandOver& hand_over) {
          for (int n = 0;; ++n) {
            if (!hand_over(int{n})) {
              told_to_stop = true;
              return n;
            }
          }
        },
        -1);
    numbers.Start();
    EXPECT_EQ(numbers.Next(), 0);
    // The writer fails here: the maker is blocked on a full queue.
  }
  EXPECT_TRUE(told_to_stop);
}

}  // namespace
}  // namespace kith
