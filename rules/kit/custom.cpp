#include "rules/kit/custom.hpp"

#include <re2/re2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <algorithm>

#include "rules/kit/codepoints.hpp"
#include "rules/kit/paragraphs.hpp"

namespace dhrlint::kit {

namespace {

// The code point before byte `at` and the one at `at`, for word boundaries.
char32_t code_point_before(std::string_view s, std::size_t at) {
  if (at == 0) {
    return 0;
  }
  std::int32_t i = static_cast<std::int32_t>(at);
  UChar32 c = 0;
  U8_PREV(reinterpret_cast<const std::uint8_t*>(s.data()), 0, i, c);
  return c < 0 ? 0 : static_cast<char32_t>(c);
}

char32_t code_point_at(std::string_view s, std::size_t at) {
  if (at >= s.size()) {
    return 0;
  }
  std::int32_t i = static_cast<std::int32_t>(at);
  UChar32 c = 0;
  U8_NEXT(reinterpret_cast<const std::uint8_t*>(s.data()), i, static_cast<std::int32_t>(s.size()),
          c);
  return c < 0 ? 0 : static_cast<char32_t>(c);
}

bool is_word_char(char32_t c) { return c != 0 && (u_isalnum(static_cast<UChar32>(c)) != 0); }

bool in_scope(const Paragraph& p, unsigned scope) {
  switch (p.story) {
    case Story::kFootnote:
    case Story::kEndnote:
      return (scope & kScopeNotes) != 0;
    case Story::kComment:
      return (scope & kScopeComments) != 0;
    case Story::kHeader:
    case Story::kFooter:
      return (scope & kScopeHeaders) != 0;
    case Story::kBody:
      break;
  }
  if (!is_report_text(p)) {
    return false;
  }
  if (p.table) {
    return (scope & kScopeTables) != 0;
  }
  if (p.heading_level) {
    return (scope & kScopeHeadings) != 0;
  }
  return (scope & kScopeBody) != 0;
}

class CustomRule final : public Rule {
 public:
  CustomRule(CustomRuleSpec spec, std::unique_ptr<RE2> re, bool whole_words)
      : spec_(std::move(spec)), re_(std::move(re)), whole_words_(whole_words) {
    info_.id = "custom/" + spec_.name;
    info_.summary = spec_.message;
    info_.what = spec_.words.empty()
                     ? "Reports each match of the pattern " + spec_.pattern
                     : "Reports each use of the words or phrases listed in the configuration";
    info_.what += ". Defined in " + spec_.defined_in + ".";
    info_.why = "A rule of this report's configuration (" + spec_.defined_in + ").";
    info_.example = "(defined by the configuration)";
    info_.fix =
        spec_.replacement.empty() ? spec_.message : "Use \"" + spec_.replacement + "\" instead.";
    info_.severity = spec_.severity;
    message_ = spec_.message;
    if (!spec_.replacement.empty()) {
      message_ += "; use \"" + spec_.replacement + "\" instead";
    }
  }

  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    for (std::size_t i = 0; i < doc.paragraphs.size(); ++i) {
      const Paragraph& p = doc.paragraphs[i];
      if (p.text.empty() || !in_scope(p, spec_.scope)) {
        continue;
      }
      const std::string_view text = p.text;
      ByteToCodePoint cp(text);
      re2::StringPiece match;
      std::size_t pos = 0;
      while (pos <= text.size() && re_->Match(text, pos, text.size(), RE2::UNANCHORED, &match, 1)) {
        const auto begin = static_cast<std::size_t>(match.data() - text.data());
        const std::size_t end = begin + match.size();
        const bool bounded = !whole_words_ || (!is_word_char(code_point_before(text, begin)) &&
                                               !is_word_char(code_point_at(text, end)));
        if (bounded && end > begin) {
          ctx.report(*this, i, cp.cp(begin), cp.cp(end), message_);
        }
        // Move on by the match, or by one code point after an empty or
        // unbounded one.
        std::size_t next = bounded && end > begin ? end : begin + 1;
        while (next < text.size() && is_continuation_byte(text[next])) {
          ++next;
        }
        pos = next;
      }
    }
  }

 private:
  CustomRuleSpec spec_;
  std::unique_ptr<RE2> re_;
  bool whole_words_;
  RuleInfo info_;
  std::string message_;
};

}  // namespace

const std::vector<std::string>& custom_scope_names() {
  static const std::vector<std::string> kNames = {"body",  "headings", "tables",
                                                  "notes", "comments", "headers"};
  return kNames;
}

bool valid_custom_rule_name(const std::string& name) {
  static const RE2 kName("[a-z0-9]+(?:-[a-z0-9]+)*");
  return RE2::FullMatch(name, kName);
}

std::shared_ptr<const Rule> make_custom_rule(CustomRuleSpec spec, std::string& error) {
  if (spec.pattern.empty() == spec.words.empty()) {
    error = "give either pattern (an RE2 regular expression) or words (a list), not both";
    return nullptr;
  }
  RE2::Options options;
  options.set_log_errors(false);  // the reason goes into the error, not to stderr
  options.set_never_capture(true);
  std::string pattern = spec.pattern;
  const bool whole_words = pattern.empty();
  if (whole_words) {
    // One alternation, longest first so "Rosewood Refuge Trust" wins over
    // "Rosewood Refuge"; white space inside a phrase matches any run of it.
    std::vector<std::string> words = spec.words;
    std::sort(words.begin(), words.end(),
              [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    pattern = "(?i)(?:";
    for (std::size_t k = 0; k < words.size(); ++k) {
      if (words[k].empty()) {
        error = "words must not hold an empty string";
        return nullptr;
      }
      std::string quoted;
      std::string_view rest = words[k];
      while (!rest.empty()) {
        const std::size_t space = rest.find(' ');
        quoted += RE2::QuoteMeta(rest.substr(0, space));
        if (space == std::string_view::npos) {
          break;
        }
        quoted += "\\s+";
        rest.remove_prefix(space + 1);
      }
      pattern += (k == 0 ? "" : "|") + quoted;
    }
    pattern += ")";
  }
  auto re = std::make_unique<RE2>(pattern, options);
  if (!re->ok()) {
    error = "RE2 rejected the pattern: " + re->error();
    return nullptr;
  }
  return std::make_shared<CustomRule>(std::move(spec), std::move(re), whole_words);
}

}  // namespace dhrlint::kit
