// Whole-document indexes computed once every story has been read: note display
// numbers and anchors, comment anchors, report paragraph numbers (Word-numbered
// or typed), each paragraph's section and its enclosing headings
// (output-contract.md, "Locations").
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <re2/re2.h>

#include "lint/ooxml/reader_internal.hpp"
#include "lint/text/text.hpp"

namespace dhrlint::ooxml {
namespace {

std::string roman(int n, bool upper) {
  if (n <= 0 || n >= 4000) {
    return std::to_string(n);
  }
  static constexpr std::pair<int, const char*> kParts[] = {
      {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
      {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
  std::string out;
  for (const auto& [value, digits] : kParts) {
    while (n >= value) {
      out += digits;
      n -= value;
    }
  }
  if (upper) {
    for (char& c : out) {
      c = static_cast<char>(c - 'a' + 'A');
    }
  }
  return out;
}

// Word's letter numbering: a..z, then aa, bb, ... (the letter repeated).
std::string letters(int n, bool upper) {
  if (n <= 0) {
    return std::to_string(n);
  }
  char c = static_cast<char>((upper ? 'A' : 'a') + (n - 1) % 26);
  return std::string(static_cast<std::size_t>((n - 1) / 26 + 1), c);
}

std::string note_mark(int n, std::string_view format, NoteKind kind) {
  if (format.empty()) {
    format = kind == NoteKind::kFootnote ? "decimal" : "lowerRoman";
  }
  if (format == "lowerRoman") {
    return roman(n, false);
  }
  if (format == "upperRoman") {
    return roman(n, true);
  }
  if (format == "lowerLetter") {
    return letters(n, false);
  }
  if (format == "upperLetter") {
    return letters(n, true);
  }
  if (format == "chicago") {
    static constexpr const char* kSymbols[] = {"*", "\u2020", "\u2021", "\u00A7"};
    if (n <= 0) {
      return std::to_string(n);
    }
    int i = (n - 1) % 4;
    std::string out;
    for (int k = 0; k <= (n - 1) / 4 && k < 16; ++k) {
      out += kSymbols[i];
    }
    return out;
  }
  return std::to_string(n);
}

void number_notes(ReaderShared& s) {
  Document& doc = s.doc;
  std::map<std::pair<NoteKind, std::string>, std::size_t> note_of;
  for (std::size_t i = 0; i < doc.notes.size(); ++i) {
    note_of[{doc.notes[i].kind, doc.notes[i].id}] = i;
  }
  int next_footnote = s.footnote_numbering.start;
  int next_endnote = s.endnote_numbering.start;
  for (const auto& ref : s.note_refs) {
    auto it = note_of.find({ref.kind, ref.id});
    bool footnote = ref.kind == NoteKind::kFootnote;
    int& counter = footnote ? next_footnote : next_endnote;
    std::string mark;
    if (ref.custom) {
      mark = ref.custom_mark;
    } else {
      mark = note_mark(counter, footnote ? s.footnote_numbering.format : s.endnote_numbering.format,
                       ref.kind);
      ++counter;
    }
    if (it == note_of.end()) {
      continue;
    }
    Note& note = doc.notes[it->second];
    if (note.anchor != kNoIndex) {
      continue;  // numbered at its first reference
    }
    note.number = mark;
    note.anchor = ref.paragraph;
  }
  for (Note& note : doc.notes) {
    for (std::size_t p : note.paragraphs) {
      doc.paragraphs[p].anchor = note.anchor;
    }
  }
}

void anchor_comments(Document& doc) {
  std::map<std::string, std::size_t> comment_of;
  for (std::size_t i = 0; i < doc.comments.size(); ++i) {
    comment_of[doc.comments[i].id] = i;
  }
  for (std::size_t p = 0; p < doc.paragraphs.size(); ++p) {
    const Paragraph& para = doc.paragraphs[p];
    if (para.story == Story::kComment) {
      continue;
    }
    for (const CommentRange& r : para.comment_ranges) {
      auto it = comment_of.find(r.id);
      if (it == comment_of.end()) {
        continue;
      }
      Comment& c = doc.comments[it->second];
      // Body anchors win over anchors in notes or headers met earlier in the
      // vector: the body comes first, so the first one found is right.
      if (c.anchor == kNoIndex) {
        c.anchor = p;
      }
    }
  }
  for (Comment& c : doc.comments) {
    for (std::size_t p : c.paragraphs) {
      doc.paragraphs[p].anchor = c.anchor;
    }
  }
}

// Contents typed by hand rather than by Word's TOC field: two or more
// consecutive body lines that end in a tab, dot leaders or wide spacing and a
// page number ("4. Analysis\t15", "Appendix A – Glossary ...... 24"). One such
// line alone is more likely a figure in the text. They are marked as TOC
// lines so that their numbers are not taken for the report's sections.
void mark_typed_contents(Document& doc) {
  static const RE2 kPageAtEnd(R"((?:\t|\.{3,}|\x{2026}{2,}|[ \x{00A0}]{3,})[ \t]*\d{1,3}[ \t]*$)");
  auto contents_line = [&](const Paragraph& p) {
    return p.story == Story::kBody && !p.table && !p.in_text_box &&
           RE2::PartialMatch(p.text, kPageAtEnd);
  };
  std::size_t i = 0;
  while (i < doc.paragraphs.size()) {
    std::size_t j = i;
    while (j < doc.paragraphs.size() && contents_line(doc.paragraphs[j])) {
      ++j;
    }
    if (j - i >= 2) {
      for (std::size_t k = i; k < j; ++k) {
        doc.paragraphs[k].is_toc = true;
      }
    }
    i = j == i ? i + 1 : j;
  }
}

void index_sections(Document& doc) {
  std::string current;
  std::vector<std::pair<int, std::size_t>> heading_stack;  // (level, paragraph)
  for (std::size_t i = 0; i < doc.paragraphs.size(); ++i) {
    Paragraph& p = doc.paragraphs[i];
    if (p.story != Story::kBody) {
      continue;
    }
    if (p.in_text_box && p.anchor < i) {
      p.section = doc.paragraphs[p.anchor].section;
      p.headings = doc.paragraphs[p.anchor].headings;
      continue;
    }
    std::string own;
    if (!p.table && !p.is_toc) {
      if (!p.label.empty()) {
        if (!p.label_is_bullet) {
          own = label_report_number(p.label);
        }
      } else {
        std::size_t end = 0;
        own = typed_report_number(p.text, p.heading_level.has_value(), &end);
        if (own.empty()) {
          own = bare_report_number(p.text, current, &end);
        }
        if (!own.empty()) {
          p.typed_number = own;
          p.typed_number_end = end;
        }
      }
    }
    // A single number ("1.", "3") inside a dotted section ("4.3") is a
    // sub-list such as numbered recommendations, unless it is a heading.
    if (!own.empty() && own.find('.') == std::string::npos &&
        current.find('.') != std::string::npos && !p.heading_level) {
      own.clear();
      p.typed_number.clear();
      p.typed_number_end = 0;
    }
    if (!own.empty()) {
      p.is_report_number = true;
      current = own;
    }
    p.section = current;
    if (p.heading_level && !p.is_toc) {
      int level = *p.heading_level;
      while (!heading_stack.empty() && heading_stack.back().first >= level) {
        heading_stack.pop_back();
      }
      for (const auto& h : heading_stack) {
        p.headings.push_back(h.second);
      }
      heading_stack.emplace_back(level, i);
    } else {
      for (const auto& h : heading_stack) {
        p.headings.push_back(h.second);
      }
    }
  }
  // Notes and comments belong to the paragraph that anchors them.
  for (Paragraph& p : doc.paragraphs) {
    if (p.story == Story::kBody || p.story == Story::kHeader || p.story == Story::kFooter) {
      continue;
    }
    if (p.anchor == kNoIndex || p.anchor >= doc.paragraphs.size()) {
      continue;
    }
    const Paragraph& anchor = doc.paragraphs[p.anchor];
    p.section = anchor.section;
    p.headings = anchor.headings;
  }
}

}  // namespace

std::string label_report_number(std::string_view label) {
  static const RE2 kOutline(R"(\s*(\d{1,4}(?:\.\d{1,4})*)\.?\s*)");
  std::string number;
  if (!RE2::FullMatch(label, kOutline, &number)) {
    return {};
  }
  return number;
}

std::string typed_report_number(std::string_view text, bool heading, std::size_t* end) {
  // Components of at most three digits keep years ("2019 The") out; a single
  // number needs a full stop or a tab after it unless the paragraph is a
  // heading ("3 Police officers attended" is a count, "3. The ..." a number).
  static const RE2 kTyped(R"(([ \t]*)(\d{1,3}(?:\.\d{1,3})*)(\.?)([ \t]|\x{00A0})[ \t\x{00A0}]*)");
  re2::StringPiece input(text.data(), text.size());
  std::string lead, number, stop, first_space;
  std::size_t consumed_bytes = 0;
  {
    re2::StringPiece rest = input;
    if (!RE2::Consume(&rest, kTyped, &lead, &number, &stop, &first_space)) {
      return {};
    }
    consumed_bytes = text.size() - rest.size();
  }
  std::string_view rest = text.substr(consumed_bytes);
  if (rest.empty()) {
    return {};
  }
  bool single = number.find('.') == std::string::npos;
  if (single && stop.empty() && first_space != "\t" && !heading) {
    return {};
  }
  // "12.30 pm", "2.5 hours": what follows a report number is a sentence.
  bool quote = rest.rfind('\"', 0) == 0 || rest.rfind('\'', 0) == 0 ||
               rest.rfind("\u201C", 0) == 0 || rest.rfind("\u2018", 0) == 0 ||
               rest.rfind("\u00AB", 0) == 0;
  if (!quote && !text::starts_upper(rest)) {
    if (!heading) {
      return {};
    }
    unsigned char c = static_cast<unsigned char>(rest[0]);
    if (c < 0x80 && !std::isalpha(c)) {
      return {};
    }
  }
  if (end != nullptr) {
    *end = text::length(text.substr(0, consumed_bytes));
  }
  return number;
}

std::string bare_report_number(std::string_view text, std::string_view current, std::size_t* end) {
  // "5.1.3" alone, "5. [insert IMR summary]", "4.2 (to follow)", "3.3 2020:
  // ...": a typed number with nothing after it, a bracket, an ellipsis or a
  // date (where typed_report_number wants a capital letter). Nothing
  // tells it from a stray figure but the report's own sequence, so it counts
  // only where it continues that sequence.
  // A chronology entry may open with its date ("3.3 2020: maternity
  // booking", "4.2 12 March 2021 Police attended"): a year, or a day and a
  // capitalised month, after a dotted number.
  static const RE2 kBare(
      R"(([ \t]*)(\d{1,3}(?:\.\d{1,3})*)(\.?)[ \t\x{00A0}]*(|[\[(<{\x{2026}].*|\.\.\..*|(?:19|20)\d\d\b.*|\d{1,2}(?:st|nd|rd|th)?[ \x{00A0}]+[A-Z][a-z]+.*))");
  std::string lead, number, stop, rest;
  if (!RE2::FullMatch(text, kBare, &lead, &number, &stop, &rest)) {
    return {};
  }
  auto parts = [](std::string_view n) {
    std::vector<int> out;
    std::size_t i = 0;
    while (i <= n.size()) {
      std::size_t j = n.find('.', i);
      if (j == std::string_view::npos) {
        j = n.size();
      }
      int v = 0;
      for (std::size_t k = i; k < j; ++k) {
        v = v * 10 + (n[k] - '0');
      }
      out.push_back(v);
      i = j + 1;
    }
    return out;
  };
  if (current.empty()) {
    return {};
  }
  const std::vector<int> now = parts(number);
  const std::vector<int> before = parts(current);
  const bool dated = !rest.empty() && rest[0] >= '0' && rest[0] <= '9';
  if (dated && now.size() == 1) {
    return {};  // "3 2020" or "4 12 March": a count before a date, not a number
  }
  if (now.size() == 1) {
    // Single numbers are sections only in a report whose typed sections
    // are single numbers ("4.", "5."), and then only the next few.
    if (before.size() != 1 || now[0] <= before[0] || now[0] > before[0] + 3) {
      return {};
    }
  } else if (now[0] != before[0] && now[0] != before[0] + 1) {
    return {};  // a dotted number from elsewhere in the report ("12.30")
  }
  if (end != nullptr) {
    *end = text::length(text.substr(0, lead.size() + number.size() + stop.size()));
  }
  return number;
}

void index_document(ReaderShared& shared) {
  number_notes(shared);
  anchor_comments(shared.doc);
  mark_typed_contents(shared.doc);
  index_sections(shared.doc);
}

}  // namespace dhrlint::ooxml
