"""Comments (issue #18): @sandbox_talk with its discussion group archived by `backfill --comments`, killed
with SIGKILL at random moments, then finished: the group's ids, texts, senders and links to posts equal
`sandbox truth --comments`; a second run fetches only what is new; request counts are printed."""

import json
import os
import random
import signal
import subprocess

from conftest import Account, binary


def comment_truth(sandbox):
    out = subprocess.run([binary(), "sandbox", "truth", "@sandbox_talk", "--comments", "--data", str(sandbox.data)],
                         check=True, capture_output=True, text=True, timeout=300).stdout
    return [json.loads(line) for line in out.splitlines() if line]


def bot_api_id(record):
    return record["from_id"] if record["from_type"] == "user" else -1_000_000_000_000 - record["from_id"]


def archived_group(account):
    (group,) = account.query("SELECT discussion_id FROM channels WHERE lower(username) = 'sandbox_talk'")[0]
    rows = account.query("SELECT id, text, sender_id, comment_of, thread_id FROM messages "
                         "WHERE channel_id = ? AND kind != 'empty' AND deleted_at IS NULL ORDER BY id", group)
    return group, rows


def test_comments_survive_kills_and_equal_the_truth(tmp_path, sandbox):
    account = Account(tmp_path / "alice", sandbox)
    account.login()
    command = [binary(), "backfill", *account.flags(), "@sandbox_talk", "--comments"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_CLIENT_")}
    rng = random.Random(18)
    kills = attempts = 0
    while kills < 4 and attempts < 30:
        attempts += 1
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        try:
            process.wait(timeout=rng.uniform(0.2, 1.5))
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)
            process.wait()
            kills += 1
        assert account.query("SELECT COUNT(*) FROM (SELECT 1 FROM messages GROUP BY channel_id, id HAVING COUNT(*) > 1)")[0][0] == 0
    assert kills >= 2, "the runs finished before they could be killed often enough"
    account.run("backfill", "@sandbox_talk", "--comments", check=0)

    truth = comment_truth(sandbox)
    assert len(truth) > 500
    group, rows = archived_group(account)
    assert [row[0] for row in rows] == [record["id"] for record in truth]
    for (mid, text, sender, comment_of, thread), record in zip(rows, truth):
        assert text == record["text"], mid
        assert sender == bot_api_id(record), mid
        assert comment_of == record["post"], mid
        if record["kind"] == "comment":
            assert thread == record["reply_to_top_id"], mid
    senders = {row[2] for row in rows}
    known = {row[0] for row in account.query("SELECT id FROM users")}
    assert senders <= known, "every sender is in the users table"

    # Request counts of one uninterrupted archive from scratch, from its audit log.
    fresh = Account(tmp_path / "fresh", sandbox)
    fresh.login()
    fresh.run("backfill", "@sandbox_talk", "--comments", check=0)
    calls = dict(fresh.query("SELECT method, COUNT(*) FROM audit_log GROUP BY method"))
    history = calls.get("messages.getHistory", 0)
    # The channel's own pages, from an archive of the posts alone; the rest read the group.
    posts_only = Account(tmp_path / "posts", sandbox)
    posts_only.login()
    posts_only.run("backfill", "@sandbox_talk", check=0)
    channel_pages = posts_only.query("SELECT COUNT(*) FROM audit_log WHERE method = 'messages.getHistory'")[0][0]
    group_pages = history - channel_pages
    posts = len(sandbox.truth_ids("@sandbox_talk"))
    comments = sum(1 for record in truth if record["kind"] == "comment")
    # The group holds a copy of every post beside the comments, and a history page holds 100 of either: the
    # pages are as few as the group's size allows (one per 100 group messages, plus the short last one).
    per_hundred = group_pages / (len(truth) / 100)
    print(f"\ncomments e2e: {posts} posts, {len(truth)} group messages ({comments} comments) archived with "
          f"{sum(calls.values())} requests in all ({calls}); the group took {group_pages} getHistory and "
          f"1 getFullChannel: {per_hundred:.2f} per 100 group messages, {group_pages / (comments / 100):.2f} per 100 comments")
    assert group_pages <= len(truth) // 100 + 1
    assert per_hundred <= 1.1

    # An incremental run: nothing new on a stopped clock, so one catch-up page each and no new rows.
    before = fresh.query("SELECT COUNT(*) FROM audit_log")[0][0]
    result = fresh.run("backfill", "@sandbox_talk", "--comments", check=0)
    after = fresh.query("SELECT COUNT(*) FROM audit_log")[0][0]
    print(f"incremental run: {after - before} requests")
    assert after - before <= 4, result.stderr
    (new,) = fresh.query("SELECT messages_new FROM runs ORDER BY id DESC LIMIT 1")[0]
    assert new == 0

    exported = account.run("export", "--channel", "@sandbox_talk", "--comments", check=0).stdout.splitlines()
    comments = [json.loads(line) for line in exported if json.loads(line)["channel"] == group]
    assert [(c["id"], c["comment_of"]) for c in comments] == \
        [(r["id"], r["post"]) for r in truth if r["kind"] == "comment"]
