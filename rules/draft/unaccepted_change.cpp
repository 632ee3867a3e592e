// draft/unaccepted-change: every unaccepted tracked change (insertion,
// deletion, move, paragraph-mark or formatting change), one finding each, on
// its span; deletions as a zero-width span holding the deleted text.
#include "lint/text/text.hpp"
#include "rules/kit/kit.hpp"

namespace dhrlint::draft {

namespace {

std::string by(const Revision& r) { return r.author.empty() ? std::string() : " by " + r.author; }

class UnacceptedChangeRule final : public Rule {
 public:
  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    for (std::size_t p = 0; p < doc.paragraphs.size(); ++p) {
      const Paragraph& para = doc.paragraphs[p];
      const std::size_t length = text::length(para.text);
      for (const Revision& r : para.revisions) {
        switch (r.kind) {
          case RevisionKind::kInsertion:
            add(ctx, p, r.start, r.end, r, "Unaccepted tracked insertion", "; accept or reject it");
            break;
          case RevisionKind::kMoveTo:
            add(ctx, p, r.start, r.end, r, "Unaccepted tracked move",
                " (moved here); accept or reject it");
            break;
          case RevisionKind::kDeletion:
          case RevisionKind::kMoveFrom: {
            const bool move = r.kind == RevisionKind::kMoveFrom;
            Finding& f = add(ctx, p, r.start, r.start, r,
                             move ? "Unaccepted tracked move" : "Unaccepted tracked deletion",
                             std::string(": the file still holds the ") +
                                 (move ? "moved" : "deleted") + " text; accept or reject it");
            f.location.visibility = "deleted";
            f.location.deleted_text = r.text;
            break;
          }
          case RevisionKind::kParagraphInserted:
            add(ctx, p, length, length, r, "Unaccepted tracked paragraph break (inserted)",
                "; accept or reject it");
            break;
          case RevisionKind::kParagraphDeleted: {
            Finding& f =
                add(ctx, p, length, length, r, "Unaccepted tracked deletion of a paragraph break",
                    "; accept or reject it");
            f.location.visibility = "deleted";
            break;
          }
          case RevisionKind::kFormatChange:
            add(ctx, p, r.start, r.end, r, "Unaccepted tracked formatting change",
                "; accept or reject it");
            break;
        }
      }
    }
  }

 private:
  // The message names the reviser; its redacted form (--redact, SARIF) does not.
  Finding& add(RuleContext& ctx, std::size_t p, std::size_t start, std::size_t end,
               const Revision& r, const std::string& what, const std::string& rest) const {
    Finding& f = ctx.report(*this, p, start, end, what + by(r) + rest);
    if (!r.author.empty()) {
      f.redacted_message = what + rest;
    }
    return f;
  }

  RuleInfo info_{
      "draft/unaccepted-change",
      "Unaccepted tracked changes (insertions, deletions, moves, formatting)",
      "Reports every tracked change Word still holds as a revision: inserted and moved text on "
      "its span; deleted and moved-away text as a zero-width span where it stood, with the "
      "deleted text in `deleted_text`; inserted or deleted paragraph marks at the paragraph's "
      "end; formatting changes. One finding per revision, in the body, notes, comments, "
      "headers and footers; the message names the reviser.",
      "Deleted text is out of sight but still in the file: anyone opening the published .docx "
      "with \"All Markup\" (or unzipping it) reads it, and it is where real names most often "
      "survive once the visible text has been anonymised: tracked deletions can carry real "
      "names. Revisions also carry the names of everyone who edited the draft. The overview report "
      "is published (Home Office, \"Multi-agency Statutory Guidance for the Conduct of Domestic "
      "Homicide Reviews\" (2016), section 8 \"Publication of the Overview Report\").",
      "1.6.5 The children attended {del:Bow Green Primary School}{ins:the primary school}.  "
      "<- fires twice: once for the deletion (deleted_text \"Bow Green Primary School\"), once "
      "for the insertion.\n"
      "A paragraph saying \"the entry was deleted from the record\" with no tracked change: "
      "does not fire.",
      "Review each change (Review > Next), accept or reject it, or Accept All Changes once the "
      "text is agreed; then turn Track Changes off and save.",
      Severity::kError};
};

}  // namespace

std::unique_ptr<Rule> make_unaccepted_change_rule() {
  return std::make_unique<UnacceptedChangeRule>();
}

}  // namespace dhrlint::draft
