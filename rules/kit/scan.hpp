// Everything the file carries, scanned once per rule: the visible text of
// every story (body, tables, text boxes, notes, comments, headers, footers),
// hidden and tracked-deleted text, and on request field codes and document
// properties. Rules that hunt for identifying details must look at all of it,
// since a name in a tracked deletion or a property is published with the
// file. scan_document() hands each stretch of text to the rule's finder; the
// finder returns code-point spans, and scan_document() reports them with the
// right location and visibility.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "dhrlint/document.hpp"
#include "dhrlint/rule.hpp"

namespace re2 {
class RE2;
}

namespace dhrlint::kit {

// Where a searched text came from.
enum class TextOrigin {
  kVisible,        // a paragraph's visible text
  kWithInvisible,  // a paragraph as written before tracked changes, with hidden
                   // text shown: only spans touching hidden/deleted text count
  kFieldCode,      // one field code (w:instrText) of a paragraph
  kProperty,       // a document property value
};

struct TextView {
  const Document& doc;
  std::size_t paragraph = kNoIndex;  // index into doc.paragraphs; kNoIndex for properties
  TextOrigin origin = TextOrigin::kVisible;
  std::string_view text;      // UTF-8
  std::string_view property;  // property name for kProperty
};

// A span a finder found: code points into TextView::text.
struct Hit {
  std::size_t start = 0;
  std::size_t end = 0;
  std::string message;
};

using Finder = std::function<void(const TextView&, std::vector<Hit>&)>;

// What scan_document reads beyond every paragraph's visible, hidden and
// deleted text. Name the fields: ScanOptions{.properties = true}.
struct ScanOptions {
  bool field_codes = false;  // also search field codes (HYPERLINK "mailto:...")
  bool properties = false;   // also search core/app/custom property values
};

// Runs `finder` over every text the file carries and reports each hit:
// visible hits on their span; hits touching hidden or deleted text as a
// zero-width span where that text stands, with visibility "hidden"/"deleted"
// and the matched text in deleted_text; property hits with `property` set.
void scan_document(const Document& doc, RuleContext& ctx, const Rule& rule, const Finder& finder,
                   const ScanOptions& options = {});

// Reports a hit on a property value (part docProps/core.xml, app.xml or
// custom.xml by `group`: "core", "app", "custom").
void report_property(RuleContext& ctx, const Rule& rule, std::string_view group,
                     std::string_view name, std::string_view matched, std::string message);

// Calls `fn(byte_start, byte_end)` for each RE2 match of `re` in `text`: its
// group 1 (or the whole match when the pattern has no group). With
// `word_boundary`, a match whose span touches a letter or digit on either
// side is skipped (a Unicode word boundary; RE2's \b is ASCII-only).
void for_each_match(const re2::RE2& re, std::string_view text, bool word_boundary,
                    const std::function<void(std::size_t, std::size_t)>& fn);

}  // namespace dhrlint::kit
