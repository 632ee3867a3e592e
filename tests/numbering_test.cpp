// The numbering engine, one case per feature of issue 2 item 4: unit cases on
// inline XML, and the fixtures/ooxml/numbering-*/ folders (each with an
// `expected` file whose labels come from the spec, [MS-OI29500] and the corpus
// files that state Word's labels, never from dhrlint's output). The fixtures
// are checked twice: with a small test-local walker that drives
// NumberingResolver directly, and through dhrlint::read_document on the .docx
// the build zips.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "dhrlint/dhrlint.hpp"
#include "lint/ooxml/numbering.hpp"
#include "lint/ooxml/numfmt.hpp"
#include "lint/ooxml/styles.hpp"
#include "lint/ooxml/xml.hpp"

namespace {

namespace fs = std::filesystem;
using dhrlint::ooxml::NumberingRequest;
using dhrlint::ooxml::NumberingResolver;
using dhrlint::ooxml::StyleSheet;
using dhrlint::ooxml::XmlDoc;

constexpr const char* kWordNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

XmlDoc parse(const std::string& xml, const char* part) {
  auto doc = dhrlint::ooxml::load_part_xml(xml, part);
  REQUIRE_MESSAGE(doc.ok(), part);
  return std::move(doc).value();
}

XmlDoc numbering_xml(const std::string& body) {
  return parse(std::string("<w:numbering xmlns:w=\"") + kWordNs + "\">" + body + "</w:numbering>",
               "word/numbering.xml");
}

XmlDoc styles_xml(const std::string& body) {
  return parse(std::string("<w:styles xmlns:w=\"") + kWordNs + "\">" + body + "</w:styles>",
               "word/styles.xml");
}

std::string lvl(int ilvl, const std::string& fmt, const std::string& text,
                const std::string& extra = "<w:start w:val=\"1\"/>") {
  return "<w:lvl w:ilvl=\"" + std::to_string(ilvl) + "\">" + extra + "<w:numFmt w:val=\"" + fmt +
         "\"/><w:lvlText w:val=\"" + text + "\"/></w:lvl>";
}

std::string abstract_num(int id, const std::string& levels) {
  return "<w:abstractNum w:abstractNumId=\"" + std::to_string(id) + "\">" + levels +
         "</w:abstractNum>";
}

std::string num(int id, int abstract_id, const std::string& overrides = "") {
  return "<w:num w:numId=\"" + std::to_string(id) + "\"><w:abstractNumId w:val=\"" +
         std::to_string(abstract_id) + "\"/>" + overrides + "</w:num>";
}

NumberingRequest direct(int num_id, int ilvl) {
  NumberingRequest req;
  req.direct_num_id = num_id;
  req.direct_ilvl = ilvl;
  return req;
}

// Labels of a run of paragraphs; "-" for a paragraph that is not numbered.
std::vector<std::string> labels(NumberingResolver& resolver,
                                const std::vector<NumberingRequest>& requests) {
  std::vector<std::string> out;
  for (const NumberingRequest& req : requests) {
    auto label = resolver.next(req);
    out.push_back(label ? label->text : "-");
  }
  return out;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// `expected`: "# " lines say where the labels come from; every other line is
// one label, in order.
std::vector<std::string> expected_labels(const fs::path& dir) {
  std::istringstream in(read_file(dir / "expected"));
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("#", 0) == 0) continue;
    out.push_back(line);
  }
  return out;
}

// Test-local walker: every w:p of the body in document order (fixtures have
// no text boxes), with its direct numPr (never the one inside w:pPrChange)
// and its style, driven through the resolver.
std::vector<std::string> walk_fixture(const fs::path& dir, std::vector<std::string>* warnings) {
  XmlDoc document = parse(read_file(dir / "word" / "document.xml"), "word/document.xml");
  XmlDoc styles;
  XmlDoc numbering;
  if (fs::exists(dir / "word" / "styles.xml")) {
    styles = parse(read_file(dir / "word" / "styles.xml"), "word/styles.xml");
  }
  if (fs::exists(dir / "word" / "numbering.xml")) {
    numbering = parse(read_file(dir / "word" / "numbering.xml"), "word/numbering.xml");
  }
  StyleSheet sheet(styles.get());
  NumberingResolver resolver(numbering.get(), sheet);
  std::vector<std::string> out;
  pugi::xpath_node_set paragraphs = document->select_nodes("//w:body//w:p");
  for (const pugi::xpath_node& node : paragraphs) {
    pugi::xml_node ppr = node.node().child("w:pPr");
    std::string style = ppr.child("w:pStyle").attribute("w:val").value();
    if (style.empty() && sheet.default_paragraph_style() != nullptr) {
      style = sheet.default_paragraph_style()->id;
    }
    NumberingRequest req;
    req.style_id = style;
    pugi::xml_node num_pr = ppr.child("w:numPr");
    if (pugi::xml_node id = num_pr.child("w:numId"))
      req.direct_num_id = id.attribute("w:val").as_int();
    if (pugi::xml_node il = num_pr.child("w:ilvl"))
      req.direct_ilvl = il.attribute("w:val").as_int();
    if (auto label = resolver.next(req)) out.push_back(label->text);
  }
  if (warnings != nullptr) *warnings = resolver.warnings();
  return out;
}

