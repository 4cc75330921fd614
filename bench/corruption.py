"""Corruption trials, shared by `make chaos` (bench/chaos.py) and the end-to-end suite.

Each trial copies a real archive, overwrites a few random byte ranges at random offsets (any page, page 1
included), then:
- runs every command that writes against the copy: if SQLite's quick_check (the oracle, run here with
  Python's sqlite3 on another copy) finds damage, each must exit non-zero with a message and none may
  report success; damage quick_check cannot see (a free page, unused space in a page) may succeed;
- runs `tgcron archive recover` and checks that every message row SQLite can still read intact (a point
  lookup by rowid on the damaged copy returning the original values) is in the recovered archive.
"""

import shutil
import sqlite3
from pathlib import Path
from typing import Callable

PAGE = 4096


def damage(path: Path, rng, ranges: int) -> None:
    """Overwrites `ranges` byte ranges (16 bytes to a page long) at random offsets with random bytes."""
    size = path.stat().st_size
    with open(path, "r+b") as file:
        for _ in range(ranges):
            length = rng.randint(16, PAGE)
            offset = rng.randrange(0, max(1, size - length))
            file.seek(offset)
            file.write(rng.randbytes(length))


def quick_check(path: Path) -> list[str]:
    """SQLite's quick_check of a scratch copy of `path`: [] when sound."""
    scratch = path.with_name(path.name + ".oracle")
    shutil.copy(path, scratch)
    try:
        with sqlite3.connect(scratch) as db:
            rows = [row[0] for row in db.execute("PRAGMA quick_check")]
        return [] if rows == ["ok"] else rows
    except sqlite3.DatabaseError as error:
        return [str(error)]
    finally:
        scratch.unlink(missing_ok=True)


def message_rows(path: Path) -> dict[int, tuple]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        return {row[0]: row[1:] for row in db.execute("SELECT rowid, * FROM messages")}


def intact_rows(path: Path, original: dict[int, tuple]) -> set[tuple]:
    """(channel_id, id) of the original message rows a point lookup on the damaged `path` returns unchanged."""
    scratch = path.with_name(path.name + ".oracle")
    shutil.copy(path, scratch)
    found = set()
    try:
        with sqlite3.connect(f"file:{scratch}?mode=ro", uri=True) as db:
            for rowid, values in original.items():
                try:
                    row = db.execute("SELECT * FROM messages WHERE rowid = ?", (rowid,)).fetchone()
                except sqlite3.DatabaseError:
                    continue
                if row is not None and tuple(row) == values:
                    found.add((values[0], values[1]))
    except sqlite3.DatabaseError:
        pass
    finally:
        scratch.unlink(missing_ok=True)
    return found


def recovered_rows(path: Path, original: dict[int, tuple]) -> set[tuple]:
    """(channel_id, id) of the recovered rows equal to an original row."""
    wanted = {(values[0], values[1]): values for values in original.values()}
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        return {(row[0], row[1]) for row in db.execute("SELECT * FROM messages")
                if wanted.get((row[0], row[1])) == tuple(row)}


def corruption_trials(base: Path, work: Path, trials: int, rng,
                      run: Callable[[list[str]], "object"], writers: list[list[str]]) -> dict:
    """`trials` damaged copies of the archive `base` (checkpointed, no WAL). `run(args)` runs tgcron with the
    account's settings and returns a CompletedProcess; `writers` are the writing commands, each run with
    `--db COPY` appended."""
    original = message_rows(base)
    stats = {"trials": trials, "damaged": 0, "harmless": 0, "refused": 0, "wrongly_succeeded": 0,
             "silent_failures": 0, "recover_failed": 0, "readable_rows": 0, "recovered_rows": 0,
             "rows_missing_from_recovery": 0, "original_rows": len(original)}
    work.mkdir(parents=True, exist_ok=True)
    for trial in range(trials):
        copy = work / f"trial-{trial}.sqlite"
        shutil.copy(base, copy)
        damage(copy, rng, rng.randint(1, 4))
        damaged = bool(quick_check(copy))
        stats["damaged" if damaged else "harmless"] += 1
        readable = intact_rows(copy, original)
        for args in writers:
            result = run([*args, "--db", str(copy)])
            if not damaged:
                continue
            if result.returncode == 0:
                stats["wrongly_succeeded"] += 1
            elif "damaged" not in result.stderr and "not an SQLite" not in result.stderr:
                stats["silent_failures"] += 1
            else:
                stats["refused"] += 1
        recovered = work / f"trial-{trial}-recovered.sqlite"
        result = run(["archive", "recover", "--db", str(copy), "--out", str(recovered)])
        if result.returncode != 0:
            # Only a file SQLite cannot open at all (its header damaged) may refuse recovery.
            stats["recover_failed"] += 1
            stats["rows_missing_from_recovery"] += len(readable)
            continue
        got = recovered_rows(recovered, original)
        stats["readable_rows"] += len(readable)
        stats["recovered_rows"] += len(got)
        stats["rows_missing_from_recovery"] += len(readable - got)
    return stats


def trials_passed(stats: dict) -> bool:
    """No writer reported success into a damaged archive or failed without saying why, and recovery lost
    nothing SQLite could read."""
    return stats["wrongly_succeeded"] == 0 and stats["silent_failures"] == 0 and stats["rows_missing_from_recovery"] == 0
