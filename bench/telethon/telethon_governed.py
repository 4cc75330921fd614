#!/usr/bin/env python3
"""Telethon's side of the governance benchmark: with the sandbox's flood limits on, read a channel's
history for a fixed time with Telethon's default behaviour (it sleeps through any FLOOD_WAIT up to
`flood_sleep_threshold`, 60 s by default), restarting from the newest message when it reaches the
oldest, then print one JSON line: requests made, FLOOD_WAITs received, seconds slept.

    .venv/bin/python bench/telethon/telethon_governed.py --manifest /tmp/sbx --channel @sandbox_news --seconds 90
"""

import argparse
import asyncio
import json
import sys
import time
from pathlib import Path

from telethon import errors

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sandbox_client import FloodWaitLog, RequestCounter, load_manifest, logged_in_client  # noqa: E402


async def read_until(client, channel, deadline: float, wait_time, raised: list) -> int:
    """Pages through the history again and again until `deadline`; returns messages read."""
    messages = 0
    while time.monotonic() < deadline:
        try:
            async for _ in client.iter_messages(channel, limit=None, wait_time=wait_time):
                messages += 1
                if time.monotonic() >= deadline:
                    return messages
        except errors.FloodWaitError as error:
            # Above the threshold Telethon gives the error to the application; this one waits it out.
            raised.append(error.seconds)
            await asyncio.sleep(min(error.seconds, max(0.0, deadline - time.monotonic())))
    return messages


async def governed(args) -> dict:
    manifest = load_manifest(args.manifest)
    floods = FloodWaitLog().install()
    client = await logged_in_client(manifest)
    try:
        channel = await client.get_input_entity(args.channel)
        requests = RequestCounter(client)
        raised = []
        started = time.monotonic()
        messages = 0
        try:
            messages = await asyncio.wait_for(
                read_until(client, channel, started + args.seconds, args.wait_time, raised), args.seconds + 5)
        except asyncio.TimeoutError:
            pass  # cut off inside a flood-wait sleep: the sleep counts in full below
        elapsed = time.monotonic() - started
    finally:
        await client.disconnect()
    return {
        "client": "telethon", "channel": args.channel, "seconds": round(elapsed, 3), "messages": messages,
        "requests": requests.total, "history_requests": requests.by_name.get("GetHistoryRequest", 0),
        "flood_waits": floods.received + len(raised), "flood_waits_above_threshold": len(raised),
        "early_flood_sleeps": floods.early, "seconds_slept": floods.seconds + sum(raised),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--manifest", required=True, help="sandbox data directory (or its sandbox.json)")
    parser.add_argument("--channel", required=True, help="channel username, e.g. @sandbox_news")
    parser.add_argument("--seconds", type=float, required=True, help="how long to keep reading")
    parser.add_argument("--wait-time", type=float, default=None,
                        help="seconds between history pages (default: Telethon's, 1 s past 3000 messages)")
    print(json.dumps(asyncio.run(governed(parser.parse_args()))), flush=True)


if __name__ == "__main__":
    main()
