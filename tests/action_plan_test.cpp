// action-plan/* and equality/* on models built by hand, for what the .dhr
// fixture format cannot write: vertically merged cells (vMerge) in an action
// plan, read as the cell they continue. fixtures/rules/action-plan/*.dhr and
// fixtures/rules/equality/*.dhr run the rules on real .docx files.
#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "dhrlint/dhrlint.hpp"
#include "lint/engine/linter.hpp"
#include "rules/action_plan/common.hpp"
#include "rules/kit/kit.hpp"

namespace dhrlint {
namespace {

struct Builder {
  Document doc;
  Builder() {
    doc.path = "plan.docx";
    doc.main_part = "word/document.xml";
  }
  std::size_t add(std::string text, std::string section = {}, std::optional<int> heading = {}) {
    Paragraph p;
    p.part = doc.main_part;
    p.index = static_cast<std::uint32_t>(doc.paragraphs.size() + 1);
    p.text = std::move(text);
    p.section = std::move(section);
    p.heading_level = heading;
    if (!p.section.empty() && !heading) {
      p.label = p.section + ".";
      p.is_report_number = true;
    }
    doc.paragraphs.push_back(std::move(p));
    return doc.paragraphs.size() - 1;
  }
  // Rows of cells; a cell "^" continues the cell above (vMerge), with an
  // empty paragraph as Word writes it.
  void table(const std::vector<std::vector<std::string>>& rows, const std::string& section) {
    Table t;
    t.part = doc.main_part;
    t.number = static_cast<std::uint32_t>(doc.tables.size() + 1);
    for (std::size_t r = 0; r < rows.size(); ++r) {
      Table::Row row;
      row.header = r == 0;
      for (std::size_t c = 0; c < rows[r].size(); ++c) {
        const bool merged = rows[r][c] == "^";
        const std::size_t p = add(merged ? std::string() : rows[r][c], section);
        Paragraph& para = doc.paragraphs[p];
        para.label.clear();
        para.is_report_number = false;
        para.table =
            TableCoord{t.number, static_cast<std::uint32_t>(r), static_cast<std::uint32_t>(c), 1};
        if (t.anchor == kNoIndex) {
          t.anchor = p;
        }
        Table::Cell cell;
        cell.col = static_cast<std::uint32_t>(c);
        cell.merged_from_above = merged;
        cell.paragraphs.push_back(p);
        row.cells.push_back(cell);
      }
      t.rows.push_back(row);
    }
    doc.tables.push_back(t);
  }
};

std::vector<Finding> lint_category(const Document& doc, const std::string& prefix) {
  Config config;
  for (const auto& rule : make_all_rules()) {
    if (rule->info().id.rfind(prefix, 0) != 0) config.disabled_rules.push_back(rule->info().id);
  }
  return Linter(config).lint_document(doc);
}

std::vector<std::string> described(const Document& doc, const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const Finding& f : findings) {
    std::string text;
    if (f.location.paragraph) {
      const Paragraph* p = doc.find(f.location.part, *f.location.paragraph);
      text = p != nullptr ? p->text : "?";
    }
    out.push_back(f.rule + " [" + text + "]");
  }
  std::sort(out.begin(), out.end());
  return out;
}

Builder plan_with_merged_cells() {
  Builder b;
  b.add("Recommendations", "2", 1);
  b.add("The Metropolitan Police Service should ensure that officers speak to victims alone.",
        "2.1");
  b.add("All agencies should publicise the helpline in community languages.", "2.2");
  b.add("Action plan", "3", 1);
  b.add("The action plan is set out below.", "3.1");
  b.table({{"Recommendation", "Action", "Lead agency", "Target date", "Outcome"},
           {"1", "Brief officers on speaking to victims alone", "Metropolitan Police Service",
            "January 2026", "Victims are spoken to alone; a dip sample shows it"},
           {"^", "Deliver training on DASH to response officers", "^", "March 2026",
            "Training delivered"},
           {"2", "Publish the helpline in Bengali and Urdu", "", "April 2026",
            "More calls from women whose first language is not English, shown by helpline data"}},
          "3.1");
  return b;
}

}  // namespace

