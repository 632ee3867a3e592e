// Shared machinery of the identifying/* rules (private to rules/identifying).
//
// Identifying rules look at everything the file carries, not only what a
// reader sees (issue 3; dhr-guide.md §4 "The file itself"): the visible text of
// every story (body, tables, text boxes, notes, comments, headers, footers),
// hidden and tracked-deleted text, and, where a rule asks for them, field codes
// and document properties. scan_document() walks all of that once and hands
// each stretch of text to the rule's finder; the finder returns code-point
// spans, and scan_document() reports them with the right location and
// visibility.
#pragma once

#include <algorithm>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dhrlint/document.hpp"
#include "dhrlint/rule.hpp"
#include "lint/engine/analysis.hpp"

namespace re2 {
class RE2;
}

namespace dhrlint::text {
class Lexicon;
}

namespace dhrlint::identifying {

// Rule factories (one rule per file in this folder).
std::unique_ptr<Rule> make_school_name_rule();
std::unique_ptr<Rule> make_address_rule();
std::unique_ptr<Rule> make_local_service_rule();
std::unique_ptr<Rule> make_date_of_birth_rule();
std::unique_ptr<Rule> make_phone_number_rule();
std::unique_ptr<Rule> make_email_address_rule();
std::unique_ptr<Rule> make_nhs_number_rule();
std::unique_ptr<Rule> make_ni_number_rule();
std::unique_ptr<Rule> make_reference_number_rule();
std::unique_ptr<Rule> make_real_name_rule();
std::unique_ptr<Rule> make_private_identifier_rule();
std::unique_ptr<Rule> make_metadata_name_rule();

// ---------------------------------------------------------------------------
// Scanning everything the file carries.

// Where a searched text came from.
enum class TextOrigin {
  kVisible,        // a paragraph's visible text
  kWithInvisible,  // a paragraph as written before tracked changes, with hidden
                   // text shown: only spans touching hidden/deleted text count
  kFieldCode,      // one field code (w:instrText) of a paragraph
  kProperty,       // a document property value
};

struct TextView {
  const Document& doc;
  std::size_t paragraph = kNoIndex;  // index into doc.paragraphs; kNoIndex for properties
  TextOrigin origin = TextOrigin::kVisible;
  std::string_view text;      // UTF-8
  std::string_view property;  // property name for kProperty
};

// A span a finder found: code points into TextView::text.
struct Hit {
  std::size_t start = 0;
  std::size_t end = 0;
  std::string message;
};

using Finder = std::function<void(const TextView&, std::vector<Hit>&)>;

struct ScanOptions {
  bool field_codes = false;  // also search field codes (HYPERLINK "mailto:...")
  bool properties = false;   // also search core/app/custom property values
};

// Runs `finder` over every text the file carries and reports each hit:
// visible hits on their span; hits touching hidden or deleted text as a
// zero-width span where that text stands, with visibility "hidden"/"deleted"
// and the matched text in deleted_text; property hits with `property` set.
void scan_document(const Document& doc, RuleContext& ctx, const Rule& rule, const Finder& finder,
                   const ScanOptions& options = {});

// Reports a hit on a property value (part docProps/core.xml, app.xml or custom.xml).
void report_property(RuleContext& ctx, const Rule& rule, const Document& doc,
                     std::string_view group, std::string_view name, std::string_view matched,
                     std::string message);

// ---------------------------------------------------------------------------
// Text helpers.

// Byte offsets of a UTF-8 string to code-point offsets (one entry per byte
// plus one past the end).
class CodePoints {
 public:
  explicit CodePoints(std::string_view utf8);
  std::size_t cp(std::size_t byte) const {
    return byte < map_.size() ? map_[byte] : (map_.empty() ? 0 : map_.back());
  }

 private:
  std::vector<std::size_t> map_;
};

// A word of a text for name-like analysis: letters and digits, joined by inner
// apostrophes and hyphens ("Zoë's", "O'Brien", "Stoke-on-Trent"). RE2's \b
// and \w are ASCII-only, so words are found with Unicode classes.
struct Token {
  std::size_t start = 0;  // code points
  std::size_t end = 0;
  std::size_t byte_start = 0;
  std::size_t byte_end = 0;
  std::string text;          // as written
  std::string plain;         // as written, without a possessive 's / ’s
  std::string base;          // without a possessive 's / ’s, folded (case, diacritics)
  bool capitalised = false;  // first letter upper case
  bool all_caps = false;     // two or more letters, all upper case
  bool has_digit = false;
  bool possessive = false;  // "Mary's", "Agnes'" (apostrophe after the word)
  bool sentence_initial = false;
  std::string gap_before;  // the text between the previous token and this one
};

// Splits a text into Tokens: maximal runs of
//   [\p{L}\p{N}][\p{L}\p{M}\p{N}]* (['’\-‐‑] [\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*
// scanned by hand (ASCII without ICU), since every identifying rule reads
// every token of the document.
class Tokenizer {
 public:
  Tokenizer();
  ~Tokenizer();
  std::vector<Token> operator()(std::string_view utf8) const;
};

// The token streams of the texts of one document, each text tokenized once and
// shared by all identifying rules (the texts are paragraphs, their versions
// with invisible text, field codes and properties; keyed by content, so a
// temporary text is as safe a key as a paragraph). Lives in the document's
// DocumentAnalysis: see token_cache().
class TokenCache : public DocumentAnalysis::Extension {
 public:
  const std::vector<Token>& tokens(std::string_view utf8);

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  Tokenizer tokenize_;
  std::unordered_map<std::string, std::vector<Token>, Hash, std::equal_to<>> by_text_;
};

// The document's TokenCache.
inline TokenCache& token_cache(RuleContext& ctx) { return ctx.analysis().extension<TokenCache>(); }

// True when the gap between two tokens keeps them in one proper-name phrase:
// spaces only, an apostrophe closing a possessive ("Agnes' RC"), a full stop
// after an abbreviation ("St. Mary's"), an ampersand.
bool joins_name(const Token& previous, const Token& next);

// Folded form (case, diacritics, typographic quotes) of a string.
std::string folded(std::string_view utf8);

// The visible text of a table cell, or "" if absent. `col` is the grid column.
std::string cell_text(const Document& doc, const Table& table, std::size_t row, std::uint32_t col);
// The table a cell paragraph belongs to, or nullptr.
const Table* table_of(const Document& doc, const Paragraph& para);
// For a paragraph in a table body cell: the text of its column's header cell
// (first row) and of its row's first cell; "" when not applicable.
std::string column_header(const Document& doc, const Paragraph& para);
std::string row_label(const Document& doc, const Paragraph& para);

// A set of folded words or phrases read from a data file.
class TermSet {
 public:
  TermSet() = default;
  explicit TermSet(std::vector<std::string> terms);
  bool contains(std::string_view folded_term) const;
  const std::vector<std::string>& terms() const { return terms_; }

