# Runs the crm program as a user would and checks what it prints.
#   cmake -DCRM=path/to/crm -DWORK=scratch/dir -P crm_cli_test.cmake
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
set(DB "${WORK}/demo.crm")

# run(<expected exit code> <regex the output must match> args...)
function(run expected_code pattern)
  execute_process(COMMAND "${CRM}" ${ARGN} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT code EQUAL expected_code)
    message(FATAL_ERROR "crm ${ARGN}: exit ${code}, expected ${expected_code}\n${out}${err}")
  endif()
  if(NOT "${out}${err}" MATCHES "${pattern}")
    message(FATAL_ERROR "crm ${ARGN}: output does not match '${pattern}':\n${out}${err}")
  endif()
endfunction()

# The first demo loads the sample; everything it prints is checked on that one run. The
# sample writes Latvian numbers in national form only when the region is LV.
execute_process(COMMAND "${CRM}" --region LV demo "${DB}" RESULT_VARIABLE code OUTPUT_VARIABLE demo ERROR_VARIABLE err)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "crm demo: exit ${code}\n${demo}${err}")
endif()
foreach(pattern
    "Loaded sample data: 120 accounts, 360 contacts \\([0-9]+ changed jobs\\), [1-9][0-9]+ deals, [1-9][0-9]+ activities, 30 leads"
    "Accounts: 120   Contacts: 360" "Pipeline \"Sales\" \\(default\\)"
    "Agenda of anna.berzina \\(UTC\\): [0-9]+ overdue, [1-9][0-9]* today" "Incoming call from 00371")
  if(NOT demo MATCHES "${pattern}")
    message(FATAL_ERROR "crm demo: output does not match '${pattern}':\n${demo}")
  endif()
endforeach()
# Without a region the demo dials the sample number in international form.
run(0 "already present.*Incoming call from \\+371 [0-9]+ " demo "${DB}")
run(0 "LV +42 +126" summary "${DB}")
run(0 "SIA " accounts "${DB}" --country LV --limit 3)
run(0 "SAMPLE-A-0001" accounts "${DB}" --limit 200)
run(0 "Кова|Смирн|Шевч|Ткач|Бонд|Кравч|Мельн|Олій|Іван|Кузн|Попов|Сокол|Волк|Фёд|Мороз" contacts "${DB}" --country UA --limit 100)
run(0 "ok" check "${DB}")
run(0 "Backed up" backup "${DB}" "${WORK}/copy.crm")
run(0 "Accounts: 120" summary "${WORK}/copy.crm")
run(1 "No contact or account" find-phone "${DB}" "+371 29 999 999")
run(1 "not a phone number" find-phone "${DB}" "hello")
# Full-text search: Latvian names without diacritics, Ukrainian ones in capitals, prefixes.
run(0 "contact +[0-9]+ +[^\n]*Bērziņ" search "${DB}" "berzin*")
run(0 "contact +[0-9]+ +[^\n]*Ковальчук" search "${DB}" КОВАЛЬЧУК --kind contact --limit 5)
run(1 "Nothing found for 'nobody-at-all'" search "${DB}" nobody-at-all)
run(1 "--kind: 'person' is not a record kind" search "${DB}" anna --kind person)
run(0 "crmcore [0-9]+\\.[0-9]+\\.[0-9]+, schema version" version)
run(2 "unknown command" frobnicate "${DB}")
run(1 "missing argument" find-email "${DB}")
file(WRITE "${WORK}/not-a-db.crm" "this is not a database, just some text that is long enough to be read......")
run(1 "corrupt|not a database" summary "${WORK}/not-a-db.crm")

# Sales.
run(0 "Prospecting +open +10% +[1-9][0-9]* +[0-9]+\\.[0-9][0-9] EUR" pipeline "${DB}")
run(0 "Won +won +100%" pipeline "${DB}" --pipeline sales)
run(1 "no pipeline named 'Renewals'" pipeline "${DB}" --pipeline Renewals)
run(0 "Negotiation +[0-9]+\\.[0-9][0-9] [A-Z][A-Z][A-Z] +75%" deals "${DB}" --stage negotiation --limit 3)
run(0 "more deals follow" deals "${DB}" --open yes --limit 2)
run(1 "no stage 'Closed' \\(it has Prospecting" deals "${DB}" --stage Closed)
run(1 "--open: 'maybe' is neither yes nor no" deals "${DB}" --open maybe)
run(1 "--account: nothing has the external_ref 'SAMPLE-A-9999'" deals "${DB}" --account SAMPLE-A-9999)
run(1 "unknown option --colour \\(it takes --owner, --tag, --country, --where, --sort, --deleted, --limit\\)" accounts "${DB}" --colour red)
run(1 "--limit: 'many' is not a whole number" contacts "${DB}" --limit many)
run(0 "Кова|Смирн|Шевч|Ткач|Бонд|Кравч|Мельн|Олій|Іван|Кузн|Попов|Сокол|Волк|Фёд|Мороз"
    contacts "${DB}" --where "country = \"UA\" and has activity" --sort last_activity_at --limit 100)
run(1 "line 1, column 1: unknown field 'contry' on contacts; did you mean 'country'\\? \\[parse_error\\]"
    contacts "${DB}" --where "contry = \"LV\"")
run(0 "Won" deals "${DB}" --where "status = won and amount > 0 EUR" --limit 3)
run(0 "contacted" leads "${DB}" --limit 100)

