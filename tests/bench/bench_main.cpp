// Benchmark: bare unzip-and-parse vs read_document vs a full lint, on one
// synthetic 150-page report (about 77,000 words, 1,000 numbered paragraphs,
// footnotes, tables, comments and tracked changes) built with the fixture
// generator. Compare the three in ONE run (these machines are noisy): the
// interesting figures are the ratios, printed as counters.
#include <benchmark/benchmark.h>

#include <sstream>
#include <string>

#include <pugixml.hpp>

#include "bench/big_report.hpp"
#include "dhrlint/dhrlint.hpp"
#include "lint/engine/linter.hpp"
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

}  // namespace

BENCHMARK(BM_UnzipAndParse)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_ReadDocument)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_FullLint)->Unit(benchmark::kMillisecond)->MinTime(2.0);

BENCHMARK_MAIN();
