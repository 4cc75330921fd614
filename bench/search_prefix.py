#!/usr/bin/env python3
"""Search latency and index size at a given archive size, for the search index as it is and with FTS5
prefix indexes (issue #17: ≤ 50 ms at 1M messages). No client code runs: the archive's rows are copied under
new ids (through the index triggers, as `lean.py` grows its archive) until it holds --messages rows, then each
index variant is built on a copy with FTS5's `rebuild` and the queries of `lean.py` run against it in SQLite,
median of --repeats warm runs. Prints a Markdown section.

    python3 bench/search_prefix.py ARCHIVE [--messages 1000000] [--repeats 7] [--variants "" "prefix='3'" ...]
"""

import argparse
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import machine  # noqa: E402
from lean import QUERIES, SEARCH_SQL, grow  # noqa: E402

TOKENIZE = "tokenize='unicode61 remove_diacritics 2'"


def index_bytes(conn) -> int:
    return conn.execute("SELECT COALESCE(SUM(pgsize), 0) FROM dbstat WHERE name LIKE 'messages_fts%'").fetchone()[0]


def rebuild(db: Path, options: str) -> float:
    """Replaces `messages_fts` by one declared with `options` (the triggers keep working: same name, same
    column) and fills it from `messages`; returns the seconds taken."""
    with sqlite3.connect(db) as conn:
        started = time.perf_counter()
        conn.execute("DROP TABLE messages_fts")
        extra = f", {options}" if options else ""
        conn.execute(f"CREATE VIRTUAL TABLE messages_fts USING fts5(text, content='messages', content_rowid='rowid', "
                     f"{TOKENIZE}{extra})")
        conn.execute("INSERT INTO messages_fts (messages_fts) VALUES ('rebuild')")
        conn.commit()
        conn.execute("VACUUM")
        return time.perf_counter() - started


def timings(db: Path, repeats: int) -> list[tuple[str, int, float]]:
    rows = []
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        for query in QUERIES:
            conn.execute(SEARCH_SQL, (query,)).fetchall()  # warm
            runs, hits = [], 0
            for _ in range(repeats):
                started = time.perf_counter()
                hits = len(conn.execute(SEARCH_SQL, (query,)).fetchall())
                runs.append(time.perf_counter() - started)
            rows.append((query, hits, statistics.median(runs)))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("archive", type=Path)
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--variants", nargs="*", default=["", "prefix='3'", "prefix='2 3'"])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tgcron-search.") as tmp:
        grown = Path(tmp) / "grown.sqlite"
        started = time.perf_counter()
        total = grow(args.archive, grown, args.messages)
        grow_s = time.perf_counter() - started
        with sqlite3.connect(grown) as conn:
            raw = conn.execute("SELECT AVG(LENGTH(raw)) FROM messages").fetchone()[0]
        results = []
        for options in args.variants:
            copy = Path(tmp) / "variant.sqlite"
            shutil.copy(grown, copy)
            seconds = rebuild(copy, options)
            with sqlite3.connect(copy) as conn:
                index = index_bytes(conn)
            size = copy.stat().st_size
            results.append((options or "(none)", seconds, index / total, size / total, timings(copy, args.repeats)))
            copy.unlink()
    out = ["", f"## Search index variants at {total:,} messages (issue #17)", "",
           f"Machine: {machine()}. `python3 bench/search_prefix.py {args.archive.name} --messages {args.messages}`; "
           f"rows copied under new ids from a {args.archive.name} of the sandbox ({grow_s:.0f} s to grow); "
           f"raw TL {raw:,.0f} bytes per message; the query in SQLite (Python's sqlite3, SQLite "
           f"{sqlite3.sqlite_version}), newest first, LIMIT 20, median of {args.repeats} warm runs.", "",
           "| FTS5 options | index build | index bytes/msg | file bytes/msg (× raw) | "
           + " | ".join(f"`{q}`" for q in QUERIES) + " |",
           "|---|---|---|---|" + "---|" * len(QUERIES)]
    for options, seconds, index, size, rows in results:
        out.append(f"| `{options}` | {seconds:.0f} s | {index:,.0f} | {size:,.0f} ({size / raw:.2f}×) | "
                   + " | ".join(f"{ms * 1000:.1f} ms ({hits})" for _, hits, ms in rows) + " |")
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
