#include "campaign/origin_links.hpp"
#include "common/fields.hpp"
#include "crm/campaign.hpp"
#include "crm/error.hpp"
#include "storage/errors.hpp"
#include "storage/session.hpp"
#include "storage/sql_values.hpp"
#include "text/unicode.hpp"

namespace crm {
namespace {

using namespace detail;

constexpr const char* kField = "lead_source.name";

std::optional<LeadSource> source_where(Session& session, const char* where, const std::string& value) {
  auto statement = session.prepare(std::string("SELECT id, name FROM lead_sources WHERE ") + where);
  statement->bind(1, value);
  if (!statement->executeStep()) return std::nullopt;
  return LeadSource{LeadSourceId(statement->getColumn(0).getInt64()), statement->getColumn(1).getString()};
}

LeadSource require_source(Session& session, LeadSourceId id) {
  auto statement = session.prepare("SELECT id, name FROM lead_sources WHERE id = ?");
  statement->bind(1, id.value());
  if (statement->executeStep())
    return {LeadSourceId(statement->getColumn(0).getInt64()), statement->getColumn(1).getString()};
  throw Error(ErrorCode::not_found, "lead source " + std::to_string(id.value()) + " does not exist", "lead_source");
}

// Throws already_exists when a source other than `self` is called `name`.
void refuse_taken(Session& session, const std::string& name, LeadSourceId self) {
  const auto holder = source_where(session, "name_key = ?", match_key(name));
  if (holder && holder->id != self)
    throw Error(ErrorCode::already_exists,
                std::string(kField) + ": " + quote(name) + " is already a lead source (" + quote(holder->name) + ")",
                kField);
}

}  // namespace

LeadSource LeadSources::add(const std::string& name) {
  return guarded([&] {
    const std::string clean = require_line(name, kField);
    WriteScope scope(session_);
    refuse_taken(session_, clean, LeadSourceId());
    auto insert = session_.prepare("INSERT INTO lead_sources (name, name_key, created_at) VALUES (?, ?, ?)");
    insert->bind(1, clean);
    insert->bind(2, match_key(clean));
    insert->bind(3, format_instant(session_.now()));
    insert->exec();
    const LeadSource added{LeadSourceId(session_.last_insert_id()), clean};
    scope.commit();
    return added;
  });
}

LeadSource LeadSources::get(LeadSourceId id) const {
  return guarded_read(session_, [&] { return require_source(session_, id); });
}

std::optional<LeadSource> LeadSources::find(const std::string& name) const {
  return guarded_read(session_, [&]() -> std::optional<LeadSource> {
    const std::string clean = clean_line(name, kField);
    if (clean.empty()) return std::nullopt;
    return source_where(session_, "name_key = ?", match_key(clean));
  });
}

std::vector<LeadSource> LeadSources::list() const {
  return guarded_read(session_, [&] {
    auto statement = session_.prepare("SELECT id, name FROM lead_sources ORDER BY name_key, id");
    std::vector<LeadSource> sources;
    while (statement->executeStep())
      sources.push_back({LeadSourceId(statement->getColumn(0).getInt64()), statement->getColumn(1).getString()});
    return sources;
  });
}

LeadSource LeadSources::rename(LeadSourceId id, const std::string& name) {
  return guarded([&] {
    const std::string clean = require_line(name, kField);
    WriteScope scope(session_);
    require_source(session_, id);
    refuse_taken(session_, clean, id);
    auto update = session_.prepare("UPDATE lead_sources SET name = ?, name_key = ? WHERE id = ?");
    update->bind(1, clean);
    update->bind(2, match_key(clean));
    update->bind(3, id.value());
    update->exec();
    scope.commit();
    return LeadSource{id, clean};
  });
}

void LeadSources::remove(LeadSourceId id) {
  guarded([&] {
    WriteScope scope(session_);
    const LeadSource source = require_source(session_, id);
    delete_unused(session_, OriginTable::lead_sources, id.value(), "lead source " + quote(source.name));
    scope.commit();
  });
}

}  // namespace crm
