#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "lint/text/text.hpp"

using namespace dhrlint::text;

TEST_CASE("text: code point offsets") {
  std::string s = "Zoë’s café";
  CHECK(length(s) == 10);
  CHECK(slice(s, 0, 5) == "Zoë’s");
  CHECK(slice(s, 6, 10) == "café");
  CHECK(byte_of(s, 3) == 4);
  CHECK(cp_of(s, 4) == 3);
  CHECK(slice(s, 5, 3).empty());
}

TEST_CASE("text: folding maps back to original code points") {
  FoldedText f = fold("St Agnes’ RC Primary – ZOË");
  CHECK(f.text == "st agnes' rc primary - zoe");
  // "zoe" in the folded text is at bytes 23..26; original code points 23..26.
  std::size_t b = f.text.find("zoe");
  REQUIRE(b != std::string::npos);
  CHECK(f.original(b) == 23);
  CHECK(f.original_end(b + 3) == 26);
  CHECK(fold_string("Straße") == "strasse");
  CHECK(fold_string("a\u00ADb\u200Bc") == "abc");  // soft hyphen, zero-width space
  CHECK(fold_string("“so-called” ‘honour’") == "\"so-called\" 'honour'");
}

TEST_CASE("text: ICU words keep inner apostrophes") {
  std::string s = "Zoë’s brother, Mr O’Neill, said: “no”.";
  auto w = words(s);
  REQUIRE(w.size() >= 5);
  CHECK(slice(s, w[0].start, w[0].end) == "Zoë’s");
  CHECK(slice(s, w[1].start, w[1].end) == "brother");
  CHECK(slice(s, w[2].start, w[2].end) == "Mr");
  CHECK(slice(s, w[3].start, w[3].end) == "O’Neill");
}

TEST_CASE("text: ICU sentences") {
  std::string s = "Dr Shah saw her on 3 May. She said she was fine.  Nothing followed";
  auto ss = sentences(s);
  REQUIRE(ss.size() == 3);
  CHECK(slice(s, ss[0].start, ss[0].end) == "Dr Shah saw her on 3 May.");
  CHECK(slice(s, ss[2].start, ss[2].end) == "Nothing followed");
}

TEST_CASE("text: case helpers") {
  CHECK(starts_upper("Éric"));
  CHECK_FALSE(starts_upper("éric"));
  CHECK(all_upper("MARAC"));
  CHECK_FALSE(all_upper("A"));
  CHECK_FALSE(all_upper("Marac"));
}

TEST_CASE("text: lexicon tells common words from proper nouns") {
  Lexicon lex;
  if (!lex.available()) {
    MESSAGE("wbritish-large not installed; lexicon checks skipped");
    return;
  }
  CHECK(lex.is_common_word("hope"));
  CHECK(lex.is_common_word("rose"));
  CHECK(lex.is_proper_noun("london"));
  CHECK_FALSE(lex.is_proper_noun("table"));
  CHECK_FALSE(lex.is_common_word("qzxv"));
}

TEST_CASE("text: a lexicon table built from a word list, as the build does") {
  const std::string path = "lexicon-test-words.txt";
  {
    std::ofstream out(path, std::ios::binary);
    out << "hope\nRose\nrose\nLondon\nZoë\nrésumé\nresume\r\n\nPATEL\n";
  }
  Lexicon built = Lexicon::from_word_list(path);
  std::remove(path.c_str());
  const Lexicon lex = std::move(built);  // the table moves with the lexicon
  REQUIRE(lex.available());
  CHECK_FALSE(built.available());  // NOLINT(bugprone-use-after-move): the moved-from state
  CHECK(lex.is_common_word("hope"));
  CHECK(lex.is_common_word("rose"));
  CHECK_FALSE(lex.is_proper_noun("rose"));  // also in lower case: no proper noun
  CHECK(lex.is_proper_noun("london"));
  CHECK(lex.is_proper_noun("zoe"));  // folded as the rules fold
  CHECK(lex.is_proper_noun("patel"));
  CHECK(lex.is_common_word("resume"));  // "résumé" and "resume" fold alike: kept once
  CHECK_FALSE(lex.is_common_word("london"));
  CHECK_FALSE(lex.is_common_word(""));
  CHECK_FALSE(lex.is_common_word(std::string(300, 'a')));
  CHECK_FALSE(Lexicon::from_word_list("no-such-word-list.txt").available());
}
