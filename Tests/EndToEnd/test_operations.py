"""The operations hooks of `tgcron run`: Prometheus text file, Redis stream sink and webhook notifications."""

import json
import shutil
import socket
import subprocess
import time

import pytest

from conftest import Account


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_run_writes_the_metrics_text_file(tmp_path, sandbox):
    textfile = tmp_path / "tgcron.prom"
    account = Account(tmp_path / "alice", sandbox, settings_extra=f"metrics:\n  textfile: {textfile}\n")
    account.login()
    account.run("backfill", "@sandbox_news", "--limit", "200", check=0)
    text = textfile.read_text()
    assert 'tgcron_runs_total{job="backfill"} 1' in text, "ad-hoc backfills share one series"
    assert "# TYPE" in text and "tgcron_last_success_timestamp_seconds" in text
    assert 'tgcron_channel_newest_message_timestamp_seconds{channel="@sandbox_news",channel_id="' in text
    assert 'tgcron_build_info{version="' in text and "tgcron_last_run_duration_seconds" in text


@pytest.mark.skipif(shutil.which("redis-server") is None, reason="redis-server is not installed")
def test_new_messages_are_published_to_redis_streams(tmp_path, sandbox):
    port = free_port()
    redis = subprocess.Popen(["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                              "--appendonly", "no", "--dir", str(tmp_path)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            if subprocess.run(["redis-cli", "-p", str(port), "ping"], capture_output=True, text=True).stdout.strip() == "PONG":
                break
            time.sleep(0.05)
        account = Account(tmp_path / "alice", sandbox,
                          settings_extra=f"redis:\n  url: redis://127.0.0.1:{port}/0\n  single_stream: true\n")
        account.login()
        account.run("backfill", "@sandbox_news", "--limit", "150", check=0)
        length = subprocess.run(["redis-cli", "-p", str(port), "xlen", "tgcron"], capture_output=True, text=True).stdout
        archived = account.query("SELECT COUNT(*) FROM messages")[0][0]
        assert int(length) == archived > 0
        cursor = account.query("SELECT seq FROM sink_cursors WHERE sink = 'redis'")[0][0]
        assert cursor == account.query("SELECT MAX(seq) FROM changes")[0][0]
    finally:
        redis.kill()
        redis.wait()


def test_a_failed_job_is_notified_through_the_webhook_without_secrets(tmp_path, sandbox, webhook):
    account = Account(tmp_path / "alice", sandbox, settings_extra=f"notifications:\n  webhook_url: {webhook.url}\n")
    account.login()
    result = account.run("backfill", "@no_such_channel_here")
    assert result.returncode == 1
    assert len(webhook.received) == 1
    body = json.dumps(webhook.received[0])
    assert "no_such_channel_here" in body and "failed" in body
    assert "9996621234" not in body
