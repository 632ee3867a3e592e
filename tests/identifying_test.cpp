// Unit tests of the identifying/* rules on hand-built document models: each
// test asserts the exact findings (rule, section, span, visibility).
#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "dhrlint/rule.hpp"
#include "lint/text/text.hpp"
#include "rules/identifying/common.hpp"
#include "rules/kit/analysis.hpp"

namespace {

using namespace dhrlint;

const SharedResources& shared_resources() {
  static const SharedResources resources{text::Lexicon()};
  return resources;
}

// The registered rule with id `id` (the registry declares the factories).
std::unique_ptr<Rule> rule_by_id(std::string_view id) {
  for (std::unique_ptr<Rule>& rule : make_all_rules()) {
    if (rule->info().id == id) return std::move(rule);
  }
  FAIL("no rule " << std::string(id));
  return nullptr;
}

// A document built paragraph by paragraph.
struct DocBuilder {
  Document doc;
  DocBuilder() {
    doc.path = "test.docx";
    doc.main_part = "word/document.xml";
  }
  std::size_t add(std::string text, std::string section = "1.1.1", Story story = Story::kBody,
                  std::string part = "word/document.xml") {
    Paragraph p;
    p.story = story;
    p.part = std::move(part);
    std::uint32_t index = 1;
    for (const Paragraph& q : doc.paragraphs) {
      if (q.part == p.part) ++index;
    }
    p.index = index;
    p.text = std::move(text);
    p.section = std::move(section);
    doc.paragraphs.push_back(std::move(p));
    return doc.paragraphs.size() - 1;
  }
  // A table: rows of cell texts; returns nothing, paragraphs appended.
  void table(const std::vector<std::vector<std::string>>& rows, std::string section = "1.1.1") {
    Table t;
    t.part = "word/document.xml";
    t.number = static_cast<std::uint32_t>(doc.tables.size() + 1);
    for (std::size_t r = 0; r < rows.size(); ++r) {
      Table::Row row;
      for (std::size_t c = 0; c < rows[r].size(); ++c) {
        const std::size_t p = add(rows[r][c], section);
        doc.paragraphs[p].table =
            TableCoord{t.number, static_cast<std::uint32_t>(r), static_cast<std::uint32_t>(c), 1};
        Table::Cell cell;
        cell.col = static_cast<std::uint32_t>(c);
        cell.paragraphs.push_back(p);
        row.cells.push_back(cell);
      }
      t.rows.push_back(row);
    }
    doc.tables.push_back(t);
  }
};

// "rule section span [vis]" for each finding, sorted.
std::string run(const Rule& rule, const Document& doc, const Config& config = {}) {
  DocumentAnalysis analysis(doc, config, shared_resources());
  RuleContext ctx(doc, config, analysis);
  rule.check(doc, ctx);
  std::vector<std::string> out;
  for (const Finding& f : ctx.take_findings()) {
    std::string span;
    if (f.location.deleted_text) {
      span = *f.location.deleted_text;
    } else if (f.location.paragraph && f.location.start) {
      const Paragraph* p = doc.find(f.location.part, *f.location.paragraph);
      if (p) span = text::slice(p->text, *f.location.start, *f.location.end);
    } else if (f.location.property) {
      span = "property=" + *f.location.property;
    }
    std::string line = f.rule + " " + f.location.section.value_or("-") + " \"" + span + "\"";
    if (f.location.visibility) line += " vis=" + *f.location.visibility;
    out.push_back(line);
  }
  std::sort(out.begin(), out.end());
  std::string joined;
  for (const std::string& l : out) joined += l + "\n";
  return joined;
}

std::string run_on(const Rule& rule, const std::vector<std::string>& paragraphs,
                   const Config& config = {}) {
  DocBuilder b;
  for (const std::string& p : paragraphs) b.add(p);
  return run(rule, b.doc, config);
}

// The expected findings, one "rule section \"span\" [vis=...]" a line, sorted.
std::string Lines(std::vector<std::string> lines) {
  std::sort(lines.begin(), lines.end());
  std::string joined;
  for (const std::string& l : lines) joined += l + "\n";
  return joined;
}

}  // namespace

