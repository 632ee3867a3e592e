// A report's recommendations and its action plan, read once per document
// and shared by the action-plan/* rules.
//
// The action plan is every table, in the body or an annex, whose header row
// names its columns (data/action-plan/columns.txt: Recommendation / Rec no,
// Action, Lead agency, Target date, Outcome), with the rows of a table split
// over pages (a repeated header row, or a second table with the same columns
// and no header right after the first) taken together and merged cells
// (vMerge) read as the cell they continue. The recommendations are the
// paragraphs (or table rows) under a "Recommendations" heading.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "dhrlint/document.hpp"
#include "rules/kit/kit.hpp"
#include "rules/kit/named_sections.hpp"

namespace dhrlint::action_plan {

// The columns an action plan is read by.
enum class Column : std::size_t { kNumber, kRecommendation, kAction, kLead, kDate, kOutcome };
inline constexpr std::size_t kColumns = 6;
inline constexpr std::uint32_t kNoColumn = static_cast<std::uint32_t>(-1);

struct PlanTable {
  const Table* table = nullptr;
  std::size_t header_row = 0;        // kNoIndex for a continuation without its own header
  std::size_t header_paragraph = 0;  // first paragraph of the header row's first cell
  std::array<std::uint32_t, kColumns> columns{};  // grid column of each Column, or kNoColumn
  bool continuation = false;  // continues the previous plan table (split over pages)
  bool has(Column c) const { return columns[static_cast<std::size_t>(c)] != kNoColumn; }
};

struct PlanCell {
  std::string text;
  std::size_t paragraph = kNoIndex;  // first paragraph of the cell (of the cell it continues)
};

struct PlanRow {
  std::size_t table = 0;                   // index into ActionPlanReading::tables
  std::size_t first_paragraph = kNoIndex;  // first paragraph of the row's first cell
  std::array<PlanCell, kColumns> cells;    // by Column; merged cells resolved
  std::string number;                      // the recommendation number, normalised ("3.2")
  bool carried = false;  // number and recommendation cells blank: those of the row above
  const PlanCell& cell(Column c) const { return cells[static_cast<std::size_t>(c)]; }
};

struct Recommendation {
  std::size_t paragraph = 0;
  text::Range span;                  // the recommendation's own text (code points)
  std::vector<std::string> numbers;  // numbers it goes by, normalised
  std::string text;                  // its text, with sub-items
};

struct ActionPlanReading {
  bool has_recommendations_section = false;
  bool separate_plan = false;  // the report says the plan is a document of its own
  std::vector<PlanTable> tables;
  std::vector<PlanRow> rows;
  std::vector<Recommendation> recommendations;
  std::vector<bool> recommendation_covered;  // by index of `recommendations`
  std::vector<bool> row_matched;             // by index of `rows`
};

class ActionPlanReader {
 public:
  ActionPlanReader();
  ActionPlanReading read(const Document& doc, DocumentAnalysis& analysis) const;
  static const ActionPlanReading& shared_reading(const Document& doc, DocumentAnalysis& analysis);

  // For the rules: whether a cell holds no answer, sets no date, reports a
  // process instead of an outcome, or names a change for victims or
  // practice (data/action-plan/values.txt).
  bool is_empty(std::string_view text) const;
  bool sets_no_date(std::string_view text) const;
  bool is_process(std::string_view text) const;
  bool names_change(std::string_view text) const;
  // The share of the outcome's content words that the action has (0..1),
  // and how many content words the outcome has.
  std::pair<double, std::size_t> outcome_overlap(std::string_view outcome,
                                                 std::string_view action) const;

  static const ActionPlanReader& instance();

 private:
  std::vector<std::string> content_words(std::string_view text) const;
  // Half or more of the content words of the shorter text (two at least)
  // are the other's (sorted word lists of content_words()).
  static bool wording_matches(const std::vector<std::string>& a, const std::vector<std::string>& b);
  void read_tables(const Document& doc, const std::vector<kit::NamedSection>& plan_sections,
                   ActionPlanReading& out) const;
  void read_recommendations(const Document& doc, DocumentAnalysis& analysis,
                            ActionPlanReading& out) const;
  void match(ActionPlanReading& out) const;

  kit::TermList sections_;
  kit::TermList columns_;
  kit::TermList values_;
  kit::Lazy<kit::TermSet> stopwords_;
};

// "Rec 3", "R3", "Recommendation 3:", "3." -> "3"; "" when the text does not
// start with a number.
std::string leading_number(std::string_view text);

}  // namespace dhrlint::action_plan
