#include "query/compiler.hpp"

#include <algorithm>

#include <SQLiteCpp/Statement.h>
#include <nlohmann/json.hpp>

#include "common/fields.hpp"
#include "common/periods.hpp"
#include "crm/error.hpp"
#include "crm/limits.hpp"
#include "model/custom_field_store.hpp"
#include "query/catalog.hpp"
#include "query/parser.hpp"
#include "storage/session.hpp"
#include "text/nearest_name.hpp"
#include "text/unicode.hpp"

namespace crm::detail {
namespace {

// A range of days [from, to) that a date literal stands for.
struct Days {
  Date from;
  Date to;
};

Date relative(const Date& today, const RelativeDate& offset) {
  switch (offset.unit) {
    case RelativeDate::Unit::day: return today + boost::gregorian::days(offset.amount);
    case RelativeDate::Unit::week: return today + boost::gregorian::days(7 * offset.amount);
    case RelativeDate::Unit::month: return add_months(today, offset.amount);
    case RelativeDate::Unit::year: return add_months(today, 12 * offset.amount);
  }
  return today;
}

PeriodUnit unit_of(Period::Unit unit) {
  switch (unit) {
    case Period::Unit::week: return PeriodUnit::week;
    case Period::Unit::month: return PeriodUnit::month;
    case Period::Unit::quarter: return PeriodUnit::quarter;
    case Period::Unit::year: break;
  }
  return PeriodUnit::year;
}

// The days of `period`: from its first day up to the next period's first.
Days period(const Date& today, const Period& period) {
  const PeriodUnit unit = unit_of(period.unit);
  return {period_after(today, unit, period.offset).first, period_after(today, unit, period.offset + 1).first};
}

const char* literal_kind(const Literal& value) {
  static constexpr const char* names[] = {"text", "a number", "an amount", "a date", "a date", "a period",
                                          "true/false"};
  return names[value.index()];
}

const char* compare_symbol(CompareOp op) {
  static constexpr const char* symbols[] = {"=", "!=", "<", "<=", ">", ">="};
  return symbols[static_cast<int>(op)];
}

// A record table in the statement: its kind and alias.
struct Scope {
  RecordKind kind;
  std::string alias;
};

class Compiler {
 public:
  Compiler(Session& session, std::string_view prefix) : session_(session), prefix_(prefix), today_(session.today()) {}

  std::vector<SqlParameter> parameters;

  std::string condition(const Filter& filter, const Scope& scope) {
    const Deeper deeper(*this, 1, filter.node().position);
    return std::visit([&](const auto& node) { return compile(node, scope, filter.node().position); },
                      filter.node().condition);
  }

 private:
  // ---- helpers -----------------------------------------------------------

  // SQLite's parser has a bounded stack: each nested condition costs a
  // level, a subquery (related records, several values, an aggregate)
  // kSubqueryLevels more. Deeper filters are refused at their position.
  static constexpr int kMaxLevels = 20;
  static constexpr int kSubqueryLevels = 3;
  struct Deeper {
    Compiler& compiler;
    int levels;
    Deeper(Compiler& c, int added, SourcePosition at) : compiler(c), levels(added) {
      compiler.depth_ += levels;
      if (compiler.depth_ > kMaxLevels) {
        compiler.depth_ -= levels;
        compiler.fail(at, "the filter nests related records and conditions too deeply for the database; "
                          "write it flatter");
      }
    }
    ~Deeper() { compiler.depth_ -= levels; }
    Deeper(const Deeper&) = delete;
    Deeper& operator=(const Deeper&) = delete;
  };

  [[noreturn]] void fail(SourcePosition at, const std::string& message) const {
    if (at.line == 0) throw Error(ErrorCode::parse_error, message);
    throw Error::parse("line " + std::to_string(at.line) + ", column " + std::to_string(at.column) + ": " + message,
                       at.line, at.column);
  }

  // Binds `value`; refuses the kMaxFilterValues + 1st value at once.
  std::string bind(std::variant<std::int64_t, double, std::string> value) {
    if (parameters.size() == kMaxFilterValues)
      throw Error(ErrorCode::invalid_argument,
                  "filter: compares with more than " + std::to_string(kMaxFilterValues) + " values; at most " +
                      std::to_string(kMaxFilterValues) +
                      " (a list of text, numbers or names in one 'in (...)' counts as one value, however long)",
                  "filter");
    std::string name = ":" + prefix_ + std::to_string(parameters.size() + 1);
    parameters.push_back({name, std::move(value)});
    return name;
  }

