// dhrlint-bench-report OUT.docx: writes the benchmarks' synthetic 150-page
// overview report (bench/big_report.cpp) as a .docx, for the whole-process
// benchmark (tools/bench.sh).
#include <fstream>
#include <iostream>
#include <string>

#include "bench/big_report.hpp"
#include "support/fixture_docx.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: dhrlint-bench-report OUT.docx\n";
    return 2;
  }
  std::string error;
  const std::string bytes =
      dhrlint::testing::build_docx(dhrlint::bench::big_report_source(), &error);
  if (bytes.empty()) {
    std::cerr << error << "\n";
    return 1;
  }
  std::ofstream out(argv[1], std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return out ? 0 : 1;
}
