// Hostile inputs whose cost once grew with the square of their size (found by
// a mutation run: the speed issue). Each must lint correctly in linear time;
// a quadratic return shows as a suite minutes longer, never as a flaky
// timing assertion.
#include <doctest/doctest.h>

#include <string>

#include "dhrlint/dhrlint.hpp"
#include "lint/engine/linter.hpp"
#include "support/fixture_docx.hpp"

namespace {

using dhrlint::testing::DocxParts;

std::string& part(DocxParts& parts, const std::string& name) {
  for (auto& [n, bytes] : parts) {
    if (n == name) {
      return bytes;
    }
  }
  FAIL("no part " << name);
  static std::string none;
  return none;
}

}  // namespace

TEST_CASE("hostile: a list level whose label repeats %3. thousands of times") {
  // 300 numbered paragraphs whose label is 1.1.1.1.1... 9,000 characters
  // long: incomplete/dangling-crossref once copied every dotted prefix of
  // every number into a set (300 such paragraphs: 45 s and 13 GB).
  std::string source = "H1 Introduction\nH2 Background\n";
  for (int i = 0; i < 300; ++i) {
    source += "P The panel met on " + std::to_string(i % 28 + 1) +
              " May (see paragraph 4.2 for its members).\n";
  }
  std::string error;
  DocxParts parts = dhrlint::testing::build_docx_parts(source, &error);
  REQUIRE_MESSAGE(!parts.empty(), error);
  std::string& numbering = part(parts, "word/numbering.xml");
  const std::string level = "<w:lvlText w:val=\"%1.%2.%3.\"/>";
  const std::size_t at = numbering.find(level);
  REQUIRE(at != std::string::npos);
  std::string repeated = "%1.%2.";
  for (int i = 0; i < 3000; ++i) {
    repeated += "%3.";
  }
  numbering.replace(at, level.size(), "<w:lvlText w:val=\"" + repeated + "\"/>");
  const std::string bytes = dhrlint::testing::zip_parts(parts, &error);
  REQUIRE_MESSAGE(!bytes.empty(), error);

  dhrlint::Result<dhrlint::Document> read = dhrlint::read_document_bytes(bytes, "long-labels.docx");
  REQUIRE(read.ok());
  const dhrlint::Document& doc = read.value();
  std::size_t long_labels = 0;
  for (const dhrlint::Paragraph& p : doc.paragraphs) {
    if (p.label.size() > 6000) {
      ++long_labels;
    }
  }
  CHECK(long_labels == 300);

  const dhrlint::Linter linter;
  std::vector<std::string> failures;
  const std::vector<dhrlint::Finding> findings =
      linter.lint_document(doc, linter.config(), &failures);
  CHECK(failures.empty());
  // Each paragraph points at paragraph 4.2, which this report does not
  // have (its numbers are 1.1.1.1..., 1.1.2.2.2..., ...): the rule still reads
  // every one.
  std::size_t dangling = 0;
  for (const dhrlint::Finding& f : findings) {
    if (f.rule == "incomplete/dangling-crossref") {
      ++dangling;
    }
  }
  CHECK(dangling == 300);
}