TEST_CASE("identifying: school-name look-alikes do not fire") {
  auto rule = rule_by_id("identifying/school-name");
  CHECK(run_on(*rule, {
                          "Child A moved to the school in 2016.",
                          "Her primary school was told about the incident.",
                          "Operation Encompass notifies schools before the next school day.",
                          "The Designated Safeguarding Lead spoke to Child A.",
                          "The College of Policing publishes Authorised Professional Practice.",
                          "The Royal College of Nursing guidance was followed.",
                          "School attendance fell during 2019.",
                          "Schools",
                          "Education",
                          "Secondary School",
                          "Transition To Secondary School",
                          "Tower Hamlets Primary Care Trust and the Metropolitan Police.",
                          "The Local Primary School and the School Nursing Service.",
                          "Child A's School Nurse saw her twice.",
                          "Barts Health NHS Trust and Tower Hamlets Council attended.",
                          "Child B attended School 2 and then Nursery A.",
                          "She studied at King's College London.",
                      }) == Lines({}));
}

TEST_CASE("identifying: school-name finds named schools") {
  auto rule = rule_by_id("identifying/school-name");
  CHECK(run_on(*rule, {"Child A attended Bow Green Primary School from 2015."}) ==
        Lines({"identifying/school-name 1.1.1 \"Bow Green Primary School\""}));
  CHECK(run_on(*rule, {"The children went to St Agnes' RC Primary, near their home."}) ==
        Lines({"identifying/school-name 1.1.1 \"St Agnes' RC Primary\""}));
  CHECK(run_on(*rule, {"Child A moved to Mulberry Academy Shoreditch in Year 7."}) ==
        Lines({"identifying/school-name 1.1.1 \"Mulberry Academy Shoreditch\""}));
  CHECK(run_on(*rule, {"Child B attended Little Stars Day Nursery."}) ==
        Lines({"identifying/school-name 1.1.1 \"Little Stars Day Nursery\""}));
  CHECK(run_on(*rule, {"Our Lady of Lourdes Catholic Primary School referred Child A."}) ==
        Lines({"identifying/school-name 1.1.1 \"Our Lady of Lourdes Catholic Primary School\""}));
  CHECK(run_on(*rule, {"She enrolled at Newham Sixth Form College."}) ==
        Lines({"identifying/school-name 1.1.1 \"Newham Sixth Form College\""}));
  CHECK(run_on(*rule, {"He was placed at the Phoenix Pupil Referral Unit."}) ==
        Lines({"identifying/school-name 1.1.1 \"Phoenix Pupil Referral Unit\""}));
  CHECK(run_on(*rule, {"Mulberry School for Girls made a referral."}) ==
        Lines({"identifying/school-name 1.1.1 \"Mulberry School for Girls\""}));
}

TEST_CASE("identifying: school-name in tables, notes and deleted text") {
  auto rule = rule_by_id("identifying/school-name");
  DocBuilder b;
  b.table({{"Agency", "Representative"}, {"Bow Green Primary School", "Headteacher"}}, "1.2.1");
  const std::size_t note = b.add("Bow Green Primary School provided a chronology.", "1.6.5",
                                 Story::kFootnote, "word/footnotes.xml");
  b.doc.paragraphs[note].owner_id = "3";
  const std::size_t p = b.add("Child A attended the primary school.", "1.6.5");
  b.doc.paragraphs[p].invisible.push_back(
      InvisibleText{InvisibleKind::kDeleted, 21, " (Bow Green Primary School)", "A", "", 0});
  CHECK(run(*rule, b.doc) ==
        Lines({"identifying/school-name 1.2.1 \"Bow Green Primary School\"",
               "identifying/school-name 1.6.5 \"Bow Green Primary School\"",
               "identifying/school-name 1.6.5 \"Bow Green Primary School\" vis=deleted"}));
}

TEST_CASE("identifying: local-service") {
  auto rule = rule_by_id("identifying/local-service");
  CHECK(run_on(*rule, {
                          "Salma was registered with the GP surgery.",
                          "Town N Surgery and GP Practice 1 provided records.",
                          "Barts Health NHS Trust, the Metropolitan Police and the Council.",
                          "Surgery was not needed.",
                          "She worshipped at a local mosque and the Catholic Church.",
                          "The Church of England safeguarding team was consulted.",
                          "Sure Start Children's Centre staff visited.",
                      }) == Lines({}));
  CHECK(run_on(*rule, {"Salma was registered at Bow Medical Centre until 2018."}) ==
        Lines({"identifying/local-service 1.1.1 \"Bow Medical Centre\""}));
  CHECK(run_on(*rule, {"Omar worked at Acme Plastics Ltd as a driver."}) ==
        Lines({"identifying/local-service 1.1.1 \"Acme Plastics Ltd\""}));
  CHECK(run_on(*rule, {"The family attended East London Mosque on Fridays."}) ==
        Lines({"identifying/local-service 1.1.1 \"East London Mosque\""}));
  CHECK(run_on(*rule, {"The vicar of St Mary's Church visited."}) ==
        Lines({"identifying/local-service 1.1.1 \"St Mary's Church\""}));
  Config config;
  config.allowed_organisations = {"East London Mosque"};
  CHECK(run_on(*rule, {"The family attended East London Mosque on Fridays."}, config) == Lines({}));
}

