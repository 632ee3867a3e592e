// incomplete/numbering-duplicate: a typed (manual) report number used twice.
#include "rules/incomplete/numbering.hpp"
#include "rules/kit/kit.hpp"

namespace dhrlint::incomplete {

namespace {

class NumberingDuplicateRule final : public Rule {
 public:
  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    for (const NumberingIssue& issue : find_numbering_issues(doc)) {
      if (issue.kind != NumberingIssue::Kind::kDuplicate) {
        continue;
      }
      ctx.report(*this, issue.paragraph, issue.start, issue.end,
                 "Typed paragraph number " + issue.number +
                     " is used twice; renumber so each paragraph has its own number");
    }
  }

 private:
  RuleInfo info_{
      "incomplete/numbering-duplicate",
      "A typed paragraph number is used twice",
      "Flags a typed report paragraph number that an earlier paragraph of the same numbered "
      "sequence already carries (1.6.5 ... 1.6.5). A document that starts again at 1 (an "
      "executive summary, then the full report) starts a new sequence.",
      "Findings, family comments and the QA Panel's letter refer to paragraphs by number (the "
      "Home Office QA Panel's feedback letter to Tower Hamlets Community Safety Partnership on "
      "DHR 'Salma', 2020, cites 1.6.5 and 1.8.3); two paragraphs with one number make every "
      "such reference ambiguous.",
      "Fires: a second paragraph typed '1.6.5'.\n"
      "Does not fire: '1.1' in the executive summary and '1.1' again at the start of the "
      "overview report.",
      "Renumber; better, use Word's automatic numbering so numbers stay unique.",
      Severity::kInfo};
};

}  // namespace

std::unique_ptr<Rule> make_numbering_duplicate_rule() {
  return std::make_unique<NumberingDuplicateRule>();
}

}  // namespace dhrlint::incomplete
