#include "rules/hba/common.hpp"

#include <algorithm>

namespace dhrlint::hba {

HbaReader::HbaReader()
    : terms_("hba/terms.txt"),
      cues_("hba/cues.txt"),
      reasoning_("hba/reasoning.txt"),
      sections_("hba/sections.txt") {}

// Glossaries, abbreviation lists and panel-membership tables name HBA or a
// specialist service without the panel considering anything.
bool HbaReader::excluded_paragraph(const Document& doc, std::size_t p) const {
  if (kit::under_heading(doc, p, sections_, "glossary")) {
    return true;
  }
  return kit::in_reference_table(doc, p, sections_);
}

const HbaReading& HbaReader::shared_reading(const Document& doc, DocumentAnalysis& analysis) {
  // The term lists, built once per process on first use and read-only after
  // (TermList compiles its patterns on first match).
  static const HbaReader kReader;
  return analysis.family<HbaReading>([&] { return kReader.read(doc, analysis); });
}

HbaReading HbaReader::read(const Document& doc, DocumentAnalysis& analysis) const {
  HbaReading out;
  // The last body paragraph that names HBA (a term, not a definition's list)
  // and gives a reason.
  std::size_t previous_reasoned_paragraph = kNoIndex;
  for (std::size_t i = 0; i < doc.paragraphs.size(); ++i) {
    const Paragraph& p = doc.paragraphs[i];
    const bool body = kit::is_report_text(p);
    const bool note = kit::is_note(p);
    if (!body && !note) {
      continue;
    }
    const text::FoldedText& folded = analysis.folded(i);
    if (folded.text.empty()) {
      continue;
    }
    std::vector<kit::TermMatch> terms = terms_.find(folded, "term");
    const std::vector<kit::TermMatch> cue_matches = cues_.find(folded);
    // Most paragraphs name neither: skip them before the costlier test of
    // where the paragraph stands.
    if (terms.empty() && cue_matches.empty()) {
      continue;
    }
    if (excluded_paragraph(doc, i)) {
      continue;
    }
    const std::vector<kit::TermMatch> names = terms_.find(folded, "not-consideration");
    terms.erase(std::remove_if(terms.begin(), terms.end(),
                               [&](const kit::TermMatch& t) {
                                 return std::any_of(names.begin(), names.end(), [&](const auto& n) {
                                   return t.folded_begin < n.folded_end &&
                                          n.folded_begin < t.folded_end;
                                 });
                               }),
                terms.end());
    for (const kit::TermMatch& m : terms) {
      (body ? out.body_terms : out.note_terms).push_back(Mention{i, m.start, m.end});
    }
    for (const kit::TermMatch& m : cue_matches) {
      if (!out.cues.count(m.group)) {
        out.cues.emplace(m.group, Mention{i, m.start, m.end});
      }
    }
    if (terms.empty()) {
      continue;
    }
    // Reasons may open the next paragraph ("1.9.3 The panel reached this view
    // after ...").
    bool next_reasoned = false;
    if (body) {
      const std::size_t next = kit::next_content_paragraph(doc, i);
      if (next != kNoIndex) {
        const std::vector<text::Range>& next_sentences = analysis.sentences(next);
        if (!next_sentences.empty()) {
          const text::FoldedText& next_folded = analysis.folded(next);
          const kit::FoldedSpan first = kit::to_folded_span(next_folded, next_sentences[0]);
          next_reasoned =
              reasoning_.contains_in(next_folded, first.folded_begin, first.folded_end, "reason") &&
              (reasoning_.contains_in(next_folded, first.folded_begin, first.folded_end,
                                      "refers-back") ||
               terms_.contains_in(next_folded, first.folded_begin, first.folded_end, "term"));
        }
      }
    }
    // Reasons may close the paragraph before, when it is about HBA too.
    const bool previous_reasoned =
        body && previous_reasoned_paragraph != kNoIndex &&
        kit::next_content_paragraph(doc, previous_reasoned_paragraph) == i;
    read_dismissals(i, p.text, folded, analysis.sentences(i), previous_reasoned, next_reasoned,
                    out);
    if (body && reasoning_.contains(folded, "reason")) {
      previous_reasoned_paragraph = i;
    }
  }
  return out;
}

void HbaReader::read_dismissals(std::size_t p, const std::string& original,
                                const text::FoldedText& folded,
                                const std::vector<text::Range>& sentences,
                                bool previous_paragraph_reasoned, bool next_paragraph_reasoned,
                                HbaReading& out) const {
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    const kit::FoldedSpan span = kit::to_folded_span(folded, sentences[s]);
    if (!terms_.contains_in(folded, span.folded_begin, span.folded_end, "term")) {
      continue;
    }
    if (!reasoning_.contains_in(folded, span.folded_begin, span.folded_end, "dismissal")) {
      continue;
    }
    auto reasoned = [&](const text::Range& r) {
      const kit::FoldedSpan x = kit::to_folded_span(folded, r);
      return reasoning_.contains_in(folded, x.folded_begin, x.folded_end, "reason");
    };
    if (reasoned(sentences[s])) {
      continue;
    }
    if (s + 1 < sentences.size() ? reasoned(sentences[s + 1]) : next_paragraph_reasoned) {
      continue;
    }
    // The conclusion often comes last, after its reasons ("The panel
    // considered whether ... There was no involvement of extended family ...
    // The panel concluded that ..."): reasons from the sentence that first
    // raises the subject in this paragraph on, or in the paragraph just
    // before when that one is about it too, count, whoever speaks.
    if (previous_paragraph_reasoned) {
      continue;
    }
    bool reasoned_before = false;
    bool raised = false;
    for (std::size_t k = 0; k < s && !reasoned_before; ++k) {
      const kit::FoldedSpan earlier = kit::to_folded_span(folded, sentences[k]);
      raised =
          raised || terms_.contains_in(folded, earlier.folded_begin, earlier.folded_end, "term");
      reasoned_before = raised && reasoned(sentences[k]);
    }
    if (reasoned_before) {
      continue;
    }
    const text::Range r = kit::trim(original, sentences[s]);
    out.unreasoned_dismissals.push_back(Mention{p, r.start, r.end});
  }
}

}  // namespace dhrlint::hba
