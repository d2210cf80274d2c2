// Imports::read: a reading thread parses the file into batches of rows
// while this thread writes them, one transaction per batch (or one for the
// whole import when nothing may be written unless everything is).
#include <atomic>
#include <exception>
#include <filesystem>
#include <fstream>
#include <thread>

#include "crm/currency.hpp"
#include "crm/custom_field.hpp"
#include "crm/error.hpp"
#include "crm/import.hpp"
#include "io/batch_queue.hpp"
#include "io/csv_reader.hpp"
#include "io/date_order.hpp"
#include "io/import_options.hpp"
#include "io/row_mapper.hpp"
#include "io/row_writer.hpp"
#include "storage/errors.hpp"
#include "storage/session.hpp"
#include "storage/store_access.hpp"
#include "user/acting_user.hpp"

namespace crm {
namespace {

using namespace detail;

// Batches read ahead of the writer: bounds the memory an import holds.
constexpr std::size_t kBatchesAhead = 3;

struct Batch {
  std::vector<PreparedRow> rows;
  std::int64_t bytes = 0;  // input consumed up to the end of this batch
};

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// The header line: the names of the columns.
std::vector<std::string> read_headers(CsvReader& reader) {
  CsvRecord header;
  if (!reader.next(header))
    throw Error(ErrorCode::invalid_argument, "import: the file is empty; its first line must name the columns");
  if (!header.error.empty()) throw Error::parse("import: the header line is malformed: " + header.error, 1, 1);
  std::vector<std::string> headers;
  for (const std::string& name : header.fields) headers.push_back(trimmed(name));
  return headers;
}

// The reading thread: parses records into batches until the input ends or
// the writer stops; an exception is kept for the writer to rethrow.
class Reading {
 public:
  Reading(CsvReader& reader, const RowMapper& mapper, std::size_t batch_rows)
      : reader_(reader), mapper_(mapper), batch_rows_(batch_rows), queue_(kBatchesAhead),
        thread_([this] { run(); }) {}
  Reading(const Reading&) = delete;
  Reading& operator=(const Reading&) = delete;
  ~Reading() {
    stopping_ = true;  // the writer is done: read no further
    queue_.close();
    thread_.join();
  }

  // The next batch, nullopt at the end; rethrows what the reading thread hit.
  std::optional<Batch> next() {
    std::optional<Batch> batch = queue_.pop();
    if (!batch && failure_) std::rethrow_exception(failure_);
    return batch;
  }

 private:
  void run() {
    try {
      produce();
    } catch (...) {
      failure_ = std::current_exception();
    }
    queue_.close();
  }

  void produce() {
    Batch batch;
    CsvRecord record;
    while (!stopping_ && reader_.next(record)) {
      batch.rows.emplace_back();
      mapper_.prepare(record, batch.rows.back());
      if (batch.rows.size() < batch_rows_) continue;
      batch.bytes = static_cast<std::int64_t>(reader_.bytes_consumed());
      if (!queue_.push(std::move(batch))) return;
      batch = Batch{};
    }
    batch.bytes = static_cast<std::int64_t>(reader_.bytes_consumed());
    if (!batch.rows.empty()) queue_.push(std::move(batch));
  }

  CsvReader& reader_;
  const RowMapper& mapper_;
  std::size_t batch_rows_;
  BatchQueue<Batch> queue_;
  std::exception_ptr failure_;
  std::atomic<bool> stopping_{false};
  std::thread thread_;  // last: starts once everything it uses exists
};

// Calls the progress callback (which must not use the session); false when
// it asks to stop.
bool report_progress(const detail::Session& session, const ImportOptions& options, const ImportResult& result,
                     std::int64_t bytes, std::int64_t total_bytes) {
  if (!options.progress) return true;
  const detail::CallbackScope calling(session);
  return options.progress(
      {result.rows, bytes, total_bytes, result.inserted + result.updated, result.failed});
}

}  // namespace

ImportResult Imports::read(std::istream& in, const ImportOptions& options) { return run(in, 0, options); }

ImportResult Imports::read_file(const std::string& path, const ImportOptions& options) {
  std::error_code error;
  const auto size = std::filesystem::file_size(path, error);
  if (error) throw Error(ErrorCode::not_found, "import: cannot read '" + path + "': " + error.message(), "path");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::io, "import: cannot open '" + path + "'", "path");
  return run(in, static_cast<std::int64_t>(size), options);
}

ImportResult Imports::run(std::istream& in, std::int64_t total_bytes, const ImportOptions& options) {
  return guarded([&] {
    check_import_options(options);
    detail::require_action(session_, options.kind, Action::import);
    const CsvOptions csv{options.encoding, options.delimiter};
    const std::istream::pos_type start = in.tellg();
    std::optional<CsvReader> reader(std::in_place, in, csv);
    RowMapper mapper(options.kind, read_headers(*reader), options.columns,
                     detail::StoreAccess::make<CustomFields>(session_).list(options.kind),
                     detail::StoreAccess::make<Currencies>(session_).base(), options.policy, options.values,
                     options.compose);
    // Detecting the order of slashed dates reads the file once more, unless
    // a raw scan finds no '/' after the header; input that cannot seek back
    // keeps ambiguous dates refused.
    const bool can_read_again = start != std::istream::pos_type(-1);
    const bool detect = options.date_order == DateOrder::detect;
    bool slashes = false;
    if (detect && can_read_again) {
      const std::istream::pos_type reading_at = in.tellg();
      slashes = holds_slash_after_header(in, start);
      in.seekg(reading_at);
    }
    if ((!detect || slashes) && decide_slash_dates(*reader, mapper, options.date_order)) {
      in.clear();
      in.seekg(start);
      reader.emplace(in, csv);
      read_headers(*reader);
    }
    ImportResult result;
    for (const ColumnBinding& binding : mapper.bindings()) result.mapping[binding.header] = binding.column;
    result.ignored_headers = mapper.ignored_headers();
    RowWriter writer(session_, options, mapper, result);
    const bool atomic = options.dry_run || options.all_or_nothing;
    std::optional<WriteScope> whole;
    if (atomic) whole.emplace(session_);
    Reading reading(*reader, mapper, options.batch_rows);
    while (auto batch = reading.next()) {
      std::optional<WriteScope> scope;
      if (!atomic) scope.emplace(session_);
      for (PreparedRow& row : batch->rows) {
        ++result.rows;
        writer.write(row);
      }
      if (scope) scope->commit();
      if (!report_progress(session_, options, result, batch->bytes, total_bytes)) {
        result.stopped = true;
        break;
      }
    }
    const bool keep = !options.dry_run && !(options.all_or_nothing && (result.failed > 0 || result.stopped));
    if (whole && keep) whole->commit();
    result.committed = keep;
    return result;
  });
}

}  // namespace crm