TEST_CASE("identifying: address") {
  auto rule = rule_by_id("identifying/address");
  CHECK(run_on(*rule, {
                          "The family lived in Town N, in the E1 area.",
                          "The trial took place at Snaresbrook Crown Court.",
                          "She went shopping on the High Street.",
                          "In 2019 Bow Road police station took the report.",
                          "The example postcode QQ1 1QQ and CV2 1CI are not valid.",
                          "Send comments to the Home Office, 2 Marsham Street, London SW1P 4DF.",
                          "Mulberry Road was closed that day.",
                      }) == Lines({}));
  CHECK(run_on(*rule, {"They moved to 12 Mulberry Road, London E1 6AN in 2017."}) ==
        Lines({"identifying/address 1.1.1 \"12 Mulberry Road, London E1 6AN\""}));
  CHECK(run_on(*rule, {"Salma was rehoused to Flat 3, Bow House."}) ==
        Lines({"identifying/address 1.1.1 \"Flat 3, Bow House\""}));
  CHECK(run_on(*rule, {"At that time she lived on Mulberry Road with Child A."}) ==
        Lines({"identifying/address 1.1.1 \"Mulberry Road\""}));
  CHECK(run_on(*rule, {"Postcodes: SW1A 2AA, M1 1AE, B33 8TH, CR2 6XH, DN55 1PT, GIR 0AA."}) ==
        Lines({"identifying/address 1.1.1 \"SW1A 2AA\"", "identifying/address 1.1.1 \"M1 1AE\"",
               "identifying/address 1.1.1 \"B33 8TH\"", "identifying/address 1.1.1 \"CR2 6XH\"",
               "identifying/address 1.1.1 \"DN55 1PT\"", "identifying/address 1.1.1 \"GIR 0AA\""}));
}

TEST_CASE("identifying: date-of-birth") {
  auto rule = rule_by_id("identifying/date-of-birth");
  CHECK(run_on(*rule, {
                          "Salma was 34 when she died; Omar was aged 38.",
                          "Salma was born in Bangladesh in 1985.",
                          "Salma, who was born in Sylhet, married Omar on 12 March 2005.",
                          "Child B was born prematurely and was discharged on 3 May 2019 later.",
                          "The date of birth has been removed from this report.",
                          "On 12/03/2019 police attended the home.",
                          "Children Act 1989 and the newborn assessment on 4 June 2019.",
                      }) == Lines({}));
  CHECK(run_on(*rule, {"Salma was born on 3rd May 1985 in Sylhet."}) ==
        Lines({"identifying/date-of-birth 1.1.1 \"3rd May 1985\""}));
  CHECK(run_on(*rule, {"Omar (DOB 12/03/1980) was arrested."}) ==
        Lines({"identifying/date-of-birth 1.1.1 \"12/03/1980\""}));
  CHECK(run_on(*rule, {"Date of birth: 12.03.80"}) ==
        Lines({"identifying/date-of-birth 1.1.1 \"12.03.80\""}));
  CHECK(run_on(*rule, {"Child A was born in Sylhet, Bangladesh, in May 2010."}) ==
        Lines({"identifying/date-of-birth 1.1.1 \"May 2010\""}));
  CHECK(run_on(*rule, {"The record gave 04/07/1990 (DOB) for Omar."}) ==
        Lines({"identifying/date-of-birth 1.1.1 \"04/07/1990\""}));
  DocBuilder b;
  b.table({{"Pseudonym", "Relationship", "DOB"},
           {"Salma", "Victim", "3 May 1985"},
           {"Omar", "Perpetrator", "12/03/1980"}});
  CHECK(run(*rule, b.doc) == Lines({"identifying/date-of-birth 1.1.1 \"3 May 1985\"",
                                    "identifying/date-of-birth 1.1.1 \"12/03/1980\""}));
}

