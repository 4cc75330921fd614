"""What an operator types, a network does or Telegram decides must never destroy the archive or the login
(issue 21): each test replays one trial that used to lose data, through the real binary."""

import hashlib
import json
import os
import random
import resource
import signal
import subprocess
import sqlite3
import time
from pathlib import Path

import pytest

from conftest import Account


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def message_count(account: Account) -> int:
    return account.query("SELECT count(*) FROM messages")[0][0]


@pytest.fixture
def archived(account):
    """Alice logged in with part of @sandbox_news archived."""
    account.login()
    account.run("backfill", "@sandbox_news", "--limit", "40", check=0)
    return account


# 1. Exports never overwrite the archive, never follow links, never leave a partial file.

@pytest.mark.parametrize("suffix", ["", "-wal", "-shm", ".lock"])
def test_export_onto_the_archives_own_files_is_refused_and_loses_nothing(archived, suffix):
    count = message_count(archived)
    before = digest(archived.db)

    result = archived.run("export", "--out", str(archived.db) + suffix)

    assert result.returncode == 1, result.stderr
    assert "archive's own file" in result.stderr
    assert digest(archived.db) == before
    assert message_count(archived) == count


def test_export_through_a_link_or_a_second_name_of_the_archive_is_refused(archived, tmp_path):
    link, hard = tmp_path / "link.jsonl", tmp_path / "hard.jsonl"
    link.symlink_to(archived.db)
    os.link(archived.db, hard)
    before = digest(archived.db)

    by_link = archived.run("export", "--out", str(link))
    by_inode = archived.run("export", "--out", str(hard))

    assert by_link.returncode == 1 and "symbolic link" in by_link.stderr
    assert by_inode.returncode == 1 and "archive's own file" in by_inode.stderr
    assert digest(archived.db) == before


def test_a_symlinked_out_never_overwrites_its_target(archived, tmp_path):
    target = tmp_path / "precious.txt"
    target.write_text("keep me\n")
    link = tmp_path / "out.jsonl"
    link.symlink_to(target)

    result = archived.run("export", "--out", str(link))

    assert result.returncode == 1
    assert target.read_text() == "keep me\n"


def test_a_failed_export_keeps_the_previous_file_and_leaves_no_partial_one(archived, tmp_path):
    out = tmp_path / "export.jsonl"
    archived.run("export", "--out", str(out), check=0)
    good = out.read_bytes()
    limit = len(good) // 2

    def small_files():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    import subprocess
    from conftest import binary
    result = subprocess.run([binary(), "export", *archived.flags(), "--out", str(out)],
                            capture_output=True, text=True, preexec_fn=small_files, timeout=120)

    assert result.returncode == 1
    assert "File too large" in result.stderr and "NSCocoaErrorDomain" not in result.stderr
    assert out.read_bytes() == good
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".export")) == []


def test_a_new_export_file_is_private(archived, tmp_path):
    out = tmp_path / "new.csv"
    archived.run("export", "--format", "csv", "--out", str(out), check=0)
    assert out.stat().st_mode & 0o777 == 0o600


# 2. A damaged archive refuses writes, says how to recover, alerts, and `recover` gets the rows back.

