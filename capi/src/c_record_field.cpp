// The built-in fields of each record kind through the C ABI
// (crm_record_field_*), read from the record descriptors.
#include <array>

#include "c_fields.hpp"

using namespace crm::capi;

namespace {

/// One field as C describes it; the strings live as long as the library.
struct CField {
  std::string name;
  std::string type;
  std::string doc;
  std::uint32_t roles = 0;
};

/// The CRM_FIELD_* bits of `info` (the C values are fixed; the C++ ones may move).
std::uint32_t c_roles(const crm::FieldInfo& info) {
  using R = crm::FieldRole;
  constexpr std::pair<R, std::uint32_t> kBits[] = {
      {R::filter, CRM_FIELD_FILTER},          {R::sort, CRM_FIELD_SORT},
      {R::select, CRM_FIELD_SELECT},          {R::csv_read, CRM_FIELD_CSV_READ},
      {R::csv_write, CRM_FIELD_CSV_WRITE},    {R::merge_choose, CRM_FIELD_MERGE_CHOOSE},
      {R::merge_unite, CRM_FIELD_MERGE_UNITE},      {R::personal, CRM_FIELD_PERSONAL},
      {R::audited, CRM_FIELD_AUDITED},        {R::maintained, CRM_FIELD_READ_ONLY},
      {R::key, CRM_FIELD_KEY},
  };
  std::uint32_t roles = 0;
  for (const auto& [role, bit] : kBits)
    if (info.has(role)) roles |= bit;
  return roles;
}

template <class Record>
std::vector<CField> describe() {
  std::vector<CField> fields;
  for (const auto& field : crm::record_fields<Record>())
    fields.push_back({std::string(crm::surface_field_name(field)), std::string(crm::record_field_type_name(field.info.type)), std::string(field.info.doc),
                      c_roles(field.info)});
  return fields;
}

/// The fields of the kind named `record_kind`; throws invalid_argument for another name.
const std::vector<CField>& fields_of(const char* record_kind) {
  static const std::array<std::vector<CField>, 5> kinds = {
      describe<crm::Account>(), describe<crm::Contact>(), describe<crm::Lead>(), describe<crm::Opportunity>(),
      describe<crm::Activity>()};
  using K = crm::RecordKind;
  static_assert(static_cast<int>(K::account) == 0 && static_cast<int>(K::contact) == 1 &&
                static_cast<int>(K::lead) == 2 && static_cast<int>(K::opportunity) == 3 &&
                static_cast<int>(K::activity) == 4);
  return kinds[static_cast<std::size_t>(record_kind_of(record_kind))];
}

/// Runs `read` on field number `index` of `record_kind`.
template <class Read>
crm_status with_field(const char* record_kind, std::size_t index, const char* function, Read read) {
  return guard([&] {
    const std::vector<CField>& fields = fields_of(record_kind);
    const CField* field = nullptr;
    const crm_status status = element(fields, index, &field, function);
    if (status == CRM_OK) read(*field);
    return status;
  });
}

}  // namespace

extern "C" {

crm_status crm_record_field_count(const char* record_kind, size_t* out_count) {
  CRM_REQUIRE(record_kind);
  CRM_REQUIRE(out_count);
  return guard([&] {
    *out_count = fields_of(record_kind).size();
    return CRM_OK;
  });
}

crm_status crm_record_field_name(const char* record_kind, size_t index, const char** out_name) {
  CRM_REQUIRE(record_kind);
  CRM_REQUIRE(out_name);
  return with_field(record_kind, index, __func__, [&](const CField& field) { *out_name = field.name.c_str(); });
}

crm_status crm_record_field_type(const char* record_kind, size_t index, const char** out_type) {
  CRM_REQUIRE(record_kind);
  CRM_REQUIRE(out_type);
  return with_field(record_kind, index, __func__, [&](const CField& field) { *out_type = field.type.c_str(); });
}

crm_status crm_record_field_doc(const char* record_kind, size_t index, const char** out_doc) {
  CRM_REQUIRE(record_kind);
  CRM_REQUIRE(out_doc);
  return with_field(record_kind, index, __func__, [&](const CField& field) { *out_doc = field.doc.c_str(); });
}

crm_status crm_record_field_roles(const char* record_kind, size_t index, uint32_t* out_roles) {
  CRM_REQUIRE(record_kind);
  CRM_REQUIRE(out_roles);
  return with_field(record_kind, index, __func__, [&](const CField& field) { *out_roles = field.roles; });
}

}  // extern "C"
