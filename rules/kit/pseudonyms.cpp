#include "rules/kit/pseudonyms.hpp"

#include <algorithm>

#include "rules/kit/analysis.hpp"
#include "rules/kit/codepoints.hpp"
#include "rules/kit/paragraphs.hpp"
#include "rules/kit/tables.hpp"
#include "rules/kit/terms.hpp"
#include "rules/kit/tokens.hpp"

namespace dhrlint::kit {

namespace {

constexpr std::string_view kData = "kit/pseudonym-declarations.txt";

using Names = std::set<std::string, std::less<>>;

std::vector<std::vector<std::string>> folded_phrases(
    std::vector<std::vector<std::string>> phrases) {
  for (std::vector<std::string>& words : phrases) {
    for (std::string& w : words) {
      w = folded(w);
    }
  }
  return phrases;
}

// The cue words of declarations, read from data once per process (on first
// use) and read-only after.
class Declarations {
 public:
  Declarations() {
    const DataFile data = DataFile::load(kData);
    titles_ = PhraseList(split_phrases(data.values("title")));
    pseudonym_headers_ = TermSet(data.values("pseudonym-header"));
    name_headers_ = TermSet(data.values("name-header"));
    companion_headers_ = TermSet(data.values("companion-header"));
    panel_headings_ = TermSet(data.values("panel-heading"));
    declare_before_ = PhraseList(folded_phrases(split_phrases(data.values("declare-before"))));
    role_words_ = TermSet(data.values("role-word"));
    role_fillers_ = TermSet(data.values("role-filler"));
  }

  void add_all_words(std::string_view text, Names& out) const {
    for (const Token& t : tokenize_(text)) {
      out.insert(t.base);
    }
  }

  void add_words(std::string_view text, Names& out) const {
    for (const Token& t : tokenize_(text)) {
      if (t.capitalised && !t.has_digit) {
        out.insert(t.base);
      }
    }
  }

  static bool header_in(const std::string& header, const TermSet& set) {
    std::string h = folded(header);
    while (!h.empty() && (h.back() == ' ' || h.back() == ':' || h.back() == '.')) {
      h.pop_back();
    }
    while (!h.empty() && h.front() == ' ') {
      h.erase(0, 1);
    }
    return set.contains(h);
  }

  void declare_from_tables(const Document& doc, DocumentAnalysis& analysis, Names& out) const {
    for (const Table& table : doc.tables) {
      if (table.rows.empty()) {
        continue;
      }
      // Under a panel / contributors / author heading: every name counts.
      bool panel = false;
      for (const Table::Row& row : table.rows) {
        for (const Table::Cell& cell : row.cells) {
          if (cell.paragraphs.empty() || cell.paragraphs.front() >= doc.paragraphs.size()) {
            continue;
          }
          const Paragraph& first = doc.paragraphs[cell.paragraphs.front()];
          for (std::size_t h : first.headings) {
            if (h >= doc.paragraphs.size()) {
              continue;
            }
            for (const Token& t : analysis.tokens(doc.paragraphs[h].text)) {
              if (panel_headings_.contains(t.base)) {
                panel = true;
              }
            }
            const std::string heading = folded(doc.paragraphs[h].text);
            if (heading.find("review team") != std::string::npos) {
              panel = true;
            }
          }
          break;
        }
        break;
      }
      const Table::Row& header = table.rows.front();
      std::vector<std::uint32_t> name_columns;
      bool companion = false;
      for (const Table::Cell& cell : header.cells) {
        const std::string text = cell_text(doc, table, 0, cell.col);
        if (header_in(text, pseudonym_headers_)) {
          name_columns.push_back(cell.col);
        }
        if (header_in(text, companion_headers_)) {
          companion = true;
        }
      }
      if (companion) {
        for (const Table::Cell& cell : header.cells) {
          if (header_in(cell_text(doc, table, 0, cell.col), name_headers_)) {
            name_columns.push_back(cell.col);
          }
        }
      }
      for (std::size_t r = 0; r < table.rows.size(); ++r) {
        for (const Table::Cell& cell : table.rows[r].cells) {
          const bool in_name_column = r > 0 && std::find(name_columns.begin(), name_columns.end(),
                                                         cell.col) != name_columns.end();
          if (!panel && !in_name_column) {
            continue;
          }
          add_words(cell_text(doc, table, r, cell.col), out);
        }
      }
    }
  }

  // Capitalised words from token `from` on (up to four, name-joined).
  void take_name(const std::vector<Token>& tokens, std::size_t from, Names& out) const {
    // Skip an opening quote or a title before the name.
    std::size_t i = from;
    if (i < tokens.size()) {
      const std::size_t title = match_phrase(tokens, i, titles_);
      if (title > 0) {
        i += title;
      }
    }
    for (std::size_t n = 0; i < tokens.size() && n < 4; ++i, ++n) {
      const Token& t = tokens[i];
      if (!t.capitalised || t.has_digit) {
        break;
      }
      if (n > 0 && !joins_name(tokens[i - 1], t)) {
        break;
      }
      out.insert(t.base);
    }
  }

