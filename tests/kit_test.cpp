// The rule kit's small utilities that the speed work changed: the lazy byte
// to code point map, TermSet's hash look-up, LazyRegex and Lazy.
#include <doctest/doctest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "rules/kit/codepoints.hpp"
#include "rules/kit/lazy.hpp"
#include "rules/kit/regex.hpp"
#include "rules/kit/terms.hpp"

using namespace dhrlint::kit;

TEST_CASE("kit: ByteToCodePoint maps bytes to code points in any order") {
  const std::string text = "Zoë’s café";  // ë 2 bytes, ’ 3 bytes, é 2 bytes
  // The expected map, written out: byte -> code point.
  const std::vector<std::size_t> expected = {0, 1, 2, 2, 3, 3, 3, 4, 5, 6, 7, 8, 9, 9, 10};
  REQUIRE(expected.size() == text.size() + 1);
  const ByteToCodePoint forward(text);
  for (std::size_t b = 0; b <= text.size(); ++b) {
    CHECK(forward.cp(b) == expected[b]);
  }
  const ByteToCodePoint backward(text);
  for (std::size_t b = text.size() + 1; b-- > 0;) {
    CHECK(backward.cp(b) == expected[b]);
  }
  CHECK(backward.cp(1000) == 10);  // clamped to the end
  CHECK(ByteToCodePoint("").cp(0) == 0);
  CHECK(ByteToCodePoint("").cp(5) == 0);
}

TEST_CASE("kit: TermSet finds its folded terms and nothing else") {
  const TermSet set({"Pupil Referral Unit", "GP", "Zoë", "gp", "a"});
  CHECK(set.terms().size() == 4);  // "GP" and "gp" fold alike
  CHECK(set.contains("pupil referral unit"));
  CHECK(set.contains("gp"));
  CHECK(set.contains("zoe"));
  CHECK(set.contains("a"));
  CHECK_FALSE(set.contains("GP"));  // look-ups take folded text
  CHECK_FALSE(set.contains("pupil"));
  CHECK_FALSE(set.contains(""));
  CHECK_FALSE(TermSet().contains("gp"));
  std::vector<std::string> many;
  many.reserve(1000);
  for (int i = 0; i < 1000; ++i) {
    many.push_back("term" + std::to_string(i));
  }
  const TermSet big(many);
  CHECK(big.contains("term0"));
  CHECK(big.contains("term999"));
  CHECK_FALSE(big.contains("term1000"));
}

TEST_CASE("kit: LazyRegex compiles once, on first use, for every thread") {
  const LazyRegex re(R"((\d+)-(\d+))");
  std::vector<std::thread> threads;
  std::vector<int> matched(4, 0);
  for (std::size_t t = 0; t < matched.size(); ++t) {
    threads.emplace_back([&, t] { matched[t] = RE2::PartialMatch("pages 12-14", *re) ? 1 : 0; });
  }
  for (std::thread& t : threads) {
    t.join();
  }
  CHECK(matched == std::vector<int>(4, 1));
  CHECK(re->NumberOfCapturingGroups() == 2);
  const LazyRegex bad("(unclosed");
  CHECK_FALSE(bad->ok());  // a bad pattern matches nothing, as RE2 does
  CHECK_FALSE(RE2::PartialMatch("(unclosed", *bad));
}

TEST_CASE("kit: Lazy builds its value once, on first use, for every thread") {
  std::atomic<int> built{0};
  const Lazy<std::vector<std::string>> words([&] {
    ++built;
    return std::vector<std::string>{"mother", "father"};
  });
  CHECK(built == 0);  // nothing at construction: start-up pays nothing
  std::vector<std::thread> threads;
  std::vector<std::size_t> sizes(4, 0);
  for (std::size_t t = 0; t < sizes.size(); ++t) {
    threads.emplace_back([&, t] { sizes[t] = words->size(); });
  }
  for (std::thread& t : threads) {
    t.join();
  }
  CHECK(built == 1);
  CHECK(sizes == std::vector<std::size_t>(4, 2));
  CHECK((*words)[1] == "father");
}

TEST_CASE("kit: folding works code point by code point, so a slice folds to a slice") {
  // placeholder and dangling-crossref take a span's folded text from the
  // paragraph's instead of folding the span again: that holds only while
  // text::fold maps each code point on its own. Ligatures, marks, quotes,
  // dashes, zero-width characters and non-Latin scripts included.
  const std::string text = "Zoë’s ﬁle — “TBC” 3\u200B.1 Æther Ω ἄλφα الاسم x";
  const dhrlint::text::FoldedText whole = dhrlint::text::fold(text);
  const std::size_t n = dhrlint::text::length(text);
  for (std::size_t a = 0; a <= n; ++a) {
    for (std::size_t b = a; b <= n; ++b) {
      const FoldedSpan span = to_folded_span(whole, {a, b});
      const std::string expected =
          whole.text.substr(span.folded_begin, span.folded_end - span.folded_begin);
      CHECK_MESSAGE(dhrlint::text::fold_string(dhrlint::text::slice(text, a, b)) == expected,
                    a << ".." << b);
    }
  }
}
