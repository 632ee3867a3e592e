#include "rules/action_plan/common.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "rules/kit/named_sections.hpp"

namespace dhrlint::action_plan {

namespace {

// Header cells are given to the first group that matches, in this order
// ("Date of completion and outcome" is the outcome; "Rec no" a number).
struct ColumnGroup {
  std::string_view group;
  std::size_t column;  // a Column, or kColumns for [other]
};
constexpr std::array<ColumnGroup, 7> kColumnOrder{{
    {"other", kColumns},
    {"outcome", static_cast<std::size_t>(Column::kOutcome)},
    {"lead", static_cast<std::size_t>(Column::kLead)},
    {"date", static_cast<std::size_t>(Column::kDate)},
    {"number", static_cast<std::size_t>(Column::kNumber)},
    {"action", static_cast<std::size_t>(Column::kAction)},
    {"recommendation", static_cast<std::size_t>(Column::kRecommendation)},
}};

// Header rows searched for at the top of a table (a title row may come first).
constexpr std::size_t kHeaderRowsSearched = 3;
// A sub-heading row ("Single agency: Police") has at most this many words.
constexpr std::size_t kSubheadingWords = 6;

std::string trimmed(std::string_view utf8) {
  const text::Range r = kit::trim(utf8, {0, text::length(utf8)});
  return text::slice(utf8, r.start, r.end);
}

std::size_t word_count(std::string_view utf8) {
  std::size_t n = 0;
  bool in_word = false;
  for (char c : utf8) {
    const bool space = c == ' ' || c == '\t' || c == '\n';
    n += !space && !in_word ? 1 : 0;
    in_word = !space;
  }
  return n;
}

std::uint32_t grid_width(const Table& t) {
  std::uint32_t width = 0;
  for (const Table::Row& row : t.rows) {
    for (const Table::Cell& c : row.cells) {
      width = std::max(width, c.col + std::max<std::uint32_t>(c.span, 1));
    }
  }
  return width;
}

const Table::Cell* cell_at(const Table& t, std::size_t row, std::uint32_t col) {
  if (row >= t.rows.size()) {
    return nullptr;
  }
  for (const Table::Cell& c : t.rows[row].cells) {
    if (col >= c.col && col < c.col + std::max<std::uint32_t>(c.span, 1)) {
      return &c;
    }
  }
  return nullptr;
}

std::string own_text(const Document& doc, const Table::Cell& cell) {
  std::string out;
  for (std::size_t p : cell.paragraphs) {
    if (p >= doc.paragraphs.size() || !kit::is_printed_body(doc.paragraphs[p])) {
      continue;
    }
    if (!out.empty()) {
      out += ' ';
    }
    out += doc.paragraphs[p].text;
  }
  return trimmed(out);
}

// The cell of grid column `col` in row `row`, a merged cell read as the cell
// it continues (vMerge).
PlanCell resolved_cell(const Document& doc, const Table& t, std::size_t row, std::uint32_t col) {
  PlanCell out;
  if (col == kNoColumn) {
    return out;
  }
  for (std::size_t r = row + 1; r-- > 0;) {
    const Table::Cell* c = cell_at(t, r, col);
    if (c == nullptr) {
      return out;
    }
    if (!c->merged_from_above || r == 0) {
      out.text = own_text(doc, *c);
      out.paragraph = c->paragraphs.empty() ? kNoIndex : c->paragraphs.front();
      return out;
    }
  }
  return out;
}

bool has_word_byte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u >= 0x80;
}

std::string stem(std::string w) {
  auto strip = [&](std::string_view suffix, std::size_t min_left) {
    if (w.size() >= suffix.size() + min_left &&
        w.compare(w.size() - suffix.size(), suffix.size(), suffix) == 0) {
      w.resize(w.size() - suffix.size());
      return true;
    }
    return false;
  };
  if (!strip("ing", 4) && !strip("ed", 4) && !strip("es", 4)) {
    strip("s", 4);
  }
  if (w.size() > 4 && w.back() == 'e') {
    w.pop_back();  // "review" / "reviewed" -> "review"; "issue" / "issued" -> "issu"
  }
  return w;
}

}  // namespace