TEST_CASE("identifying: phone-number") {
  auto rule = rule_by_id("identifying/phone-number");
  CHECK(run_on(*rule, {
                          "The National Domestic Abuse Helpline is 0808 2000 247.",
                          "Call 999 in an emergency, 101 otherwise, or NHS 111.",
                          "Samaritans can be reached on 116 123.",
                          "The council's contact centre is on 0300 123 4567.",
                          "On 01/02/2019 and 01-02-2019 she called.",
                          "Her NHS number was 943 476 5919.",
                          "The Forced Marriage Unit (020 7008 0151) advised.",
                      }) == Lines({}));
  CHECK(run_on(*rule, {"Salma texted her sister on 07700 900123 that night."}) ==
        Lines({"identifying/phone-number 1.1.1 \"07700 900123\""}));
  CHECK(run_on(*rule, {"Home phone: (020) 7946 0018."}) ==
        Lines({"identifying/phone-number 1.1.1 \"(020) 7946 0018\""}));
  CHECK(run_on(*rule, {"Mobile +44 7700 900456, landline 0161 496 0000."}) ==
        Lines({"identifying/phone-number 1.1.1 \"+44 7700 900456\"",
               "identifying/phone-number 1.1.1 \"0161 496 0000\""}));
  CHECK(run_on(*rule, {"He rang 07700-900-789 12 times."}) ==
        Lines({"identifying/phone-number 1.1.1 \"07700-900-789\""}));
}

TEST_CASE("identifying: email-address") {
  auto rule = rule_by_id("identifying/email-address");
  CHECK(run_on(*rule, {
                          "Send the report to DHREnquiries@homeoffice.gov.uk.",
                          "Contact dhr@towerhamlets.gov.uk or safeguarding@nhs.net.",
                          "The officer wrote from john.smith@met.police.uk.",
                          "AAFDA (info@aafda.org.uk) supported the family.",
                          "Omar @ home; the @ sign.",
                      }) == Lines({}));
  CHECK(run_on(*rule, {"Omar e-mailed salma.begum85@gmail.com twice."}) ==
        Lines({"identifying/email-address 1.1.1 \"salma.begum85@gmail.com\""}));
  DocBuilder b;
  const std::size_t p = b.add("She wrote to her sister.");
  b.doc.paragraphs[p].invisible.push_back(InvisibleText{
      InvisibleKind::kFieldCode, 0, " HYPERLINK \"mailto:ameena_k@hotmail.co.uk\" ", "", "", 0});
  b.doc.properties.custom["Contact"] = "o.khan@yahoo.com";
  CHECK(run(*rule, b.doc) == Lines({"identifying/email-address - \"property=Contact\"",
                                    "identifying/email-address 1.1.1 "
                                    "\"ameena_k@hotmail.co.uk\" vis=hidden"}));
}

TEST_CASE("identifying: nhs-number") {
  auto rule = rule_by_id("identifying/nhs-number");
  CHECK(run_on(*rule, {
                          "Her NHS number was recorded by the GP.",
                          "The number 943 476 5918 fails the check digit.",
                          "Call 020 7946 0018 or 07700 900123.",
                          "A total of 9434765919 pounds.",
                      }) == Lines({}));
  CHECK(run_on(*rule, {"Salma's NHS number (943 476 5919) was on the referral."}) ==
        Lines({"identifying/nhs-number 1.1.1 \"943 476 5919\""}));
  CHECK(run_on(*rule, {"NHS No: 9434765919"}) ==
        Lines({"identifying/nhs-number 1.1.1 \"9434765919\""}));
  CHECK(run_on(*rule, {"The referral quoted 401-023-2137."}) ==
        Lines({"identifying/nhs-number 1.1.1 \"401-023-2137\""}));
}

TEST_CASE("identifying: ni-number") {
  auto rule = rule_by_id("identifying/ni-number");
  CHECK(
      run_on(*rule, {
                        "A National Insurance number looks like QQ 12 34 56 C.",
                        "Temporary numbers such as TN 12 34 56 A are not used.",
                        "The prefixes BG 12 34 56 A, DA 12 34 56 B and AO 12 34 56 C are invalid.",
                        "Her National Insurance number was checked by the DWP.",
                        "Reference AB 12 34 56 was a case number.",
                    }) == Lines({}));
  CHECK(run_on(*rule, {"Omar's National Insurance number was AB 12 34 56 C."}) ==
        Lines({"identifying/ni-number 1.1.1 \"AB 12 34 56 C\""}));
  CHECK(run_on(*rule, {"NINO: JG103759A"}) == Lines({"identifying/ni-number 1.1.1 \"JG103759A\""}));
  CHECK(run_on(*rule, {"Her NI number, PX 65 43 21, was used."}) ==
        Lines({"identifying/ni-number 1.1.1 \"PX 65 43 21\""}));
}

