#include "io/export_pages.hpp"

#include "crm/account.hpp"
#include "crm/activity.hpp"
#include "crm/contact.hpp"
#include "crm/lead.hpp"
#include "crm/opportunity.hpp"
#include "storage/store_access.hpp"

namespace crm::detail {

ExportPages::ExportPages(Session& session, RecordKind kind, const ListQuery& query)
    : session_(session), kind_(kind), query_(query) {
  query_.limit = kPageSize;
  query_.after.clear();
  query_.offset = 0;
}

template <class Data, class Record>
std::vector<RecordDraft> ExportPages::take(Page<Record> page) {
  std::vector<RecordDraft> drafts;
  drafts.reserve(page.items.size());
  for (Record& record : page.items) {
    RecordDraft draft{Data(std::move(static_cast<Data&>(record))), {}};
    draft.id = record.id.value();
    drafts.push_back(std::move(draft));
  }
  query_.after = std::move(page.next);
  done_ = query_.after.empty();
  return drafts;
}

std::vector<RecordDraft> ExportPages::next() {
  if (done_) return {};
  switch (kind_) {
    case RecordKind::account: return take<AccountData>(detail::StoreAccess::make<Accounts>(session_).list(query_));
    case RecordKind::contact: return take<ContactData>(detail::StoreAccess::make<Contacts>(session_).list(query_));
    case RecordKind::lead: return take<LeadData>(detail::StoreAccess::make<Leads>(session_).list(query_));
    case RecordKind::opportunity: return take<OpportunityData>(detail::StoreAccess::make<Opportunities>(session_).list(query_));
    case RecordKind::activity: return take<ActivityData>(detail::StoreAccess::make<Activities>(session_).list(query_));
  }
  return {};
}

}  // namespace crm::detail
