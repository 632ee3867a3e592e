// structure/missing-section: a section the guidance's model layout requires
// is missing, one finding per section.
#include "rules/structure/common.hpp"

namespace dhrlint::structure {

namespace {

class MissingSectionRule final : public Rule {
 public:
  const RuleInfo& info() const override { return info_; }

  void check(const Document& /*doc*/, RuleContext& ctx) const override {
    const kit::Outline& outline = kit::outline(ctx.analysis());
    const std::vector<std::string> required = outline.required();
    const bool summary = outline.kind() == kit::DocumentKind::kExecutiveSummary;
    const std::string layout = "the " + outline.edition() + " guidance's " +
                               (summary ? "executive summary" : "overview report") + " layout";
    for (std::size_t k = 0; k < required.size(); ++k) {
      const std::string& key = required[k];
      if (outline.present(key)) {
        continue;
      }
      std::string message = "No '" + kit::section_name(key) + "' section: " + layout + " has one";
      // Where it goes: after the nearest earlier required section the
      // report has.
      for (std::size_t j = k; j-- > 0;) {
        if (outline.find(required[j]) != nullptr) {
          message += ", after '" + kit::section_name(required[j]) + "'";
          break;
        }
      }
      message += "; add it under a heading that names it";
      ctx.report_document(*this, std::move(message));
    }
  }

 private:
  RuleInfo info_{
      "structure/missing-section",
      "A section the guidance's model layout requires is missing",
      "Reads the report's outline - heading paragraphs, and short typed lines that name a "
      "section on their own ('3. TERMS OF REFERENCE', 'Equality and Diversity') - and maps each "
      "heading to the sections it names, whatever its numbering, case or wording ('Scope of "
      "the review' and 'Key lines of enquiry' are the terms of reference; 'Contact with family "
      "and friends' is family involvement; 'Distribution list' is dissemination). Then reports "
      "one whole-document finding for each section the edition's layout requires that no "
      "heading names. Overview report (2016 layout, the default): timescales, confidentiality, "
      "terms of reference, methodology, involvement of family and friends, contributors, the "
      "review panel, the chair or author and their independence, parallel reviews, equality and "
      "diversity, dissemination, background, chronology, analysis, conclusions, lessons, "
      "recommendations and the action plan (an action plan published as a separate document "
      "counts when the report says so). An executive summary - told by its title or opening, "
      "or set by `document_kind` in .dhrlint.toml - needs only the review process, "
      "contributors, panel, chair, terms of reference, conclusions, lessons and "
      "recommendations. A sentence that mentions a section ('the terms of reference were "
      "agreed') is not one. Each finding names the section, so a partial draft's findings are "
      "easy to select or ignore.",
      "The Home Office 'Multi-agency Statutory Guidance for the Conduct of Domestic Homicide "
      "Reviews' (December 2016) sets out the content of the overview report (section 7), "
      "timescales (section 5) and the involvement of family and friends (section 6), with a "
      "model layout in its appendix; the Home Office QA Panel asks authors to bring reports "
      "'closer in line' with the guidance by using that model layout as a template (feedback "
      "letter on DHR 'Sarah', Bassetlaw, Newark and Sherwood Community Safety Partnership, "
      "2023). The section lists are data (data/structure/editions.txt) per edition: the 2024 "
      "profile keeps the 2016 layout until the final revised guidance's template is read.",
      "Fires: an overview report whose headings run Introduction, Terms of reference, ..., "
      "Recommendations with no 'Dissemination' heading: 'No 'Dissemination' section ...'.\n"
      "Does not fire: a 'Distribution list' heading; an executive summary without a chronology.",
      "Add the section under a heading that names it (the wording of the guidance's layout is "
      "safest), or set `document_kind = \"executive-summary\"` in .dhrlint.toml for an "
      "executive summary whose title does not say so.",
      Severity::kWarning};
};

}  // namespace

std::unique_ptr<Rule> make_missing_section_rule() { return std::make_unique<MissingSectionRule>(); }

}  // namespace dhrlint::structure
