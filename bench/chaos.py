#!/usr/bin/env python3
"""`make chaos`: SIGKILL trials and fault runs of the release `tgcron` against `tgcron sandbox serve`,
checked against `tgcron sandbox truth`; the figures go to bench/results/chaos.md.

    python3 bench/chaos.py [--kills 100] [--seed 1] [--faults-only] [--out bench/results/chaos.md]

(a) Kills: backfills and scheduled runs of @sandbox_interop on a sandbox whose clock runs (--speed 60,
    10 new posts a minute, edits, late deletions), each killed with SIGKILL at a random moment. After
    every kill: no duplicate rows, and every archived id existed at some sampled moment. After every run
    that completes, and after a final full run: nothing the server held for the whole run is missing.
(b) Faults: for each fault the sandbox injects (and for a FLOOD_WAIT longer than flood_wait_max, made by
    two archives of the same account paging at once), runs repeat until one exits 0; every run must exit
    0 or 75, and the archive must equal the (frozen) truth at the end.
"""

import argparse
import json
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import ROOT, Account, Sandbox, clean_env, machine  # noqa: E402

CHANNEL = "@sandbox_interop"
JOBS = "jobs:\n  - name: interop\n    channel: '@sandbox_interop'\n    schedule: '@hourly'\n"
FAULTS = ["drop=5", "salt=10s", "badtime=0.2", "busy=0.2"]


def kill_trials(work: Path, kills_wanted: int, rng: random.Random, key_from: Path | None) -> dict:
    sandbox = Sandbox(work / "kills-sandbox", key_from, speed="60")
    try:
        account = Account(work / "kills", sandbox)
        account.login()
        jobs = work / "jobs.yaml"
        jobs.write_text(JOBS)
        commands = [account.command("backfill", CHANNEL),
                    account.command("run", "--jobs", str(jobs), "--job", "interop")]
        ever = set(sandbox.truth_ids(CHANNEL))
        kills = completed = other_exits = phantoms = duplicates = lost = 0
        refetched_per_kill = []
        while kills < kills_wanted:
            before_fetched = account.fetched_messages() if account.db.exists() else 0
            before_rows = rows(account)
            at_start = set(sandbox.truth_ids(CHANNEL))
            ever |= at_start
            process = subprocess.Popen(commands[(kills + completed) % 2], stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL, env=clean_env())
            try:
                process.wait(timeout=rng.uniform(0.1, 4.0))
            except subprocess.TimeoutExpired:
                process.send_signal(signal.SIGKILL)
                process.wait()
            at_end = set(sandbox.truth_ids(CHANNEL))
            ever |= at_end
            archived = set(account.archived_ids(CHANNEL[1:]))
            phantoms += len(archived - ever)
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
        return {"kills": kills, "completed": completed, "other_exits": other_exits, "phantoms": phantoms,
                "duplicates": duplicates + account.duplicate_rows(), "lost": lost, "final_exit": final.returncode,
                "final_lost": final_lost, "final_archived": len(archived), "final_truth": len(at_end),
                "stale_deletions": stale, "refetched_total": refetched, "interrupted_runs": interrupted,
                "refetched_per_kill": refetched_per_kill}
    finally:
        sandbox.stop()


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


def report(kills: dict | None, faults: list[dict], seconds: float) -> str:
    lines = ["# tgcron chaos run", "", f"Machine: {machine()}. Release build. Wall time {seconds / 60:.1f} min.", ""]
    if kills:
        per_kill = kills["refetched_per_kill"]
        mean = sum(per_kill) / len(per_kill) if per_kill else 0
        lines += [
            "## SIGKILL at random moments (@sandbox_interop, clock running at 60x, backfill and scheduled runs)", "",
            "| trials (kills) | runs completed between | lost | duplicated | phantom ids | final run | final archived / truth | re-fetched per kill (mean, max) |",
            "|---|---|---|---|---|---|---|---|",
            f"| {kills['kills']} | {kills['completed']} | {kills['lost'] + kills['final_lost']} | {kills['duplicates']} "
            f"| {kills['phantoms']} | exit {kills['final_exit']} | {kills['final_archived']} / {kills['final_truth']} "
            f"| {mean:.1f}, {max(per_kill, default=0)} |", "",
            f"- Other exits (neither killed nor 0): {kills['other_exits']}. Runs recorded as interrupted: "
            f"{kills['interrupted_runs']}.",
            f"- Messages re-fetched in total (audit_log SUM(count) of messages.getHistory minus rows archived): "
            f"{kills['refetched_total']}; this includes the pages each completed incremental run re-reads by design.",
            f"- Archived ids the server had deleted by the end and the archive had not yet marked: "
            f"{kills['stale_deletions']}.", ""]
    if faults:
        lines += ["## Fault runs (@sandbox_interop, frozen clock)", "",
                  "| fault | exits of the repeated runs | archive equals truth |", "|---|---|---|"]
        for run in faults:
            lines.append(f"| `{run['faults']}` | {', '.join(map(str, run['exits']))} | {'yes' if run['equal'] else 'NO'} |")
        lines.append("")
    fuzz = ROOT / "bench" / "results" / "fuzz.md"
    if fuzz.exists():
        lines += ["## Fuzz (from bench/results/fuzz.md)", "", *fuzz.read_text().splitlines()[1:], ""]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--faults-only", action="store_true")
    parser.add_argument("--kills-from", help="a JSON file with the kill trials of an earlier run (its "
                        "'kill trials:' line), reported instead of running them again")
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "chaos.md"))
    args = parser.parse_args()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="tgcron-chaos.") as tmp:
        work = Path(tmp)
        key = Sandbox(work / "key", None)
        key.stop()
        if args.kills_from:
            kills = json.loads(Path(args.kills_from).read_text())
        elif args.faults_only:
            kills = None
        else:
            kills = kill_trials(work, args.kills, random.Random(args.seed), key.data)
            print(f"kill trials: {json.dumps(kills)}", file=sys.stderr, flush=True)
        faults = [fault_run(work, spec.split("=")[0], spec, key.data) for spec in FAULTS]
        faults.append(flood_run(work, key.data))
    text = report(kills, faults, time.monotonic() - started)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(text)
    print(text)
    ok = all(run["equal"] and all(code in (0, 75) for code in run["exits"]) for run in faults)
    if kills:
        ok &= kills["lost"] + kills["final_lost"] + kills["duplicates"] + kills["phantoms"] == 0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
