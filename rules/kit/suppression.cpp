#include "rules/kit/suppression.hpp"

#include <re2/re2.h>

#include "rules/kit/codepoints.hpp"

namespace dhrlint::kit {

namespace {

std::string_view trim_view(std::string_view s) {
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

}  // namespace

std::optional<SuppressionDirective> parse_suppression(std::string_view comment_text) {
  // The directive word, then rule ids (an id ends in a letter, a digit or
  // '*', so a hyphen after it is the separator), then separator and reason.
  // Word turns " - " into " – " as the author types; both are accepted.
  static const RE2 kHead(R"(^\s*dhrlint-disable(-file)?(?:\s+|$|([:—–])))");
  static const RE2 kRule(R"(^\s*([a-z][a-z0-9-]*/(?:\*|[a-z0-9]+(?:-[a-z0-9]+)*))\s*(,?))");
  static const RE2 kSeparator(R"(^\s*(?:—|–|-|:))");
  re2::StringPiece rest(comment_text.data(), comment_text.size());
  std::string file_suffix;
  std::string head_separator;
  if (!RE2::Consume(&rest, kHead, &file_suffix, &head_separator)) {
    return std::nullopt;
  }
  SuppressionDirective directive;
  directive.whole_file = !file_suffix.empty();
  if (head_separator.empty()) {
    std::string id;
    std::string comma;
    while (RE2::Consume(&rest, kRule, &id, &comma)) {
      directive.rules.push_back(id);
      if (comma.empty()) {
        break;
      }
    }
    // Without a separator there is no reason: anything left is not one.
    if (!RE2::Consume(&rest, kSeparator)) {
      return directive;
    }
  }
  directive.reason = std::string(trim_view(std::string_view(rest.data(), rest.size())));
  return directive;
}

std::string comment_text(const Document& doc, const Comment& comment) {
  std::string text;
  for (std::size_t k = 0; k < comment.paragraphs.size(); ++k) {
    if (comment.paragraphs[k] >= doc.paragraphs.size()) {
      continue;
    }
    if (!text.empty()) {
      text += '\n';
    }
    text += doc.paragraphs[comment.paragraphs[k]].text;
  }
  return text;
}

bool is_suppression_comment(const Document& doc, const Comment& comment) {
  // Cheap test first: most comments are not directives.
  for (std::size_t p : comment.paragraphs) {
    if (p < doc.paragraphs.size()) {
      const std::string_view text = trim_view(doc.paragraphs[p].text);
      if (text.empty()) {
        continue;
      }
      if (text.rfind("dhrlint-disable", 0) != 0) {
        return false;
      }
      return parse_suppression(text).has_value();
    }
  }
  return false;
}

}  // namespace dhrlint::kit
