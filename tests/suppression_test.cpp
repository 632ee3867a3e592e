// Inline suppressions: the directive parser (rules/kit/suppression.hpp) and
// baseline fingerprints (lint/engine/fingerprint.hpp) on models read from
// generated drafts.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "dhrlint/dhrlint.hpp"
#include "lint/engine/fingerprint.hpp"
#include "lint/engine/linter.hpp"
#include "rules/kit/suppression.hpp"
#include "support/fixture_docx.hpp"

namespace dhrlint {
namespace {

TEST_CASE("suppression: the directive, its rule ids and its reason after each separator") {
  using kit::parse_suppression;
  auto d = parse_suppression(
      "dhrlint-disable identifying/school-name — named at the family's "
      "request");
  REQUIRE(d);
  CHECK_FALSE(d->whole_file);
  CHECK(d->rules == std::vector<std::string>{"identifying/school-name"});
  CHECK(d->reason == "named at the family's request");

  d = parse_suppression("  dhrlint-disable identifying/school-name,identifying/* – agreed");
  REQUIRE(d);
  CHECK(d->rules == std::vector<std::string>{"identifying/school-name", "identifying/*"});
  CHECK(d->reason == "agreed");

  // A hyphen after an id is the separator, not part of the id.
  d = parse_suppression("dhrlint-disable draft/unaccepted-change - kept: the panel asked");
  REQUIRE(d);
  CHECK(d->rules == std::vector<std::string>{"draft/unaccepted-change"});
  CHECK(d->reason == "kept: the panel asked");

  d = parse_suppression("dhrlint-disable identifying/address: public through the trial");
  REQUIRE(d);
  CHECK(d->reason == "public through the trial");

  d = parse_suppression("dhrlint-disable-file — not for publication");
  REQUIRE(d);
  CHECK(d->whole_file);
  CHECK(d->rules.empty());
  CHECK(d->reason == "not for publication");

  d = parse_suppression("dhrlint-disable-file: not for publication");
  REQUIRE(d);
  CHECK(d->whole_file);
  CHECK(d->reason == "not for publication");

  // No reason: no separator, or nothing after it.
  d = parse_suppression("dhrlint-disable identifying/school-name");
  REQUIRE(d);
  CHECK(d->reason.empty());
  d = parse_suppression("dhrlint-disable identifying/school-name -   ");
  REQUIRE(d);
  CHECK(d->reason.empty());
  d = parse_suppression("dhrlint-disable identifying/school-name because I said so");
  REQUIRE(d);
  CHECK(d->reason.empty());

  // Not directives.
  CHECK_FALSE(parse_suppression("Run dhrlint-disable checks again"));
  CHECK_FALSE(parse_suppression("dhrlint-disabled identifying/school-name - x"));
  CHECK_FALSE(parse_suppression("Please check the school name"));
}

Document read(const std::string& dhr) {
  std::string error;
  const std::string bytes = testing::build_docx(dhr, &error);
  REQUIRE_MESSAGE(error.empty(), error);
  Result<Document> doc = read_document_bytes(bytes, "draft.docx");
  REQUIRE(doc.ok());
  return std::move(doc).value();
}

std::vector<Finding> lint(const Document& doc) {
  Config config;
  config.disabled_rules = {"incomplete/*", "advocacy/*", "hba/*"};
  return Linter(config).lint_document(doc);
}

std::vector<std::string> fingerprints_of(const std::vector<Finding>& findings,
                                         const std::string& rule) {
  std::vector<std::string> out;
  for (const Finding& f : findings) {
    if (f.rule == rule) {
      out.push_back(f.fingerprint);
    }
  }
  return out;
}

TEST_CASE("fingerprint: survives edits elsewhere, changes with the paragraph, holds no text") {
  const std::string head = "H1 Introduction\nH2 Background\n";
  const std::string school = "P The children attended Bow Green Primary School from 2015.\n";
  const std::string other = "P The review covers 2015 to 2020.\n";
  const Document before = read(head + other + school);
  // A paragraph added above renumbers the section (1.1.2 -> 1.1.3) and the
  // paragraph's position: the fingerprint stays.
  const Document after = read(head + other + "P The panel met five times.\n" + school);
  const auto a = fingerprints_of(lint(before), "identifying/school-name");
  const auto b = fingerprints_of(lint(after), "identifying/school-name");
  REQUIRE(a.size() == 1);
  CHECK(a == b);
  CHECK(a[0].find("Bow") == std::string::npos);
  CHECK(a[0].find("Green") == std::string::npos);
  const auto fields = parse_fingerprint(a[0]);
  REQUIRE(fields);
  CHECK(fields->rule == "identifying/school-name");
  CHECK(fields->paragraph_hash.size() == 16);
  CHECK(fields->match_hash.size() == 16);
  CHECK(fields->occurrence == 1);
  CHECK(format_fingerprint(*fields) == a[0]);

  // A typed number that changes, or a change of case and spacing, does not
  // change the paragraph's hash either.
  const Document typed = read(head +
                              "T 2.3 The children attended Bow Green Primary School "
                              "from 2015.\n");
  const Document retyped = read(head +
                                "T 2.4  The Children attended  Bow Green Primary School "
                                "from 2015.\n");
  REQUIRE(typed.paragraphs[2].typed_number == "2.3");
  const auto t = fingerprints_of(lint(typed), "identifying/school-name");
  REQUIRE(t.size() == 1);
  CHECK(fingerprints_of(lint(retyped), "identifying/school-name") == t);

  // An edit to the paragraph itself does.
  const Document edited =
      read(head + other + "P The children attended Bow Green Primary School from 2016.\n");
  const auto c = fingerprints_of(lint(edited), "identifying/school-name");
  REQUIRE(c.size() == 1);
  CHECK(c != a);
}

TEST_CASE("fingerprint: the same text twice in a paragraph counts occurrences") {
  const Document doc = read(
      "H1 Introduction\nH2 Background\n"
      "P Bow Green Primary School and later Bow Green Primary School again.\n");
  const auto f = fingerprints_of(lint(doc), "identifying/school-name");
  REQUIRE(f.size() == 2);
  CHECK(parse_fingerprint(f[0])->occurrence == 1);
  CHECK(parse_fingerprint(f[1])->occurrence == 2);
  CHECK_FALSE(parse_fingerprint("no-colons"));
  CHECK_FALSE(parse_fingerprint("a/b:1:2:0"));
  CHECK_FALSE(parse_fingerprint("a/b:1:2:x"));
}

TEST_CASE("suppression: a silenced finding is gone; unused ones are judged only when run") {
  const Document doc = read(
      "H1 Introduction\nH2 Background\n"
      "P The children attended {comment:Bow Green Primary School|dhrlint-disable "
      "identifying/school-name - named at the family's request} until 2019.\n"
      "P The panel met {comment:four times|dhrlint-disable identifying/address - agreed} in "
      "2022.\n");
  std::vector<Finding> all = Linter().lint_document(doc);
  auto count = [](const std::vector<Finding>& fs, const std::string& rule) {
    return std::count_if(fs.begin(), fs.end(), [&](const Finding& f) { return f.rule == rule; });
  };
  CHECK(count(all, "identifying/school-name") == 0);
  CHECK(count(all, "draft/suppression-unused") == 1);
  CHECK(count(all, "draft/comments") == 0);  // directives are not review comments
  // With the address rule switched off, its suppression is not judged.
  Config config;
  config.disabled_rules = {"identifying/address"};
  const std::vector<Finding> some = Linter(config).lint_document(doc);
  CHECK(count(some, "draft/suppression-unused") == 0);
  // Without the school rule the school suppression is not judged either,
  // and nothing is silenced.
  config.disabled_rules = {"identifying/school-name"};
  CHECK(count(Linter(config).lint_document(doc), "draft/suppression-unused") == 1);
}

}  // namespace
}  // namespace dhrlint
