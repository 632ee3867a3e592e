#include <doctest/doctest.h>

#include <string>

#include "lint/ooxml/xml.hpp"

using dhrlint::ErrorKind;
using dhrlint::ooxml::load_part_xml;

namespace {

std::string all_text(pugi::xml_node n) {
  std::string out;
  // Plain pre-order walk (no XPath: names contain ':' which XPath treats as
  // prefixes).
  for (pugi::xml_node c = n.first_child(); c;) {
    if (std::string_view(c.name()) == "w:t") out += c.text().get();
    if (c.first_child()) {
      c = c.first_child();
    } else {
      while (c && c != n && !c.next_sibling()) c = c.parent();
      if (!c || c == n) break;
      c = c.next_sibling();
    }
  }
  return out;
}

}  // namespace

TEST_CASE("xml: Transitional and Strict map to the same canonical names") {
  const char* transitional =
      R"(<x:document xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
                     xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
           <x:body><x:p><x:r><x:t>one</x:t></x:r><x:hyperlink rel:id="rId4"/></x:p></x:body></x:document>)";
  const char* strict =
      R"(<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"
                     xmlns:r="http://purl.oclc.org/ooxml/officeDocument/relationships">
           <w:body><w:p><w:r><w:t>one</w:t></w:r><w:hyperlink r:id="rId4"/></w:p></w:body></w:document>)";
  for (const char* src : {transitional, strict}) {
    auto doc = load_part_xml(src, "word/document.xml");
    REQUIRE(doc.ok());
    pugi::xml_node p = doc.value()->child("w:document").child("w:body").child("w:p");
    REQUIRE(p);
    CHECK(std::string(p.child("w:r").child("w:t").text().get()) == "one");
    CHECK(std::string(p.child("w:hyperlink").attribute("r:id").value()) == "rId4");
  }
}

TEST_CASE("xml: default namespace and unknown namespaces") {
  auto doc = load_part_xml(
      R"(<document xmlns="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:foo="urn:foo">
           <body><p><foo:thing val="1"/></p></body></document>)",
      "word/document.xml");
  REQUIRE(doc.ok());
  pugi::xml_node p = doc.value()->child("w:document").child("w:body").child("w:p");
  REQUIRE(p);
  CHECK(p.child("x:thing"));
  CHECK(std::string(p.child("x:thing").attribute("val").value()) == "1");
}

TEST_CASE("xml: mc:AlternateContent keeps exactly one branch") {
  const char* src =
      R"(<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
           xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
           xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
           xmlns:zz="urn:unknown-future"><w:body><w:p><w:r>
           <mc:AlternateContent>
             <mc:Choice Requires="zz"><w:t>future</w:t></mc:Choice>
             <mc:Choice Requires="wps"><w:t>choice</w:t>
               <mc:AlternateContent><mc:Choice Requires="zz"><w:t>inner-future</w:t></mc:Choice>
                 <mc:Fallback><w:t>-inner-fallback</w:t></mc:Fallback></mc:AlternateContent>
             </mc:Choice>
             <mc:Fallback><w:t>fallback</w:t></mc:Fallback>
           </mc:AlternateContent><w:t>.</w:t></w:r></w:p></w:body></w:document>)";
  auto doc = load_part_xml(src, "word/document.xml");
  REQUIRE(doc.ok());
  CHECK(all_text(*doc.value()) == "choice-inner-fallback.");
}

TEST_CASE("xml: fallback when no choice is understood") {
  const char* src =
      R"(<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
           xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:zz="urn:z">
           <mc:AlternateContent><mc:Choice Requires="zz"><w:t>a</w:t></mc:Choice>
           <mc:Fallback><w:t>b</w:t></mc:Fallback></mc:AlternateContent></w:p>)";
  auto doc = load_part_xml(src, "x.xml");
  REQUIRE(doc.ok());
  CHECK(all_text(*doc.value()) == "b");
}

TEST_CASE("xml: DOCTYPE and malformed XML are refused with the part named") {
  auto d = load_part_xml(
      R"(<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "http://example.invalid/">]><x>&e;</x>)",
      "word/document.xml");
  REQUIRE_FALSE(d.ok());
  CHECK(d.error().kind == ErrorKind::kXml);
  CHECK(d.error().message.find("word/document.xml") != std::string::npos);
  auto m = load_part_xml("<a><b></a>", "word/styles.xml");
  REQUIRE_FALSE(m.ok());
  CHECK(m.error().kind == ErrorKind::kXml);
  CHECK(m.error().message.find("word/styles.xml") != std::string::npos);
}

