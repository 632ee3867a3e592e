// identifying/private-identifier: every occurrence of an entry of the private
// identifiers file (--identifiers FILE / `identifiers` in the config): real
// names, places, schools and numbers a coordinator knows. Matched without
// regard to case, diacritics, possessive or plural endings, and across run
// boundaries (the model's text already joins runs). The list itself is never
// printed: a finding shows only the text it matched.
#include <re2/re2.h>

#include <algorithm>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "lint/text/text.hpp"
#include "rules/identifying/common.hpp"

namespace dhrlint::identifying {

namespace {

constexpr const char* kMessage =
    "Matches an entry of the private identifiers list; remove it or replace it with the "
    "pseudonym";

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The RE2 pattern of one identifier, on folded text; "" if too short to match
// safely.
std::string identifier_pattern(std::string_view identifier) {
  const std::string f = folded(identifier);
  // Words of letters and digits.
  std::vector<std::string> words;
  std::string current;
  std::size_t digits = 0;
  std::size_t letters = 0;
  for (const std::string_view cp : split_code_points(f)) {
    if (alnum_at(cp, 0)) {
      current.append(cp);
      if (cp[0] >= '0' && cp[0] <= '9') {
        ++digits;
      } else {
        ++letters;
      }
    } else if (!current.empty()) {
      words.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) {
    words.push_back(std::move(current));
  }
  if (digits + letters < 2) {
    return {};
  }
  std::string pattern;
  if (digits >= 5) {
    // A number: its characters in order, however grouped ("07700 900123",
    // "07700900123", "(07700) 900123", "4512/23").
    std::vector<std::string> chars;
    for (const std::string& w : words) {
      for (const std::string_view cp : split_code_points(w)) {
        chars.emplace_back(cp);
      }
    }
    // A UK telephone number (0 and 9 or 10 more digits) is also written
    // internationally: "+44 7700 900123", "+44 (0)7700 900123", "0044 ...".
    const bool uk_phone = letters == 0 && (digits == 10 || digits == 11) && chars.front() == "0";
    pattern = uk_phone ? "(?:\\(?0|(?:\\+|00)44[\\s\\-]?(?:\\(0\\))?)" : "\\(?";
    for (std::size_t i = 0; i < chars.size(); ++i) {
      if (i == 0 && uk_phone) {
        continue;  // the leading 0 is in the prefix
      }
      if (i > 0) {
        pattern += "[\\s\\-/.()]{0,2}";
      }
      pattern += RE2::QuoteMeta(chars[i]);
    }
    return pattern;
  }
  for (std::size_t i = 0; i < words.size(); ++i) {
    // Words with digits may be written together ("E3 5QZ", "E35QZ").
    if (i > 0) {
      const bool has_digit = std::any_of(words[i - 1].begin(), words[i - 1].end(), is_digit) ||
                             std::any_of(words[i].begin(), words[i].end(), is_digit);
      pattern += has_digit ? "[^\\p{L}\\p{N}]{0,3}" : "[^\\p{L}\\p{N}]{1,3}";
    }
    pattern += RE2::QuoteMeta(words[i]);
  }
  // Possessive and plural endings: "Ahmed's", "the Khans", "Khans'" (the
  // plural possessive's apostrophe belongs to the match like the singular's).
  return pattern + "(?:'s|'|s'?|es'?)?";
}

class PrivateIdentifierRule : public Rule {
 public:
  PrivateIdentifierRule() {
    info_.id = "identifying/private-identifier";
    info_.severity = Severity::kError;
    info_.summary = "An entry of the private identifiers list appears in the file";
    info_.what =
        "Finds every occurrence of the real names, places, schools and numbers listed in the "
        "private identifiers file (--identifiers FILE, or `identifiers = \"path\"` in "
        ".dhrlint.toml: UTF-8, one a line, # comments). Matching ignores case, diacritics "
        "(\"Zoe\" finds \"Zoë\"), possessive and plural endings (\"Ahmed's\", \"the Khans\") and "
        "how numbers and postcodes are grouped (\"(07700) 900123\", \"E35QZ\", a UK phone "
        "number as +44), and runs across formatting runs. It looks at everything the "
        "file carries: body, tables, text boxes, footnotes, endnotes, comments and their "
        "authors, the authors of tracked changes, headers, footers, hidden text, tracked "
        "deletions, field codes and document properties. The list is never printed; a finding "
        "shows only the text it matched.";
    info_.why =
        "The real names of the victim and perpetrator survived in the terms of reference of "
        "the Bassetlaw review and had to be removed before publication (Home Office QA Panel "
        "feedback letter to Bassetlaw, Newark & Sherwood Community Safety Partnership on DHR "
        "\"Sarah\", 2023); real names most often survive in places the author does not look, "
        "such as tracked deletions, comments and properties.";
    info_.example =
        "identifiers file: \"Rukhsana Begum\"\n"
        "The ToR names RUKHSANA BEGUM's family.   <- fires\n"
        "The ToR names Salma's family.             <- does not fire";
    info_.fix =
        "Replace every occurrence with the pseudonym or a role; accept or reject all tracked "
        "changes so that no deleted copy stays; clear properties and comment authors with "
        "File > Info > Check for Issues > Inspect Document.";
  }

  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    std::string combined;
    for (const std::string& identifier : ctx.config().identifiers) {
      const std::string pattern = identifier_pattern(identifier);
      if (pattern.empty()) {
        continue;
      }
      if (!combined.empty()) {
        combined += '|';
      }
      combined += "(?:" + pattern + ")";
    }
    if (combined.empty()) {
      return;
    }
    RE2::Options options;
    options.set_longest_match(true);
    options.set_log_errors(false);
    // Built per document: the list comes from the configuration.
    const RE2 re("(" + combined + ")", options);
    if (!re.ok()) {
      return;
    }
    auto find = [&](std::string_view text, std::vector<Hit>& hits) {
      const text::FoldedText f = text::fold(text);
      for_each_match(re, f.text, true, [&](std::size_t b, std::size_t e) {
        // A number's opening bracket belongs to the match only when it
        // closes inside it: "(07700) 900123", but "(4512/23)" -> "4512/23".
        const std::string_view matched(f.text.data() + b, e - b);
        if (matched.front() == '(' && matched.find(')') == std::string_view::npos) {
          ++b;
        }
        if (b < e) {
          hits.push_back(Hit{f.original(b), f.original_end(e), kMessage});
        }
      });
    };
    scan_document(
        doc, ctx, *this,
        [&](const TextView& view, std::vector<Hit>& hits) { find(view.text, hits); },
        ScanOptions{.field_codes = true, .properties = true});
    // Comment authors, at the section of the comment's anchor (as the
    // comment's text is) so the coordinator can find the comment.
    std::vector<Hit> hits;
    for (const Comment& comment : doc.comments) {
      hits.clear();
      find(comment.author, hits);
      if (hits.empty()) {
        continue;
      }
      Location loc;
      loc.part = comment.part.empty() ? "word/comments.xml" : comment.part;
      loc.comment_id = comment.id;
      loc.property = "author";
      if (comment.anchor < doc.paragraphs.size() &&
          !doc.paragraphs[comment.anchor].section.empty()) {
        loc.section = doc.paragraphs[comment.anchor].section;
      }
      ctx.report_at(*this, std::move(loc), kMessage,
                    text::slice(comment.author, hits.front().start, hits.front().end));
    }
    // Authors of tracked changes (w:author): one finding per author, where
    // that author's first change stands.
    std::set<std::string> seen;
    for (std::size_t p = 0; p < doc.paragraphs.size(); ++p) {
      for (const Revision& r : doc.paragraphs[p].revisions) {
        if (r.author.empty() || !seen.insert(r.author).second) {
          continue;
        }
        hits.clear();
        find(r.author, hits);
        if (hits.empty()) {
          continue;
        }
        Finding& f = ctx.report(*this, p, r.start, r.start, kMessage);
        f.location.property = "author";
        f.excerpt = text::slice(r.author, hits.front().start, hits.front().end);
      }
    }
  }

 private:
  RuleInfo info_;
};

}  // namespace

std::unique_ptr<Rule> make_private_identifier_rule() {
  return std::make_unique<PrivateIdentifierRule>();
}

}  // namespace dhrlint::identifying