  std::string fresh_alias() { return "q" + prefix_ + std::to_string(++aliases_); }

  std::string join(const std::vector<Filter>& terms, const Scope& scope, const char* separator) {
    std::vector<std::string> parts;
    parts.reserve(terms.size());
    for (const Filter& term : terms) parts.push_back(condition(term, scope));
    return join_sql(parts, 0, parts.size(), separator);
  }

  // parts[from, to) joined by `separator` in parentheses, in nested groups
  // of at most kGroup: SQLite's parser nests "a OR b OR c ..." one level per
  // term and refuses expressions deeper than 1000, so long lists are grouped
  // to a depth that grows with the logarithm of their length.
  static constexpr std::size_t kGroup = 16;
  static std::string join_sql(const std::vector<std::string>& parts, std::size_t from, std::size_t to,
                              const char* separator) {
    std::size_t step = 1;
    while (step * kGroup < to - from) step *= kGroup;
    std::string sql = "(";
    for (std::size_t i = from; i < to; i += step) {
      if (i > from) sql += separator;
      sql += step == 1 ? parts[i] : join_sql(parts, i, std::min(i + step, to), separator);
    }
    return sql + ")";
  }

  // ---- nodes -------------------------------------------------------------

  std::string compile(const AllOf& all, const Scope& scope, SourcePosition) { return join(all.terms, scope, " AND "); }
  std::string compile(const AnyOf& any, const Scope& scope, SourcePosition) { return join(any.terms, scope, " OR "); }
  std::string compile(const Negation& negation, const Scope& scope, SourcePosition) {
    return "NOT " + condition(negation.term, scope);
  }

  // `x != v` is `not x = v`: a record without a value matches neither, and
  // one with several values (emails, choices, current accounts) matches
  // when none of them equals v.
  std::string compile(const Comparison& c, const Scope& scope, SourcePosition at) {
    const bool negated = c.op == CompareOp::not_equal;
    const CompareOp op = negated ? CompareOp::equal : c.op;
    const std::string sql =
        on_field(c.operand, scope, at, [&](const FieldSpec& field) { return compare(field, op, c.value, at); });
    return negated ? "NOT " + sql : sql;
  }

  // Fields compared by one bound value (text, numbers, names) take the whole
  // list as one JSON array parameter, so any number of values is one
  // expression and one parameter; dates and amounts (a range or a pair each)
  // are joined with OR.
  std::string compile(const Membership& m, const Scope& scope, SourcePosition at) {
    return on_field(m.operand, scope, at, [&](const FieldSpec& field) {
      if (field.type == FieldType::boolean) fail(at, field.name + " is true or false; compare it with =");
      if (has_scalar_value(field)) {
        nlohmann::json list = nlohmann::json::array();
        for (const Literal& value : m.values)
          std::visit([&](const auto& bound) { list.push_back(bound); }, scalar_value(field, value, at));
        return equal_test(field, " IN (SELECT value FROM json_each(" + bind(list.dump()) + "))");
      }
      std::vector<std::string> parts;
      for (const Literal& value : m.values) parts.push_back(compare(field, CompareOp::equal, value, at));
      return join_sql(parts, 0, parts.size(), " OR ");
    });
  }

  std::string compile(const Range& r, const Scope& scope, SourcePosition at) {
    return on_field(r.operand, scope, at, [&](const FieldSpec& field) {
      return "(" + compare(field, CompareOp::greater_equal, r.low, at) + " AND " +
             compare(field, CompareOp::less_equal, r.high, at) + ")";
    });
  }

