// The XML behind the model, for writers (--annotate): which w:p is the model's
// paragraph N of a part, and which child of which w:r produced each stretch of
// a RunSpan's text. The reader's own walker reports them, so a writer counts
// paragraphs and runs exactly as read_document does (mc:Fallback copies and
// separator notes skipped, runs in hyperlinks, revisions and content controls
// counted, hidden and deleted runs counted) without a second copy of its
// rules.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include <pugixml.hpp>

#include "dhrlint/document.hpp"
#include "lint/ooxml/styles.hpp"

namespace dhrlint::ooxml {

class StoryObserver {
 public:
  virtual ~StoryObserver() = default;
  // The w:p read as the part's paragraph `index` (Paragraph::index).
  virtual void paragraph(std::uint32_t index, pugi::xml_node p) = 0;
  // Visible text of `length` code points, at `run_offset` in run `run`
  // (RunSpan numbering) of paragraph `paragraph`, produced by `source`: the
  // w:r's child (w:t, w:tab, w:sym, ...) that holds it.
  virtual void run_text(std::uint32_t paragraph, std::uint32_t run, std::uint32_t run_offset,
                        std::size_t length, pugi::xml_node source) = 0;
};

// Walks one story part as read_document reads it and reports its nodes.
// `part_xml` is the part as load_part_xml gives it (canonical names, one
// branch of each mc:AlternateContent). Stories: kBody (the main part),
// kFootnote, kEndnote; any other story reports nothing. `styles` decides
// which runs are hidden, as in the real read.
void observe_story(const pugi::xml_document& part_xml, Story story, const std::string& part,
                   const StyleSheet& styles, StoryObserver& observer);

}  // namespace dhrlint::ooxml
