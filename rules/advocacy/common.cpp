#include "rules/advocacy/common.hpp"

#include <algorithm>
#include <set>
#include <tuple>

namespace dhrlint::advocacy {

namespace {

constexpr std::string_view kGeneric = "generic";
constexpr std::string_view kSpecialist = "specialist advocacy";

}  // namespace

AdvocacyReader::AdvocacyReader()
    : services_("advocacy/services.txt"),
      context_("advocacy/context.txt"),
      sections_("advocacy/sections.txt") {}

// Parts of the report where a service's name says nothing about this
// family's advocacy: glossaries, panel and glossary tables, recommendations
// and action plans, terms of reference (what the review will ask).
bool AdvocacyReader::excluded_paragraph(const Document& doc, std::size_t p) const {
  if (kit::under_heading(doc, p, sections_, "glossary") ||
      kit::under_heading(doc, p, sections_, "recommendations") ||
      kit::under_heading(doc, p, sections_, "terms-of-reference")) {
    return true;
  }
  return kit::in_reference_table(doc, p, sections_);
}

// An offer or uptake in bytes [begin, end) of `folded` that is not part of
// something that only reads like one (the Home Office leaflet sent, a service
// notified of the review).
bool AdvocacyReader::stated_outcome(const text::FoldedText& folded, std::size_t begin,
                                    std::size_t end) const {
  const std::vector<kit::TermMatch> not_offers = context_.find_in(folded, begin, end, "not-offer");
  for (std::string_view group : {"offer", "uptake"}) {
    for (const kit::TermMatch& m : context_.find_in(folded, begin, end, group)) {
      const bool inside = std::any_of(not_offers.begin(), not_offers.end(), [&](const auto& n) {
        return m.folded_begin < n.folded_end && n.folded_begin < m.folded_end;
      });
      if (!inside) {
        return true;
      }
    }
  }
  return false;
}

const AdvocacyReading& AdvocacyReader::shared_reading(const Document& doc,
                                                      DocumentAnalysis& analysis) {
  // The term lists, built once per process on first use and read-only after
  // (TermList compiles its patterns on first match).
  static const AdvocacyReader kReader;
  return analysis.family<AdvocacyReading>([&] { return kReader.read(doc, analysis); });
}

AdvocacyReading AdvocacyReader::read(const Document& doc, DocumentAnalysis& analysis) const {
  AdvocacyReading reading;
  std::set<std::string> stated;
  std::vector<UnclearMention> candidates;
  std::vector<UnclearMention> descriptions;  // see below
  for (std::size_t i = 0; i < doc.paragraphs.size(); ++i) {
    const Paragraph& p = doc.paragraphs[i];
    const bool body = kit::is_report_text(p);
    const bool note = kit::is_note(p);
    if (!body && !note) {
      continue;
    }
    const text::FoldedText& folded = analysis.folded(i);
    if (folded.text.find("advoca") == std::string::npos &&
        folded.text.find("homicide") == std::string::npos &&
        folded.text.find("aafda") == std::string::npos &&
        folded.text.find("vshs") == std::string::npos &&
        folded.text.find("famil") == std::string::npos &&
        folded.text.find("relative") == std::string::npos &&
        folded.text.find("next of kin") == std::string::npos) {
      continue;
    }
    if (context_.contains(folded, "unreachable")) {
      reading.no_family = true;
    }
    if (excluded_paragraph(doc, i)) {
      continue;
    }
    // A table cell is read with its row: "| Nadia (sister) | AAFDA | Accepted |".
    const text::FoldedText row = text::fold(kit::row_text_of(doc, i));
    const bool family_paragraph = context_.contains(folded, "family") ||
                                  context_.contains(row, "family") ||
                                  kit::under_heading(doc, i, context_, "family");
    const bool row_outcome =
        !row.text.empty() &&
        (context_.contains(row, "offer") || context_.contains(row, "uptake")) &&
        !context_.contains(row, "unclear");
    const std::vector<text::Range>& sentences = analysis.sentences(i);
    for (std::size_t s = 0; s < sentences.size(); ++s) {
      const kit::FoldedSpan span = kit::to_folded_span(folded, sentences[s]);
      std::vector<kit::TermMatch> named;
      for (kit::TermMatch& m : services_.find_in(folded, span.folded_begin, span.folded_end)) {
        if (m.group != kGeneric) {
          named.push_back(std::move(m));
        }
      }
      const bool generic =
          services_.contains_in(folded, span.folded_begin, span.folded_end, kGeneric);
      if (named.empty() && !generic) {
        continue;
      }
      auto has = [&](std::string_view group) {
        return context_.contains_in(folded, span.folded_begin, span.folded_end, group);
      };
      const bool other_advocacy = has("other-advocacy");
      // "The IDVA, a specialist advocate, ...": the victim's advocacy.
      if (other_advocacy) {
        named.erase(std::remove_if(named.begin(), named.end(),
                                   [](const kit::TermMatch& m) { return m.group == kSpecialist; }),
                    named.end());
        if (named.empty()) {
          continue;
        }
      }
      const bool modal = has("modal");
      const bool unclear = has("unclear");
      const bool panel = has("panel") || has("chair");
      const bool family = has("family") || family_paragraph;
      const bool outcome =
          stated_outcome(folded, span.folded_begin, span.folded_end) || row_outcome;
      if (modal || panel || !family) {
        continue;
      }
      if (outcome && !unclear) {
        for (const kit::TermMatch& m : named) {
          stated.insert(m.group);
        }
        if (!other_advocacy) {
          stated.insert(std::string(kGeneric));
        }
        continue;
      }
      // A description of what a service does ("AAFDA provides specialist
      // advocacy to bereaved families") says nothing about this family. In
      // the body it is where the report should have said whether the family
      // was offered it, so it counts as unclear when no outcome is stated
      // anywhere; in a note it is an aside.
      if (has("description") && !unclear) {
        if (body) {
          for (const kit::TermMatch& m : named) {
            descriptions.push_back(UnclearMention{i, m.start, m.end, m.group});
          }
        }
        continue;
      }
      // The next sentence may give the outcome ("They declined.").
      if (!unclear && s + 1 < sentences.size()) {
        const kit::FoldedSpan next = kit::to_folded_span(folded, sentences[s + 1]);
        const bool next_outcome =
            stated_outcome(folded, next.folded_begin, next.folded_end) &&
            !context_.contains_in(folded, next.folded_begin, next.folded_end, "modal") &&
            !context_.contains_in(folded, next.folded_begin, next.folded_end, "unclear");
        if (next_outcome) {
          for (const kit::TermMatch& m : named) {
            stated.insert(m.group);
          }
          continue;
        }
      }
      for (const kit::TermMatch& m : named) {
        candidates.push_back(UnclearMention{i, m.start, m.end, m.group});
      }
    }
  }
  if (stated.empty()) {
    candidates.insert(candidates.end(), descriptions.begin(), descriptions.end());
    std::sort(candidates.begin(), candidates.end(), [](const auto& x, const auto& y) {
      return std::tie(x.paragraph, x.start) < std::tie(y.paragraph, y.start);
    });
  }
  reading.stated.assign(stated.begin(), stated.end());
  for (UnclearMention& m : candidates) {
    if (!stated.count(m.service)) {
      reading.unclear.push_back(std::move(m));
    }
  }
  return reading;
}

}  // namespace dhrlint::advocacy
