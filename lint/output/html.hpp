// The HTML report (--format html): one self-contained page a CSP coordinator
// can send back to a report's author, laid out the way a Home Office Quality
// Assurance Panel writes its letter. Per file (one <section> each): the
// "Areas for development" by report paragraph (whole-report points first,
// then text outside the numbered paragraphs, then the numbered paragraphs in
// number order), each with the paragraph's text and the matched span in a
// <mark>, the rule id, severity, message and fix hint; then a "Summary" by
// category and severity with an inline SVG bar chart. An unreadable file is
// a section with its error.
//
// The page loads nothing (no script, font, image or stylesheet from
// anywhere; CSS in one <style>) and its Content-Security-Policy forbids
// scripts, so hostile document text cannot run even if it slipped past the
// escaping. It is also well-formed XML (void elements closed, only the five
// XML entities and numeric references), which lets tests query it.
//
// Document text (paragraphs, excerpts, tracked-deleted and hidden text) is on
// the page unless HtmlOptions::redact is set.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "dhrlint/rule.hpp"
#include "lint/engine/linter.hpp"

namespace dhrlint {

struct HtmlOptions {
  // Leave every piece of document text off the page: no paragraph text, no
  // excerpt, no tracked-deleted or hidden text, and the matched text cut out
  // of messages that quote it. Locations, rule ids, messages and fixes stay.
  bool redact = false;
  // What the page says about each rule (the fix hint, the category
  // summary): the RuleInfo of every rule the run used, looked up by id. The
  // output never builds rules itself; a finding whose rule is not here
  // simply has no fix hint.
  std::vector<RuleInfo> rules;
};

// The RuleInfo of every rule `linter` runs, for HtmlOptions::rules.
std::vector<RuleInfo> rule_infos(const Linter& linter);

// Text escaped for HTML text and attribute values (escape_markup): & < > " ' as references;
// C0 controls other than tab and line feed, DEL, C1 controls and malformed
// UTF-8 become U+FFFD.
std::string escape_html(std::string_view text);

// `message` with every occurrence of each of `secrets` (non-empty) replaced
// by "[…]"; what redact mode does to a message that quotes document text.
std::string redact_quoted(std::string message, const std::vector<std::string>& secrets);

void write_html(std::ostream& out, const std::vector<FileResult>& results,
                const HtmlOptions& options);

}  // namespace dhrlint