// One string so a failing CHECK shows both sides.
std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += "[" + item + "]";
  return out;
}

std::vector<fs::path> numbering_fixtures() {
  std::vector<fs::path> dirs;
  fs::path root = fs::path(DHRLINT_SOURCE_DIR) / "fixtures" / "ooxml";
  for (const auto& entry : fs::directory_iterator(root)) {
    if (entry.is_directory() && entry.path().filename().string().rfind("numbering-", 0) == 0) {
      dirs.push_back(entry.path());
    }
  }
  std::sort(dirs.begin(), dirs.end());
  return dirs;
}

}  // namespace

TEST_CASE("numbering: number formats") {
  using dhrlint::ooxml::format_number;
  CHECK(format_number(7, "decimal") == "7");
  CHECK(format_number(7, "decimalZero") == "07");
  CHECK(format_number(12, "decimalZero") == "12");
  CHECK(format_number(1, "upperLetter") == "A");
  CHECK(format_number(26, "upperLetter") == "Z");
  CHECK(format_number(27, "upperLetter") == "AA");
  CHECK(format_number(28, "lowerLetter") == "bb");
  CHECK(format_number(4, "upperRoman") == "IV");
  CHECK(format_number(1994, "lowerRoman") == "mcmxciv");
  CHECK(format_number(1, "ordinal") == "1st");
  CHECK(format_number(12, "ordinal") == "12th");
  CHECK(format_number(23, "ordinal") == "23rd");
  CHECK(format_number(1, "cardinalText") == "One");
  CHECK(format_number(21, "cardinalText") == "Twenty-one");
  CHECK(format_number(105, "cardinalText") == "One hundred and five");
  CHECK(format_number(2, "ordinalText") == "Second");
  CHECK(format_number(40, "ordinalText") == "Fortieth");
  CHECK(format_number(6, "chineseCounting") == "六");
  CHECK(format_number(10, "chineseCounting") == "十");
  CHECK(format_number(11, "chineseCounting") == "十一");
  CHECK(format_number(25, "chineseCounting") == "二十五");
  CHECK(format_number(105, "chineseCounting") == "一百零五");
  CHECK(format_number(110, "chineseCounting") == "一百一十");
  CHECK(format_number(100, "japaneseCounting") == "百");
  CHECK(format_number(3, "ideographTraditional") == "丙");
  CHECK(format_number(3, "decimalEnclosedCircle") == "③");
  CHECK(format_number(21, "decimalEnclosedCircle") == "㉑");
  CHECK(format_number(5, "none").empty());
  CHECK(format_number(5, "bullet").empty());
  CHECK(format_number(5, "hebrew2") == "5");  // not modelled: decimal
  CHECK(format_number(7, "custom", "001, 002, 003, ...") == "007");
  CHECK(format_number(3, "custom", "α, β, γ, ...") == "γ");
  // Huge values never produce huge labels.
  CHECK(format_number(1000000000, "upperRoman") == "1000000000");
  CHECK(format_number(1000000000, "lowerLetter") == "1000000000");
  CHECK(format_number(1000000000, "cardinalText").size() < 200);
}