# Timelines and agendas.
run(0 "Newest first.*(call|email|meeting) done" timeline "${DB}" --account SAMPLE-A-0001)
run(0 "created in Prospecting" timeline "${DB}" --deal 1 --limit 100)
run(0 "Newest first" timeline "${DB}" --lead SAMPLE-L-0002)
run(1 "give one of --account, --contact, --deal or --lead" timeline "${DB}")
run(1 "give one of" timeline "${DB}" --account 1 --contact 1)
run(1 "not_found" timeline "${DB}" --contact 999999)
run(0 "Overdue:.*Today:.*Coming up:" agenda "${DB}" anna.berzina --days 14)
run(0 "Agenda of nobody.*Overdue:\n  nothing" agenda "${DB}" nobody)
run(0 "\\(EET-2EEST,M3.5.0/3,M10.5.0/4\\)" agenda "${DB}" anna.berzina --tz "EET-2EEST,M3.5.0/3,M10.5.0/4")
run(1 "Mars/Base" agenda "${DB}" anna.berzina --tz Mars/Base)
run(1 "--days: 0 is less than 1" agenda "${DB}" anna.berzina --days 0)
run(1 "missing argument: owner" agenda "${DB}")

# Calls from the phone system: an unknown number is kept for later.
# Like the library, crm has no default region: a number without its country code is kept as
# written, and reads as +371 only with --region LV.
run(0 "Logged outbound call [0-9]+ with 29 999 999: no contact has this number"
    log-call "${DB}" "29 999 999" --direction outbound)
run(0 "Logged outbound call [0-9]+ with \\+37129999999: no contact has this number"
    --region LV log-call "${DB}" "29 999 999" --direction outbound)
run(1 "--direction: 'sideways'" log-call "${DB}" "29 999 999" --direction sideways)
run(1 "--at: 'yesterday'" log-call "${DB}" "29 999 999" --at yesterday)
run(1 "--duration: -5 is less than 0" log-call "${DB}" "29 999 999" --duration -5)
run(0 "Attached 0 earlier calls to " attach-calls "${DB}" SAMPLE-C-00001)

# The number of the first sample contact, dialled in another written form, finds that contact.
execute_process(COMMAND "${CRM}" contacts "${DB}" --limit 1 OUTPUT_VARIABLE listing)
if(NOT listing MATCHES "\n([0-9]+) [^\n]*\\+371([0-9]+)")
  message(FATAL_ERROR "no Latvian number in the first contact:\n${listing}")
endif()
set(contact "${CMAKE_MATCH_1}")
set(number "${CMAKE_MATCH_2}")
run(0 "\n${contact} " --region LV find-phone "${DB}" "00371${number}")
# A call from that number is linked to the contact and shows in its timeline.
run(0 "Logged inbound call [0-9]+ with \\+371${number}: [^\n]+, [^\n]+" log-call "${DB}" "+371 ${number}"
    --duration 95 --outcome answered --at 2026-01-05T09:30:00Z)
run(0 "2026-01-05 09:30 +call done +Inbound call \\(inbound \\+371${number}, answered\\)"
    timeline "${DB}" --contact ${contact} --limit 1000)

# Exporting: CSV to standard output (Cyrillic intact), other delimiters, JSON to a file, errors.
run(0 "^id,external_ref,first_name,last_name,emails,phones,[^\n]*\n[0-9]+,SAMPLE-C-[0-9]+,[^\n]*(Кова|Смирн|Шевч|Ткач|Бонд|Кравч|Мельн|Олій|Іван|Кузн|Попов|Сокол|Волк|Фёд|Мороз)"
    export "${DB}" contact --where "country = \"UA\"")
run(0 "^id\texternal_ref\tname\tregistration_number\t" export "${DB}" account --delimiter tab)
run(0 "Exported [1-9][0-9]* opportunity records to [^\n]*deals.json" export "${DB}" opportunity --format json
    --output "${WORK}/deals.json")
file(READ "${WORK}/deals.json" deals)
if(NOT deals MATCHES "^\\[\n{\"id\":[0-9]+,\"external_ref\":\"SAMPLE-O-[0-9]+\",[^\n]*\"amount\":\"-?[0-9]+(\\.[0-9]+)?\",\"currency\":\"[A-Z][A-Z][A-Z]\"")
  message(FATAL_ERROR "crm export --format json wrote:\n${deals}")
endif()
# Money in JSON is exact: a decimal string beside its currency, never a JSON number.
if(deals MATCHES "\"amount\":-?[0-9]")
  message(FATAL_ERROR "crm export --format json wrote an amount as a number:\n${deals}")
endif()
run(1 "--format: 'xml' is not csv or json" export "${DB}" contact --format xml)
run(1 "--segment: no segment of contact records is called 'VIP' \\[not_found\\]" export "${DB}" contact --segment VIP)
run(1 "did you mean 'country'\\? \\[parse_error\\]" export "${DB}" contact --where "contry = \"LV\"")
run(1 "not_found" export "${DB}" contact --output "${WORK}/no/such/dir/out.csv")
if(EXISTS "${WORK}/no/such/dir/out.csv")
  message(FATAL_ERROR "a failed export left a file")
endif()

# Formulas (OWASP "CSV injection"): escaped on export unless --escape-formulas no; a
# tab before a formula in an imported cell never leaves a live formula.
file(WRITE "${WORK}/formulas.csv" "last_name,job_title,external_ref\n=1+2,\"\t@SUM(A1)\",FORMULA-1\n")
run(0 "1 inserted" import "${DB}" contact "${WORK}/formulas.csv")
run(0 "\n[0-9]+,FORMULA-1,,'=1\\+2,[^\n]*,''@SUM\\(A1\\)," export "${DB}" contact --where "external_ref = \"FORMULA-1\"")
run(0 "\n[0-9]+,FORMULA-1,,=1\\+2,[^\n]*,'@SUM\\(A1\\)," export "${DB}" contact --where "external_ref = \"FORMULA-1\""
    --escape-formulas no)
run(1 "--escape-formulas" export "${DB}" contact --escape-formulas maybe)

# Hostile sizes: a long `in (...)` list works (it failed as an io error), search text over its limit is refused.
set(codes "")
foreach(i RANGE 1 5000)
  string(APPEND codes "\"ERP-${i}\", ")
