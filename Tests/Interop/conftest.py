"""Fixtures for running Telethon against `tgcron sandbox`: the server processes, clients and ground truth.

Two sandboxes run per test session, both with the built-in world and a clock starting one day after
genesis: one with Telegram-like flood budgets (logins, 2FA, the flood test) and, because iterating
6 000 messages takes 60 history pages (twice the 30-per-30-s budget), one with `--flood off` and a
frozen clock for the whole-history comparisons, so the served history and `tgcron sandbox truth`
describe the same moment. A third, started only by the test that needs it, drops connections.
"""

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
import rsa as rsa_lib
from telethon.crypto import rsa as telethon_rsa

ROOT = Path(__file__).resolve().parents[2]
# One day after the built-in world's genesis (2026-01-01T00:00:00Z).
ORIGIN = "2026-01-02T00:00:00Z"
START_DEADLINE = 90  # seconds: the first start generates a 2048-bit RSA key


def tgcron_binary() -> Path:
    """The tgcron executable: $TGCRON_BIN, else the default debug build."""
    path = Path(os.environ.get("TGCRON_BIN", ROOT / ".build" / "debug" / "tgcron"))
    if not path.is_file():
        pytest.fail(f"tgcron binary not found at {path}; build it or set TGCRON_BIN", pytrace=False)
    return path


class Sandbox:
    """One running `tgcron sandbox serve` process and its sandbox.json."""

    def __init__(self, data: Path, flood: str, speed: str, faults: str = ""):
        self.data = data
        self.stderr_path = data.parent / f"{data.name}.stderr"
        data.mkdir(parents=True, exist_ok=True)
        self.stderr = open(self.stderr_path, "wb")
        self.process = subprocess.Popen(
            [str(tgcron_binary()), "sandbox", "--port", "0", "--data", str(data), "--flood", flood,
             "--origin", ORIGIN, "--speed", speed, "--faults", faults],
            stdout=subprocess.DEVNULL, stderr=self.stderr)
        self.manifest = self._wait_for_manifest()

    def _wait_for_manifest(self) -> dict:
        path = self.data / "sandbox.json"
        deadline = time.monotonic() + START_DEADLINE
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"tgcron sandbox exited with {self.process.returncode}: {self.stderr_path.read_text()}")
            if path.exists():
                return json.loads(path.read_text())
            time.sleep(0.05)
        pytest.fail(f"sandbox.json did not appear within {START_DEADLINE} s")

    def port(self, dc: int) -> int:
        return self.manifest["dcs"][str(dc)]

    def account(self, first_name: str) -> dict:
        return next(a for a in self.manifest["world"]["accounts"] if a["first_name"] == first_name)

    def truth(self, channel: str) -> list:
        """`tgcron sandbox truth` for `channel` at this sandbox's simulated now, as dicts."""
        out = subprocess.run(
            [str(tgcron_binary()), "sandbox", "truth", channel, "--data", str(self.data)],
            check=True, capture_output=True, text=True, timeout=120).stdout
        return [json.loads(line) for line in out.splitlines() if line]

    def media_truth(self, channel: str) -> list:
        """`tgcron sandbox truth --media` for `channel`: per message with a file, its DC, size and SHA-256."""
        out = subprocess.run(
            [str(tgcron_binary()), "sandbox", "truth", channel, "--media", "--data", str(self.data)],
            check=True, capture_output=True, text=True, timeout=300).stdout
        return [json.loads(line) for line in out.splitlines() if line]

    def comments_truth(self, channel: str) -> list:
        """`tgcron sandbox truth --comments` for `channel`: its discussion group's copies and comments."""
        out = subprocess.run(
            [str(tgcron_binary()), "sandbox", "truth", channel, "--comments", "--data", str(self.data)],
            check=True, capture_output=True, text=True, timeout=120).stdout
        return [json.loads(line) for line in out.splitlines() if line]

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        try:
            code = self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            code = None
        self.stderr.close()
        return code


def register_key(pem: str):
    """Makes Telethon trust the sandbox's RSA key (PKCS#1 PEM); Telethon itself is left unmodified."""
    telethon_rsa.add_key(pem, old=False)
    key = rsa_lib.PublicKey.load_pkcs1(pem.encode())
    assert telethon_rsa._compute_fingerprint(key) in telethon_rsa._server_keys


def _start(tmp_path_factory, name: str, flood: str, speed: str, faults: str = ""):
    sandbox = Sandbox(tmp_path_factory.mktemp(name) / "data", flood=flood, speed=speed, faults=faults)
    register_key(sandbox.manifest["public_key_pem"])
    return sandbox


@pytest.fixture(scope="session")
def flood_sandbox(tmp_path_factory):
    """A sandbox with Telegram-like flood budgets and a clock running in real time."""
    sandbox = _start(tmp_path_factory, "flood-on", flood="on", speed="1")
    yield sandbox
    assert sandbox.stop() == 0, sandbox.stderr_path.read_text()


@pytest.fixture(scope="session")
def frozen_sandbox(tmp_path_factory):
    """A sandbox without flood budgets whose clock stands still, for whole-history comparisons."""
    sandbox = _start(tmp_path_factory, "flood-off", flood="off", speed="0")
    yield sandbox
    assert sandbox.stop() == 0, sandbox.stderr_path.read_text()


@pytest.fixture(scope="session")
def dropping_sandbox(tmp_path_factory):
    """A frozen, flood-free sandbox that closes every connection after its 7th reply (`--faults drop=7`)."""
    sandbox = _start(tmp_path_factory, "drop-7", flood="off", speed="0", faults="drop=7")
    yield sandbox
    assert sandbox.stop() == 0, sandbox.stderr_path.read_text()
