// structure/tor-suicide: the victim died by suicide but the terms of
// reference do not mention suicide.
#include "rules/kit/absence.hpp"
#include "rules/structure/common.hpp"

namespace dhrlint::structure {

namespace {

// The first sentence saying the victim died by suicide: a suicide phrase in
// a sentence with no attempt, threat, risk, hypothetical or killing, and no
// relative named before the phrase ("her brother took his own life").
struct Trigger {
  std::size_t paragraph = kNoIndex;
  std::size_t start = 0;
  std::size_t end = 0;
};

Trigger find_trigger(const Document& doc, DocumentAnalysis& analysis, const kit::Outline& outline) {
  const kit::TermList& terms = context_terms();
  for (std::size_t p = 0; p < doc.paragraphs.size(); ++p) {
    const Paragraph& para = doc.paragraphs[p];
    if (!readable(para)) {
      continue;
    }
    const text::FoldedText& folded = analysis.folded(p);
    if (folded.text.find("suicid") == std::string::npos &&
        folded.text.find("own li") == std::string::npos &&
        folded.text.find("hanged") == std::string::npos) {
      continue;
    }
    if (reference_part(doc, outline, p)) {
      continue;
    }
    for (const kit::TermMatch& m : terms.find(folded, "suicide")) {
      const kit::FoldedSpan s = kit::sentence_at(analysis.sentences(p), folded, m.start);
      if (terms.contains_in(folded, s.folded_begin, s.folded_end, "suicide-not") ||
          terms.contains_in(folded, s.folded_begin, m.folded_begin, "relative")) {
        continue;
      }
      return Trigger{p, m.start, m.end};
    }
  }
  return {};
}

class TorSuicideRule final : public Rule {
 public:
  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    DocumentAnalysis& analysis = ctx.analysis();
    const kit::Outline& outline = kit::outline(analysis);
    const kit::OutlineHeading* tor = tor_heading(outline);
    if (tor == nullptr) {
      return;  // structure/missing-section
    }
    for (std::size_t p : section_paragraphs(doc, outline, "terms-of-reference")) {
      if (context_terms().contains(analysis.folded(p), "suicide-tor")) {
        return;
      }
    }
    const Trigger t = find_trigger(doc, analysis, outline);
    if (t.paragraph == kNoIndex) {
      return;
    }
    const text::Range r = heading_span(doc, *tor);
    Finding& f = kit::report_absence(ctx, *this, doc, tor->paragraph, r,
                                     "The report says the victim died by suicide, but the terms of "
                                     "reference do not mention suicide; add it to the key lines of "
                                     "enquiry");
    f.location.related.push_back(kit::location_of(doc, t.paragraph, t.start, t.end));
  }

 private:
  RuleInfo info_{
      "structure/tor-suicide",
      "The victim died by suicide but the terms of reference do not mention suicide",
      "Looks in the report's text and notes (outside the terms of reference and glossaries) "
      "for a sentence saying the victim died by suicide: 'died by suicide', 'took her own "
      "life', 'the inquest concluded ... suicide'. A sentence about an attempt, a threat, "
      "suicidal thoughts or risk, a hypothetical ('where a victim has died by suicide'), a "
      "killing (the perpetrator's suicide after a homicide) or a relative named before the "
      "phrase ('her brother took his own life in 2009') is not one. When the death was a "
      "suicide and the terms-of-reference sections (any heading that names them, appendices "
      "included) never mention suicide, it fires once for the whole document (an absent "
      "discussion), with the "
      "terms-of-reference heading and the sentence as related locations.",
      "The Home Office QA Panel asked that the terms of reference mention suicide where the "
      "victim took their own life (feedback letter on DHR 'Sarah', Bassetlaw, Newark and "
      "Sherwood Community Safety Partnership, 2023). The Victims and Prisoners Act 2024 (Part 1, "
      "s.19) renamed the reviews Domestic Abuse Related Death Reviews to take in deaths by "
      "suicide, which made up 31% of the reviews in the Home Office's 'Quantitative analysis of "
      "domestic homicide reviews: October 2022 to September 2023' (2024).",
      "Fires: 'Sarah died by suicide in May 2021' with key lines of enquiry about risk "
      "assessment and information sharing only.\n"
      "Does not fire: a key line of enquiry 'whether agencies recognised the link between the "
      "abuse Sarah experienced and her risk of suicide'; 'Her father took his own life when "
      "she was twelve'.",
      "Add a key line of enquiry on suicide: what agencies knew of the victim's risk of "
      "suicide and its link with the domestic abuse, and how they responded.",
      Severity::kWarning};
};

}  // namespace

std::unique_ptr<Rule> make_tor_suicide_rule() { return std::make_unique<TorSuicideRule>(); }

}  // namespace dhrlint::structure
