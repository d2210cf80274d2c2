"""Eight processes update one record at once: each update returns the record as it wrote it, none is lost."""
import multiprocessing
import time

import crmcore

WRITERS = 8
UPDATES_EACH = 150


def write_as(writer, path, contact_id, results, seconds):
    """Reads, changes and updates the contact until UPDATES_EACH succeeded or `seconds` passed;
    reports (updates, wrong returns)."""
    db = crmcore.open(path, synchronous="off", busy_timeout=10)
    updates, wrong = 0, []
    deadline = time.monotonic() + seconds
    while updates < UPDATES_EACH and time.monotonic() < deadline:
        contact = db.contacts.get(contact_id)
        read_version = contact.version
        name = f"w{writer}-{updates}"
        contact.first_name = name
        try:
            updated = db.contacts.update(contact)
        except crmcore.ConflictError:
            continue
        updates += 1
        if (updated.first_name, updated.version) != (name, read_version + 1):
            wrong.append(f"wrote {name} over v{read_version}, got {updated.first_name} v{updated.version}")
    db.close()
    results.put((writer, updates, wrong))


def test_eight_processes_updating_one_record_each_get_back_what_they_wrote(tmp_path, time_factor):
    path = str(tmp_path / "shared.crm")
    with crmcore.open(path, synchronous="off") as db:
        contact_id = db.contacts.create(first_name="start", last_name="Shared").id
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    seconds = 10 * time_factor
    writers = [context.Process(target=write_as, args=(n, path, contact_id, results, seconds)) for n in range(WRITERS)]
    for process in writers:
        process.start()
    reports = [results.get(timeout=60 * time_factor) for _ in writers]
    for process in writers:
        process.join(60 * time_factor)
        assert process.exitcode == 0
    total = 0
    for writer, updates, wrong in reports:
        assert updates == UPDATES_EACH, f"writer {writer}"
        assert wrong == [], f"writer {writer}: {wrong[:3]}"
        total += updates
    with crmcore.open(path) as db:
        assert db.contacts.get(contact_id).version == 1 + total
