// RuleContext: turns a rule's (paragraph, span, message) into a Finding with
// the contract's location fields and an excerpt filled in from the model.
#include "lint/engine/excerpt.hpp"

#include <algorithm>

#include "dhrlint/rule.hpp"
#include "lint/text/text.hpp"

namespace dhrlint {

namespace {

// Newlines, tabs and other control characters would break a one-line
// excerpt: they become spaces.
std::string flatten(std::string s) {
  for (char& c : s) {
    if (static_cast<unsigned char>(c) < 0x20) {
      c = ' ';
    }
  }
  return s;
}

}  // namespace

std::string make_excerpt(std::string_view text, std::size_t start, std::size_t end) {
  const std::size_t length = text::length(text);
  start = std::min(start, length);
  end = std::min(std::max(end, start), length);
  const std::size_t left = start > kExcerptContext ? start - kExcerptContext : 0;
  const std::size_t right = std::min(length, end + kExcerptContext);

  std::string out;
  if (left > 0) {
    out += "…";
  }
  out += text::slice(text, left, start);
  if (end - start > 2 * kExcerptSpanHalf) {
    // A very long span: its beginning and end are enough to recognise it.
    out += text::slice(text, start, start + kExcerptSpanHalf);
    out += "…";
    out += text::slice(text, end - kExcerptSpanHalf, end);
  } else {
    out += text::slice(text, start, end);
  }
  out += text::slice(text, end, right);
  if (right < length) {
    out += "…";
  }
  return flatten(std::move(out));
}

Finding& RuleContext::report(const Rule& rule, std::size_t p, std::size_t start, std::size_t end,
                             std::string message) {
  Finding finding;
  finding.rule = rule.info().id;
  finding.severity = rule.info().severity;
  finding.message = std::move(message);
  if (p < doc_.paragraphs.size()) {
    const Paragraph& para = doc_.paragraphs[p];
    const std::size_t length = text::length(para.text);
    start = std::min(start, length);
    end = std::min(std::max(start, end), length);
    finding.location.part = para.part;
    finding.location.paragraph = para.index;
    if (!para.section.empty()) {
      finding.location.section = para.section;
    }
    finding.location.start = start;
    finding.location.end = end;
    if (para.story == Story::kFootnote || para.story == Story::kEndnote) {
      finding.location.note_id = para.owner_id;
    } else if (para.story == Story::kComment) {
      finding.location.comment_id = para.owner_id;
    }
    finding.excerpt = make_excerpt(para.text, start, end);
  } else {
    // A rule passed an index outside the model: keep the finding, as a
    // whole-document one, rather than lose it.
    finding.location.part = doc_.main_part;
  }
  findings_.push_back(std::move(finding));
  return findings_.back();
}

Finding& RuleContext::report_document(const Rule& rule, std::string message) {
  Finding finding;
  finding.rule = rule.info().id;
  finding.severity = rule.info().severity;
  finding.message = std::move(message);
  finding.location.part = doc_.main_part;
  findings_.push_back(std::move(finding));
  return findings_.back();
}

Finding& RuleContext::report_at(const Rule& rule, Location location, std::string message,
                                std::string excerpt) {
  Finding finding;
  finding.rule = rule.info().id;
  finding.severity = rule.info().severity;
  finding.message = std::move(message);
  if (location.part.empty()) {
    location.part = doc_.main_part;
  }
  if (excerpt.empty() && location.paragraph && location.start) {
    if (const Paragraph* para = doc_.find(location.part, *location.paragraph)) {
      excerpt = make_excerpt(para->text, *location.start, location.end.value_or(*location.start));
    }
  }
  finding.location = std::move(location);
  finding.excerpt = std::move(excerpt);
  findings_.push_back(std::move(finding));
  return findings_.back();
}

}  // namespace dhrlint
