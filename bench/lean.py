#!/usr/bin/env python3
"""Issue #17's targets side by side in one run, as a Markdown section on standard output:

- disk per message against the raw TL bytes per message (search index included), on a fresh backfill;
- client CPU per message against Telethon 1.45 + cryptg (same channel, same sizes) and against SQLite's own
  cost for the same rows (`sqlite_floor.py`, the archive's schema with its search index and triggers);
- search latency (median over repeated, warm queries) on an archive grown to --search-messages by copying
  the backfilled rows under new ids, through the index triggers: `tgcron search` wall time, process start
  included, and the query alone in SQLite;
- `tgcron export --format jsonl` throughput on that archive.

    TGCRON_BIN=... python3 bench/lean.py [--runs 3] [--messages 20000] [--search-messages 1000000] [--skip-telethon]
"""

import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import Bench  # noqa: E402
from harness import ROOT, binary, clean_env, machine, measure  # noqa: E402

PAGE = 100  # messages per history page, and per transaction of a backfill
QUERIES = ["garden", "новости", "\"night market\"", "sci*", "harbor NOT station", "zzzunmatched"]
SEARCH_SQL = ("SELECT m.channel_id, m.id, m.date, m.deleted_at IS NOT NULL, snippet(messages_fts, 0, '**', '**', '…', 16) "
              "FROM messages_fts JOIN messages m ON m.rowid = messages_fts.rowid WHERE messages_fts MATCH ? "
              "ORDER BY messages_fts.rowid DESC LIMIT 20")


def disk_figures(db: Path) -> dict:
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        count, raw = conn.execute("SELECT COUNT(*), AVG(LENGTH(raw)) FROM messages").fetchone()
        index = conn.execute("SELECT COALESCE(SUM(pgsize), 0) FROM dbstat WHERE name LIKE 'messages_fts%'").fetchone()[0] \
            if has_dbstat(conn) else None
    size = db.stat().st_size
    return {"messages": count, "raw": raw, "per_message": size / count, "ratio": size / count / raw,
            "index_per_message": index / count if index is not None else None}


def has_dbstat(conn) -> bool:
    try:
        conn.execute("SELECT 1 FROM dbstat LIMIT 1").fetchall()
        return True
    except sqlite3.Error:
        return False


def grow(source: Path, target: Path, messages: int) -> int:
    """Copies `source` and adds copies of its message rows under new ids until it holds `messages` rows."""
    shutil.copy(source, target)
    with sqlite3.connect(target) as conn:
        conn.execute("PRAGMA synchronous = NORMAL")  # as tgcron writes (WAL, no sync per commit)
        columns = [row[1] for row in conn.execute("PRAGMA table_info(messages)")]
        base, top = conn.execute("SELECT COUNT(*), MAX(id) FROM messages").fetchone()
        shifted = ", ".join(f"id + {{shift}}" if name == "id" else name for name in columns)
        # Since v12-lean-writes tgcron's page commit indexes new rows itself (no insert trigger): so does this.
        triggered = conn.execute("SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'messages_fts_insert'").fetchone()[0]
        copy = 1
        while base * (copy + 1) <= messages:
            last = conn.execute("SELECT MAX(rowid) FROM messages").fetchone()[0]
            conn.execute(f"INSERT INTO messages ({', '.join(columns)}) SELECT {shifted.format(shift=copy * (top + 1))} "
                         "FROM messages WHERE id <= ?", (top,))
            conn.commit()
            if not triggered:
                # As a backfill writes it: 100 rows per transaction, so the index has the segments a real
                # archive has (one statement for all the copies would leave it merged as after a rebuild).
                end = conn.execute("SELECT MAX(rowid) FROM messages").fetchone()[0]
                for start in range(last + 1, end + 1, PAGE):
                    conn.execute("INSERT INTO messages_fts (rowid, text) SELECT rowid, text FROM messages "
                                 "WHERE rowid >= ? AND rowid < ?", (start, start + PAGE))
                    conn.commit()
            copy += 1
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return conn.execute("SELECT COUNT(*) FROM messages").fetchone()[0]