std::string leading_number(std::string_view text) {
  static const RE2 kNumber(
      R"(^[\s(\[#]*(?:(?:recommendations?|rec)\s*\.?\s*(?:no\.?|number)?\s*|r\s?)?(\d{1,3}(?:\.\d{1,3})*[a-z]?)(?:[^\w]|$))");
  std::string number;
  // The first 64 code points (never a cut inside a UTF-8 sequence).
  const std::string folded = text::fold_string(text::slice(text, 0, 64));
  if (RE2::PartialMatch(folded, kNumber, &number)) {
    return number;
  }
  return {};
}

ActionPlanReader::ActionPlanReader()
    : sections_("action-plan/sections.txt"),
      columns_("action-plan/columns.txt"),
      values_("action-plan/values.txt"),
      stopwords_([] { return kit::TermSet(kit::folded_values("action-plan/words.txt", "")); }) {}

const ActionPlanReader& ActionPlanReader::instance() {
  static const ActionPlanReader kReader;
  return kReader;
}

const ActionPlanReading& ActionPlanReader::shared_reading(const Document& doc,
                                                          DocumentAnalysis& analysis) {
  return analysis.family<ActionPlanReading>([&] { return instance().read(doc, analysis); });
}

bool ActionPlanReader::is_empty(std::string_view text) const {
  const std::string t = trimmed(text);
  return t.empty() || values_.contains(t, "empty");
}

bool ActionPlanReader::sets_no_date(std::string_view text) const {
  return values_.contains(trimmed(text), "no-date");
}

bool ActionPlanReader::is_process(std::string_view text) const {
  return values_.contains(text, "process");
}

bool ActionPlanReader::names_change(std::string_view text) const {
  return values_.contains(text, "change");
}

std::vector<std::string> ActionPlanReader::content_words(std::string_view text) const {
  const std::string folded = text::fold_string(text);
  std::set<std::string> words;
  std::string w;
  auto flush = [&] {
    const bool digits =
        std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (w.size() >= 3 && !digits && !stopwords_->contains(w)) {
      words.insert(stem(w));
    }
    w.clear();
  };
  for (char c : folded) {
    if (has_word_byte(c)) {
      w += c;
    } else {
      flush();
    }
  }
  flush();
  return {words.begin(), words.end()};
}

bool ActionPlanReader::wording_matches(const std::vector<std::string>& wa,
                                       const std::vector<std::string>& wb) {
  const std::size_t smaller = std::min(wa.size(), wb.size());
  if (smaller < 2) {
    return false;
  }
  std::size_t shared = 0;
  for (auto a = wa.begin(), b = wb.begin(); a != wa.end() && b != wb.end();) {
    if (*a < *b) {
      ++a;
    } else if (*b < *a) {
      ++b;
    } else {
      ++shared;
      ++a;
      ++b;
    }
  }
  const auto needed = std::max<std::size_t>(
      2, static_cast<std::size_t>(std::ceil(0.5 * static_cast<double>(smaller))));
  return shared >= needed;
}

std::pair<double, std::size_t> ActionPlanReader::outcome_overlap(std::string_view outcome,
                                                                 std::string_view action) const {
  const std::vector<std::string> wo = content_words(outcome);
  const std::vector<std::string> wa = content_words(action);
  if (wo.empty()) {
    return {0.0, 0};
  }
  std::vector<std::string> shared;
  std::set_intersection(wo.begin(), wo.end(), wa.begin(), wa.end(), std::back_inserter(shared));
  return {static_cast<double>(shared.size()) / static_cast<double>(wo.size()), wo.size()};
}

