// The JUnit XML format (--format junit) that CI dashboards read: one
// <testsuite> a file, one failing <testcase> a finding (a file without
// findings: one passing case), an unreadable file as one <error>. Document
// text (messages, excerpts) is escaped for XML, and characters XML 1.0 cannot
// hold (most control characters) become U+FFFD.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "lint/engine/linter.hpp"

namespace dhrlint {

// Text escaped for an XML element or attribute value (escape_markup, with
// tab, line feed and carriage return as references).
std::string escape_xml(std::string_view text);

std::string format_junit(const std::vector<FileResult>& results);

}  // namespace dhrlint
