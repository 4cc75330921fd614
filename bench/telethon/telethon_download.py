#!/usr/bin/env python3
"""Telethon's side of the download benchmark: `download_media` of messages of a sandbox channel into
files (cryptg decrypts when installed), then one JSON line: files, bytes, download wall seconds.

    .venv/bin/python bench/telethon/telethon_download.py --manifest /tmp/sbx --channel @sandbox_media --ids 33,61 --out dir
"""

import argparse
import asyncio
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sandbox_client import load_manifest, logged_in_client  # noqa: E402


async def download(args) -> dict:
    client = await logged_in_client(load_manifest(args.manifest))
    try:
        channel = await client.get_entity(args.channel)
        messages = await client.get_messages(channel, ids=[int(i) for i in args.ids.split(",")])
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        started = time.monotonic()
        total = 0
        for message in messages:
            path = Path(await client.download_media(message, file=str(out / str(message.id))))
            total += path.stat().st_size
            path.rename(out / str(message.id))  # Telethon adds an extension from the mime type
        return {"files": len(messages), "bytes": total, "seconds": time.monotonic() - started}
    finally:
        await client.disconnect()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--manifest", required=True)
    parser.add_argument("--channel", required=True)
    parser.add_argument("--ids", required=True)
    parser.add_argument("--out", required=True)
    print(json.dumps(asyncio.run(download(parser.parse_args()))))


if __name__ == "__main__":
    main()
