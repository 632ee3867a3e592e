#include "rules/kit/named_sections.hpp"

#include <algorithm>

#include "rules/kit/codepoints.hpp"
#include "rules/kit/paragraphs.hpp"
#include "rules/kit/terms.hpp"

namespace dhrlint::kit {

namespace {

constexpr std::size_t kMaxHeadingWords = 10;
constexpr std::size_t kMaxColonHeadingWords = 4;

const TermList& boundaries() {
  // Built on first use (TermList compiles each group when a search asks).
  static const TermList kBoundaries("kit/section-boundaries.txt");
  return kBoundaries;
}

// A number typed in front of a heading that the model does not take for a
// report number ("8. Protected characteristics"): its length in code points
// (ASCII), with the space after it, and its levels.
std::size_t typed_heading_number(std::string_view text, std::size_t* levels) {
  std::size_t i = 0;
  while (i < text.size() && text[i] == ' ') {
    ++i;
  }
  std::size_t digits = 0;
  std::size_t dots = 0;
  std::size_t end = 0;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c == '.' && digits > 0) {
      ++dots;
    } else {
      break;
    }
  }
  if (digits == 0 || digits > 6 || i >= text.size() || (text[i] != ' ' && text[i] != '\t')) {
    return 0;
  }
  end = i;
  while (end < text.size() && (text[end] == ' ' || text[end] == '\t')) {
    ++end;
  }
  if (levels != nullptr) {
    const bool trailing_dot = text[i - 1] == '.';
    *levels = dots + 1 - (trailing_dot ? 1 : 0);
  }
  return end;
}

// The number of levels of a heading's number ("3" 1, "3.2" 2), 0 for none.
std::size_t depth_of(const Paragraph& p) {
  const std::string number = own_report_number(p);
  if (!number.empty()) {
    return static_cast<std::size_t>(std::count(number.begin(), number.end(), '.')) + 1;
  }
  std::size_t levels = 0;
  return typed_heading_number(p.text, &levels) > 0 ? levels : 0;
}

std::size_t word_count(std::string_view utf8) {
  std::size_t n = 0;
  bool in_word = false;
  for (char c : utf8) {
    const bool space = c == ' ' || c == '\t' || c == '\n';
    if (!space && !in_word) {
      ++n;
    }
    in_word = !space;
  }
  return n;
}

bool names_section(const Document& doc, std::size_t p, const TermList& names,
                   std::string_view group) {
  const Paragraph& para = doc.paragraphs[p];
  const text::Range r = heading_words(para);
  if (r.start == r.end) {
    return false;
  }
  return names.contains(text::slice(para.text, r.start, r.end), group);
}

// The end of the section whose heading is paragraph `h`.
std::size_t section_end(const Document& doc, std::size_t h) {
  const Paragraph& head = doc.paragraphs[h];
  const std::size_t n = doc.paragraphs.size();
  const bool styled = is_heading(head);
  const std::size_t depth = depth_of(head);
  for (std::size_t q = h + 1; q < n; ++q) {
    const Paragraph& p = doc.paragraphs[q];
    if (p.story != Story::kBody) {
      return q;
    }
    if (is_heading(p)) {
      const text::Range r = heading_words(p);
      if (r.start == r.end) {
        continue;  // an empty paragraph in a heading style
      }
      if (!styled || *p.heading_level <= *head.heading_level) {
        return q;
      }
      continue;
    }
    if (!styled && is_typed_heading_line(p)) {
      const std::size_t d = depth_of(p);
      if ((depth > 0 && d > 0 && d <= depth) || names_section(doc, q, boundaries(), "section")) {
        return q;
      }
    }
  }
  return n;
}

}  // namespace

text::Range heading_words(const Paragraph& p) {
  std::size_t start = content_start(p);
  if (start == 0 && (is_heading(p) || is_running_text(p))) {
    start = typed_heading_number(p.text, nullptr);  // ASCII: bytes are code points
  }
  return trim(p.text, {start, text::length(p.text)});
}

bool is_typed_heading_line(const Paragraph& p) {
  if (!is_running_text(p) || p.heading_level || p.text.size() > 480) {
    return false;
  }
  // Cheap tests first: most paragraphs are sentences.
  const std::size_t last_byte = p.text.find_last_not_of(" \t\n\r");
  if (last_byte == std::string::npos) {
    return false;
  }
  const char last_char = p.text[last_byte];
  if (last_char == '.' || last_char == ';' || last_char == ',' || last_char == '!' ||
      last_char == '?') {
    return false;
  }
  if (is_list_item(p)) {
    return false;
  }
  const text::Range r = heading_words(p);
  if (r.start == r.end || r.end - r.start > 120) {
    return false;
  }
  const std::string words = text::slice(p.text, r.start, r.end);
  const std::size_t count = word_count(words);
  if (count > kMaxHeadingWords) {
    return false;
  }
  const char last = words.back();
  if (last == '.' || last == ';' || last == ',' || last == '!' || last == '?') {
    return false;
  }
  if (last == ':' && count > kMaxColonHeadingWords) {
    return false;
  }
  const unsigned char first = static_cast<unsigned char>(words.front());
  return (first >= '0' && first <= '9') || text::starts_upper(words);
}

std::vector<NamedSection> find_named_sections(const Document& doc, const TermList& names,
                                              std::string_view group,
                                              std::string_view unless_group) {
  std::vector<NamedSection> out;
  const std::size_t n = doc.paragraphs.size();
  for (std::size_t i = 0; i < n; ++i) {
    const Paragraph& p = doc.paragraphs[i];
    if (p.story != Story::kBody) {
      break;
    }
    if (!out.empty() && out.back().contains(i)) {
      continue;
    }
    const bool styled = is_heading(p);
    if (!styled && !is_typed_heading_line(p)) {
      continue;
    }
    if (!names_section(doc, i, names, group)) {
      continue;
    }
    if (!unless_group.empty() && names_section(doc, i, names, unless_group)) {
      continue;
    }
    out.push_back(NamedSection{i, section_end(doc, i)});
  }
  return out;
}

std::size_t count_report_headings(const Document& doc) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < doc.paragraphs.size(); ++i) {
    const Paragraph& p = doc.paragraphs[i];
    if (p.story != Story::kBody) {
      break;
    }
    if (is_heading(p)) {
      const text::Range r = heading_words(p);
      count += r.start != r.end ? 1 : 0;
    } else if (is_typed_heading_line(p) && names_section(doc, i, boundaries(), "section")) {
      ++count;
    }
  }
  return count;
}

}  // namespace dhrlint::kit