  std::string compile(const TextMatch& t, const Scope& scope, SourcePosition at) {
    return on_field(t.operand, scope, at, [&](const FieldSpec& field) {
      if (field.type != FieldType::text)
        fail(at, field.name + " is not free text; contains, starts with and ~ work on text fields (use = or in)");
      const std::string key = field.key_sql.empty() ? "crm_match_key(" + field.sql + ")" : field.key_sql;
      const std::string value = text_key(field, t.text, at);
      switch (t.op) {
        case TextOp::matches: return "(" + key + " = " + bind(value) + ")";
        case TextOp::contains: return "(instr(" + key + ", " + bind(value) + ") > 0)";
        case TextOp::starts_with: break;
      }
      // A range, so that an index on the key serves it: U+10FFFF sorts after
      // every character that can follow the prefix.
      return "(" + key + " >= " + bind(value) + " AND " + key + " < " + bind(value + "\xF4\x8F\xBF\xBF") + ")";
    });
  }

  std::string compile(const Emptiness& e, const Scope& scope, SourcePosition at) {
    return on_field(e.operand, scope, at, [&](const FieldSpec& field) -> std::string {
      if (field.currency_in_sql) fail(at, field.name + " always has a value; compare it with an amount (= 0 EUR)");
      if (!field.lookup_table.empty() || field.type != FieldType::text) return "(" + field.sql + " IS NULL)";
      return "(" + field.sql + " IS NULL OR " + field.sql + " = '')";
    }, /*empty_collection=*/true);
  }

  std::string compile(const BirthdayWithin& b, const Scope& scope, SourcePosition at) {
    if (scope.kind != RecordKind::contact) fail(at, "birthday within applies to contacts only");
    if (b.days < 0 || b.days > 3660) fail(at, "birthday within takes 0 to 3660 days");
    const std::string days = nlohmann::json(birthday_days(today_, b.days)).dump();
    return "(substr(" + scope.alias + ".birthday, -5) IN (SELECT value FROM json_each(" + bind(days) + ")))";
  }

  std::string compile(const Tagged& t, const Scope& scope, SourcePosition at) {
    const auto tags = tag_table(scope.kind);
    if (!tags) fail(at, std::string(record_table_name(scope.kind)) + " have no tags");
    const std::string key = casefold(literal_text(t.tag, at));
    const std::string table(tags->first);
    const std::string link(tags->second);
    // A tag few records carry is "id IN (...)": SQLite can then start from
    // its rows in the tag_key index (then rowid lookups) instead of testing
    // every record, which is all a correlated EXISTS allows. A common tag
    // stays a test per record: as a leading IN list (which SQLite assumes
    // short) it would take the lead from a selective index on another
    // condition (owner, country) and visit all its records.
    if (rare_tag(scope.kind, table, key))
      return "(" + scope.alias + ".id IN (SELECT " + link + " FROM " + table + " WHERE tag_key = " + bind(key) + "))";
    return "EXISTS (SELECT 1 FROM " + table + " WHERE " + link + " = " + scope.alias + ".id AND tag_key = " +
           bind(key) + ")";
  }

  // True when at most about 1 in 20 records of `kind` carry the tag; the
  // count stops there, so this reads at most that many index entries.
  bool rare_tag(RecordKind kind, const std::string& table, const std::string& key) {
    auto records = session_.prepare("SELECT coalesce(max(id), 0) FROM " + std::string(record_table_name(kind)));
    records->executeStep();
    const std::int64_t limit = records->getColumn(0).getInt64() / 20 + 1;
    auto tagged = session_.prepare("SELECT count(*) FROM (SELECT 1 FROM " + table + " WHERE tag_key = ? LIMIT ?)");
    tagged->bind(1, key);
    tagged->bind(2, limit);
    tagged->executeStep();
    return tagged->getColumn(0).getInt64() < limit;
  }

  std::string compile(const Related& r, const Scope& scope, SourcePosition at) {
    const RecordKind related = related_kind(r.relation);
    const auto link = relation_link(scope.kind, related);
    if (!link || related == scope.kind)
      fail(at, "has " + std::string(record_kind_name(related)) + " does not apply to " +
                   std::string(record_table_name(scope.kind)));
    const Deeper deeper(*this, kSubqueryLevels, at);
    const Scope inner{related, fresh_alias()};
    const std::string where = r.where ? " AND " + condition(*r.where, inner) : "";
    return "EXISTS (SELECT 1 FROM " + std::string(record_table_name(related)) + " " + inner.alias + " WHERE " +
           fill_aliases(*link, scope.alias, inner.alias) + " AND " + inner.alias + ".deleted_at IS NULL" + where + ")";
  }

