#include "lint/engine/analysis.hpp"

namespace dhrlint {

DocumentAnalysis::DocumentAnalysis(const Document& doc, const SharedResources& shared)
    : doc_(doc),
      shared_(shared),
      folded_(doc.paragraphs.size()),
      sentences_(doc.paragraphs.size()),
      words_(doc.paragraphs.size()) {}

const text::FoldedText& DocumentAnalysis::folded(std::size_t p) {
  if (!folded_.at(p)) folded_[p] = text::fold(doc_.paragraphs[p].text);
  return *folded_[p];
}

const std::vector<text::Range>& DocumentAnalysis::sentences(std::size_t p) {
  if (!sentences_.at(p)) sentences_[p] = text::sentences(doc_.paragraphs[p].text);
  return *sentences_[p];
}

const std::vector<text::Range>& DocumentAnalysis::words(std::size_t p) {
  if (!words_.at(p)) words_[p] = text::words(doc_.paragraphs[p].text);
  return *words_[p];
}

}  // namespace dhrlint
