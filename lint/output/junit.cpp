#include "lint/output/junit.hpp"

#include <sstream>

#include "lint/output/markup.hpp"
#include "lint/output/text.hpp"

namespace dhrlint {

std::string escape_xml(std::string_view text) {
  return escape_markup(text, MarkupEscaping{"&apos;", true});
}

std::string format_junit(const std::vector<FileResult>& results) {
  std::size_t failures = 0;
  std::size_t errors = 0;
  std::size_t tests = 0;
  for (const FileResult& r : results) {
    if (r.status == FileStatus::kError) {
      ++errors;
      ++tests;
    } else {
      failures += r.findings.size();
      tests += r.findings.empty() ? 1 : r.findings.size();
    }
  }
  std::ostringstream out;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<testsuites name=\"dhrlint\" tests=\"" << tests << "\" failures=\"" << failures
      << "\" errors=\"" << errors << "\">\n";
  for (const FileResult& r : results) {
    const std::string path = escape_xml(r.path);
    if (r.status == FileStatus::kError) {
      out << "  <testsuite name=\"" << path << "\" tests=\"1\" failures=\"0\" errors=\"1\">\n"
          << "    <testcase classname=\"" << path << "\" name=\"read\">\n"
          << "      <error type=\"" << error_kind_name(r.error.kind) << "\" message=\""
          << escape_xml(r.error.message) << "\"/>\n"
          << "    </testcase>\n  </testsuite>\n";
      continue;
    }
    out << "  <testsuite name=\"" << path << "\" tests=\""
        << (r.findings.empty() ? 1 : r.findings.size()) << "\" failures=\"" << r.findings.size()
        << "\" errors=\"0\">\n";
    if (r.findings.empty()) {
      out << "    <testcase classname=\"" << path << "\" name=\"dhrlint\"/>\n";
    }
    for (const Finding& f : r.findings) {
      const std::string line = format_finding_line(r.path, f, r.document.get(), false);
      std::string name = f.rule;
      if (f.location.section) {
        name += " at " + *f.location.section;
      }
      if (f.location.paragraph) {
        name +=
            " (" + f.location.part + " paragraph " + std::to_string(*f.location.paragraph) + ")";
      }
      out << "    <testcase classname=\"" << path << "\" name=\"" << escape_xml(name) << "\">\n"
          << "      <failure type=\"" << escape_xml(f.rule) << "\" message=\""
          << escape_xml(f.message) << "\">" << escape_xml(line);
      if (!f.excerpt.empty()) {
        out << escape_xml("\n" + f.excerpt);
      }
      out << "</failure>\n    </testcase>\n";
    }
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
  return out.str();
}

}  // namespace dhrlint
