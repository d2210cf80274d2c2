// Plain-text tables for the terminal, aligned by characters (not bytes) so
// that Latvian, Cyrillic and German names line up.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace crm::cli {

/// Collects rows and prints them with aligned columns.
class Table {
 public:
  /// A table with these column headings.
  explicit Table(std::vector<std::string> headings);
  /// Prints the column at `index` right-aligned (for numbers).
  void align_right(std::size_t index);
  /// Adds a row; missing cells print empty, extra cells are ignored.
  void add(std::vector<std::string> row);
  /// Prints headings, a rule and the rows.
  void print(std::ostream& out) const;

 private:
  std::vector<std::string> headings_;
  std::vector<bool> right_;
  std::vector<std::vector<std::string>> rows_;
};

/// Number of characters (UTF-8 code points) in `text`.
std::size_t display_width(const std::string& text);

}  // namespace crm::cli
