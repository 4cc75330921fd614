#!/usr/bin/env python3
"""`make chaos`: SIGKILL trials and fault runs of the release `tgcron` against `tgcron sandbox serve`,
checked against `tgcron sandbox truth`; the figures go to bench/results/chaos.md.

    python3 bench/chaos.py [--kills 100] [--incremental-kills 30] [--corruption-trials 50] [--no-faults] [--seed 1]
                           [--from-json FILE]

(a) Kills: backfills and scheduled runs of @sandbox_interop on a sandbox whose clock runs (--speed 60,
    10 new posts a minute, edits, late deletions), each killed with SIGKILL at a random moment. After
    every kill: no duplicate rows, and every archived id existed at some sampled moment. After every run
    that completes, and after a final full run: nothing the server held for the whole run is missing.
(c) Corruption (bench/corruption.py): --corruption-trials damaged copies of the archive of a full backfill;
    every writing command must refuse each copy quick_check finds damaged (exit non-zero, saying so) and
    `tgcron archive recover` must keep every message row SQLite can still read intact.
(b) Faults: for each fault the sandbox injects (and for a FLOOD_WAIT longer than flood_wait_max, made by
    two archives of the same account paging at once), runs repeat until one exits 0; every run must exit
    0 or 75, and the archive must equal the (frozen) truth at the end.
"""

import argparse
import json
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corruption import corruption_trials, trials_passed  # noqa: E402
from harness import ORIGIN, ROOT, Account, Sandbox, clean_env, machine  # noqa: E402

CHANNEL = "@sandbox_interop"
JOBS = "jobs:\n  - name: interop\n    channel: '@sandbox_interop'\n    schedule: '@hourly'\n"
FAULTS = ["drop=5", "salt=10s", "badtime=0.2", "busy=0.2"]


def kill_trials(work: Path, kills_wanted: int, rng: random.Random, key_from: Path | None,
                incremental=False) -> dict:
    """Kills at random moments. With `incremental`, both passes over the history are done first, so the
    kills hit the short runs that only catch up with new posts (killed within 0.05-1.5 s)."""
    name = "incremental" if incremental else "kills"
    sandbox = Sandbox(work / f"{name}-sandbox", key_from, speed="60")
    try:
        account = Account(work / name, sandbox)
        account.login()
        jobs = work / f"{name}.yaml"
        jobs.write_text(JOBS)
        commands = [account.command("backfill", CHANNEL),
                    account.command("run", "--jobs", str(jobs), "--job", "interop")]
        if incremental:
            for command in commands:
                subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=clean_env(), check=True)
        delays = (0.05, 1.5) if incremental else (0.1, 4.0)
        ever = set(sandbox.truth_ids(CHANNEL))
        history = History(sandbox)
        phantom_ids: set[int] = set()
        kills = completed = other_exits = duplicates = lost = 0
        refetched_per_kill = []
        while kills < kills_wanted:
            before_fetched = account.fetched_messages() if account.db.exists() else 0
            before_rows = rows(account)
            at_start = set(sandbox.truth_ids(CHANNEL))
            ever |= at_start
            process = subprocess.Popen(commands[(kills + completed) % 2], stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL, env=clean_env())
            try:
                process.wait(timeout=rng.uniform(*delays))
            except subprocess.TimeoutExpired:
                process.send_signal(signal.SIGKILL)
                process.wait()
            at_end = set(sandbox.truth_ids(CHANNEL))
            ever |= at_end
            archived = set(account.archived_ids(CHANNEL[1:]))
            unseen = archived - ever
            if unseen:  # posted and deleted between two samples? look at every 30 simulated seconds so far
                ever |= history.all_ids()
                phantom_ids |= archived - ever
            duplicates += account.duplicate_rows()
            if process.returncode == -signal.SIGKILL:
                kills += 1
                refetched_per_kill.append((account.fetched_messages() - before_fetched) - (rows(account) - before_rows))
            elif process.returncode == 0:
                completed += 1
                lost += len((at_start & at_end) - archived)
            else:
                other_exits += 1
            print(f"\rkills {kills}/{kills_wanted}, completed runs {completed}", end="", file=sys.stderr, flush=True)
        print(file=sys.stderr)
        at_start = set(sandbox.truth_ids(CHANNEL))
        final = account.run("backfill", CHANNEL)
        at_end = set(sandbox.truth_ids(CHANNEL))
        archived = set(account.archived_ids(CHANNEL[1:]))
        # Posts that arrive while the final run pages through older history are the next run's.
        final_lost = len((at_start & at_end) - archived)
        stale = len(archived - at_end)  # deleted on the server after they were archived, not yet marked
        refetched = account.fetched_messages() - rows(account)
        interrupted = account.query("SELECT COUNT(*) FROM runs WHERE status = 'interrupted'")[0][0]
        return {"kills": kills, "completed": completed, "other_exits": other_exits, "phantoms": len(phantom_ids),
                "duplicates": duplicates + account.duplicate_rows(), "lost": lost, "final_exit": final.returncode,
                "final_lost": final_lost, "final_archived": len(archived), "final_truth": len(at_end),
                "stale_deletions": stale, "refetched_total": refetched, "interrupted_runs": interrupted,
                "refetched_per_kill": refetched_per_kill}
    finally:
        sandbox.stop()


