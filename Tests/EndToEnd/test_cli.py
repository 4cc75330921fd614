"""The `tgcron` binary as ops run it, against `tgcron sandbox serve` over loopback."""

import csv
import fcntl
import json
import os
import random
import signal
import subprocess
import time

from conftest import API_HASH, Account, binary


def events(stderr: str) -> list[dict]:
    """The JSON log lines of a run."""
    return [json.loads(line) for line in stderr.splitlines() if line.startswith("{")]


def test_login_then_backfill_archives_exactly_the_servers_messages(account, sandbox):
    account.login()
    result = account.run("backfill", "@sandbox_news", check=0)
    assert [e["message"] for e in events(result.stderr)][-1] == "run completed"
    assert account.archived_ids("sandbox_news") == sandbox.truth_ids("@sandbox_news")
    assert oct(os.stat(account.db).st_mode & 0o777) == "0o600"


def test_a_second_backfill_resolves_nothing_and_stores_nothing_new(account, sandbox):
    account.login()
    account.run("backfill", "@sandbox_news", check=0)
    before = account.query("SELECT COUNT(*) FROM audit_log WHERE method = 'contacts.resolveUsername'")[0][0]
    result = account.run("backfill", "t.me/sandbox_news", check=0)
    after = account.query("SELECT COUNT(*) FROM audit_log WHERE method = 'contacts.resolveUsername'")[0][0]
    assert before == 1 and after == 1
    assert [e["new"] for e in events(result.stderr) if e["message"] == "run completed"] == [0]


def test_wrong_login_code_is_a_clear_failure(account):
    result = account.run("login", "--code", "11111")
    assert result.returncode == 1
    assert "login code is wrong or expired" in result.stderr


def test_login_with_2fa_from_the_environment_and_phone_migrate(tmp_path, sandbox):
    bob = Account(tmp_path / "bob", sandbox, phone="9996625678", extra_env={"TELEGRAM_CLIENT_2FA_PASSWORD": "sandbox-2fa"})
    bob.run("login", "--code", "22222", check=0)
    carol = Account(tmp_path / "carol", sandbox, phone="9996611111")
    code = next(a["code"] for a in sandbox.manifest["world"]["accounts"] if a["phone"] == "9996611111")
    result = carol.run("login", "--code", code, check=0)
    assert "on DC 1" in result.stdout
    carol.run("backfill", "@sandbox_news", "--limit", "100", check=0)


def test_the_code_can_come_on_standard_input(account):
    result = account.run("login", input="22222\n", check=0)
    assert "logged in as Alice" in result.stdout


def test_an_exported_session_logs_a_fresh_archive_in_without_a_new_login(tmp_path, account, sandbox):
    account.login()
    session = account.run("session", "export", check=0).stdout.strip()
    assert len(session) > 100
    fresh = Account(tmp_path / "fresh", sandbox)
    fresh.run("session", "import", input=session + "\n", check=0)
    fresh.run("backfill", "@sandbox_news", "--limit", "50", check=0)
    assert fresh.query("SELECT COUNT(*) FROM audit_log WHERE method LIKE 'auth.%'")[0][0] == 0
    other = Account(tmp_path / "env", sandbox, extra_env={"TELEGRAM_CLIENT_SESSION_STRING": session})
    other.run("backfill", "@sandbox_news", "--limit", "50", check=0)


def test_secrets_never_appear_in_logs_or_output(tmp_path, sandbox):
    bob = Account(tmp_path / "bob", sandbox, phone="9996625678", extra_env={"TELEGRAM_CLIENT_2FA_PASSWORD": "sandbox-2fa"})
    outputs = []
    for args in (["login", "--code", "22222"], ["backfill", "@sandbox_news", "--limit", "300"], ["status"]):
        result = bob.run(*args, "--log-level", "trace", check=0)
        outputs += [result.stdout, result.stderr]
    session = bob.run("session", "export", check=0).stdout.strip()
    keys = [row[0].hex() for row in bob.query("SELECT auth_key FROM auth_keys")]
    text = "\n".join(outputs)
    assert len(text) > 1000, "trace logging produced output"
    for secret in ["9996625678", "22222", "sandbox-2fa", API_HASH, session, *keys, *(k[:32] for k in keys)]:
        assert secret not in text, f"a secret appeared in the output ({len(secret)} characters)"