TEST_CASE("numbering: symbol-font bullets map to Unicode") {
  using dhrlint::ooxml::map_symbol_font;
  CHECK(map_symbol_font("\xEF\x82\xB7", "Symbol") == "•");     // U+F0B7
  CHECK(map_symbol_font("\xEF\x82\xA7", "Wingdings") == "▪");  // U+F0A7
  CHECK(map_symbol_font("\xEF\x83\x98", "Wingdings") == "➢");  // U+F0D8
  CHECK(map_symbol_font("\xEF\x82\xB7", "") == "•");
  CHECK(map_symbol_font("o", "Courier New") == "◦");
  CHECK(map_symbol_font("-", "Arial") == "-");
  CHECK(map_symbol_font("\xC2\xA7", "Wingdings") == "▪");  // U+00A7 in Wingdings
  // Number labels keep their letters, whatever the label font.
  CHECK(map_symbol_font("o", "Courier New", /*bullet=*/false) == "o");
  CHECK(map_symbol_font("a.", "Symbol", /*bullet=*/false) == "a.");
  CHECK(map_symbol_font("\xEF\x82\xB7 1", "Symbol", /*bullet=*/false) == "• 1");
}

TEST_CASE("numbering: maps are built before resolving, in any order") {
  auto xml = numbering_xml(num(2, 7) + num(1, 3) + abstract_num(7, lvl(0, "upperRoman", "%1.")) +
                           abstract_num(3, lvl(0, "decimal", "%1)")));
  StyleSheet sheet;
  NumberingResolver resolver(xml.get(), sheet);
  CHECK(labels(resolver, {direct(2, 0), direct(1, 0), direct(2, 0)}) ==
        std::vector<std::string>{"I.", "1)", "II."});
  CHECK(resolver.effective(direct(1, 0)) == std::make_pair(1, 0));
}

TEST_CASE("numbering: counters are shared by nums on one abstractNum; startOverride applies once") {
  auto xml = numbering_xml(
      abstract_num(0, lvl(0, "decimal", "%1)")) + num(1, 0) +
      num(2, 0, "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"10\"/></w:lvlOverride>"));
  StyleSheet sheet;
  NumberingResolver resolver(xml.get(), sheet);
  CHECK(labels(resolver, {direct(1, 0), direct(1, 0), direct(2, 0), direct(2, 0), direct(1, 0),
                          direct(2, 0)}) ==
        std::vector<std::string>{"1)", "2)", "10)", "11)", "12)", "13)"});
  resolver.reset_counters();
  CHECK(labels(resolver, {direct(2, 0), direct(1, 0)}) == std::vector<std::string>{"10)", "11)"});
}

TEST_CASE("numbering: an override w:lvl changes the format, not the count") {
  auto xml = numbering_xml(
      abstract_num(0, lvl(0, "decimal", "%1")) + num(19, 0) +
      num(22, 0,
          "<w:lvlOverride w:ilvl=\"0\">" +
              lvl(0, "upperLetter", "%1", "<w:start w:val=\"1\"/><w:lvlRestart w:val=\"0\"/>") +
              "</w:lvlOverride>"));
  StyleSheet sheet;
  NumberingResolver resolver(xml.get(), sheet);
  CHECK(labels(resolver, {direct(19, 0), direct(22, 0), direct(22, 0), direct(19, 0)}) ==
        std::vector<std::string>{"1", "B", "C", "4"});
}

TEST_CASE("numbering: w:start defaults to 0; lvlText null and empty give empty labels") {
  auto xml = numbering_xml(
      abstract_num(0,
                   "<w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"decimal\"/><w:lvlText "
                   "w:val=\"%1.\"/></w:lvl>" +
                       std::string("<w:lvl w:ilvl=\"1\"><w:numFmt w:val=\"decimal\"/>"
                                   "<w:lvlText w:val=\"%2\" w:null=\"1\"/></w:lvl>")) +
      num(1, 0));
  StyleSheet sheet;
  NumberingResolver resolver(xml.get(), sheet);
  auto first = resolver.next(direct(1, 0));
  REQUIRE(first);
  CHECK(first->text == "0.");
  auto nulled = resolver.next(direct(1, 1));
  REQUIRE(nulled);  // still numbered
  CHECK(nulled->text.empty());
}

