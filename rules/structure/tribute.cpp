// structure/tribute: no tribute, dedication or condolence to the victim.
#include "rules/structure/common.hpp"

namespace dhrlint::structure {

namespace {

class TributeRule final : public Rule {
 public:
  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    DocumentAnalysis& analysis = ctx.analysis();
    const kit::Outline& outline = kit::outline(analysis);
    if (outline.find("preface") != nullptr) {
      return;
    }
    const kit::TermList& terms = context_terms();
    for (std::size_t p = 0; p < doc.paragraphs.size(); ++p) {
      const Paragraph& para = doc.paragraphs[p];
      if (!kit::is_report_text(para) && !kit::is_note(para)) {
        continue;
      }
      const text::FoldedText& folded = analysis.folded(p);
      if (terms.contains(folded, "tribute") || terms.contains(folded, "tribute-declined")) {
        return;
      }
    }
    ctx.report_document(
        *this, outline.kind() == kit::DocumentKind::kExecutiveSummary
                   ? "The executive summary has no tribute, dedication or condolence to the "
                     "victim; add one, in the family's words where they wish"
                   : "The report has no tribute, dedication or condolence to the victim; add "
                     "one near the start, in the family's words where they wish");
  }

 private:
  RuleInfo info_{
      "structure/tribute",
      "No tribute, dedication or condolence to the victim",
      "Looks for a tribute to the victim anywhere in the report: a heading such as 'Preface', "
      "'A message of condolence', 'Dedication', 'In memory of' or 'Tribute', or running text, "
      "tables or notes that offer condolences, dedicate the review, pay tribute, give a pen "
      "portrait or say who the victim was in the family's words. A statement that the family "
      "asked for no tribute counts. When there is none it fires once for the document (a "
      "whole-document finding), for an overview report and an executive summary alike.",
      "The Home Office QA Panel notes where no specific family tribute is included (feedback "
      "letter on DHR Case 23, Devon, 2023) and praises a dedication chosen by the family "
      "(feedback letter on DHR 'Salma', Tower Hamlets Community Safety Partnership, 2020); "
      "published reports open with one (Devon DHR 20 overview report, 'A message of "
      "condolence', 2021). The 'Multi-agency Statutory Guidance for the Conduct of Domestic "
      "Homicide Reviews' (December 2016), section 6, puts the family at the centre of the "
      "review.",
      "Fires: a report that goes from the title straight to 'Introduction' and 'Timescales' "
      "and never offers condolences or says who the victim was.\n"
      "Does not fire: 'The Review Panel offers its sincere condolences to Amira's family'; a "
      "'Dedication' heading; 'Her family asked that there be no tribute in the report.'",
      "Add a short preface: the panel's condolences and, with the family's agreement, a "
      "tribute or pen portrait in their words; or say that the family asked for none.",
      Severity::kWarning};
};

}  // namespace

std::unique_ptr<Rule> make_tribute_rule() { return std::make_unique<TributeRule>(); }

}  // namespace dhrlint::structure
