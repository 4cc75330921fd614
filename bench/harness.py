"""What the chaos and benchmark drivers share: a `tgcron sandbox serve` process, an account's files, and
running `tgcron` with its resource usage measured (wall time, CPU user+sys and peak RSS of the child).

Standard library only. `TGCRON_BIN` names the binary (default: the release build in .build-bench).
"""

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
API_HASH = "0123456789abcdef0123456789abcdef"
ALICE = "9996621234"
ORIGIN = "2026-01-02T00:00:00Z"


def binary() -> str:
    path = Path(os.environ.get("TGCRON_BIN", ROOT / ".build-bench" / "release" / "tgcron"))
    if not path.is_file():
        raise SystemExit(f"tgcron binary not found at {path}; build it or set TGCRON_BIN")
    return str(path)


def clean_env() -> dict:
    """The environment without any TELEGRAM_CLIENT_* variable, so only the account's .env counts."""
    return {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_CLIENT_")}


class Sandbox:
    """A running `tgcron sandbox serve` on free loopback ports."""

    def __init__(self, data: Path, key_from: Path | None = None, flood="off", speed="0", faults="",
                 origin=ORIGIN, world: Path | None = None):
        data.mkdir(parents=True, exist_ok=True)
        if key_from is not None:
            for name in ("server_key.pem", "server_public.pem"):
                if (key_from / name).exists() and not (data / name).exists():
                    shutil.copy(key_from / name, data / name)
        self.data = data
        (data / "sandbox.json").unlink(missing_ok=True)
        self.log = open(data.parent / f"{data.name}.log", "ab")
        command = [binary(), "sandbox", "serve", "--port", "0", "--data", str(data), "--flood", flood,
                   "--origin", origin, "--speed", str(speed), "--faults", faults]
        if world is not None:
            command += ["--world", str(world)]
        self.started = time.time()  # the simulated clock starts at `origin` about now
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=self.log)
        deadline = time.monotonic() + 120
        manifest = data / "sandbox.json"
        while not manifest.exists():
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the sandbox did not start; see {data.parent / f'{data.name}.log'}")
            time.sleep(0.05)
        time.sleep(0.1)
        self.manifest = json.loads(manifest.read_text())

    def truth_ids(self, channel: str, at: str | None = None) -> list[int]:
        """The ids `tgcron sandbox truth` lists for `channel` now (or at `at`, ISO 8601)."""
        command = [binary(), "sandbox", "truth", channel, "--data", str(self.data)]
        if at is not None:
            command += ["--at", at]
        out = subprocess.run(command, check=True, capture_output=True, text=True, timeout=600).stdout
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
    """Alice's settings, .env and archive against a sandbox."""

    def __init__(self, root: Path, sandbox: Sandbox, settings_extra="", delay_min="0s", delay_max="10ms"):
        root.mkdir(parents=True, exist_ok=True)
        self.root = root
        self.db = root / "archive.sqlite"
        self.settings = root / "settings.yaml"
        self.settings.write_text(
            "telegram_client:\n"
            f"  server: 127.0.0.1:{sandbox.manifest['dcs']['2']}\n"
            "  dc: 2\n"
            f"  public_keys: [{sandbox.data / 'server_public.pem'}]\n"
            f"  human_delay_min: {delay_min}\n"
            f"  human_delay_max: {delay_max}\n"
            + settings_extra +
            f"archive:\n  database: {self.db}\n")
        self.env_file = root / ".env"
        self.env_file.write_text(f"TELEGRAM_CLIENT_API_ID=1\nTELEGRAM_CLIENT_API_HASH={API_HASH}\n"
                                 f"TELEGRAM_CLIENT_PHONE={ALICE}\n")

    def command(self, name: str, *args: str) -> list[str]:
        return [binary(), name, "--config", str(self.settings), "--env", str(self.env_file),
                "--log-format", "json", *args]

    def run(self, name: str, *args: str, timeout=3600) -> subprocess.CompletedProcess:
        return subprocess.run(self.command(name, *args), capture_output=True, text=True, timeout=timeout,
                              env=clean_env())

    def login(self):
        result = self.run("login", "--code", "22222")
        if result.returncode != 0:
            raise RuntimeError(f"login failed: {result.stderr}")

    def query(self, sql: str, *params):
        with sqlite3.connect(f"file:{self.db}?mode=ro", uri=True, timeout=30) as db:
            return db.execute(sql, params).fetchall()

    def archived_ids(self, username: str) -> list[int]:
        return [row[0] for row in self.query(
            "SELECT m.id FROM messages m JOIN channels c ON c.id = m.channel_id "
            "WHERE lower(c.username) = ? AND m.kind != 'empty' AND m.deleted_at IS NULL ORDER BY m.id",
            username.lower())]

    def duplicate_rows(self) -> int:
        """Rows beyond the first for any (channel, id): should be 0 whatever happened."""
        return self.query("SELECT COALESCE(SUM(n - 1), 0) FROM "
                          "(SELECT COUNT(*) AS n FROM messages GROUP BY channel_id, id)")[0][0]

    def fetched_messages(self) -> int:
        """Messages the server returned to messages.getHistory, per the audit log."""
        return self.query("SELECT COALESCE(SUM(count), 0) FROM audit_log WHERE method = 'messages.getHistory'")[0][0]


@dataclass
class Measured:
    """One child process's outcome and cost."""
    returncode: int
    wall: float
    cpu: float        # user + sys seconds of the child
    max_rss_kb: int   # peak resident set of the child
    stdout: str
    stderr: str


def measure(command: list[str], env=None, timeout=3600) -> Measured:
    """Runs `command` and measures it with wait4's rusage (this child only, not the sandbox)."""
    started = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env=env if env is not None else clean_env())
    # communicate() reaps with waitpid, which drops the rusage; read both pipes, then wait4 ourselves.
    out, err = _drain(process, timeout)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    wall = time.monotonic() - started
    return Measured(process.returncode, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, out, err)


def _drain(process: subprocess.Popen, timeout: float) -> tuple[str, str]:
    import threading
    chunks = {"out": [], "err": []}

    def pump(stream, key):
        for line in stream:
            chunks[key].append(line)

    threads = [threading.Thread(target=pump, args=(process.stdout, "out")),
               threading.Thread(target=pump, args=(process.stderr, "err"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
    return "".join(chunks["out"]), "".join(chunks["err"])


def median(values):
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def machine() -> str:
    cores = os.cpu_count()
    model = ""
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{cores} cores ({model}), {memory:.0f} GiB, Linux, load average {os.getloadavg()[0]:.1f} at the start"
