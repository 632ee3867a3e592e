// Term lists and word lists over data/ (format: rules/kit/data.hpp).
//
// TermList matches the entries of a data file in a paragraph's folded text
// (text::FoldedText: lower case, no diacritics, straight quotes) and maps each
// match back to code points of the visible text. A literal entry is a phrase
// matched at word boundaries, its spaces and hyphens matching any run of
// spaces, hyphens and quotes, a trailing `*` matching any word ending
// ("shame*"); an `re:` entry is an RE2 pattern written for folded text.
// Each [group] compiles once, the first time a search asks for it (a
// document that never asks costs nothing), and is shared by every thread;
// after 64 searches of all groups, one RE2::Set pass over a paragraph picks
// the groups worth running.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lint/text/text.hpp"
#include "rules/kit/data.hpp"

namespace dhrlint::kit {

// One match of a term list in a paragraph: code points into the visible text
// (start, end) and bytes into the folded text (folded_begin, folded_end).
struct TermMatch {
  std::size_t start = 0;
  std::size_t end = 0;
  std::size_t folded_begin = 0;
  std::size_t folded_end = 0;
  std::string group;  // the [group] of the data file the term came from
};

class TermList {
 public:
  // The whole of data/<data_name>, every group.
  explicit TermList(std::string_view data_name);
  ~TermList();
  TermList(TermList&&) noexcept;
  TermList& operator=(TermList&&) noexcept;

  // The data errors of the file (syntax, and RE2's reasons once compiled).
  std::vector<DataError> errors() const;
  bool ok() const { return errors().empty(); }
  std::vector<std::string> group_names() const;

  // All non-overlapping matches in `folded`, in text order (earliest first,
  // longest at a tie); `group` "" means every group.
  std::vector<TermMatch> find(const text::FoldedText& folded, std::string_view group = {}) const;
  // Matches inside the folded byte range [begin, end) only.
  std::vector<TermMatch> find_in(const text::FoldedText& folded, std::size_t begin, std::size_t end,
                                 std::string_view group = {}) const;
  bool contains(const text::FoldedText& folded, std::string_view group = {}) const;
  bool contains_in(const text::FoldedText& folded, std::size_t begin, std::size_t end,
                   std::string_view group = {}) const;
  // For short strings that are not paragraphs (headings, table headers).
  bool contains(std::string_view utf8, std::string_view group = {}) const;

 private:
  struct Compiled;
  const Compiled& compiled() const;
  std::unique_ptr<Compiled> state_;
};

// The RE2 source for one literal entry (exposed for tests and validation).
std::string term_to_pattern(std::string_view literal);

// The entries of one group of data/<name>, folded (for word lists compared
// with folded words).
std::vector<std::string> folded_values(std::string_view data_name, std::string_view group);

// A set of folded words or phrases, for exact look-ups.
class TermSet {
 public:
  TermSet() = default;
  explicit TermSet(std::vector<std::string> terms);  // folds them
  bool contains(std::string_view folded_term) const;
  const std::vector<std::string>& terms() const { return terms_; }

 private:
  std::vector<std::string> terms_;  // sorted, folded
  // Open addressing over terms_ (index + 1; 0 empty): rules ask for every
  // token of a report, so a look-up is one hash, not a binary search of
  // string compares.
  std::vector<std::uint32_t> slots_;
};

// Phrases ("Pupil Referral Unit") split into words, longest first.
std::vector<std::vector<std::string>> split_phrases(const std::vector<std::string>& phrases);

// Phrases (as split_phrases gives them) indexed by their first word, so that
// the many words that start none of them are passed over with one hash, and
// a word that starts some is tried against those only.
class PhraseList {
 public:
  PhraseList() = default;
  explicit PhraseList(std::vector<std::vector<std::string>> phrases);
  const std::vector<std::vector<std::string>>& phrases() const { return phrases_; }
  // The indices into phrases() of the phrases that start with `word`,
  // longest first (their order in phrases()); null when none does.
  const std::vector<std::uint32_t>* starting_with(std::string_view word) const;
  bool may_start(std::string_view word) const { return starting_with(word) != nullptr; }

 private:
  std::vector<std::vector<std::string>> phrases_;   // longest first
  std::vector<std::string> first_words_;            // sorted, unique
  std::vector<std::vector<std::uint32_t>> starts_;  // per first word, phrase indices
  std::vector<std::uint32_t> slots_;                // hash of first_words_ (index + 1)
};

}  // namespace dhrlint::kit
