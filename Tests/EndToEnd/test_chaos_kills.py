"""CI-sized chaos: scheduled runs killed with SIGKILL at random moments while the sandbox's clock runs
(new posts arrive), then resumed. `make chaos` (bench/chaos.py) runs the long version with 100 kills."""

import os
import random
import signal
import subprocess

from conftest import Account, binary

# Ids up to 1500 were all posted long before the sandbox's origin: later posts, edits and late
# deletions never change which of them exist, so the window's truth is exact while the clock runs.
JOBS = ("jobs:\n  - name: window\n    channel: '@sandbox_interop'\n    schedule: '@hourly'\n"
        "    window:\n      max_id: 1500\n")


def test_runs_killed_at_random_moments_on_a_running_clock_end_with_exactly_the_window(tmp_path, make_sandbox):
    sandbox = make_sandbox("running", speed="60")
    account = Account(tmp_path / "alice", sandbox)
    account.login()
    jobs = tmp_path / "jobs.yaml"
    jobs.write_text(JOBS)
    command = [binary(), "run", *account.flags(), "--jobs", str(jobs), "--job", "window"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_CLIENT_")}
    rng = random.Random(8)
    kills = attempts = 0
    while kills < int(os.environ.get("TGCRON_CHAOS_KILLS", "5")) and attempts < 40:
        attempts += 1
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        try:
            process.wait(timeout=rng.uniform(0.3, 3.0))
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)
            process.wait()
            kills += 1
        # Whatever the moment of the kill: no row twice, and nothing the server never had.
        truth_now = set(sandbox.truth_ids("@sandbox_interop"))
        archived = account.archived_ids("sandbox_interop")
        assert len(archived) == len(set(archived))
        assert set(archived) <= truth_now
        assert account.query("SELECT COUNT(*) FROM (SELECT 1 FROM messages GROUP BY channel_id, id HAVING COUNT(*) > 1)")[0][0] == 0
    assert kills >= 3, "the runs finished before they could be killed often enough"
    account.run("run", "--jobs", str(jobs), "--job", "window", check=0)
    window = [i for i in sandbox.truth_ids("@sandbox_interop") if i <= 1500]
    assert account.archived_ids("sandbox_interop") == window
