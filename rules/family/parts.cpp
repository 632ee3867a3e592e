#include "rules/family/parts.hpp"

#include <re2/re2.h>

#include <algorithm>

namespace dhrlint::family {

namespace {

constexpr int kUnnumbered = 100;  // a typed heading without a number nests deepest

struct Lists {
  kit::TermList sections{"family/sections.txt"};
  kit::TermList shared{"advocacy/sections.txt"};  // glossary, panel, terms of reference
};

const Lists& lists() {
  static const Lists kLists;
  return kLists;
}

// The parts a heading's text opens.
std::uint8_t heading_parts(std::string_view heading) {
  const Lists& l = lists();
  std::uint8_t out = 0;
  if (l.sections.contains(heading, "recommendations")) {
    out |= kRecommendations;
  }
  if (l.sections.contains(heading, "involvement")) {
    out |= kFamilyInvolvement;
  }
  if (l.shared.contains(heading, "terms-of-reference")) {
    out |= kTermsOfReference;
  }
  if (l.shared.contains(heading, "glossary")) {
    out |= kReference;
  }
  return out;
}

// A line typed as a heading: running text that is not a list item, short,
// not ending a sentence, starting with a capital ("5. Recommendations",
// "Involvement of the family"). Its depth is its typed number's ("5.1" is 2).
// A number typed before a heading that the model does not take as a report
// number ("5. Recommendations" after paragraph 2.1): its digits and the code
// point where the heading's words start.
const kit::LazyRegex kLeadingNumber(R"(^\s*((?:\d{1,2}\.)*\d{1,2})\.?\s+)");

std::optional<int> typed_heading_depth(const Paragraph& p) {
  if (!kit::is_running_text(p) || p.heading_level || kit::is_list_item(p)) {
    return std::nullopt;
  }
  // Most paragraphs are sentences: too long, or ending in a full stop.
  if (p.text.size() > 360 || (!p.text.empty() && p.text.back() == '.')) {
    return std::nullopt;
  }
  const std::size_t from = heading_content_start(p);
  const std::vector<char32_t> cps = kit::code_points(p.text);
  std::size_t b = from;
  std::size_t e = cps.size();
  while (b < e && (kit::is_space(cps[b]) || cps[b] == U'.' || cps[b] == U')')) {
    ++b;
  }
  while (e > b && kit::is_space(cps[e - 1])) {
    --e;
  }
  if (b >= e || e - b > 90) {
    return std::nullopt;
  }
  const char32_t first = cps[b];
  const char32_t last = cps[e - 1];
  if (!(first >= U'A' && first <= U'Z')) {
    return std::nullopt;
  }
  if (kit::is_terminal(last) || last == U':' || last == U';' || last == U',') {
    return std::nullopt;
  }
  std::size_t words = 1;
  for (std::size_t i = b; i < e; ++i) {
    if (kit::is_space(cps[i]) && i + 1 < e && !kit::is_space(cps[i + 1])) {
      ++words;
    }
  }
  if (words > 10) {
    return std::nullopt;
  }
  std::string number = kit::own_report_number(p);
  if (number.empty()) {
    RE2::PartialMatch(p.text, kLeadingNumber.get(), &number);
  }
  if (number.empty()) {
    return kUnnumbered;
  }
  return static_cast<int>(std::count(number.begin(), number.end(), '.')) + 1;
}

// The pseudonym table's people: a table whose first row names a person
// column (Pseudonym / Name) and a Relationship column.
void read_people(const Document& doc, std::map<std::string, Person, std::less<>>& people) {
  static const RE2 kName(R"((?i)^\s*(?:pseudonym|name|names|person|individual)s?\b)");
  static const RE2 kRelation(R"((?i)relation|role|connection)");
  static const RE2 kAge(R"((?i)^\s*age\b)");
  static const RE2 kNumber(R"((\d{1,3}))");
  for (const Table& t : doc.tables) {
    if (t.rows.size() < 2 || t.part != doc.main_part) {
      continue;
    }
    std::optional<std::uint32_t> name_col;
    std::optional<std::uint32_t> relation_col;
    std::optional<std::uint32_t> age_col;
    for (const Table::Cell& cell : t.rows[0].cells) {
      const std::string text = kit::cell_text(doc, t, 0, cell.col);
      if (!name_col && RE2::PartialMatch(text, kName)) {
        name_col = cell.col;
      } else if (!relation_col && RE2::PartialMatch(text, kRelation)) {
        relation_col = cell.col;
      } else if (!age_col && RE2::PartialMatch(text, kAge)) {
        age_col = cell.col;
      }
    }
    if (!name_col || !relation_col) {
      continue;
    }
    for (std::size_t r = 1; r < t.rows.size(); ++r) {
      const std::string name = text::fold_string(kit::cell_text(doc, t, r, *name_col));
      const text::FoldedText relation = text::fold(kit::cell_text(doc, t, r, *relation_col));
      // "child a" for Child A, else the first word ("kamal").
      static const RE2 kKey(R"(^\s*(child [a-z0-9]+|[a-z][a-z'-]*))");
      std::string key;
      if (!RE2::PartialMatch(name, kKey, &key)) {
        continue;
      }
      Person person;
      person.relation = relation_in(relation);
      if (person.relation == Relation::kNone) {
        continue;
      }
      if (age_col) {
        int age = 0;
        if (RE2::PartialMatch(kit::cell_text(doc, t, r, *age_col), kNumber, &age)) {
          person.age = age;
        }
      }
      people.emplace(key, person);
    }
  }
}

ReportParts compute(const Document& doc) {
  ReportParts out;
  out.parts.assign(doc.paragraphs.size(), 0);
  // Parts each styled heading opens, computed once per heading.
  std::map<std::size_t, std::uint8_t> styled;
  auto styled_parts = [&](std::size_t h) {
    auto it = styled.find(h);
    if (it == styled.end()) {
      it = styled.emplace(h, heading_parts(doc.paragraphs[h].text)).first;
    }
    return it->second;
  };
  struct Typed {
    int depth;
    std::uint8_t parts;
  };
  std::vector<Typed> typed;  // the typed headings open under the last styled heading
  std::map<std::uint64_t, std::uint8_t> table_parts;  // table of the body -> its parts
  const Lists& l = lists();
  for (std::size_t i = 0; i < doc.paragraphs.size(); ++i) {
    const Paragraph& p = doc.paragraphs[i];
    if (p.story != Story::kBody) {
      continue;
    }
    std::uint8_t parts = 0;
    std::uint8_t own = 0;
    bool heading = false;
    if (kit::is_heading(p)) {
      typed.clear();
      own = styled_parts(i);
      heading = true;
    } else if (const std::optional<int> depth = typed_heading_depth(p)) {
      while (!typed.empty() && typed.back().depth >= *depth) {
        typed.pop_back();
      }
      own = heading_parts(p.text);
      typed.push_back(Typed{*depth, own});
      heading = true;
    }
    for (std::size_t h : p.headings) {
      if (h < doc.paragraphs.size() && h != i) {
        parts |= styled_parts(h);
      }
    }
    for (const Typed& t : typed) {
      parts |= t.parts;
    }
    parts |= own;
    if (p.table) {
      // The first cell of a table decides for the table (the same heading,
      // the same header row); nested tables are read on their own.
      const std::uint64_t key = (std::uint64_t{p.table->table} << 8) | p.table->depth;
      auto it = table_parts.find(key);
      if (it == table_parts.end()) {
        std::uint8_t t = 0;
        if (kit::in_reference_table(doc, i, l.shared)) {
          t = kReference;
        } else if (l.sections.find(text::fold(kit::header_row_text_of(doc, i)), "action-plan-table")
                       .size() >= 3) {
          t = kRecommendations;
        }
        it = table_parts.emplace(key, t).first;
      }
      parts |= it->second;
    }
    if (heading && kit::is_report_text(p)) {
      if ((own & kRecommendations) && out.recommendations_heading == kNoIndex &&
          !(own & kTermsOfReference)) {
        out.recommendations_heading = i;
      }
      if ((own & kFamilyInvolvement) && out.family_heading == kNoIndex) {
        out.family_heading = i;
      }
    }
    out.parts[i] = parts;
    if (kit::is_report_text(p) && !heading) {
      out.has_recommendations = out.has_recommendations || (parts & kRecommendations);
      out.has_family_section = out.has_family_section || (parts & kFamilyInvolvement);
    }
  }
  // Notes take the parts of the paragraph that references them.
  for (std::size_t i = 0; i < doc.paragraphs.size(); ++i) {
    if (kit::is_note(doc.paragraphs[i])) {
      const std::size_t at = kit::body_anchor(doc, i);
      if (at < out.parts.size() && at != i) {
        out.parts[i] = out.parts[at];
      }
    }
  }
  read_people(doc, out.people);
  return out;
}

}  // namespace

std::size_t heading_content_start(const Paragraph& p) {
  if (!p.typed_number.empty()) {
    return kit::content_start(p);
  }
  re2::StringPiece m[2];
  if (kLeadingNumber->Match(p.text, 0, p.text.size(), RE2::ANCHOR_START, m, 2)) {
    return text::length(std::string_view(p.text.data(), m[0].size()));
  }
  return 0;
}

const ReportParts& ReportParts::shared(const Document& doc, DocumentAnalysis& analysis) {
  return analysis.family<ReportParts>([&] { return compute(doc); });
}

const kit::TermList& relation_terms() {
  static const kit::TermList kTerms("family/relations.txt");
  return kTerms;
}

Relation relation_in(const text::FoldedText& folded) {
  const kit::TermList& terms = relation_terms();
  if (terms.contains(folded, "partner")) {
    return Relation::kPartner;
  }
  if (terms.contains(folded, "child")) {
    return Relation::kChild;
  }
  if (terms.contains(folded, "relative")) {
    return Relation::kRelative;
  }
  return Relation::kNone;
}

std::string_view relation_name(Relation r) {
  switch (r) {
    case Relation::kPartner:
      return "partner";
    case Relation::kChild:
      return "child";
    case Relation::kRelative:
      return "relative";
    case Relation::kNone:
      break;
  }
  return "";
}

}  // namespace dhrlint::family
