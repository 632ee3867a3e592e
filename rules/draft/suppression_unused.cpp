// draft/suppression-unused: a dhrlint-disable comment that silences nothing.
// Only the engine knows, once every other rule has run and the suppressions
// are applied (lint/engine/linter.cpp), so this rule's check does nothing:
// it is here for its id, its documentation and its switch in configuration.
#include "rules/kit/kit.hpp"

namespace dhrlint::draft {

namespace {

class SuppressionUnusedRule final : public Rule {
 public:
  const RuleInfo& info() const override { return info_; }

  void check(const Document& /*doc*/, RuleContext& /*ctx*/) const override {}

 private:
  RuleInfo info_{
      "draft/suppression-unused",
      "A dhrlint-disable comment that silences no finding",
      "Reports each dhrlint suppression comment that silenced nothing in this run: the rules it "
      "names found nothing on the commented text (the text was corrected, or the comment sits "
      "on the wrong words), or it names no rule dhrlint has. Only suppressions whose rules "
      "all ran are judged: one naming a rule switched off by configuration, --select or "
      "--ignore is not reported.",
      "A stale suppression hides the next real finding on the same text, and the comment "
      "itself is residue: Word comments stay in the file that is published (Home Office, "
      "\"Multi-agency Statutory Guidance for the Conduct of Domestic Homicide Reviews\" "
      "(2016), section 8 \"Publication of the Overview Report\"). Linters for code report "
      "unused suppressions for the same reason (ruff's RUF100, unused-noqa).",
      "A comment \"dhrlint-disable identifying/school-name - agreed\" on \"the primary school\", "
      "where no school is named: fires.\nThe same comment on \"St Mary's Primary School\", "
      "which identifying/school-name reports: does not fire (it silences that finding).",
      "Delete the comment, or move it onto the text the finding is about; check the rule id "
      "with dhrlint --list-rules.",
      Severity::kWarning};
};

}  // namespace

std::unique_ptr<Rule> make_suppression_unused_rule() {
  return std::make_unique<SuppressionUnusedRule>();
}

}  // namespace dhrlint::draft