endforeach()
run(0 "=1\\+2 +'@SUM\\(A1\\)" contacts "${DB}" --where "external_ref in (${codes}\"FORMULA-1\")")
string(REPEAT "7" 100000 digits)
run(1 "at most 1000 bytes \\[invalid_argument\\]" search "${DB}" "+371 ${digits}")
string(REPEAT "anna " 20000 words)
run(1 "at most 1000 bytes \\[invalid_argument\\]" search "${DB}" "${words}")
string(REPEAT "anna " 33 words)
run(1 "33 words; at most 32 \\[invalid_argument\\]" search "${DB}" "${words}")

# Importing a CSV file: good rows kept, a bad one listed with its line and header; a dry run writes nothing.
file(WRITE "${WORK}/import.csv" "First Name;Last Name;Email\nAnna;Importa;anna.importa@example.lv\nJānis;Ozols;bad-email\n")
run(1 "Imported 2 rows: 1 inserted, 0 updated, 0 skipped as duplicates, 1 refused.\n  line 3, column \"Email\": [^\n]*bad-email"
    import "${DB}" contact "${WORK}/import.csv")
run(0 "Importa" contacts "${DB}" --where "last_name = \"Importa\"")
# Names as people type them in Latin (imported without emails, whose words would find them anyway):
# ł without its stroke, Cyrillic transliterated, Latin found by Cyrillic, umlauts written out.
set(NDB "${WORK}/names.crm")
file(WRITE "${WORK}/names.csv" "First Name,Last Name\nŁukasz,Kozłowski\nИван,Иванов\nTaras,Shevchenko\nJürgen,Müller\n")
run(0 "4 inserted" import "${NDB}" contact "${WORK}/names.csv")
run(0 "contact +[0-9]+ +[^\n]*Kozłowski" search "${NDB}" kozlowski)
run(0 "contact +[0-9]+ +[^\n]*Иванов" search "${NDB}" ivanov)
run(0 "contact +[0-9]+ +[^\n]*Shevchenko" search "${NDB}" шевченко)
run(0 "contact +[0-9]+ +[^\n]*Müller" search "${NDB}" mueller)
# Countries as people write them; a national number is read in the record's own country.
set(CDB "${WORK}/countries.crm")
file(WRITE "${WORK}/countries.csv" "Name,BillingCountry,Phone\nSIA Ozols,Latvija,+371 67 000 222\nAcme Inc.,United States,(650) 253-0000\nNowhere Ltd,Untied States,\n")
run(1 "2 inserted, 0 updated, 0 skipped as duplicates, 1 refused.\n  line 4, column \"BillingCountry\": [^\n]*the nearest are United States \\(US\\)"
    import "${CDB}" account "${WORK}/countries.csv")
run(0 "Acme Inc\\." accounts "${CDB}" --country USA)
run(0 "Acme Inc\\." find-phone "${CDB}" "+1 650 253 0000")
file(WRITE "${WORK}/import2.csv" "last_name,email\nImporta,ANNA.IMPORTA@example.lv\nDryrun,dry@example.lv\n")
run(0 "Checked 2 rows: 1 inserted, 0 updated, 1 skipped as duplicates, 0 refused.\n  line 2 looks like record [0-9]+ \\(score [0-9]+\\): same_email[^\n]*-> skip\nDry run: nothing was written."
    import "${DB}" contact "${WORK}/import2.csv" --duplicates skip --dry-run yes)
execute_process(COMMAND "${CRM}" contacts "${DB}" --where "last_name = \"Dryrun\"" OUTPUT_VARIABLE listing)
if(listing MATCHES "Dryrun")
  message(FATAL_ERROR "a dry run wrote a contact:\n${listing}")
endif()
# --policy lenient: the bad optional cell is left out with a warning and the row imported.
run(0 "Imported 2 rows: 2 inserted, 0 updated, 0 skipped as duplicates, 0 refused, 1 cells left out.\n  warning: line 3, column \"Email\": [^\n]*bad-email"
    import "${WORK}/lenient.crm" contact "${WORK}/import.csv" --policy lenient)
run(1 "not one of strict, lenient|strict, lenient" import "${WORK}/lenient.crm" contact "${WORK}/import.csv" --policy loose)
file(WRITE "${WORK}/slashes.csv" "Last Name,Birthdate\nSlash,3/4/1980\n")
run(1 "1 refused" import "${WORK}/lenient.crm" contact "${WORK}/slashes.csv")
run(0 "1 inserted" import "${WORK}/lenient.crm" contact "${WORK}/slashes.csv" --date-order day_first)
run(0 "Slash[^\n]*1980-04-03" export "${WORK}/lenient.crm" contact --where "last_name = \"Slash\"")
# History as it was, from another CRM: a deal without an account, activities naming whom
# (who_ref: a contact or a lead) and what (what_ref: an account or a deal) by the old keys.
set(HDB "${WORK}/history.crm")
file(WRITE "${WORK}/h-accounts.csv" "external_ref,name\n001A,SIA Vēsture\n")
file(WRITE "${WORK}/h-contacts.csv" "external_ref,last_name\n003C,Senais\n")
file(WRITE "${WORK}/h-deals.csv" "external_ref,name,account,amount\n006D,Old deal without account,,250 EUR\n")
file(WRITE "${WORK}/h-tasks.csv" "external_ref,subject,who_ref,what_ref\n00T1,Old call,003C,006D\n00T2,Old visit,,001A\n00T3,Lost task,,701X\n")
run(0 "1 inserted" import "${HDB}" account "${WORK}/h-accounts.csv")
run(0 "1 inserted" import "${HDB}" contact "${WORK}/h-contacts.csv")
run(0 "1 inserted, 0 updated, 0 skipped as duplicates, 0 refused" import "${HDB}" opportunity "${WORK}/h-deals.csv")
run(0 "Old deal without account +Prospecting +250\\.00 EUR" deals "${HDB}")
run(0 "Prospecting +open +10% +1 +250\\.00 EUR" pipeline "${HDB}")
run(1 "2 inserted, 0 updated, 0 skipped as duplicates, 1 refused.\n  line 4, column \"what_ref\": [^\n]*no account or deal has the external reference '701X'"
    import "${HDB}" activity "${WORK}/h-tasks.csv")
