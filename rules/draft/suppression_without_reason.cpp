// draft/suppression-without-reason: a dhrlint-disable comment that does not
// say why the finding it silences is acceptable.
#include "rules/kit/kit.hpp"
#include "rules/kit/suppression.hpp"

namespace dhrlint::draft {

namespace {

class SuppressionWithoutReasonRule final : public Rule {
 public:
  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    for (const Comment& comment : doc.comments) {
      if (!kit::is_suppression_comment(doc, comment)) {
        continue;
      }
      const auto directive = kit::parse_suppression(kit::comment_text(doc, comment));
      if (!directive || !directive->reason.empty() || comment.anchor >= doc.paragraphs.size()) {
        continue;
      }
      const text::Range span = kit::comment_span(doc, comment);
      Finding& f = ctx.report(
          *this, comment.anchor, span.start, span.end,
          std::string(directive->whole_file ? "dhrlint-disable-file" : "dhrlint-disable") +
              " gives no reason; add one after a dash or colon");
      f.location.comment_id = comment.id;
    }
  }

 private:
  RuleInfo info_{
      "draft/suppression-without-reason",
      "A dhrlint-disable comment that gives no reason",
      "Reports each Word comment that is a dhrlint suppression (its text starts "
      "\"dhrlint-disable\" or \"dhrlint-disable-file\") but gives no reason after the rule ids: "
      "the reason is what separates a considered decision from a silenced warning. The "
      "suppression still applies; this finding asks for its reason.",
      "A suppression is a decision to publish something a check questions, such as naming a "
      "service that the family asked to be named. Whoever reads the draft next (the chair, the "
      "Community Safety Partnership, the Home Office Quality Assurance Panel) needs the reason to "
      "agree with it; the statutory guidance makes the overview report the published record of "
      "the review (Home Office, \"Multi-agency Statutory Guidance for the Conduct of Domestic "
      "Homicide Reviews\" (2016), section 8 \"Publication of the Overview Report\"). Linters "
      "for code ask the same of their suppressions (ruff's RUF100 and clang-tidy's NOLINT "
      "with a reason).",
      "A comment \"dhrlint-disable identifying/local-service\" on \"the Rosewood Refuge\": "
      "fires.\nThe comment \"dhrlint-disable identifying/local-service - named at the family's "
      "request, agreed by the panel on 3 May 2023\": does not fire.",
      "Add the reason after the rule ids, separated by a dash or colon: \"dhrlint-disable "
      "identifying/local-service - named at the family's request\".",
      Severity::kWarning};
};

}  // namespace

std::unique_ptr<Rule> make_suppression_without_reason_rule() {
  return std::make_unique<SuppressionWithoutReasonRule>();
}

}  // namespace dhrlint::draft
