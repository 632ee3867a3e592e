// Inline suppressions: Word comments whose text starts "dhrlint-disable".
// The engine applies them to findings (lint/engine/suppression.cpp); the
// draft rules read them too (draft/comments leaves them out,
// draft/suppression-without-reason checks their reason). One parser, here.
//
//   dhrlint-disable identifying/school-name, identifying/address — reason
//   dhrlint-disable-file draft/* : reason
//   dhrlint-disable-file — reason        (every rule, the whole document)
//
// The separator before the reason is one of — – - : (a hyphen needs a space
// before it, since rule ids hold hyphens).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dhrlint/document.hpp"

namespace dhrlint::kit {

struct SuppressionDirective {
  bool whole_file = false;         // dhrlint-disable-file
  std::vector<std::string> rules;  // ids or category/* as written; empty: every rule
  std::string reason;              // trimmed; empty when none was given
};

// Parses a comment's text. nullopt when the text is not a suppression: it
// does not start (after white space) with "dhrlint-disable" as a word.
std::optional<SuppressionDirective> parse_suppression(std::string_view comment_text);

// The text of a comment: its paragraphs joined by '\n'.
std::string comment_text(const Document& doc, const Comment& comment);

// True when `comment` is a suppression directive.
bool is_suppression_comment(const Document& doc, const Comment& comment);

}  // namespace dhrlint::kit