run(0 "\n[0-9]+,00T1,[^\n]*Old call" export "${HDB}" activity --where "external_ref = \"00T1\"")
file(WRITE "${WORK}/h-tasks2.csv" "external_ref,outcome\n00T1,reached\n")
run(0 "0 inserted, 1 updated" import "${HDB}" activity "${WORK}/h-tasks2.csv" --upsert external_ref)
run(0 "Old call" timeline "${HDB}" --deal 006D)
# --values: an old CRM's picklist values read as the library's.
file(WRITE "${WORK}/sf-leads.csv" "LastName,Status\nWorker,Working - Contacted\n")
run(1 "1 refused" import "${WORK}/values.crm" lead "${WORK}/sf-leads.csv")
run(0 "1 inserted" import "${WORK}/values.crm" lead "${WORK}/sf-leads.csv" --values "Status:Working - Contacted=contacted")
run(0 "Worker[^\n]*contacted" leads "${WORK}/values.crm")
run(1 "is not HEADER:FROM=TO" import "${WORK}/values.crm" lead "${WORK}/sf-leads.csv" --values "Status=contacted")
# import-org: a Salesforce-shaped folder whole; parents in a second pass; a second run changes nothing.
file(MAKE_DIRECTORY "${WORK}/org")
file(WRITE "${WORK}/org/Account.csv" "Id,Name,ParentId,Rating\n001B,Child Ltd,001A,Hot\n001A,Parent Inc,,\n")
file(WRITE "${WORK}/org/Contact.csv" "Id,AccountId,LastName,Birthdate\n003C,001B,Lee,2999-01-01\n")
file(WRITE "${WORK}/org/Notes.csv" "Id\n1\n")
run(0 "Account.csv \\(account\\): Imported 2 rows: 2 inserted[^\n]*\n(.*\n)?Account.csv \\(account, second pass\\): Imported 2 rows: 0 inserted, 1 updated, 1 unchanged[^\n]*\n(.*\n)?Contact.csv \\(contact\\): Imported 1 rows: 1 inserted[^\n]*1 cells left out[^\n]*\n  warning: line 2, column \"Birthdate\"[^\n]*\nNot in the preset: \"Notes.csv\""
    import-org "${WORK}/org.crm" "${WORK}/org" --from salesforce)
run(0 "Kept as custom fields: \"Rating\" -> rating\n(.*\n)*Contact.csv \\(contact\\): Imported 1 rows: 0 inserted, 0 updated, 1 unchanged"
    import-org "${WORK}/org.crm" "${WORK}/org")
run(0 "\n[0-9]+,001B,[^\n]*Hot" export "${WORK}/org.crm" account --where "rating = \"Hot\"")
# --compose: a column the file lacks, made from other cells.
file(WRITE "${WORK}/pipeline.csv" "product,client\nGTX Pro,Cancity\nMG Special,\n")
run(0 "2 inserted" import "${WORK}/values.crm" opportunity "${WORK}/pipeline.csv"
    --compose "name={product} — {client};external_ref=deal-{#line}")
run(0 "GTX Pro — Cancity" deals "${WORK}/values.crm")
run(1 "nobody" import "${WORK}/values.crm" opportunity "${WORK}/pipeline.csv" --compose "name={nobody}")
run(1 "--from|nosuch" import-org "${WORK}/org.crm" "${WORK}/org" --from nosuch)
run(0 "\"file\": \"Account.csv\"" org-preset salesforce)
run(1 "'planet' is not a record kind" import "${DB}" planet "${WORK}/import.csv")
run(1 "not_found" import "${DB}" contact "${WORK}/missing.csv")

# Duplicates and merging, on a copy of the sample (which has contacts sharing an email and a name).
run(0 "Backed up" backup "${DB}" "${WORK}/duplicates.crm")
set(DUP "${WORK}/duplicates.crm")
run(0 "score +first +name +second +name +reasons\n-+\n9[0-9] +[0-9]+ +[^\n]+same_email, same_name\n.*best first"
    duplicates "${DUP}" contacts --limit 5)
run(0 "No duplicate accounts found" duplicates "${DUP}" accounts)
run(1 "'leads' is neither accounts nor contacts" duplicates "${DUP}" leads)
run(1 "--limit: 0 is less than 1" duplicates "${DUP}" contacts --limit 0)
execute_process(COMMAND "${CRM}" duplicates "${DUP}" contacts --limit 1 OUTPUT_VARIABLE pairs)
if(NOT pairs MATCHES "\n9[0-9] +([0-9]+) +[^0-9\n]+ ([0-9]+) ")
  message(FATAL_ERROR "no pair of contacts sharing an email in the sample:\n${pairs}")
endif()
set(keep "${CMAKE_MATCH_1}")
set(other "${CMAKE_MATCH_2}")
# The sample, loaded with --region LV, writes some numbers as "0049 ...": rewriting such a record
# reads them again, in the contact's own country, so no --region is needed.
run(0 "Merged contact ${other} into contact ${keep} \\(" --origin dedup merge "${DUP}" contact ${keep} ${other}
    --take job_title)
# The audit trail: the merge is in both records' histories, with its origin; queries by kind, user, period.
run(0 "^ *seq +tx +at +user +origin +kind +record_id +operation +field +old +new\n-+\n[^\n]* create +first_name .*dedup +contact +${keep} +merge "
    history "${DUP}" contact ${keep})
