// action-plan/row-incomplete: an action-plan row without a lead agency,
// target date or outcome.
#include "rules/action_plan/common.hpp"
#include "rules/kit/kit.hpp"

namespace dhrlint::action_plan {

namespace {

struct Field {
  Column column;
  std::string_view name;
};
constexpr std::array<Field, 3> kFields{{
    {Column::kLead, "lead agency"},
    {Column::kDate, "target date"},
    {Column::kOutcome, "outcome"},
}};

class RowIncompleteRule final : public Rule {
 public:
  const RuleInfo& info() const override { return info_; }

  void check(const Document& doc, RuleContext& ctx) const override {
    const ActionPlanReading& reading = ActionPlanReader::shared_reading(doc, ctx.analysis());
    const ActionPlanReader& reader = ActionPlanReader::instance();
    auto report_on = [&](std::size_t p, std::string message) -> Finding& {
      const Paragraph& para = doc.paragraphs[p];
      const text::Range r = kit::trim(para.text, {0, text::length(para.text)});
      return ctx.report(*this, p, r.start, r.end, std::move(message));
    };
    // A column the table does not have: once per table.
    for (const PlanTable& t : reading.tables) {
      if (t.continuation) {
        continue;
      }
      for (const Field& f : kFields) {
        if (!t.has(f.column)) {
          report_on(t.header_paragraph, "The action plan has no " + std::string(f.name) +
                                            " column; give each action its " + std::string(f.name));
        }
      }
    }
    for (const PlanRow& row : reading.rows) {
      if (row.first_paragraph == kNoIndex) {
        continue;
      }
      const PlanTable& t = reading.tables[row.table];
      for (const Field& f : kFields) {
        if (!t.has(f.column)) {
          continue;
        }
        const std::string& value = row.cell(f.column).text;
        const std::string rest = "; every action needs a lead agency, a target date and an outcome";
        if (reader.is_empty(value)) {
          report_on(row.first_paragraph, "Action-plan row has no " + std::string(f.name) + rest);
        } else if (f.column == Column::kDate && reader.sets_no_date(value)) {
          // The cell's words are the draft's: --redact and SARIF leave them out.
          report_on(row.first_paragraph,
                    "Action-plan row has no target date ('" + value + "')" + rest)
              .redacted_message = "Action-plan row has no target date" + rest;
        }
      }
    }
  }

 private:
  RuleInfo info_{
      "action-plan/row-incomplete",
      "An action-plan row has no lead agency, target date or outcome",
      "Reads each row of the action plan (see action-plan/missing for how it is found; rows of "
      "a table split over pages taken together, repeated header rows and sub-heading rows "
      "skipped, merged cells read as the cell they continue) and flags, once per missing field, "
      "a row whose Lead agency, Target date or Outcome cell is empty or holds only TBC, TBA, "
      "N/A, '-', '?', XX or '[...]', and a target date that sets no date ('Ongoing', 'ASAP', "
      "'Immediate'). Findings go on the first paragraph of the row's first cell. A plan without "
      "one of those columns gets one finding per missing column, on its header row.",
      "Published action plans give every action a Lead Agency and a Target Date and record the "
      "'Date of completion and outcome' (Bassetlaw DHR 'Sarah' Action Plan, 2023); the Home "
      "Office 'Multi-agency Statutory Guidance for the Conduct of Domestic Homicide Reviews' "
      "(2016), section 7, makes the action plan the record of how the recommendations will be "
      "carried out. An action nobody owns, with no date or no outcome, cannot be monitored.",
      "Fires: '| 2 | Review the case closure policy | TBC | Ongoing | |' (three findings: lead "
      "agency, target date, outcome).\n"
      "Does not fire: '| 2 | Review the case closure policy | Eastbridge Domestic Abuse Service "
      "| March 2026 | No case is closed after a withdrawal without a discussion with the "
      "victim; audit of 20 closures |'.",
      "Fill in the lead agency (one named organisation), a target date (month and year) and the "
      "outcome the action is meant to achieve for victims or practice.",
      Severity::kWarning};
};

}  // namespace

std::unique_ptr<Rule> make_row_incomplete_rule() { return std::make_unique<RowIncompleteRule>(); }

}  // namespace dhrlint::action_plan
