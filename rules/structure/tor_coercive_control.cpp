// structure/tor-coercive-control: the report describes controlling or
// coercive behaviour but the terms of reference do not name it.
#include "rules/kit/absence.hpp"
#include "rules/structure/common.hpp"

namespace dhrlint::structure {

namespace {

class TorCoerciveControlRule final : public Rule {
 public:
  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    DocumentAnalysis& analysis = ctx.analysis();
    const kit::Outline& outline = kit::outline(analysis);
    const kit::OutlineHeading* tor = tor_heading(outline);
    if (tor == nullptr) {
      return;  // structure/missing-section
    }
    const kit::TermList& terms = context_terms();
    for (std::size_t p : section_paragraphs(doc, outline, "terms-of-reference")) {
      if (terms.contains(analysis.folded(p), "coercive-tor")) {
        return;
      }
    }
    // The first sentence describing it, outside definitions (the statutory
    // definition of domestic abuse lists it whatever the case).
    for (std::size_t p = 0; p < doc.paragraphs.size(); ++p) {
      if (!readable(doc.paragraphs[p])) {
        continue;
      }
      const text::FoldedText& folded = analysis.folded(p);
      if (folded.text.find("coerci") == std::string::npos &&
          folded.text.find("control") == std::string::npos &&
          folded.text.find("monitor") == std::string::npos &&
          folded.text.find("track") == std::string::npos &&
          folded.text.find("checked") == std::string::npos &&
          folded.text.find("checking") == std::string::npos &&
          folded.text.find("isolat") == std::string::npos &&
          folded.text.find("allow") == std::string::npos &&
          folded.text.find("let ") == std::string::npos &&
          folded.text.find("forbade") == std::string::npos) {
        continue;
      }
      if (reference_part(doc, outline, p)) {
        continue;
      }
      for (std::string_view group : {"coercive-named", "coercive-described"}) {
        for (const kit::TermMatch& m : terms.find(folded, group)) {
          const kit::FoldedSpan s = kit::sentence_at(analysis.sentences(p), folded, m.start);
          if (definitional(folded, s.folded_begin, s.folded_end)) {
            continue;
          }
          const text::Range r = heading_span(doc, *tor);
          Finding& f = kit::report_absence(
              ctx, *this, doc, tor->paragraph, r,
              "The report describes controlling or coercive behaviour, but the terms of "
              "reference do not name it; add a key line of enquiry on coercive control");
          f.location.related.push_back(kit::location_of(doc, p, m.start, m.end));
          return;
        }
      }
    }
  }

 private:
  RuleInfo info_{
      "structure/tor-coercive-control",
      "Coercive control is described but the terms of reference do not name it",
      "Looks in the report's text and notes (outside the terms of reference, glossaries and "
      "sentences that define or cite a definition) for controlling or coercive behaviour, "
      "named ('coercive control', 'controlling and coercive behaviour') or described "
      "('monitored her phone', 'isolated her from her family', 'would not let her see her "
      "friends'). When there is some and no terms-of-reference section (appendices included) "
      "mentions coercion or control, it fires once for the whole document (an absent "
      "discussion), with the terms-of-reference heading and the first description as related "
      "locations.",
      "The Home Office QA Panel asked that the terms of reference mention coercive control as "
      "well as 'violence' (feedback letter on DHR 'Sarah', Bassetlaw, Newark and Sherwood "
      "Community Safety Partnership, 2023). Controlling or coercive behaviour has been an "
      "offence since 29 December 2015 (Serious Crime Act 2015, s.76) and is part of the "
      "statutory definition of domestic abuse (Domestic Abuse Act 2021, s.1(3)).",
      "Fires: 'Kamal monitored Amira's phone and isolated her from her sister' with terms of "
      "reference about 'incidents of violence' only.\n"
      "Does not fire: a key line of enquiry 'whether agencies recognised Kamal's coercive and "
      "controlling behaviour'; the statutory definition of domestic abuse quoted in the "
      "introduction.",
      "Add a key line of enquiry on controlling or coercive behaviour: what agencies knew of "
      "it, whether they recognised it as abuse, and how they responded.",
      Severity::kWarning};
};

}  // namespace

std::unique_ptr<Rule> make_tor_coercive_control_rule() {
  return std::make_unique<TorCoerciveControlRule>();
}

}  // namespace dhrlint::structure
