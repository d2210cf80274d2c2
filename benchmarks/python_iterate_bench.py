#!/usr/bin/env python3
"""Iterating contacts' names and emails from Python: crmcore against the sqlite3 module.

    PYTHONPATH=build/bindings/python /usr/bin/python3 benchmarks/python_iterate_bench.py [--rows N] [--db PATH]

Builds (once) a database of N contacts (default 1,000,000) with the built-in sample
generator, then reads first name, last name and primary email of every contact, in id
order, with crmcore's select() and with Python's own sqlite3 module on the same file.
Each is run --repeat times alternately; the best time of each is compared. Prints rows/s
and the ratio (sqlite3 time / crmcore time: above 1 means crmcore is faster).
"""
import argparse
import os
import sqlite3
import time

import crmcore

SQLITE_QUERY = (
    "SELECT c.first_name, c.last_name, e.address FROM contacts c "
    "LEFT JOIN contact_emails e ON e.contact_id = c.id AND e.position = 0 "
    "WHERE c.deleted_at IS NULL ORDER BY c.id"
)


def prepare(path, rows):
    with crmcore.open(path, default_region="LV", synchronous="off") as db:
        have = db.contacts.count()
        if have == rows:
            return
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    print(f"building {path} with {rows} contacts (once) ...", flush=True)
    started = time.perf_counter()
    with crmcore.open(path, default_region="LV", synchronous="off") as db:
        db.load_sample_data(accounts=max(1, rows // 300), contacts=rows)
    print(f"  built in {time.perf_counter() - started:.1f} s", flush=True)


def read_crmcore(path):
    count = 0
    with crmcore.open(path, read_only=True) as db:
        for first, last, email in db.contacts.select("first_name", "last_name", "email", sort="id",
                                                     page_size=10000):
            count += 1
    return count


def read_sqlite3(path):
    count = 0
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    for first, last, email in connection.execute(SQLITE_QUERY):
        count += 1
    connection.close()
    return count


def timed(function, path):
    started = time.perf_counter()
    rows = function(path)
    return time.perf_counter() - started, rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--db", default=None)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    path = args.db or f"/tmp/crmcore-bench-{args.rows}.crm"
    prepare(path, args.rows)
    best = {"crmcore": float("inf"), "sqlite3": float("inf")}
    for _ in range(args.repeat):
        for name, function in (("crmcore", read_crmcore), ("sqlite3", read_sqlite3)):
            seconds, rows = timed(function, path)
            assert rows == args.rows, (name, rows)
            best[name] = min(best[name], seconds)
    for name, seconds in best.items():
        print(f"{name:8s} {seconds:7.3f} s  {args.rows / seconds / 1e6:5.2f} M rows/s")
    print(f"ratio sqlite3 / crmcore = {best['sqlite3'] / best['crmcore']:.2f} (above 1: crmcore is faster)")


if __name__ == "__main__":
    main()