class History:
    """Every id the sandbox's channel has held up to now, from its truth at every 30 simulated seconds."""

    STEP = 30  # simulated seconds; a late deletion comes at least 60 s after its post

    def __init__(self, sandbox: Sandbox):
        self.sandbox = sandbox
        self.origin = datetime.fromisoformat(ORIGIN.replace("Z", "+00:00"))
        self.started = sandbox.started
        self.speed = 60.0
        self.scanned = 0.0
        self.ids: set[int] = set()

    def all_ids(self) -> set[int]:
        now = (time.time() - self.started) * self.speed
        while self.scanned <= now:
            moment = (self.origin + timedelta(seconds=self.scanned)).strftime("%Y-%m-%dT%H:%M:%SZ")
            self.ids |= set(self.sandbox.truth_ids(CHANNEL, at=moment))
            self.scanned += self.STEP
        return self.ids


def rows(account: Account) -> int:
    return account.query("SELECT COUNT(*) FROM messages")[0][0] if account.db.exists() else 0


def fault_run(work: Path, name: str, faults: str, key_from: Path | None, attempts=12) -> dict:
    """Backfills under `faults` until one exits 0; returns the exits and whether the archive equals truth."""
    sandbox = Sandbox(work / f"{name}-sandbox", key_from, faults=faults)
    try:
        account = Account(work / name, sandbox)
        login_exit = login_with_retries(account)
        exits = []
        while len(exits) < attempts and (not exits or exits[-1] != 0):
            exits.append(account.run("backfill", CHANNEL).returncode)
        equal = account.archived_ids(CHANNEL[1:]) == sandbox.truth_ids(CHANNEL)
        return {"name": name, "faults": faults, "exits": exits, "login_exit": login_exit, "equal": equal}
    finally:
        sandbox.stop()


def login_with_retries(account: Account, attempts=5) -> int:
    code = 1
    for _ in range(attempts):
        code = account.run("login", "--code", "22222").returncode
        if code == 0:
            break
    return code