TEST_CASE("identifying: reference-number") {
  auto rule = rule_by_id("identifying/reference-number");
  CHECK(run_on(*rule, {
                          "Police recorded the assault and issued a crime reference number.",
                          "The CAD log showed a delay of 40 minutes.",
                          "The urn was placed on the mantelpiece.",
                          "Incident 3 in the chronology was on 12/03/2019.",
                          "CAD of 12/03/2019 recorded a call.",
                          "Section 47 of the Children Act 1989.",
                      }) == Lines({}));
  CHECK(run_on(*rule, {"Police recorded the assault (crime reference 4512/23)."}) ==
        Lines({"identifying/reference-number 1.1.1 \"4512/23\""}));
  CHECK(run_on(*rule, {"CAD 1234 of 12/03/2019 records the call."}) ==
        Lines({"identifying/reference-number 1.1.1 \"1234\""}));
  CHECK(run_on(*rule, {"The file (URN: 01YE0123419) went to the CPS."}) ==
        Lines({"identifying/reference-number 1.1.1 \"01YE0123419\""}));
  CHECK(run_on(*rule, {"Crime number is 5219876/20."}) ==
        Lines({"identifying/reference-number 1.1.1 \"5219876/20\""}));
  DocBuilder b;
  b.table({{"Date", "Crime reference", "Summary"}, {"12/03/2019", "CR/0123/19", "Assault"}});
  CHECK(run(*rule, b.doc) == Lines({"identifying/reference-number 1.1.1 \"CR/0123/19\""}));
}

TEST_CASE("identifying: real-name look-alikes do not fire") {
  auto rule = rule_by_id("identifying/real-name");
  DocBuilder b;
  b.add("The family chose the pseudonyms Salma (victim) and Omar (perpetrator).", "1.2.1");
  b.table({{"Pseudonym", "Relationship to Salma", "Age", "Ethnicity"},
           {"Salma", "Victim", "34", "Bangladeshi"},
           {"Omar", "Husband, perpetrator", "38", "Bangladeshi"},
           {"Yasmin", "Sister", "30", "Bangladeshi"}},
          "1.2.2");
  b.add("The independent chair, Jane Okonkwo, was appointed in 2020.", "1.3.1");
  b.add("Salma said that Omar's mother controlled the money.", "1.4.1");
  b.add("Her sister Yasmin told Child A's teacher; Yasmin's husband was present.", "1.4.2");
  b.add("Police said the GP and Officer 1 had seen Mrs J twice.", "1.4.3");
  b.add("Victim Support said the Home Office told Tower Hamlets CSP in March.", "1.4.4");
  b.add("Monckton Smith (2019) described an eight-stage homicide timeline.", "1.4.5");
  b.add("Professor Jane Monckton Smith's homicide timeline is used below.", "1.4.6");
  b.add("Okonkwo said the panel met six times.", "1.4.7");
  const std::size_t note = b.add("Stark, E. (2007) Coercive Control. Oxford University Press.",
                                 "1.4.5", Story::kFootnote, "word/footnotes.xml");
  b.doc.paragraphs[note].owner_id = "1";
  CHECK(run(*rule, b.doc) == Lines({}));
}

TEST_CASE("identifying: real-name finds undeclared names") {
  auto rule = rule_by_id("identifying/real-name");
  DocBuilder b;
  b.add("Salma (pseudonym) lived with Omar (pseudonym).", "1.2.1");
  b.add("Salma's brother Ahmed told DC Smith about the threats.", "1.4.1");
  b.add("Tanvir said he had warned Salma.", "1.4.2");
  b.add("Ruksana's mother called the police.", "1.4.3");
  b.add("Mrs Patel, the health visitor, saw Child A.", "1.4.4");
  const std::size_t hidden = b.add("Salma was seen by the GP.", "1.4.5");
  b.doc.paragraphs[hidden].invisible.push_back(
      InvisibleText{InvisibleKind::kHidden, 17, " Dr Hussain", "", "", 0});
  CHECK(run(*rule, b.doc) ==
        Lines({"identifying/real-name 1.4.1 \"Ahmed\"", "identifying/real-name 1.4.1 \"Smith\"",
               "identifying/real-name 1.4.2 \"Tanvir\"", "identifying/real-name 1.4.3 \"Ruksana\"",
               "identifying/real-name 1.4.4 \"Patel\"",
               "identifying/real-name 1.4.5 \"Hussain\" vis=hidden"}));
  Config config;
  config.pseudonyms = {"Ahmed", "Tanvir", "Ruksana"};
  config.allowed_names = {"DC Smith", "Mrs Patel", "Dr Hussain"};
  CHECK(run(*rule, b.doc, config) == Lines({}));
}