ActionPlanReading ActionPlanReader::read(const Document& doc, DocumentAnalysis& analysis) const {
  ActionPlanReading out;
  const std::vector<kit::NamedSection> plan_sections =
      kit::find_named_sections(doc, sections_, "action-plan");
  read_tables(doc, plan_sections, out);
  read_recommendations(doc, analysis, out);
  for (std::size_t i = 0; i < doc.paragraphs.size(); ++i) {
    const Paragraph& p = doc.paragraphs[i];
    if (p.story != Story::kBody) {
      break;
    }
    if (!kit::is_report_text(p)) {
      continue;
    }
    // Folded text is cached per document; "Action Plan" in any case counts.
    const text::FoldedText& folded = analysis.folded(i);
    if (folded.text.find("action plan") != std::string::npos &&
        sections_.contains(folded, "separate")) {
      out.separate_plan = true;
      break;
    }
  }
  match(out);
  return out;
}

void ActionPlanReader::read_tables(const Document& doc,
                                   const std::vector<kit::NamedSection>& plan_sections,
                                   ActionPlanReading& out) const {
  // The grid column of each Column named by the header cells of row `r`.
  auto map_header = [&](const Table& t, std::size_t r) {
    std::array<std::uint32_t, kColumns> cols;
    cols.fill(kNoColumn);
    for (const Table::Cell& c : t.rows[r].cells) {
      if (c.merged_from_above) {
        continue;
      }
      const std::string text = own_text(doc, c);
      if (text.empty() || word_count(text) > 8) {
        continue;
      }
      const text::FoldedText header = text::fold(text);
      for (const ColumnGroup& g : kColumnOrder) {
        if (!columns_.contains(header, g.group)) {
          continue;
        }
        if (g.column == kColumns) {
          break;  // a column read by none of the rules
        }
        if (cols[g.column] == kNoColumn) {
          cols[g.column] = c.col;
          break;
        }
      }
    }
    return cols;
  };
  auto kinds = [](const std::array<std::uint32_t, kColumns>& cols) {
    auto has = [&](Column c) { return cols[static_cast<std::size_t>(c)] != kNoColumn; };
    const bool rec = has(Column::kRecommendation) || has(Column::kNumber);
    const std::size_t n = (rec ? 1 : 0) + (has(Column::kAction) ? 1 : 0) +
                          (has(Column::kLead) ? 1 : 0) + (has(Column::kDate) ? 1 : 0) +
                          (has(Column::kOutcome) ? 1 : 0);
    return std::make_pair(n, rec || has(Column::kAction));
  };

  std::size_t previous_last = kNoIndex;  // last paragraph of the previous plan table
  std::uint32_t previous_width = 0;
  for (const Table& t : doc.tables) {
    if (t.part != doc.main_part || t.depth != 1 || t.rows.empty()) {
      continue;
    }
    std::size_t first = kNoIndex;
    std::size_t first_text = kNoIndex;  // the first cell paragraph a reader sees
    std::size_t last = 0;
    for (const Table::Row& row : t.rows) {
      for (const Table::Cell& c : row.cells) {
        for (std::size_t p : c.paragraphs) {
          first = std::min(first, p);
          last = std::max(last, p);
          if (doc.paragraphs[p].text.find_first_not_of(" \t") != std::string::npos) {
            first_text = std::min(first_text, p);
          }
        }
      }
    }
    if (first == kNoIndex || !kit::is_report_text(doc.paragraphs[first])) {
      continue;
    }
    const bool in_plan_section = std::any_of(plan_sections.begin(), plan_sections.end(),
                                             [&](const auto& s) { return s.contains(first); });
    PlanTable plan;
    plan.table = &t;
    plan.header_row = kNoIndex;
    for (std::size_t r = 0; r < std::min(kHeaderRowsSearched, t.rows.size()); ++r) {
      const auto cols = map_header(t, r);
      const auto [n, core] = kinds(cols);
      if (core && (n >= 3 || (in_plan_section && n >= 2))) {
        plan.header_row = r;
        plan.columns = cols;
        // A plain "Agency" or "Date" column of an action plan.
        for (const Table::Cell& c : t.rows[r].cells) {
          const std::string header = own_text(doc, c);
          for (const auto& [group, column] :
               {std::pair{"lead-plain", Column::kLead}, std::pair{"date-plain", Column::kDate}}) {
            auto& slot = plan.columns[static_cast<std::size_t>(column)];
            if (slot == kNoColumn && columns_.contains(header, group)) {
              slot = c.col;
            }
          }
        }
        break;
      }
    }
    const std::uint32_t width = grid_width(t);
    if (plan.header_row == kNoIndex) {
      // The rest of the previous plan table, after a page break.
      if (previous_last == kNoIndex || out.tables.empty() || width != previous_width ||
          kit::next_content_paragraph(doc, previous_last) != first_text) {
        continue;
      }
      plan.columns = out.tables.back().columns;
      plan.continuation = true;
    }
    const Table::Cell* head =
        plan.header_row == kNoIndex ? nullptr : cell_at(t, plan.header_row, 0);
    plan.header_paragraph =
        head != nullptr && !head->paragraphs.empty() ? head->paragraphs.front() : first;
    const std::size_t table_index = out.tables.size();
    out.tables.push_back(plan);
    previous_last = last;
    previous_width = width;

    // The rows.
    const std::size_t start = plan.header_row == kNoIndex ? 0 : plan.header_row + 1;
    std::vector<std::string> header_texts;
    if (plan.header_row != kNoIndex) {
      for (const Table::Cell& c : t.rows[plan.header_row].cells) {
        header_texts.push_back(own_text(doc, c));
      }
    }
    for (std::size_t r = start; r < t.rows.size(); ++r) {
      const Table::Row& row = t.rows[r];
      if (row.cells.empty()) {
        continue;
      }
      // A header row repeated where the table runs onto the next page.
      if (plan.header_row != kNoIndex && row.cells.size() == header_texts.size() &&
          std::equal(
              row.cells.begin(), row.cells.end(), header_texts.begin(),
              [&](const Table::Cell& c, const std::string& h) { return own_text(doc, c) == h; })) {
        continue;
      }
      PlanRow pr;
      pr.table = table_index;
      for (std::size_t c = 0; c < kColumns; ++c) {
        pr.cells[c] = resolved_cell(doc, t, r, plan.columns[c]);
      }
      std::size_t own_filled = 0;
      const Table::Cell* filled = nullptr;
      bool merged_text = false;
      bool printed = false;
      for (const Table::Cell& c : row.cells) {
        for (std::size_t p : c.paragraphs) {
          printed = printed || kit::is_printed_body(doc.paragraphs[p]);
        }
        if (c.merged_from_above) {
          merged_text = merged_text || !resolved_cell(doc, t, r, c.col).text.empty();
          continue;
        }
        if (!own_text(doc, c).empty()) {
          ++own_filled;
          filled = &c;
        }
      }
      if (!printed || own_filled == 0) {
        continue;  // a deleted or empty row
      }
      if (own_filled == 1 && !merged_text) {
        // "Single agency recommendations: Police" across the table.
        const std::string text = own_text(doc, *filled);
        const bool spans = filled->span > 1;
        const bool title = word_count(text) <= kSubheadingWords &&
                           !sections_.contains(text, "directive") && leading_number(text).empty();
        if (spans || title) {
          continue;
        }
      }
      const Table::Cell& first_cell = row.cells.front();
      pr.first_paragraph = first_cell.paragraphs.empty() ? kNoIndex : first_cell.paragraphs.front();
      if (plan.has(Column::kNumber)) {
        pr.number = leading_number(pr.cell(Column::kNumber).text);
      }
      if (pr.number.empty() && plan.has(Column::kRecommendation)) {
        pr.number = leading_number(pr.cell(Column::kRecommendation).text);
      }
      // Blank number and recommendation cells continue the row above.
      if (pr.number.empty() && pr.cell(Column::kRecommendation).text.empty() && !out.rows.empty() &&
          (out.rows.back().table == table_index ||
           (plan.continuation && out.rows.back().table + 1 == table_index))) {
        pr.number = out.rows.back().number;
        pr.carried = true;
        pr.cells[static_cast<std::size_t>(Column::kRecommendation)].text =
            out.rows.back().cell(Column::kRecommendation).text;
      }
      out.rows.push_back(std::move(pr));
    }
  }
}

