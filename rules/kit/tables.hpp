// Tables as a reader reads them: a cell's text, a row's text, the header a
// body cell sits under. Cells are addressed by grid column (gridBefore and
// gridSpan respected, as TableCoord::col is).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "dhrlint/document.hpp"

namespace dhrlint::kit {

// The table a cell paragraph belongs to, or nullptr.
const Table* table_of(const Document& doc, const Paragraph& para);
// The text of the cell covering grid column `col` of row `row`, its
// paragraphs joined by a space; "" when there is none.
std::string cell_text(const Document& doc, const Table& table, std::size_t row, std::uint32_t col);
// The text of a whole row, cells joined with " | ".
std::string row_text(const Document& doc, const Table& table, std::size_t row);
// The row of paragraph `p` ("" when it is not in a table).
std::string row_text_of(const Document& doc, std::size_t p);
// The first row of the table of paragraph `p` ("" when it is not in a table).
std::string header_row_text_of(const Document& doc, std::size_t p);
// For a paragraph in a table body cell: the text of its column's header cell
// (first row) and of the cell before it in its row; "" when not applicable.
std::string column_header(const Document& doc, const Paragraph& para);
std::string row_label(const Document& doc, const Paragraph& para);

}  // namespace dhrlint::kit
