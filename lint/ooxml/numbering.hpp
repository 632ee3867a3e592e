// The numbering engine: computes the label Word displays in front of a list
// paragraph (ECMA-376 §17.9 with Word's documented departures, [MS-OI29500]).
// Counters live per abstractNum; startOverride applies the first time a num is
// used; lvlRestart follows Word's rule; numbering reaches paragraphs directly
// or through styles (basedOn chains, level w:pStyle, numStyleLink/styleLink).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "lint/ooxml/styles.hpp"

namespace dhrlint::ooxml {

// What the walker knows about one paragraph's numbering.
struct NumberingRequest {
  std::string_view style_id;         // effective paragraph style id
  std::optional<int> direct_num_id;  // w:pPr/w:numPr/w:numId on the paragraph
  std::optional<int> direct_ilvl;    // w:pPr/w:numPr/w:ilvl on the paragraph
};

struct NumberingLabel {
  std::string text;     // exactly what Word shows: "1.6.5.", "(a)", "•" (symbol fonts mapped)
  bool bullet = false;  // numFmt bullet
  int num_id = 0;
  int ilvl = 0;
  std::string suffix;  // "\t" (default), " " or "" (w:suff)
};

class NumberingResolver {
 public:
  // `numbering` may be null (no numbering part). `styles` must outlive this.
  NumberingResolver(const pugi::xml_document* numbering, const StyleSheet& styles);

  // The effective (numId, ilvl) without touching counters; nullopt when the
  // paragraph is not numbered (no numId, numId 0, unknown num).
  std::optional<std::pair<int, int>> effective(const NumberingRequest& req) const;

  // For a paragraph that is displayed and counts (not a deleted one), in
  // document order of its story: advances the counters and returns the label;
  // nullopt when not numbered. Labels with numFmt "none" or empty lvlText
  // return an empty text (still numbered).
  std::optional<NumberingLabel> next(const NumberingRequest& req);

  // Fresh counters for a new story (footnotes, headers, ... count on their own).
  void reset_counters();

  // Bad-input notes met while resolving (unknown numId, link loops, ...).
  const std::vector<std::string>& warnings() const { return warnings_; }

 private:
  struct Impl;
  std::shared_ptr<Impl> impl_;
  std::vector<std::string> warnings_;
};

}  // namespace dhrlint::ooxml