  // ---- fields ------------------------------------------------------------

  template <class Build>
  std::string on_field(const Operand& operand, const Scope& scope, SourcePosition at, Build build,
                       bool empty_collection = false) {
    if (const auto dot = operand.field.find('.'); dot != std::string::npos)
      return on_account(operand, dot, scope, at, build, empty_collection);
    FieldSpec field = resolve(operand, scope, at);
    const bool subquery = !field.collection.empty() || field.sql.find("(SELECT") != std::string::npos;
    const Deeper deeper(*this, subquery ? kSubqueryLevels : 0, at);
    if (field.collection.empty()) return build(field);
    // A field with several values per record: true when one value meets the
    // condition (is empty: when there is none).
    const std::string alias = fresh_alias();
    const std::string from = fill_aliases(field.collection, scope.alias, alias);
    field.sql = fill_aliases(field.element, scope.alias, alias);
    field.key_sql = fill_aliases(field.key_sql, scope.alias, alias);
    field.collection.clear();
    if (empty_collection) return "NOT EXISTS (SELECT 1 " + from + ")";
    return "EXISTS (SELECT 1 " + from + " AND " + build(field) + ")";
  }

  template <class Build>
  std::string on_account(const Operand& operand, std::size_t dot, const Scope& scope, SourcePosition at, Build build,
                         bool empty_collection) {
    const std::string prefix = ascii_lower(operand.field.substr(0, dot));
    if (prefix != "account")
      fail(at, "unknown field '" + operand.field + "'; only account.<field> reaches a related record");
    const auto link = relation_link(scope.kind, RecordKind::account);
    if (!link || scope.kind == RecordKind::account)
      fail(at, "account.<field> does not apply to " + std::string(record_table_name(scope.kind)));
    const Deeper deeper(*this, kSubqueryLevels, at);
    Operand inner_operand = operand;
    inner_operand.field = operand.field.substr(dot + 1);
    const Scope inner{RecordKind::account, fresh_alias()};
    const std::string condition = on_field(inner_operand, inner, at, build, empty_collection);
    if (scope.kind == RecordKind::contact) {
      // A contact's accounts are those of its current employments, joined:
      // no list of account ids is built and searched for every contact.
      const std::string job = fresh_alias();
      return "EXISTS (SELECT 1 FROM employments " + job + " JOIN accounts " + inner.alias + " ON " + inner.alias +
             ".id = " + job + ".account_id WHERE " + job + ".contact_id = " + scope.alias + ".id AND " + job +
             ".ended_on IS NULL AND " + inner.alias + ".deleted_at IS NULL AND " + condition + ")";
    }
    return "EXISTS (SELECT 1 FROM accounts " + inner.alias + " WHERE " + fill_aliases(*link, scope.alias, inner.alias) +
           " AND " + inner.alias + ".deleted_at IS NULL AND " + condition + ")";
  }

  FieldSpec resolve(const Operand& operand, const Scope& scope, SourcePosition at) {
    const std::string key = ascii_lower(operand.field);
    if (key == "activity_count") return activity_count(operand, scope, at);
    if (operand.where || operand.since) fail(at, "only activity_count takes a condition in parentheses");
    for (const FieldSpec& field : builtin_fields(scope.kind))
      if (field.name == key) return filled(field, scope.alias);
    const auto custom_fields = current_custom_fields(session_, scope.kind);  // held: the loop reads through it
    for (const CustomField& field : *custom_fields)
      if (casefold(field.name) == casefold(operand.field)) return filled(custom_spec(field), scope.alias);
    std::string message = "unknown field '" + operand.field + "' on " + std::string(record_table_name(scope.kind));
    const std::vector<std::string> names = filter_field_names(session_, scope.kind);
    if (auto nearest = nearest_name(operand.field, names)) fail(at, message + "; did you mean '" + *nearest + "'?");
    std::string list;
    for (const std::string& name : names) list += (list.empty() ? "" : ", ") + name;
    fail(at, message + "; fields: " + list);
  }

  static FieldSpec filled(FieldSpec field, const std::string& alias) {
    field.sql = fill_aliases(field.sql, alias);
    field.currency_sql = fill_aliases(field.currency_sql, alias);
    field.key_sql = field.collection.empty() ? fill_aliases(field.key_sql, alias) : field.key_sql;
    return field;
  }

