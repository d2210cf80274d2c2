"""CSV imports: db.import_csv() with mapping, encodings, modes, errors, duplicates and progress."""
import io

import pytest

import crmcore


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def test_spreadsheet_headers_map_and_rows_link_to_accounts_by_name(db, tmp_path):
    db.accounts.create(name="Baltic Timber SIA")
    path = write(tmp_path, "contacts.csv",
                 "First Name,Last Name,Email,Phone,Company\n"
                 "Anna,Bērziņa,anna@example.lv,+371 26 123 456,Baltic Timber SIA\n")
    result = db.import_csv(path, "contact")
    assert (result.rows, result.inserted, result.failed, result.committed) == (1, 1, 0, True)
    assert result.mapping["First Name"] == "first_name"
    anna = db.contacts.find_by_email("anna@example.lv")[0]
    assert anna.last_name == "Bērziņa"
    assert anna.phones[0].e164 == "+37126123456"
    assert anna.account is not None


def test_legacy_encodings_are_read_when_named(db, tmp_path):
    baltic = write(tmp_path, "lv.csv", "first_name;last_name\nAnna;Bērziņa\n".encode("cp1257"))
    cyrillic = write(tmp_path, "ua.csv", "first_name;last_name\nОлена;Ковальчук\n".encode("cp1251"))
    assert db.import_csv(baltic, encoding="WINDOWS-1257").inserted == 1
    assert db.import_csv(cyrillic, encoding="WINDOWS-1251").inserted == 1
    assert sorted(c.last_name for c in db.contacts.list()) == ["Bērziņa", "Ковальчук"]
    with pytest.raises(crmcore.ValidationError):
        db.import_csv(baltic)  # cp1257 bytes are not UTF-8


def test_bad_rows_are_reported_with_line_and_column_and_good_rows_kept(db):
    db.accounts.create(name="Baltic Timber SIA", external_ref="ERP-1")
    text = ("name,account_ref,amount,currency\n"
            "Good,ERP-1,\"1 234,50\",EUR\n"
            "Odd money,ERP-1,100,XYZ\n"
            "Nobody's,ERP-404,100,EUR\n")
    result = db.import_csv(io.StringIO(text), "opportunity")
    assert (result.inserted, result.failed) == (1, 2)
    assert [(e.line, e.column) for e in result.errors] == [(3, "currency"), (4, "account_ref")]
    assert "ERP-404" in result.errors[1].message
    deal = next(iter(db.opportunities.list()))
    assert deal.amount == crmcore.Money.parse("1234.50 EUR")


def test_history_imports_as_it_was_bare_amounts_in_the_base_currency(db):
    db.currencies.set_base("USD")
    db.accounts.create(name="Cancity", external_ref="ACC-1", country="United States")
    text = ("name,account_ref,amount,stage,closed_on\n"
            "GTX Plus Basic,ACC-1,1054,Won,2017-03-01\n"
            "GTXPro,ACC-1,4514,Lost,2017-03-11\n")
    result = db.import_csv(io.StringIO(text), "opportunity")
    assert (result.inserted, result.failed) == (2, 0), result.errors
    won, lost = sorted(db.opportunities.list(), key=lambda deal: deal.id)
    assert won.amount == crmcore.Money.parse("1054.00 USD")
    assert lost.amount == crmcore.Money.parse("4514.00 USD")
    assert lost.lost_reason is None


def test_dry_run_and_all_or_nothing_write_nothing(db):
    text = "last_name,email\nOzols,ok@example.lv\nLiepa,broken\n"
    dry = db.import_csv(io.StringIO(text), dry_run=True)
    assert (dry.inserted, dry.failed, dry.committed) == (1, 1, False)
    atomic = db.import_csv(io.StringIO(text), all_or_nothing=True)
    assert atomic.committed is False
    assert db.contacts.count() == 0