run(0 "dedup +contact +${other} +merge " history "${DUP}" contact ${other})
run(0 "^ *seq[^\n]*\n-+\n +1 +1 +20[^\n]+ +account +1 +create +name " audit "${DUP}" --limit 1)
run(0 "^ *seq[^\n]*\n-+\n$" audit "${DUP}" --by anna.berzina)
run(0 "^ *seq[^\n]*\n-+\n$" audit "${DUP}" --until 2000-01-01T00:00:00Z)
run(0 "^seq,tx,at,user,origin,kind,record_id,operation,field,old,new\r?\n[0-9]+,[0-9]+,20.*,,dedup,contact,${keep},merge,"
    history "${DUP}" contact ${keep} --csv)
run(1 "--kind: 'planet' is not a record kind" audit "${DUP}" --kind planet)
run(0 " merge +[^\n]*dedup +system\n" timeline "${DUP}" --contact ${keep} --changes yes)
run(1 "nothing has the external_ref 'NOPE'" history "${DUP}" contact NOPE)
run(0 "^enabled: yes\nretention: forever\n$" audit-settings "${DUP}")
run(0 "^enabled: no\nretention: 400 days\n$" audit-settings "${DUP}" --enabled no --retention-days 400)
run(0 "^enabled: yes\nretention: forever\n$" audit-settings "${DUP}" --enabled yes --retention-days 0)
run(1 "changing settings needs the administrator role \\[permission_denied\\]" --user janis.kalnins audit-settings "${DUP}" --enabled no)
# The change feed: in order from a cursor, the cursor to go on from on stderr, kinds; a reader
# behind what retention kept is refused.
run(0 "^ *seq +tx +at +user +origin +kind +record_id +operation +field +old +new\n-+\n +1 +1 +20[^\n]+ +account +1 +create +name .*next: --since 1\n$"
    changes "${DUP}" --limit 1)
run(0 "^seq,tx,at,user,origin,kind,record_id,operation,field,old,new\r?\n[0-9]+,[0-9]+,20[^,]*,,,(contact|lead),"
    changes "${DUP}" --since 5 --kind contact,lead --limit 3 --csv)
run(1 "--kind: 'planet' is not a record kind" changes "${DUP}" --kind planet)
run(0 "^enabled: yes\nretention: forever, the newest 5 entries\n$" audit-settings "${WORK}/copy.crm" --retention-entries 5)
run(1 "read the records again.*\\[cursor_expired\\]" changes "${WORK}/copy.crm" --since 0)
run(0 "^ *seq[^\n]*\n-+\nnext: --since 100000000\n$" changes "${WORK}/copy.crm" --since 100000000)
# The privacy law: a person's document, a legal hold that refuses the erasure, the erasure.
run(0 "^{\n  \"format\": \"crmcore.person/1\",.*\"kind\": \"contact\",.*\"consent_history\"" privacy-export "${DUP}" contact SAMPLE-C-00003)
run(0 "contact +[0-9]+ +Court case 17 +20" legal-hold "${DUP}" contact SAMPLE-C-00003 --reason "Court case 17")
run(1 "Court case 17.*\\[conflict\\]" erase "${DUP}" contact SAMPLE-C-00003 --confirm yes)
run(2 "cannot be undone" erase "${DUP}" contact SAMPLE-C-00003)
run(0 "^kind,record_id,reason,placed_at,placed_by\r?\ncontact,[0-9]+,Court case 17,20[^\n]*,\r?\n$" legal-holds "${DUP}" --csv)
execute_process(COMMAND "${CRM}" legal-holds "${DUP}" --csv OUTPUT_VARIABLE holds)
string(REGEX MATCH "\ncontact,([0-9]+)," held "${holds}")
run(1 "needs the administrator role \\[permission_denied\\]" --user janis.kalnins legal-hold "${DUP}" contact ${CMAKE_MATCH_1} --release yes)
run(2 "either --reason TEXT" legal-hold "${DUP}" contact SAMPLE-C-00003)
run(0 "^ *kind[^\n]*\n-+\n$" legal-hold "${DUP}" contact SAMPLE-C-00003 --release yes)
run(0 "^erased: contact [0-9]+\nfields: [^\n]*emails[^\n]*\nactivities: [0-9]+\naudit entries: [1-9][0-9]*\nmerges: [0-9]+\n$"
    erase "${DUP}" contact SAMPLE-C-00003 --confirm yes)
run(0 "\"last_name\": \"\\[erased\\]\"" privacy-export "${DUP}" contact SAMPLE-C-00003)
run(0 " erase +emails( |\n)" history "${DUP}" contact SAMPLE-C-00003)
run(1 "a person is a contact or a lead" erase "${DUP}" account SAMPLE-A-0003 --confirm yes)
run(1 "merge.other: contact ${other} does not exist \\[not_found\\]" merge "${DUP}" contact ${keep} ${other})
run(1 "cannot be merged into itself \\[invalid_argument\\]" merge "${DUP}" contact ${keep} ${keep})
run(1 "did you mean 'job_title'" merge "${DUP}" contact SAMPLE-C-00001 SAMPLE-C-00002 --take jobtitle)
run(0 "Merged account [0-9]+ into account [0-9]+ \\(" --region LV merge "${DUP}" account SAMPLE-A-0001 SAMPLE-A-0002)
# --deleted takes the names the library gives its filters. A merged record is deleted for good,
# and nothing in the sample is soft-deleted: the recycle bin is empty.
run(0 "ERP code\n-+\n$" accounts "${DUP}" --deleted only)
run(0 "SAMPLE-A-0001" accounts "${DUP}" --deleted include --limit 200)
run(1 "deleted: 'all' is not one of 'exclude', 'include', 'only' \\[invalid_argument\\]" accounts "${DUP}" --deleted all)
run(1 "limit: 10001 is outside 1..10000 \\[invalid_argument\\]" accounts "${DUP}" --limit 10001)
run(1 "unknown option --keep" merge "${DUP}" account 1 3 --keep name)
run(0 "ok" check "${DUP}")

