// What the structure rules share: the context words (data/structure/
// context.txt) and the parts of the report a trigger is never read from.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "rules/kit/kit.hpp"

namespace dhrlint::structure {

// data/structure/context.txt, compiled on first use, shared by the rules.
const kit::TermList& context_terms();

// Where a trigger (a suicide, coercive control, financial control) is not a
// description of this case: glossaries and glossary or panel tables, and
// the terms of reference themselves (which say what the review will ask).
bool reference_part(const Document& doc, const kit::Outline& outline, std::size_t p);

// A glossary entry: under a glossary heading, or in a table whose header
// row names glossary columns (Abbreviation, Term, Meaning, Definition).
bool in_glossary(const Document& doc, const kit::Outline& outline, std::size_t p);

// The paragraphs a trigger is read from, in order: the printed body's
// report text and the notes. Headings are left out.
bool readable(const Paragraph& p);

// The body paragraphs (headings included) and notes of every section that
// names `key`, in document order.
std::vector<std::size_t> section_paragraphs(const Document& doc, const kit::Outline& outline,
                                            std::string_view key);

// The heading a finding about the terms of reference goes on: the first one
// outside the appendices, else the first; null when there is none.
const kit::OutlineHeading* tor_heading(const kit::Outline& outline);

// The trimmed visible text of a heading paragraph, as a span.
text::Range heading_span(const Document& doc, const kit::OutlineHeading& h);

// True when the sentence [begin, end) of `folded` defines a term or cites a
// definition ("defined in", "section 76", "Domestic Abuse Act").
bool definitional(const text::FoldedText& folded, std::size_t begin, std::size_t end);

}  // namespace dhrlint::structure