def test_upsert_by_external_ref_and_explicit_column_map(db):
    db.custom_fields.define("contact", "loyalty", "integer")
    db.contacts.create(last_name="Ozols", external_ref="K-1")
    result = db.import_csv(io.BytesIO("Kods,Uzvārds,Punkti\nK-1,Ozols,120\nK-2,Liepa,5\n".encode()),
                           columns={"Kods": "external_ref", "Uzvārds": "last_name", "Punkti": "loyalty"},
                           mode="upsert", key="external_ref")
    assert (result.inserted, result.updated) == (1, 1)
    assert db.contacts.find_by_external_ref("K-1").custom["loyalty"] == 120


def test_duplicates_of_stored_contacts_are_skipped_and_listed(db):
    stored = db.contacts.create(last_name="Ozols", emails=["janis@example.lv"])
    result = db.import_csv(io.StringIO("last_name,email\nOzols,JANIS@example.lv\n"), on_duplicate="skip")
    assert result.skipped == 1
    duplicate = result.duplicates[0]
    assert (duplicate.line, duplicate.record_id, duplicate.action) == (2, stored.id, "skip")
    assert "same_email" in duplicate.reasons
    assert db.contacts.count() == 1


def test_progress_callback_sees_batches_and_can_stop(db):
    text = "last_name\n" + "".join(f"Name{i}\n" for i in range(50))
    seen = []

    def progress(p):
        seen.append(p.rows)
        return len(seen) < 2

    result = db.import_csv(io.StringIO(text), batch_rows=10, progress=progress)
    assert seen == [10, 20]
    assert result.stopped and result.committed
    assert db.contacts.count() == 20


def test_an_exception_in_the_progress_callback_stops_the_import_and_is_raised(db):
    def progress(p):
        raise RuntimeError("enough")

    with pytest.raises(RuntimeError, match="enough"):
        db.import_csv(io.StringIO("last_name\nA\nB\n"), batch_rows=1, progress=progress)
    assert db.contacts.count() == 1


def test_a_text_file_is_already_decoded_so_its_encoding_is_not_applied_again(db):
    assert db.import_csv(io.StringIO("last_name\nBērziņa\n"), encoding="WINDOWS-1257").inserted == 1
    assert next(iter(db.contacts.list())).last_name == "Bērziņa"


def test_problems_with_the_file_as_a_whole_raise(db, tmp_path):
    with pytest.raises(crmcore.NotFoundError):
        db.import_csv(tmp_path / "missing.csv")
    with pytest.raises(crmcore.ValidationError, match="KLINGON"):
        db.import_csv(io.BytesIO(b"last_name\nx\n"), encoding="KLINGON-8")
    with pytest.raises(crmcore.ValidationError, match="planet"):
        db.import_csv(io.StringIO("last_name\nx\n"), "planet")
    with pytest.raises(crmcore.ValidationError, match="sideways"):
        db.import_csv(io.StringIO("last_name\nx\n"), mode="sideways")


MESSY_CONTACTS = ("Last Name,Birthdate,Email,Phone,Lead Status\n"
                  "Smith,2999-01-01,not-an-email,555-4246-7492,x\n"
                  ",1980-01-01,a@b.lv,,x\n")


def test_strict_policy_refuses_rows_with_a_bad_cell(db):
    result = db.import_csv(io.StringIO(MESSY_CONTACTS))
    assert (result.inserted, result.failed, result.warned, result.warnings) == (0, 2, 0, [])


def test_lenient_policy_imports_rows_without_bad_optional_cells_and_lists_warnings(db):
    result = db.import_csv(io.StringIO(MESSY_CONTACTS), policy="lenient")
    assert (result.inserted, result.failed, result.warned) == (1, 1, 3)
    assert [e.column for e in result.errors] == ["Last Name"]
    warnings = {w.column: w for w in result.warnings}
    assert sorted(warnings) == ["Birthdate", "Email", "Phone"] and {w.line for w in result.warnings} == {2}
    assert "future" in warnings["Birthdate"].message
    smith = list(db.contacts.list())[0]
    assert smith.birthday is None and smith.emails == []
    assert smith.phones[0].number == "555-4246-7492"
    assert smith.phones[0].unreadable and smith.phones[0].e164 == ""
    assert "warned=3" in repr(result)


