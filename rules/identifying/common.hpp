// Helpers private to the identifying/* rules. Everything they share with
// other categories (scanning all the file carries, tokens, term lists, tables,
// code points) is the rule kit's (rules/kit/).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rules/kit/analysis.hpp"
#include "rules/kit/codepoints.hpp"
#include "rules/kit/data.hpp"
#include "rules/kit/lazy.hpp"
#include "rules/kit/paragraphs.hpp"
#include "rules/kit/regex.hpp"
#include "rules/kit/scan.hpp"
#include "rules/kit/tables.hpp"
#include "rules/kit/terms.hpp"
#include "rules/kit/tokens.hpp"

namespace dhrlint::identifying {

// The identifying rules are written against the kit's vocabulary.
using namespace kit;  // NOLINT(google-build-using-namespace)

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
//   lower-head: WORDS    a head written in lower case after the name ("the
//                        Copper Kettle café"); the name never starts with a
//                        possessive then ("Salma's café" is her café)
//   apposition-after: WORD  a common noun whose apposition names the place
//                        ("his uncle's restaurant, the Shalimar Spice"): up
//                        to three capitalised words, one not an ordinary
//                        English word
class NamedPlaceFinder {
 public:
  explicit NamedPlaceFinder(std::string_view data_file);
  explicit NamedPlaceFinder(const DataFile& data);
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
  TermSet apposition_after_;  // "restaurant, the Shalimar Spice"
  bool keep_possessive_ = false;
  std::vector<std::string> allowed_;  // folded
};

}  // namespace dhrlint::identifying