TEST_CASE("numbering: Word's lvlRestart rule") {
  std::string levels =
      lvl(0, "decimal", "%1.") + lvl(1, "lowerLetter", "%2.") +
      lvl(2, "lowerRoman", "%3.", "<w:start w:val=\"1\"/><w:lvlRestart w:val=\"2\"/>") +
      lvl(3, "decimal", "%4)", "<w:start w:val=\"1\"/><w:lvlRestart w:val=\"0\"/>") +
      lvl(4, "decimal", "<%5>", "<w:start w:val=\"1\"/><w:lvlRestart w:val=\"7\"/>");
  auto xml = numbering_xml(abstract_num(0, levels) + num(1, 0));
  StyleSheet sheet;
  NumberingResolver resolver(xml.get(), sheet);
  // ilvl 2 restarts after ilvl 1 (named) and after ilvl 0 (higher: Word, not
  // the standard's text); ilvl 3 never; ilvl 4's 7 names a deeper level and
  // means "any higher level".
  CHECK(labels(resolver, {direct(1, 0), direct(1, 1), direct(1, 2), direct(1, 2), direct(1, 0),
                          direct(1, 2), direct(1, 3), direct(1, 1), direct(1, 3), direct(1, 4),
                          direct(1, 3), direct(1, 4)}) ==
        std::vector<std::string>{"1.", "a.", "i.", "ii.", "2.", "i.", "1)", "a.", "2)", "<1>", "3)",
                                 "<1>"});
}

TEST_CASE("numbering: lvlRestart inside an override w:lvl is ignored") {
  auto xml = numbering_xml(
      abstract_num(0, lvl(0, "decimal", "%1.") + lvl(1, "decimal", "%1.%2")) +
      num(1, 0,
          "<w:lvlOverride w:ilvl=\"1\">" +
              lvl(1, "decimal", "%1-%2", "<w:start w:val=\"1\"/><w:lvlRestart w:val=\"0\"/>") +
              "</w:lvlOverride>"));
  StyleSheet sheet;
  NumberingResolver resolver(xml.get(), sheet);
  CHECK(labels(resolver, {direct(1, 0), direct(1, 1), direct(1, 1), direct(1, 0), direct(1, 1)}) ==
        std::vector<std::string>{"1.", "1-1", "1-2", "2.", "2-1"});
}

TEST_CASE("numbering: each %n uses its own level's numFmt; isLgl makes them decimal") {
  std::string levels = lvl(0, "upperRoman", "Article %1.") +
                       lvl(1, "decimalZero", "Section %1.%2") +
                       lvl(2, "lowerLetter", "%1.%2.%3", "<w:start w:val=\"1\"/><w:isLgl/>");
  auto xml = numbering_xml(abstract_num(0, levels) + num(1, 0));
  StyleSheet sheet;
  NumberingResolver resolver(xml.get(), sheet);
  CHECK(labels(resolver, {direct(1, 0), direct(1, 1), direct(1, 2), direct(1, 1)}) ==
        std::vector<std::string>{"Article I.", "Section I.01", "1.01.1", "Section I.02"});
}

TEST_CASE("numbering: %n of deeper levels prints nothing, unused higher levels their start") {
  std::string levels = lvl(0, "decimal", "%1.", "<w:start w:val=\"3\"/>") +
                       lvl(1, "decimal", "%1.%2.%3") + lvl(2, "decimal", "%1.%2.%3");
  auto xml = numbering_xml(abstract_num(0, levels) + num(1, 0));
  StyleSheet sheet;
  NumberingResolver resolver(xml.get(), sheet);
  CHECK(labels(resolver, {direct(1, 2), direct(1, 1)}) ==
        std::vector<std::string>{"3.1.1", "3.1."});
}

TEST_CASE("numbering: bullets show lvlText literally with symbol fonts mapped; suffix") {
  auto xml =
      numbering_xml(abstract_num(0,
                                 "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt "
                                 "w:val=\"bullet\"/><w:suff w:val=\"space\"/><w:lvlText "
                                 "w:val=\"\xEF\x82\xB7\"/><w:rPr><w:rFonts w:ascii=\"Symbol\" "
                                 "w:hAnsi=\"Symbol\"/></w:rPr></w:lvl>" +
                                     lvl(1, "bullet", "%1-") + lvl(2, "decimal", "%3.") +
                                     "<w:lvl w:ilvl=\"3\"><w:start w:val=\"15\"/><w:numFmt "
                                     "w:val=\"lowerLetter\"/><w:lvlText w:val=\"%4\"/><w:rPr>"
                                     "<w:rFonts w:ascii=\"Courier New\"/></w:rPr></w:lvl>") +
                    num(1, 0));
  StyleSheet sheet;
  NumberingResolver resolver(xml.get(), sheet);
  auto bullet = resolver.next(direct(1, 0));
  REQUIRE(bullet);
  CHECK(bullet->text == "•");
  CHECK(bullet->bullet);
  CHECK(bullet->suffix == " ");
  auto literal = resolver.next(direct(1, 1));
  REQUIRE(literal);
  CHECK(literal->text == "%1-");  // [MS-OI29500]: %x is not expanded in a bullet
  auto numbered = resolver.next(direct(1, 2));
  REQUIRE(numbered);
  CHECK_FALSE(numbered->bullet);
  CHECK(numbered->suffix == "\t");
  auto letter = resolver.next(direct(1, 3));
  REQUIRE(letter);
  CHECK(letter->text == "o");  // the letter o, not Courier New's hollow bullet
}

