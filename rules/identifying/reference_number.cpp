// identifying/reference-number: police and agency reference numbers ("crime
// reference 4512/23", "CAD 1234", "URN 01YE0123419").
#include <re2/re2.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "rules/identifying/common.hpp"

namespace dhrlint::identifying {

namespace {

constexpr std::string_view kData = "identifying/reference-number.txt";

class ReferenceNumberRule : public Rule {
 public:
  ReferenceNumberRule() : ReferenceNumberRule(DataFile::load(kData)) {}
  explicit ReferenceNumberRule(const DataFile& data)
      : cue_re_("((?i:" + alternation(data.entries("cue"), true) + "))"),
        acronym_re_("(" + alternation(data.entries("acronym"), true) + ")"),
        column_re_("^\\s*(?i:" + alternation(data.entries("column"), true) + ")\\s*:?\\s*$"),
        // What may stand between a cue and its number, then the number.
        follow_re_(
            "^(?:\\s|[:#=(]|-|(?i:is|was|number|no\\.?|ref\\.?|reference|log)\\b)*"
            "([A-Za-z0-9][A-Za-z0-9/\\-]*[A-Za-z0-9]|[0-9])"),
        token_re_("([A-Za-z0-9][A-Za-z0-9/\\-]*[A-Za-z0-9])"),
        date_re_("\\d{1,2}[/.\\-]\\d{1,2}[/.\\-](?:\\d{4}|\\d{2})") {
    info_.id = "identifying/reference-number";
    info_.severity = Severity::kError;
    info_.summary = "A police or agency reference number is given";
    info_.what =
        "Finds reference numbers of police and agency records: the number after \"crime "
        "reference\", \"crime number\", \"incident number\", \"occurrence number\", \"log "
        "number\", \"police reference\", \"custody number\", \"case reference\", \"reference "
        "number\" or the acronyms CAD, CRN, URN, CRIS, PNC, Athena, Niche, Storm, MASH "
        "(\"crime reference 4512/23\", \"CAD 1234\"), and numbers in a table column headed so. "
        "The number must hold at least three digits and not be a date; a cue with no number "
        "(\"a crime reference number was issued\") is not flagged.";
    info_.why =
        "A crime or incident reference lets anyone with access to police or court records find "
        "the case, and so the family: an identification number makes a person identifiable "
        "(UK GDPR, Article 4(1)), and the overview report is published (Home Office, "
        "\"Multi-agency Statutory Guidance for the Conduct of Domestic Homicide Reviews\" (2016), "
        "section 8 \"Publication of the Overview Report\").";
    info_.example =
        "Police recorded the assault (crime reference 4512/23).  <- fires on \"4512/23\"\n"
        "Police recorded the assault and issued a crime reference.  <- does not fire";
    info_.fix = "Remove the number; describe the record instead (\"a crime was recorded\").";
  }

  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    scan_document(doc, ctx, *this,
                  [&](const TextView& view, std::vector<Hit>& hits) { find(view, hits); });
  }

 private:
  bool is_reference(std::string_view token) const {
    const auto digits =
        std::count_if(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; });
    return digits >= 3 && !RE2::FullMatch(re2::StringPiece(token.data(), token.size()), *date_re_);
  }

  void find(const TextView& view, std::vector<Hit>& hits) const {
    const std::string_view text = view.text;
    const ByteToCodePoint cps(text);
    std::set<std::size_t> seen;
    auto add = [&](std::size_t b, std::size_t e) {
      if (!seen.insert(b).second) {
        return;
      }
      hits.push_back(
          Hit{cps.cp(b), cps.cp(e), "Gives a police or agency reference number; remove it"});
    };
    auto after_cue = [&](std::size_t, std::size_t ce) {
      const re2::StringPiece rest(text.data() + ce, text.size() - ce);
      re2::StringPiece number;
      if (!RE2::PartialMatch(rest, *follow_re_, &number)) {
        return;
      }
      const std::size_t b = static_cast<std::size_t>(number.data() - text.data());
      const std::size_t e = b + number.size();
      if (alnum_at(text, e)) {
        return;
      }
      if (is_reference(text.substr(b, e - b))) {
        add(b, e);
      }
    };
    for_each_match(*cue_re_, text, true, after_cue);
    for_each_match(*acronym_re_, text, true, after_cue);
    if (view.paragraph != kNoIndex && view.origin != TextOrigin::kFieldCode) {
      const Paragraph& para = view.doc.paragraphs[view.paragraph];
      if (para.table && (RE2::FullMatch(column_header(view.doc, para), *column_re_) ||
                         RE2::FullMatch(row_label(view.doc, para), *column_re_))) {
        for_each_match(*token_re_, text, true, [&](std::size_t b, std::size_t e) {
          if (is_reference(text.substr(b, e - b))) {
            add(b, e);
          }
        });
      }
    }
  }

  RuleInfo info_;
  kit::LazyRegex cue_re_;
  kit::LazyRegex acronym_re_;
  kit::LazyRegex column_re_;
  kit::LazyRegex follow_re_;
  kit::LazyRegex token_re_;
  kit::LazyRegex date_re_;
};

}  // namespace

std::unique_ptr<Rule> make_reference_number_rule() {
  return std::make_unique<ReferenceNumberRule>();
}

}  // namespace dhrlint::identifying
