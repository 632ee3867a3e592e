// The names a report declares, so that rules can tell a declared pseudonym
// from a real name: the pseudonym table (a column headed Pseudonym, or Name
// beside Relationship / Age / Ethnicity), sentences that speak of pseudonyms,
// "referred to as X" / "known as X", the chair and author named in that role,
// tables under a panel or contributors heading, and the configuration's
// pseudonyms, allowed_names and allowed_organisations. The cue words are data
// (data/kit/pseudonym-declarations.txt).
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace dhrlint {
class DocumentAnalysis;
}

namespace dhrlint::kit {

class PseudonymTable {
 public:
  // Reads the document and configuration of `analysis` (through its shared
  // tokens, folded text and sentences).
  static PseudonymTable read(DocumentAnalysis& analysis);

  // True when the folded word (Token::base) is part of a declared name.
  bool declares(std::string_view folded_word) const {
    return words_.find(folded_word) != words_.end();
  }
  const std::set<std::string, std::less<>>& words() const { return words_; }

 private:
  std::set<std::string, std::less<>> words_;
};

}  // namespace dhrlint::kit
