// Where the report repeats itself, read once per document and shared by
// repetition/repeated-paragraph and repetition/repeated-passage.
//
// Words are the kit's tokens, folded (case, diacritics, possessive 's) with
// punctuation dropped; each word gets a 64-bit hash and each run of k words
// (a k-shingle) a 64-bit hash of its words' hashes. Everything is found
// through hash maps keyed by shingle, never by comparing paragraphs pairwise:
//   - a whole paragraph is a repeat of an earlier one when its word sequence
//     hashes alike (word for word) or when the Jaccard similarity of their
//     3-shingle sets is at least kNearDuplicate; candidates come from prefix
//     filtering (the smallest hashes of a set: two sets that similar share
//     one of them), at most a few checked per paragraph;
//   - a passage is a run of at least kPassageWords words whose 8-shingles
//     appear, in order, in one earlier paragraph: the first occurrence of
//     each 8-shingle is indexed, a match is extended word by word.
// "Earlier" is reading order: the body, each note right after the paragraph
// that references it. Table cells, headings, comments, headers and footers
// are not read; text under a heading where repetition is expected (terms of
// reference, executive summary, recommendations, action plan:
// data/repetition/sections.txt) is neither reported nor indexed.
#pragma once

#include <cstddef>
#include <vector>

#include "rules/kit/kit.hpp"

namespace dhrlint::repetition {

inline constexpr std::size_t kParagraphWords = 25;  // a repeated paragraph has at least
inline constexpr double kNearDuplicate = 0.8;       // Jaccard of 3-shingle sets
inline constexpr std::size_t kPassageWords = 30;    // a repeated passage has at least

struct Repeat {
  std::size_t paragraph = 0;  // the later text (index into Document::paragraphs)
  std::size_t start = 0;      // code points of its visible text
  std::size_t end = 0;
  std::size_t earlier = 0;  // the text it repeats
  std::size_t earlier_start = 0;
  std::size_t earlier_end = 0;
  std::size_t words = 0;  // the later text's words (a passage: the run's)
  bool exact = false;     // word for word (folded words)
};

struct RepetitionReading {
  std::vector<Repeat> paragraphs;  // whole paragraphs, in reading order
  std::vector<Repeat> passages;    // passages inside paragraphs that are no such repeat
};

const RepetitionReading& shared_reading(const Document& doc, DocumentAnalysis& analysis);

// How a message names the earlier text: "paragraph 2.3.1", "footnote 4",
// "an earlier paragraph".
std::string place_name(const Document& doc, std::size_t p);

}  // namespace dhrlint::repetition