  static FieldSpec custom_spec(const CustomField& custom) {
    FieldSpec field{.name = custom.name, .type = FieldType::text, .sql = custom_value_sql(custom, "{t}")};
    switch (custom.type) {
      case CustomFieldType::text: break;
      case CustomFieldType::integer:
      case CustomFieldType::decimal: field.type = FieldType::number; break;
      case CustomFieldType::date: field.type = FieldType::date; break;
      case CustomFieldType::boolean: field.type = FieldType::boolean; break;
      case CustomFieldType::money:
        field.type = FieldType::money;
        field.currency_sql =
            "json_extract({t}.custom, '$.\"" + std::to_string(custom.id.value()) + "\"[1]')";
        break;
      case CustomFieldType::choice:
        field.type = FieldType::enumeration;
        field.values = custom.choices;
        break;
      case CustomFieldType::choices:
        field.type = FieldType::enumeration;
        field.values = custom.choices;
        field.collection = "FROM json_each({t}.custom, '$.\"" + std::to_string(custom.id.value()) + "\"') {r} WHERE 1";
        field.element = "{r}.value";
        break;
    }
    return field;
  }

  FieldSpec activity_count(const Operand& operand, const Scope& scope, SourcePosition at) {
    const auto link = relation_link(scope.kind, RecordKind::activity);
    if (!link) fail(at, "activity_count does not apply to activities");
    const Deeper deeper(*this, kSubqueryLevels, at);
    const Scope inner{RecordKind::activity, fresh_alias()};
    std::string sql = "(SELECT count(*) FROM activities " + inner.alias + " WHERE " +
                      fill_aliases(*link, scope.alias, inner.alias) + " AND " + inner.alias + ".deleted_at IS NULL";
    if (operand.where) sql += " AND " + condition(*operand.where, inner);
    if (operand.since) sql += " AND " + inner.alias + ".starts_at >= " + bind(format_date(days(*operand.since, at).from));
    return FieldSpec{.name = "activity_count", .type = FieldType::number, .sql = sql + ")"};
  }

  // ---- values ------------------------------------------------------------

  std::string literal_text(const std::string& text, SourcePosition at) {
    try {
      return to_nfc(text, "text");
    } catch (const Error&) {
      fail(at, "the text is not valid UTF-8");
    }
  }

  // The text of a literal for a text-like field, normalized as the field stores it.
  std::string text_value(const FieldSpec& field, const Literal& value, SourcePosition at) {
    std::string text;
    if (const auto* s = std::get_if<std::string>(&value)) text = literal_text(*s, at);
    else if (const auto* n = std::get_if<Number>(&value)) text = n->text;
    else fail(at, field.name + " holds text; write the value in double quotes, not " + literal_kind(value));
    try {
      switch (field.normalize) {
        case Normalize::nfc: return text;
        case Normalize::casefold: return casefold(trim(text));
        case Normalize::country: return clean_country(text, field.name);
        case Normalize::phone: return session_.phones().require_e164(text, field.name);
      }
    } catch (const Error& e) {
      fail(at, e.what());
    }
    return text;
  }

  // The match key of a literal for ~, contains and starts with.
  std::string text_key(const FieldSpec& field, const std::string& text, SourcePosition at) {
    const std::string clean = literal_text(text, at);
    if (field.normalize != Normalize::phone) return match_key(clean);
    std::string digits;
    for (char c : clean)
      if ((c >= '0' && c <= '9') || c == '+') digits += c;
    return digits;
  }

  Days days(const Literal& value, SourcePosition at) {
    try {
      if (const auto* date = std::get_if<Date>(&value)) return {*date, *date + boost::gregorian::days(1)};
      if (const auto* offset = std::get_if<RelativeDate>(&value)) {
        const Date day = relative(today_, *offset);
        return {day, day + boost::gregorian::days(1)};
      }
      if (const auto* p = std::get_if<Period>(&value)) return period(today_, *p);
    } catch (const std::exception&) {
      fail(at, "the date lies outside the calendar this library handles (years 1400..9999)");
    }
    fail(at, std::string("expected a date, today, or a period such as this month, not ") + literal_kind(value));
  }

