// RuleContext: turns a rule's (paragraph, span, message) into a Finding with
// the contract's location fields (kit::location_of) and an excerpt filled in
// from the model.
#include "rules/kit/location.hpp"

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

Location kit::location_of(const Document& doc, std::size_t p, std::optional<std::size_t> start,
                          std::optional<std::size_t> end) {
  Location loc;
  if (p >= doc.paragraphs.size()) {
    loc.part = doc.main_part;
    return loc;
  }
  const Paragraph& para = doc.paragraphs[p];
  loc.part = para.part;
  loc.paragraph = para.index;
  if (!para.section.empty()) {
    loc.section = para.section;
  }
  if (start || end) {
    const std::size_t length = text::length(para.text);
    const std::size_t s = std::min(start.value_or(0), length);
    loc.start = s;
    loc.end = std::min(std::max(s, end.value_or(s)), length);
  }
  if (para.story == Story::kFootnote || para.story == Story::kEndnote) {
    loc.note_id = para.owner_id;
  } else if (para.story == Story::kComment) {
    loc.comment_id = para.owner_id;
  }
  return loc;
}

Finding& RuleContext::report(const Rule& rule, std::size_t p, std::size_t start, std::size_t end,
                             std::string message) {
  Finding finding;
  finding.rule = rule.info().id;
  finding.severity = rule.info().severity;
  finding.message = std::move(message);
  finding.location = kit::location_of(doc_, p, start, end);
  if (p < doc_.paragraphs.size()) {
    finding.excerpt =
        make_excerpt(doc_.paragraphs[p].text, *finding.location.start, *finding.location.end);
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

dhrlint::text::Range dhrlint::kit::comment_span(const Document& doc, const Comment& comment) {
  if (comment.anchor < doc.paragraphs.size()) {
    for (const CommentRange& r : doc.paragraphs[comment.anchor].comment_ranges) {
      if (r.id == comment.id) {
        return {r.start, r.end};
      }
    }
  }
  return {};
}
