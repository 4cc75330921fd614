"""When Telegram says no for good (issue 21): a banned account or revoked session stops every job at once
with exit 77 and an alert until a new login; a channel that went private or vanished fails its job once,
alerted once, while the others go on; a renamed channel is followed by id. The sandbox models each as a
world event ten simulated minutes after its start, on a clock running 60 times real time."""

import json
import time

import pytest

from conftest import Account

EVENT_AT = "2026-01-02T00:10:00Z"  # ORIGIN + 10 simulated minutes: 10 s of real time at --speed 60
JOBS = ("jobs:\n"
        "  - name: news\n    channel: '@sandbox_news'\n    schedule: '@hourly'\n    limits:\n      messages: 30\n"
        "  - name: big\n    channel: '@sandbox_big'\n    schedule: '@hourly'\n    limits:\n      messages: 30\n")


def after_event(server):
    """Waits until the sandbox's simulated clock has passed EVENT_AT."""
    remaining = server.started + 12 - time.monotonic()
    if remaining > 0:
        time.sleep(remaining)


def setup(tmp_path, make_sandbox, webhook, event, client_extra=""):
    server = make_sandbox("events", speed="60", events=[event])
    textfile = tmp_path / "tgcron.prom"
    account = Account(tmp_path / "alice", server, settings_extra=client_extra + (
        f"notifications:\n  webhook_url: {webhook.url}\nmetrics:\n  textfile: {textfile}\n"))
    jobs = tmp_path / "jobs.yaml"
    jobs.write_text(JOBS)
    account.login()
    account.run("run", "--jobs", str(jobs), "--all", check=0)
    after_event(server)
    return server, account, jobs, textfile


def requests(account):
    return account.query("SELECT count(*) FROM audit_log")[0][0]


@pytest.mark.parametrize("kind,error", [("ban", "USER_DEACTIVATED_BAN"), ("revoke", "SESSION_REVOKED")])
def test_a_refused_account_stops_every_job_exits_77_alerts_and_refuses_later_runs(
        tmp_path, make_sandbox, webhook, kind, error):
    server, account, jobs, textfile = setup(tmp_path, make_sandbox, webhook, f"{kind}:9996621234@{EVENT_AT}")
    before = requests(account)

    result = account.run("run", "--jobs", str(jobs), "--all")

    assert result.returncode == 77, result.stderr
    assert error in result.stderr and "tgcron login" in result.stderr
    assert requests(account) - before == 1, "one refused call, then no job of the account calls again"
    latest = account.query("SELECT job, status, error FROM runs ORDER BY id DESC LIMIT 2")
    assert {job for job, _, _ in latest} == {"news", "big"}
    assert all(status == "failed" and error in message for _, status, message in latest)
    assert len(webhook.events("account_refused")) == 1
    assert "tgcron_account_login_needed 1" in textfile.read_text()
    assert "login needed" in account.run("status", check=0).stdout
    assert account.run("export", check=0).stdout.count("\n") > 0
    started = time.monotonic()
    again = account.run("run", "--jobs", str(jobs), "--all")
    assert again.returncode == 77 and time.monotonic() - started < 10
    assert requests(account) - before == 1
    if kind == "revoke":
        account.run("login", "--code", "22222", "--force", check=0)
        assert account.run("run", "--jobs", str(jobs), "--all").returncode in (0, 75)
        assert "login needed" not in account.run("status", check=0).stdout


@pytest.mark.parametrize("kind,phrase", [("private", "CHANNEL_PRIVATE"), ("delete", "CHANNEL_INVALID after refreshing")])
def test_a_vanished_channel_fails_its_job_once_alerted_once_and_the_others_go_on(
        tmp_path, make_sandbox, webhook, kind, phrase):
    # After a refused access hash the username is resolved once more; the governor's few resolutions an
    # hour would defer that by minutes, so it is off here.
    server, account, jobs, _ = setup(tmp_path, make_sandbox, webhook, f"{kind}:sandbox_news@{EVENT_AT}",
                                     client_extra="  rate_governor: false\n")
    archived = account.query("SELECT count(*) FROM messages m JOIN channels c ON c.id = m.channel_id "
                             "WHERE c.username = 'sandbox_news'")[0][0]

    first = account.run("run", "--jobs", str(jobs), "--all")
    second = account.run("run", "--jobs", str(jobs), "--all")

    assert first.returncode == 1 and second.returncode == 1, first.stderr
    assert phrase in first.stderr
    news = account.query("SELECT status, error FROM runs WHERE job = 'news' ORDER BY id DESC LIMIT 2")
    big = account.query("SELECT status FROM runs WHERE job = 'big' ORDER BY id DESC LIMIT 2")
    assert [status for status, _ in news] == ["failed", "failed"]
    assert all(status == "succeeded" for (status,) in big)
    assert len([body for body in webhook.events("job_failed") if "news" in json.dumps(body)]) == 1
    assert account.query("SELECT count(*) FROM messages m JOIN channels c ON c.id = m.channel_id "
                         "WHERE c.id IN (SELECT channel_id FROM checkpoints WHERE job = 'news')")[0][0] == archived


def test_a_renamed_channel_is_followed_by_id_and_its_new_username_recorded(tmp_path, make_sandbox, webhook):
    server, account, jobs, _ = setup(tmp_path, make_sandbox, webhook, f"rename:sandbox_news:sandbox_daily@{EVENT_AT}")

    result = account.run("run", "--jobs", str(jobs), "--job", "news")

    assert result.returncode == 0, result.stderr
    assert "is now @sandbox_daily" in result.stderr
    assert account.query("SELECT username FROM channels WHERE id IN "
                         "(SELECT channel_id FROM checkpoints WHERE job = 'news')") == [("sandbox_daily",)]
