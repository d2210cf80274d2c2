#include "io/import_options.hpp"

#include "common/enum_names.hpp"
#include "crm/error.hpp"
#include "query/catalog.hpp"

namespace crm {
namespace {

using detail::EnumName;

constexpr EnumName<ImportMode> kModes[] = {{ImportMode::insert, "insert"}, {ImportMode::upsert, "upsert"}};
constexpr EnumName<ImportKey> kKeys[] = {{ImportKey::external_ref, "external_ref"},
                                         {ImportKey::email, "email"},
                                         {ImportKey::phone, "phone"},
                                         {ImportKey::registration_number, "registration_number"}};
constexpr EnumName<DuplicateAction> kActions[] = {{DuplicateAction::ignore, "ignore"},
                                                  {DuplicateAction::report, "report"},
                                                  {DuplicateAction::skip, "skip"},
                                                  {DuplicateAction::merge, "merge"}};
constexpr EnumName<CellPolicy> kPolicies[] = {{CellPolicy::strict, "strict"}, {CellPolicy::lenient, "lenient"}};
constexpr EnumName<DateOrder> kDateOrders[] = {
    {DateOrder::detect, "detect"}, {DateOrder::day_first, "day_first"}, {DateOrder::month_first, "month_first"}};

// Whether records of `kind` can be found by `key`.
bool kind_has_key(RecordKind kind, ImportKey key) {
  switch (key) {
    case ImportKey::external_ref:
      return true;
    case ImportKey::email:
    case ImportKey::phone:
      return kind == RecordKind::account || kind == RecordKind::contact || kind == RecordKind::lead;
    case ImportKey::registration_number:
      return kind == RecordKind::account;
  }
  return false;
}

}  // namespace

std::string_view import_mode_name(ImportMode mode) noexcept { return detail::name_of<ImportMode>(kModes, mode); }
std::string_view import_key_name(ImportKey key) noexcept { return detail::name_of<ImportKey>(kKeys, key); }
std::string_view duplicate_action_name(DuplicateAction action) noexcept {
  return detail::name_of<DuplicateAction>(kActions, action);
}
std::optional<ImportMode> import_mode_from_name(std::string_view name) noexcept {
  return detail::from_name<ImportMode>(kModes, name);
}
std::optional<ImportKey> import_key_from_name(std::string_view name) noexcept {
  return detail::from_name<ImportKey>(kKeys, name);
}
std::optional<DuplicateAction> duplicate_action_from_name(std::string_view name) noexcept {
  return detail::from_name<DuplicateAction>(kActions, name);
}
std::string_view cell_policy_name(CellPolicy policy) noexcept { return detail::name_of<CellPolicy>(kPolicies, policy); }
std::string_view date_order_name(DateOrder order) noexcept { return detail::name_of<DateOrder>(kDateOrders, order); }
std::optional<CellPolicy> cell_policy_from_name(std::string_view name) noexcept {
  return detail::from_name<CellPolicy>(kPolicies, name);
}
std::optional<DateOrder> date_order_from_name(std::string_view name) noexcept {
  return detail::from_name<DateOrder>(kDateOrders, name);
}

void check_batch_rows(std::size_t rows) {
  if (rows < 1 || rows > kMaxBatchRows)
    throw Error(ErrorCode::invalid_argument,
                "batch_rows: " + std::to_string(rows) + " is not between 1 and " + std::to_string(kMaxBatchRows),
                "batch_rows");
}

namespace detail {

std::string key_column(RecordKind kind, ImportKey key) {
  if (kind == RecordKind::contact && key == ImportKey::email) return "emails";
  if (kind == RecordKind::contact && key == ImportKey::phone) return "phones";
  return std::string(import_key_name(key));
}

void check_import_options(const ImportOptions& options) {
  auto refuse = [](const std::string& option, const std::string& problem) {
    throw Error(ErrorCode::invalid_argument, "import." + option + ": " + problem, option);
  };
  if (!record_kind_from_name(record_kind_name(options.kind))) refuse("kind", "unknown record kind");
  if (options.mode == ImportMode::upsert && !kind_has_key(options.kind, options.key))
    refuse("key", std::string(record_table_name(options.kind)) + " cannot be found by " +
                      std::string(import_key_name(options.key)));
  if (cell_policy_name(options.policy).empty()) refuse("policy", "not strict or lenient");
  if (date_order_name(options.date_order).empty()) refuse("date_order", "not detect, day_first or month_first");
  check_batch_rows(options.batch_rows);
  if (options.delimiter != 0 && options.delimiter != ',' && options.delimiter != ';' && options.delimiter != '\t')
    refuse("delimiter", std::string("'") + options.delimiter + "' is not ',', ';' or a tab");
}

}  // namespace detail
}  // namespace crm
