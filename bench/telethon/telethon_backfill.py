#!/usr/bin/env python3
"""Telethon's side of the backfill benchmark: read a sandbox channel's whole history with
`iter_messages` and store each message in SQLite the way telegram-export does (one row per message),
then print one JSON line: messages, wall seconds, CPU seconds, peak RSS, flood waits.

    .venv/bin/python bench/telethon/telethon_backfill.py --manifest /tmp/sbx --channel @sandbox_big --db out.sqlite
"""

import argparse
import asyncio
import json
import resource
import sqlite3
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sandbox_client import FloodWaitLog, load_manifest, logged_in_client  # noqa: E402

SCHEMA = """
CREATE TABLE IF NOT EXISTS message (
    channel_id INTEGER NOT NULL,
    id INTEGER NOT NULL,
    date INTEGER NOT NULL,
    edit_date INTEGER,
    text TEXT,
    raw_json TEXT NOT NULL,
    PRIMARY KEY (channel_id, id)
)
"""
BATCH = 500  # rows per transaction


def row(channel_id: int, message) -> tuple:
    return (channel_id, message.id, int(message.date.timestamp()),
            message.edit_date and int(message.edit_date.timestamp()), message.message, message.to_json())


async def backfill(args) -> dict:
    manifest = load_manifest(args.manifest)
    floods = FloodWaitLog().install()
    database = sqlite3.connect(args.db)
    database.execute(SCHEMA)
    started = time.monotonic()
    client = await logged_in_client(manifest)
    count = 0
    try:
        channel = await client.get_entity(args.channel)
        pending = []
        async for message in client.iter_messages(channel, limit=args.limit, wait_time=args.wait_time):
            pending.append(row(channel.id, message))
            if len(pending) >= BATCH:
                with database:
                    database.executemany("INSERT OR REPLACE INTO message VALUES (?, ?, ?, ?, ?, ?)", pending)
                count += len(pending)
                pending = []
        with database:
            database.executemany("INSERT OR REPLACE INTO message VALUES (?, ?, ?, ?, ?, ?)", pending)
        count += len(pending)
    finally:
        await client.disconnect()
        database.close()
    wall = time.monotonic() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {
        "client": "telethon", "channel": args.channel, "messages": count, "wall_seconds": round(wall, 3),
        "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 3), "peak_rss_kb": usage.ru_maxrss,
        "flood_waits": floods.received, "flood_wait_seconds": floods.seconds,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--manifest", required=True, help="sandbox data directory (or its sandbox.json)")
    parser.add_argument("--channel", required=True, help="channel username, e.g. @sandbox_big")
    parser.add_argument("--db", required=True, help="SQLite file to write (created if missing)")
    parser.add_argument("--limit", type=int, default=None, help="stop after this many messages (default: all)")
    parser.add_argument("--wait-time", type=float, default=0,
                        help="seconds between history pages (default 0; Telethon's own default is 1 s "
                             "for more than 3000 messages)")
    print(json.dumps(asyncio.run(backfill(parser.parse_args()))), flush=True)


if __name__ == "__main__":
    main()