def flood_run(work: Path, key_from: Path | None, attempts=12) -> dict:
    """Two archives of Alice page the same channel at once against flood limits; flood_wait_max is 1 s,
    so the FLOOD_WAIT the second one meets is over it and its run must defer (75), then finish later."""
    # Flood windows run on the sandbox's simulated clock: it must run (here in real time) for them to end.
    sandbox = Sandbox(work / "flood-sandbox", key_from, flood="on", speed="1")
    try:
        accounts = [Account(work / f"flood-{i}", sandbox, settings_extra="  flood_wait_max: 1s\n") for i in (1, 2)]
        for account in accounts:
            login_with_retries(account)
        start = set(sandbox.truth_ids(CHANNEL))
        first = [subprocess.Popen(a.command("backfill", CHANNEL), stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE, text=True, env=clean_env()) for a in accounts]
        exits = []
        saw_flood = False
        for process in first:
            _, err = process.communicate(timeout=900)
            exits.append(process.returncode)
            saw_flood |= "FLOOD_WAIT" in err or "flood" in err.lower()
        equal = True
        for index, account in enumerate(accounts):
            # With flood_wait_max at 1 s, later runs also defer on the governor's own token waits (the rate
            # is halved after a FLOOD_WAIT, ~2 s a page) after two pages each; the follow-ups use the default.
            account.settings.write_text(account.settings.read_text().replace("  flood_wait_max: 1s\n", ""))
            code = exits[index]
            before = start
            tries = 1
            while code != 0 and tries < attempts:
                time.sleep(5)
                before = set(sandbox.truth_ids(CHANNEL))
                code = account.run("backfill", CHANNEL).returncode
                exits.append(code)
                tries += 1
            # A post may arrive during the last run: everything from before it, nothing the server lacks.
            archived = set(account.archived_ids(CHANNEL[1:]))
            equal &= code == 0 and before <= archived <= set(sandbox.truth_ids(CHANNEL))
        return {"name": "flood", "faults": "flood on, flood_wait_max 1s, two clients", "exits": exits,
                "login_exit": 0, "equal": equal, "saw_flood": saw_flood}
    finally:
        sandbox.stop()


def corruption_phase(work: Path, trials: int, rng: random.Random, key_from: Path | None) -> dict:
    """Damaged copies of a fully backfilled archive of @sandbox_interop (see bench/corruption.py)."""
    sandbox = Sandbox(work / "corruption-sandbox", key_from)
    try:
        account = Account(work / "corruption", sandbox)
        account.login()
        account.run("backfill", CHANNEL)
        with sqlite3.connect(account.db) as db:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        base = work / "corruption-base.sqlite"
        shutil.copy(account.db, base)
        jobs = work / "corruption.yaml"
        jobs.write_text(JOBS)

        def run(args):
            if args[0] != "archive":
                return account.run(*args, timeout=600)
            # A subcommand's options come after its name.
            binary, _, *flags = account.command("archive")
            return subprocess.run([binary, "archive", args[1], *flags, *args[2:]],
                                  capture_output=True, text=True, timeout=600, env=clean_env())

        return corruption_trials(base, work / "corruption-trials", trials, rng, run,
                                 [["backfill", CHANNEL, "--limit", "50"], ["run", "--jobs", str(jobs)]])
    finally:
        sandbox.stop()


def report(phases: list[tuple[str, dict]], faults: list[dict], seconds: float, corruption: dict | None = None) -> str:
    lines = ["# tgcron chaos run", "", f"Machine: {machine()}. Release build. Wall time {seconds / 60:.1f} min.", ""]
    for title, kills in phases:
        per_kill = kills["refetched_per_kill"]
        mean = sum(per_kill) / len(per_kill) if per_kill else 0
        lines += [
            f"## SIGKILL at random moments: {title}", "",
            "| trials (kills) | runs completed between | lost | duplicated | phantom ids | final run | final archived / truth | re-fetched per kill (mean, max) |",
            "|---|---|---|---|---|---|---|---|",
            f"| {kills['kills']} | {kills['completed']} | {kills['lost'] + kills['final_lost']} | {kills['duplicates']} "
            f"| {kills['phantoms']} | exit {kills['final_exit']} | {kills['final_archived']} / {kills['final_truth']} "
            f"| {mean:.1f}, {max(per_kill, default=0)} |", "",
            f"- Other exits (neither killed nor 0): {kills['other_exits']}. Runs recorded as interrupted: "
            f"{kills['interrupted_runs']}.",
            f"- Messages re-fetched in total (audit_log SUM(count) of messages.getHistory minus rows archived): "
            f"{kills['refetched_total']}; this includes the pages each completed incremental run re-reads by design.",
            *(["- In this phase the total includes the scheduled job's own first pass over the history the "
                "backfill had already archived (the two keep separate checkpoints)."] if title == INCREMENTAL_TITLE else []),
            f"- Archived ids the server had deleted by the end and the archive had not yet marked: "
            f"{kills['stale_deletions']}.", ""]
    if corruption:
        c = corruption
        lines += ["## Corruption (damaged copies of a full @sandbox_interop archive; bench/corruption.py)", "",
                  "| trials | damaged (quick_check) | harmless | writer runs refused | reported success | failed silently "
                  "| recover failed | rows readable intact | recovered | missing |",
                  "|---|---|---|---|---|---|---|---|---|---|",
                  f"| {c['trials']} | {c['damaged']} | {c['harmless']} | {c['refused']} | {c['wrongly_succeeded']} "
                  f"| {c['silent_failures']} | {c['recover_failed']} | {c['readable_rows']} | {c['recovered_rows']} "
                  f"| {c['rows_missing_from_recovery']} |", "",
                  f"- Each trial overwrites 1-4 ranges of 16-4096 random bytes at random offsets of a "
                  f"{c['original_rows']}-message archive; writers are `backfill --limit 50` and `run`.", ""]
    if faults:
        lines += ["## Fault runs (@sandbox_interop; frozen clock, except the flood run's, which runs in real time)", "",
                  "| fault | exits of the repeated runs | archive equals truth |", "|---|---|---|"]
        for run in faults:
            lines.append(f"| `{run['faults']}` | {', '.join(map(str, run['exits']))} | {'yes' if run['equal'] else 'NO'} |")
        lines.append("")
    fuzz = ROOT / "bench" / "results" / "fuzz.md"
    if fuzz.exists():
        lines += ["## Fuzz (from bench/results/fuzz.md)", "", *fuzz.read_text().splitlines()[1:], ""]
    return "\n".join(lines) + "\n"


