// ExportFormat::csv: one header row, one row per record.
#include "crm/error.hpp"
#include "io/csv_formula.hpp"
#include "io/csv_writer.hpp"
#include "io/record_writer.hpp"

namespace crm::detail {
namespace {

class CsvRecordWriter : public RecordWriter {
 public:
  CsvRecordWriter(std::ostream& out, char delimiter, bool escape_formulas, RecordKind kind,
                  std::vector<CustomField> custom)
      : out_(out), csv_(out, delimiter), escape_formulas_(escape_formulas), columns_(column_names(kind)),
        custom_(std::move(custom)) {}

  void begin() override {
    std::vector<std::string> header = columns_;
    for (const CustomField& field : custom_) header.push_back(field.name);
    csv_.write_row(header);
  }

  void write(const RecordDraft& draft) override {
    row_.clear();
    for (const std::string& column : columns_) row_.push_back(format_column(draft, column));
    const CustomValues& values = std::visit([](const auto& data) -> const CustomValues& { return data.custom; }, draft.data);
    for (const CustomField& field : custom_) {
      const auto value = values.find(field.name);
      row_.push_back(value == values.end() ? std::string() : format_custom(value->second));
    }
    if (escape_formulas_)
      for (std::string& cell : row_) cell = escape_formula(cell);
    csv_.write_row(row_);
  }

  void end() override {
    out_.flush();
    require_good(out_);
  }

 private:
  std::ostream& out_;
  CsvWriter csv_;
  bool escape_formulas_;
  std::vector<std::string> columns_;
  std::vector<CustomField> custom_;
  std::vector<std::string> row_;  // reused between records
};

}  // namespace

std::unique_ptr<RecordWriter> csv_record_writer(std::ostream& out, char delimiter, bool escape_formulas,
                                                RecordKind kind, std::vector<CustomField> custom) {
  return std::make_unique<CsvRecordWriter>(out, delimiter, escape_formulas, kind, std::move(custom));
}

void require_good(const std::ostream& out) {
  if (!out) throw Error(ErrorCode::io, "export: writing the output failed (disk full, closed pipe or file?)");
}

}  // namespace crm::detail
