#include "storage/settings.hpp"

namespace crm::detail {

std::optional<std::string> read_setting(Session& session, std::string_view key) {
  auto statement = session.prepare("SELECT value FROM settings WHERE key = ?");
  statement->bind(1, std::string(key));
  if (!statement->executeStep()) return std::nullopt;
  return statement->getColumn(0).getString();
}

void write_setting(Session& session, std::string_view key, std::string_view value) {
  auto statement = session.prepare(
      "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  statement->bind(1, std::string(key));
  statement->bind(2, std::string(value));
  statement->exec();
}

}  // namespace crm::detail