def test_invalid_job_files_exit_78_before_touching_anything(account, tmp_path):
    jobs = tmp_path / "jobs.yaml"
    jobs.write_text("jobs:\n  - name: x\n    channel: '@sandbox_news'\n    schedule: '61 * * * *'\n")
    result = account.run("run", "--jobs", str(jobs))
    assert result.returncode == 78
    assert f"{jobs}:4:" in result.stderr
    assert not account.db.exists()


def test_a_held_account_lock_exits_75_naming_the_holder(account, tmp_path):
    account.login()
    jobs = tmp_path / "jobs.yaml"
    jobs.write_text("jobs:\n  - name: news\n    channel: '@sandbox_news'\n    schedule: '@hourly'\n")
    with open(f"{account.db}.lock", "a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        lock.seek(0)
        lock.truncate()
        lock.write("pid 4242 (tgcron run) since then\n")
        lock.flush()
        result = account.run("run", "--jobs", str(jobs))
    assert result.returncode == 75
    assert "pid 4242 (tgcron run)" in result.stderr
    assert account.run("run", "--jobs", str(jobs)).returncode == 0


def test_run_executes_due_jobs_once_and_status_reports_them(account, tmp_path, sandbox):
    account.login()
    jobs = tmp_path / "jobs.yaml"
    jobs.write_text(
        "defaults:\n  schedule: '@daily'\njobs:\n"
        "  - name: news\n    channel: '@sandbox_news'\n"
        "  - name: interop\n    channel: '@sandbox_interop'\n    limits:\n      messages: 1000\n")
    assert account.run("run", "--jobs", str(jobs), "--dry-run", check=0).stdout.count(": due") == 2
    account.run("run", "--jobs", str(jobs), check=0)
    second = account.run("run", "--jobs", str(jobs), check=0)
    assert "nothing is due" in second.stderr
    status = json.loads(account.run("status", "--jobs", str(jobs), "--json", check=0).stdout)
    rows = {row["job"]: row for row in status["rows"]}
    assert rows["news"]["archived"] == len(sandbox.truth_ids("@sandbox_news"))
    assert rows["news"]["last_run_status"] == "succeeded"
    assert rows["interop"]["archived"] == 1000
    assert rows["interop"]["deferral_reason"] == "stopped at the messages (1000) limit"
    assert "next_due" in rows["news"]
    table = account.run("status", "--jobs", str(jobs), check=0).stdout
    assert "@sandbox_news" in table and "ARCHIVED" in table


def test_exports_stream_every_format(account, tmp_path, sandbox):
    account.login()
    account.run("backfill", "@sandbox_news", check=0)
    truth = sandbox.truth_ids("@sandbox_news")
    lines = account.run("export", "--channel", "@sandbox_news", check=0).stdout.splitlines()
    assert len(lines) == len(truth)
    assert json.loads(lines[0])["id"] == truth[0]
    csv_path = tmp_path / "out.csv"
    account.run("export", "--format", "csv", "--out", str(csv_path), check=0)
    with open(csv_path, newline="") as table:
        rows = list(csv.reader(table))
    assert len(rows) == len(truth) + 1 and rows[0][:2] == ["channel", "id"]
    desktop = json.loads(account.run("export", "--channel", "@sandbox_news", "--format", "desktop-json", check=0).stdout)
    assert len(desktop["messages"]) == len(truth)
    assert account.run("export", "--format", "desktop-json").returncode != 0


def test_search_and_sql_answer_from_the_archive_read_only(account, sandbox):
    account.login()
    account.run("backfill", "@sandbox_news", check=0)
    texts = account.query("SELECT id, text FROM messages WHERE text LIKE '%garden%'")
    assert texts, "the sandbox's texts use the word"
    found = json.loads(account.run("search", "garden", "--channel", "@sandbox_news", "--limit", "1000",
                                   "--format", "json", check=0).stdout)
    assert sorted(hit["id"] for hit in found) == sorted(row[0] for row in texts)
    assert all("**garden**" in hit["snippet"].lower() for hit in found)
    assert json.loads(account.run("search", "garden", "--limit", "2", "--format", "json", check=0).stdout)[1]["date"]
    mime = json.loads(account.run(
        "sql", "SELECT COUNT(*) AS n FROM messages WHERE json_extract(tl_json(raw), '$.media.document.mime_type') = media_mime",
        "--format", "json", check=0).stdout)
    documents = account.query("SELECT COUNT(*) FROM messages WHERE media_kind = 'messageMediaDocument' AND media_mime IS NOT NULL")
    assert mime == [{"n": documents[0][0]}]
    before = account.query("SELECT COUNT(*) FROM messages")[0][0]
    refused = account.run("sql", "DELETE FROM messages")
    assert refused.returncode == 1 and "only statements that read" in refused.stderr
    assert account.query("SELECT COUNT(*) FROM messages")[0][0] == before
    bad = account.run("search", '"unclosed')
    assert bad.returncode == 1 and "FTS5 syntax" in bad.stderr


def test_sigkill_at_random_moments_loses_and_duplicates_nothing(account, sandbox):
    """Backfills killed with SIGKILL at random moments, then resumed, end with exactly the server's set."""
    account.login()
    rng = random.Random(20261124)
    command = [binary(), "backfill", *account.flags(), "@sandbox_interop"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_CLIENT_")}
    kills = 0
    while kills < int(os.environ.get("TGCRON_KILL_TRIALS", "8")):
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        time.sleep(rng.uniform(0.2, 1.5))
        if process.poll() is not None:
            break
        process.send_signal(signal.SIGKILL)
        process.wait()
        kills += 1
    assert kills >= 3, "the backfill finished before it could be killed often enough"
    account.run("backfill", "@sandbox_interop", check=0)
    truth = sandbox.truth_ids("@sandbox_interop")
    archived = account.archived_ids("sandbox_interop")
    assert archived == truth
    interrupted = account.query("SELECT COUNT(*) FROM runs WHERE status = 'interrupted'")[0][0]
    assert 1 <= interrupted <= kills
    # Messages fetched more than once: at most the one uncommitted page per kill (and one short final page).
    fetched = account.query("SELECT COALESCE(SUM(count), 0) FROM audit_log WHERE method = 'messages.getHistory'")[0][0]
    assert fetched - len(truth) <= 100 * (kills + 1)


def test_daemon_stops_within_ten_seconds_of_sigterm(account, tmp_path):
    account.login()
    jobs = tmp_path / "jobs.yaml"
    jobs.write_text("jobs:\n  - name: interop\n    channel: '@sandbox_interop'\n    schedule: '@hourly'\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_CLIENT_")}
    process = subprocess.Popen([binary(), "daemon", *account.flags(), "--jobs", str(jobs)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    time.sleep(2)
    started = time.monotonic()
    process.send_signal(signal.SIGTERM)
    out, err = process.communicate(timeout=15)
    assert process.returncode == 0, err
    assert time.monotonic() - started < 10
    assert "daemon stopped" in err
    statuses = account.query("SELECT status FROM runs")
    assert statuses and all(status != "running" for (status,) in statuses)


def test_daemon_watch_mode_archives_posts_between_runs(tmp_path, make_sandbox):
    """With --watch, new posts arrive through the update stream while the job is not due."""
    sandbox = make_sandbox("running", speed="600")  # ten simulated minutes per second: about 5 posts a second on @sandbox_big
    account = Account(tmp_path / "alice", sandbox)
    account.login()
    jobs = tmp_path / "jobs.yaml"
    jobs.write_text("jobs:\n  - name: big\n    channel: '@sandbox_big'\n    schedule: '@daily'\n    window:\n      since: 2026-01-02\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_CLIENT_")}
    process = subprocess.Popen([binary(), "daemon", *account.flags(), "--jobs", str(jobs), "--watch", "1s"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    deadline = time.monotonic() + 120
    watched = 0
    while time.monotonic() < deadline and watched == 0:
        time.sleep(1)
        if account.db.exists():
            watched = account.query("SELECT COUNT(*) FROM watch_state")[0][0]
    time.sleep(4)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=20)
    assert process.returncode == 0, err
    assert watched == 1, err
    arrivals = [e for e in events(err) if e["message"] == "watch: updates archived"]
    assert arrivals and sum(int(e["new"]) for e in arrivals) > 0, err
    runs = account.query("SELECT COUNT(*) FROM runs")[0][0]
    assert runs == 1, "one scheduled run; everything after it came through watch mode"
    # Everything the server held when the daemon stopped, up to the newest archived id, is archived.
    archived = set(account.archived_ids("sandbox_big")) | set(account.query_deleted("sandbox_big"))
    tail = account.query("SELECT tail FROM checkpoints")[0][0]
    truth = {i for i in sandbox.truth_ids("@sandbox_big") if tail <= i <= max(archived)}
    assert truth <= archived, sorted(truth - archived)[:10]
