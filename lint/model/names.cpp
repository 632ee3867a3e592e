// Names the output contract fixes for enums of the public headers.
#include <tuple>

#include "dhrlint/document.hpp"
#include "dhrlint/finding.hpp"
#include "dhrlint/result.hpp"

namespace dhrlint {

std::string_view error_kind_name(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kNotZip:
      return "not-zip";
    case ErrorKind::kLegacyDoc:
      return "legacy-doc";
    case ErrorKind::kEncrypted:
      return "encrypted";
    case ErrorKind::kTruncated:
      return "truncated";
    case ErrorKind::kZipBomb:
      return "zip-bomb";
    case ErrorKind::kXml:
      return "xml";
    case ErrorKind::kMissingPart:
      return "missing-part";
    case ErrorKind::kNotWord:
      return "not-word";
    case ErrorKind::kIo:
      return "io";
  }
  return "io";
}

std::string_view invisible_kind_name(InvisibleKind k) {
  switch (k) {
    case InvisibleKind::kHidden:
      return "hidden";
    case InvisibleKind::kDeleted:
      return "deleted";
    case InvisibleKind::kMovedFrom:
      return "moved-from";
    case InvisibleKind::kFieldCode:
      return "field-code";
  }
  return "hidden";
}

std::string_view revision_kind_name(RevisionKind k) {
  switch (k) {
    case RevisionKind::kInsertion:
      return "insertion";
    case RevisionKind::kDeletion:
      return "deletion";
    case RevisionKind::kMoveTo:
      return "move-to";
    case RevisionKind::kMoveFrom:
      return "move-from";
    case RevisionKind::kParagraphInserted:
      return "paragraph-inserted";
    case RevisionKind::kParagraphDeleted:
      return "paragraph-deleted";
    case RevisionKind::kFormatChange:
      return "format-change";
  }
  return "insertion";
}

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::kInfo:
      return "info";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "warning";
}

std::optional<Severity> parse_severity(std::string_view name) {
  if (name == "info") return Severity::kInfo;
  if (name == "warning") return Severity::kWarning;
  if (name == "error") return Severity::kError;
  return std::nullopt;
}

bool finding_less(const Finding& a, const Finding& b, std::string_view /*main_part*/) {
  // The contract's order: (part, paragraph, start, rule); whole-document and
  // property findings (no paragraph, no start) first within their part. End
  // and message only make the order total.
  if (a.location.part != b.location.part) return a.location.part < b.location.part;
  auto pa = a.location.paragraph.value_or(0);
  auto pb = b.location.paragraph.value_or(0);
  if (pa != pb) return pa < pb;
  auto sa = a.location.start.value_or(0);
  auto sb = b.location.start.value_or(0);
  if (sa != sb) return sa < sb;
  if (a.rule != b.rule) return a.rule < b.rule;
  auto ea = a.location.end.value_or(0);
  auto eb = b.location.end.value_or(0);
  if (ea != eb) return ea < eb;
  return a.message < b.message;
}

const Paragraph* Document::find(std::string_view part, std::uint32_t index) const {
  for (const Paragraph& p : paragraphs) {
    if (p.index == index && p.part == part) return &p;
  }
  return nullptr;
}

}  // namespace dhrlint
