// The audit trail through the C ABI: a record's history and queries as
// table cursors (crm_audit_column), the trail's settings, and the change
// feed, which reads the same entries in order.
#include "c_handles.hpp"
#include "c_select.hpp"

/// Options of crm_audit_find().
struct crm_audit_query {
  crm::AuditQuery query;
};

using namespace crm::capi;

extern "C" {

crm_status crm_audit_history(crm_db* db, const char* kind, int64_t record_id, crm_cursor** out_cursor) {
  CRM_REQUIRE(out_cursor);
  *out_cursor = nullptr;
  CRM_REQUIRE(kind);
  CRM_WITH_DB(db, {
    *out_cursor = table_cursor(crm::audit_table(database.audit().history(record_kind_of(kind), record_id)));
    return CRM_OK;
  });
}

crm_status crm_audit_query_new(crm_audit_query** out_query) {
  CRM_REQUIRE(out_query);
  return guard([&] {
    *out_query = new crm_audit_query{};
    return CRM_OK;
  });
}

void crm_audit_query_free(crm_audit_query* query) { delete query; }

crm_status crm_audit_query_set_record(crm_audit_query* query, const char* kind, int64_t record_id) {
  CRM_REQUIRE(query);
  CRM_REQUIRE(kind);
  return guard([&] {
    query->query.kind = record_kind_of(kind);
    query->query.record_id = record_id > 0 ? std::optional<std::int64_t>(record_id) : std::nullopt;
    return CRM_OK;
  });
}

crm_status crm_audit_query_set_user(crm_audit_query* query, const char* login) {
  CRM_REQUIRE(query);
  return guard([&] {
    require_utf8(login, "user");
    query->query.user = login ? std::optional<std::string>(login) : std::nullopt;
    return CRM_OK;
  });
}

crm_status crm_audit_query_set_period(crm_audit_query* query, const char* from, const char* until) {
  CRM_REQUIRE(query);
  return guard([&] {
    query->query.from = from ? std::optional(crm::parse_instant(from)) : std::nullopt;
    query->query.until = until ? std::optional(crm::parse_instant(until)) : std::nullopt;
    return CRM_OK;
  });
}

crm_status crm_audit_query_set_page(crm_audit_query* query, int64_t after_seq, int64_t limit) {
  CRM_REQUIRE(query);
  query->query.after_seq = after_seq;
  query->query.limit = limit < 0 ? 0 : static_cast<std::size_t>(limit);
  return CRM_OK;
}

crm_status crm_audit_find(crm_db* db, const crm_audit_query* query, crm_cursor** out_cursor) {
  CRM_REQUIRE(out_cursor);
  *out_cursor = nullptr;
  CRM_WITH_DB(db, {
    *out_cursor = table_cursor(crm::audit_table(database.audit().find(query ? query->query : crm::AuditQuery{})));
    return CRM_OK;
  });
}

crm_status crm_audit_enabled(crm_db* db, int* out_enabled) {
  CRM_REQUIRE(out_enabled);
  CRM_WITH_DB(db, {
    *out_enabled = database.audit().enabled() ? 1 : 0;
    return CRM_OK;
  });
}

crm_status crm_audit_set_enabled(crm_db* db, int enabled) {
  CRM_WITH_DB(db, {
    database.audit().set_enabled(enabled != 0);
    return CRM_OK;
  });
}

crm_status crm_audit_retention_days(crm_db* db, int* out_days) {
  CRM_REQUIRE(out_days);
  CRM_WITH_DB(db, {
    *out_days = database.audit().retention_days();
    return CRM_OK;
  });
}

crm_status crm_audit_set_retention_days(crm_db* db, int days) {
  CRM_WITH_DB(db, {
    database.audit().set_retention_days(days);
    return CRM_OK;
  });
}

crm_status crm_audit_retention_entries(crm_db* db, int64_t* out_entries) {
  CRM_REQUIRE(out_entries);
  CRM_WITH_DB(db, {
    *out_entries = database.audit().retention_entries();
    return CRM_OK;
  });
}

crm_status crm_audit_set_retention_entries(crm_db* db, int64_t entries) {
  CRM_WITH_DB(db, {
    database.audit().set_retention_entries(entries);
    return CRM_OK;
  });
}

crm_status crm_changes_since(crm_db* db, int64_t cursor, const char* kinds, int64_t limit, crm_cursor** out_cursor) {
  CRM_REQUIRE(out_cursor);
  *out_cursor = nullptr;
  CRM_WITH_DB(db, {
    std::vector<crm::RecordKind> wanted;
    if (kinds) {
      require_utf8(kinds, "kinds");
      const std::string text(kinds);
      for (std::size_t start = 0; start <= text.size();) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        if (comma > start) wanted.push_back(record_kind_of(text.substr(start, comma - start).c_str()));
        start = comma + 1;
      }
    }
    const std::size_t most = limit < 0 ? 0 : static_cast<std::size_t>(limit);
    *out_cursor = table_cursor(crm::change_table(database.changes().since(cursor, wanted, most)));
    return CRM_OK;
  });
}

crm_status crm_changes_latest(crm_db* db, int64_t* out_seq) {
  CRM_REQUIRE(out_seq);
  CRM_WITH_DB(db, {
    *out_seq = database.changes().latest();
    return CRM_OK;
  });
}

crm_status crm_changes_earliest_cursor(crm_db* db, int64_t* out_seq) {
  CRM_REQUIRE(out_seq);
  CRM_WITH_DB(db, {
    *out_seq = database.changes().earliest_cursor();
    return CRM_OK;
  });
}

}  // extern "C"