def test_a_phone_kept_as_written_is_flagged_and_a_readable_one_is_parsed(db):
    kept = db.contacts.create(last_name="Jones", phones=[crmcore.Phone("ext. 12", "work", unreadable=True),
                                                         crmcore.Phone("26 123 456", unreadable=True)])
    assert [(p.unreadable, p.e164) for p in kept.phones] == [(True, ""), (False, "+37126123456")]
    with pytest.raises(crmcore.ValidationError):
        db.contacts.create(last_name="Jones", phones=[crmcore.Phone("ext. 12")])


def test_date_order_reads_slashed_dates_as_given_or_detected(db):
    detected = db.import_csv(io.StringIO("Last Name,Birthdate\nA,3/4/1980\nB,12/25/1979\n"))
    assert detected.inserted == 2
    assert list(db.contacts.list(sort="id"))[0].birthday.month == 3
    given = db.import_csv(io.StringIO("Last Name,Birthdate\nC,3/4/1980\n"), date_order="day_first")
    assert given.inserted == 1
    assert list(db.contacts.list(sort="id"))[2].birthday.month == 4
    with pytest.raises(crmcore.ValidationError, match="day_first"):
        db.import_csv(io.StringIO("Last Name\nD\n"), date_order="sideways")
    with pytest.raises(crmcore.ValidationError, match="lenient"):
        db.import_csv(io.StringIO("Last Name\nD\n"), policy="loose")


def test_deals_without_account_and_activities_linked_by_who_and_what_ref(db):
    acme = db.accounts.create(name="SIA Acme", external_ref="001A")
    ozols = db.contacts.create(last_name="Ozols", external_ref="003C")
    liepa = db.leads.create(last_name="Liepa", external_ref="00QL")
    deals = db.import_csv(io.StringIO("external_ref,name,account,amount\n006D,Imported deal,,10 EUR\n"),
                          "opportunity")
    assert (deals.inserted, deals.failed) == (1, 0), deals.errors
    deal = db.opportunities.find_by_external_ref("006D")
    assert deal.account is None
    text = ("external_ref,subject,who_ref,what_ref\n"
            "00T1,Call,003C,006D\n"
            "00T2,Intro,00QL,001A\n"
            "00T3,Lost,nobody,\n")
    result = db.import_csv(io.StringIO(text), "activity")
    assert (result.inserted, result.failed) == (2, 1), result.errors
    assert result.errors[0].column == "who_ref" and "'nobody'" in result.errors[0].message
    call = db.activities.find_by_external_ref("00T1")
    assert (call.contact, call.opportunity, call.lead, call.account) == (ozols.id, deal.id, None, None)
    intro = db.activities.find_by_external_ref("00T2")
    assert (intro.lead, intro.account) == (liepa.id, acme.id)
    upsert = db.import_csv(io.StringIO("external_ref,outcome\n00T1,reached\n"), "activity", mode="upsert")
    assert (upsert.inserted, upsert.updated) == (0, 1), upsert.errors
    assert db.activities.find_by_external_ref("00T1").outcome == "reached"
    assert db.activities.find_by_external_ref("00T9") is None


def test_values_map_an_old_crms_picklists_ignoring_case(db):
    text = "Last Name,Status\nA,Working\nB,unqualified\nC,new\n"
    result = db.import_csv(io.StringIO(text), "lead",
                           values={"Status": {"working": "contacted", "Unqualified": "disqualified"}})
    assert (result.inserted, result.failed) == (3, 0), result.errors
    assert [lead.status for lead in db.leads.list(sort="id")] == ["contacted", "disqualified", "new"]
    with pytest.raises(crmcore.ValidationError, match="no header 'Nope'"):
        db.import_csv(io.StringIO(text), "lead", values={"Nope": {"a": "b"}})


