// libFuzzer target: tools/fuzz.sh builds it with clang
// (-fsanitize=fuzzer,address,undefined) and runs it over the fixtures and the
// shared corpus as seeds, with tests/fuzz/ooxml.dict.
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_one.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  dhrlint::fuzz::run_one(data, size);
  return 0;
}
