"""Telethon pointed at a running `tgcron sandbox`: the manifest, the server key, a logged-in client,
and counters for requests sent and flood waits, shared by the benchmark scripts in this folder."""

import contextlib
import json
import logging
import sys
from pathlib import Path

import rsa as rsa_lib
from telethon import TelegramClient
from telethon.crypto import rsa as telethon_rsa
from telethon.sessions import StringSession

# The sandbox accepts any app id and hash; these are the ones Tests/Interop uses.
API_ID = 12345
API_HASH = "0123456789abcdef0123456789abcdef"


def load_manifest(path: str) -> dict:
    """The sandbox.json of a sandbox data directory (or the file itself)."""
    manifest = Path(path)
    if manifest.is_dir():
        manifest = manifest / "sandbox.json"
    return json.loads(manifest.read_text())


def trust_server_key(manifest: dict) -> None:
    """Adds the sandbox's RSA key to the ones Telethon accepts; Telethon itself stays unmodified."""
    pem = manifest["public_key_pem"]
    telethon_rsa.add_key(pem, old=False)
    key = rsa_lib.PublicKey.load_pkcs1(pem.encode())
    if telethon_rsa._compute_fingerprint(key) not in telethon_rsa._server_keys:
        raise RuntimeError("Telethon did not register the sandbox key")


def account(manifest: dict, first_name: str) -> dict:
    """A test account of the sandbox world (phone, code, dc) by first name."""
    for entry in manifest["world"]["accounts"]:
        if entry["first_name"] == first_name:
            return entry
    raise KeyError(f"no sandbox account named {first_name}")


async def logged_in_client(manifest: dict, first_name: str = "Alice", **options) -> TelegramClient:
    """A new client (fresh auth key) on the account's DC, logged in with the test code."""
    trust_server_key(manifest)
    user = account(manifest, first_name)
    client = TelegramClient(StringSession(), API_ID, API_HASH, **options)
    client.session.set_dc(user["dc"], "127.0.0.1", manifest["dcs"][str(user["dc"])])
    # Telethon prints its sign-in greeting; keep standard output for the result line.
    with contextlib.redirect_stdout(sys.stderr):
        await client.start(phone=user["phone"], code_callback=lambda: user["code"])
    return client


class FloodWaitLog(logging.Handler):
    """Counts Telethon's flood-wait sleeps from its log: FLOOD_WAITs the server sent, and the early
    sleeps Telethon takes before re-sending a request it knows is still flood-waited."""

    def __init__(self):
        super().__init__(logging.INFO)
        self.received = 0
        self.early = 0
        self.seconds = 0

    def emit(self, record: logging.LogRecord) -> None:
        if not isinstance(record.msg, str) or "flood wait" not in record.msg or len(record.args) < 2:
            return
        early, delay = record.args[0], record.args[1]
        if early:
            self.early += 1
        else:
            self.received += 1
        self.seconds += delay

    def install(self) -> "FloodWaitLog":
        logger = logging.getLogger("telethon.client.users")
        logger.setLevel(logging.INFO)
        logger.addHandler(self)
        return self


class RequestCounter:
    """Counts requests handed to the client's MTProto sender, retries after a flood wait included."""

    def __init__(self, client: TelegramClient):
        self.total = 0
        self.by_name = {}
        sender = client._sender
        send = sender.send

        def counting_send(request, ordered=False):
            self.total += 1
            name = type(request).__name__
            self.by_name[name] = self.by_name.get(name, 0) + 1
            return send(request, ordered)

        sender.send = counting_send
