"""A newcomer's first hour (issue #20): where the settings come from, what validate checks, the hints,
the command line's edges, and how every command stops on a signal, a closed pipe or a dead server."""

import json
import os
import signal
import subprocess
import time
from datetime import datetime, timezone
from pathlib import Path

from conftest import API_HASH, Account, binary


def clean_env(**extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_CLIENT_", "TGCRON_", "XDG_"))}
    env.update(extra)
    return env


def tgcron(*args, cwd=None, env=None, timeout=60, input=None):
    return subprocess.run([binary(), *args], cwd=cwd, env=env or clean_env(), capture_output=True, text=True,
                          timeout=timeout, input=input)


def events(stderr: str) -> list[dict]:
    return [json.loads(line) for line in stderr.splitlines() if line.startswith("{")]


def test_a_named_settings_file_that_is_missing_exits_78_and_touches_nothing(tmp_path):
    for args, env in ((["--config", "nope.yaml"], clean_env()), ([], clean_env(TGCRON_CONFIG="nope.yaml"))):
        result = tgcron("login", *args, "--code", "1", cwd=tmp_path, env=env)
        assert result.returncode == 78, result.stderr
        assert "nope.yaml:1:1: cannot read the file" in result.stderr
        assert list(tmp_path.iterdir()) == []


def test_settings_are_discovered_in_xdg_config_home_with_the_env_beside_them(tmp_path, sandbox):
    account = Account(tmp_path / "xdg" / "tgcron", sandbox)
    work = tmp_path / "work"
    work.mkdir()
    env = clean_env(XDG_CONFIG_HOME=str(tmp_path / "xdg"))
    result = tgcron("login", "--code", "22222", "--log-format", "json", cwd=work, env=env)
    assert result.returncode == 0, result.stderr
    dialled = [e for e in events(result.stderr) if e["message"] == "dialling the server"]
    assert dialled and dialled[0]["dc"] in ("2", 2)
    assert dialled[0]["address"] == f"127.0.0.1:{sandbox.manifest['dcs']['2']}"
    assert account.db.exists() and not (work / "tgcron.sqlite").exists()


def test_the_shipped_settings_log_json_lines_when_not_on_a_terminal(tmp_path):
    root = Path(__file__).resolve().parents[2]
    (tmp_path / "jobs").mkdir()
    result = tgcron("status", "--config", str(root / "config/settings.yaml"), "--db", str(tmp_path / "a.sqlite"),
                    cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("Error: no archive")
    assert "the first step is `tgcron login`" in result.stderr


def test_validate_checks_the_env_file_and_warns_when_others_may_read_it(tmp_path):
    (tmp_path / "config").mkdir()
    (tmp_path / "jobs").mkdir()
    (tmp_path / "jobs" / "a.yaml").write_text('jobs:\n  - name: a\n    channel: "@durov"\n    schedule: "0 3 * * *"\n')
    (tmp_path / "config" / "settings.yaml").write_text("log:\n  level: info\n")
    env_file = tmp_path / "config" / ".env"
    env_file.write_text("TELEGRAM_CLIENT_API_ID=1\nexport TELEGRAM_CLIENT_API_HASH=secret-value\n")
    env_file.chmod(0o644)
    result = tgcron("validate", cwd=tmp_path)
    assert result.returncode == 78
    assert "config/.env:2:1: remove `export `" in result.stdout
    assert "mode is 644" in result.stderr and "secret-value" not in result.stdout + result.stderr
    env_file.write_text("TELEGRAM_CLIENT_API_ID=1\nTELEGRAM_CLIENT_API_HASH=secret-value\n")
    env_file.chmod(0o600)
    result = tgcron("validate", "--config", "config/settings.yaml", "--env", "config/.env", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr == ""


def test_a_missing_secret_has_one_hint(tmp_path, sandbox):
    account = Account(tmp_path / "a", sandbox)
    account.env_file.write_text("TELEGRAM_CLIENT_API_HASH=x\n")
    result = account.run("login", "--code", "22222")
    assert result.returncode == 78
    assert result.stderr.count("(set it") == 1 and result.stderr.count("config/.env.example") == 1


def test_run_in_an_empty_folder_explains_the_first_step(tmp_path):
    result = tgcron("run", cwd=tmp_path)
    assert result.returncode == 78
    assert "no job files" in result.stderr and "jobs/example.yaml" in result.stderr
    assert "jobs:1:1" not in result.stderr


def test_version_and_unknown_commands(tmp_path):
    version = tgcron("--version", cwd=tmp_path)
    assert version.returncode == 0 and version.stdout.strip()[0].isdigit()
    for args in (["serach"], ["serach", "--help"]):
        result = tgcron(*args, cwd=tmp_path)
        assert result.returncode == 64, result
        assert "unknown command 'serach'" in result.stderr
    assert tgcron("help", "run", cwd=tmp_path).returncode == 0


def test_export_takes_links_and_until(account, sandbox):
    account.login()
    account.run("backfill", "@sandbox_news", check=0)
    every = account.run("export", "--channel", "https://t.me/s/sandbox_news", check=0).stdout.splitlines()
    dates = sorted(json.loads(line)["message"]["date"] for line in every)
    middle = dates[len(dates) // 2]
    stamp = datetime.fromtimestamp(middle, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    until = account.run("export", "--channel", "t.me/sandbox_news", "--until", stamp, check=0).stdout.splitlines()
    assert len(until) == sum(1 for date in dates if date < middle) > 0
    bom = account.run("export", "--channel", "@sandbox_news", "--format", "csv", "--csv-bom", "--csv-guard-formulas",
                      check=0).stdout
    assert bom.startswith("\ufeffchannel,id,")
    assert "--out <out>" in account.run("export", "--help").stdout
    assert "(default: -)" in account.run("export", "--help").stdout.replace("\n", " ")


def test_sigterm_stops_login_within_seconds_while_the_server_does_not_answer(account, sandbox):
    os.kill(sandbox.process.pid, signal.SIGSTOP)
    try:
        process = subprocess.Popen([binary(), "login", *account.flags(), "--code", "22222"], env=clean_env(),
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(2)
        started = time.monotonic()
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=20)
        assert time.monotonic() - started < 8, stderr
        assert process.returncode == 75, stderr
    finally:
        os.kill(sandbox.process.pid, signal.SIGCONT)
    lock = Path(str(account.db) + ".lock").read_text()
    assert lock.startswith("pid ")  # exited mid-call: the file names a dead pid, and it locks nothing
    account.run("login", "--code", "22222", check=0)
    assert Path(str(account.db) + ".lock").read_text().startswith("free since")


def test_a_closed_output_pipe_ends_the_output_not_the_run(account, sandbox):
    account.login()
    process = subprocess.Popen([binary(), "backfill", *account.flags(), "@sandbox_news"], env=clean_env(),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.close()
    process.stderr.close()
    assert process.wait(timeout=120) == 0
    assert account.query("SELECT status FROM runs ORDER BY id DESC LIMIT 1")[0][0] == "succeeded"
    assert account.archived_ids("sandbox_news") == sandbox.truth_ids("@sandbox_news")


def test_dry_run_never_calls_a_disabled_job_due_and_status_shows_next_due_in_the_jobs_zone(account, tmp_path):
    account.login()
    jobs = tmp_path / "jobs.yaml"
    jobs.write_text(
        "jobs:\n"
        "  - name: news\n    channel: '@sandbox_news'\n    schedule: '30 2 * * *'\n    timezone: Europe/Berlin\n"
        "  - name: off\n    channel: '@sandbox_interop'\n    schedule: '@daily'\n    enabled: false\n")
    dry = account.run("run", "--jobs", str(jobs), "--dry-run", check=0).stdout
    assert "news: due" in dry  # a new job runs at once (documented), then at its fire times
    assert "off: disabled: never due" in dry and "off: due" not in dry
    named = account.run("run", "--jobs", str(jobs), "--dry-run", "--job", "off", check=0).stdout
    assert "off: runs now although disabled" in named
    account.run("run", "--jobs", str(jobs), "--job", "news", check=0)
    table = account.run("status", "--jobs", str(jobs), check=0).stdout
    line = next(row for row in table.splitlines() if row.startswith("news"))
    assert line.endswith("02:30 Europe/Berlin"), line
    healthy = account.run("status", "--jobs", str(jobs), "--check", check=0).stdout
    assert healthy.startswith("ok: 1 channel(s)")
    stale = account.run("status", "--jobs", str(jobs), "--check", "--stale-after", "1ms")
    assert stale.returncode == 1 and "@sandbox_news: stale" in stale.stdout


def test_a_long_run_off_a_terminal_logs_its_progress_every_30_s_with_an_eta_for_its_limit(tmp_path, make_sandbox):
    sandbox = make_sandbox(flood="on", speed="1")
    account = Account(tmp_path / "slow", sandbox)
    account.login()
    # 40 pages at the governed ~0.96 pages/s: some 40 s, so at least one progress line.
    result = account.run("backfill", "@sandbox_big", "--limit", "4000", timeout=300)
    assert result.returncode == 0, result.stderr
    progress = [e for e in events(result.stderr) if e["message"].startswith("progress: ")]
    assert progress, result.stderr
    assert "ETA " in progress[0]["message"] and ":" not in progress[0]["message"].split("ETA ")[1]
    assert progress[0]["channel"] == "@sandbox_big"
    completed = [e for e in events(result.stderr) if e["message"] == "run completed" or e["message"].startswith("run ")]
    assert completed[-1]["channel"] == "@sandbox_big" and str(completed[-1]["channel_id"]).isdigit()


def test_doctor_reports_each_check_and_fails_without_an_archive(account, sandbox):
    before = account.run("doctor")
    assert before.returncode == 1
    assert "ok   settings: " in before.stdout and "fail archive: no archive" in before.stdout
    assert not account.db.exists()
    account.login()
    after = account.run("doctor")
    for line in ("ok   lock: free", "ok   schema: ", "ok   server: DC 2 answered help.getConfig in ",
                 "clock: ", "ok   session: logged in as user ", "disk: "):
        assert line in after.stdout, after.stdout
    # The test sandbox's clock is frozen on its origin day, so the skew check may fail, and only it.
    failing = [line for line in after.stdout.splitlines() if line.startswith("fail")]
    assert all(line.startswith("fail clock: ") for line in failing), after.stdout
    assert after.returncode == (1 if failing else 0)
    account.env_file.chmod(0o644)
    assert "warn .env: " in account.run("doctor").stdout


def test_truth_has_no_text_for_service_messages(sandbox):
    out = subprocess.run([binary(), "sandbox", "truth", "@sandbox_news", "--data", str(sandbox.data)],
                         check=True, capture_output=True, text=True, timeout=120).stdout
    records = [json.loads(line) for line in out.splitlines() if line]
    services = [r for r in records if r["kind"] == "service"]
    assert services and all("text" not in r for r in services)
    assert all("text" in r for r in records if r["kind"] != "service")


def test_human_delays_of_zero_are_accepted(tmp_path, sandbox):
    account = Account(tmp_path / "zero", sandbox, settings_extra="")
    text = account.settings.read_text().replace("human_delay_max: 10ms", "human_delay_max: 0s")
    account.settings.write_text(text)
    jobs = tmp_path / "jobs.yaml"
    jobs.write_text("jobs:\n  - name: a\n    channel: '@sandbox_news'\n    schedule: '@daily'\n")
    result = tgcron("validate", str(jobs), "--config", str(account.settings), "--env", str(account.env_file))
    assert result.returncode == 0, result.stdout + result.stderr
    account.login()
    account.run("backfill", "@sandbox_news", "--limit", "100", check=0)


def test_install_files_puts_units_users_completions_and_the_man_page_in_place(tmp_path):
    root = Path(__file__).resolve().parents[2]
    destination = tmp_path / "dest"
    result = subprocess.run(["make", "-s", "install-files", f"BIN={binary()}", f"DESTDIR={destination}", "PREFIX=/usr"],
                            cwd=root, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    usr = destination / "usr"
    assert "u     tgcron" in (usr / "lib/sysusers.d/tgcron.conf").read_text()
    assert "d     /var/lib/tgcron " in (usr / "lib/tmpfiles.d/tgcron.conf").read_text()
    daemon = (usr / "lib/systemd/system/tgcron-daemon.service").read_text()
    assert "RestartPreventExitStatus=78" in daemon and "ExecStart=/usr/bin/tgcron daemon" in daemon
    assert "doctor" in (usr / "share/bash-completion/completions/tgcron").read_text()
    assert (usr / "share/zsh/site-functions/_tgcron").stat().st_size > 0
    assert (usr / "share/fish/vendor_completions.d/tgcron.fish").stat().st_size > 0
    manual = (usr / "share/man/man1/tgcron.1").read_text()
    assert manual.startswith(".TH TGCRON 1") and '.SS "tgcron doctor"' in manual and ".SH EXIT STATUS" in manual
    assert '.SS "tgcron manual"' not in manual


def test_the_sandbox_folder_and_a_transport_can_be_named_in_the_settings(tmp_path, sandbox):
    account = Account(tmp_path / "sbx", sandbox)
    account.settings.write_text(
        "telegram_client:\n"
        f"  sandbox: {sandbox.data}\n"
        "  transport: intermediate\n"
        "  human_delay_min: 0s\n  human_delay_max: 0s\n"
        f"archive:\n  database: {account.db}\n")
    account.login()
    result = account.run("backfill", "@sandbox_news", "--limit", "100", "--log-level", "debug", check=0)
    assert "intermediate" in result.stderr
    bad = account.settings.read_text().replace("transport: intermediate", "transport: carrier-pigeon")
    account.settings.write_text(bad)
    refused = account.run("status")
    assert refused.returncode == 78 and "'telegram_client.transport' cannot be 'carrier-pigeon'" in refused.stderr


def test_a_channel_the_archive_knows_can_be_named_by_its_id(account, sandbox):
    account.login()
    account.run("backfill", "@sandbox_news", "--limit", "100", check=0)
    channel_id = account.query("SELECT id FROM channels WHERE username = 'sandbox_news'")[0][0]
    result = account.run("backfill", str(channel_id), "--limit", "100", check=0)
    assert account.query("SELECT COUNT(*) FROM audit_log WHERE method = 'contacts.resolveUsername'")[0][0] == 1
    forwarded = account.query("SELECT id FROM channels WHERE username IS NULL OR username != 'sandbox_news'")
    for (other,) in forwarded[:1]:
        other_run = account.run("backfill", str(other), "--limit", "100")
        assert "is not a readable channel" not in other_run.stderr, other_run.stderr


def test_desktop_json_names_the_forward_source_when_it_is_archived(account, sandbox):
    account.login()
    account.run("backfill", "@sandbox_news", check=0)
    account.run("backfill", "@sandbox_big", "--limit", "100", check=0)
    export = json.loads(account.run("export", "--channel", "@sandbox_news", "--format", "desktop-json", check=0).stdout)
    forwards = [m for m in export["messages"] if "forwarded_from" in m]
    titles = {row[0] for row in account.query("SELECT title FROM channels")}
    assert forwards and all(m["forwarded_from"] in titles for m in forwards), forwards[:3]


def test_export_into_a_pipe_closed_early_exits_0_quietly(account, sandbox):
    account.login()
    account.run("backfill", "@sandbox_news", check=0)
    for format in ("jsonl", "csv"):
        process = subprocess.Popen([binary(), "export", *account.flags(), "--channel", "@sandbox_news", "--format", format],
                                   env=clean_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        first = process.stdout.readline()  # as `| head -1` does: one line, then the pipe is closed
        process.stdout.close()
        _, stderr = process.communicate(timeout=60)
        assert first and process.returncode == 0, stderr
        assert b"export failed" not in stderr and b'"level":"error"' not in stderr, stderr
