#include "lint/engine/suppression.hpp"

#include <algorithm>

#include "lint/engine/linter.hpp"

namespace dhrlint {

namespace {

bool names_rule(const kit::SuppressionDirective& d, std::string_view rule) {
  if (d.rules.empty()) {
    return true;
  }
  return std::any_of(d.rules.begin(), d.rules.end(), [&](const std::string& pattern) {
    return rule_pattern_matches(pattern, rule);
  });
}

// Whether a comment's range in a paragraph covers the finding there: a
// finding without a span (the paragraph as a whole) is covered by any range
// in it; a span by a range it overlaps. A comment with no range (only its
// reference mark) covers its paragraph.
bool covers(const CommentRange& range, const Location& loc) {
  if (!loc.start || !loc.end || range.start == range.end) {
    return true;
  }
  const std::size_t start = *loc.start;
  const std::size_t end = std::max(*loc.end, start + 1);  // a zero-width span is a point
  return start < std::max(range.end, range.start + 1) && range.start < end;
}

}  // namespace

std::vector<SuppressionUse> apply_suppressions(const Document& doc, const ParagraphIndex& index,
                                               std::vector<Finding>& findings) {
  std::vector<SuppressionUse> uses;
  for (std::size_t c = 0; c < doc.comments.size(); ++c) {
    const Comment& comment = doc.comments[c];
    if (!kit::is_suppression_comment(doc, comment)) {
      continue;
    }
    if (auto directive = kit::parse_suppression(kit::comment_text(doc, comment))) {
      uses.push_back(SuppressionUse{c, std::move(*directive), 0});
    }
  }
  if (uses.empty()) {
    return uses;
  }
  auto silenced_by = [&](const Finding& f) -> SuppressionUse* {
    if (f.rule.rfind("draft/suppression-", 0) == 0) {
      return nullptr;
    }
    const Paragraph* paragraph =
        f.location.paragraph ? index.find(f.location.part, *f.location.paragraph) : nullptr;
    for (SuppressionUse& use : uses) {
      if (!names_rule(use.directive, f.rule)) {
        continue;
      }
      if (use.directive.whole_file) {
        return &use;
      }
      if (paragraph == nullptr) {
        continue;
      }
      const std::string& id = doc.comments[use.comment].id;
      for (const CommentRange& range : paragraph->comment_ranges) {
        if (range.id == id && covers(range, f.location)) {
          return &use;
        }
      }
    }
    return nullptr;
  };
  std::erase_if(findings, [&](const Finding& f) {
    if (SuppressionUse* use = silenced_by(f)) {
      ++use->silenced;
      return true;
    }
    return false;
  });
  return uses;
}

}  // namespace dhrlint
