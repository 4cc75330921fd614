"""Several runners sharing one PostgreSQL archive (issue #19): three `tgcron daemon --runner rN` hold leases on
four sandbox accounts and run their 40 jobs; runners are SIGKILLed at random moments (and restarted) at least
ten times. At the end the archive holds exactly the truth of every job's window, 0 lost and 0 duplicated, and
the sandbox's session log (written by the server, outside tgcron) shows no account ever used by two runners'
connections at once. Needs TGCRON_TEST_PG_URL and TGCRON_PG_PASSWORD like test_postgres.py (required under
CI=true)."""

import json
import os
import random
import signal
import subprocess
import time
import uuid
from pathlib import Path

import pytest

from conftest import API_HASH, ROOT, Sandbox, binary
from test_postgres import postgres_url, psql

ACCOUNTS = {"a1": "9996621234", "a2": "9996623333", "a3": "9996624444", "a4": "9996626666"}
# (channel, first id, last id) windows; jobs cycle through the accounts. Ids this low were posted long before
# the sandbox's origin, so with its clock frozen the truth of each window is fixed.
CHANNELS = ("sandbox_news", "sandbox_interop", "sandbox_big")
JOB_COUNT = 40
WINDOW = 200
TTL = 3


def jobs_yaml(accounts: list[str | None], job_count: int) -> tuple[str, dict[str, list[tuple[int, int]]]]:
    lines = ["jobs:"]
    windows: dict[str, list[tuple[int, int]]] = {}
    for index in range(job_count):
        channel = CHANNELS[index % len(CHANNELS)]
        low = 1 + (index // len(CHANNELS)) * WINDOW
        high = low + WINDOW - 1
        windows.setdefault(channel, []).append((low, high))
        account = accounts[index % len(accounts)]
        lines += [f"  - name: job{index:02d}", *([f"    account: {account}"] if account else []),
                  f"    channel: '@{channel}'", "    schedule: '@hourly'",
                  "    window:", f"      min_id: {low}", f"      max_id: {high}"]
    return "\n".join(lines) + "\n", windows


def session_overlaps(log: Path) -> tuple[list[str], int]:
    """Replays the sandbox's session log in file order: per user, the open authorized connections and the runner
    each belongs to (from the `device` its client sent). Returns the moments two runners used one user at once,
    and how many authorized connections were seen."""
    open_connections: dict[tuple[int, int], tuple[int, str]] = {}
    overlaps, seen = [], 0
    for line in log.read_text().splitlines():
        event = json.loads(line)
        key = (event["dc"], event["conn"])
        if event["event"] == "closed":
            open_connections.pop(key, None)
            continue
        seen += 1
        runner = event.get("device", "?")
        others = {r for (u, r) in open_connections.values() if u == event["user"] and r != runner}
        if others:
            overlaps.append(f"t={event['t']:.3f} user {event['user']}: {runner} while {sorted(others)} connected")
        open_connections[key] = (event["user"], runner)
    return overlaps, seen


def test_three_runners_killed_at_random_moments_archive_every_window_exactly_and_never_share_an_account(
        tmp_path, key_dir):
    if not knows_accounts(tmp_path):
        pytest.skip("this build has no `accounts:` setting yet (the \"Several accounts\" part of issue #19)")
    scenario(tmp_path, key_dir, ACCOUNTS, job_count=JOB_COUNT, kills=10)


def knows_accounts(tmp_path) -> bool:
    """Whether the binary accepts `accounts:` in the settings and `account:` in a job."""
    settings = tmp_path / "probe-settings.yaml"
    settings.write_text("accounts:\n  - name: a1\n")
    jobs = tmp_path / "probe-jobs.yaml"
    jobs.write_text("jobs:\n  - name: probe\n    account: a1\n    channel: '@sandbox_news'\n    schedule: '@hourly'\n")
    result = subprocess.run([binary(), "validate", str(jobs), "--config", str(settings), "--env", str(tmp_path / "none.env")],
                            capture_output=True, text=True, timeout=60)
    return "accounts" not in result.stdout + result.stderr and "'account'" not in result.stdout + result.stderr


def test_three_runners_take_the_one_default_account_over_from_each_other(tmp_path, key_dir):
    """Without `accounts:`, every job is the default account's: one runner works while the others stand by."""
    scenario(tmp_path, key_dir, {None: "9996621234"}, job_count=12, kills=10)


def scenario(tmp_path, key_dir, accounts: dict[str | None, str], job_count: int, kills: int):
    url = postgres_url()
    database = "e2e_" + uuid.uuid4().hex
    psql(url, "public", f"CREATE DATABASE {database}")
    pg = url.rsplit("/", 1)[0] + "/" + database
    session_log = tmp_path / "sessions.jsonl"
    sandbox = Sandbox(tmp_path / "sandbox", key_dir, extra_args=("--session-log", str(session_log)))
    runners: dict[str, subprocess.Popen] = {}
    try:
        root = tmp_path / "config"
        root.mkdir()
        settings = root / "settings.yaml"
        settings.write_text(
            "telegram_client:\n"
            f"  server: 127.0.0.1:{sandbox.manifest['dcs']['2']}\n"
            "  dc: 2\n"
            f"  public_keys: [{sandbox.data / 'server_public.pem'}]\n"
            "  human_delay_min: 0s\n"
            "  human_delay_max: 5ms\n"
            # A server we run: no budgets, so forty jobs resolving usernames are never deferred for an hour.
            "  rate_governor: false\n" +
            ("accounts:\n" + "".join(f"  - name: {name}\n" for name in accounts) if None not in accounts else "") +
            f"runners:\n  lease_ttl: {TTL}s\n"
            f"archive:\n  database: {root / 'unused.sqlite'}\n  url: {pg}\n")
        env_file = root / ".env"
        lines = {"TELEGRAM_CLIENT_API_ID": "1", "TELEGRAM_CLIENT_API_HASH": API_HASH}
        lines.update({"TELEGRAM_CLIENT_PHONE" + (f"_{name.upper()}" if name else ""): phone
                      for name, phone in accounts.items()})
        lines["TGCRON_PG_PASSWORD"] = os.environ.get("TGCRON_PG_PASSWORD", "")
        env_file.write_text("".join(f"{k}={v}\n" for k, v in lines.items()))
        env_file.chmod(0o600)
        jobs_text, windows = jobs_yaml(list(accounts), job_count)
        jobs = root / "jobs.yaml"
        jobs.write_text(jobs_text)
        flags = ["--config", str(settings), "--env", str(env_file), "--log-format", "json"]
        env = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_CLIENT_")}
        for name in accounts:
            result = subprocess.run([binary(), "login", *flags, *(["--account", name] if name else []), "--code", "22222"],
                                    capture_output=True, text=True, env=env, timeout=120)
            assert result.returncode == 0, f"login {name}: {result.stdout}\n{result.stderr}"

        logs = tmp_path / "runners"
        logs.mkdir()

        def start(name: str):
            log = open(logs / f"{name}.log", "ab")
            runners[name] = subprocess.Popen(
                [binary(), "daemon", *flags, "--jobs", str(jobs), "--runner", name],
                stdout=log, stderr=log, env=env)

        def all_done() -> bool:
            done = psql(pg, "public", "SELECT count(DISTINCT job) FROM runs WHERE status = 'succeeded'")
            return int(done[0]) >= job_count

        for name in ("r1", "r2", "r3"):
            start(name)
        rng = random.Random(1919)
        killed = 0
        deadline = time.monotonic() + 150
        while (killed < kills or not all_done()) and time.monotonic() < deadline:
            time.sleep(rng.uniform(0.3, 2.0))
            if killed < kills:
                # Mostly a runner holding leases, whose accounts must move; sometimes a standby.
                holders = sorted(set(psql(pg, "public", "SELECT runner FROM account_leases WHERE runner IS NOT NULL")))
                victim = rng.choice(holders if holders and rng.random() < 0.8 else sorted(runners))
                runners[victim].send_signal(signal.SIGKILL)
                runners[victim].wait()
                killed += 1
                start(victim)
        assert killed >= kills
        assert all_done(), "the runners did not finish every job in time: " + " ".join(
            psql(pg, "public", "SELECT job || '=' || status FROM runs ORDER BY id DESC LIMIT 20"))

        status = subprocess.run([binary(), "status", *flags, "--jobs", str(jobs)], capture_output=True, text=True,
                                env=env, timeout=60)
        assert "RUNNER" in status.stdout and "live" in status.stdout, status.stdout + status.stderr

        for process in runners.values():
            process.send_signal(signal.SIGTERM)
        for name, process in runners.items():
            assert process.wait(timeout=20) == 0, f"{name} did not stop cleanly on SIGTERM"
        # SIGTERM releases what a runner holds; leases a killed incarnation held expire within the TTL.
        time.sleep(TTL + 0.5)
        assert psql(pg, "public", "SELECT count(*) FROM account_leases WHERE runner IS NOT NULL AND expires_at > now()") == ["0"], \
            "SIGTERM released the leases"

        # `run --runner`: leases the (now free) accounts, runs the named job once, releases them and exits 0.
        once = subprocess.run([binary(), "run", *flags, "--jobs", str(jobs), "--runner", "r9", "--job", "job00"],
                              capture_output=True, text=True, env=env, timeout=60)
        assert once.returncode == 0, once.stdout + once.stderr
        assert '"runner":"r9"' in once.stderr and "leases changed" in once.stderr, once.stderr[-2000:]
        assert psql(pg, "public", "SELECT count(*) FROM account_leases WHERE runner IS NOT NULL AND expires_at > now()") == ["0"]
        assert psql(pg, "public", "SELECT count(*) FROM runners") == ["0"], "stopped runners forget themselves"

        for channel, ranges in windows.items():
            truth = set(sandbox.truth_ids("@" + channel))
            expected = sorted(i for i in truth if any(low <= i <= high for low, high in ranges))
            archived = [int(i) for i in psql(pg, "public", f"""
                SELECT m.id FROM messages m JOIN channels c ON c.id = m.channel_id
                WHERE lower(c.username) = '{channel}' AND m.kind != 'empty' AND m.deleted_at IS NULL ORDER BY m.id""")]
            archived = [i for i in archived if any(low <= i <= high for low, high in ranges)]
            assert archived == expected, (f"{channel}: lost {sorted(set(expected) - set(archived))[:10]}, "
                                          f"extra {sorted(set(archived) - set(expected))[:10]}")
        assert psql(pg, "public", "SELECT count(*) = count(DISTINCT (channel_id, id)) FROM messages") == ["t"]
        assert int(psql(pg, "public", "SELECT count(*) FROM runs WHERE status = 'interrupted'")[0]) >= 2, \
            "runners were killed while they worked"
        assert int(psql(pg, "public", "SELECT count(DISTINCT job) FROM checkpoints")[0]) == job_count

        overlaps, seen = session_overlaps(session_log)
        assert seen >= len(accounts), "the session log saw the accounts used"
        assert overlaps == [], "\n".join(overlaps[:10])
        devices = {json.loads(line).get("device") for line in session_log.read_text().splitlines()} - {None}
        assert {"tgcron runner r1", "tgcron runner r2", "tgcron runner r3"} & devices, devices
    finally:
        for process in runners.values():
            if process.poll() is None:
                process.kill()
                process.wait()
        sandbox.stop()
        psql(url, "public", f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")


def test_the_session_log_check_finds_two_runners_on_one_account(tmp_path):
    """The checker above can fail: two runners' connections open on one user at once are an overlap; the same
    runner's several connections, or another user's, are not."""
    log = tmp_path / "sessions.jsonl"
    events = [
        {"event": "authorized", "t": 1.0, "dc": 2, "conn": 1, "user": 7, "device": "tgcron runner r1"},
        {"event": "authorized", "t": 1.1, "dc": 1, "conn": 1, "user": 7, "device": "tgcron runner r1"},
        {"event": "authorized", "t": 1.2, "dc": 2, "conn": 2, "user": 8, "device": "tgcron runner r2"},
        {"event": "closed", "t": 2.0, "dc": 2, "conn": 1},
        {"event": "authorized", "t": 2.1, "dc": 2, "conn": 3, "user": 7, "device": "tgcron runner r2"},
    ]
    log.write_text("".join(json.dumps(event) + "\n" for event in events))
    overlaps, seen = session_overlaps(log)
    assert seen == 4
    assert len(overlaps) == 1 and "user 7: tgcron runner r2" in overlaps[0], overlaps
    log.write_text("".join(json.dumps(event) + "\n" for event in events[:3] + [events[3],
                   {"event": "closed", "t": 2.05, "dc": 1, "conn": 1}, events[4]]))
    assert session_overlaps(log) == ([], 4)
