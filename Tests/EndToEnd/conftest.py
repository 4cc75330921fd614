"""Fixtures for driving the real `tgcron` binary against `tgcron sandbox serve` over loopback.

Each sandbox runs the built-in world with a frozen clock one day after genesis (so its history and
`tgcron sandbox truth` describe the same moment) unless a test asks otherwise. The first sandbox makes
the server's RSA key; later ones reuse it, since making one takes seconds.
"""

import http.server
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ORIGIN = "2026-01-02T00:00:00Z"
API_HASH = "0123456789abcdef0123456789abcdef"
ALICE = "9996621234"


def binary() -> str:
    path = Path(os.environ.get("TGCRON_BIN", ROOT / ".build" / "debug" / "tgcron"))
    if not path.is_file():
        pytest.fail(f"tgcron binary not found at {path}; build it or set TGCRON_BIN", pytrace=False)
    return str(path)


class Sandbox:
    """A running `tgcron sandbox serve`."""

    def __init__(self, data: Path, key_from: Path | None, flood="off", speed="0", faults="", port=0, events=(),
                 extra_args=()):
        data.mkdir(parents=True, exist_ok=True)
        if key_from is not None:
            for name in ("server_key.pem", "server_public.pem"):
                if (key_from / name).exists():
                    shutil.copy(key_from / name, data / name)
        self.data = data
        self.started = time.monotonic()
        self.log = open(data.parent / f"{data.name}.log", "wb")
        self.process = subprocess.Popen(
            [binary(), "sandbox", "serve", "--port", str(port), "--data", str(data), "--flood", flood,
             "--origin", ORIGIN, "--speed", speed, "--faults", faults,
             *[argument for event in events for argument in ("--event", event)], *extra_args],
            stdout=subprocess.DEVNULL, stderr=self.log)
        deadline = time.monotonic() + 90
        manifest = data / "sandbox.json"
        while not manifest.exists():
            if self.process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"the sandbox did not start: {(data.parent / f'{data.name}.log').read_text()}")
            time.sleep(0.05)
        time.sleep(0.05)
        self.manifest = json.loads(manifest.read_text())

    def truth_ids(self, channel: str) -> list[int]:
        out = subprocess.run([binary(), "sandbox", "truth", channel, "--data", str(self.data)],
                             check=True, capture_output=True, text=True, timeout=300).stdout
        return [json.loads(line)["id"] for line in out.splitlines() if line]

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


class Account:
    """A config directory (settings, .env) and an archive for one tgcron account against a sandbox."""

    def __init__(self, root: Path, sandbox: Sandbox, phone=ALICE, extra_env=None, settings_extra=""):
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self.db = root / "archive.sqlite"
        self.settings = root / "settings.yaml"
        self.settings.write_text(
            "telegram_client:\n"
            f"  server: 127.0.0.1:{sandbox.manifest['dcs']['2']}\n"
            "  dc: 2\n"
            f"  public_keys: [{sandbox.data / 'server_public.pem'}]\n"
            "  human_delay_min: 0s\n"
            "  human_delay_max: 10ms\n"
            + settings_extra +
            f"archive:\n  database: {self.db}\n")
        self.env_file = root / ".env"
        lines = {"TELEGRAM_CLIENT_API_ID": "1", "TELEGRAM_CLIENT_API_HASH": API_HASH, "TELEGRAM_CLIENT_PHONE": phone}
        lines.update(extra_env or {})
        self.env_file.write_text("".join(f"{k}={v}\n" for k, v in lines.items()))

    def flags(self):
        return ["--config", str(self.settings), "--env", str(self.env_file), "--log-format", "json"]

    def run(self, *args, input=None, timeout=300, env=None, check=None):
        """Runs `tgcron ARGS` with this account's files; returns the CompletedProcess."""
        command = [binary(), args[0], *self.flags(), *args[1:]]
        if args[0] in ("session", "archive", "media"):
            command = [binary(), args[0], args[1], *self.flags(), *args[2:]]
        full_env = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_CLIENT_")}
        full_env.update(env or {})
        result = subprocess.run(command, capture_output=True, text=True, input=input, timeout=timeout, env=full_env)
        if check is not None:
            assert result.returncode == check, f"{args}: exit {result.returncode}\n{result.stdout}\n{result.stderr}"
        return result

    def login(self):
        self.run("login", "--code", "22222", check=0)

    def query(self, sql, *params):
        with sqlite3.connect(f"file:{self.db}?mode=ro", uri=True) as db:
            return db.execute(sql, params).fetchall()

    def query_deleted(self, channel_username: str) -> list[int]:
        """Archived ids marked deleted."""
        return [row[0] for row in self.query(
            "SELECT m.id FROM messages m JOIN channels c ON c.id = m.channel_id "
            "WHERE lower(c.username) = ? AND m.deleted_at IS NOT NULL", channel_username.lower())]

    def archived_ids(self, channel_username: str) -> list[int]:
        return [row[0] for row in self.query(
            "SELECT m.id FROM messages m JOIN channels c ON c.id = m.channel_id "
            "WHERE lower(c.username) = ? AND m.kind != 'empty' AND m.deleted_at IS NULL ORDER BY m.id",
            channel_username.lower())]


@pytest.fixture(scope="session")
def key_dir(tmp_path_factory):
    """A data directory whose RSA key later sandboxes copy."""
    first = Sandbox(tmp_path_factory.mktemp("key") / "data", None)
    first.stop()
    return first.data


@pytest.fixture
def sandbox(tmp_path, key_dir):
    """A frozen-clock sandbox without flood budgets, for this test only."""
    server = Sandbox(tmp_path / "sandbox", key_dir)
    yield server
    server.stop()


@pytest.fixture
def make_sandbox(tmp_path, key_dir):
    """Starts sandboxes with other options; stops them at the end of the test."""
    started = []

    def make(name="custom", **options):
        server = Sandbox(tmp_path / name, key_dir, **options)
        started.append(server)
        return server

    yield make
    for server in started:
        server.stop()


@pytest.fixture
def account(tmp_path, sandbox):
    """Alice's account files against `sandbox`, not logged in yet."""
    return Account(tmp_path / "alice", sandbox)


class Webhook:
    """A local HTTP endpoint keeping the JSON bodies notifications post to it."""

    def __init__(self):
        received = self.received = []

        class Hook(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                received.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = http.server.HTTPServer(("127.0.0.1", 0), Hook)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_port}/hook"

    def events(self, kind):
        """The bodies of notifications of `kind` (their `event` field)."""
        return [body for body in self.received if body.get("event") == kind]


@pytest.fixture
def webhook():
    """A webhook receiver for this test."""
    hook = Webhook()
    yield hook
    hook.server.shutdown()
