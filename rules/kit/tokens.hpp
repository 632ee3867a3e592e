// Words of a text for name-like analysis: letters and digits joined by inner
// apostrophes and hyphens ("Zoë's", "O'Brien", "Stoke-on-Trent"), with what
// the rules ask of each (possessive, capitalised, sentence-initial). RE2's \b
// and \w are ASCII-only, so words are found with Unicode classes, by hand on
// ASCII (the bulk of any report) and through ICU elsewhere.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "rules/kit/terms.hpp"

namespace dhrlint::kit {

// The string_views point into the text that was tokenized: a Token is valid
// as long as that text is (DocumentAnalysis keeps both for the document).
// Kept small: a long report has a few hundred thousand of them at once.
struct Token {
  std::uint32_t start = 0;  // code points
  std::uint32_t end = 0;
  std::uint32_t byte_start = 0;
  std::uint32_t byte_end = 0;
  std::string_view text;     // as written
  std::string_view plain;    // as written, without a possessive 's / ’s
  std::string base;          // without a possessive 's / ’s, folded (case, diacritics)
  bool capitalised = false;  // first letter upper case
  bool all_caps = false;     // two or more letters, all upper case
  bool has_digit = false;
  bool possessive = false;  // "Mary's", "Agnes'" (apostrophe after the word)
  bool sentence_initial = false;
  std::string_view gap_before;  // the text between the previous token and this one
};

// Splits a text into Tokens: maximal runs of
//   [\p{L}\p{N}][\p{L}\p{M}\p{N}]* (['’\-‐‑] [\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*
// Rules do not call this directly: DocumentAnalysis::tokens() tokenizes each
// text once per document and shares the result.
class Tokenizer {
 public:
  std::vector<Token> operator()(std::string_view utf8) const;
};

// True when the gap between two tokens keeps them in one proper-name phrase:
// spaces only, an apostrophe closing a possessive ("Agnes' RC"), a full stop
// after an abbreviation ("St. Mary's"), an ampersand.
bool joins_name(const Token& previous, const Token& next);

// The first token of the capitalised name phrase that ends just before token
// `end` (== end when there is none): walks back over capitalised words that are
// not `stopwords`, joined by spaces (joins_name), and over the connectors
// "upon", "de", "la", "le" and "of" (the last only after a word in `of_after`:
// "Our Lady of Lourdes", "Church of England").
std::size_t name_phrase_start(const std::vector<Token>& tokens, std::size_t end,
                              const TermSet& stopwords, const TermSet& of_after);

// Length in tokens of the first phrase of `phrases` written at token i (as
// written, possessive stripped, words joined by name gaps), or 0.
std::size_t match_phrase(const std::vector<Token>& tokens, std::size_t i,
                         const PhraseList& phrases);
// The same on folded words (Token::base against phrases of folded words), with
// any gap between them: "referred to as", "Known As".
std::size_t match_folded_phrase(const std::vector<Token>& tokens, std::size_t i,
                                const PhraseList& phrases);

}  // namespace dhrlint::kit