TEST_CASE("xml: UTF-16 parts and a UTF-8 BOM") {
  std::string u8 =
      "\xEF\xBB\xBF<w:t "
      "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">caf\xC3\xA9</w:t>";
  auto a = load_part_xml(u8, "a.xml");
  REQUIRE(a.ok());
  CHECK(std::string(a.value()->child("w:t").text().get()) == "caf\xC3\xA9");
  std::string ascii =
      "<?xml version=\"1.0\" encoding=\"UTF-16\"?><w:t "
      "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">hi</w:t>";
  std::string u16 = "\xFF\xFE";
  for (char c : ascii) {
    u16.push_back(c);
    u16.push_back('\0');
  }
  auto b = load_part_xml(u16, "b.xml");
  REQUIRE(b.ok());
  CHECK(std::string(b.value()->child("w:t").text().get()) == "hi");
}

TEST_CASE("xml: deep nesting does not overflow the stack") {
  std::string src =
      "<w:p xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">";
  for (int i = 0; i < 100000; ++i) src += "<w:sdt>";
  for (int i = 0; i < 100000; ++i) src += "</w:sdt>";
  src += "</w:p>";
  auto doc = load_part_xml(src, "deep.xml");
  CHECK(doc.ok());
}

TEST_CASE("xml: on/off values") {
  auto doc = load_part_xml(
      R"(<w:rPr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:b/><w:i w:val="0"/><w:vanish w:val="false"/><w:caps w:val="true"/><w:strike w:val="off"/></w:rPr>)",
      "s.xml");
  REQUIRE(doc.ok());
  pugi::xml_node r = doc.value()->child("w:rPr");
  CHECK(dhrlint::ooxml::on_off(r.child("w:b")));
  CHECK_FALSE(dhrlint::ooxml::on_off(r.child("w:i")));
  CHECK_FALSE(dhrlint::ooxml::on_off(r.child("w:vanish")));
  CHECK(dhrlint::ooxml::on_off(r.child("w:caps")));
  CHECK_FALSE(dhrlint::ooxml::on_off(r.child("w:strike")));
  CHECK_FALSE(dhrlint::ooxml::on_off(r.child("w:u")));
}

TEST_CASE("xml: a deeply nested discarded branch is removed without recursion") {
  std::string src =
      "<w:p xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
      "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" xmlns:zz=\"urn:z\">"
      "<mc:AlternateContent><mc:Choice Requires=\"zz\">";
  for (int i = 0; i < 200000; ++i) src += "<w:sdt>";
  for (int i = 0; i < 200000; ++i) src += "</w:sdt>";
  src += "</mc:Choice><mc:Fallback><w:t>kept</w:t></mc:Fallback></mc:AlternateContent></w:p>";
  auto doc = load_part_xml(src, "deep.xml");
  REQUIRE(doc.ok());
  CHECK(std::string(doc.value()->child("w:p").child("w:t").text().get()) == "kept");
}

TEST_CASE("xml: a namespace declared on every one of 50,000 nested elements costs linear time") {
  // Regression (speed issue): each nested text-box shape declaring xmlns:v made
  // every name lookup scan all declarations in scope: 50,000 levels took 19 s.
  // With one scope stack per prefix this is a fraction of a second; a
  // quadratic return would show as a suite minutes longer.
  const int depth = 50000;
  std::string src =
      "<w:body xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">";
  for (int i = 0; i < depth; ++i) src += "<w:sdt xmlns:v=\"urn:schemas-microsoft-com:vml\">";
  src += "<w:t>inner</w:t>";
  for (int i = 0; i < depth; ++i) src += "</w:sdt>";
  src += "<w:t>outer</w:t></w:body>";
  auto doc = load_part_xml(src, "deep-xmlns.xml");
  REQUIRE(doc.ok());
  pugi::xml_node n = doc.value()->child("w:body");
  CHECK(std::string(n.child("w:t").text().get()) == "outer");
  int levels = 0;
  while (n.child("w:sdt")) {
    n = n.child("w:sdt");
    ++levels;
  }
  CHECK(levels == depth);
  CHECK(std::string(n.child("w:t").text().get()) == "inner");
}

TEST_CASE("xml: an inner declaration of a prefix ends with its element") {
  auto doc = load_part_xml(
      "<a:root xmlns:a=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
      "<a:p xmlns:a=\"urn:other\"><a:t>other</a:t></a:p>"
      "<a:t>main</a:t></a:root>",
      "shadow.xml");
  REQUIRE(doc.ok());
  pugi::xml_node root = doc.value()->child("w:root");
  REQUIRE(root);
  CHECK(std::string(root.child("w:t").text().get()) == "main");
  CHECK(std::string(root.child("x:p").child("x:t").text().get()) == "other");
}
