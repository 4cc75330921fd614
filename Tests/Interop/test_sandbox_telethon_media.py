"""Telethon 1.45's `download_media` against `tgcron sandbox`: photos and documents from the home DC and
from other DCs (through Telethon's own auth.exportAuthorization / auth.importAuthorization), byte for
byte what `tgcron sandbox truth --media` says, so the sandbox's file semantics agree with an
independent client."""

import asyncio
import hashlib

from telethon import TelegramClient
from telethon.network import ConnectionTcpFull
from telethon.sessions import StringSession

API_ID = 12345
API_HASH = "0123456789abcdef0123456789abcdef"
TEST_TIMEOUT = 240  # seconds


def pick(truth: list, home_dc: int) -> list:
    """A photo and a document on the home DC, and one of each on other DCs, a few MB at most (Telethon is slow)."""
    chosen = []
    for kind in ("photo", "document"):
        for here in (True, False):
            candidates = [t for t in truth if t["kind"] == kind and (t["dc"] == home_dc) == here and t["size"] <= 6 << 20]
            chosen.append(max(candidates, key=lambda t: t["size"]))
    return chosen


def test_download_media_matches_the_truth_on_the_home_dc_and_others(frozen_sandbox):
    alice = frozen_sandbox.account("Alice")
    truth = frozen_sandbox.media_truth("@sandbox_media")
    chosen = pick(truth, alice["dc"])
    assert {t["dc"] == alice["dc"] for t in chosen} == {True, False}

    async def scenario():
        # Telethon keeps help.getConfig's DC list on the class (TelegramBaseClient._config), shared by every
        # client in the process: an earlier test's sandbox would be dialled for DC 3. Forget it.
        TelegramClient._config = None
        client = TelegramClient(StringSession(), API_ID, API_HASH, connection=ConnectionTcpFull, timeout=10)
        client.session.set_dc(alice["dc"], "127.0.0.1", frozen_sandbox.port(alice["dc"]))
        await client.start(phone=alice["phone"], code_callback=lambda: alice["code"])
        try:
            channel = await client.get_entity("@sandbox_media")
            messages = await client.get_messages(channel, ids=[t["id"] for t in chosen])
            return [await client.download_media(message, file=bytes) for message in messages]
        finally:
            await client.disconnect()

    downloads = asyncio.run(asyncio.wait_for(scenario(), TEST_TIMEOUT))
    for record, data in zip(chosen, downloads):
        assert data is not None, record
        assert len(data) == record["size"], record
        assert hashlib.sha256(data).hexdigest() == record["sha256"], record
