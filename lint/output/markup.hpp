// Document text escaped for markup (the JUnit XML and the HTML report): one
// loop, so that both outputs treat hostile text alike. & < > " ' become
// references; characters XML 1.0 cannot hold (C0 controls other than tab,
// line feed and carriage return), DEL, C1 controls and malformed UTF-8
// become U+FFFD.
#pragma once

#include <string>
#include <string_view>

namespace dhrlint {

struct MarkupEscaping {
  const char* apostrophe = "&apos;";      // "&#39;" for HTML pages
  bool whitespace_as_references = false;  // tab, LF, CR as &#9; &#10; &#13; (attributes)
};

std::string escape_markup(std::string_view text, const MarkupEscaping& how);

}  // namespace dhrlint
