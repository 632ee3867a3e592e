// draft/comments: every Word comment left in the draft, one finding each,
// on the text the comment is anchored to.
#include "rules/kit/kit.hpp"
#include "rules/kit/suppression.hpp"

namespace dhrlint::draft {

namespace {

class CommentsRule final : public Rule {
 public:
  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    for (const Comment& comment : doc.comments) {
      // A dhrlint-disable comment is the author's answer to a finding, not
      // review residue; the suppression rules look after it.
      if (kit::is_suppression_comment(doc, comment)) {
        continue;
      }
      const std::string author = comment.author.empty() ? "an unnamed author" : comment.author;
      std::string message = "Comment by " + author;
      if (!comment.parent_id.empty()) {
        message = "Reply by " + author + " to a comment";
      }
      message += comment.done ? " is marked resolved but still in the file" : " left in the draft";
      message += "; delete it before submission";

      Location own;  // the comment's own first paragraph in comments.xml
      if (!comment.paragraphs.empty() && comment.paragraphs.front() < doc.paragraphs.size()) {
        const Paragraph& p = doc.paragraphs[comment.paragraphs.front()];
        own.part = p.part;
        own.paragraph = p.index;
      } else {
        own.part = comment.part.empty() ? "word/comments.xml" : comment.part;
      }
      own.comment_id = comment.id;

      if (comment.anchor < doc.paragraphs.size()) {
        const text::Range span = kit::comment_span(doc, comment);
        Finding& f = ctx.report(*this, comment.anchor, span.start, span.end, message);
        f.redacted_message = redacted(comment);
        f.location.comment_id = comment.id;
        f.location.related.push_back(own);
      } else {
        // A comment no body text refers to: the file carries it, no reader
        // of the printed report sees it.
        Location loc = own;
        loc.visibility = "unreferenced";
        ctx.report_at(*this, std::move(loc), message).redacted_message = redacted(comment);
      }
    }
  }

 private:
  // The message without the author's name (--redact, SARIF).
  static std::string redacted(const Comment& comment) {
    std::string message = comment.parent_id.empty() ? "Comment" : "Reply to a comment";
    message += comment.done ? " is marked resolved but still in the file" : " left in the draft";
    return message + "; delete it before submission";
  }

  RuleInfo info_{
      "draft/comments",
      "Word comments left in the draft",
      "Reports every Word comment (and every reply) the file still holds, one finding per "
      "comment, on the text the comment is attached to. The message names the comment's "
      "author. Comments marked resolved are reported too: resolving hides a comment, it does "
      "not remove it from the file.",
      "A DHR is published once the Home Office Quality Assurance Panel has assessed it; the "
      "file that is sent is the file that is read. Comments carry reviewers' names and "
      "often the real names, places and doubts that were taken out of the text: comment "
      "authors and comment text can carry real names once the visible text is clean. A comment "
      "that is a dhrlint-disable directive is left to draft/suppression-without-reason and "
      "draft/suppression-unused; it must still be deleted before publication. The "
      "overview report is published (Home Office, \"Multi-agency Statutory Guidance for the "
      "Conduct of Domestic Homicide Reviews\" (2016), section 8 \"Publication of the Overview "
      "Report\"), and what is published is the file.",
      "1.6.5 The children attended the local primary school.  <- with a Word comment by "
      "\"J. Smith\" on \"the local primary school\" saying \"was St Mary's - check\": fires.\n"
      "A paragraph that mentions \"the comments made by the GP\" without any Word comment: "
      "does not fire.",
      "Resolve each comment, then delete it (Review > Delete > Delete All Comments in "
      "Document) and save before sending the report.",
      Severity::kError};
};

}  // namespace

std::unique_ptr<Rule> make_comments_rule() { return std::make_unique<CommentsRule>(); }

}  // namespace dhrlint::draft
