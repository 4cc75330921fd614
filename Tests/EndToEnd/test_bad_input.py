"""A corpus of bad input (job files, settings, .env secrets, session strings, command lines): each gets a
clear error, its exit code (78 for configuration, 64 for usage, 1 for a refused operation) and leaves
the archive as it was: absent if it was absent, byte for byte the same if it existed."""

import hashlib
import sqlite3
import subprocess

import pytest

from conftest import Account, binary

GOOD_JOB = "jobs:\n  - name: news\n    channel: '@sandbox_news'\n    schedule: '@hourly'\n"

# (case id, job file text, a phrase the error must contain)
BAD_JOB_FILES = [
    ("misspelt-key", "jobs:\n  - name: news\n    channel: '@sandbox_news'\n    shedule: '@hourly'\n", "did you mean 'schedule'"),
    ("cron-out-of-range", "jobs:\n  - name: news\n    channel: '@sandbox_news'\n    schedule: '61 * * * *'\n", ":4:"),
    ("missing-channel", "jobs:\n  - name: news\n    schedule: '@hourly'\n", "channel"),
    ("duplicate-names", GOOD_JOB + "  - name: news\n    channel: '@sandbox_big'\n    schedule: '@daily'\n", "news"),
    ("invite-link", "jobs:\n  - name: news\n    channel: 'https://t.me/+AbCdEf'\n    schedule: '@hourly'\n", "channel"),
    ("broken-yaml", "jobs:\n  - name: [news\n    channel: '@sandbox_news'\n", "jobs.yaml:"),
    ("tab-indent", "jobs:\n\t- name: news\n", "jobs.yaml:"),
    ("not-a-mapping", "- just\n- a list\n", "jobs.yaml:"),
    ("bad-duration", "jobs:\n  - name: news\n    channel: '@sandbox_news'\n    schedule: '@hourly'\n"
                     "    limits:\n      duration: 3 months\n", "duration"),
    ("binary-garbage", "\x00\x01\x02\xff\xfe jobs", "jobs.yaml"),
]

# (case id, (line in the working settings, its replacement), a phrase the error must contain)
BAD_SETTINGS = [
    ("unknown-key", ("  dc: 2\n", "  dc: 2\n  flood_wait_maximum: 10s\n"), "flood_wait_max"),
    ("delays-reversed", ("  human_delay_min: 0s\n", "  human_delay_min: 5s\n"), "human_delay_max"),
    ("server-without-port", ("  server: 127.0.0.1:", "  server: localhost\n  #"), "host:port"),
    ("negative-flood-wait", ("  dc: 2\n", "  dc: 2\n  flood_wait_max: -1s\n"), "flood_wait_max"),
    ("warmup-cap-below-day1", ("  dc: 2\n", "  dc: 2\n  warmup:\n    day1: 100\n    cap: 10\n"), "cap"),
    ("dc-zero", ("  dc: 2\n", "  dc: 0\n"), "dc"),
    ("not-yaml", ("telegram_client:\n", "telegram_client: [\n"), "settings.yaml:"),
]

# Secrets with the wrong shape: a configuration problem like any other (78, EX_CONFIG).
BAD_ENV = [
    pytest.param({"TELEGRAM_CLIENT_API_HASH": "0123"}, "API_HASH", id="short-api-hash"),
    pytest.param({"TELEGRAM_CLIENT_API_ID": "one"}, "API_ID", id="api-id-not-a-number"),
]

# (case id, arguments, expected exit code)
BAD_COMMAND_LINES = [
    ("unknown-command", ["archive-everything"], 64),
    ("backfill-without-channel", ["backfill"], 64),
    # Values ArgumentParser accepts and the command then refuses exit 1 (a failure), not 64.
    ("backfill-bad-since", ["backfill", "@sandbox_news", "--since", "yesterdayish"], 1),
    ("backfill-bad-limit", ["backfill", "@sandbox_news", "--limit", "-5"], 64),
    ("backfill-limit-not-a-number", ["backfill", "@sandbox_news", "--limit", "many"], 64),
    ("backfill-invite-link", ["backfill", "https://t.me/+AbCdEf"], 64),
    ("unknown-log-format", ["status", "--log-format", "xml"], 64),
    ("unknown-option", ["status", "--colour"], 64),
]

BAD_SESSIONS = [
    ("garbage", "definitely not a session"),
    ("empty", ""),
    ("base64-of-nothing", "AAAA"),
]


