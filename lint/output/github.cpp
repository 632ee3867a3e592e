#include "lint/output/github.hpp"

#include "lint/output/text.hpp"

namespace dhrlint {

namespace {

std::string_view command_of(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "notice";
  }
  return "notice";
}

std::string escape(std::string_view text, bool property) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

std::string escape_workflow_data(std::string_view text) { return escape(text, false); }

std::string escape_workflow_property(std::string_view text) { return escape(text, true); }

std::string format_github_annotation(const std::string& path, const Finding& finding,
                                     const Document* doc) {
  const Location& loc = finding.location;
  std::string out = "::" + std::string(command_of(finding.severity));
  out += " file=" + escape_workflow_property(path);
  if (loc.paragraph) {
    out += ",line=" + std::to_string(*loc.paragraph);
    if (loc.start) {
      out += ",col=" + std::to_string(*loc.start + 1);
    }
  }
  out += ",title=" + escape_workflow_property(finding.rule);
  std::string message = finding.message;
  const std::string place = finding_place(finding, doc);
  if (loc.section) {
    message = "paragraph " + *loc.section + (place.empty() ? "" : ", " + place) + ": " + message;
  } else if (!place.empty()) {
    message = place + ": " + message;
  }
  out += "::" + escape_workflow_data(message);
  return out;
}

void write_github(std::ostream& out, const std::vector<FileResult>& results) {
  for (const FileResult& r : results) {
    if (r.status == FileStatus::kError) {
      out << "::error file=" << escape_workflow_property(r.path) << ",title=dhrlint::"
          << escape_workflow_data("unreadable: " + r.error.message + " (" +
                                  std::string(error_kind_name(r.error.kind)) + ")")
          << '\n';
      continue;
    }
    for (const Finding& f : r.findings) {
      out << format_github_annotation(r.path, f, r.document.get()) << '\n';
    }
  }
}

}  // namespace dhrlint
