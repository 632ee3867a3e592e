#include "lint/output/text.hpp"

#include <array>
#include <sstream>

namespace dhrlint {

namespace {

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

std::string_view severity_colour(Severity s) {
  switch (s) {
    case Severity::kError:
      return "\x1b[1;31m";
    case Severity::kWarning:
      return "\x1b[1;33m";
    case Severity::kInfo:
      return "\x1b[1;36m";
  }
  return "";
}

constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kBold = "\x1b[1m";

std::string note_number(const Document& doc, NoteKind kind, const std::string& id) {
  for (const Note& note : doc.notes) {
    if (note.kind == kind && note.id == id) {
      return note.number.empty() ? id : note.number;
    }
  }
  return id;
}

std::string counted(std::size_t n, std::string_view one, std::string_view many) {
  std::ostringstream s;
  s << n << ' ' << (n == 1 ? one : many);
  return s.str();
}

}  // namespace

std::string finding_place(const Finding& finding, const Document* doc) {
  const Location& loc = finding.location;
  if (loc.property) {
    return "properties: " + *loc.property;
  }
  if (starts_with(loc.part, "docProps/")) {
    return "properties";
  }
  const Paragraph* para =
      (doc != nullptr && loc.paragraph) ? doc->find(loc.part, *loc.paragraph) : nullptr;
  Story story = Story::kBody;
  if (para != nullptr) {
    story = para->story;
  } else if (starts_with(loc.part, "word/footnotes")) {
    story = Story::kFootnote;
  } else if (starts_with(loc.part, "word/endnotes")) {
    story = Story::kEndnote;
  } else if (starts_with(loc.part, "word/comments")) {
    story = Story::kComment;
  } else if (starts_with(loc.part, "word/header")) {
    story = Story::kHeader;
  } else if (starts_with(loc.part, "word/footer")) {
    story = Story::kFooter;
  }
  const std::string owner = para != nullptr ? para->owner_id : std::string();
  switch (story) {
    case Story::kBody:
      return "";
    case Story::kHeader:
      return "header";
    case Story::kFooter:
      return "footer";
    case Story::kFootnote: {
      const std::string id = loc.note_id.value_or(owner);
      return "footnote " + (doc != nullptr ? note_number(*doc, NoteKind::kFootnote, id) : id);
    }
    case Story::kEndnote: {
      const std::string id = loc.note_id.value_or(owner);
      return "endnote " + (doc != nullptr ? note_number(*doc, NoteKind::kEndnote, id) : id);
    }
    case Story::kComment:
      return "comment " + loc.comment_id.value_or(owner);
  }
  return "";
}

std::string format_finding_line(const std::string& path, const Finding& finding,
                                const Document* doc, bool colour) {
  std::string line = path;
  line += ':';
  line += finding.location.section.value_or("-");
  const std::string place = finding_place(finding, doc);
  if (!place.empty()) {
    line += " (" + place + ")";
  }
  line += ": ";
  if (colour) {
    line += severity_colour(finding.severity);
  }
  line += severity_name(finding.severity);
  if (colour) {
    line += kReset;
  }
  line += ": ";
  // A message is one line by contract; a stray newline must not split it.
  for (char c : finding.message) {
    line += (c == '\n' || c == '\r') ? ' ' : c;
  }
  line += " [";
  line += finding.rule;
  line += ']';
  return line;
}

std::string summary_line(const std::vector<FileResult>& results) {
  std::size_t unreadable = 0;
  std::array<std::size_t, 3> by_severity{};
  std::size_t total = 0;
  for (const FileResult& r : results) {
    if (r.status == FileStatus::kError) {
      ++unreadable;
    }
    for (const Finding& f : r.findings) {
      ++by_severity[static_cast<std::size_t>(f.severity)];
      ++total;
    }
  }
  std::string line = counted(results.size(), "file", "files");
  if (unreadable > 0) {
    line += ", " + std::to_string(unreadable) + " unreadable";
  }
  line += ", " + counted(total, "finding", "findings");
  if (total > 0) {
    line += " (" + counted(by_severity[2], "error", "errors") + ", " +
            counted(by_severity[1], "warning", "warnings") + ", " + std::to_string(by_severity[0]) +
            " info)";
  }
  return line;
}

void write_text(std::ostream& out, const std::vector<FileResult>& results, bool colour,
                bool summary) {
  for (const FileResult& r : results) {
    if (r.status == FileStatus::kError) {
      out << r.path << ": unreadable: " << r.error.message << " (" << error_kind_name(r.error.kind)
          << ")\n";
      continue;
    }
    for (const Finding& f : r.findings) {
      out << format_finding_line(r.path, f, r.document.get(), colour) << '\n';
    }
  }
  if (!summary) {
    return;
  }
  if (colour) {
    out << kBold;
  }
  out << summary_line(results);
  if (colour) {
    out << kReset;
  }
  out << '\n';
}

}  // namespace dhrlint
