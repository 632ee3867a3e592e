#include "rules/kit/analysis.hpp"

#include "rules/kit/paragraphs.hpp"

namespace dhrlint {

DocumentAnalysis::DocumentAnalysis(const Document& doc, const Config& config,
                                   const SharedResources& shared)
    : doc_(doc),
      config_(config),
      shared_(shared),
      folded_(doc.paragraphs.size()),
      sentences_(doc.paragraphs.size()),
      words_(doc.paragraphs.size()),
      paragraph_tokens_(doc.paragraphs.size(), nullptr) {}

DocumentAnalysis::~DocumentAnalysis() = default;

const text::FoldedText& DocumentAnalysis::folded(std::size_t p) {
  if (!folded_.at(p)) {
    folded_[p] = text::fold(doc_.paragraphs[p].text);
  }
  return *folded_[p];
}

const std::vector<text::Range>& DocumentAnalysis::sentences(std::size_t p) {
  if (!sentences_.at(p)) {
    sentences_[p] = text::sentences(doc_.paragraphs[p].text);
  }
  return *sentences_[p];
}

const std::vector<text::Range>& DocumentAnalysis::words(std::size_t p) {
  if (!words_.at(p)) {
    words_[p] = text::words(doc_.paragraphs[p].text);
  }
  return *words_[p];
}

const std::vector<kit::Token>& DocumentAnalysis::tokens(std::size_t p) {
  if (paragraph_tokens_.at(p) == nullptr) {
    paragraph_tokens_[p] = &tokens(std::string_view(doc_.paragraphs[p].text));
  }
  return *paragraph_tokens_[p];
}

const std::vector<kit::Token>& DocumentAnalysis::tokens(std::string_view utf8) {
  auto found = tokens_.find(utf8);
  if (found != tokens_.end()) {
    return found->second;
  }
  // The tokens view the map's own copy of the text (a node's key never
  // moves), and are kept for the whole document: no growth slack.
  auto [it, added] = tokens_.try_emplace(std::string(utf8));
  it->second = tokenize_(it->first);
  it->second.shrink_to_fit();
  return it->second;
}

void DocumentAnalysis::index_sections() {
  sections_.emplace();
  for (std::size_t p = 0; p < doc_.paragraphs.size(); ++p) {
    const Paragraph& para = doc_.paragraphs[p];
    if (!kit::is_report_text(para) || para.section.empty()) {
      continue;
    }
    auto [it, added] = section_paragraphs_.try_emplace(para.section);
    if (added) {
      sections_->push_back(para.section);
    }
    it->second.push_back(p);
  }
}

const std::vector<std::string>& DocumentAnalysis::sections() {
  if (!sections_) {
    index_sections();
  }
  return *sections_;
}

const std::vector<std::size_t>& DocumentAnalysis::paragraphs_of_section(std::string_view section) {
  static const std::vector<std::size_t> kNone;
  if (!sections_) {
    index_sections();
  }
  auto it = section_paragraphs_.find(section);
  return it == section_paragraphs_.end() ? kNone : it->second;
}

const kit::PseudonymTable& DocumentAnalysis::pseudonyms() {
  if (!pseudonyms_) {
    pseudonyms_ = kit::PseudonymTable::read(*this);
  }
  return *pseudonyms_;
}

}  // namespace dhrlint