def test_import_org_reads_a_folder_in_order_and_a_second_run_changes_nothing(db, tmp_path):
    folder = tmp_path / "org"
    folder.mkdir()
    write(folder, "Account.csv", "Id,Name,ParentId\n001B,Child Ltd,001A\n001A,Parent Inc,\n")
    write(folder, "Opportunity.csv", "Id,AccountId,Name,StageName,Amount\n006D,001B,Big order,Closed Won,100\n")
    write(folder, "Notes.csv", "Id\n1\n")
    result = db.import_org(folder)
    assert [(f.file, f.kind, f.pass_) for f in result.files] == [
        ("Account.csv", "account", 1), ("Account.csv", "account", 2), ("Opportunity.csv", "opportunity", 1)]
    assert all(f.result.failed == 0 for f in result.files)
    assert result.unused_files == ["Notes.csv"]
    child = db.accounts.find_by_external_ref("001B")
    assert child.parent == db.accounts.find_by_external_ref("001A").id
    deal = db.opportunities.find_by_external_ref("006D")
    assert db.pipelines.stage(deal.stage).name == "Won"
    again = db.import_org(str(folder), source="salesforce", policy="lenient")
    assert [(f.result.inserted, f.result.updated) for f in again.files] == [(0, 0)] * 3
    assert [f.result.unchanged for f in again.files] == [2, 2, 1]
    assert "Account.csv" in crmcore.org_preset("salesforce")
    assert "salesforce" in crmcore.org_preset_names()
    with pytest.raises(crmcore.NotFoundError):
        db.import_org(folder, source="nosuch")


def test_import_org_of_a_folder_without_its_files_names_them_and_the_subfolders(db, tmp_path):
    (tmp_path / "export" / "data").mkdir(parents=True)
    write(tmp_path / "export" / "data", "Account.csv", "Id,Name\n001A,Parent Inc\n")
    with pytest.raises(crmcore.NotFoundError, match=r"Account\.csv.*its folders: data/"):
        db.import_org(tmp_path / "export")
    assert db.accounts.count() == 0
    assert db.import_org(tmp_path / "export" / "data").files[0].result.inserted == 1


def test_import_org_reports_the_rows_of_a_campaign_file_as_written(db, tmp_path):
    write(tmp_path, "Campaign.csv", "Id,Name,Type\n701A,Spring fair,Event\n")
    (campaigns,) = db.import_org(tmp_path).files
    assert (campaigns.kind, campaigns.result.committed) == ("campaign", True)
    assert db.campaigns.find("Spring fair") is not None


def test_compose_makes_a_column_the_file_lacks_from_other_cells(db):
    db.accounts.create(name="Cancity")
    text = "product,account\nGTX Pro,Cancity\nMG Special,\n"
    result = db.import_csv(io.StringIO(text), "opportunity",
                           compose={"name": "{product} — {account}", "external_ref": "deal-{#line}"})
    assert (result.inserted, result.failed) == (2, 0), result.errors
    assert db.opportunities.find_by_external_ref("deal-2").name == "GTX Pro — Cancity"
    assert db.opportunities.find_by_external_ref("deal-3").name == "MG Special"
    with pytest.raises(crmcore.ValidationError, match="nobody"):
        db.import_csv(io.StringIO(text), "opportunity", compose={"name": "{nobody}"})


def test_import_org_keeps_columns_no_field_takes_as_custom_fields(db, tmp_path):
    folder = tmp_path / "org"
    folder.mkdir()
    write(folder, "Account.csv", "Id,Name,Rating,Employees__c,Empty__c\n001A,Parent Inc,Hot,120,\n")
    result = db.import_org(folder)
    assert result.files[0].custom_fields == {"Rating": "rating", "Employees__c": "employees_c"}
    assert db.custom_fields.find("account", "employees_c").type == "integer"
    account = db.accounts.find_by_external_ref("001A")
    assert account.custom == {"rating": "Hot", "employees_c": 120}
