// The synthetic overview report of the benchmarks, as .dhr source
// (fixtures/README.md).
#pragma once

#include <string>

namespace dhrlint::bench {

std::string big_report_source();

}  // namespace dhrlint::bench
