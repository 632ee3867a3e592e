// --annotate: a copy of the draft with each finding as a Word comment by
// "dhrlint" on the text it is about, so an author can work through the
// findings in Word's review pane. Only the parts that receive comments are
// rewritten (the main part, the comments part, the main
// part's relationships and [Content_Types].xml when the comments part is
// new); every other part is copied as it is in the input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dhrlint/document.hpp"
#include "dhrlint/finding.hpp"
#include "dhrlint/result.hpp"
#include "dhrlint/rule.hpp"

namespace dhrlint {

// Where one finding's comment went.
enum class CommentPlacement {
  kSpan,       // on exactly the finding's span, in its paragraph (runs split at its ends)
  kParagraph,  // on the whole of the finding's paragraph: no span, a zero-width span
               // (tracked-deleted text), or a span whose ends the runs cannot be
               // split at (inside a symbol or math)
  kElsewhere,  // on a whole body paragraph standing for the finding's place, with a line
               // saying where it is: whole-document and property findings, headers and
               // footers (the first body paragraph); footnotes and endnotes (the
               // paragraph that references the note: LibreOffice 7.4 cannot open a
               // file with a comment in a footnote); Word comments (their anchor)
};

std::string_view comment_placement_name(CommentPlacement placement);

struct AnnotatedComment {
  std::string id;  // w:id of the new comment
  CommentPlacement placement = CommentPlacement::kSpan;
  std::string part;             // the part holding its range
  std::uint32_t paragraph = 0;  // 1-based ordinal of the w:p in that part (Paragraph::index)
  std::size_t start = 0;        // the range, code points into that paragraph's visible text
  std::size_t end = 0;
};

struct AnnotatedDocx {
  std::string bytes;                       // the annotated .docx
  std::vector<AnnotatedComment> comments;  // one per finding, in the findings' order
};

// The author and initials of every comment --annotate writes.
inline constexpr std::string_view kAnnotationAuthor = "dhrlint";
inline constexpr std::string_view kAnnotationInitials = "DL";

// Annotates the package `input` (its bytes), which `doc` was read from
// (Linter::keep_documents), with one comment per finding. `rules` gives each
// rule's fix hint (RuleInfo::fix); a finding whose rule is not among them gets
// no hint. Errors are values: a part that cannot be parsed again, a model
// that does not match the package.
Result<AnnotatedDocx> annotate_docx(const std::string& input, const Document& doc,
                                    const std::vector<Finding>& findings,
                                    const std::vector<RuleInfo>& rules);

// Writes `bytes` to `path` through a temporary file in the same folder that is
// renamed over `path` once complete, so a failure leaves nothing half-written.
// The file gets `permissions` when given (the input's, so the copy is guarded
// like the draft). nullopt on success.
std::optional<Error> write_file_atomically(const std::filesystem::path& path,
                                           std::string_view bytes,
                                           std::optional<std::filesystem::perms> permissions);

}  // namespace dhrlint
