// crmcore: opportunities (deals) moving through a pipeline, and the history
// of their stage changes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "crm/custom_field.hpp"
#include "crm/ids.hpp"
#include "crm/list.hpp"
#include "crm/money.hpp"
#include "crm/pipeline.hpp"
#include "crm/table.hpp"
#include "crm/time.hpp"

namespace crm {

namespace detail {
class Session;
struct StoreAccess;
}

/// A contact taking part in a deal, and the part they play.
struct OpportunityContact {
  ContactId contact{};  ///< The person.
  std::string role{};   ///< "decision maker", "influencer", "user", ...; required.

  friend bool operator==(const OpportunityContact&, const OpportunityContact&) = default;
};

/// One product line of a deal.
struct LineItem {
  ProductId product{};        ///< The product; must be active when added.
  std::int64_t quantity = 1;  ///< Units, at least 1.
  /// Price of one unit; unset (zero in the product's currency is also fine)
  /// takes the product's list price. Must be in the deal's currency.
  std::optional<Money> unit_price{};
  int discount_percent = 0;   ///< Whole percent off, 0..100.
  /// Set by the library: unit price x quantity less the discount, rounded
  /// half away from zero to the minor unit.
  Money total{};

  friend bool operator==(const LineItem&, const LineItem&) = default;
};

/// What a caller sets on an opportunity.
struct OpportunityData {
  /// The customer, or none (unset): a deal may have no account, as
  /// imported history from other CRMs often has.
  AccountId account{};
  ContactId primary_contact{};                  ///< The main person, or none.
  std::vector<OpportunityContact> contacts{};   ///< Further people and their roles.
  std::string name{};                           ///< Required.
  /// The value of the deal. With line items it is their sum (this field is
  /// then ignored); its currency is the deal's currency either way.
  Money amount{};
  std::optional<Date> expected_close{};         ///< When it is expected to close.
  PipelineId pipeline{};                        ///< Unset: the default pipeline.
  StageId stage{};                              ///< Unset: the pipeline's first open stage.
  /// Win probability 0..100 that overrides the stage's default; unset, the
  /// deal takes the default of each stage it enters (see Opportunity::probability).
  std::optional<int> probability_override{};
  std::string owner{};                          ///< The responsible user.
  /// How the deal came in: a lead source by name, added when new (see
  /// LeadSources); empty for none.
  std::string lead_source{};
  /// The campaign that brought it, by name (see Campaigns); it must exist.
  std::string campaign{};
  std::string next_step{};                      ///< What happens next.
  std::string description{};                    ///< Free text.
  std::string external_ref{};                   ///< The embedding system's key; unique when set.
  std::vector<std::string> tags{};              ///< Labels.
  std::vector<LineItem> line_items{};           ///< Products sold.
  /// Why it was lost: required when a deal becomes lost (moved or updated
  /// into a lost stage); a deal created in a lost stage, as history is
  /// imported, may lack it. Cleared when the deal is in any other stage.
  LostReasonId lost_reason{};
  /// The close date of a won or lost deal, not in the future; unset, the
  /// library keeps the stored one or uses today when the deal closes.
  /// Cleared when the deal is open.
  std::optional<Date> closed_on{};
  /// Values of the custom fields defined for this kind of record, by field
  /// name (see CustomFields); checked against the definitions on write.
  CustomValues custom{};
};

/// A stored opportunity.
struct Opportunity : OpportunityData {
  OpportunityId id{};                   ///< Row id.
  StageKind stage_kind = StageKind::open;  ///< The kind of its stage.
  /// The win probability in force: the override when set, else the default of
  /// the stage when the deal entered it.
  int probability = 0;
  std::int64_t version = 0;             ///< Incremented by every change; update() checks it.
  Instant created_at{};                 ///< When created (UTC).
  Instant updated_at{};                 ///< When last changed (UTC).
  std::optional<Instant> deleted_at{};  ///< Set while soft-deleted.

  /// True when the stage is won or lost.
  bool closed() const noexcept { return stage_kind != StageKind::open; }
};

/// One recorded stage change: created, moved, won, lost or reopened.
struct StageChange {
  StageChangeId id{};          ///< Row id.
  OpportunityId opportunity{}; ///< The deal.
  StageId from{};              ///< The stage before; unset for the creation.
  StageId to{};                ///< The stage after.
  Instant at{};                ///< When (UTC).
  std::string by{};            ///< The user of the connection that made it (OpenOptions::user).
  Money amount{};              ///< The deal's amount at that moment.
  int probability = 0;         ///< Its probability at that moment.
  LostReasonId lost_reason{};  ///< When moved to a lost stage.