TEST_CASE("numbering: through styles, numId 0, level pStyle, separate numId and ilvl") {
  auto styles = styles_xml(
      "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name "
      "w:val=\"Normal\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"H1\"><w:name w:val=\"heading 1\"/>"
      "<w:pPr><w:numPr><w:numId w:val=\"5\"/></w:numPr></w:pPr></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"H2\"><w:name w:val=\"heading 2\"/>"
      "<w:pPr><w:numPr><w:numId w:val=\"5\"/></w:numPr></w:pPr></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"H2Child\"><w:name w:val=\"H2 child\"/>"
      "<w:basedOn w:val=\"H2\"/></w:style>");
  auto xml = numbering_xml(
      abstract_num(
          0, lvl(0, "decimal", "%1", "<w:start w:val=\"1\"/><w:pStyle w:val=\"H1\"/>") +
                 lvl(1, "decimal", "%1.%2", "<w:start w:val=\"1\"/><w:pStyle w:val=\"H2\"/>")) +
      num(5, 0) + abstract_num(1, lvl(0, "lowerLetter", "(%1)")) + num(6, 1));
  StyleSheet sheet(styles.get());
  NumberingResolver resolver(xml.get(), sheet);
  auto styled = [](const char* style) {
    NumberingRequest req;
    req.style_id = style;
    return req;
  };
  NumberingRequest off = styled("H2");
  off.direct_num_id = 0;
  NumberingRequest direct_wins = styled("H1");
  direct_wins.direct_num_id = 6;
  NumberingRequest ilvl_only = styled("H1");
  ilvl_only.direct_ilvl = 1;
  CHECK(labels(resolver, {styled("H1"), styled("H2"), styled("H2Child"), off, direct_wins,
                          ilvl_only, styled("Normal")}) ==
        std::vector<std::string>{"1", "1.1", "1.2", "-", "(a)", "1.3", "-"});
  CHECK_FALSE(resolver.effective(off).has_value());
  CHECK(resolver.effective(styled("H2")) == std::make_pair(5, 1));
}

TEST_CASE("numbering: numStyleLink follows the numbering style to its list, loops terminate") {
  auto styles = styles_xml(
      "<w:style w:type=\"numbering\" w:styleId=\"Outline\"><w:name w:val=\"Outline\"/>"
      "<w:pPr><w:numPr><w:numId w:val=\"2\"/></w:numPr></w:pPr></w:style>"
      "<w:style w:type=\"numbering\" w:styleId=\"LoopA\"><w:name w:val=\"LoopA\"/>"
      "<w:pPr><w:numPr><w:numId w:val=\"4\"/></w:numPr></w:pPr></w:style>"
      "<w:style w:type=\"numbering\" w:styleId=\"LoopB\"><w:name w:val=\"LoopB\"/>"
      "<w:pPr><w:numPr><w:numId w:val=\"3\"/></w:numPr></w:pPr></w:style>"
      "<w:style w:type=\"numbering\" w:styleId=\"Orphan\"><w:name w:val=\"Orphan\"/></w:style>");
  auto xml = numbering_xml(
      "<w:abstractNum w:abstractNumId=\"1\"><w:numStyleLink w:val=\"Outline\"/></w:abstractNum>" +
      abstract_num(2, "<w:styleLink w:val=\"Outline\"/>" + lvl(0, "upperLetter", "%1.")) +
      "<w:abstractNum w:abstractNumId=\"3\"><w:numStyleLink w:val=\"LoopA\"/></w:abstractNum>"
      "<w:abstractNum w:abstractNumId=\"4\"><w:numStyleLink w:val=\"LoopB\"/></w:abstractNum>"
      "<w:abstractNum w:abstractNumId=\"5\"><w:numStyleLink w:val=\"Orphan\"/></w:abstractNum>" +
      abstract_num(6, "<w:styleLink w:val=\"Orphan\"/>" + lvl(0, "lowerRoman", "%1)")) + num(1, 1) +
      num(2, 2) + num(3, 3) + num(4, 4) + num(5, 5));
  StyleSheet sheet(styles.get());
  NumberingResolver resolver(xml.get(), sheet);
  CHECK(labels(resolver, {direct(1, 0), direct(1, 0), direct(3, 0), direct(4, 0), direct(5, 0)}) ==
        std::vector<std::string>{"A.", "B.", "-", "-", "i)"});
  CHECK_FALSE(resolver.warnings().empty());
}

