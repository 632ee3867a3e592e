// hba/footnote-only: 'honour'-based abuse considered only in a footnote or
// endnote (the QA Panel letter on DHR 'Salma': "relegated to a foot note").
#include <set>

#include "rules/hba/common.hpp"
#include "rules/kit/kit.hpp"

namespace dhrlint::hba {

namespace {

class FootnoteOnlyRule final : public Rule {
 public:
  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    const HbaReading& reading = HbaReader::shared_reading(doc, ctx.analysis());
    if (!reading.body_terms.empty() || reading.note_terms.empty()) {
      return;
    }
    std::set<std::string> notes_done;
    for (const Mention& m : reading.note_terms) {
      const Paragraph& para = doc.paragraphs[m.paragraph];
      if (!notes_done.insert(para.part + "#" + para.owner_id).second) {
        continue;
      }
      const bool endnote = para.story == Story::kEndnote;
      Finding& f = ctx.report(*this, m.paragraph, m.start, m.end,
                              std::string("'Honour'-based abuse is considered only in ") +
                                  (endnote ? "an endnote" : "a footnote") +
                                  "; move the panel's reasoning into the body of the report");
      // The body paragraph whose note mark leads to this note.
      const std::size_t anchor = para.anchor;
      if (anchor < doc.paragraphs.size()) {
        std::optional<std::size_t> at;
        for (const NoteRef& ref : doc.paragraphs[anchor].note_refs) {
          if (ref.id == para.owner_id && (ref.kind == NoteKind::kEndnote) == endnote) {
            at = ref.at;
            break;
          }
        }
        f.location.related.push_back(kit::location_of(doc, anchor, at, at));
      }
    }
  }

 private:
  RuleInfo info_{
      "hba/footnote-only",
      "'Honour'-based abuse is considered only in a footnote or endnote",
      "Fires when the only places the report names 'honour'-based abuse (honour-based abuse / "
      "violence, 'so-called' honour, HBA, HBV, izzat, forced marriage) are footnotes or "
      "endnotes: one finding per such note, located in the note (with its note id), with the "
      "body paragraph that carries the note mark as the related location. The section is that "
      "paragraph's.",
      "The QA Panel criticised the Salma report because 'mention of the panel considering "
      "whether it was possibly relevant was relegated to a foot note' and asked for 'a more "
      "comprehensive overview of how the panel reached the conclusion' (Home Office QA Panel "
      "feedback letter to Tower Hamlets Community Safety Partnership on DHR 'Salma', 2020). "
      "The reasoning belongs in the body, not only in a footnote.",
      "Fires: body '1.9.2 The panel considered cultural factors.[6]' with footnote 6 'The "
      "panel considered whether 'honour-based' abuse was relevant and concluded it was not.'\n"
      "Does not fire: the same footnote when paragraph 1.9.3 of the body sets out the panel's "
      "consideration of 'honour'-based abuse.",
      "Move the consideration into the analysis in the body: what was considered, the "
      "evidence and advice used, and the conclusion; keep the note for sources only.",
      Severity::kError};
};

}  // namespace

std::unique_ptr<Rule> make_footnote_only_rule() { return std::make_unique<FootnoteOnlyRule>(); }

}  // namespace dhrlint::hba
