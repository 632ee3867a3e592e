// incomplete/empty-section: a heading with nothing under it.
#include "rules/kit/kit.hpp"

namespace dhrlint::incomplete {

namespace {

bool has_text(const Paragraph& p) {
  const text::Range r = kit::trim(p.text, {0, text::length(p.text)});
  return r.start != r.end;
}

class EmptySectionRule final : public Rule {
 public:
  EmptySectionRule() : headings_("incomplete/headings.txt") {}

  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    const std::size_t n = doc.paragraphs.size();
    for (std::size_t i = 0; i < n; ++i) {
      const Paragraph& h = doc.paragraphs[i];
      if (!kit::is_heading(h) || !has_text(h)) {
        continue;
      }
      // "Part I – Executive Summary" holds sections, not text of its own.
      if (headings_.contains(ctx.analysis().folded(i), "part")) {
        continue;
      }
      // Walk to the next heading; any text, table or text box on the way is
      // content. A sub-heading first means this is not a leaf heading.
      bool content = false;
      bool leaf = true;
      for (std::size_t q = i + 1; q < n; ++q) {
        const Paragraph& p = doc.paragraphs[q];
        if (p.story != Story::kBody) {
          break;
        }
        if (kit::is_carried_only(p)) {
          continue;
        }
        if (kit::is_heading(p) && has_text(p)) {
          leaf = *p.heading_level <= *h.heading_level;
          break;
        }
        if (has_text(p) || p.table) {
          content = true;
          break;
        }
      }
      if (content || !leaf) {
        continue;
      }
      const text::Range r = kit::trim(h.text, {0, text::length(h.text)});
      ctx.report(*this, i, r.start, r.end,
                 "Heading has nothing under it before the next heading; write the section or "
                 "remove the heading");
    }
  }

 private:
  kit::TermList headings_;
  RuleInfo info_{
      "incomplete/empty-section",
      "A heading has nothing under it",
      "Walks the body's headings and flags a leaf heading (one without sub-headings) that has "
      "no text, table or text box under it before the next heading of the same or a higher "
      "level. A parent heading whose sub-headings carry the text does not fire; neither does an "
      "empty paragraph in a heading style, nor a heading that names a part of the document "
      "('Part I – Executive Summary') above its first section.",
      "A heading with nothing under it is an unwritten section: the QA Panel returns reports "
      "with incomplete sections ('1.8.3 appears to be incomplete': Home Office QA Panel "
      "feedback letter to Tower Hamlets Community Safety Partnership on DHR 'Salma', 2020), and "
      "the structure the guidance asks for (Home Office, 'Multi-agency Statutory Guidance for "
      "the Conduct of Domestic Homicide Reviews', December 2016, section 7, content of the "
      "overview report) is only there if its sections have content.",
      "Fires: 'Equality and diversity' (heading 2) followed directly by 'Conclusions' "
      "(heading 1).\n"
      "Does not fire: 'Analysis' (heading 1) followed by 'Agency responses' (heading 2) and its "
      "text.",
      "Write the section, say why there is nothing to report under it, or remove the heading.",
      Severity::kWarning};
};

}  // namespace

std::unique_ptr<Rule> make_empty_section_rule() { return std::make_unique<EmptySectionRule>(); }

}  // namespace dhrlint::incomplete