def search_figures(db: Path, repeats: int) -> list[tuple[str, float, float, int]]:
    rows = []
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        for query in QUERIES:
            command = [binary(), "search", query, "--db", str(db), "--format", "json", "--log-format", "json"]
            subprocess.run(command, capture_output=True, env=clean_env(), check=True)  # warm the page cache
            walls, inner, hits = [], [], 0
            for _ in range(repeats):
                walls.append(measure(command).wall)
                started = time.perf_counter()
                hits = len(conn.execute(SEARCH_SQL, (query,)).fetchall())
                inner.append(time.perf_counter() - started)
            rows.append((query, statistics.median(walls), statistics.median(inner), hits))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--messages", type=int, default=20000, help="messages per backfill run")
    parser.add_argument("--search-messages", type=int, default=1_000_000)
    parser.add_argument("--skip-telethon", action="store_true")
    args = parser.parse_args()
    out = ["", "## Lean archive (issue #17: disk, CPU, search, export)", "",
           f"Machine: {machine()}. Backfills of @sandbox_big, governor off, medians of {args.runs} runs.", ""]
    with tempfile.TemporaryDirectory(prefix="tgcron-lean.") as tmp:
        work = Path(tmp)
        bench = Bench(work, args.runs)
        ours = bench.tgcron_backfill(args.messages)
        archive = max(work.glob("account-*/archive.sqlite"), key=lambda p: p.stat().st_mtime)
        theirs = None if args.skip_telethon else bench.telethon_backfill(args.messages)
        floor = subprocess.run([sys.executable, str(ROOT / "bench" / "sqlite_floor.py"), str(archive)],
                               capture_output=True, text=True, check=True).stdout.strip()
        floor_us = float(floor.split("|")[3].strip().split()[0])
        disk = disk_figures(archive)
        out += ["| figure | value | target |", "|---|---|---|",
                f"| disk per message (file ÷ {disk['messages']:,} messages) | {disk['per_message']:,.0f} bytes "
                f"({disk['ratio']:.2f}× the {disk['raw']:,.0f} bytes of raw TL"
                + (f"; search index {disk['index_per_message']:,.0f}" if disk['index_per_message'] else "") + ") | ≤ 2× |",
                f"| tgcron CPU per message ({ours['messages']:,} messages) | {ours['cpu_us_per_msg']:.1f} µs | |"]
        if theirs:
            out.append(f"| Telethon + cryptg CPU per message | {theirs['cpu_us_per_msg']:.1f} µs "
                       f"({theirs['cpu_us_per_msg'] / ours['cpu_us_per_msg']:.1f}× tgcron's) | ≥ 6× |")
        out.append(f"| SQLite alone for the same rows (`sqlite_floor.py`) | {floor_us:.1f} µs "
                   f"(tgcron {ours['cpu_us_per_msg'] / floor_us:.2f}× that) | ≤ 1.5× |")
        big = work / "search.sqlite"
        total = grow(archive, big, args.search_messages)
        searches = search_figures(big, 7)
        exports = []
        for _ in range(args.runs):
            (work / "out.jsonl").unlink(missing_ok=True)
            exports.append(measure([binary(), "export", "--db", str(big), "--format", "jsonl", "--out", str(work / "out.jsonl"),
                                    "--log-format", "json"]))
        walls = sorted(run.wall for run in exports)
        export_wall, export_cpu = statistics.median(walls), statistics.median(run.cpu for run in exports)
        out.append(f"| export jsonl, {total:,} messages (median of {len(exports)}) | {total / export_wall:,.0f} msgs/s "
                   f"({export_wall:.1f} s wall, {export_cpu:.1f} s CPU; runs {', '.join(f'{wall:.1f}' for wall in walls)} s) "
                   "| ≥ 100,000/s |")
        out += ["", f"Search on {total:,} messages (median of 7 warm runs; target ≤ 50 ms):", "",
                "| query | matches (≤ 20) | `tgcron search` wall | the query in SQLite |", "|---|---|---|---|"]
        for query, wall, inner, hits in searches:
            out.append(f"| `{query}` | {hits} | {wall * 1000:.0f} ms | {inner * 1000:.1f} ms |")
        out.append("")
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
