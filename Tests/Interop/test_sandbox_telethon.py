"""Telethon 1.45 (an independent MTProto implementation) against `tgcron sandbox`: every TCP transport,
login with a code and with 2FA, the whole history of @sandbox_interop against the ground truth, and
FLOOD_WAIT as Telegram sends it."""

import asyncio
import logging
import time

import pytest
from telethon import TelegramClient, errors
from telethon.network import (
    ConnectionTcpAbridged,
    ConnectionTcpFull,
    ConnectionTcpIntermediate,
    ConnectionTcpObfuscated,
)
from telethon.sessions import StringSession
from telethon.tl.functions.messages import GetHistoryRequest

API_ID = 12345
API_HASH = "0123456789abcdef0123456789abcdef"
TEST_TIMEOUT = 120  # seconds for one client's whole scenario

TRANSPORTS = [ConnectionTcpFull, ConnectionTcpAbridged, ConnectionTcpIntermediate, ConnectionTcpObfuscated]


def client_for(sandbox, dc: int, connection=ConnectionTcpFull, retries: int = 1) -> TelegramClient:
    """A fresh client (new auth key) pointed at `dc` of `sandbox`, reconnecting at most `retries` times in a row."""
    client = TelegramClient(
        StringSession(), API_ID, API_HASH, connection=connection, timeout=10, connection_retries=retries,
        retry_delay=0, request_retries=retries)
    client.session.set_dc(dc, "127.0.0.1", sandbox.port(dc))
    return client


def run(coroutine):
    return asyncio.run(asyncio.wait_for(coroutine, TEST_TIMEOUT))


@pytest.mark.parametrize("connection", TRANSPORTS, ids=lambda c: c.__name__)
def test_client_reads_the_whole_interop_channel_as_the_truth_holds_it(frozen_sandbox, connection):
    alice = frozen_sandbox.account("Alice")

    async def scenario():
        client = client_for(frozen_sandbox, alice["dc"], connection)
        await client.start(phone=alice["phone"], code_callback=lambda: alice["code"])
        try:
            me = await client.get_me()
            assert (me.first_name, me.phone) == ("Alice", alice["phone"])
            channel = await client.get_entity("@sandbox_interop")
            assert channel.username == "sandbox_interop"
            # wait_time=0: Telethon otherwise sleeps 1 s between pages of histories longer than 3000.
            return [m async for m in client.iter_messages(channel, limit=None, wait_time=0)]
        finally:
            await client.disconnect()

    messages = run(scenario())
    truth = frozen_sandbox.truth("@sandbox_interop")
    assert len(truth) >= 5000
    served = sorted(messages, key=lambda m: m.id)
    assert [m.id for m in served] == [t["id"] for t in truth]
    assert [int(m.date.timestamp()) for m in served] == [t["date"] for t in truth]
    assert [m.edit_date and int(m.edit_date.timestamp()) for m in served] == [t.get("edit_date") for t in truth]
    assert [m.message for m in served] == [t.get("text", "") for t in truth]


def test_client_rides_out_dropped_connections(dropping_sandbox, caplog):
    alice = dropping_sandbox.account("Alice")
    caplog.set_level(logging.INFO, logger="telethon")

    async def scenario():
        client = client_for(dropping_sandbox, alice["dc"], ConnectionTcpIntermediate, retries=5)
        await client.start(phone=alice["phone"], code_callback=lambda: alice["code"])
        try:
            channel = await client.get_input_entity("@sandbox_news")
            # 20-message pages: about 15 history calls, so the connection drops a few times mid-read.
            ids, offset_id = [], 0
            while True:
                page = await client(GetHistoryRequest(
                    peer=channel, offset_id=offset_id, offset_date=None, add_offset=0, limit=20, max_id=0, min_id=0,
                    hash=0))
                if not page.messages:
                    return sorted(ids)
                ids += [m.id for m in page.messages]
                offset_id = page.messages[-1].id
        finally:
            await client.disconnect()

    ids = run(scenario())
    assert ids == [t["id"] for t in dropping_sandbox.truth("@sandbox_news")]
    reconnects = [r for r in caplog.records if r.getMessage() == "Closing current connection to begin reconnect..."]
    assert len(reconnects) >= 2


def test_two_factor_account_logs_in_with_its_password(flood_sandbox):
    bob = flood_sandbox.account("Bob")
    assert bob["has_password"]

    async def scenario():
        client = client_for(flood_sandbox, bob["dc"])
        await client.start(phone=bob["phone"], code_callback=lambda: bob["code"], password="sandbox-2fa")
        try:
            return await client.get_me()
        finally:
            await client.disconnect()

    me = run(scenario())
    assert (me.first_name, me.phone) == ("Bob", bob["phone"])


def test_wrong_two_factor_password_is_refused(flood_sandbox):
    bob = flood_sandbox.account("Bob")

    async def scenario():
        client = client_for(flood_sandbox, bob["dc"])
        try:
            with pytest.raises(errors.PasswordHashInvalidError):
                await client.start(
                    phone=bob["phone"], code_callback=lambda: bob["code"], password="not-it", max_attempts=1)
        finally:
            await client.disconnect()

    run(scenario())


def test_history_beyond_thirty_pages_in_thirty_seconds_gets_flood_wait(flood_sandbox):
    carol = flood_sandbox.account("Carol")

    async def scenario():
        # Carol lives on DC 1: starting on DC 2 also exercises PHONE_MIGRATE_1 and the DC switch.
        client = client_for(flood_sandbox, 2)
        client.flood_sleep_threshold = 0
        await client.start(phone=carol["phone"], code_callback=lambda: carol["code"])
        try:
            assert client.session.dc_id == carol["dc"]
            channel = await client.get_input_entity("@sandbox_news")
            request = GetHistoryRequest(
                peer=channel, offset_id=0, offset_date=None, add_offset=0, limit=1, max_id=0, min_id=0, hash=0)
            first = None
            for call in range(60):
                sent = time.monotonic()
                first = first or sent
                try:
                    await client(request)
                except errors.FloodWaitError as error:
                    return call, error.seconds, time.monotonic() - first
            return None
        finally:
            await client.disconnect()

    outcome = run(scenario())
    assert outcome is not None, "60 history calls went through without FLOOD_WAIT"
    calls, seconds, elapsed = outcome
    assert calls == 30
    # The budget frees up 30 s after the first call of the window.
    assert abs(seconds - (30 - elapsed)) <= 1
