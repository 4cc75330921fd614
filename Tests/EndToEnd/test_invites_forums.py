"""Private chats by invite link and forum supergroups (issue #18): a private channel is joined once, ever,
then archived like any other; an expired link fails its run clearly; a join request awaiting approval defers
runs without asking again; a forum's messages keep their topics. Joins are counted from the sandbox's own
request log (one `invite: METHOD: OUTCOME` line per invite call), not from tgcron's audit."""

import json
import subprocess

from conftest import Account, binary

PRIVATE_HASH = "SbxPrivateJoin01"  # the built-in world's private channel (WorldSpec+Default.swift)
EXPIRED_HASH = "SbxExpiredLink02"
APPROVAL_HASH = "SbxApprovalLnk03"


def jobs_file(tmp_path, name, channel):
    path = tmp_path / f"{name}.yaml"
    path.write_text(f"jobs:\n  - name: {name}\n    channel: '{channel}'\n    schedule: '@hourly'\n")
    return path


def invite_calls(server, method, outcome=None):
    """The sandbox's log lines for `messages.METHOD` calls, optionally only those that ended in `outcome`."""
    log = (server.data.parent / f"{server.data.name}.log").read_text()
    prefix = f"invite: messages.{method}: "
    return [line for line in log.splitlines()
            if line.startswith(prefix) and (outcome is None or line[len(prefix):] == outcome)]


def test_a_private_channel_is_joined_once_by_invite_link_and_archived_exactly_across_two_runs(tmp_path, sandbox):
    account = Account(tmp_path / "alice", sandbox)
    account.login()
    jobs = jobs_file(tmp_path, "private", f"https://t.me/+{PRIVATE_HASH}")

    first = account.run("run", "--jobs", str(jobs), "--all", check=0)
    second = account.run("run", "--jobs", str(jobs), "--all", check=0)

    [(channel_id, state)] = account.query("SELECT channel_id, state FROM invite_links")
    assert state == "joined"
    archived = [row[0] for row in account.query(
        "SELECT id FROM messages WHERE channel_id = ? AND kind != 'empty' AND deleted_at IS NULL ORDER BY id", channel_id)]
    assert archived == sandbox.truth_ids(f"https://t.me/+{PRIVATE_HASH}") == sandbox.truth_ids("sandbox_private")
    assert len(invite_calls(sandbox, "importChatInvite")) == 1, "joined once, in the first run"
    assert len(invite_calls(sandbox, "checkChatInvite")) == 1, "the second run reads the remembered chat"
    assert 'joined \\"Sandbox Private\\"' in first.stderr, first.stderr
    # The hash grants access to the chat: it is in no log line and nowhere in the archive.
    for text in (first.stderr, second.stderr):
        assert PRIVATE_HASH not in text
    assert PRIVATE_HASH.encode() not in account.db.read_bytes()


def test_an_expired_invite_link_fails_its_run_clearly_and_joins_nothing(tmp_path, sandbox):
    account = Account(tmp_path / "alice", sandbox)
    account.login()
    jobs = jobs_file(tmp_path, "expired", f"t.me/joinchat/{EXPIRED_HASH}")

    result = account.run("run", "--jobs", str(jobs), "--all")

    assert result.returncode == 1, result.stderr
    assert "INVITE_HASH_EXPIRED" in result.stderr
    [(status, error)] = account.query("SELECT status, error FROM runs WHERE job = 'expired'")
    assert status == "failed" and "ask for a new link" in error
    assert invite_calls(sandbox, "importChatInvite") == []
    assert invite_calls(sandbox, "checkChatInvite", "INVITE_HASH_EXPIRED") != []


def test_a_join_request_awaiting_approval_defers_runs_and_is_sent_once(tmp_path, sandbox):
    account = Account(tmp_path / "alice", sandbox)
    account.login()
    jobs = jobs_file(tmp_path, "approval", f"https://t.me/+{APPROVAL_HASH}")

    first = account.run("run", "--jobs", str(jobs), "--all")
    second = account.run("run", "--jobs", str(jobs), "--all")

    assert first.returncode == 75 and second.returncode == 75, first.stderr
    assert "join request" in first.stderr and "awaits an admin's approval" in first.stderr
    statuses = account.query("SELECT status, deferral_reason FROM runs WHERE job = 'approval' ORDER BY id")
    assert [status for status, _ in statuses] == ["deferred", "deferred"]
    assert all("INVITE_REQUEST_SENT" in reason for _, reason in statuses)
    assert len(invite_calls(sandbox, "importChatInvite")) == 1
    assert len(invite_calls(sandbox, "importChatInvite", "INVITE_REQUEST_SENT")) == 1
    assert len(invite_calls(sandbox, "checkChatInvite")) == 2, "later runs only check whether it was approved"
    assert account.query("SELECT state, channel_id FROM invite_links") == [("requested", None)]


def test_a_forums_messages_keep_their_topics_in_the_archive_and_the_jsonl_export(tmp_path, sandbox):
    account = Account(tmp_path / "alice", sandbox)
    account.login()
    jobs = jobs_file(tmp_path, "forum", "@sandbox_forum")

    account.run("run", "--jobs", str(jobs), "--all", check=0)

    truth = {}
    out = subprocess.run([binary(), "sandbox", "truth", "sandbox_forum", "--data", str(sandbox.data)],
                         check=True, capture_output=True, text=True).stdout
    for line in out.splitlines():
        record = json.loads(line)
        truth[record["id"]] = record["topic_id"]
    archived = dict(account.query(
        "SELECT m.id, m.topic_id FROM messages m JOIN channels c ON c.id = m.channel_id WHERE c.username = 'sandbox_forum'"))
    assert archived == truth
    topics = account.query("SELECT t.topic_id, t.title FROM forum_topics t JOIN channels c ON c.id = t.channel_id "
                           "WHERE c.username = 'sandbox_forum' ORDER BY t.topic_id")
    assert topics[0] == (1, "General") and len(topics) == 6
    assert {topic for topic, _ in topics} == set(truth.values())

    export = account.run("export", "--channel", "@sandbox_forum", check=0).stdout
    lines = [json.loads(line) for line in export.splitlines() if line]
    assert {line["id"]: line["topic_id"] for line in lines} == truth
