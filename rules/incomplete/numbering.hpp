// Shared by incomplete/numbering-gap and incomplete/numbering-duplicate: the
// walk over the body's report paragraph numbers that finds typed numbers out
// of sequence or repeated.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "dhrlint/document.hpp"

namespace dhrlint::incomplete {

struct NumberingIssue {
  enum class Kind { kGap, kDuplicate };
  Kind kind = Kind::kGap;
  std::size_t paragraph = 0;  // index into Document::paragraphs
  std::size_t start = 0;      // the typed number in the paragraph's text
  std::size_t end = 0;
  std::string number;    // "1.6.6"
  std::string previous;  // the report number before it ("1.6.4")
};

// Report numbers in body order, Word-numbered and typed; only typed numbers
// (an author's manual numbering) are judged. A number restarting at 1 (an
// executive summary followed by the full report) starts a new sequence.
std::vector<NumberingIssue> find_numbering_issues(const Document& doc);

// "1.6.4" -> {1, 6, 4}; empty when it is not a decimal outline number.
std::vector<int> parse_outline_number(const std::string& number);
// True when `next` may follow `prev` in an outline: the next number at some
// level with any deeper levels restarting at 1 (1.6.4 -> 1.6.5, 1.7, 2.1),
// or a first child (1.6 -> 1.6.1).
bool outline_follows(const std::vector<int>& prev, const std::vector<int>& next);

}  // namespace dhrlint::incomplete