BACKFILL_TITLE = ("@sandbox_interop, clock at 60x, backfill and a scheduled job alternately, "
                  "killed 0.1-4 s after start")
INCREMENTAL_TITLE = ("@sandbox_interop, clock at 60x, after both have archived the history: "
                     "catch-up runs killed 0.05-1.5 s after start")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kills", type=int, default=100, help="kills during backfills (0: none)")
    parser.add_argument("--incremental-kills", type=int, default=30, help="kills during catch-up runs (0: none)")
    parser.add_argument("--corruption-trials", type=int, default=50, help="damaged archive copies (0: none)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-faults", action="store_true")
    parser.add_argument("--from-json", help="a JSON file of earlier phases ('phase:' lines of stderr), "
                        "reported ahead of the phases run now")
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "chaos.md"))
    args = parser.parse_args()
    started = time.monotonic()
    earlier = json.loads(Path(args.from_json).read_text()) if args.from_json else {}
    phases = [(title, kills) for title, kills in earlier.get("phases", [])]
    faults = earlier.get("faults", [])
    with tempfile.TemporaryDirectory(prefix="tgcron-chaos.") as tmp:
        work = Path(tmp)
        key = Sandbox(work / "key", None)
        key.stop()
        rng = random.Random(args.seed)
        for title, count, incremental in ((BACKFILL_TITLE, args.kills, False),
                                          (INCREMENTAL_TITLE, args.incremental_kills, True)):
            if count > 0:
                phases.append((title, kill_trials(work, count, rng, key.data, incremental=incremental)))
                print(f"phase: {json.dumps(phases[-1])}", file=sys.stderr, flush=True)
        corruption = earlier.get("corruption")
        if args.corruption_trials > 0:
            corruption = corruption_phase(work, args.corruption_trials, rng, key.data)
            print(f"corruption: {json.dumps(corruption)}", file=sys.stderr, flush=True)
        if not args.no_faults:
            faults = [fault_run(work, spec.split("=")[0], spec, key.data) for spec in FAULTS]
            faults.append(flood_run(work, key.data))
            print(f"faults: {json.dumps(faults)}", file=sys.stderr, flush=True)
    text = report(phases, faults, earlier.get("seconds", 0) + time.monotonic() - started, corruption)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(text)
    print(text)
    ok = corruption is None or trials_passed(corruption)
    ok &= all(run["equal"] and all(code in (0, 75) for code in run["exits"]) for run in faults)
    for _, kills in phases:
        ok &= kills["lost"] + kills["final_lost"] + kills["duplicates"] + kills["phantoms"] == 0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
