// The tables the crm program prints for accounts, contacts, leads, deals and
// pipelines.
#pragma once

#include <ostream>
#include <vector>

#include "crm/crm.hpp"
#include "display.hpp"

namespace crm::cli {

/// id, name, account, job title, first phone, primary email and language.
void print_contacts(Names& names, const std::vector<Contact>& contacts, std::ostream& out);

/// id, name, country, city, phone, email, owner and ERP code.
void print_accounts(const std::vector<Account>& accounts, std::ostream& out);

/// id, name, company, status (with the disqualification reason), email,
/// phone, source and owner.
void print_leads(const std::vector<Lead>& leads, std::ostream& out);

/// id, name, account, stage, amount, probability, expected close and owner.
void print_deals(Names& names, const std::vector<Opportunity>& deals, std::ostream& out);

/// The database's path and schema version, record counts, the count of
/// accounts and contacts per sample country and the first contacts by name.
void print_summary(Database& db, std::ostream& out);

/// Every stage of `pipeline` in order with its kind and default probability,
/// how many live deals it holds and their amount and probability-weighted
/// amount per currency.
void print_pipeline(Database& db, const Pipeline& pipeline, std::ostream& out);

}  // namespace crm::cli
