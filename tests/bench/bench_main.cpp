// Benchmark: the phases of a lint, in process, on one synthetic 150-page
// report (about 77,000 words, 1,000 numbered paragraphs, footnotes, tables,
// comments and tracked changes) built with the fixture generator:
//   UnzipAndParse   the floor: inflate and parse the parts with plain pugixml
//   ReadDocument    the reader: package, XML, model, styles, numbering labels
//   LinterStart     building every rule (what each run pays before reading)
//   Family/<cat>    one rule family over the read model, its analyses included
//   FullLint        read + every rule
//   RuleShares      every rule in run order over one shared analysis: each
//                   rule's own cost in a full run (counters, ms a document)
//   OutputJson      the JSON output of the full lint's findings
// Compare them in ONE run (these machines are noisy): the ratios matter.
#include <benchmark/benchmark.h>

#include <chrono>
#include <map>
#include <sstream>
#include <string>

#include <pugixml.hpp>

#include "bench/big_report.hpp"
#include "dhrlint/dhrlint.hpp"
#include "lint/engine/linter.hpp"
#include "lint/output/json.hpp"
#include "lint/package/package.hpp"
#include "support/fixture_docx.hpp"

namespace {

const std::string& big_report() {
  static const std::string bytes = [] {
    std::string err;
    std::string b = dhrlint::testing::build_docx(dhrlint::bench::big_report_source(), &err);
    if (b.empty()) std::abort();
    return b;
  }();
  return bytes;
}

// The floor: open the zip, inflate the parts a reader needs, parse each with
// plain pugixml. Nothing of dhrlint's own model building.
void BM_UnzipAndParse(benchmark::State& state) {
  const std::string& bytes = big_report();
  for (auto _ : state) {
    auto pkg = dhrlint::package::Package::open_bytes(bytes);
    if (!pkg.ok()) state.SkipWithError("open failed");
    auto& p = pkg.value();
    std::string main = p.main_part().value();
    std::size_t nodes = 0;
    auto parse = [&](const std::string& part) {
      auto data = p.read_part(part);
      if (!data.ok()) return;
      pugi::xml_document d;
      d.load_buffer(data.value().data(), data.value().size());
      nodes += static_cast<std::size_t>(d.first_child() ? 1 : 0);
    };
    parse(main);
    for (const auto& rel : p.relationships(main)) {
      if (!rel.external && rel.target.size() > 4 &&
          rel.target.compare(rel.target.size() - 4, 4, ".xml") == 0) {
        parse(rel.target);
      }
    }
    for (const auto& rel : p.relationships("")) {
      if (!rel.external && rel.target != main) parse(rel.target);
    }
    benchmark::DoNotOptimize(nodes);
  }
  state.counters["bytes"] = static_cast<double>(bytes.size());
}

void BM_ReadDocument(benchmark::State& state) {
  const std::string& bytes = big_report();
  std::size_t paragraphs = 0;
  for (auto _ : state) {
    auto doc = dhrlint::read_document_bytes(bytes, "big.docx");
    if (!doc.ok()) state.SkipWithError("read failed");
    paragraphs = doc.value().paragraphs.size();
    benchmark::DoNotOptimize(paragraphs);
  }
  state.counters["paragraphs"] = static_cast<double>(paragraphs);
}

void BM_FullLint(benchmark::State& state) {
  const std::string& bytes = big_report();
  dhrlint::Linter linter;  // all rules; shared resources (lexicon) loaded once, as in the CLI
  std::size_t findings = 0;
  for (auto _ : state) {
    auto doc = dhrlint::read_document_bytes(bytes, "big.docx");
    if (!doc.ok()) state.SkipWithError("read failed");
    findings = linter.lint_document(doc.value()).size();
    benchmark::DoNotOptimize(findings);
  }
  state.counters["findings"] = static_cast<double>(findings);
}

void BM_LinterStart(benchmark::State& state) {
  for (auto _ : state) {
    dhrlint::Linter linter;
    benchmark::DoNotOptimize(linter.rules().size());
  }
}

// One family ("hba/*") or rule: the model is read once; each iteration builds
// the per-document analysis afresh, as a run does, with every other rule
// switched off.
void BM_Selected(benchmark::State& state, const std::string& selected) {
  const auto doc = dhrlint::read_document_bytes(big_report(), "big.docx");
  if (!doc.ok()) {
    state.SkipWithError("read failed");
    return;
  }
  const dhrlint::Linter linter;
  dhrlint::Config config;
  for (const std::unique_ptr<dhrlint::Rule>& rule : linter.rules()) {
    const std::string& id = rule->info().id;
    if (!dhrlint::rule_pattern_matches(selected, id)) config.disabled_rules.push_back(id);
  }
  linter.lint_document(doc.value(), config);  // patterns compiled once per process, as in a run
  std::size_t findings = 0;
  for (auto _ : state) {
    findings = linter.lint_document(doc.value(), config).size();
    benchmark::DoNotOptimize(findings);
  }
  state.counters["findings"] = static_cast<double>(findings);
}

void BM_RuleShares(benchmark::State& state) {
  const auto doc = dhrlint::read_document_bytes(big_report(), "big.docx");
  if (!doc.ok()) {
    state.SkipWithError("read failed");
    return;
  }
  const std::vector<std::unique_ptr<dhrlint::Rule>> rules = dhrlint::make_all_rules();
  const dhrlint::SharedResources shared;
  const dhrlint::Config config;
  std::map<std::string, double> seconds;
  std::int64_t runs = 0;
  for (auto _ : state) {
    dhrlint::DocumentAnalysis analysis(doc.value(), config, shared);
    dhrlint::RuleContext ctx(doc.value(), config, analysis);
    for (const auto& rule : rules) {
      const auto t0 = std::chrono::steady_clock::now();
      rule->check(doc.value(), ctx);
      seconds[rule->info().id] +=
          std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      benchmark::DoNotOptimize(ctx.take_findings().size());
    }
    ++runs;
  }
  for (const auto& [id, total] : seconds) {
    state.counters[id] = total * 1000.0 / static_cast<double>(runs);
  }
}

void BM_OutputJson(benchmark::State& state) {
  dhrlint::Linter linter;
  std::vector<dhrlint::FileResult> results(1);
  auto doc = dhrlint::read_document_bytes(big_report(), "big.docx");
  if (!doc.ok()) {
    state.SkipWithError("read failed");
    return;
  }
  results[0].path = "big.docx";
  results[0].findings = linter.lint_document(doc.value());
  results[0].document = std::make_shared<dhrlint::Document>(std::move(doc).value());
  results[0].config = linter.shared_config();
  std::size_t size = 0;
  for (auto _ : state) {
    size = dhrlint::format_json(results).size();
    benchmark::DoNotOptimize(size);
  }
  state.counters["bytes"] = static_cast<double>(size);
}

}  // namespace

BENCHMARK(BM_UnzipAndParse)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK(BM_ReadDocument)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK(BM_LinterStart)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK(BM_FullLint)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK(BM_RuleShares)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_OutputJson)->Unit(benchmark::kMillisecond)->MinTime(1.0);

int main(int argc, char** argv) {
  for (std::string_view category : dhrlint::registered_categories()) {
    benchmark::RegisterBenchmark(("BM_Family/" + std::string(category)).c_str(), BM_Selected,
                                 std::string(category) + "/*")
        ->Unit(benchmark::kMillisecond)
        ->MinTime(1.0);
  }
  // Each rule alone (its share of the family's analyses included): where a
  // family's time goes. Filter with --benchmark_filter=BM_Rule.
  for (const std::unique_ptr<dhrlint::Rule>& rule : dhrlint::make_all_rules()) {
    const std::string& id = rule->info().id;
    benchmark::RegisterBenchmark(("BM_Rule/" + id).c_str(), BM_Selected, id)
        ->Unit(benchmark::kMillisecond)
        ->MinTime(0.3);
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
