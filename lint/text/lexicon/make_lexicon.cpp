// make_lexicon WORD_LIST OUT: folds a word list (one word a line, as Debian's
// wbritish-large ships it) into the table Lexicon reads (text.hpp), at build
// time. An absent or empty word list writes an empty table, which the
// binary treats as "no lexicon" (Lexicon::available() false).
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

#include "lint/text/text.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: make_lexicon WORD_LIST OUT\n";
    return 2;
  }
  const dhrlint::text::Lexicon lexicon = dhrlint::text::Lexicon::from_word_list(argv[1]);
  const std::string tmp = std::string(argv[2]) + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(lexicon.table_bytes().data(),
              static_cast<std::streamsize>(lexicon.table_bytes().size()));
    if (!out) {
      std::cerr << "make_lexicon: cannot write " << tmp << "\n";
      return 1;
    }
  }
  if (std::rename(tmp.c_str(), argv[2]) != 0) {
    std::cerr << "make_lexicon: cannot rename " << tmp << " to " << argv[2] << "\n";
    return 1;
  }
  if (!lexicon.available()) {
    std::cerr << "make_lexicon: warning: no words in " << argv[1]
              << "; dhrlint is built without a lexicon\n";
  }
  return 0;
}
