// Per-document analyses that many rules need, built lazily once per document
// and shared through RuleContext::analysis(). Not thread-safe: one instance
// per document, used by one thread.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "dhrlint/document.hpp"
#include "lint/text/text.hpp"

namespace dhrlint {

// Process-wide read-only resources, loaded once by the engine and shared by
// all documents and threads (after construction nothing mutates them).
struct SharedResources {
  text::Lexicon lexicon;
};

class DocumentAnalysis {
 public:
  DocumentAnalysis(const Document& doc, const SharedResources& shared);

  const Document& document() const { return doc_; }
  const SharedResources& shared() const { return shared_; }

  // Folded visible text of paragraph p (index into Document::paragraphs).
  const text::FoldedText& folded(std::size_t p);
  // Sentences of paragraph p's visible text (code points).
  const std::vector<text::Range>& sentences(std::size_t p);
  // Words of paragraph p's visible text (code points).
  const std::vector<text::Range>& words(std::size_t p);

  // A rule family's own per-document analysis (e.g. the identifying rules'
  // token streams), built on first use and shared by the rules of the family.
  class Extension {
   public:
    virtual ~Extension() = default;
  };
  // The one T of this document; T derives from Extension and is default
  // constructible.
  template <class T>
  T& extension() {
    for (const std::unique_ptr<Extension>& e : extensions_) {
      if (T* found = dynamic_cast<T*>(e.get())) {
        return *found;
      }
    }
    extensions_.push_back(std::make_unique<T>());
    return static_cast<T&>(*extensions_.back());
  }

 private:
  const Document& doc_;
  const SharedResources& shared_;
  std::vector<std::optional<text::FoldedText>> folded_;
  std::vector<std::optional<std::vector<text::Range>>> sentences_;
  std::vector<std::optional<std::vector<text::Range>>> words_;
  std::vector<std::unique_ptr<Extension>> extensions_;
};

}  // namespace dhrlint
