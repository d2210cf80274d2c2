// The column vocabulary shared by CSV import and export: the canonical column
// names of each record kind, how spreadsheet headers map to them, and how one
// cell's text is read into a record draft or written from one. Pure parsing
// and formatting, no database: the importer runs it on a worker thread.
//
// Cell formats (what format_column() writes; apply_column() reads these and
// the variants listed):
//   dates      "2025-03-07"; also "07.03.2025" and "7.3.2025" (day.month.year);
//              "7/3/2025" only as RecordDraft::slash_dates says (refused by
//              default: day/month and month/day cannot be told apart); a
//              date followed by a midnight time ("1948-12-08 00:00:00.000").
//              "7-3-2025" is read like "7/3/2025"; year first ("2025/03/07")
//              is always read.
//   instants   "2025-01-02T10:00:00Z" (fraction only when not zero); any ISO
//              8601 form with "Z" or an offset ("+02:00", "+0000"); without a
//              zone ("2025-01-02 10:00", "02.01.2025 10:00", a date alone at
//              midnight) taken as UTC.
//   amounts    "1234.50" plus the currency column "EUR"; '.' or ',' as decimal
//              separator, spaces, no-break spaces and apostrophes (and the
//              other of '.' ',') as thousands separators: "1 234,50",
//              "1,234.50", "1'234.50", "1234,5". A single '.' or ',' is the
//              decimal separator. The cell may carry the code or € £ before or
//              after the number ("1234.50 EUR", "€1,234.50"). More decimals
//              than the currency has are refused, never rounded.
//   lists      items separated by ";" (emails also by ","): emails
//              "a@x.lv; b@y.lv" (the first is primary), tags "vip; newsletter",
//              phones "mobile: +371 26 123 456; work: 67000000" (kind prefix
//              optional, default mobile; the number is kept as written),
//              consents "email: yes 2025-01-02T10:00:00Z; sms: no".
//   birthday   "1985-03-07", "07.03.1985"; without the year "--03-07" or "07.03.".
//   enums      by name, ignoring case: activity kind, status and direction,
//              lead status ("new", ...), phone kind, consent channel; a few
//              synonyms ("completed" is done, "scheduled" planned, ...).
//   booleans   yes/no, true/false, 1/0 (consents, custom fields).
//   recurrence "every 2 weeks", "every day on business days in LV",
//              "every month in DE"; also "daily", "weekly", "monthly".
//   duration   whole seconds "125", or "2:05" / "1:02:05".
// Links to other records are text (RecordRefs): "account_ref" (external_ref)
// and "account" (name) for a contact's employer, a deal's or an activity's
// account ("parent_ref"/"parent" for an account's parent); "contact_ref" /
// "contact_email"; "opportunity_ref" / "opportunity"; "lead_ref"; an
// activity's "who_ref" (the external_ref of a contact or of a lead, as
// Salesforce's WhoId) and "what_ref" (of an account or of a deal, as
// WhatId), read on import only; a deal's
// "pipeline", "stage" and "lost_reason" by name. Lead sources ("lead_source",
// a lead's "source") and campaigns ("campaign") are names too, resolved by
// the record stores: a new source is added, an unknown campaign refuses the
// row. Input-only columns (read, never exported): "phones_mobile",
// "phones_work", "phones_home", "phones_other" (phones of that kind), a
// deal's "close_date" (sets both expected_close and closed_on, as CRMs with
// one close date mean it), and "created_at" / "updated_at" (instants: when
// the record was made and last changed in the CRM it comes from, kept as the
// record's own; not in the future).
// Opportunity line items and further deal contacts (with roles) have no
// column: CSV carries the deal's amount, not its products.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "crm/account.hpp"
#include "crm/activity.hpp"
#include "crm/contact.hpp"
#include "crm/custom_field.hpp"
#include "crm/lead.hpp"
#include "crm/opportunity.hpp"

namespace crm::detail {

/// Text naming other records; the importer resolves it to ids.
struct RecordRefs {
  std::string account_ref, account_name;          ///< contact employer / deal account / activity account / account parent
  std::string contact_ref, contact_email;         ///< deal primary contact / activity contact
  std::string opportunity_ref, opportunity_name;  ///< activity's deal
  std::string lead_ref;                           ///< activity's lead
  std::string pipeline, stage, lost_reason;       ///< a deal's, by name
  std::string who_ref;                            ///< activity's contact or lead, by external_ref (import only)
  std::string what_ref;                           ///< activity's account or deal, by external_ref (import only)