# Reports, campaigns, lead sources and exchange rates, on a copy of the sample.
run(0 "Backed up" backup "${DB}" "${WORK}/reports.crm")
set(REP "${WORK}/reports.crm")

# run_csv(<regex standard output must match> args...): exit 0 and nothing but CSV with CRLF line ends
# on standard output. (CMake reads text with the CRs dropped: the lines are checked in hex.)
function(run_csv pattern)
  execute_process(COMMAND "${CRM}" ${ARGN} RESULT_VARIABLE code OUTPUT_FILE "${WORK}/report.csv" ERROR_VARIABLE err)
  file(READ "${WORK}/report.csv" out)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "crm ${ARGN}: exit ${code}\n${out}${err}")
  endif()
  if(NOT out MATCHES "${pattern}")
    message(FATAL_ERROR "crm ${ARGN}: standard output does not match '${pattern}':\n${out}")
  endif()
  if(out MATCHES "amounts in|->")
    message(FATAL_ERROR "crm ${ARGN}: the currency or rates went to standard output:\n${out}")
  endif()
  file(READ "${WORK}/report.csv" hex HEX)
  string(REGEX REPLACE "(..)" "\\1 " bytes "${hex}")
  if(NOT bytes MATCHES "0d 0a $" OR bytes MATCHES "(^|[1-9a-f][0-9a-f] |0[0-9a-ce-f] )0a ")
    message(FATAL_ERROR "crm ${ARGN}: a line does not end with CRLF:\n${out}")
  endif()
endfunction()

# Every report runs on the sample, as a table and as CSV.
execute_process(COMMAND "${CRM}" reports RESULT_VARIABLE code OUTPUT_VARIABLE listing)
if(NOT code EQUAL 0 OR NOT listing MATCHES "^report +what it shows\n-+\npipeline_by_stage +deals per stage")
  message(FATAL_ERROR "crm reports: exit ${code}\n${listing}")
endif()
string(REGEX MATCHALL "\n[a-z_]+ " names "${listing}")
list(LENGTH names count)
if(count LESS 12)
  message(FATAL_ERROR "crm reports lists ${count} reports:\n${listing}")
endif()
foreach(name IN LISTS names)
  string(STRIP "${name}" name)
  run(0 "^[a-z_]+( +[a-z_]+)*\n-+\n" report "${REP}" ${name})
  run_csv("^[a-z_]+(,[a-z_]+)*\n" report "${REP}" ${name} --csv)
endforeach()
run(0 "pipeline_by_stage.*open_pipeline_history" report "${REP}")
# What each report shows, takes and returns, from the library's catalog of reports.
run(0 "^forecast: won, weighted open and best-case amounts[^\n]*\nPer period[^\n]*\n\noption +what it does\n-+\n--start +First day[^\n]*\n--end .*--interval +The length of the periods.*\ncolumn +type +what it holds\n-+\nperiod +text +The period.*\nbest_case +decimal +committed"
    reports forecast)
run(0 "--group +What the rows stand for[^\n]*Here: owner, lead_source, product, campaign[.]" reports win_rates)
run(0 "--segment +[^\n]*Here: of lead[.]\n" reports leads)
run(0 "--days +[^\n]*Default here: 90[.].*account_id +integer" reports at_risk_accounts)
foreach(name IN LISTS names)
  string(STRIP "${name}" name)
  run(0 "^${name}: [^\n]+\n[A-Z]" reports ${name})
endforeach()
execute_process(COMMAND "${CRM}" reports upcoming_birthdays RESULT_VARIABLE code OUTPUT_VARIABLE birthdays)
if(birthdays MATCHES "--start|--pipeline|--interval")
  message(FATAL_ERROR "crm reports upcoming_birthdays lists options the report does not take:\n${birthdays}")
endif()
run(1 "no report 'quarterly_bonus'.*pipeline_by_stage.*\\[invalid_argument\\]" reports quarterly_bonus)
run(0 "^pipeline +stage +stage_kind +position +deals +amount +weighted_amount\n-+\nSales +Prospecting +open +1 +[0-9]+ +[0-9]+\\.[0-9][0-9] +[0-9]+\\.[0-9][0-9]\n.*\namounts in EUR\n([A-Z][A-Z][A-Z]->EUR [0-9.]+ from [0-9]+-[0-9][0-9]-[0-9][0-9]\n)+$"
    report "${REP}" pipeline_by_stage)
# In CSV each money column is an exact decimal followed by its currency.
run_csv("^pipeline,stage,stage_kind,position,deals,amount,amount_currency,weighted_amount,weighted_amount_currency\nSales,Prospecting,open,1,[0-9]+,[0-9]+\\.[0-9][0-9],EUR,[0-9]+\\.[0-9][0-9],EUR\n"
    report "${REP}" pipeline_by_stage --pipeline sales --csv)
run(0 "amounts in EUR\n[A-Z][A-Z][A-Z]->EUR" report "${REP}" pipeline_by_stage --csv)
string(TIMESTAMP year "%Y" UTC)
run(0 "${year}-Q1 +${year}-01-01 +${year}-03-31 .*\n${year}-Q2 .*\n${year}-Q3 .*\n${year}-Q4 +${year}-10-01 +${year}-12-31 "
    report "${REP}" forecast --interval quarter --start ${year}-01-01 --end ${year}-12-31)
run_csv("^period,period_start,period_end,won_deals,open_deals,committed,committed_currency,weighted,weighted_currency,best_case,best_case_currency\n2025-W01,2024-12-30,2025-01-05,[0-9]+,[0-9]+,[0-9]+\\.[0-9][0-9],EUR,"
    report "${REP}" forecast --interval week --start 2025-01-01 --end 2025-01-31 --csv)