def fingerprint(account: Account) -> str | None:
    """SHA-256 of the archive and its WAL, or None when there is no archive."""
    if not account.db.exists():
        return None
    digest = hashlib.sha256()
    for path in (account.db, account.db.with_name(account.db.name + "-wal")):
        if path.exists():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.strip()]


def assert_refused(result, code: int, phrase: str = ""):
    assert result.returncode == code, f"exit {result.returncode}, expected {code}:\n{result.stderr}"
    lines = error_lines(result.stderr)
    assert lines, "no error message"
    # `validate` lists the problems on standard output; every other command reports on standard error.
    output = result.stdout + result.stderr
    assert phrase.lower() in output.lower(), f"{phrase!r} not in:\n{output}"
    assert "Traceback" not in result.stderr and "Fatal error" not in result.stderr


@pytest.fixture
def logged_in(account):
    account.login()
    return account


@pytest.mark.parametrize("case,text,phrase", BAD_JOB_FILES, ids=[c[0] for c in BAD_JOB_FILES])
def test_bad_job_files_exit_78_with_a_located_error_and_touch_nothing(logged_in, tmp_path, case, text, phrase):
    jobs = tmp_path / "jobs.yaml"
    jobs.write_text(text)
    before = fingerprint(logged_in)
    for command in (["run", "--jobs", str(jobs), "--all"], ["validate", str(jobs)]):
        if command[0] == "validate":
            result = subprocess.run([binary(), *command], capture_output=True, text=True, timeout=60)
        else:
            result = logged_in.run(*command)
        assert_refused(result, 78, phrase)
    assert fingerprint(logged_in) == before


@pytest.mark.parametrize("case,edit,phrase", BAD_SETTINGS, ids=[c[0] for c in BAD_SETTINGS])
def test_bad_settings_exit_78_and_create_no_archive(tmp_path, sandbox, case, edit, phrase):
    account = Account(tmp_path / "alice", sandbox)
    text = account.settings.read_text()
    assert edit[0] in text
    account.settings.write_text(text.replace(edit[0], edit[1], 1))
    result = account.run("backfill", "@sandbox_news")
    assert_refused(result, 78, phrase)
    assert "settings.yaml:" in result.stderr
    assert not account.db.exists()


@pytest.mark.parametrize("env,phrase", BAD_ENV)
def test_bad_secrets_exit_78_and_create_no_archive(tmp_path, sandbox, env, phrase):
    account = Account(tmp_path / "alice", sandbox, extra_env=env)
    result = account.run("backfill", "@sandbox_news")
    assert_refused(result, 78, phrase)
    assert not account.db.exists()


def test_a_missing_settings_file_exits_78(account):
    account.settings.unlink()
    assert_refused(account.run("status"), 78, str(account.settings))
    assert not account.db.exists()


@pytest.mark.parametrize("case,args,code", BAD_COMMAND_LINES, ids=[c[0] for c in BAD_COMMAND_LINES])
def test_bad_command_lines_are_usage_errors_that_touch_nothing(logged_in, case, args, code):
    before = fingerprint(logged_in)
    result = logged_in.run(*args)
    assert_refused(result, code)
    assert len(error_lines(result.stderr)) <= 3 or "Usage:" in result.stderr
    assert fingerprint(logged_in) == before


def content(account: Account) -> list[str]:
    """The archive's rows and schema as SQL text."""
    with sqlite3.connect(f"file:{account.db}?mode=ro", uri=True) as db:
        return list(db.iterdump())


@pytest.mark.parametrize("case,text", BAD_SESSIONS, ids=[c[0] for c in BAD_SESSIONS])
def test_bad_session_strings_are_refused_and_keep_the_session(logged_in, case, text):
    # The refused import leaves every row as it was, but not every byte: the file's header changes (schema
    # cookie +2, one free page), so this compares the content, not a checksum of the file.
    before = content(logged_in)
    result = logged_in.run("session", "import", "--force", input=text + "\n")
    assert_refused(result, 1, "session")
    assert content(logged_in) == before
    logged_in.run("backfill", "@sandbox_news", "--limit", "10", check=0)


@pytest.mark.parametrize("case,text", BAD_SESSIONS, ids=[c[0] for c in BAD_SESSIONS])
def test_bad_session_strings_into_a_fresh_archive_are_refused(account, case, text):
    result = account.run("session", "import", input=text + "\n")
    assert_refused(result, 1, "session")


def test_a_refused_session_import_creates_no_archive(account):
    assert account.run("session", "import", input="garbage\n").returncode == 1
    assert not account.db.exists()
