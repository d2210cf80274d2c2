// Exports: records of one kind, or a segment's members, written to CSV or
// JSON page by page inside one read snapshot.
#include <ostream>
#include <streambuf>

#include "common/enum_names.hpp"
#include "crm/custom_field.hpp"
#include "crm/error.hpp"
#include "crm/export.hpp"
#include "io/export_pages.hpp"
#include "io/record_writer.hpp"
#include "io/reference_names.hpp"
#include "io/replacing_file.hpp"
#include "storage/session.hpp"
#include "storage/store_access.hpp"
#include "user/acting_user.hpp"

namespace crm {
namespace {

// Passes what an export writes on to the caller's stream in blocks, each
// under a CallbackScope: a stream that runs the caller's code (a Python file
// object, say) must not use the connection the export is still reading.
class CallbackOutput : public std::streambuf {
 public:
  CallbackOutput(const detail::Session& session, std::ostream& out) : session_(session), out_(out) {
    setp(buffer_, buffer_ + sizeof buffer_);
  }

 protected:
  int_type overflow(int_type c) override {
    if (!pass_on()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  // A flush of the export flushes the caller's stream too.
  int sync() override { return pass_on(true) ? 0 : -1; }

 private:
  bool pass_on(bool flush = false) {
    const detail::CallbackScope calling(session_);
    if (pptr() > pbase()) out_.write(pbase(), pptr() - pbase());
    if (flush) out_.flush();
    setp(buffer_, buffer_ + sizeof buffer_);
    return static_cast<bool>(out_);
  }

  const detail::Session& session_;
  std::ostream& out_;
  char buffer_[1 << 16];
};

constexpr detail::EnumName<ExportFormat> kFormats[] = {{ExportFormat::csv, "csv"}, {ExportFormat::json, "json"}};

std::unique_ptr<detail::RecordWriter> writer_for(std::ostream& out, const ExportOptions& options,
                                                 std::vector<CustomField> custom) {
  if (options.format == ExportFormat::json) return detail::json_record_writer(out, options.kind, std::move(custom));
  if (options.format != ExportFormat::csv)
    throw Error(ErrorCode::invalid_argument, "export.format: unknown format (csv or json)", "format");
  check_export_delimiter(options.delimiter);
  return detail::csv_record_writer(out, options.delimiter, options.escape_formulas, options.kind, std::move(custom));
}

}  // namespace

void check_export_delimiter(char delimiter) {
  if (delimiter != ',' && delimiter != ';' && delimiter != '\t')
    throw Error(ErrorCode::invalid_argument,
                "export.delimiter: '" + std::string(1, delimiter) + "' is not a CSV delimiter (',', ';' or a tab)",
                "delimiter");
}

std::string_view export_format_name(ExportFormat format) noexcept {
  return detail::name_of<ExportFormat>(kFormats, format);
}

std::optional<ExportFormat> export_format_from_name(std::string_view name) noexcept {
  return detail::from_name<ExportFormat>(kFormats, name);
}

std::int64_t Exports::write(std::ostream& out, const ExportOptions& options) const {
  return detail::guarded_read(session_, [&] {
    detail::require_action(session_, options.kind, Action::export_);
    CallbackOutput passing_on(session_, out);
    std::ostream output(&passing_on);
    const auto writer = writer_for(output, options, detail::StoreAccess::make<CustomFields>(session_).list(options.kind));
    detail::ExportPages pages(session_, options.kind, options.query);
    detail::ReferenceNames names(session_);
    std::vector<detail::RecordDraft> page = pages.next();  // the first page checks the query before anything is written
    writer->begin();
    std::int64_t rows = 0;
    for (; !page.empty(); page = pages.next()) {
      names.fill(page);
      for (const detail::RecordDraft& draft : page) writer->write(draft);
      rows += static_cast<std::int64_t>(page.size());
    }
    writer->end();
    output.flush();
    return rows;
  });
}

std::int64_t Exports::write_file(const std::string& path, const ExportOptions& options) const {
  return detail::guarded([&] {
    detail::ReplacingFile file(path);
    const std::int64_t rows = write(file.stream(), options);
    file.commit();
    return rows;
  });
}

}  // namespace crm
