"""The PostgreSQL archive end to end (issue #19): runs SIGKILLed at random moments harvest a sandbox channel
into PostgreSQL (archive.url) and end with exactly the window, 0 lost and 0 duplicated; a SQLite harvest
copied by `tgcron archive copy`, killed and resumed the same way, equals the truth. Needs TGCRON_TEST_PG_URL
and TGCRON_PG_PASSWORD (scripts/postgres-test-server.sh; .ci/run starts one); without them the tests skip,
except under CI=true, where they fail."""

import os
import random
import signal
import subprocess
import uuid

import pytest

from conftest import Account, binary

JOBS = ("jobs:\n  - name: window\n    channel: '@sandbox_interop'\n    schedule: '@hourly'\n"
        "    window:\n      max_id: 1500\n")


def postgres_url() -> str:
    url = os.environ.get("TGCRON_TEST_PG_URL", "")
    if not url:
        if os.environ.get("CI") == "true":
            pytest.fail("TGCRON_TEST_PG_URL is not set under CI=true: the PostgreSQL end-to-end tests must run")
        pytest.skip("TGCRON_TEST_PG_URL is not set: no PostgreSQL server to test against")
    return url


def psql(url: str, schema: str, sql: str) -> list[str]:
    """Runs `sql` in `schema` with psql (the password from TGCRON_PG_PASSWORD); returns the output lines."""
    env = dict(os.environ, PGPASSWORD=os.environ.get("TGCRON_PG_PASSWORD", ""), PGOPTIONS=f"-c search_path={schema}")
    out = subprocess.run(["psql", url, "-At", "-v", "ON_ERROR_STOP=1", "-c", sql], check=True, capture_output=True,
                         text=True, env=env, timeout=60).stdout
    return [line for line in out.splitlines() if line]


def kill_at_random_moments(command: list[str], seed: int, longest: float) -> int:
    """Starts `command` again and again, SIGKILLing it after a random moment up to `longest` seconds,
    until it was killed 4 times (or 30 starts); returns how often it was killed."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_CLIENT_")}
    rng = random.Random(seed)
    kills = attempts = 0
    while kills < 4 and attempts < 30:
        attempts += 1
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        try:
            process.wait(timeout=rng.uniform(0.2, longest))
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)
            process.wait()
            kills += 1
    return kills


@pytest.fixture
def pg_schema():
    url = postgres_url()
    schema = "e2e_" + uuid.uuid4().hex
    yield url, schema
    psql(url, "public", f"DROP SCHEMA IF EXISTS {schema} CASCADE")


def test_a_copy_killed_at_random_moments_resumes_into_exactly_the_harvest(tmp_path, sandbox, pg_schema):
    url, schema = pg_schema
    account = Account(tmp_path / "alice", sandbox)
    account.login()
    jobs = tmp_path / "jobs.yaml"
    jobs.write_text(JOBS)
    account.run("run", "--jobs", str(jobs), "--job", "window", check=0)
    window = [i for i in sandbox.truth_ids("@sandbox_interop") if i <= 1500]
    assert account.archived_ids("sandbox_interop") == window

    command = [binary(), "archive", "copy", *account.flags(), "--to", url, "--schema", schema, "--batch", "5"]
    assert kill_at_random_moments(command, seed=19, longest=0.8) >= 2, "the copy finished before it could be killed often enough"
    result = account.run("archive", "copy", "--to", url, "--schema", schema, "--batch", "5", check=0)
    assert "copy complete" in result.stdout
    assert "TGCRON_PG_PASSWORD" not in result.stderr and os.environ["TGCRON_PG_PASSWORD"] not in result.stdout + result.stderr

    copied = [int(i) for i in psql(url, schema, """
        SELECT m.id FROM messages m JOIN channels c ON c.id = m.channel_id
        WHERE lower(c.username) = 'sandbox_interop' AND m.kind != 'empty' AND m.deleted_at IS NULL ORDER BY m.id""")]
    assert copied == window
    for table in ("messages", "message_versions", "checkpoints", "runs", "changes", "sessions", "auth_keys", "peers"):
        sqlite_count = account.query(f"SELECT COUNT(*) FROM {table}")[0][0]
        assert int(psql(url, schema, f"SELECT count(*) FROM {table}")[0]) == sqlite_count, table
    sqlite_raw = account.query("SELECT SUM(length(raw)) FROM messages")[0][0]
    assert int(psql(url, schema, "SELECT sum(length(raw)) FROM messages")[0]) == sqlite_raw


def test_a_password_in_the_url_is_refused_without_being_repeated(tmp_path, sandbox):
    account = Account(tmp_path / "alice", sandbox)
    result = account.run("archive", "copy", "--to", "postgres://tgcron:s3cr3t-pw@127.0.0.1:1/x")
    assert result.returncode != 0
    assert "must not hold a password" in result.stderr
    assert "s3cr3t-pw" not in result.stdout + result.stderr


@pytest.fixture
def pg_database():
    """A database of its own on the test server (the role may create databases), dropped afterwards."""
    url = postgres_url()
    name = "e2e_" + uuid.uuid4().hex
    psql(url, "public", f"CREATE DATABASE {name}")
    yield url.rsplit("/", 1)[0] + "/" + name
    psql(url, "public", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def test_runs_killed_at_random_moments_harvest_into_postgres_exactly_the_window(tmp_path, sandbox, pg_database):
    account = Account(tmp_path / "alice", sandbox)
    account.settings.write_text(account.settings.read_text() + f"  url: {pg_database}\n")
    account.login()
    jobs = tmp_path / "jobs.yaml"
    jobs.write_text(JOBS)
    command = [binary(), "run", *account.flags(), "--jobs", str(jobs), "--job", "window"]
    assert kill_at_random_moments(command, seed=1919, longest=3.0) >= 2, "the runs finished before they could be killed often enough"
    result = account.run("run", "--jobs", str(jobs), "--job", "window", check=0)
    assert os.environ["TGCRON_PG_PASSWORD"] not in result.stdout + result.stderr

    window = [i for i in sandbox.truth_ids("@sandbox_interop") if i <= 1500]
    archived = [int(i) for i in psql(pg_database, "public", """
        SELECT m.id FROM messages m JOIN channels c ON c.id = m.channel_id
        WHERE lower(c.username) = 'sandbox_interop' AND m.kind != 'empty' AND m.deleted_at IS NULL ORDER BY m.id""")]
    assert archived == window, f"lost {sorted(set(window) - set(archived))[:10]}, extra {sorted(set(archived) - set(window))[:10]}"
    assert psql(pg_database, "public", "SELECT count(*) = count(DISTINCT (channel_id, id)) FROM messages") == ["t"]
    assert int(psql(pg_database, "public", "SELECT count(*) FROM checkpoints WHERE job = 'window'")[0]) == 1
    assert int(psql(pg_database, "public", "SELECT count(*) FROM runs WHERE status = 'interrupted'")[0]) >= 2
    assert int(psql(pg_database, "public", "SELECT count(*) FROM sessions")[0]) == 1, "the session lives in PostgreSQL"
    assert not account.db.exists(), "nothing was written to the SQLite archive"
