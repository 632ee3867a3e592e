// StyleSheet: basedOn chains, heading levels by name and outline level,
// vanish, defaults, Strict namespaces and cycles.
#include <doctest/doctest.h>

#include <string>

#include "lint/ooxml/styles.hpp"
#include "lint/ooxml/xml.hpp"

namespace {

using dhrlint::ooxml::StyleSheet;

constexpr const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kStrictW = "http://purl.oclc.org/ooxml/wordprocessingml/main";

dhrlint::ooxml::XmlDoc load_styles(const std::string& body, const char* ns = kW) {
  std::string xml = std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:styles xmlns:w=\"") +
                    ns + "\">" + body + "</w:styles>";
  auto doc = dhrlint::ooxml::load_part_xml(xml, "word/styles.xml");
  REQUIRE(doc.ok());
  return std::move(doc).value();
}

}  // namespace

TEST_CASE("styles: heading level from the style name, any case, up the basedOn chain") {
  auto xml = load_styles(R"(
    <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
    <w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/>
      <w:basedOn w:val="Normal"/></w:style>
    <w:style w:type="paragraph" w:styleId="H2"><w:name w:val="Heading 2"/></w:style>
    <w:style w:type="paragraph" w:styleId="MyHead"><w:name w:val="Chapter"/>
      <w:basedOn w:val="H2"/></w:style>
    <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
    <w:style w:type="paragraph" w:styleId="Heading10"><w:name w:val="heading 10"/></w:style>)");
  StyleSheet sheet(xml.get());
  CHECK(sheet.heading_level("berschrift1") == 1);
  CHECK(sheet.heading_level("H2") == 2);
  CHECK(sheet.heading_level("MyHead") == 2);
  CHECK_FALSE(sheet.heading_level("Title").has_value());
  CHECK_FALSE(sheet.heading_level("Normal").has_value());
  CHECK_FALSE(sheet.heading_level("Heading10").has_value());
  CHECK_FALSE(sheet.heading_level("Unknown").has_value());
  REQUIRE(sheet.default_paragraph_style() != nullptr);
  CHECK(sheet.default_paragraph_style()->id == "Normal");
  CHECK(sheet.find("berschrift1")->name == "heading 1");
}

TEST_CASE("styles: outline level through the chain; 9 is body text even on a heading name") {
  auto xml = load_styles(R"(
    <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>
      <w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
    <w:style w:type="paragraph" w:styleId="NotHeading"><w:name w:val="heading 3"/>
      <w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>
    <w:style w:type="paragraph" w:styleId="Custom"><w:name w:val="Report Section"/>
      <w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
    <w:style w:type="paragraph" w:styleId="CustomChild"><w:name w:val="Report Section Child"/>
      <w:basedOn w:val="Custom"/></w:style>
    <w:style w:type="paragraph" w:styleId="BodyFromHeading"><w:name w:val="Body from heading"/>
      <w:basedOn w:val="Heading1"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>)");
  StyleSheet sheet(xml.get());
  CHECK(sheet.heading_level("Heading1") == 1);
  CHECK_FALSE(sheet.heading_level("NotHeading").has_value());
  CHECK(sheet.heading_level("Custom") == 3);
  CHECK(sheet.heading_level("CustomChild") == 3);
  CHECK(sheet.outline_level("CustomChild") == 2);
  CHECK_FALSE(sheet.heading_level("BodyFromHeading").has_value());
}

TEST_CASE("styles: numPr numId and ilvl resolve separately through the chain") {
  auto xml = load_styles(R"(
    <w:style w:type="paragraph" w:styleId="ListBase"><w:name w:val="List Base"/>
      <w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>
    <w:style w:type="paragraph" w:styleId="ListChild"><w:name w:val="List Child"/>
      <w:basedOn w:val="ListBase"/><w:pPr><w:numPr><w:ilvl w:val="2"/></w:numPr></w:pPr></w:style>
    <w:style w:type="paragraph" w:styleId="Off"><w:name w:val="Off"/>
      <w:basedOn w:val="ListChild"/><w:pPr><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr></w:style>)");
  StyleSheet sheet(xml.get());
  CHECK(sheet.num_id("ListChild") == 7);
  CHECK(sheet.ilvl("ListChild") == 2);
  CHECK_FALSE(sheet.ilvl("ListBase").has_value());
  CHECK(sheet.num_id("Off") == 0);
  CHECK(sheet.ilvl("Off") == 2);
}

TEST_CASE("styles: vanish through the chain and from docDefaults") {
  auto xml = load_styles(R"(
    <w:docDefaults><w:rPrDefault><w:rPr><w:vanish/></w:rPr></w:rPrDefault></w:docDefaults>
    <w:style w:type="character" w:styleId="Hidden"><w:name w:val="Hidden"/>
      <w:rPr><w:vanish w:val="true"/></w:rPr></w:style>
    <w:style w:type="character" w:styleId="Shown"><w:name w:val="Shown"/>
      <w:basedOn w:val="Hidden"/><w:rPr><w:vanish w:val="off"/></w:rPr></w:style>
    <w:style w:type="character" w:styleId="Plain"><w:name w:val="Plain"/></w:style>)");
  StyleSheet sheet(xml.get());
  CHECK(sheet.default_vanish());
  CHECK(sheet.vanish("Hidden"));
  CHECK_FALSE(sheet.vanish("Shown"));
  CHECK(sheet.vanish_setting("Shown") == false);
  CHECK_FALSE(sheet.vanish_setting("Plain").has_value());
  CHECK(sheet.vanish("Plain"));  // falls back to docDefaults
}

TEST_CASE("styles: basedOn cycles terminate") {
  auto xml = load_styles(R"(
    <w:style w:type="paragraph" w:styleId="A"><w:name w:val="A"/><w:basedOn w:val="B"/></w:style>
    <w:style w:type="paragraph" w:styleId="B"><w:name w:val="B"/><w:basedOn w:val="C"/></w:style>
    <w:style w:type="paragraph" w:styleId="C"><w:name w:val="C"/><w:basedOn w:val="A"/></w:style>
    <w:style w:type="paragraph" w:styleId="Self"><w:name w:val="Self"/>
      <w:basedOn w:val="Self"/></w:style>)");
  StyleSheet sheet(xml.get());
  CHECK(sheet.chain("A").size() == 3);
  CHECK(sheet.chain("Self").size() == 1);
  CHECK_FALSE(sheet.heading_level("A").has_value());
  CHECK_FALSE(sheet.num_id("B").has_value());
  CHECK_FALSE(sheet.vanish("C"));
}

TEST_CASE("styles: Strict namespace and missing styles part") {
  auto xml = load_styles(R"(
    <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/>
      <w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>)",
                         kStrictW);
  StyleSheet sheet(xml.get());
  CHECK(sheet.heading_level("Heading2") == 2);
  StyleSheet empty(nullptr);
  CHECK(empty.find("Heading2") == nullptr);
  CHECK(empty.default_paragraph_style() == nullptr);
  CHECK(empty.chain("x").empty());
}
