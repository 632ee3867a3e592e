// The fuzz entry point, shared by the libFuzzer target (fuzz_main.cpp, built
// with clang by tools/fuzz.sh) and the ordinary test that replays the
// regression inputs under gcc and the sanitizers (tests/fuzz_replay_test.cpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace dhrlint::fuzz {

// One input through the whole path: zip, XML, model, numbering, every rule,
// every output. The first byte chooses how the rest is read:
//   0        the rest is the package itself (.docx bytes)
//   1 to 7   the rest is one XML part of an otherwise well-formed package
//            built around it (document, numbering, styles, footnotes,
//            comments, core properties, settings), so mutations reach the
//            reader and the rules instead of failing the zip's CRC
struct Outcome {
  int mode = 0;
  bool read = false;       // the package was read into a model
  std::string error_kind;  // when it was not: the contract's error_kind
  std::size_t findings = 0;
  std::size_t rule_failures = 0;  // rules that threw: always a bug
};
Outcome run_one(const std::uint8_t* data, std::size_t size);

// The package mode 1-7 builds around `xml` (exposed for the seed maker).
std::string package_around(int mode, const std::string& xml);

}  // namespace dhrlint::fuzz