namespace {

// Zips `parts`, reads and lints the package: it must end in a model or a
// clear error, with no rule throwing. Returns whether a model was read.
bool reads_and_lints(const DocxParts& parts, std::string* error_kind = nullptr) {
  std::string error;
  const std::string bytes = dhrlint::testing::zip_parts(parts, &error);
  REQUIRE_MESSAGE(!bytes.empty(), error);
  dhrlint::Result<dhrlint::Document> read = dhrlint::read_document_bytes(bytes, "hostile.docx");
  if (!read.ok()) {
    CHECK_FALSE(read.error().message.empty());
    if (error_kind != nullptr) {
      *error_kind = std::string(dhrlint::error_kind_name(read.error().kind));
    }
    return false;
  }
  static const dhrlint::Linter kLinter;
  std::vector<std::string> failures;
  (void)kLinter.lint_document(read.value(), kLinter.config(), &failures);
  CHECK_MESSAGE(failures.empty(), failures.front());
  return true;
}

DocxParts base(const std::string& source) {
  std::string error;
  DocxParts parts = dhrlint::testing::build_docx_parts(source, &error);
  REQUIRE_MESSAGE(!parts.empty(), error);
  return parts;
}

const char* const kBody =
    "H1 Introduction\nH2 Family\nP The children attended the school.[^A note.]\n"
    "P The {comment:chair|Check} met the family.\n";

// `size` letters from a fixed pseudo-random sequence (carried in `state`), so
// that a part does not compress past the zip-bomb ratio and reaches the XML
// parser; with `word`, every word-th character is a space.
std::string pseudo_random_letters(std::size_t size, std::uint32_t& state, char first,
                                  std::size_t word = 0) {
  std::string out(size, ' ');
  for (std::size_t i = 0; i < size; ++i) {
    state = state * 1103515245u + 12345u;
    if (word == 0 || i % word != word - 1) {
      out[i] = static_cast<char>(first + (state >> 16) % 26);
    }
  }
  return out;
}

void replace_once(std::string& text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from);
  text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("hostile: entry names with ../ and absolute paths, and a zip bomb inside the zip") {
  DocxParts parts = base(kBody);
  parts.emplace_back("../../etc/evil.xml", "<x/>");
  parts.emplace_back("/absolute/evil.xml", "<x/>");
  // An embedded package that would inflate to 64 MiB: never a part the
  // reader reads, so it is never inflated.
  DocxParts bomb = {{"zeros.bin", std::string(64u << 20, '\0')}};
  std::string error;
  parts.emplace_back("word/embeddings/inner.docx", dhrlint::testing::zip_parts(bomb, &error));
  CHECK(reads_and_lints(parts));
}

TEST_CASE("hostile: % levels beyond 9 and a level text made only of %") {
  DocxParts parts = base(kBody);
  replace_once(part(parts, "word/numbering.xml"), "<w:lvlText w:val=\"%1.%2.%3.\"/>",
               "<w:lvlText w:val=\"%10.%0.%99%%%\"/>");
  CHECK(reads_and_lints(parts));
}

TEST_CASE("hostile: style and numbering reference loops") {
  DocxParts parts = base(kBody);
  std::string& styles = part(parts, "word/styles.xml");
  replace_once(styles, "</w:styles>",
               "<w:style w:type=\"paragraph\" w:styleId=\"LoopA\"><w:basedOn w:val=\"LoopB\"/>"
               "</w:style><w:style w:type=\"paragraph\" w:styleId=\"LoopB\"><w:basedOn "
               "w:val=\"LoopA\"/><w:pPr><w:numPr><w:numId w:val=\"77\"/></w:numPr></w:pPr>"
               "</w:style></w:styles>");
  replace_once(part(parts, "word/numbering.xml"), "</w:numbering>",
               "<w:abstractNum w:abstractNumId=\"77\"><w:numStyleLink w:val=\"LoopB\"/>"
               "</w:abstractNum><w:num w:numId=\"77\"><w:abstractNumId w:val=\"77\"/></w:num>"
               "</w:numbering>");
  replace_once(part(parts, "word/document.xml"), "<w:body>",
               "<w:body><w:p><w:pPr><w:pStyle w:val=\"LoopA\"/></w:pPr><w:r><w:t>Looped."
               "</w:t></w:r></w:p>");
  CHECK(reads_and_lints(parts));
}

TEST_CASE("hostile: a footnote reference to a missing note, a comment range that never closes") {
  DocxParts parts = base(kBody);
  replace_once(part(parts, "word/document.xml"), "<w:body>",
               "<w:body><w:p><w:commentRangeStart w:id=\"41\"/><w:r><w:t>Open range."
               "</w:t></w:r><w:r><w:footnoteReference w:id=\"999\"/></w:r></w:p>");
  CHECK(reads_and_lints(parts));
}

TEST_CASE("hostile: a 4 MiB attribute value") {
  std::uint32_t state = 12345;
  const std::string value = pseudo_random_letters(std::size_t{4} << 20, state, 'A');
  DocxParts parts = base(kBody);
  replace_once(part(parts, "word/document.xml"), "<w:body>",
               "<w:body><w:p><w:pPr><w:pStyle w:val=\"" + value +
                   "\"/></w:pPr><w:r><w:t>Long style name.</w:t></w:r></w:p>");
  CHECK(reads_and_lints(parts));
}

TEST_CASE("hostile: invalid UTF-8 in text") {
  DocxParts parts = base(kBody);
  replace_once(part(parts, "word/document.xml"), "<w:body>",
               "<w:body><w:p><w:r><w:t>Bad \xC3\x28 bytes \xFF\xFE here \xE2\x80.</w:t></w:r>"
               "</w:p>");
  std::string kind;
  // pugixml takes the bytes as they are; the end is a model (malformed bytes
  // read as U+FFFD) or a clear xml error, never a crash.
  if (!reads_and_lints(parts, &kind)) {
    CHECK(kind == "xml");
  }
}

TEST_CASE("hostile: more paragraphs than any report is refused, not read into memory") {
  // 50,001 empty paragraphs: 300 KB of XML that would cost over 50 MiB of
  // model; the reader stops at its cap and the file ends in a clear error.
  DocxParts parts = base(kBody);
  std::string many;
  many.reserve(std::size_t{50001} * 6);
  for (int i = 0; i < 50001; ++i) {
    many += "<w:p/>";
  }
  replace_once(part(parts, "word/document.xml"), "<w:body>", "<w:body>" + many);
  std::string kind;
  CHECK_FALSE(reads_and_lints(parts, &kind));
  CHECK(kind == "zip-bomb");
}

TEST_CASE("hostile: more text than any report is refused") {
  // 5 MiB of letters in 5 paragraphs (pseudo-random, so the part stays under
  // the compression ratio limit and reaches the reader).
  DocxParts parts = base(kBody);
  std::string paragraphs;
  std::uint32_t state = 777;
  for (int p = 0; p < 5; ++p) {
    paragraphs += "<w:p><w:r><w:t>" + pseudo_random_letters(std::size_t{1} << 20, state, 'a', 7) +
                  "</w:t></w:r></w:p>";
  }
  replace_once(part(parts, "word/document.xml"), "<w:body>", "<w:body>" + paragraphs);
  std::string error;
  const std::string bytes = dhrlint::testing::zip_parts(parts, &error);
  REQUIRE_MESSAGE(!bytes.empty(), error);
  const dhrlint::Result<dhrlint::Document> read = dhrlint::read_document_bytes(bytes, "long.docx");
  REQUIRE_FALSE(read.ok());
  CHECK(read.error().kind == dhrlint::ErrorKind::kZipBomb);
  CHECK(read.error().message.find("MiB of text") != std::string::npos);
}

TEST_CASE("hostile: bit-flipped and cut archives end in a model or a clear error") {
  // A real package with single bits flipped at 300 places spread over the
  // file, then cut at 60 lengths: every one reads (the flip hit data the
  // reader does not need, or a stored part) or fails with a named kind.
  const DocxParts parts = base(kBody);
  std::string error;
  const std::string good = dhrlint::testing::zip_parts(parts, &error);
  REQUIRE_MESSAGE(!good.empty(), error);
  static const dhrlint::Linter kLinter;
  std::size_t read_ok = 0;
  std::size_t failed = 0;
  auto check = [&](const std::string& bytes) {
    const dhrlint::Result<dhrlint::Document> read = dhrlint::read_document_bytes(bytes, "x.docx");
    if (!read.ok()) {
      CHECK_FALSE(read.error().message.empty());
      CHECK(std::string(dhrlint::error_kind_name(read.error().kind)) != "");
      ++failed;
      return;
    }
    std::vector<std::string> failures;
    (void)kLinter.lint_document(read.value(), kLinter.config(), &failures);
    CHECK(failures.empty());
    ++read_ok;
  };
  for (std::size_t k = 0; k < 300; ++k) {
    std::string bytes = good;
    const std::size_t at = (k * 7919) % bytes.size();
    bytes[at] = static_cast<char>(bytes[at] ^ (1 << (k % 8)));
    check(bytes);
  }
  for (std::size_t k = 1; k <= 60; ++k) {
    check(good.substr(0, good.size() * k / 61));
  }
  MESSAGE("bit flips and cuts: " << read_ok << " read, " << failed << " refused");
  CHECK(failed > 0);
  CHECK(read_ok + failed == 360);
}
