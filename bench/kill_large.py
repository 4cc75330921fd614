#!/usr/bin/env python3
"""SIGKILL trials on a large backfill: a job archiving the newest ~50,000 messages of @sandbox_big is killed at
random moments, restarted each time, then finished; the archive must equal `tgcron sandbox truth` for that
range with no duplicate and no gap. The sandbox's clock is frozen and the governor is off
(`rate_governor: false`, allowed only against a server one runs) so the run is CPU-bound and a kill can land
anywhere in it. Figures go to bench/results/chaos-large.md.

    python3 bench/kill_large.py [--kills 30] [--min-id 150001] [--seed 7]
"""

import argparse
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import ROOT, Account, Sandbox, clean_env, machine  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=30)
    parser.add_argument("--min-id", type=int, default=150_001)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "chaos-large.md"))
    options = parser.parse_args()
    rng = random.Random(options.seed)
    with tempfile.TemporaryDirectory(prefix="tgcron-kill-large-") as temp:
        work = Path(temp)
        sandbox = Sandbox(work / "sandbox")
        try:
            account = Account(work / "alice", sandbox,
                              settings_extra="  rate_governor: false\n  warmup:\n    day1: 100000000\n")
            account.login()
            jobs = work / "jobs.yaml"
            jobs.write_text("jobs:\n  - name: big\n    channel: '@sandbox_big'\n    schedule: '@daily'\n"
                            f"    window:\n      min_id: {options.min_id}\n")
            command = account.command("run", "--jobs", str(jobs), "--job", "big")
            kills = finished_early = 0
            started = time.monotonic()
            while kills < options.kills:
                process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=clean_env())
                time.sleep(rng.uniform(0.05, 0.5))
                if process.poll() is not None:
                    finished_early += 1
                    break
                process.send_signal(signal.SIGKILL)
                process.wait()
                kills += 1
            final = subprocess.run(command, capture_output=True, text=True, env=clean_env())
            elapsed = time.monotonic() - started
            truth = [i for i in sandbox.truth_ids("@sandbox_big") if i >= options.min_id]
            archived = [row[0] for row in account.query(
                "SELECT id FROM messages WHERE kind != 'empty' AND id >= ? ORDER BY id", options.min_id)]
            duplicates = len(archived) - len(set(archived))
            lost = len(set(truth) - set(archived))
            phantom = len(set(archived) - set(truth))
            fetched = account.query("SELECT COALESCE(SUM(count), 0) FROM audit_log WHERE method = 'messages.getHistory'")[0][0]
            refetched = fetched - len(archived)
        finally:
            sandbox.stop()
    ok = final.returncode == 0 and duplicates == 0 and lost == 0 and phantom == 0
    report = (
        "# SIGKILL trials on a large backfill\n\n"
        f"Machine: {machine()}. `python3 bench/kill_large.py --kills {options.kills} --min-id {options.min_id} "
        f"--seed {options.seed}`, release tgcron, frozen sandbox clock, governor off.\n\n"
        "| messages in range | kills | final exit | archived | lost | duplicated | phantom | re-fetched (total) | re-fetched per kill | wall |\n"
        "|---|---|---|---|---|---|---|---|---|---|\n"
        f"| {len(truth):,} | {kills} | {final.returncode} | {len(archived):,} | {lost} | {duplicates} | {phantom} | "
        f"{refetched} | {refetched / max(kills, 1):.1f} | {elapsed:.0f} s |\n")
    if finished_early:
        report += "\nThe backfill finished before the last planned kill.\n"
    Path(options.out).write_text(report)
    print(report)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
