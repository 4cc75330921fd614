#!/usr/bin/env python3
"""What SQLite alone costs to store an archive's messages: replays the rows of an archive tgcron wrote into
a fresh file with the same schema, the way a backfill commits them (100 messages per transaction, with their
change-log rows and the checkpoint; WAL, synchronous NORMAL), through the `sqlite3` command-line shell, so no
client code runs. Prints the shell's CPU (user+sys) per message as a Markdown table row.

    python3 bench/sqlite_floor.py ARCHIVE            # the archive's own schema: columns, search index and its triggers
    python3 bench/sqlite_floor.py ARCHIVE --lean     # only channel_id, id, date, edit_date and raw, no change log

The figure slightly overstates the floor: the shell also reads each row from the source archive.
"""

import argparse
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile

PAGE = 100
LEAN_TABLE = ("CREATE TABLE messages (channel_id INTEGER NOT NULL, id INTEGER NOT NULL, date INTEGER, "
              "edit_date INTEGER, raw BLOB NOT NULL, PRIMARY KEY (channel_id, id));")


def script(source: str, lean: bool) -> tuple[str, int]:
    with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as db:
        schema = [row[0] for row in db.execute(
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
            "AND name NOT IN ('messages_fts_data', 'messages_fts_idx', 'messages_fts_docsize', 'messages_fts_config', "
            "'messages_fts_content') ORDER BY type = 'trigger'")]  # FTS5 makes its own shadow tables
        # Since v12-lean-writes the page commit indexes new rows (no insert trigger): the floor does the same.
        indexed_by_trigger = any("messages_fts_insert" in sql for sql in schema)
        keys = db.execute("SELECT channel_id, id FROM messages ORDER BY channel_id, id DESC").fetchall()
    lines = ["PRAGMA journal_mode = WAL;", "PRAGMA synchronous = NORMAL;", "PRAGMA foreign_keys = ON;"]
    lines += [sql + ";" for sql in schema]
    if lean:
        lines += ["DROP INDEX messages_by_date;", "DROP TABLE messages;", LEAN_TABLE]
    lines += [f"ATTACH '{source}' AS src;", "INSERT INTO channels SELECT * FROM src.channels;"]
    columns = "channel_id, id, date, edit_date, raw" if lean else "*"
    for start in range(0, len(keys), PAGE):
        page = keys[start:start + PAGE]
        channel, top, bottom = page[0][0], page[0][1], page[-1][1]
        where = f"channel_id = {channel} AND id BETWEEN {bottom} AND {top}"
        lines += ["BEGIN IMMEDIATE;", f"INSERT INTO messages SELECT {columns} FROM src.messages WHERE {where};"]
        if not lean and not indexed_by_trigger:
            lines.append(f"INSERT INTO messages_fts (rowid, text) SELECT rowid, text FROM main.messages WHERE {where};")
        if not lean:
            lines.append("INSERT INTO changes (channel_id, message_id, kind, at) "
                         f"SELECT channel_id, id, 'new', archived_at FROM src.messages WHERE {where};")
        lines += ["INSERT INTO checkpoints (job, channel_id, head, tail, window_start_reached, updated_at) "
                  f"VALUES ('floor', {channel}, {keys[0][1]}, {bottom}, 0, '2026-01-01 00:00:00.000') "
                  "ON CONFLICT (job, channel_id) DO UPDATE SET tail = excluded.tail;", "COMMIT;"]
    return "\n".join(lines) + "\n", len(keys)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("archive")
    parser.add_argument("--lean", action="store_true")
    args = parser.parse_args()
    text, messages = script(os.path.abspath(args.archive), args.lean)
    with tempfile.TemporaryDirectory(prefix="tgcron-floor.") as work:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(["sqlite3", os.path.join(work, "floor.sqlite")], input=text, text=True, check=True,
                       stdout=subprocess.DEVNULL)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        size = os.path.getsize(os.path.join(work, "floor.sqlite"))
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    layout = "ids, dates, raw only" if args.lean else "tgcron's schema: scalar columns, raw, search index, change log"
    print(f"| {layout} | {messages:,} | {cpu / messages * 1e6:.1f} µs | {size / messages:,.0f} bytes |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
