#include "rules/equality/common.hpp"

#include <set>

namespace dhrlint::equality {

namespace {

// A body with fewer headings is a fragment of a report, not a report.
constexpr std::size_t kReportHeadings = 3;
// The group of data/equality/characteristics.txt that holds phrases that
// name no characteristic.
constexpr std::string_view kNone = "none";

}  // namespace

EqualityReader::EqualityReader()
    : sections_("equality/sections.txt"), characteristics_("equality/characteristics.txt") {}

const EqualityReading& EqualityReader::shared_reading(const Document& doc,
                                                      DocumentAnalysis& analysis) {
  static const EqualityReader kReader;
  return analysis.family<EqualityReading>([&] { return kReader.read(doc, analysis); });
}

EqualityReading EqualityReader::read(const Document& doc, DocumentAnalysis& analysis) const {
  EqualityReading reading;
  reading.sections = kit::find_named_sections(doc, sections_, "equality");
  if (reading.sections.empty()) {
    reading.report = kit::count_report_headings(doc) >= kReportHeadings;
    return reading;
  }
  reading.report = true;
  std::set<std::string> named;
  auto read_paragraph = [&](std::size_t p) {
    for (kit::TermMatch& m : characteristics_.find(analysis.folded(p))) {
      if (m.group != kNone) {
        named.insert(std::move(m.group));
      }
    }
  };
  std::size_t longest = 0;
  for (const kit::NamedSection& s : reading.sections) {
    if (reading.main_heading == kNoIndex || s.end - s.heading > longest) {
      longest = s.end - s.heading;
      reading.main_heading = s.heading;
    }
    // The heading itself ("Equality and diversity: sex and race"), the
    // section's text and tables, and the notes its paragraphs reference.
    for (std::size_t p = s.heading; p < s.end; ++p) {
      const Paragraph& para = doc.paragraphs[p];
      if (!kit::is_report_text(para)) {
        continue;
      }
      read_paragraph(p);
      for (const NoteRef& ref : para.note_refs) {
        for (const Note& note : doc.notes) {
          if (note.id == ref.id && note.kind == ref.kind) {
            for (std::size_t q : note.paragraphs) {
              read_paragraph(q);
            }
          }
        }
      }
    }
  }
  for (const std::string& group : characteristics_.group_names()) {
    if (group != kNone && !named.count(group)) {
      reading.not_addressed.push_back(group);
    }
  }
  return reading;
}

}  // namespace dhrlint::equality