 private:
  std::vector<std::string> terms_;  // sorted, folded
};

// The first token of the capitalised name phrase that ends just before token
// `end` (== end when there is none): walks back over capitalised words that are
// not `stopwords`, joined by spaces (joins_name), and over the connectors
// "upon", "de", "la", "le" and "of" (the last only after a word in `of_after`:
// "Our Lady of Lourdes", "Church of England").
std::size_t name_phrase_start(const std::vector<Token>& tokens, std::size_t end,
                              const TermSet& stopwords, const TermSet& of_after);

// Lines "key: value" of a data file, grouped by key (values as written).
std::vector<std::string> data_values(std::string_view file, std::string_view key);

// Phrases ("Pupil Referral Unit") split into words, longest first.
std::vector<std::vector<std::string>> split_phrases(const std::vector<std::string>& phrases);
// Phrases (as split_phrases gives them) with an index of their first words,
// so that the many tokens that start none of them are passed over at once.
class PhraseList {
 public:
  PhraseList() = default;
  explicit PhraseList(std::vector<std::vector<std::string>> phrases);
  const std::vector<std::vector<std::string>>& phrases() const { return phrases_; }
  bool may_start(std::string_view word) const {
    return std::binary_search(first_words_.begin(), first_words_.end(), word);
  }

 private:
  std::vector<std::vector<std::string>> phrases_;  // longest first
  std::vector<std::string> first_words_;           // sorted
};

// Length in tokens of the first phrase of `phrases` written at token i (as
// written, possessive stripped, words joined by spaces), or 0.
std::size_t match_phrase(const std::vector<Token>& tokens, std::size_t i,
                         const PhraseList& phrases);

// Finds names of places and bodies made of a capitalised phrase and a head
// word ("Bow Green Primary School", "Bow Medical Centre"), configured by a data
// file with lines:
//   head: WORDS          ends a name ("School", "Medical Centre")
//   bare-head: WORDS     ends a name only when the next word is not
//                        capitalised nor a bare-follower ("Primary")
//   bare-follower: WORD  see bare-head ("care" in "Primary care")
//   generic: WORD        does not make a phrase a name by itself ("Local")
//   org-noun: WORD       makes the phrase another kind of body ("Police")
//   head-then-not: WORD  after the head, shows another kind of body ("of")
//   extend: HEAD         after this head, up to two capitalised words that
//                        are not ordinary English words continue the name
//   of-after: WORD       "of" joins a name after this word ("Our Lady of")
//   continuation: WORDS  words after the head that continue the name ("for Girls")
//   keep-leading-possessive: yes  a name may start with a possessive
//                        ("Rahman's Café"); otherwise it is the owner
//                        ("Salma's Primary School")
//   allowed: NAME        a body that stays named (folded prefix match)
class NamedPlaceFinder {
 public:
  explicit NamedPlaceFinder(std::string_view data_file);
  // Appends the names found in `text` as hits carrying `message`. `allowed`
  // adds names that stay named (Config::allowed_organisations).
  // `tokens` are the Tokens of `text`.
  void find(std::string_view text, const std::vector<Token>& tokens,
            const std::vector<std::string>& allowed, const text::Lexicon& lexicon,
            const std::string& message, std::vector<Hit>& hits) const;

 private:
  PhraseList heads_;
  PhraseList bare_heads_;
  TermSet bare_followers_;
  TermSet generic_;
  TermSet org_nouns_;
  TermSet head_then_not_;
  TermSet extend_;
  TermSet stopwords_;
  TermSet of_after_;
  std::vector<std::vector<std::string>> continuations_;
  bool keep_possessive_ = false;
  std::vector<std::string> allowed_;  // folded
};

// Iterates over RE2 matches of `re` in `text`, calling `fn(byte_start,
// byte_end)` for group 1 (or the whole match when the pattern has no group).
// A match whose group touches a letter or digit on either side is skipped
// (Unicode word boundary) when `word_boundary` is set.
void for_each_match(const re2::RE2& re, std::string_view text, bool word_boundary,
                    const std::function<void(std::size_t, std::size_t)>& fn);

// True if the code point before `byte` / at `byte` is a letter or digit.
bool alnum_before(std::string_view text, std::size_t byte);
bool alnum_at(std::string_view text, std::size_t byte);

}  // namespace dhrlint::identifying
