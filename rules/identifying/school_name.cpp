// identifying/school-name: a named school, college, nursery, academy or pupil
// referral unit ("Bow Green Primary School", "St Agnes' RC Primary",
// "Mulberry Academy Shoreditch"), wherever the file carries it.
#include <string>
#include <vector>

#include "rules/identifying/common.hpp"

namespace dhrlint::identifying {

namespace {

class SchoolNameRule : public Rule {
 public:
  SchoolNameRule() : names_([] { return NamedPlaceFinder("identifying/school-name.txt"); }) {
    info_.id = "identifying/school-name";
    info_.severity = Severity::kError;
    info_.summary = "A school, college, nursery, academy or pupil referral unit is named";
    info_.what =
        "Finds the names of schools, colleges, nurseries, academies and pupil referral units: a "
        "capitalised name ending in a school type (\"Bow Green Primary School\", \"St Agnes' RC "
        "Primary\", \"Mulberry Academy Shoreditch\", \"Little Stars Nursery\"). It looks at "
        "everything the file carries: body text, tables (contributor and panel lists too), "
        "footnotes, endnotes, comments, headers, footers, text boxes, hidden text, tracked "
        "deletions and document properties. National bodies that stay named (College of "
        "Policing, Royal College of Nursing), names in the configured allowed_organisations and "
        "generic phrases (\"the school\", \"her primary school\", a \"Secondary School\" "
        "heading) are not flagged.";
    info_.why =
        "A child's school locates the family and identifies the children. The Home Office QA "
        "Panel sent a report back because \"the name of the children's school at 1.6.5 needs to "
        "be removed\" (Home Office QA Panel feedback letter to Tower Hamlets Community Safety "
        "Partnership on DHR \"Salma\", 2020). The panel wanted exactly that name gone wherever "
        "it stands.";
    info_.example =
        "1.6.5 Child A attended Bow Green Primary School from 2015.    <- fires\n"
        "1.6.5 Child A attended a local primary school from 2015.      <- does not fire\n"
        "Operation Encompass notifies schools; the College of Policing  <- does not fire";
    info_.fix =
        "Replace the name with a description (\"the primary school\", \"School 1\"), in tables, "
        "footnotes, comments and tracked changes too; then accept all changes so that no "
        "deleted copy stays in the file.";
  }

  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    const text::Lexicon& lexicon = ctx.analysis().shared().lexicon;
    const std::vector<std::string>& allowed = ctx.config().allowed_organisations;
    DocumentAnalysis& analysis = ctx.analysis();
    const std::string message =
        "Names a school, college or nursery; replace the name with a description such as "
        "'the primary school'";
    scan_document(
        doc, ctx, *this,
        [&](const TextView& view, std::vector<Hit>& hits) {
          names_->find(view.text, analysis.tokens(view.text), allowed, lexicon, message, hits);
        },
        ScanOptions{.properties = true});
  }

 private:
  RuleInfo info_;
  kit::Lazy<NamedPlaceFinder> names_;  // built when a document is first checked
};

}  // namespace

std::unique_ptr<Rule> make_school_name_rule() { return std::make_unique<SchoolNameRule>(); }

}  // namespace dhrlint::identifying