TEST_CASE("identifying: private-identifier") {
  auto rule = rule_by_id("identifying/private-identifier");
  Config config;
  config.identifiers = {"Rukhsana Begum", "Zoë", "07700 900123", "Bow Green", "x", "# not"};
  DocBuilder b;
  b.add("Salma's family and the school were told.");              // no match
  b.add("Zoe went to the bowling green with Rukhsanas friend.");  // look-alikes
  b.add("The ToR names RUKHSANA BEGUM's family and Zoë's sister.", "1.1.2");
  b.add("Her number was 07700900123; Bow-Green staff knew.", "1.1.3");
  const std::size_t p = b.add("The family lived nearby.", "1.1.4");
  b.doc.paragraphs[p].invisible.push_back(
      InvisibleText{InvisibleKind::kDeleted, 10, " (Rukhsana  Begum)", "A", "", 0});
  b.doc.properties.core["title"] = "DHR into the death of Rukhsana Begum";
  Comment c;
  c.id = "4";
  c.author = "zoe";
  b.doc.comments.push_back(c);
  CHECK(run(*rule, b.doc, config) ==
        Lines({"identifying/private-identifier 1.1.1 \"Zoe\"",
               "identifying/private-identifier 1.1.2 \"RUKHSANA BEGUM's\"",
               "identifying/private-identifier 1.1.2 \"Zoë's\"",
               "identifying/private-identifier 1.1.3 \"07700900123\"",
               "identifying/private-identifier 1.1.3 \"Bow-Green\"",
               "identifying/private-identifier 1.1.4 \"Rukhsana  Begum\" vis=deleted",
               "identifying/private-identifier - \"property=title\"",
               "identifying/private-identifier - \"property=author\""}));
  CHECK(run(*rule, b.doc) == Lines({}));  // no list, no finding
}

TEST_CASE("identifying: metadata-name") {
  auto rule = rule_by_id("identifying/metadata-name");
  DocBuilder b;
  const std::size_t p = b.add("The panel met in 2021.");
  b.doc.paragraphs[p].revisions.push_back(
      Revision{RevisionKind::kInsertion, 4, 9, "", "Jane Smith", "", "1"});
  b.doc.paragraphs[p].revisions.push_back(
      Revision{RevisionKind::kInsertion, 10, 13, "", "Jane Smith", "", "2"});
  b.doc.properties.core["creator"] = "Menara Ahmed";
  b.doc.properties.core["lastModifiedBy"] = "Microsoft Office User";
  b.doc.properties.core["title"] = "Overview Report";
  b.doc.properties.app["Company"] = "Tower Hamlets Council";
  b.doc.properties.custom["Approver"] = "j.smith";
  b.doc.properties.custom["Classification"] = "OFFICIAL-SENSITIVE";
  b.doc.properties.custom["Order"] = "1200";
  Comment named;
  named.id = "1";
  named.author = "Lynne Abrams";
  named.anchor = p;
  Comment placeholder;
  placeholder.id = "2";
  placeholder.author = "Author";
  b.doc.comments = {named, placeholder};
  CHECK(run(*rule, b.doc) == Lines({"identifying/metadata-name - \"property=creator\"",
                                    "identifying/metadata-name - \"property=Approver\"",
                                    "identifying/metadata-name 1.1.1 \"property=author\"",
                                    "identifying/metadata-name 1.1.1 \"\""}));
  Config config;
  config.allowed_names = {"Lynne Abrams", "menara ahmed"};
  CHECK(run(*rule, b.doc, config) == Lines({"identifying/metadata-name - \"property=Approver\"",
                                            "identifying/metadata-name 1.1.1 \"\""}));
}