run(0 "^group +won +lost +win_rate +won_amount +average_deal +average_cycle_days\n" report "${REP}" win_rates --group lead_source)
run(0 "^group +won +lost" report "${REP}" win_rates --group campaign --owner anna.berzina)
run(0 "^period +period_start +group +leads +converted +conversion_rate\n" report "${REP}" leads --group industry --interval quarter)
run(0 "^group +leads +converted +conversion_rate\n" report "${REP}" lead_conversion --group job_title)
run(0 "^account_id +account +owner +last_activity +days_since +open_deals +open_amount\n" report "${REP}" at_risk_accounts --days 30 --as-of 2026-01-01)
run(0 "^contact_id +name +account +next_birthday +turns +days_until\n" report "${REP}" upcoming_birthdays --days 60)
run(0 "^month_end +open_deals +open_amount +weighted_amount\n-+\n${year}-01-31 +[0-9]+ .*\n${year}-06-30 +[0-9]+ "
    report "${REP}" open_pipeline_history --start ${year}-01-01 --end ${year}-06-30)
# Bad report names and options.
run(1 "'quarterly_bonus'.*pipeline_by_stage.*open_pipeline_history.*\\[invalid_argument\\]" report "${REP}" quarterly_bonus)
run(1 "interval: 'fortnight' is not week, month or quarter" report "${REP}" forecast --interval fortnight)
run(1 "group: 'colour' is not owner, lead_source, product, campaign, industry or job_title" report "${REP}" leads --group colour)
run(1 "--days: 0 is less than 1" report "${REP}" at_risk_accounts --days 0)
run(1 "--start: [^\n]*2025-13-01" report "${REP}" forecast --start 2025-13-01)
run(1 "--pipeline: there is no pipeline named 'Renewals'" report "${REP}" funnel --pipeline Renewals)
run(1 "--segment: no segment is called 'VIP' \\[not_found\\]" report "${REP}" forecast --segment VIP)
run(1 "unknown option --colour \\(it takes --start, --end, --as-of, --owner, --pipeline, --segment, --interval, --group, --days, --csv\\)"
    report "${REP}" forecast --colour red)
run(1 "\\[invalid_argument\\]" report "${REP}" leads --pipeline sales)

# Lead sources.
run(0 "lead source\n-+\n.*referral.*web" lead-sources "${REP}")
run(0 "Added lead source [0-9]+ \"Webinar\"" lead-source "${REP}" add Webinar)
run(1 "already_exists" lead-source "${REP}" add webinar)
run(0 "Renamed lead source \"Webinar\" to \"Online seminar\"" lead-source "${REP}" rename WEBINAR "Online seminar")
run(0 "Online seminar" lead-sources "${REP}")
run(0 "Removed lead source \"Online seminar\"" lead-source "${REP}" remove "online seminar")
run(1 "there is no lead source called 'Online seminar' \\[not_found\\]" lead-source "${REP}" remove "Online seminar")
run(1 "\\[conflict\\]" lead-source "${REP}" remove web)
run(1 "lead-source: 'delete' is not add, rename or remove" lead-source "${REP}" delete web)
run(1 "missing argument: add, rename or remove" lead-source "${REP}")

# Campaigns: a name with a comma is quoted in CSV.
run(0 "Added campaign [0-9]+ \"Autumn fair, Riga\" \\(event, cost 1200.00 EUR\\)" campaign "${REP}" add "Autumn fair, Riga"
    --channel event --start 2025-09-01 --end 2025-09-30 --cost "1200.00 EUR" --budget "2000.00 EUR"
    --lead-source "trade fair" --owner anna.berzina)
run(0 "Autumn fair, Riga +event +2025-09-01 +2025-09-30 +1200.00 EUR +2000.00 EUR +trade fair +anna.berzina" campaigns "${REP}")
run(0 "Spring webinar" campaigns "${REP}")
run(0 "^rank +campaign +channel +cost +leads +cost_per_lead +won_deals +won_revenue +roi\n.*Autumn fair, Riga +event +1200.00 "
    report "${REP}" campaign_return)
run_csv("^rank,campaign,channel,cost,cost_currency,leads,cost_per_lead,cost_per_lead_currency,won_deals,won_revenue,won_revenue_currency,roi\n.*,\"Autumn fair, Riga\",event,1200.00,EUR,0,,,0,0.00,EUR,-1\n"
    report "${REP}" campaign_return --csv)
run(1 "already_exists" campaign "${REP}" add "autumn fair, riga" --channel web)
run(1 "campaign add: give --channel web, email, sms" campaign "${REP}" add Newsletter)
run(1 "--channel: 'fax' is not web, email, sms, event, banner, referral, cold_call, social, print, partner or other"
    campaign "${REP}" add Newsletter --channel fax)
run(1 "--cost: [^\n]*twelve" campaign "${REP}" add Newsletter --channel email --cost "twelve EUR")
run(1 "\\[invalid_argument\\]" campaign "${REP}" add Newsletter --channel email --start 2025-05-01 --end 2025-04-01)
run(1 "unknown option --budjet" campaign "${REP}" add Newsletter --channel email --budjet "10.00 EUR")
run(0 "Removed campaign \"Autumn fair, Riga\"" campaign "${REP}" remove "Autumn fair, Riga")
run(1 "there is no campaign called 'Autumn fair, Riga' \\[not_found\\]" campaign "${REP}" remove "Autumn fair, Riga")
run(1 "\\[conflict\\]" campaign "${REP}" remove "Spring webinar")
run(1 "campaign: 'rename' is not add or remove" campaign "${REP}" rename x y)

