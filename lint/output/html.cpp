#include "lint/output/html.hpp"

#include <algorithm>
#include <array>
#include <map>

#include "dhrlint/dhrlint.hpp"
#include "lint/output/markup.hpp"
#include "lint/output/text.hpp"
#include "lint/text/text.hpp"

namespace dhrlint {

namespace {

constexpr std::string_view kRedacted = "[\xE2\x80\xA6]";  // "[…]"

// The page's look: a letter on a sheet, serif body text, the severity as a
// coloured rule down each point. No '<' or '&' in it, so the page stays
// well-formed XML.
constexpr std::string_view kStyle = R"css(
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #e9e7e1; color: #1c1c1a;
  font: 17px/1.55 Georgia, "Times New Roman", Times, serif; }
.letter { max-width: 52rem; margin: 2rem auto; background: #fff; padding: 2.8rem 3.4rem 2rem;
  box-shadow: 0 1px 5px rgba(0, 0, 0, 0.18); }
.sans, .kicker, .counts, h4, .badge, .locus, .summary, .chart text, .colophon, .where {
  font-family: system-ui, "Segoe UI", "Helvetica Neue", Arial, sans-serif; }
.letterhead { border-bottom: 2px solid #1c1c1a; padding-bottom: 0.8rem; margin-bottom: 1.4rem; }
.kicker { margin: 0; font-size: 0.78rem; letter-spacing: 0.08em; text-transform: uppercase;
  color: #55534d; }
h1 { margin: 0.3rem 0 0; font-size: 2rem; font-weight: normal; }
.intro { margin: 0.6rem 0; }
.privacy { margin: 0.6rem 0; padding: 0.5rem 0.8rem; background: #f4f2ec; font-size: 0.92rem; }
.counts { margin: 0.2rem 0 0; font-size: 0.88rem; color: #55534d; }
section.report { margin-top: 2.4rem; }
h2 { margin: 0; font-size: 1.45rem; font-weight: normal; overflow-wrap: anywhere;
  border-bottom: 1px solid #c8c4b8; padding-bottom: 0.3rem; }
h3 { margin: 1.8rem 0 0.4rem; font-size: 1.22rem; }
h4 { margin: 1.3rem 0 0.2rem; font-size: 0.95rem; color: #33322e; }
ul.areas { list-style: none; margin: 0; padding: 0; }
.area { margin: 0.5rem 0 1rem; padding: 0.15rem 0 0.15rem 1rem; border-left: 4px solid #8a877e; }
.area.error { border-left-color: #9b1c1c; }
.area.warning { border-left-color: #b35c00; }
.area.info { border-left-color: #1f5f99; }
.area p { margin: 0.3rem 0; }
.area-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.5rem; }
.badge { display: inline-block; min-width: 4.6rem; text-align: center; padding: 0.05rem 0.4rem;
  border-radius: 3px; color: #fff; font-size: 0.7rem; font-weight: 600;
  letter-spacing: 0.06em; text-transform: uppercase; }
.badge.error { background: #9b1c1c; }
.badge.warning { background: #b35c00; }
.badge.info { background: #1f5f99; }
.where { font-weight: 600; font-size: 0.92rem; }
.rule { margin-left: auto; font: 0.8rem/1.4 ui-monospace, "DejaVu Sans Mono", Menlo, monospace;
  color: #4a4842; }
blockquote.quote { margin: 0.4rem 0; padding: 0.5rem 0.9rem; background: #f6f5f1;
  border-radius: 3px; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 0.95rem; }
.label { color: #6b6860; }
mark { background: #ffe27a; color: inherit; padding: 0 0.08em; box-shadow: 0 2px 0 #c99700; }
mark.invisible { background: #f9dcda; box-shadow: 0 2px 0 #9b1c1c; }
.point { color: #9b1c1c; font-weight: bold; }
.empty { color: #6b6860; font-style: italic; }
.fix-label { font-weight: bold; }
.locus { font-size: 0.74rem; color: #75726a; }
.unreadable { padding: 0.7rem 1rem; background: #fbeceb; border-left: 4px solid #9b1c1c; }
.clean { font-style: italic; }
table.summary { border-collapse: collapse; margin: 0.4rem 0 1rem; font-size: 0.88rem; }
.summary th, .summary td { padding: 0.25rem 0.9rem; border-bottom: 1px solid #dedbd2; }
.summary td { text-align: right; font-variant-numeric: tabular-nums; }
.summary th[scope="row"] { text-align: left; font-weight: normal; }
.summary thead th { border-bottom: 1.5px solid #1c1c1a; text-align: right; }
.summary thead th:first-child { text-align: left; }
.summary tfoot th, .summary tfoot td { font-weight: 600; border-bottom: none; }
.summary .zero { color: #aaa69b; }
figure.chart { margin: 0.6rem 0 0; }
.chart text { font-size: 12px; fill: #33322e; }
figcaption { font-size: 0.8rem; color: #75726a; }
.colophon { margin-top: 2.6rem; padding-top: 0.6rem; border-top: 1px solid #c8c4b8;
  font-size: 0.78rem; color: #75726a; }
@media print {
  body { background: #fff; }
  .letter { box-shadow: none; margin: 0; max-width: none; padding: 0; }
  .area { break-inside: avoid; }
}
)css";

constexpr std::array<Severity, 3> kSeverities = {Severity::kError, Severity::kWarning,
                                                 Severity::kInfo};

std::string_view severity_title(Severity s) {
  switch (s) {
    case Severity::kError:
      return "Error";
    case Severity::kWarning:
      return "Warning";
    case Severity::kInfo:
      return "Info";
  }
  return "";
}

// The chart's colours, the same as the badges'.
std::string_view severity_colour(Severity s) {
  switch (s) {
    case Severity::kError:
      return "#9b1c1c";
    case Severity::kWarning:
      return "#b35c00";
    case Severity::kInfo:
      return "#1f5f99";
  }
  return "#8a877e";
}

std::string category_of(std::string_view rule) {
  return std::string(rule.substr(0, rule.find('/')));
}

std::string counted(std::size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Report paragraph numbers in number order (1.9 before 1.10), component by
// component; a component that is not a number falls back to text order.
bool section_less(std::string_view a, std::string_view b) {
  while (!a.empty() || !b.empty()) {
    if (a.empty() || b.empty()) {
      return a.empty();
    }
    const std::string_view ca = a.substr(0, a.find('.'));
    const std::string_view cb = b.substr(0, b.find('.'));
    if (all_digits(ca) && all_digits(cb)) {
      // Compared as digit strings, so no number is too long to compare.
      const std::string_view na = ca.substr(std::min(ca.find_first_not_of('0'), ca.size()));
      const std::string_view nb = cb.substr(std::min(cb.find_first_not_of('0'), cb.size()));
      if (na.size() != nb.size()) {
        return na.size() < nb.size();
      }
      if (na != nb) {
        return na < nb;
      }
    } else if (ca != cb) {
      return ca < cb;
    }
    a = a.substr(std::min(ca.size() + 1, a.size()));
    b = b.substr(std::min(cb.size() + 1, b.size()));
  }
  return false;
}

struct SectionLess {
  bool operator()(const std::string& a, const std::string& b) const { return section_less(a, b); }
};

struct Area {
  const Finding* finding = nullptr;
  const Paragraph* paragraph = nullptr;  // null when the model does not hold it
  std::size_t order = kNoIndex;          // the paragraph's place in Document::paragraphs
  std::size_t number = 0;                // 1-based, in the page's order (for ids)
};

enum class GroupKind { kWholeReport, kUnnumbered, kSection };

struct Group {
  GroupKind kind = GroupKind::kSection;
  std::string section;
  std::vector<Area> areas;
};

// The letter's order: points about the whole report first, then text outside
// the numbered paragraphs (title page, headers, footers), then the numbered
// paragraphs in number order; within a group, in document order (body, then
// its notes and comments).
std::vector<Group> group_findings(const FileResult& result) {
  const Document* doc = result.document.get();
  Group whole{GroupKind::kWholeReport, "", {}};
  Group unnumbered{GroupKind::kUnnumbered, "", {}};
  std::map<std::string, Group, SectionLess> sections;
  for (const Finding& f : result.findings) {
    Area area;
    area.finding = &f;
    if (doc != nullptr && f.location.paragraph) {
      area.paragraph = doc->find(f.location.part, *f.location.paragraph);
      if (area.paragraph != nullptr) {
        area.order = static_cast<std::size_t>(area.paragraph - doc->paragraphs.data());
      }
    }
    if (!f.location.paragraph) {
      whole.areas.push_back(area);
    } else if (!f.location.section || f.location.section->empty()) {
      unnumbered.areas.push_back(area);
    } else {
      Group& g = sections[*f.location.section];
      g.kind = GroupKind::kSection;
      g.section = *f.location.section;
      g.areas.push_back(area);
    }
  }
  std::vector<Group> groups;
  if (!whole.areas.empty()) {
    groups.push_back(std::move(whole));
  }
  if (!unnumbered.areas.empty()) {
    groups.push_back(std::move(unnumbered));
  }
  for (auto& [section, group] : sections) {
    groups.push_back(std::move(group));
  }
  std::size_t number = 0;
  for (Group& g : groups) {
    std::stable_sort(g.areas.begin(), g.areas.end(), [](const Area& a, const Area& b) {
      if (a.order != b.order) {
        return a.order < b.order;
      }
      return a.finding->location.start.value_or(0) < b.finding->location.start.value_or(0);
    });
    for (Area& a : g.areas) {
      a.number = ++number;
    }
  }
  return groups;
}

std::string group_heading(const Group& g) {
  switch (g.kind) {
    case GroupKind::kWholeReport:
      return "The report as a whole";
    case GroupKind::kUnnumbered:
      return "Outside the numbered paragraphs";
    case GroupKind::kSection:
      return "Paragraph " + g.section;
  }
  return "";
}

// Where in its group's paragraph the point is, as an author looks for it:
// "footnote 1", "table 2, row 3", "hidden text"; "" for the paragraph's own
// text (the group heading names the paragraph).
std::string where_of(const Area& area, const Document* doc) {
  const Location& loc = area.finding->location;
  std::vector<std::string> parts;
  if (std::string place = finding_place(*area.finding, doc); !place.empty()) {
    parts.push_back(std::move(place));
  } else if (loc.paragraph && (!loc.section || loc.section->empty())) {
    parts.emplace_back("before the first numbered paragraph");
  }
  if (area.paragraph != nullptr && area.paragraph->table) {
    parts.push_back("table " + std::to_string(area.paragraph->table->table) + ", row " +
                    std::to_string(area.paragraph->table->row + 1));
  }
  if (area.paragraph != nullptr && area.paragraph->in_text_box) {
    parts.emplace_back("text box");
  }
  if (loc.visibility) {
    if (*loc.visibility == "deleted") {
      parts.emplace_back("tracked deletion");
    } else if (*loc.visibility == "hidden") {
      parts.emplace_back("hidden text");
    } else {
      parts.push_back(*loc.visibility);
    }
  }
  std::string out;
  for (const std::string& p : parts) {
    out += out.empty() ? p : ", " + p;
  }
  return out;
}

// The paragraph's text with the finding's span in a <mark>; text the reader
// does not see (a tracked deletion, hidden text) is shown marked where it
// stands, and a point with no text as a caret.
std::string paragraph_html(const Paragraph& para, const Finding& f) {
  const Location& loc = f.location;
  std::string out = "<blockquote class=\"quote\">";
  if (!para.label.empty()) {
    out += "<span class=\"label\">" + escape_html(para.label) + "</span> ";
  }
  const std::string& text = para.text;
  if (!loc.start) {
    out += text.empty() ? "<span class=\"empty\">(empty paragraph)</span>" : escape_html(text);
    return out + "</blockquote>";
  }
  const std::size_t length = text::length(text);
  const std::size_t start = std::min(*loc.start, length);
  const std::size_t end = std::clamp(loc.end.value_or(start), start, length);
  const std::size_t start_byte = text::byte_of(text, start);
  const std::size_t end_byte = text::byte_of(text, end);
  out += escape_html(std::string_view(text).substr(0, start_byte));
  if (end > start) {
    out += "<mark>" +
           escape_html(std::string_view(text).substr(start_byte, end_byte - start_byte)) +
           "</mark>";
  } else if (loc.deleted_text && !loc.deleted_text->empty()) {
    if (loc.visibility == "deleted") {
      out += "<mark class=\"invisible\" title=\"tracked deletion\"><del>" +
             escape_html(*loc.deleted_text) + "</del></mark>";
    } else {
      out += "<mark class=\"invisible\" title=\"hidden text\">" + escape_html(*loc.deleted_text) +
             "</mark>";
    }
  } else {
    out += "<span class=\"point\" title=\"here\">\xE2\x80\xB8</span>";  // "‸"
  }
  out += escape_html(std::string_view(text).substr(end_byte));
  if (text.empty()) {
    out += " <span class=\"empty\">(empty paragraph)</span>";
  }
  return out + "</blockquote>";
}

bool opens_quote(std::string_view s, std::size_t i) {
  return i == 0 || s[i - 1] == ' ' || s[i - 1] == '(';
}

// The quoted stretches of a message ('…', "…", ‘…’, “…”): where a rule
// quotes what it matched ("ends on 'without'").
std::vector<std::string> quoted_in(std::string_view message) {
  struct Quote {
    std::string_view open, close;
  };
  static constexpr std::array<Quote, 4> kQuotes = {{{"'", "'"},
                                                    {"\"", "\""},
                                                    {"\xE2\x80\x98", "\xE2\x80\x99"},
                                                    {"\xE2\x80\x9C", "\xE2\x80\x9D"}}};
  std::vector<std::string> out;
  for (const Quote& q : kQuotes) {
    std::size_t i = 0;
    while ((i = message.find(q.open, i)) != std::string_view::npos) {
      if (!opens_quote(message, i)) {
        i += q.open.size();
        continue;
      }
      const std::size_t begin = i + q.open.size();
      const std::size_t end = message.find(q.close, begin);
      if (end == std::string_view::npos) {
        break;
      }
      if (end > begin) {
        out.emplace_back(message.substr(begin, end - begin));
      }
      i = end + q.close.size();
    }
  }
  return out;
}

// The document text a message may quote: the matched span, the deleted or
// hidden text, the excerpt, and any quoted stretch of the message that occurs
// in the paragraph (a rule's own suggestion, 'the primary school', stays
// unless the draft says it too).
std::vector<std::string> secrets_of(const Area& area) {
  const Finding& f = *area.finding;
  const Location& loc = f.location;
  std::vector<std::string> secrets;
  std::string_view text;
  if (area.paragraph != nullptr) {
    text = area.paragraph->text;
    if (loc.start && loc.end && *loc.end > *loc.start) {
      secrets.push_back(text::slice(text, *loc.start, *loc.end));
    }
  }
  if (loc.deleted_text) {
    secrets.push_back(*loc.deleted_text);
  }
  for (std::string& quoted : quoted_in(f.message)) {
    const bool in_document =
        text.find(quoted) != std::string_view::npos ||
        f.excerpt.find(quoted) != std::string::npos ||
        (loc.deleted_text && loc.deleted_text->find(quoted) != std::string::npos);
    bool in_invisible = false;
    if (area.paragraph != nullptr) {
      for (const InvisibleText& inv : area.paragraph->invisible) {
        in_invisible = in_invisible || inv.text.find(quoted) != std::string::npos;
      }
    }
    if (in_document || in_invisible) {
      secrets.push_back(std::move(quoted));
    }
  }
  // A property's value comes as the excerpt.
  if (!f.excerpt.empty() && loc.property) {
    secrets.push_back(f.excerpt);
  }
  // The longest first, so a secret that holds another is cut out whole.
  std::sort(secrets.begin(), secrets.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  return secrets;
}

class Page {
 public:
  Page(std::ostream& out, const HtmlOptions& options) : out_(out), options_(options) {
    for (const RuleInfo& info : options.rules) {
      rules_.emplace(info.id, &info);
    }
  }

  void write(const std::vector<FileResult>& results) {
    out_ << "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\"/>\n"
         // Nothing may load or run, whatever the text on the page says.
         << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\"/>\n"
         << "<meta name=\"referrer\" content=\"no-referrer\"/>\n"
         << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
         << "<meta name=\"generator\" content=\"dhrlint " << kVersion << "\"/>\n"
         << "<title>dhrlint: areas for development in "
         << (results.size() == 1 ? "the draft report" : "the draft reports") << "</title>\n"
         << "<style>" << kStyle << "</style>\n</head>\n<body>\n<main class=\"letter\">\n";
    write_letterhead(results);
    for (std::size_t i = 0; i < results.size(); ++i) {
      write_file(results[i], i + 1);
    }
    out_ << "<footer class=\"colophon\"><p>Produced by dhrlint " << kVersion
         << ", an automated check of the draft against the faults the Home Office Quality "
            "Assurance Panel most often returns reports for. It does not replace the Panel's "
            "reading, and a point it raises may not apply: use judgement.</p></footer>\n"
         << "</main>\n</body>\n</html>\n";
  }

 private:
  void write_letterhead(const std::vector<FileResult>& results) {
    out_ << "<header class=\"letterhead\">\n"
         << "<p class=\"kicker\">Domestic Homicide Review &#183; check of the draft</p>\n"
         << "<h1>Comments on the draft " << (results.size() == 1 ? "report" : "reports")
         << "</h1>\n"
         << "<p class=\"counts\">" << escape_html(summary_line(results)) << "</p>\n"
         << "</header>\n";
    out_ << "<p class=\"intro\">The points below are areas for development in the draft, listed "
            "by report paragraph as a Quality Assurance Panel letter lists them. Each gives where "
            "the point is, "
         << (options_.redact ? "" : "the paragraph as dhrlint read it with the passage marked, ")
         << "what was found and how to put it right, and a summary closes each report.</p>\n";
    if (options_.redact) {
      out_ << "<p class=\"privacy\">The report's text has been left out of this page: it gives "
              "places in the report, the checks and how to fix each point, but no paragraph "
              "text.</p>\n";
    } else {
      out_ << "<p class=\"privacy\">This page quotes the draft's text. Keep it and send it as "
              "you would the draft itself.</p>\n";
    }
  }

  void write_file(const FileResult& result, std::size_t file_number) {
    const std::string id = "file-" + std::to_string(file_number);
    out_ << "<section class=\"report\" id=\"" << id << "\" aria-labelledby=\"" << id
         << "-title\">\n<h2 id=\"" << id << "-title\">" << escape_html(result.path) << "</h2>\n";
    if (result.status == FileStatus::kError) {
      out_ << "<p class=\"unreadable\">This file could not be read, so it was not checked: "
           << escape_html(result.error.message) << " (<code>"
           << escape_html(error_kind_name(result.error.kind)) << "</code>).</p>\n</section>\n";
      return;
    }
    out_ << "<p class=\"counts\">" << escape_html(file_counts(result)) << "</p>\n";
    for (const std::string& failure : result.rule_failures) {
      out_ << "<p class=\"unreadable\">A check failed on this file and its points are left "
              "out: "
           << escape_html(failure) << "</p>\n";
    }
    if (result.findings.empty()) {
      out_ << "<p class=\"clean\">No areas for development were found.</p>\n</section>\n";
      return;
    }
    out_ << "<h3>Areas for development</h3>\n";
    for (const Group& group : group_findings(result)) {
      out_ << "<section class=\"group\">\n<h4>" << escape_html(group_heading(group))
           << "</h4>\n<ul class=\"areas\">\n";
      for (const Area& area : group.areas) {
        write_area(area, result.document.get(), id);
      }
      out_ << "</ul>\n</section>\n";
    }
    write_summary(result, id);
    out_ << "</section>\n";
  }

  void write_area(const Area& area, const Document* doc, const std::string& file_id) {
    const Finding& f = *area.finding;
    const std::string_view severity = severity_name(f.severity);
    out_ << "<li class=\"area " << severity << "\" id=\"" << file_id << "-area-" << area.number
         << "\">\n<p class=\"area-head\"><span class=\"badge " << severity << "\">"
         << severity_title(f.severity) << "</span> ";
    if (const std::string where = where_of(area, doc); !where.empty()) {
      out_ << "<span class=\"where\">" << escape_html(where) << "</span> ";
    }
    out_ << "<code class=\"rule\">" << escape_html(f.rule) << "</code></p>\n";
    if (!options_.redact) {
      if (area.paragraph != nullptr) {
        out_ << paragraph_html(*area.paragraph, f) << '\n';
      } else if (!f.excerpt.empty()) {
        // A property's value, or a paragraph the model was not kept for.
        out_ << "<blockquote class=\"quote\">" << escape_html(f.excerpt) << "</blockquote>\n";
      }
    }
    const std::string message =
        options_.redact ? redact_quoted(f.message, secrets_of(area)) : f.message;
    out_ << "<p class=\"message\">" << escape_html(message) << "</p>\n";
    if (const auto it = rules_.find(f.rule); it != rules_.end() && !it->second->fix.empty()) {
      out_ << "<p class=\"fix\"><span class=\"fix-label\">How to fix:</span> "
           << escape_html(it->second->fix) << "</p>\n";
    }
    if (f.location.paragraph) {
      out_ << "<p class=\"locus\">" << escape_html(f.location.part) << ", paragraph "
           << *f.location.paragraph << "</p>\n";
    }
    out_ << "</li>\n";
  }

  static std::string file_counts(const FileResult& result) {
    std::array<std::size_t, 3> by_severity{};
    for (const Finding& f : result.findings) {
      ++by_severity[static_cast<std::size_t>(f.severity)];
    }
    std::string line = counted(result.findings.size(), "area", "areas") + " for development";
    if (!result.findings.empty()) {
      line += ": " + counted(by_severity[2], "error", "errors") + ", " +
              counted(by_severity[1], "warning", "warnings") + ", " +
              std::to_string(by_severity[0]) + " info";
    }
    return line;
  }

  // Counts by category (as the rules given, then any other a finding names)
  // and severity.
  using Counts = std::map<std::string, std::array<std::size_t, 3>>;

  Counts count(const FileResult& result) const {
    Counts counts;
    for (const RuleInfo& info : options_.rules) {
      counts[category_of(info.id)];
    }
    for (const Finding& f : result.findings) {
      ++counts[category_of(f.rule)][static_cast<std::size_t>(f.severity)];
    }
    return counts;
  }

  void write_summary(const FileResult& result, const std::string& file_id) {
    const Counts counts = count(result);
    out_ << "<h3>Summary</h3>\n<table class=\"summary\">\n<thead><tr><th scope=\"col\">Category"
            "</th>";
    for (const Severity s : kSeverities) {
      out_ << "<th scope=\"col\">" << severity_title(s) << "</th>";
    }
    out_ << "<th scope=\"col\">Total</th></tr></thead>\n<tbody>\n";
    std::array<std::size_t, 3> totals{};
    for (const auto& [category, by_severity] : counts) {
      out_ << "<tr><th scope=\"row\">" << escape_html(category) << "</th>";
      std::size_t total = 0;
      for (const Severity s : kSeverities) {
        const std::size_t n = by_severity[static_cast<std::size_t>(s)];
        totals[static_cast<std::size_t>(s)] += n;
        total += n;
        write_count_cell(n);
      }
      write_count_cell(total);
      out_ << "</tr>\n";
    }
    out_ << "</tbody>\n<tfoot><tr><th scope=\"row\">All</th>";
    for (const Severity s : kSeverities) {
      write_count_cell(totals[static_cast<std::size_t>(s)]);
    }
    write_count_cell(result.findings.size());
    out_ << "</tr></tfoot>\n</table>\n";
    write_chart(counts, file_id);
  }

  void write_count_cell(std::size_t n) {
    out_ << (n == 0 ? "<td class=\"zero\">" : "<td>") << n << "</td>";
  }

  // A horizontal bar a category, stacked by severity; drawn in SVG so that
  // it needs no script and prints as it shows.
  void write_chart(const Counts& counts, const std::string& file_id) {
    std::vector<std::pair<std::string, std::array<std::size_t, 3>>> rows;
    std::size_t most = 0;
    for (const auto& [category, by_severity] : counts) {
      const std::size_t total = by_severity[0] + by_severity[1] + by_severity[2];
      if (total > 0) {
        rows.emplace_back(category, by_severity);
        most = std::max(most, total);
      }
    }
    if (rows.empty()) {
      return;
    }
    constexpr int kWidth = 600;
    constexpr int kLabelWidth = 110;
    constexpr int kBarSpace = 430;
    constexpr int kLegendHeight = 28;
    constexpr int kRowHeight = 26;
    constexpr int kBarHeight = 16;
    const int height = kLegendHeight + static_cast<int>(rows.size()) * kRowHeight + 4;
    const std::string title_id = file_id + "-chart-title";
    std::string description = "Areas for development by category and severity:";
    for (const auto& [category, by_severity] : rows) {
      description += " " + category + " " +
                     std::to_string(by_severity[0] + by_severity[1] + by_severity[2]) + ";";
    }
    out_ << "<figure class=\"chart\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
            "aria-labelledby=\""
         << title_id << "\" width=\"" << kWidth << "\" height=\"" << height << "\" viewBox=\"0 0 "
         << kWidth << ' ' << height << "\">\n<title id=\"" << title_id << "\">"
         << escape_html(description) << "</title>\n";
    int legend_x = kLabelWidth + 10;
    for (const Severity s : kSeverities) {
      out_ << "<rect x=\"" << legend_x << "\" y=\"4\" width=\"12\" height=\"12\" fill=\""
           << severity_colour(s) << "\"/><text x=\"" << legend_x + 17 << "\" y=\"14\">"
           << severity_title(s) << "</text>\n";
      legend_x += 90;
    }
    int y = kLegendHeight;
    for (const auto& [category, by_severity] : rows) {
      out_ << "<text x=\"" << kLabelWidth << "\" y=\"" << y + 12 << "\" text-anchor=\"end\">"
           << escape_html(category) << "</text>\n";
      double x = kLabelWidth + 10;
      std::size_t total = 0;
      for (const Severity s : kSeverities) {
        const std::size_t n = by_severity[static_cast<std::size_t>(s)];
        if (n == 0) {
          continue;
        }
        const double width = static_cast<double>(n) * kBarSpace / static_cast<double>(most);
        out_ << "<rect x=\"" << x << "\" y=\"" << y << "\" width=\"" << width << "\" height=\""
             << kBarHeight << "\" fill=\"" << severity_colour(s) << "\"><title>"
             << escape_html(category) << ": " << n << ' ' << severity_name(s)
             << (n == 1 || s == Severity::kInfo ? "" : "s") << "</title></rect>\n";
        x += width;
        total += n;
      }
      out_ << "<text x=\"" << x + 6 << "\" y=\"" << y + 12 << "\">" << total << "</text>\n";
      y += kRowHeight;
    }
    out_ << "</svg>\n<figcaption>Areas for development by category, coloured by "
            "severity.</figcaption>\n</figure>\n";
  }

  std::ostream& out_;
  const HtmlOptions& options_;
  std::map<std::string, const RuleInfo*, std::less<>> rules_;
};

}  // namespace

std::vector<RuleInfo> rule_infos(const Linter& linter) {
  std::vector<RuleInfo> infos;
  infos.reserve(linter.rules().size());
  for (const auto& rule : linter.rules()) {
    infos.push_back(rule->info());
  }
  return infos;
}

std::string escape_html(std::string_view text) {
  return escape_markup(text, MarkupEscaping{"&#39;", false});
}

std::string redact_quoted(std::string message, const std::vector<std::string>& secrets) {
  for (const std::string& secret : secrets) {
    if (secret.empty()) {
      continue;
    }
    std::size_t i = 0;
    while ((i = message.find(secret, i)) != std::string::npos) {
      message.replace(i, secret.size(), kRedacted);
      i += kRedacted.size();
    }
  }
  return message;
}

void write_html(std::ostream& out, const std::vector<FileResult>& results,
                const HtmlOptions& options) {
  Page(out, options).write(results);
}

}  // namespace dhrlint