  std::string compare(const FieldSpec& field, CompareOp op, const Literal& value, SourcePosition at) {
    switch (field.type) {
      case FieldType::number: return compare_number(field, op, value, at);
      case FieldType::money: return compare_money(field, op, value, at);
      case FieldType::date:
      case FieldType::instant: return compare_days(field, op, days(value, at));
      case FieldType::boolean: {
        const bool* yes = std::get_if<bool>(&value);
        if (!yes) fail(at, field.name + " is true or false; compare it with true or false");
        if (op != CompareOp::equal) fail(at, field.name + " is true or false; compare it with = or !=");
        return "(" + field.sql + " " + compare_symbol(op) + " " + bind(std::int64_t{*yes ? 1 : 0}) + ")";
      }
      case FieldType::birthday:
        fail(at, "compare birthdays with 'birthday within next N days' or 'birthday is empty'");
      case FieldType::enumeration:
      case FieldType::lookup:
        if (op != CompareOp::equal) fail(at, field.name + " is compared by name; use =, != or in");
        return equal_test(field, " = " + bind(scalar_value(field, value, at)));
      case FieldType::text: break;
    }
    return "(" + field.sql + " " + compare_symbol(op) + " " + bind(scalar_value(field, value, at)) + ")";
  }

  std::string compare_number(const FieldSpec& field, CompareOp op, const Literal& value, SourcePosition at) {
    return "(" + field.sql + " " + compare_symbol(op) + " " + bind(scalar_value(field, value, at)) + ")";
  }

  // True for the fields whose "= value" compares one bound value.
  static bool has_scalar_value(const FieldSpec& field) {
    return field.type == FieldType::text || field.type == FieldType::number || field.type == FieldType::enumeration ||
           field.type == FieldType::lookup;
  }

  // The value `field = value` binds (has_scalar_value() fields): the number,
  // the text normalized as stored, the stored name of an enumeration value,
  // the key of a looked-up name.
  std::variant<std::int64_t, double, std::string> scalar_value(const FieldSpec& field, const Literal& value,
                                                               SourcePosition at) {
    if (field.type == FieldType::number) {
      const Number* number = std::get_if<Number>(&value);
      if (!number) fail(at, field.name + " is a number; compare it with a number, not " + literal_kind(value));
      if (number->text.find('.') == std::string::npos) return std::int64_t{std::stoll(number->text)};
      return std::stod(number->text);
    }
    const std::string text = text_value(field, value, at);
    if (field.type == FieldType::lookup) return looked_up(field, text, at);
    if (field.type == FieldType::enumeration) return listed(field, text, at);
    return text;
  }

  // `field` passing `test` (" = :p" or " IN (subquery)") on the value it
  // stores, or for a lookup (stage, pipeline) on the key of the name it links to.
  std::string equal_test(const FieldSpec& field, const std::string& test) {
    if (field.lookup_table.empty()) return "(" + field.sql + test + ")";
    return "(" + field.sql + " IN (SELECT id FROM " + field.lookup_table + " WHERE " + field.lookup_key + test + "))";
  }

  std::string compare_money(const FieldSpec& field, CompareOp op, const Literal& value, SourcePosition at) {
    const Money* money = std::get_if<Money>(&value);
    if (!money)
      fail(at, field.name + " is an amount of money; compare it with an amount and its currency (10000 EUR), not " +
                   literal_kind(value));
    const std::string currency = bind(std::string(money->currency()));
    std::string amount = field.sql;
    if (field.currency_in_sql) amount.replace(amount.find("{currency}"), 10, currency);
    const std::string test = amount + " " + compare_symbol(op) + " " + bind(money->minor_units());
    if (field.currency_in_sql) return "(" + test + ")";
    return "(" + field.currency_sql + " = " + currency + " AND " + test + ")";
  }

  std::string compare_days(const FieldSpec& field, CompareOp op, const Days& range) {
    const std::string& x = field.sql;
    const auto from = [&] { return bind(format_date(range.from)); };
    const auto to = [&] { return bind(format_date(range.to)); };
    switch (op) {
      case CompareOp::equal:
      case CompareOp::not_equal: return "(" + x + " >= " + from() + " AND " + x + " < " + to() + ")";
      case CompareOp::less: return "(" + x + " < " + from() + ")";
      case CompareOp::less_equal: return "(" + x + " < " + to() + ")";
      case CompareOp::greater: return "(" + x + " >= " + to() + ")";
      case CompareOp::greater_equal: break;
    }
    return "(" + x + " >= " + from() + ")";
  }

