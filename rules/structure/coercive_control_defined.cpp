// structure/coercive-control-defined: coercive control is discussed but
// never defined.
#include "rules/structure/common.hpp"

namespace dhrlint::structure {

namespace {

class CoerciveControlDefinedRule final : public Rule {
 public:
  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    DocumentAnalysis& analysis = ctx.analysis();
    const kit::Outline& outline = kit::outline(analysis);
    const kit::TermList& terms = context_terms();
    const Paragraph* first_para = nullptr;
    std::size_t first = kNoIndex;
    std::size_t start = 0;
    std::size_t end = 0;
    for (std::size_t p = 0; p < doc.paragraphs.size(); ++p) {
      const Paragraph& para = doc.paragraphs[p];
      if (!kit::is_report_text(para) && !kit::is_note(para)) {
        continue;
      }
      const text::FoldedText& folded = analysis.folded(p);
      if (folded.text.find("coerci") == std::string::npos &&
          folded.text.find("controlling") == std::string::npos &&
          folded.text.find("ccb") == std::string::npos &&
          folded.text.find("76") == std::string::npos &&
          folded.text.find("serious crime") == std::string::npos) {
        continue;
      }
      // A citation of the offence defines it wherever it stands.
      if (terms.contains(folded, "coercive-defined")) {
        return;
      }
      const std::vector<kit::TermMatch> named = terms.find(folded, "coercive-named");
      if (named.empty()) {
        continue;
      }
      // A glossary entry, or a sentence that defines it.
      if (in_glossary(doc, outline, p)) {
        return;
      }
      // "Coercive control is defined as ...", "... means ...": the term
      // before the definition (the statutory definition of domestic abuse
      // lists the term without defining it); or the statutory guidance cited.
      for (const kit::TermMatch& m : named) {
        const kit::FoldedSpan s = kit::sentence_at(analysis.sentences(p), folded, m.start);
        if (terms.contains_in(folded, m.folded_end, s.folded_end, "definition-after") ||
            terms.contains_in(folded, s.folded_begin, s.folded_end, "cc-guidance")) {
          return;
        }
      }
      // The first mention outside definitions of other terms (the
      // statutory definition of domestic abuse) is where the finding goes.
      for (const kit::TermMatch& m : named) {
        const kit::FoldedSpan s = kit::sentence_at(analysis.sentences(p), folded, m.start);
        if (first == kNoIndex && kit::is_report_text(para) && !kit::is_heading(para) &&
            !definitional(folded, s.folded_begin, s.folded_end)) {
          first = p;
          first_para = &para;
          start = m.start;
          end = m.end;
        }
      }
    }
    if (first_para == nullptr) {
      return;
    }
    ctx.report(*this, first, start, end,
               "Coercive control is discussed but never defined; give the statutory definition "
               "(Serious Crime Act 2015, s.76) in the text, a footnote or the glossary");
  }

 private:
  RuleInfo info_{
      "structure/coercive-control-defined",
      "Coercive control is discussed but never defined",
      "Finds controlling or coercive behaviour named in the report's running text ('coercive "
      "control', 'coercive and controlling behaviour', 'controlling behaviour') and looks "
      "anywhere in the report - text, tables, footnotes, glossary - for its definition: a "
      "citation of the Serious Crime Act 2015 or its section 76, a glossary entry, a sentence "
      "that defines the term ('coercive control is defined as', '... means ...') or one that "
      "cites the Home Office statutory guidance on it. The statutory definition of domestic "
      "abuse, which lists the term without defining it, does not count. When there is none it "
      "fires on the first mention in the running text.",
      "The Home Office QA Panel asked for a clear definition of coercive control (feedback "
      "letter on DHR Case 23, Devon, 2023). The offence of controlling or coercive behaviour "
      "in an intimate or family relationship is defined in the Serious Crime Act 2015, s.76 "
      "(in force 29 December 2015): repeated or continuous behaviour towards a personally "
      "connected person that has a serious effect on them; the Domestic Abuse Act 2021, s.1, "
      "lists it in the statutory definition of domestic abuse.",
      "Fires: 'Amira experienced years of coercive control' with no definition anywhere.\n"
      "Does not fire: the same sentence with a footnote 'Controlling or coercive behaviour is "
      "an offence under section 76 of the Serious Crime Act 2015 ...'.",
      "Define controlling or coercive behaviour where the report first discusses it, or in a "
      "footnote or the glossary, citing the Serious Crime Act 2015, s.76 and the Home Office "
      "statutory guidance framework.",
      Severity::kWarning};
};

}  // namespace

std::unique_ptr<Rule> make_coercive_control_defined_rule() {
  return std::make_unique<CoerciveControlDefinedRule>();
}

}  // namespace dhrlint::structure