def damage(path, pages=3, seed=7):
    """Overwrites `pages` random pages with random bytes: never the schema's pages, which would make it "not a
    database", nor a table's or index's root page, which would lose the whole table (the cases recovery cannot
    help; which pages those are depends on the archive's layout, not on what is tested)."""
    rng = random.Random(seed)
    size = path.stat().st_size
    page = 4096
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        roots = {row[0] - 1 for row in db.execute("SELECT rootpage FROM sqlite_master WHERE rootpage > 0")}
        roots |= {row[0] - 1 for row in db.execute("SELECT pageno FROM dbstat WHERE name = 'sqlite_schema'")}
    candidates = [number for number in range(1, size // page) if number not in roots]
    with open(path, "r+b") as file:
        for number in rng.sample(candidates, min(pages, len(candidates))):
            file.seek(number * page)
            file.write(rng.randbytes(page))


def checkpointed(account: Account):
    with sqlite3.connect(account.db) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def test_a_damaged_archive_refuses_writes_and_recover_copies_the_readable_rows(archived, tmp_path):
    checkpointed(archived)
    damage(archived.db, pages=6)
    before = digest(archived.db)

    backfill = archived.run("backfill", "@sandbox_news", "--limit", "100")
    check = archived.run("archive", "check")
    recovered = tmp_path / "recovered.sqlite"
    recover = archived.run("archive", "recover", "--out", str(recovered))

    assert backfill.returncode == 1, backfill.stderr
    assert "tgcron archive recover" in backfill.stderr
    assert digest(archived.db) == before
    assert check.returncode == 1 and "damaged" in check.stderr
    assert recover.returncode == 0, recover.stderr
    assert archived.run("archive", "check", "--db", str(recovered)).returncode == 0
    with sqlite3.connect(recovered) as db:
        assert db.execute("SELECT count(*) FROM messages").fetchone()[0] > 0


def test_archive_check_says_ok_for_a_sound_archive(archived):
    result = archived.run("archive", "check", check=0)
    assert "ok" in result.stdout


def test_a_damaged_archive_is_alerted_through_the_webhook(tmp_path, sandbox, webhook):
    account = Account(tmp_path / "alice", sandbox, settings_extra=f"notifications:\n  webhook_url: {webhook.url}\n")
    account.login()
    account.run("backfill", "@sandbox_news", "--limit", "40", check=0)
    checkpointed(account)
    damage(account.db, pages=6)

    result = account.run("backfill", "@sandbox_news", "--limit", "10")

    assert result.returncode == 1
    assert len(webhook.events("archive_damaged")) == 1, webhook.received


# 3. One -404 never deletes the auth key.

def auth_keys(account: Account):
    return account.query("SELECT dc_id, auth_key FROM auth_keys ORDER BY dc_id")


def free_port_pair() -> int:
    """A port p such that p, p + 1 and p + 2 are free (the sandbox's DC 1, 2 and 3)."""
    import socket
    for _ in range(50):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        if port >= 65533:
            continue
        try:
            with socket.socket() as a, socket.socket() as b, socket.socket() as c:
                a.bind(("127.0.0.1", port))
                b.bind(("127.0.0.1", port + 1))
                c.bind(("127.0.0.1", port + 2))
            return port
        except OSError:
            continue
    pytest.fail("no three free ports in a row")


def test_spurious_404s_below_the_limit_keep_the_key(tmp_path, make_sandbox):
    server = make_sandbox("rejecting", faults="reject_key=2")
    account = Account(tmp_path / "alice", server)

    # The key made at login meets two -404s on its first two connections and is kept through both.
    result = account.run("login", "--code", "22222", check=0)
    backfill = account.run("backfill", "@sandbox_news", "--limit", "5", check=0)

    assert result.stderr.count("keeping the key") == 2, result.stderr
    assert "retiring" not in result.stderr + backfill.stderr
    assert len(auth_keys(account)) == 1
    assert account.query("SELECT count(*) FROM retired_auth_keys")[0][0] == 0


def test_a_key_rejected_on_three_connections_is_retired_kept_and_reported(tmp_path, make_sandbox, key_dir):
    port = free_port_pair()
    first = make_sandbox("first", port=port)
    account = Account(tmp_path / "alice", first)
    account.login()
    old_keys = auth_keys(account)
    first.stop()
    # A new sandbox on the same ports knows no key: every connection with the stored one gets -404.
    second = make_sandbox("second", port=port)
    account = Account(tmp_path / "alice", second)

    result = account.run("backfill", "@sandbox_news", "--limit", "5", timeout=120)
    status = account.run("status")
    again = account.run("backfill", "@sandbox_news", "--limit", "5", timeout=30)

    assert result.returncode == 77, result.stderr
    retired = account.query("SELECT dc_id, auth_key FROM retired_auth_keys")
    assert [(dc, bytes(key)) for dc, key in retired] == [(dc, bytes(key)) for dc, key in old_keys]
    assert "login needed" in status.stdout
    assert again.returncode == 77 and "tgcron login" in again.stderr
    doctor = account.run("doctor", timeout=60)
    assert doctor.returncode == 1 and "needs a new login" in doctor.stdout + doctor.stderr, doctor.stdout + doctor.stderr
    account.login()
    assert account.run("backfill", "@sandbox_news", "--limit", "5").returncode == 0
    assert "login needed" not in account.run("status").stdout


# 4. The passphrase is checked before dialling.

def test_a_wrong_or_missing_passphrase_exits_78_at_once(tmp_path, sandbox):
    account = Account(tmp_path / "alice", sandbox, extra_env={"TGCRON_SESSION_PASSPHRASE": "right horse"})
    account.login()
    account.env_file.write_text(account.env_file.read_text().replace("right horse", "wrong horse"))

    started = time.monotonic()
    wrong = account.run("backfill", "@sandbox_news", "--limit", "5")
    account.env_file.write_text(account.env_file.read_text().replace("TGCRON_SESSION_PASSPHRASE=wrong horse\n", ""))
    missing = account.run("login", "--code", "22222")
    elapsed = time.monotonic() - started

    assert wrong.returncode == 78 and "does not decrypt" in wrong.stderr
    assert missing.returncode == 78 and "TGCRON_SESSION_PASSPHRASE" in missing.stderr
    assert elapsed < 20
    assert "link lost" not in wrong.stderr + missing.stderr


def test_setting_a_passphrase_encrypts_the_stored_key_at_once(tmp_path, sandbox):
    account = Account(tmp_path / "alice", sandbox)
    account.login()
    assert not any(bytes(key).startswith(b"TGCRONE1") for _, key in auth_keys(account))

    result = account.run("login", "--code", "22222", env={"TGCRON_SESSION_PASSPHRASE": "new horse"})

    assert result.returncode == 0, result.stderr
    assert "encrypted 1 stored auth key" in result.stderr
    assert all(bytes(key).startswith(b"TGCRONE1") for _, key in auth_keys(account))


# 5. Another application's SQLite file is never migrated.

def test_a_foreign_sqlite_file_is_refused_with_78_and_left_alone(tmp_path, account):
    foreign = tmp_path / "notes.sqlite"
    with sqlite3.connect(foreign) as db:
        db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        db.execute("INSERT INTO notes (body) VALUES ('mine')")
    before = digest(foreign)

    for args in (["backfill", "@sandbox_news"], ["status"], ["export"], ["login", "--code", "22222"]):
        result = account.run(args[0], "--db", str(foreign), *args[1:])
        assert result.returncode == 78, (args, result.stderr)
        assert "another application" in result.stderr

    assert digest(foreign) == before


# 6. The smaller ones.

def test_a_symlinked_lock_file_is_refused_and_its_target_untouched(account, tmp_path):
    account.login()
    target = tmp_path / "precious.txt"
    target.write_text("keep me\n")
    lock = account.db.with_name(account.db.name + ".lock")
    lock.unlink()
    lock.symlink_to(target)

    result = account.run("backfill", "@sandbox_news", "--limit", "5")

    assert result.returncode == 1 and "symbolic link" in result.stderr
    assert target.read_text() == "keep me\n"


def test_backfill_takes_a_negative_channel_id_without_a_double_dash(archived):
    (channel_id,) = archived.query("SELECT id FROM channels")[0]

    result = archived.run("backfill", f"-100{channel_id}", "--limit", "5")

    assert result.returncode == 0, result.stderr


def test_a_crlf_env_file_is_read(tmp_path, sandbox):
    account = Account(tmp_path / "alice", sandbox)
    account.env_file.write_bytes(account.env_file.read_bytes().replace(b"\n", b"\r\n"))
    account.login()


def test_configuration_errors_create_no_lock_file_and_name_the_env_file(tmp_path, sandbox):
    account = Account(tmp_path / "alice", sandbox)
    other = tmp_path / "secrets.env"
    other.write_text(account.env_file.read_text().replace("TELEGRAM_CLIENT_API_ID=1\n", ""))
    account.env_file = other

    result = account.run("backfill", "@sandbox_news")

    assert result.returncode == 78
    assert str(other) in result.stderr and "config/.env;" not in result.stderr
    assert not account.db.with_name(account.db.name + ".lock").exists()


def test_a_foreign_file_creates_no_lock_file_beside_it(tmp_path, account):
    foreign = tmp_path / "notes.sqlite"
    with sqlite3.connect(foreign) as db:
        db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY)")

    assert account.run("backfill", "--db", str(foreign), "@sandbox_news").returncode == 78
    assert not (tmp_path / "notes.sqlite.lock").exists()



def test_corruption_trials_every_writer_refuses_and_recover_keeps_every_readable_row(archived, tmp_path):
    """A CI-sized run of `make chaos`'s corruption phase (bench/corruption.py)."""
    import sys
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from corruption import corruption_trials, trials_passed

    archived.run("backfill", "@sandbox_news", check=0)
    checkpointed(archived)
    base = tmp_path / "base.sqlite"
    base.write_bytes(archived.db.read_bytes())
    jobs = tmp_path / "jobs.yaml"
    jobs.write_text("jobs:\n  - name: news\n    channel: '@sandbox_news'\n    schedule: '@hourly'\n")

    stats = corruption_trials(base, tmp_path / "trials", 8, random.Random(21),
                              lambda args: archived.run(*args),
                              [["backfill", "@sandbox_news", "--limit", "20"], ["run", "--jobs", str(jobs)]])

    assert stats["damaged"] > 0, stats
    assert trials_passed(stats), stats


def test_status_and_export_read_an_archive_on_a_read_only_filesystem(archived, tmp_path):
    """A WAL archive on read-only media (no -shm can be made there) is still readable by status and export."""
    if os.geteuid() != 0:
        pytest.skip("a read-only bind mount needs root")
    copy = tmp_path / "media"
    copy.mkdir()
    with sqlite3.connect(archived.db) as db:  # as a cleanly closed archive is: everything in the main file
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    (copy / "archive.sqlite").write_bytes(archived.db.read_bytes())
    mount = tmp_path / "ro"
    mount.mkdir()
    if subprocess.run(["mount", "--bind", str(copy), str(mount)]).returncode != 0:
        pytest.skip("bind mounts are not available here")
    try:
        assert subprocess.run(["mount", "-o", "remount,bind,ro", str(mount)]).returncode == 0
        database = mount / "archive.sqlite"
        assert not (mount / "archive.sqlite-shm").exists()
        status = archived.run("status", "--json", "--db", str(database))
        assert status.returncode == 0, status.stderr
        archived_count = message_count(archived)
        assert [row["archived"] for row in json.loads(status.stdout)["rows"]] == [archived_count]
        export = archived.run("export", "--channel", "@sandbox_news", "--db", str(database), "--out", "-")
        assert export.returncode == 0, export.stderr
        assert len(export.stdout.splitlines()) == archived_count
        written = archived.run("backfill", "@sandbox_news", "--limit", "10", "--db", str(database))
        assert written.returncode != 0 and written.stderr.strip() and "Fatal error" not in written.stderr, written.stderr
    finally:
        subprocess.run(["umount", str(mount)])
