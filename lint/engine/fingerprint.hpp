// Baseline fingerprints: what identifies a finding across edits elsewhere in
// the draft. A fingerprint is "rule:P:M:N" where P is a hash of the
// paragraph's normalised text, M a hash of the matched text and N the
// occurrence number among findings with the same rule, P and M. Never the
// section number or the paragraph's position (both shift when a paragraph
// is added above), and never text: a baseline file is committed to the
// report repository and SARIF is uploaded to a code host.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dhrlint/document.hpp"
#include "dhrlint/finding.hpp"

namespace dhrlint {

// 16 lower-case hex digits of a 64-bit hash of `text` (FNV-1a, then a
// finaliser that spreads the bits). Stable across builds and machines.
std::string text_hash(std::string_view text);

// The paragraph's text as the fingerprint sees it: a typed report number
// at the start dropped (numbers shift), folded (case, accents, quotes,
// dashes), white space runs collapsed to one space.
std::string fingerprint_text(const Paragraph& paragraph);

// Finds the paragraph a Location points into, by part and ordinal, in O(1).
class ParagraphIndex {
 public:
  explicit ParagraphIndex(const Document& doc);
  const Paragraph* find(std::string_view part, std::uint32_t index) const;

 private:
  const Document& doc_;
  std::vector<std::pair<std::string_view, std::vector<std::size_t>>> parts_;
};

// Sets Finding::fingerprint on each finding; `findings` sorted (occurrences
// count in that order).
void assign_fingerprints(const Document& doc, const ParagraphIndex& index,
                         std::vector<Finding>& findings);

struct FingerprintFields {
  std::string rule;
  std::string paragraph_hash;
  std::string match_hash;
  std::uint32_t occurrence = 0;
};
std::optional<FingerprintFields> parse_fingerprint(std::string_view fingerprint);
std::string format_fingerprint(const FingerprintFields& fields);

}  // namespace dhrlint