TEST_CASE("action-plan: a merged cell is read as the cell it continues") {
  const Builder b = plan_with_merged_cells();
  const action_plan::ActionPlanReading reading = [&] {
    static const SharedResources resources{text::Lexicon()};
    Config config;
    DocumentAnalysis analysis(b.doc, config, resources);
    return action_plan::ActionPlanReader::instance().read(b.doc, analysis);
  }();
  REQUIRE(reading.tables.size() == 1);
  REQUIRE(reading.rows.size() == 3);
  // The second row's recommendation and lead agency are those of the first.
  CHECK(reading.rows[1].number == "1");
  CHECK(reading.rows[1].cell(action_plan::Column::kLead).text == "Metropolitan Police Service");
  CHECK(reading.rows[2].cell(action_plan::Column::kLead).text.empty());
  REQUIRE(reading.recommendations.size() == 2);
  CHECK(reading.recommendation_covered == std::vector<bool>{true, true});
  CHECK(reading.row_matched == std::vector<bool>{true, true, true});
}

TEST_CASE("action-plan: findings on a plan with merged cells") {
  const Builder b = plan_with_merged_cells();
  const std::vector<Finding> findings = lint_category(b.doc, "action-plan/");
  CHECK(described(b.doc, findings) ==
        std::vector<std::string>{"action-plan/outcome-restates-action [Training delivered]",
                                 "action-plan/row-incomplete [2]"});
}

TEST_CASE("action-plan: recommendation numbers") {
  using action_plan::leading_number;
  CHECK(leading_number("1") == "1");
  CHECK(leading_number("R1") == "1");
  CHECK(leading_number("R 12: review") == "12");
  CHECK(leading_number("Rec 3") == "3");
  CHECK(leading_number("Rec. no. 4") == "4");
  CHECK(leading_number("Recommendation 5: The CSP should") == "5");
  CHECK(leading_number("3.2") == "3.2");
  CHECK(leading_number("(2)") == "2");
  CHECK(leading_number("1a") == "1a");
  CHECK(leading_number("Review the policy") == "");
  CHECK(leading_number("2024 audit") == "");
  CHECK(leading_number("Rebecca") == "");
}

TEST_CASE("action-plan and equality: every data file compiles") {
  for (const char* name :
       {"action-plan/sections.txt", "action-plan/columns.txt", "action-plan/values.txt",
        "equality/sections.txt", "equality/characteristics.txt", "kit/section-boundaries.txt"}) {
    kit::TermList list(name);
    CHECK_MESSAGE(list.ok(), (list.ok() ? std::string() : list.errors().front().to_string()));
  }
}

TEST_CASE("equality: characteristics are whole words") {
  kit::TermList list("equality/characteristics.txt");
  auto groups = [&](const char* text) {
    std::vector<std::string> out;
    for (const kit::TermMatch& m : list.find(text::fold(text))) out.push_back(m.group);
    return out;
  };
  CHECK(groups("see page 4; language usage").empty());
  CHECK(groups("sexual abuse by a relative").empty());
  CHECK(groups("a female relative") == std::vector<std::string>{"sex"});
  CHECK(groups("she was 34 years old") == std::vector<std::string>{"age"});
  CHECK(groups("gender identity was not relevant") ==
        std::vector<std::string>{"gender reassignment"});
  CHECK(groups("a same-sex relationship") == std::vector<std::string>{"sexual orientation"});
  CHECK(groups("she acted in good faith") == std::vector<std::string>{"none"});
  CHECK(groups("her mental health condition") == std::vector<std::string>{"disability"});
  CHECK(groups("her mental health").empty());
}

}  // namespace dhrlint