  friend bool operator==(const RecordRefs&, const RecordRefs&) = default;
};

/// The data of one record of any kind.
using RecordData = std::variant<AccountData, ContactData, LeadData, OpportunityData, ActivityData>;

/// How a date written with slashes ("7/12/2024") is read.
enum class SlashDates {
  refuse,       ///< Refused: it could be day/month or month/day (the default).
  day_first,    ///< Day/month/year, as in Europe.
  month_first,  ///< Month/day/year, as in the United States.
};

/// When a record was made and last changed in the system it comes from
/// (the "created_at" and "updated_at" columns); unset: now.
struct RecordStamps {
  std::optional<Instant> created_at{};  ///< "CreatedDate", "Create Date", ...
  std::optional<Instant> updated_at{};  ///< "LastModifiedDate", "Last Modified Date", ...

  friend bool operator==(const RecordStamps&, const RecordStamps&) = default;
};

/// One record being read from (or written to) a row of cells.
struct RecordDraft {
  RecordData data;   ///< The record's fields; links (ids) stay unset, refs name them.
  RecordRefs refs;   ///< Other records named by text.
  /// The "id" column: the row id a record was exported with (0: none). The
  /// importer ignores it.
  std::int64_t id = 0;
  /// The record's dates in the system it comes from, when the row gives them.
  RecordStamps stamps{};
  /// The "amount" cell as a plain decimal ("1234.50"), kept until
  /// finish_draft() knows the currency; empty when no amount was given.
  std::string amount_text{};
  /// The currency given by the "currency" cell or with the amount,
  /// upper-cased; empty when none. Checked by finish_draft().
  std::string currency{};
  /// How dates with slashes are read (set it before applying cells).
  SlashDates slash_dates = SlashDates::refuse;
};

/// An empty draft of `kind` (its data default-constructed: a new task, a new
/// lead, a deal of 0 in `base_currency`, or 0 EUR when that is empty). A deal's
/// amount written without a currency is in the draft's currency.
RecordDraft new_draft(RecordKind kind, std::string_view base_currency = {});

/// The kind of record `draft` holds.
RecordKind kind_of(const RecordDraft& draft) noexcept;

/// The built-in columns of `kind` in export order, starting with "id".
std::vector<std::string> column_names(RecordKind kind);

/// True for a column apply_column() takes for `kind`: those of
/// column_names() plus the input-only ones ("phones_work", "close_date", ...).
bool is_column(RecordKind kind, std::string_view column);

/// True for a column of `kind` whose field a record cannot lack (an
/// account's name, a contact's last name): a bad cell there refuses the row
/// under every CellPolicy.
bool is_required_column(RecordKind kind, std::string_view column);

/// True for a column of `kind` holding dates or instants, whose cells with
/// slashes are read as RecordDraft::slash_dates says.
bool is_dated_column(RecordKind kind, std::string_view column);

/// The column a file header maps to automatically, or nullopt: the canonical
/// names, the library's own field names, and common English headers of
/// spreadsheets and CRM exports ("First Name", "E-mail", "Phone 2", "Deal
/// Stage", "Sales Agent", "BillingCity", ...), compared ignoring case,
/// spaces, '_', '-' and '.'. Several headers may map to one list column.
/// Custom fields are not matched here.
std::optional<std::string> column_for_header(RecordKind kind, std::string_view header);

/// Reads one cell into `draft`. Empty or blank text leaves the field as it
/// is. List columns (emails, phones, tags, consents) append; other columns
/// replace. Throws Error(invalid_argument) naming the value and what was
/// expected, with field() = `column`; also for a column the kind lacks.
void apply_column(RecordDraft& draft, std::string_view column, std::string_view text);

/// Reads one cell of custom field `field` into draft.data.custom (blank text
/// leaves it as it is); money, decimals, dates and booleans in the forms
/// above. Throws Error(invalid_argument) with field() = the field's name.
void apply_custom(RecordDraft& draft, const CustomField& field, std::string_view text);

/// Completes a draft after all its cells: makes a deal's amount from
/// amount_text and currency (an amount without a currency keeps the
/// currency the draft's amount has: EUR for a new draft). Throws
/// Error(invalid_argument) with field() "currency" for an unknown currency or
/// "amount" for more decimals than the currency has.
void finish_draft(RecordDraft& draft);

/// The cell text of `column` for `draft` (data and refs), in the forms
/// apply_column() reads back to the same value; "" when unset. Throws
/// Error(invalid_argument) for a column the kind does not export.
std::string format_column(const RecordDraft& draft, std::string_view column);

/// The cell text of a custom value, read back by apply_custom().
std::string format_custom(const CustomValue& value);

/// `instant` as "YYYY-MM-DDTHH:MM:SSZ", with ".ffffff" only when it has a
/// fraction of a second.
std::string format_instant_cell(const Instant& instant);

}  // namespace crm::detail