void ActionPlanReader::read_recommendations(const Document& doc, DocumentAnalysis& analysis,
                                            ActionPlanReading& out) const {
  const std::vector<kit::NamedSection> sections =
      kit::find_named_sections(doc, sections_, "recommendations", "action-plan");
  const std::vector<kit::NamedSection> plan_sections =
      kit::find_named_sections(doc, sections_, "action-plan");
  out.has_recommendations_section = !sections.empty();
  std::set<const Table*> plan_tables;
  for (const PlanTable& t : out.tables) {
    plan_tables.insert(t.table);
  }
  // A recommendation goes by its place in the report's whole list and in
  // its own section's (an executive summary repeats the list; single-agency
  // and multi-agency sections may each start at 1).
  std::size_t ordinal = 0;
  std::size_t section_ordinal = 0;
  auto add = [&](std::size_t p, text::Range span, std::vector<std::string> numbers,
                 std::string text) {
    Recommendation rec;
    rec.paragraph = p;
    rec.span = span;
    numbers.push_back(std::to_string(++ordinal));
    numbers.push_back(std::to_string(++section_ordinal));
    numbers.erase(std::remove(numbers.begin(), numbers.end(), std::string()), numbers.end());
    std::sort(numbers.begin(), numbers.end());
    numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
    rec.numbers = std::move(numbers);
    rec.text = std::move(text);
    out.recommendations.push_back(std::move(rec));
  };

  for (const kit::NamedSection& s : sections) {
    section_ordinal = 0;
    const Paragraph& head = doc.paragraphs[s.heading];
    const text::Range hr = kit::heading_words(head);
    const bool mixed = sections_.contains(text::slice(head.text, hr.start, hr.end), "mixed");
    struct Item {
      std::size_t p;
      text::Range span;
      std::string explicit_number;
      std::vector<std::string> numbers;
      bool numbered;  // a report number or a list label
      bool weak;      // only a sub-item of a numbered recommendation
    };
    std::vector<Item> items;
    const Table* done_table = nullptr;
    for (std::size_t p = s.heading + 1; p < s.end; ++p) {
      const Paragraph& para = doc.paragraphs[p];
      if (!kit::is_report_text(para) || kit::is_heading(para)) {
        continue;
      }
      if (std::any_of(plan_sections.begin(), plan_sections.end(),
                      [&](const auto& ps) { return p >= ps.heading && p < ps.end; })) {
        continue;
      }
      if (para.table) {
        if (done_table != nullptr && para.table->table == done_table->number) {
          continue;  // a cell of the table just read
        }
        const Table* t = kit::table_of(doc, para);
        if (t == nullptr || t == done_table || plan_tables.count(t) || t->depth != 1) {
          continue;
        }
        done_table = t;
        // A table of recommendations: one a row, after a header row.
        for (std::size_t r = 0; r < t->rows.size(); ++r) {
          const Table::Row& row = t->rows[r];
          if (row.cells.empty() || row.cells.front().paragraphs.empty()) {
            continue;
          }
          const std::string first = own_text(doc, row.cells.front());
          const std::string whole = trimmed(kit::row_text(doc, *t, r));
          if (r == 0 && t->rows.size() > 1 &&
              (columns_.contains(first, "recommendation") || columns_.contains(first, "number"))) {
            continue;
          }
          if (whole.find_first_not_of(" |") == std::string::npos) {
            continue;
          }
          const std::size_t fp = row.cells.front().paragraphs.front();
          std::string number = leading_number(first);
          add(fp, kit::heading_words(doc.paragraphs[fp]), {number}, whole);
        }
        continue;
      }
      const text::Range r = kit::heading_words(para);
      if (r.start == r.end) {
        continue;
      }
      const std::string text = text::slice(para.text, r.start, r.end);
      const text::FoldedText& folded = analysis.folded(p);
      Item item{p, r, {}, {}, false, false};
      // "Recommendation 3:", "Rec 3", "R3" at the start.
      static const RE2 kExplicit(R"(^\s*(?:recommendations?|rec\.?)\s*(?:no\.?\s*)?\d)");
      static const RE2 kExplicitR(R"(^\s*R\s?\d{1,3}\b)");
      if (RE2::PartialMatch(
              std::string_view(folded.text).substr(kit::to_folded_span(folded, r).folded_begin),
              kExplicit) ||
          RE2::PartialMatch(text, kExplicitR)) {
        item.explicit_number = leading_number(text);
      }
      if (item.explicit_number.empty() && kit::is_typed_heading_line(para)) {
        continue;  // a sub-heading typed in the list ("Single agency")
      }
      if (item.explicit_number.empty() &&
          (sections_.contains(folded, "intro") || text.back() == ':')) {
        continue;
      }
      const bool directive = sections_.contains(folded, "directive");
      if (mixed && item.explicit_number.empty() && !directive) {
        // "Recommendation 3: The CSP should: (a) commission ...; (b) ...".
        if (!kit::is_list_item(para)) {
          continue;
        }
        item.weak = true;
      }
      if (para.is_report_number) {
        item.numbers.push_back(kit::own_report_number(para));
        item.numbered = true;
      } else if (!para.label.empty() && !para.label_is_bullet) {
        item.numbers.push_back(leading_number(para.label));
        item.numbered = true;
      } else if (kit::is_list_item(para)) {
        item.numbered = true;
      }
      if (!item.numbered && item.explicit_number.empty() && !directive) {
        continue;  // a paragraph of explanation between recommendations
      }
      items.push_back(std::move(item));
    }
    const bool explicit_numbers = std::any_of(
        items.begin(), items.end(), [](const Item& i) { return !i.explicit_number.empty(); });
    for (Item& item : items) {
      const std::string text =
          text::slice(doc.paragraphs[item.p].text, item.span.start, item.span.end);
      if (item.weak && !explicit_numbers) {
        continue;
      }
      if (explicit_numbers && item.explicit_number.empty()) {
        // A sub-item or a note of the recommendation before it.
        if (!out.recommendations.empty() && out.recommendations.back().paragraph < item.p &&
            out.recommendations.back().paragraph > s.heading) {
          out.recommendations.back().text += ' ' + text;
        }
        continue;
      }
      std::vector<std::string> numbers = std::move(item.numbers);
      numbers.push_back(item.explicit_number);
      add(item.p, item.span, std::move(numbers), text);
    }
  }
}