  void declare_from_text(const Document& doc, DocumentAnalysis& analysis, Names& out) const {
    for (std::size_t p = 0; p < doc.paragraphs.size(); ++p) {
      const Paragraph& para = doc.paragraphs[p];
      if (para.text.empty()) {
        continue;
      }
      const std::string& lowered = analysis.folded(p).text;
      // Sentences that speak of pseudonyms declare their capitalised words
      // ("Salma (pseudonym)", "The pseudonyms used are Salma and Omar"), and
      // so do the sentences after them in the same paragraph: executive
      // summaries declare in prose ("Pseudonyms are used for all family
      // members. Her daughter chose the name Margery and agreed the others:
      // Stuart (son), Lorraine (daughter) and Ron (her late husband).").
      if (lowered.find("pseudonym") != std::string::npos ||
          lowered.find("not her real name") != std::string::npos ||
          lowered.find("not his real name") != std::string::npos ||
          lowered.find("not their real name") != std::string::npos) {
        bool declaring = false;
        for (const text::Range& s : analysis.sentences(p)) {
          const std::string sentence = text::slice(para.text, s.start, s.end);
          const std::string f = folded(sentence);
          declaring = declaring || f.find("pseudonym") != std::string::npos ||
                      f.find("real name") != std::string::npos;
          if (declaring) {
            add_words(sentence, out);
          }
        }
        // "The following pseudonyms are used:" and then a list: each item
        // of the list that follows declares its capitalised words.
        const std::size_t last = lowered.find_last_not_of(" \t");
        if (last != std::string::npos && lowered[last] == ':') {
          for (std::size_t q = p + 1; q < doc.paragraphs.size(); ++q) {
            const Paragraph& item = doc.paragraphs[q];
            if (item.story != para.story || !is_list_item(item)) {
              break;
            }
            add_words(item.text, out);
          }
        }
      }
      const std::vector<Token>& tokens = analysis.tokens(para.text);
      for (std::size_t i = 0; i < tokens.size(); ++i) {
        // "referred to as Salma", "known as Omar"
        const std::size_t len = match_folded_phrase(tokens, i, declare_before_);
        if (len > 0 && i + len < tokens.size()) {
          take_name(tokens, i + len, out);
        }
        // "The independent chair, Jane Smith," / "chaired by Dr Jane Smith"
        if (role_words_.contains(tokens[i].base)) {
          std::size_t j = i + 1;
          while (j < tokens.size() && role_fillers_.contains(tokens[j].base) &&
                 !tokens[j].capitalised) {
            ++j;
          }
          if (j < tokens.size() && j - i <= 6) {
            take_name(tokens, j, out);
          }
          // "Jane Smith, the independent chair"
          std::size_t k = i;
          while (k > 0 && role_fillers_.contains(tokens[k - 1].base) && i - k < 5) {
            --k;
          }
          if (k > 0 && tokens[k - 1].capitalised && !tokens[k - 1].has_digit) {
            const std::string_view gap = tokens[k].gap_before;
            if (gap.find(',') != std::string::npos || gap.find('(') != std::string::npos ||
                gap.find('-') != std::string::npos ||
                gap.find("\xE2\x80\x93") != std::string::npos) {
              std::size_t a = k - 1;
              while (a > 0 && tokens[a - 1].capitalised && joins_name(tokens[a - 1], tokens[a]) &&
                     k - a < 4) {
                --a;
              }
              for (std::size_t n = a; n < k; ++n) {
                out.insert(tokens[n].base);
              }
            }
          }
        }
      }
    }
  }

  void read(DocumentAnalysis& analysis, Names& out) const {
    const Config& config = analysis.config();
    for (const std::string& name : config.pseudonyms) {
      add_all_words(name, out);
    }
    for (const std::string& name : config.allowed_names) {
      add_all_words(name, out);
    }
    for (const std::string& name : config.allowed_organisations) {
      add_all_words(name, out);
    }
    declare_from_tables(analysis.document(), analysis, out);
    declare_from_text(analysis.document(), analysis, out);
  }

 private:
  Tokenizer tokenize_;
  PhraseList titles_;
  TermSet pseudonym_headers_;
  TermSet name_headers_;
  TermSet companion_headers_;
  TermSet panel_headings_;
  PhraseList declare_before_;  // folded
  TermSet role_words_;
  TermSet role_fillers_;
};

}  // namespace

PseudonymTable PseudonymTable::read(DocumentAnalysis& analysis) {
  static const Declarations kDeclarations;
  PseudonymTable table;
  kDeclarations.read(analysis, table.words_);
  return table;
}

}  // namespace dhrlint::kit