  friend bool operator==(const StageChange&, const StageChange&) = default;
};

/// How a deal moves to another stage.
struct StageMove {
  /// Close date when the target stage is won or lost (default: today).
  std::optional<Date> closed_on{};
  /// Required when the target stage is lost.
  LostReasonId lost_reason{};
};

/// Filters of opportunity lists beyond ListQuery's owner and tag (country
/// is not a filter of deals). Unset fields do not filter.
struct OpportunityFilter {
  AccountId account{};         ///< Deals of this account.
  PipelineId pipeline{};       ///< Deals in this pipeline.
  StageId stage{};             ///< Deals in this stage.
  std::optional<bool> open{};  ///< Only open (true) or only closed (false) deals.
};

/// The opportunities of a Database (db.opportunities()). Every write is one
/// transaction, writes nothing on error, and records stage changes. Throws crm::Error.
class Opportunities {
 public:

  /// Validates and stores a new deal and records its first stage. Throws
  /// invalid_argument naming the field (empty name, stage of another
  /// pipeline, negative quantity, mixed currencies, a lost reason on an open
  /// deal, ...), not_found for a missing account (when one is set),
  /// contact, product, stage.
  Opportunity create(const OpportunityData& data);
  /// The deal with `id`, also when soft-deleted. Throws not_found.
  Opportunity get(OpportunityId id) const;
  /// Saves the data fields if the version is current (else conflict). A
  /// changed stage is recorded in the stage history as move_to_stage() would.
  Opportunity update(const Opportunity& opportunity);
  /// Moves the deal to `stage` of its pipeline: closing (won or lost) sets the
  /// close date, becoming lost needs a lost reason, moving a closed deal to an open
  /// stage reopens it. Records the change. invalid_argument for a stage of
  /// another pipeline or a removed one.
  Opportunity move_to_stage(OpportunityId id, StageId stage, const StageMove& how = {});
  /// The deal's stage changes, oldest first.
  std::vector<StageChange> stage_history(OpportunityId id) const;
  /// Soft-deletes (restorable).
  Opportunity remove(OpportunityId id);
  /// Undoes remove().
  Opportunity restore(OpportunityId id);
  /// Deletes for good with its contacts, line items, history and activities.
  void purge(OpportunityId id);
  /// One page of deals; ListQuery's country must be empty.
  Page<Opportunity> list(const ListQuery& query = {}, const OpportunityFilter& filter = {}) const;
  /// How many deals match.
  std::int64_t count(const ListQuery& query = {}, const OpportunityFilter& filter = {}) const;
  /// One page of chosen columns: id, name, account_id, account_name (NULL
  /// for a deal without account),
  /// primary_contact_id, amount (money: decimal with the deal's currency,
  /// Table::money()), amount_minor, currency, expected_close (date),
  /// pipeline_id, pipeline, stage_id, stage, stage_kind, probability,
  /// weighted_amount (money: amount x probability / 100 rounded half away
  /// from zero to the minor unit), closed_on (date), lost_reason, owner,
  /// lead_source, campaign, next_step, external_ref, tags, created_at,
  /// updated_at, deleted_at, version; custom fields by name (money ones as
  /// money).
  TablePage select(const std::vector<std::string>& columns, const ListQuery& query = {},
                   const OpportunityFilter& filter = {}) const;
  /// The columns select() can read.
  static std::vector<Column> selectable_columns();
  /// The live deal with this external_ref, if any.
  std::optional<Opportunity> find_by_external_ref(const std::string& external_ref) const;
  /// Open deals (of `query.owner` when set) with no planned activity linked to
  /// them (an overdue one still counts as planned): the ones nobody is working on.
  Page<Opportunity> without_next_activity(const ListQuery& query = {}) const;

 private:
  friend struct detail::StoreAccess;  // constructs stores: Database and the implementation
  explicit Opportunities(detail::Session& session) : session_(session) {}
  detail::Session& session_;
};

}  // namespace crm