void ActionPlanReader::match(ActionPlanReading& out) const {
  out.recommendation_covered.assign(out.recommendations.size(), false);
  out.row_matched.assign(out.rows.size(), false);
  std::vector<std::vector<std::string>> words;  // of each recommendation
  words.reserve(out.recommendations.size());
  for (const Recommendation& rec : out.recommendations) {
    words.push_back(content_words(rec.text));
  }
  auto by_number = [&](std::size_t i, const std::string& number) {
    bool any = false;
    for (std::size_t j = 0; j < out.recommendations.size(); ++j) {
      const auto& numbers = out.recommendations[j].numbers;
      if (std::find(numbers.begin(), numbers.end(), number) != numbers.end()) {
        out.recommendation_covered[j] = true;
        any = true;
      }
    }
    out.row_matched[i] = out.row_matched[i] || any;
    return any;
  };
  for (std::size_t i = 0; i < out.rows.size(); ++i) {
    const PlanRow& row = out.rows[i];
    if (!row.number.empty()) {
      // "3.1", "3a": an action of recommendation 3.
      const std::size_t cut = row.number.find_first_not_of("0123456789");
      const bool numbered = by_number(i, row.number) || (cut != std::string::npos && cut > 0 &&
                                                         by_number(i, row.number.substr(0, cut)));
      // A row that only continues the one above may carry out another
      // recommendation: its wording says which.
      if (numbered && !row.carried) {
        continue;
      }
    }
    const std::vector<std::string> rec_words =
        content_words(row.cell(Column::kRecommendation).text);
    const std::vector<std::string> action_words = content_words(row.cell(Column::kAction).text);
    for (std::size_t j = 0; j < out.recommendations.size(); ++j) {
      if (wording_matches(rec_words, words[j]) || wording_matches(action_words, words[j])) {
        out.recommendation_covered[j] = true;
        out.row_matched[i] = true;
      }
    }
  }
}

}  // namespace dhrlint::action_plan
