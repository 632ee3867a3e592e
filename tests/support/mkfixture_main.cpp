// dhrlint-mkfixture IN.dhr OUT.docx: builds a .docx from the compact fixture
// format, for the build (fixtures/sample/*.dhr) and for authors who want to
// open a fixture in Word or lint it with the CLI. It lives beside the generator
// in tests/support/ because the generator is test support first; the build
// excludes this file from the test binary's glob.
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>

#include "support/fixture_docx.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: dhrlint-mkfixture IN.dhr OUT.docx\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << argv[1] << ": cannot open\n";
    return 1;
  }
  std::string source((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::string error;
  std::string bytes = dhrlint::testing::build_docx(source, &error);
  if (bytes.empty()) {
    std::cerr << argv[1] << ": " << error << "\n";
    return 1;
  }
  // Write to a temporary name and rename, so a failed write never leaves a
  // truncated .docx that a later build step would take as up to date.
  std::string tmp = std::string(argv[2]) + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) {
      std::cerr << tmp << ": cannot write\n";
      return 1;
    }
  }
  if (std::rename(tmp.c_str(), argv[2]) != 0) {
    std::cerr << argv[2] << ": cannot rename from " << tmp << "\n";
    return 1;
  }
  return 0;
}
