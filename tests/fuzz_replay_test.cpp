// Replays every input under tests/fuzz/regressions/ (crashes, hangs and
// sanitizer reports the fuzzer found, minimised or generated; never a whole
// corpus file) through the fuzz entry point, so CI checks them with gcc and
// the sanitizers without clang. Each must end in a model or a clear error,
// with no rule throwing.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "fuzz/fuzz_one.hpp"

namespace fs = std::filesystem;

TEST_CASE("fuzz: every regression input ends in a model or a clear error") {
  const fs::path dir = fs::path(DHRLINT_SOURCE_DIR) / "tests" / "fuzz" / "regressions";
  std::vector<fs::path> inputs;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().filename() != "README.md") {
      inputs.push_back(entry.path());
    }
  }
  REQUIRE_FALSE(inputs.empty());
  for (const fs::path& input : inputs) {
    std::ifstream in(input, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CAPTURE(input.filename().string());
    const dhrlint::fuzz::Outcome out =
        dhrlint::fuzz::run_one(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    CHECK((out.read || !out.error_kind.empty() || bytes.empty()));
    CHECK(out.rule_failures == 0);
  }
}

TEST_CASE("fuzz: the entry point reads a part of a built package and lints it") {
  // Mode 1: the rest is word/document.xml of the base package.
  const std::string xml =
      "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
      "<w:body><w:p><w:r><w:t>Amira attended Bow Green Primary School.</w:t></w:r></w:p>"
      "</w:body></w:document>";
  std::string input(1, '\x01');
  input += xml;
  const dhrlint::fuzz::Outcome out =
      dhrlint::fuzz::run_one(reinterpret_cast<const std::uint8_t*>(input.data()), input.size());
  CHECK(out.mode == 1);
  CHECK(out.read);
  CHECK(out.findings >= 1);
  // Mode 0 with bytes that are no zip: a clear error.
  const std::string junk = std::string(1, '\0') + "not a zip at all";
  const dhrlint::fuzz::Outcome bad =
      dhrlint::fuzz::run_one(reinterpret_cast<const std::uint8_t*>(junk.data()), junk.size());
  CHECK_FALSE(bad.read);
  CHECK(bad.error_kind == "not-zip");
}
