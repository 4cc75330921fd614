"""Several accounts in one archive (issue #19): `accounts:` in the settings, `account:` in a job, each
account's own secrets, login, session, lock and governor state; `run` runs every account's jobs at once."""

import json

from conftest import Account

CAROL = "9996611111"  # the sandbox's Carol: home DC 1, login code 11111

JOBS = """jobs:
  - name: news-default
    channel: '@sandbox_news'
    schedule: '@daily'
  - name: talk-carol
    channel: '@sandbox_talk'
    schedule: '@daily'
    account: carol
"""


def two_accounts(tmp_path, sandbox) -> Account:
    account = Account(tmp_path / "two", sandbox, settings_extra="accounts:\n  - name: carol\n",
                      extra_env={"TELEGRAM_CLIENT_PHONE_CAROL": CAROL, "TELEGRAM_CLIENT_2FA_PASSWORD_CAROL": "unused-pass"})
    (account.root / "jobs.yaml").write_text(JOBS)
    return account


def test_each_account_logs_in_and_runs_its_own_jobs_at_once(tmp_path, sandbox):
    account = two_accounts(tmp_path, sandbox)
    account.login()
    account.run("login", "--account", "carol", "--code", "11111", check=0)
    result = account.run("run", "--all", "--jobs", str(account.root / "jobs.yaml"), check=0)
    assert account.archived_ids("sandbox_news") == sandbox.truth_ids("@sandbox_news")
    assert account.archived_ids("sandbox_talk") == sandbox.truth_ids("@sandbox_talk")
    sessions = dict(account.query("SELECT name, user_id FROM sessions"))
    assert set(sessions) == {"default", "carol"}
    assert sessions["default"] != sessions["carol"], "each account is its own Telegram user"
    # Each account's calls went through its own governor: both have a state, neither shares the other's.
    governed = dict(account.query("SELECT account, version FROM governor_state"))
    assert set(governed) == {"default", "carol"} and all(version > 0 for version in governed.values())
    assert (account.root / "archive.sqlite.lock").exists() and (account.root / "archive.sqlite.carol.lock").exists()
    assert result.returncode == 0
    jobs = ["--jobs", str(account.root / "jobs.yaml")]
    status = account.run("status", *jobs, check=0).stdout
    assert "ACCOUNT" in status and "carol" in status and "default" in status
    for name, user in sessions.items():
        row = next(line for line in status.splitlines() if line.startswith(name + " "))
        assert f"user {user}" in row, status
    report = json.loads(account.run("status", "--json", *jobs, check=0).stdout)
    assert {entry["name"]: (entry["jobs"], entry["user_id"]) for entry in report["accounts"]} == \
        {"default": (1, sessions["default"]), "carol": (1, sessions["carol"])}


def test_an_undeclared_account_is_refused_at_its_line_and_nothing_is_touched(tmp_path, sandbox):
    account = two_accounts(tmp_path, sandbox)
    jobs = account.root / "bad.yaml"
    jobs.write_text(JOBS.replace("account: carol", "account: carl"))
    result = account.run("run", "--all", "--jobs", str(jobs), check=78)
    assert f"{jobs}:8:14: job 'talk-carol': 'account' names 'carl'" in result.stderr + result.stdout
    assert "did you mean 'carol'" in result.stderr + result.stdout
    assert not account.db.exists()
    result = account.run("login", "--account", "dave", "--code", "11111")
    assert result.returncode != 0 and "--account dave" in result.stderr


def test_a_named_accounts_secrets_never_appear_and_a_missing_one_names_its_variable(tmp_path, sandbox):
    account = two_accounts(tmp_path, sandbox)
    account.login()
    result = account.run("login", "--account", "carol", "--code", "11111", check=0)
    assert CAROL not in result.stdout + result.stderr
    # A bad value of the account's own is named by its variable, never shown, and nothing is touched.
    broken = Account(tmp_path / "broken", sandbox, settings_extra="accounts:\n  - name: carol\n",
                     extra_env={"TELEGRAM_CLIENT_API_HASH_CAROL": "secret-but-short"})
    (broken.root / "jobs.yaml").write_text(JOBS)
    result = broken.run("run", "--all", "--jobs", str(broken.root / "jobs.yaml"), check=78)
    assert "TELEGRAM_CLIENT_API_HASH_CAROL must be 32 hexadecimal characters" in result.stderr
    assert "secret-but-short" not in result.stdout + result.stderr
    assert not broken.db.exists()