# Exchange rates and the base currency.
run(0 "Rate set: USD->EUR 0.92 from 2025-03-01" rate "${REP}" set USD EUR 2025-03-01 0.92)
run(0 "^from +to +valid from +rate\n-+\nUSD +EUR +2025-03-01 +0.92\n(USD +EUR [^\n]+\n)*Base currency: EUR\n$" rates "${REP}" USD EUR)
run(0 "GBP +EUR .*USD +EUR +2025-03-01 +0.92\n" rates "${REP}")
run(1 "day: [^\n]*2025-02-30" rate "${REP}" set USD EUR 2025-02-30 0.92)
run(1 "\\[invalid_argument\\]" rate "${REP}" set USD EUR 2025-03-01 -1)
run(1 "missing argument: rate" rate "${REP}" set USD EUR 2025-03-01)
run(0 "Removed the rate USD->EUR from 2025-03-01" rate "${REP}" remove USD EUR 2025-03-01)
run(1 "\\[not_found\\]" rate "${REP}" remove USD EUR 2025-03-01)
run(0 "^Base currency: EUR\n$" base-currency "${REP}")
run(1 "\\[invalid_argument\\]" base-currency "${REP}" EURO)
# Without rates into the new base currency, a money report fails naming the pair and the day.
run(0 "^Base currency: SEK\n$" base-currency "${REP}" SEK)
run(1 "no rate [A-Z][A-Z][A-Z] ?-> ?SEK on [0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9][^\n]*\\[not_found\\]" report "${REP}" pipeline_by_stage)
run(0 "^contact_id" report "${REP}" upcoming_birthdays)

# Acting as a user (--user): a rep sees only their own records, a manager their team's, an
# analyst everything but changes nothing; the setup is the administrator's.
run(0 "^id +name[^\n]*\n-+\n$" --user janis.kalnins accounts "${DB}" --owner anna.berzina)
run(0 "janis.kalnins +SAMPLE-A-" --user anna.berzina accounts "${DB}" --owner janis.kalnins --limit 2)
run(0 "Accounts: 120 " --user analyst summary "${DB}")
run(1 "changing users needs the administrator role \\[permission_denied\\]" --user analyst user "${DB}" add bob)
run(1 "export contact: not within your scope \\(none\\) \\[permission_denied\\]" --user janis.kalnins export "${DB}"
    contact "${WORK}/janis.csv")
run(1 "user: 'ghost' is not a user \\[not_found\\]" --user ghost summary "${DB}")
# A record shared with a user: she sees it beyond her roles, until it is unshared.
run(1 "nothing has the external_ref 'SAMPLE-A-0010' \\[not_found\\]" --user janis.kalnins timeline "${DB}"
    --account SAMPLE-A-0010)
run(0 "Shared account [0-9]+ with \"janis.kalnins\" \\(read\\)" share "${DB}" account SAMPLE-A-0010
    --with-user janis.kalnins)
run(0 "^with +level +since\n-+\njanis.kalnins +read +20" shares "${DB}" account SAMPLE-A-0010)
run(0 "SAMPLE-A-0010" --user janis.kalnins accounts "${DB}" --limit 200)
run(1 "share account: only who may update the record may share it \\(own\\) \\[permission_denied\\]"
    --user janis.kalnins share "${DB}" account SAMPLE-A-0010 --with-user olena.melnyk)
run(1 "give --with-user LOGIN or --with-team NAME" share "${DB}" account SAMPLE-A-0010)
run(0 "Shared account [0-9]+ with team \"International\" \\(and the teams below it\\) \\(edit\\)" share "${DB}"
    account SAMPLE-A-0010 --with-team International --level edit)
run(0 "No longer shared account [0-9]+ with \"janis.kalnins\"" unshare "${DB}" account SAMPLE-A-0010
    --with-user janis.kalnins)
run(1 "Was not shared" unshare "${DB}" account SAMPLE-A-0010 --with-user janis.kalnins)

# Users and teams: the sample's people own its records; a record can only be given to an active user.
run(0 "anna.berzina +Anna Bērziņa +anna.berzina@example.com +Europe/Riga +Baltics +sales_manager +yes +[1-9][0-9]*\n" users "${REP}")
run(0 "Baltics +Sales +3 +3\n.*Sales +1 +7\n$" teams "${REP}")
run(0 "Added team [0-9]+ \"Riga\" under \"Baltics\"" team "${REP}" add Riga --parent Baltics)
run(0 "Added user [0-9]+ \"ilze\" \\(Ilze Ozola\\), sales_rep" user "${REP}" add ilze --name "Ilze Ozola" --team Riga
    --time-zone Europe/Riga --role sales_rep)
run(1 "user.login: 'ilze' is already a user \\[already_exists\\]" user "${REP}" add ilze)
run(1 "'boss' is not a role" user "${REP}" add boss --role boss)
run(0 "anna.berzina.*ilze.*janis.kalnins.*ona.petrauskiene" team "${REP}" members Baltics)
run(0 "^[^\n]*\n-+\n[^\n]*anna.berzina[^\n]*\n[^\n]*janis.kalnins[^\n]*\n[^\n]*ona.petrauskiene[^\n]*\n$" team "${REP}"
    members Baltics --direct yes)
run(1 "cannot move under itself or a team below it" team "${REP}" move Sales --parent Riga)
run(1 "still has 1 member" team "${REP}" remove Riga)
run(0 "Updated user \"ilze\"" user "${REP}" update ilze --email ilze@example.com)
run(0 "Deactivated user \"ilze\"; the 0 records they own stay theirs" user "${REP}" deactivate ilze)
run(1 "campaign.owner: the owner is not an active user" campaign "${REP}" add "Winter fair" --channel event --owner ilze)
run(1 "no user has the login 'anna.berzin' \\(did you mean 'anna.berzina'\\?\\) \\[not_found\\]" user "${REP}" deactivate anna.berzin)
run(0 "Activated user \"ilze\"" user "${REP}" activate ilze)
run(0 "Added campaign [0-9]+ \"Winter fair\"" campaign "${REP}" add "Winter fair" --channel event --owner ilze)
