"""CI-sized fault runs: what real Telegram does to clients, injected by the sandbox. Every run completes
or defers (75); repeated runs end with exactly the server's messages. `make chaos` runs them on a
6,000-message channel (bench/chaos.py)."""

import os
import subprocess
import time

import pytest

from conftest import Account, binary

ATTEMPTS = 8


def runs_until_done(account: Account, *args: str, pause=1.0) -> list[int]:
    """Repeats `tgcron ARGS` until it exits 0 (at most ATTEMPTS times, `pause` s apart); returns the exits."""
    codes = []
    while len(codes) < ATTEMPTS and (not codes or codes[-1] != 0):
        if codes:
            time.sleep(pause)
        codes.append(account.run(*args).returncode)
    return codes


def finish(process: subprocess.Popen) -> tuple[int, str]:
    """Waits for `process`; returns its exit code and standard error."""
    _, err = process.communicate(timeout=300)
    return process.returncode, err


def login(account: Account):
    """Logs in, retrying: a fault may hit the login's own requests."""
    for _ in range(5):
        if account.run("login", "--code", "22222").returncode == 0:
            return
    pytest.fail("login failed five times")


@pytest.mark.parametrize("faults", ["drop=5", "salt=10s", "badtime=0.2", "busy=0.2"])
def test_backfills_under_injected_faults_complete_or_defer_and_end_equal_to_truth(tmp_path, make_sandbox, faults):
    sandbox = make_sandbox("faulty", faults=faults)
    account = Account(tmp_path / "alice", sandbox)
    login(account)
    codes = runs_until_done(account, "backfill", "@sandbox_news")
    assert set(codes) <= {0, 75}, f"exits {codes}"
    assert codes[-1] == 0
    assert account.archived_ids("sandbox_news") == sandbox.truth_ids("@sandbox_news")


def test_a_flood_wait_above_flood_wait_max_defers_and_a_later_run_finishes(tmp_path, make_sandbox):
    """Two archives of the same account page at once: together they overflow the sandbox's 30 pages per
    30 s, and the FLOOD_WAIT that follows is longer than flood_wait_max (2 s). The sandbox's flood windows
    run on its simulated clock, so the clock runs in real time here (a frozen one would never let go).
    flood_wait_max also bounds the governor's own token waits (about 1.04 s a page at its default rate), so
    it stays above them here: the deferral must come from the server's FLOOD_WAIT."""
    sandbox = make_sandbox("flood", flood="on", speed="1")
    jobs = tmp_path / "jobs.yaml"
    jobs.write_text("jobs:\n  - name: window\n    channel: '@sandbox_interop'\n    schedule: '@hourly'\n"
                    "    window:\n      max_id: 2200\n")
    accounts = [Account(tmp_path / name, sandbox, settings_extra="  flood_wait_max: 2s\n") for name in ("one", "two")]
    for account in accounts:
        login(account)
    env = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_CLIENT_")}
    both = [subprocess.Popen([binary(), "run", *a.flags(), "--jobs", str(jobs), "--job", "window"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env) for a in accounts]
    first = [finish(p) for p in both]
    assert {code for code, _ in first} <= {0, 75}, first
    assert 75 in {code for code, _ in first}, "neither run met a FLOOD_WAIT"
    assert any("exceeds flood_wait_max" in err for _, err in first), [err for _, err in first]
    window = [i for i in sandbox.truth_ids("@sandbox_interop") if i <= 2200]
    for account, (code, _) in zip(accounts, first):
        # With flood_wait_max at 2 s, later runs would also defer on the governor's own token waits (its rate
        # is halved after a FLOOD_WAIT, ~2 s a page); the follow-up runs use the default.
        account.settings.write_text(account.settings.read_text().replace("  flood_wait_max: 2s\n", ""))
        if code != 0:
            codes = runs_until_done(account, "run", "--jobs", str(jobs), "--job", "window", pause=5)
            assert set(codes) <= {0, 75} and codes[-1] == 0, f"exits {codes}"
        assert account.archived_ids("sandbox_interop") == window
