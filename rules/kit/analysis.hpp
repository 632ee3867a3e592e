// Per-document analyses that many rules need, each computed once per document
// on first use and shared by every rule that asks (RuleContext::analysis()).
// Not thread-safe: one instance per document, used by one thread.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <typeindex>
#include <unordered_map>
#include <vector>

#include "dhrlint/config.hpp"
#include "dhrlint/document.hpp"
#include "lint/text/text.hpp"
#include "rules/kit/pseudonyms.hpp"
#include "rules/kit/tokens.hpp"

namespace dhrlint {

// Process-wide read-only resources, loaded once by the engine and shared by
// all documents and threads (after construction nothing mutates them).
struct SharedResources {
  text::Lexicon lexicon;
};

class DocumentAnalysis {
 public:
  DocumentAnalysis(const Document& doc, const Config& config, const SharedResources& shared);
  ~DocumentAnalysis();
  DocumentAnalysis(const DocumentAnalysis&) = delete;
  DocumentAnalysis& operator=(const DocumentAnalysis&) = delete;

  const Document& document() const { return doc_; }
  const Config& config() const { return config_; }
  const SharedResources& shared() const { return shared_; }
  const text::Lexicon& lexicon() const { return shared_.lexicon; }

  // Folded visible text of paragraph p (index into Document::paragraphs).
  const text::FoldedText& folded(std::size_t p);
  // ICU sentences of paragraph p's visible text (code points).
  const std::vector<text::Range>& sentences(std::size_t p);
  // ICU words of paragraph p's visible text (code points).
  const std::vector<text::Range>& words(std::size_t p);
  // The kit's Tokens of paragraph p's visible text.
  const std::vector<kit::Token>& tokens(std::size_t p);
  // The Tokens of any text (a paragraph's version with invisible text, a
  // field code, a property value, a table cell), keyed by content, so a
  // temporary text is as safe a key as a paragraph.
  const std::vector<kit::Token>& tokens(std::string_view utf8);

  // The contract's sections ("1.6.5") in body order, and the printed-body
  // paragraphs of each (kit::is_report_text; notes belong to their anchor's
  // section and are not listed).
  const std::vector<std::string>& sections();
  const std::vector<std::size_t>& paragraphs_of_section(std::string_view section);

  // The names the report and the configuration declare (pseudonyms, the
  // chair, panel members): kit::PseudonymTable.
  const kit::PseudonymTable& pseudonyms();

  // A rule family's own reading of the document (the hba rules' HbaReading,
  // say), computed once by `compute()` and shared by the rules of the family.
  // Keyed by the type T: one T per document.
  template <class T, class Compute>
  const T& family(Compute&& compute) {
    const std::type_index key(typeid(T));
    auto it = family_.find(key);
    if (it == family_.end()) {
      it = family_.emplace(key, std::make_shared<T>(compute())).first;
    }
    return *static_cast<const T*>(it->second.get());
  }

 private:
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  void index_sections();

  const Document& doc_;
  const Config& config_;
  const SharedResources& shared_;
  std::vector<std::optional<text::FoldedText>> folded_;
  std::vector<std::optional<std::vector<text::Range>>> sentences_;
  std::vector<std::optional<std::vector<text::Range>>> words_;
  std::vector<const std::vector<kit::Token>*> paragraph_tokens_;
  kit::Tokenizer tokenize_;
  std::unordered_map<std::string, std::vector<kit::Token>, StringHash, std::equal_to<>> tokens_;
  std::optional<std::vector<std::string>> sections_;
  std::map<std::string, std::vector<std::size_t>, std::less<>> section_paragraphs_;
  std::optional<kit::PseudonymTable> pseudonyms_;
  std::unordered_map<std::type_index, std::shared_ptr<const void>> family_;
};

}  // namespace dhrlint