TEST_CASE("numbering: bad references and out-of-range values are not numbered or clamped") {
  auto xml = numbering_xml(
      abstract_num(0, lvl(0, "decimal", "%1.") + lvl(8, "lowerRoman", "%9.")) + num(1, 0) +
      num(2, 77) + "<w:num w:numId=\"3\"></w:num>" +
      num(4, 0, "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"-5\"/></w:lvlOverride>"));
  StyleSheet sheet;
  NumberingResolver resolver(xml.get(), sheet);
  CHECK(labels(resolver, {direct(2, 0), direct(3, 0), direct(99, 0), direct(1, -3), direct(1, 40),
                          direct(4, 0)}) ==
        std::vector<std::string>{"-", "-", "-", "1.", "i.", "0."});
  CHECK(resolver.warnings().size() >= 4);
  NumberingResolver none(nullptr, sheet);
  CHECK_FALSE(none.next(direct(1, 0)).has_value());
  NumberingRequest unnumbered;
  CHECK_FALSE(none.effective(unnumbered).has_value());
}

TEST_CASE("numbering: Strict OOXML numbering and styles parts") {
  const std::string strict = "http://purl.oclc.org/ooxml/wordprocessingml/main";
  auto numbering =
      parse("<w:numbering xmlns:w=\"" + strict + "\">" +
                abstract_num(0, lvl(0, "lowerRoman", "%1.") + lvl(1, "upperLetter", "%1.%2",
                                                                  "<w:start w:val=\"1\"/><w:isLgl "
                                                                  "w:val=\"true\"/>")) +
                num(1, 0) + "</w:numbering>",
            "word/numbering.xml");
  auto styles = parse("<w:styles xmlns:w=\"" + strict +
                          "\"><w:style w:type=\"paragraph\" w:styleId=\"L\"><w:name "
                          "w:val=\"List\"/><w:pPr><w:numPr><w:numId "
                          "w:val=\"1\"/></w:numPr></w:pPr></w:style></w:styles>",
                      "word/styles.xml");
  StyleSheet sheet(styles.get());
  NumberingResolver resolver(numbering.get(), sheet);
  NumberingRequest styled;
  styled.style_id = "L";
  NumberingRequest second = styled;
  second.direct_ilvl = 1;
  CHECK(labels(resolver, {styled, second, styled}) == std::vector<std::string>{"i.", "1.1", "ii."});
}

TEST_CASE("numbering: fixtures give their expected labels (resolver driven directly)") {
  std::vector<fs::path> dirs = numbering_fixtures();
  REQUIRE(dirs.size() >= 10);
  for (const fs::path& dir : dirs) {
    CAPTURE(dir.filename().string());
    std::vector<std::string> warnings;
    std::vector<std::string> got = walk_fixture(dir, &warnings);
    CHECK(join(got) == join(expected_labels(dir)));
    if (dir.filename() == "numbering-loops") CHECK(warnings.size() >= 3);
  }
}

TEST_CASE("numbering: fixtures give their expected labels through read_document") {
  for (const fs::path& dir : numbering_fixtures()) {
    CAPTURE(dir.filename().string());
    fs::path docx =
        fs::path(DHRLINT_BINARY_DIR) / "fixtures" / "ooxml" / (dir.filename().string() + ".docx");
    REQUIRE_MESSAGE(fs::exists(docx), "fixture not zipped by the build: " << docx);
    auto doc = dhrlint::read_document(docx);
    REQUIRE_MESSAGE(doc.ok(), (doc.ok() ? std::string() : doc.error().message));
    std::vector<std::string> got;
    for (const dhrlint::Paragraph& p : doc.value().paragraphs) {
      if (p.story == dhrlint::Story::kBody && p.num_id != 0) got.push_back(p.label);
    }
    CHECK(join(got) == join(expected_labels(dir)));
  }
}

