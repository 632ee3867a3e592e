// incomplete/numbering-gap: typed (manual) report numbers that jump or run
// backwards (1.6.4 -> 1.6.6).
#include "rules/incomplete/numbering.hpp"
#include "rules/kit/kit.hpp"

namespace dhrlint::incomplete {

namespace {

class NumberingGapRule final : public Rule {
 public:
  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    for (const NumberingIssue& issue : find_numbering_issues(doc)) {
      if (issue.kind != NumberingIssue::Kind::kGap) {
        continue;
      }
      ctx.report(*this, issue.paragraph, issue.start, issue.end,
                 "Typed paragraph number " + issue.number + " does not follow " + issue.previous +
                     "; a paragraph may be missing, or renumber");
    }
  }

 private:
  RuleInfo info_{
      "incomplete/numbering-gap",
      "Typed paragraph numbers skip a number or run backwards",
      "Follows the report paragraph numbers of the body in order (Word's numbering and numbers "
      "typed at the start of a paragraph) and flags a typed number that is not the next number "
      "at some level: 1.6.4 followed by 1.6.6, or 1.7 followed by 1.5. Starting again at 1 "
      "(an executive summary, then the full report) is a new sequence, not a gap, and numbered "
      "items inside a paragraph (7, then 1, 2, 3, then 8) are no gap. A number typed alone or "
      "before a placeholder ('5.1.3', '5. [insert IMR summary]') counts. Word's own "
      "numbering is never flagged: Word cannot skip.",
      "The QA Panel and the family cite the report by paragraph number (the Home Office QA "
      "Panel's feedback letter to Tower Hamlets Community Safety Partnership on DHR 'Salma', "
      "2020, cites 1.6.5 and 1.8.3); a skipped number usually marks a deleted or unwritten "
      "paragraph, and wrong numbers make the panel's feedback point at the wrong text.",
      "Fires: '1.6.4 ...' followed by '1.6.6 ...'.\n"
      "Does not fire: '1.6.4 ...', '1.7 Background', '1.7.1 ...'.",
      "Write the missing paragraph or renumber; better, use Word's automatic numbering (a "
      "numbered paragraph style) so numbers follow the text.",
      Severity::kWarning};
};

}  // namespace

std::unique_ptr<Rule> make_numbering_gap_rule() { return std::make_unique<NumberingGapRule>(); }

}  // namespace dhrlint::incomplete
