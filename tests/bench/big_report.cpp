// The synthetic 150-page overview report the benchmarks time (tests/bench,
// tools/bench.sh): Word numbering, footnotes, comments, tracked changes,
// tables, a pseudonym table and an action plan, about 64,000 words.
#include "bench/big_report.hpp"

#include <sstream>
#include <string>

namespace dhrlint::bench {

namespace {

std::string lorem_sentence(int i) {
  static const char* kWords[] = {
      "the",  "agency",   "recorded", "that",  "Amira", "attended", "an",     "appointment",
      "with", "her",      "GP",       "after", "which", "the",      "health", "visitor",
      "made", "a",        "referral", "to",    "MARAC", "because",  "risk",   "had",
      "been", "assessed", "as",       "high",  "and",   "Kamal",    "was",    "present"};
  std::string s;
  for (int w = 0; w < 16; ++w) {
    if (w) s += ' ';
    s += kWords[(i * 7 + w * 3) % 32];
  }
  s[0] = static_cast<char>(s[0] - 32);
  return s + ".";
}

}  // namespace

// About 150 pages: 12 chapters x 10 sections x 8 paragraphs of ~80 words.
std::string big_report_source() {
  std::ostringstream o;
  o << "@core creator = Report Author\nTITLE Domestic Homicide Review Overview Report\n";
  o << "H1 Confidentiality\nH2 Pseudonyms\nP The family chose the pseudonyms used in this "
       "report.\n| Pseudonym | Relationship | Age |\n|---|---|---|\n| Amira | Victim | 34 |\n"
       "| Kamal | Perpetrator | 37 |\n\n";
  int n = 0;
  for (int h1 = 0; h1 < 12; ++h1) {
    o << "H1 Chapter " << h1 + 1 << "\n";
    for (int h2 = 0; h2 < 10; ++h2) {
      o << "H2 Section heading " << h2 + 1 << "\n";
      for (int p = 0; p < 8; ++p, ++n) {
        o << "P ";
        for (int s = 0; s < 5; ++s) o << lorem_sentence(n * 5 + s) << ' ';
        if (n % 10 == 0) o << "[^See the agency chronology, entry " << n << ".]";
        if (n % 97 == 0) o << " {comment:reviewed|Check this with the panel}";
        if (n % 53 == 0) o << " {ins:added text} {del:removed text}";
        o << "\n";
      }
    }
    o << "| Agency | Contact | Outcome |\n|---|---|---|\n";
    for (int r = 0; r < 6; ++r)
      o << "| Agency " << r << " | Visit on 3 May | No further action |\n";
  }
  o << "H1 Action plan\nH2 Multi-agency actions\n"
       "| Recommendation | Action | Lead agency | Target date | Outcome |\n|---|---|---|---|---|\n";
  for (int r = 0; r < 20; ++r) {
    o << "| " << r + 1 << " | Review the referral pathway | Agency " << r % 6
      << " | March 2026 | Victims are referred within one working day |\n";
  }
  return o.str();
}

}  // namespace dhrlint::bench