TEST_CASE("numbering: random definitions terminate with bounded labels") {
  // Fixed seed: reproducible. Random links, overrides, formats, huge and
  // negative values; every request must return quickly with a short label.
  std::mt19937 rng(20240101);
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  const std::vector<std::string> formats = {
      "decimal",      "upperRoman",      "lowerLetter", "bullet",      "none",    "ordinalText",
      "cardinalText", "chineseCounting", "custom",      "decimalZero", "hebrew1", ""};
  const std::vector<std::string> starts = {"0", "1", "-7", "99999999999", "2147483647", "x", "5"};
  std::size_t longest_label = 0;
  bool levels_in_range = true;
  int numbered = 0;
  for (int round = 0; round < 60; ++round) {
    std::string styles_body;
    for (int s = 0; s < 6; ++s) {
      styles_body += "<w:style w:type=\"" + std::string(s % 2 == 0 ? "paragraph" : "numbering") +
                     "\" w:styleId=\"S" + std::to_string(s) + "\"><w:name w:val=\"S" +
                     std::to_string(s) + "\"/><w:basedOn w:val=\"S" + std::to_string(pick(0, 5)) +
                     "\"/><w:pPr><w:numPr><w:ilvl w:val=\"" + std::to_string(pick(-2, 11)) +
                     "\"/><w:numId w:val=\"" + std::to_string(pick(0, 8)) +
                     "\"/></w:numPr></w:pPr></w:style>";
    }
    std::string body;
    for (int a = 0; a < 5; ++a) {
      std::string levels;
      if (pick(0, 3) == 0) {
        levels += "<w:numStyleLink w:val=\"S" + std::to_string(pick(0, 5)) + "\"/>";
      }
      if (pick(0, 3) == 0) levels += "<w:styleLink w:val=\"S" + std::to_string(pick(0, 5)) + "\"/>";
      for (int l = 0; l < 9; ++l) {
        if (pick(0, 4) == 0) continue;
        std::string text;
        for (int t = 0; t < pick(0, 4); ++t) text += "%" + std::to_string(pick(0, 9)) + ".";
        levels += lvl(l, formats[static_cast<std::size_t>(pick(0, 11))], text,
                      "<w:start w:val=\"" + starts[static_cast<std::size_t>(pick(0, 6))] +
                          "\"/><w:lvlRestart w:val=\"" + std::to_string(pick(-1, 12)) + "\"/>" +
                          (pick(0, 3) == 0 ? "<w:isLgl/>" : "") + "<w:pStyle w:val=\"S" +
                          std::to_string(pick(0, 5)) + "\"/>");
      }
      body += abstract_num(a, levels);
    }
    for (int n = 1; n <= 8; ++n) {
      std::string overrides;
      if (pick(0, 2) == 0) {
        overrides = "<w:lvlOverride w:ilvl=\"" + std::to_string(pick(-1, 10)) +
                    "\"><w:startOverride w:val=\"" + starts[static_cast<std::size_t>(pick(0, 6))] +
                    "\"/>" + (pick(0, 1) == 0 ? lvl(pick(0, 8), "upperLetter", "%1%2%3") : "") +
                    "</w:lvlOverride>";
      }
      body += num(n, pick(0, 6), overrides);
    }
    auto numbering = numbering_xml(body);
    auto styles = styles_xml(styles_body);
    StyleSheet sheet(styles.get());
    NumberingResolver resolver(numbering.get(), sheet);
    for (int p = 0; p < 200; ++p) {
      std::string style = "S" + std::to_string(pick(0, 6));
      NumberingRequest req;
      req.style_id = style;
      if (pick(0, 1) == 0) req.direct_num_id = pick(-1, 9);
      if (pick(0, 1) == 0) req.direct_ilvl = pick(-3, 12);
      auto label = resolver.next(req);
      if (label) {
        longest_label = std::max(longest_label, label->text.size());
        levels_in_range = levels_in_range && label->ilvl >= 0 && label->ilvl <= 8;
        ++numbered;
      }
    }
  }
  CHECK(numbered > 100);  // the generator does reach numbered paragraphs
  CHECK(longest_label < 400);
  CHECK(levels_in_range);
}
