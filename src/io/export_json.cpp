// ExportFormat::json: an array of objects, one per record, written one
// object at a time. Money stays exact: amounts are decimal strings.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "io/record_writer.hpp"

namespace crm::detail {
namespace {

using Json = nlohmann::ordered_json;

Json custom_json(const CustomValue& value) {
  struct Visitor {
    Json operator()(const std::string& text) const { return text; }
    Json operator()(std::int64_t number) const { return number; }
    Json operator()(const CustomValue::Decimal& number) const { return number.text; }
    Json operator()(const Money& amount) const {
      return Json{{"amount", amount.amount_string()}, {"currency", std::string(amount.currency())}};
    }
    Json operator()(const Date& date) const { return format_date(date); }
    Json operator()(bool yes) const { return yes; }
    Json operator()(const std::vector<std::string>& choices) const { return choices; }
  };
  return std::visit(Visitor{}, value.get());
}

Json emails_json(const ContactData& contact) {
  std::vector<Email> emails = contact.emails;
  std::stable_partition(emails.begin(), emails.end(), [](const Email& email) { return email.primary; });
  Json list = Json::array();
  for (const Email& email : emails) list.push_back(email.address);
  return list;
}

Json phones_json(const ContactData& contact) {
  Json list = Json::array();
  for (const Phone& phone : contact.phones) {
    Json item{{"kind", std::string(phone_kind_name(phone.kind))}, {"number", phone.raw}};
    if (!phone.e164.empty()) item["e164"] = phone.e164;
    if (phone.unreadable) item["unreadable"] = true;
    list.push_back(std::move(item));
  }
  return list;
}

Json consents_json(const ContactData& contact) {
  Json list = Json::array();
  for (const Consent& consent : contact.consents) {
    Json item{{"channel", std::string(consent_channel_name(consent.channel))}, {"granted", consent.granted}};
    if (!consent.changed_at.is_special()) item["changed_at"] = format_instant_cell(consent.changed_at);
    list.push_back(std::move(item));
  }
  return list;
}

Json tags_json(const RecordDraft& draft) {
  return std::visit(
      [](const auto& data) -> Json {
        if constexpr (requires { data.tags; })
          return data.tags;
        else
          return Json::array();
      },
      draft.data);
}

/// The value of `column`: a number, an array or a string; null when unset.
Json column_json(const RecordDraft& draft, const std::string& column) {
  if (column == "id") return draft.id ? Json(draft.id) : Json();
  Json list;
  if (const auto* contact = std::get_if<ContactData>(&draft.data)) {
    if (column == "emails") list = emails_json(*contact);
    if (column == "phones") list = phones_json(*contact);
    if (column == "consents") list = consents_json(*contact);
  }
  if (column == "tags") list = tags_json(draft);
  if (list.is_array()) return list.empty() ? Json() : list;
  const std::string text = format_column(draft, column);
  if (text.empty()) return Json();
  if (column == "duration_seconds" || column == "probability") return std::stoll(text);
  return text;
}

class JsonRecordWriter : public RecordWriter {
 public:
  JsonRecordWriter(std::ostream& out, RecordKind kind, std::vector<CustomField> custom)
      : out_(out), columns_(column_names(kind)), custom_(std::move(custom)) {}

  void begin() override {
    out_ << '[';
    require_good(out_);
  }

  void write(const RecordDraft& draft) override {
    Json object = Json::object();
    for (const std::string& column : columns_) {
      Json value = column_json(draft, column);
      if (!value.is_null()) object[column] = std::move(value);
    }
    const CustomValues& values = std::visit([](const auto& data) -> const CustomValues& { return data.custom; }, draft.data);
    Json custom = Json::object();
    for (const CustomField& field : custom_)
      if (const auto value = values.find(field.name); value != values.end()) custom[field.name] = custom_json(value->second);
    if (!custom.empty()) object["custom"] = std::move(custom);
    out_ << (first_ ? "\n" : ",\n") << object.dump();
    first_ = false;
    require_good(out_);
  }

  void end() override {
    out_ << (first_ ? "]\n" : "\n]\n");
    out_.flush();
    require_good(out_);
  }

 private:
  std::ostream& out_;
  std::vector<std::string> columns_;
  std::vector<CustomField> custom_;
  bool first_ = true;
};

}  // namespace

std::unique_ptr<RecordWriter> json_record_writer(std::ostream& out, RecordKind kind, std::vector<CustomField> custom) {
  return std::make_unique<JsonRecordWriter>(out, kind, std::move(custom));
}

}  // namespace crm::detail
