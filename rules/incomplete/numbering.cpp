#include "rules/incomplete/numbering.hpp"

#include <algorithm>
#include <set>

#include "lint/text/text.hpp"
#include "rules/kit/kit.hpp"

namespace dhrlint::incomplete {

namespace {

// Short typed numbers of one component are trusted only on headings or
// heading-like lines; "3. The police ..." in running text is usually a list.
constexpr std::size_t kShortLineWords = 8;

bool all_ones(const std::vector<int>& n, std::size_t from) {
  return std::all_of(n.begin() + static_cast<std::ptrdiff_t>(from), n.end(),
                     [](int c) { return c == 1; });
}

std::size_t word_count(const std::string& s) {
  std::size_t n = 0;
  bool in = false;
  for (char c : s) {
    const bool w = c != ' ' && c != '\t' && c != '\n';
    if (w && !in) {
      ++n;
    }
    in = w;
  }
  return n;
}

}  // namespace

std::vector<int> parse_outline_number(const std::string& number) {
  std::vector<int> out;
  int current = -1;
  for (char c : number) {
    if (c >= '0' && c <= '9') {
      current = (current < 0 ? 0 : current * 10) + (c - '0');
      if (current > 100000) {
        return {};
      }
    } else if (c == '.') {
      if (current < 0) {
        return {};
      }
      out.push_back(current);
      current = -1;
    } else {
      return {};
    }
  }
  if (current < 0) {
    return {};
  }
  out.push_back(current);
  return out;
}

bool outline_follows(const std::vector<int>& prev, const std::vector<int>& next) {
  if (prev.empty() || next.empty()) {
    return true;
  }
  if (next.size() > prev.size() && std::equal(prev.begin(), prev.end(), next.begin()) &&
      all_ones(next, prev.size())) {
    return true;
  }
  const std::size_t common = std::min(prev.size(), next.size());
  for (std::size_t j = 0; j < common; ++j) {
    if (!std::equal(prev.begin(), prev.begin() + static_cast<std::ptrdiff_t>(j), next.begin())) {
      break;
    }
    if (next[j] == prev[j] + 1 && all_ones(next, j + 1)) {
      return true;
    }
  }
  return false;
}

std::vector<NumberingIssue> find_numbering_issues(const Document& doc) {
  std::vector<NumberingIssue> issues;
  std::vector<int> prev;
  std::string prev_text;
  std::set<std::vector<int>> seen;
  std::vector<int> outer;  // the number before the latest restart at 1
  for (std::size_t i = 0; i < doc.paragraphs.size(); ++i) {
    const Paragraph& p = doc.paragraphs[i];
    if (!kit::is_numbered_report_paragraph(p)) {
      continue;
    }
    const std::string number = kit::own_report_number(p);
    const std::vector<int> cur = parse_outline_number(number);
    if (cur.empty()) {
      continue;
    }
    const bool typed = !p.typed_number.empty();
    // Back in the sequence that a restart at 1 interrupted (numbered items
    // 1, 2, 3 inside paragraph 7, then 8): no gap.
    const bool resumes = !outer.empty() && outline_follows(outer, cur);
    if (resumes) {
      outer.clear();
    }
    if (!prev.empty() && !resumes && !outline_follows(prev, cur)) {
      if (all_ones(cur, 0) && cur.front() == 1) {
        seen.clear();  // a new numbered document part starts again at 1
        outer = prev;
      } else if (typed) {
        // A long paragraph with a single typed number is trusted only in a
        // report whose typed numbers are single ("4." then "6."); elsewhere
        // it may be a numbered list item in running text.
        const bool trusted = cur.size() >= 2 || p.heading_level || prev.size() == 1 ||
                             word_count(text::slice(p.text, p.typed_number_end,
                                                    text::length(p.text))) <= kShortLineWords;
        if (trusted) {
          NumberingIssue issue;
          issue.kind =
              seen.count(cur) ? NumberingIssue::Kind::kDuplicate : NumberingIssue::Kind::kGap;
          issue.paragraph = i;
          issue.number = number;
          issue.previous = prev_text;
          const std::string head = text::slice(p.text, 0, p.typed_number_end);
          const std::size_t at = head.find(number);
          issue.start = at == std::string::npos ? 0 : text::cp_of(p.text, at);
          issue.end = issue.start + text::length(number);
          issues.push_back(std::move(issue));
        }
      }
    }
    seen.insert(cur);
    prev = cur;
    prev_text = number;
  }
  return issues;
}

}  // namespace dhrlint::incomplete
