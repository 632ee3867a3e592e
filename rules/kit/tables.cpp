#include "rules/kit/tables.hpp"

#include <algorithm>

namespace dhrlint::kit {

const Table* table_of(const Document& doc, const Paragraph& para) {
  if (!para.table) {
    return nullptr;
  }
  for (const Table& t : doc.tables) {
    if (t.part == para.part && t.number == para.table->table) {
      return &t;
    }
  }
  return nullptr;
}

std::string cell_text(const Document& doc, const Table& table, std::size_t row, std::uint32_t col) {
  if (row >= table.rows.size()) {
    return {};
  }
  for (const Table::Cell& cell : table.rows[row].cells) {
    if (col >= cell.col && col < cell.col + std::max<std::uint32_t>(cell.span, 1)) {
      std::string out;
      for (std::size_t p : cell.paragraphs) {
        if (p >= doc.paragraphs.size()) {
          continue;
        }
        if (!out.empty()) {
          out += ' ';
        }
        out += doc.paragraphs[p].text;
      }
      return out;
    }
  }
  return {};
}

std::string row_text(const Document& doc, const Table& table, std::size_t row) {
  if (row >= table.rows.size()) {
    return {};
  }
  std::string out;
  bool first = true;
  for (const Table::Cell& cell : table.rows[row].cells) {
    if (!first) {
      out += " | ";
    }
    first = false;
    out += cell_text(doc, table, row, cell.col);
  }
  return out;
}

std::string row_text_of(const Document& doc, std::size_t p) {
  if (p >= doc.paragraphs.size()) {
    return {};
  }
  const Paragraph& para = doc.paragraphs[p];
  const Table* t = table_of(doc, para);
  return t != nullptr ? row_text(doc, *t, para.table->row) : std::string();
}

std::string header_row_text_of(const Document& doc, std::size_t p) {
  if (p >= doc.paragraphs.size()) {
    return {};
  }
  const Table* t = table_of(doc, doc.paragraphs[p]);
  return t != nullptr ? row_text(doc, *t, 0) : std::string();
}

std::string column_header(const Document& doc, const Paragraph& para) {
  if (!para.table || para.table->row == 0) {
    return {};
  }
  const Table* t = table_of(doc, para);
  return t != nullptr ? cell_text(doc, *t, 0, para.table->col) : std::string();
}

std::string row_label(const Document& doc, const Paragraph& para) {
  if (!para.table || para.table->col == 0) {
    return {};
  }
  const Table* t = table_of(doc, para);
  if (t == nullptr || para.table->row >= t->rows.size()) {
    return {};
  }
  // The cell just before this one in the row.
  const Table::Row& row = t->rows[para.table->row];
  std::string label;
  for (const Table::Cell& cell : row.cells) {
    if (cell.col >= para.table->col) {
      break;
    }
    label = cell_text(doc, *t, para.table->row, cell.col);
  }
  return label;
}

}  // namespace dhrlint::kit