  // Enumerations (status, kind, custom choices) and looked-up names (stage,
  // pipeline, lost reason): the value must be one that exists.
  std::string listed(const FieldSpec& field, const std::string& text, SourcePosition at) {
    for (const std::string& allowed : field.values)
      if (casefold(allowed) == casefold(text)) return allowed;
    std::string list;
    for (const std::string& allowed : field.values) list += (list.empty() ? "" : ", ") + allowed;
    const auto nearest = nearest_name(text, field.values);
    fail(at, "'" + text + "' is not a value of " + field.name + (nearest ? "; did you mean '" + *nearest + "'?" : "") +
                 " (values: " + list + ")");
  }

  std::string looked_up(const FieldSpec& field, const std::string& text, SourcePosition at) {
    const std::string key = match_key(text);
    auto names = session_.prepare(field.lookup_names);
    std::vector<std::string> known;
    while (names->executeStep()) {
      known.push_back(names->getColumn(0).getString());
      if (match_key(known.back()) == key) return key;
    }
    const auto nearest = nearest_name(text, known);
    fail(at, "no " + field.name + " is called '" + text + "'" + (nearest ? "; did you mean '" + *nearest + "'?" : ""));
  }

  Session& session_;
  std::string prefix_;
  Date today_;
  int aliases_ = 0;
  int depth_ = 0;
};

}  // namespace

CompiledFilter compile_filter(Session& session, RecordKind kind, const Filter& filter, std::string_view alias,
                              std::string_view prefix) {
  Compiler compiler(session, prefix);
  CompiledFilter compiled;
  compiled.sql = compiler.condition(filter, Scope{kind, std::string(alias)});
  compiled.parameters = std::move(compiler.parameters);
  return compiled;
}

std::vector<std::string> filter_field_names(Session& session, RecordKind kind) {
  std::vector<std::string> names;
  for (const FieldSpec& field : builtin_fields(kind)) names.push_back(field.name);
  if (relation_link(kind, RecordKind::activity)) names.push_back("activity_count");
  const auto custom_fields = current_custom_fields(session, kind);  // held: the loop reads through it
  for (const CustomField& field : *custom_fields) names.push_back(field.name);
  return names;
}

std::string sort_expression(Session& session, RecordKind kind, std::string_view name, std::string_view alias) {
  const auto refuse = [&](const std::string& problem) -> Error {
    return Error(ErrorCode::invalid_argument, "sort_field: " + problem, "sort_field");
  };
  if (name.find('.') != std::string_view::npos || name == "activity_count")
    throw refuse("'" + std::string(name) + "' is not a field of the record itself");
  for (const FieldSpec& field : builtin_fields(kind))
    if (field.name == ascii_lower(name)) {
      if (!field.collection.empty() || !field.lookup_table.empty() || field.currency_in_sql)
        throw refuse(field.name + " has no single value to sort by");
      return fill_aliases(field.sql, alias);
    }
  const auto custom_fields = current_custom_fields(session, kind);  // held: the loop reads through it
  for (const CustomField& field : *custom_fields)
    if (casefold(field.name) == casefold(name)) return custom_value_sql(field, alias);
  const auto nearest = nearest_name(name, filter_field_names(session, kind));
  throw refuse("unknown field '" + std::string(name) + "' on " + std::string(record_table_name(kind)) +
               (nearest ? "; did you mean '" + *nearest + "'?" : ""));
}

std::vector<std::string> birthday_days(const Date& today, int days) {
  std::vector<std::string> result;
  const int span = std::min(days, 365);
  for (int i = 0; i <= span; ++i) {
    const Date day = today + boost::gregorian::days(i);
    const std::string text = format_date(day).substr(5);
    result.push_back(text);
    if (text == "02-28" && !boost::gregorian::gregorian_calendar::is_leap_year(day.year())) result.push_back("02-29");
  }
  std::sort(result.begin(), result.end());
  result.erase(std::unique(result.begin(), result.end()), result.end());
  return result;
}

}  // namespace crm::detail
