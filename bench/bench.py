#!/usr/bin/env python3
"""`make bench`: end-to-end benchmarks of the release `tgcron` (and Telethon 1.45 where there is a
counterpart) against `tgcron sandbox serve` on loopback; a Markdown report goes to standard output.

    python3 bench/bench.py [--runs 3] [--messages 5000] [--governed-seconds 180] [--download-mb 200] [--skip-telethon]
        [--only throughput,rss,governed,startup,resume,download]

Every client figure is the child's own rusage (wait4): CPU user+sys and peak RSS of that process only,
never the sandbox's. Medians over --runs runs. The sandbox runs on the same cores as the client.
"""

import argparse
import hashlib
import json
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import ROOT, Account, Sandbox, binary, clean_env, machine, measure, median  # noqa: E402

PYTHON = str(ROOT / ".venv" / "bin" / "python")
TELETHON = ROOT / "bench" / "telethon"
# The account's warm-up budget (2,000 requests on day 1) would stop long benchmarks; the rate buckets stay.
UNLIMITED = "  warmup:\n    day1: 100000000\n    cap: 100000000\n"
# Limits off: no warm-up and no rate governor (`rate_governor: false`, accepted only with `server`), so the
# throughput and memory runs measure the client, not its pacing.
LIMITS_OFF = UNLIMITED + "  rate_governor: false\n"


class Bench:
    def __init__(self, work: Path, runs: int):
        self.work = work
        self.runs = runs
        self.counter = 0
        key = Sandbox(work / "key", None)
        key.stop()
        self.key = key.data

    def sandbox(self, **options) -> Sandbox:
        self.counter += 1
        return Sandbox(self.work / f"sandbox-{self.counter}", self.key, **options)

    def account(self, sandbox: Sandbox, delays=("0s", "1ms"), governed=False) -> Account:
        self.counter += 1
        account = Account(self.work / f"account-{self.counter}", sandbox, settings_extra=UNLIMITED if governed else LIMITS_OFF,
                          delay_min=delays[0], delay_max=delays[1])
        account.login()
        return account

    def tgcron_backfill(self, messages: int | None) -> dict:
        """Fresh archives, `backfill @sandbox_big --limit N` (or the whole channel, once); median wall, CPU, RSS."""
        samples = []
        sandbox = self.sandbox()
        try:
            for _ in range(self.runs if messages else 1):
                account = self.account(sandbox)
                limit = ["--limit", str(messages)] if messages else []
                run = measure(account.command("backfill", "@sandbox_big", *limit))
                archived = account.query("SELECT COUNT(*) FROM messages")[0][0]
                samples.append((run, archived))
        finally:
            sandbox.stop()
        return summarize("tgcron" + ("" if messages else " (whole channel)"), samples)

    def telethon_backfill(self, messages: int | None) -> dict:
        samples = []
        sandbox = self.sandbox()
        try:
            for index in range(self.runs if messages else 1):
                db = self.work / f"telethon-{self.counter}-{index}.sqlite"
                command = [PYTHON, str(TELETHON / "telethon_backfill.py"), "--manifest", str(sandbox.data),
                           "--channel", "@sandbox_big", "--db", str(db)]
                if messages:
                    command += ["--limit", str(messages)]
                run = measure(command)
                samples.append((run, json.loads(run.stdout.splitlines()[-1])["messages"]))
        finally:
            sandbox.stop()
        return summarize("Telethon" + ("" if messages else " (whole channel)"), samples)

    def rss_by_size(self, sizes: list[int]) -> list[tuple[int, int, float]]:
        """Peak RSS of one backfill of each size (fresh archive): (messages, KB, wall s)."""
        rows = []
        sandbox = self.sandbox()
        try:
            for size in sizes:
                account = self.account(sandbox)
                run = measure(account.command("backfill", "@sandbox_big", "--limit", str(size)))
                rows.append((account.query("SELECT COUNT(*) FROM messages")[0][0], run.max_rss_kb, run.wall))
        finally:
            sandbox.stop()
        return rows

    def governed_tgcron(self, seconds: int) -> dict:
        """A job limited to `seconds` of wall time on @sandbox_big against flood limits (30 per 30 s). Flood
        windows follow the sandbox's simulated clock, so it runs in real time (frozen, they never end)."""
        sandbox = self.sandbox(flood="on", speed="1")
        try:
            # The shipped settings (human gaps 0.5-3 s, drawn around the governed rate) except the warm-up budget.
            account = self.account(sandbox, delays=("500ms", "3s"), governed=True)
            jobs = self.work / "governed.yaml"
            jobs.write_text("jobs:\n  - name: big\n    channel: '@sandbox_big'\n    schedule: '@hourly'\n"
                            f"    limits:\n      duration: {seconds}s\n")
            run = measure(account.command("run", "--jobs", str(jobs), "--job", "big"))
            requests = account.query("SELECT COUNT(*) FROM audit_log WHERE method = 'messages.getHistory' "
                                     "AND error IS NULL")[0][0]
            floods = account.query("SELECT COUNT(*) FROM audit_log WHERE error LIKE '%FLOOD_WAIT%'")[0][0]
            sent = [row[0] for row in account.query(
                "SELECT time FROM audit_log WHERE method = 'messages.getHistory' ORDER BY id")]
            return {"client": "tgcron (shipped settings)", "requests": requests, "floods": floods,
                    "gaps": gap_spread(sent),
                    "seconds": run.wall, "exit": run.returncode}
        finally:
            sandbox.stop()

    def governed_telethon(self, seconds: int) -> dict:
        sandbox = self.sandbox(flood="on", speed="1")
        try:
            run = measure([PYTHON, str(TELETHON / "telethon_governed.py"), "--manifest", str(sandbox.data),
                           "--channel", "@sandbox_big", "--seconds", str(seconds)])
            result = json.loads(run.stdout.splitlines()[-1])
            return {"client": "Telethon (flood_sleep_threshold 60 s)", "requests": result.get("requests"),
                    "floods": result.get("flood_waits"), "seconds": result.get("seconds", seconds),
                    "exit": run.returncode, "raw": result}
        finally:
            sandbox.stop()

    def startup(self, repeats: int) -> float:
        """Median wall seconds of `tgcron run` when nothing is due (after one run of the job)."""
        sandbox = self.sandbox()
        try:
            account = self.account(sandbox)
            jobs = self.work / "startup.yaml"
            jobs.write_text("jobs:\n  - name: news\n    channel: '@sandbox_news'\n    schedule: '@daily'\n")
            account.run("run", "--jobs", str(jobs))
            walls = []
            for _ in range(repeats):
                run = measure(account.command("run", "--jobs", str(jobs)))
                assert run.returncode == 0 and "nothing is due" in run.stderr, run.stderr
                walls.append(run.wall)
            return median(walls)
        finally:
            sandbox.stop()

    def resume(self, kills: int, kill_after: float, resume_messages: int) -> dict:
        """Kills a backfill of @sandbox_big after `kill_after` s, then resumes with --limit; the cost is the
        messages fetched again (audit_log) and the resumed run's wall time, against an uninterrupted one."""
        sandbox = self.sandbox()
        refetched, resumed, baseline = [], [], []
        try:
            for _ in range(kills):
                account = self.account(sandbox)
                process = subprocess.Popen(account.command("backfill", "@sandbox_big"), stdout=subprocess.DEVNULL,
                                           stderr=subprocess.DEVNULL, env=clean_env())
                time.sleep(kill_after)
                process.send_signal(signal.SIGKILL)
                process.wait()
                rows_before = account.query("SELECT COUNT(*) FROM messages")[0][0]
                run = measure(account.command("backfill", "@sandbox_big", "--limit", str(resume_messages)))
                rows_after = account.query("SELECT COUNT(*) FROM messages")[0][0]
                refetched.append(account.fetched_messages() - rows_after)
                resumed.append((run.wall, rows_after - rows_before))
                again = measure(account.command("backfill", "@sandbox_big", "--limit", str(resume_messages)))
                baseline.append(again.wall)
        finally:
            sandbox.stop()
        return {"refetched": refetched, "resumed_wall": median([w for w, _ in resumed]),
                "baseline_wall": median(baseline), "resumed_new": median([n for _, n in resumed])}


    def media_truth(self, sandbox: Sandbox) -> list[dict]:
        """`tgcron sandbox truth @sandbox_media --media`: per message its file's DC, size and SHA-256."""
        out = subprocess.run([binary(), "sandbox", "truth", "@sandbox_media", "--media", "--data", str(sandbox.data)],
                             check=True, capture_output=True, text=True, timeout=600).stdout
        return [json.loads(line) for line in out.splitlines() if line]

    def download(self, client: str, ids: list[int], expected: dict[int, str]) -> dict:
        """Downloads the files of @sandbox_media messages `ids` with `client` (a fresh sandbox, flood limits off,
        governor off), checks each against the truth's SHA-256; median wall, CPU and peak RSS."""
        samples = []
        sandbox = self.sandbox()
        try:
            for index in range(self.runs):
                out = self.work / f"download-{self.counter}-{client}-{index}"
                joined = ",".join(map(str, ids))
                if client == "tgcron":
                    command = [str(Path(binary()).parent / "TGCronBench"), "download", str(sandbox.data), "sandbox_media",
                               joined, str(out)]
                else:
                    command = [PYTHON, str(TELETHON / "telethon_download.py"), "--manifest", str(sandbox.data),
                               "--channel", "@sandbox_media", "--ids", joined, "--out", str(out)]
                run = measure(command)
                if run.returncode != 0:
                    raise RuntimeError(f"{client} download failed: {run.stderr[-2000:]}")
                result = json.loads(run.stdout.splitlines()[-1])
                for message_id, sha in expected.items():
                    if file_sha256(out / str(message_id)) != sha:
                        raise RuntimeError(f"{client}: message {message_id} differs from the truth")
                shutil.rmtree(out)
                samples.append((run, result))
        finally:
            sandbox.stop()
        runs = [run for run, _ in samples]
        megabytes = samples[0][1]["bytes"] / 2**20
        seconds = median([result["seconds"] for _, result in samples])
        cpu = median([run.cpu for run in runs])
        return {"client": client, "files": len(ids), "mb": megabytes, "seconds": seconds, "rate": megabytes / seconds,
                "cpu": cpu, "cpu_ms_per_mb": cpu / megabytes * 1000, "rss_mb": median([run.max_rss_kb for run in runs]) / 1024}


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file read 1 MiB at a time: the bench process stays small, since every client it
    forks starts as a copy of it and rusage would count that."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def download_section(bench: "Bench", skip_telethon: bool, minimum_mb: int) -> list[str]:
    """Download throughput and CPU per MB (the largest documents of @sandbox_media on every DC until the set
    holds `minimum_mb`), tgcron against Telethon + cryptg, and tgcron's peak RSS for one 64 MB file."""
    sandbox = bench.sandbox()
    try:
        truth = bench.media_truth(sandbox)
    finally:
        sandbox.stop()
    chosen, total = [], 0
    for record in sorted((r for r in truth if r["kind"] == "document"), key=lambda r: -r["size"]):
        if total >= minimum_mb << 20:
            break
        chosen.append(record)
        total += record["size"]
    expected = {r["id"]: r["sha256"] for r in chosen}
    rows = [bench.download("tgcron", [r["id"] for r in chosen], expected)]
    if not skip_telethon:
        rows.append(bench.download("telethon", [r["id"] for r in chosen], expected))
    big = min((r for r in truth if r["kind"] == "document" and r["size"] >= 64 << 20), key=lambda r: r["size"])
    single = bench.download("tgcron", [big["id"]], {big["id"]: big["sha256"]})
    dcs = sorted({r["dc"] for r in chosen})
    lines = [f"### Downloads, @sandbox_media, flood limits and governor off ({len(chosen)} documents, "
             f"{total / 2**20:.0f} MB, DCs {', '.join(map(str, dcs))}; every file checked against `truth --media`)", "",
             "| client | MB | download wall | MB/s | client CPU user+sys | CPU ms/MB | peak RSS |", "|---|---|---|---|---|---|---|"]
    for row in rows:
        name = "tgcron (4 parts of 1 MiB in flight, 2 connections per DC)" if row["client"] == "tgcron" else "Telethon 1.45 + cryptg"
        lines.append(f"| {name} | {row['mb']:.0f} | {row['seconds']:.1f} s | {row['rate']:.1f} | {row['cpu']:.2f} s | "
                     f"{row['cpu_ms_per_mb']:.1f} | {row['rss_mb']:.1f} MB |")
    lines.append("")
    if len(rows) == 2:
        tg, tt = rows
        lines.append(f"- Ratio tgcron ÷ Telethon: throughput {tg['rate'] / tt['rate']:.1f}×; Telethon ÷ tgcron: CPU per MB "
                     f"{tt['cpu_ms_per_mb'] / tg['cpu_ms_per_mb']:.1f}×.")
    lines += [f"- tgcron peak RSS downloading one {big['size'] / 2**20:.1f} MB file (message {big['id']}, DC {big['dc']}): "
              f"{single['rss_mb']:.1f} MB, {single['rate']:.1f} MB/s.",
              "- CPU includes login and the message lookup; the sandbox serving the files runs on the same cores.", ""]
    return lines


def media_backfill_section(bench: "Bench", skip_telethon: bool) -> list[str]:
    """A media backfill of the whole of @sandbox_media (messages, then every file into the content-addressed
    store; governor off), and Telethon + cryptg `download_media` of the same files, each checked against
    `truth --media`: MB/s, CPU per MB, peak RSS (medians over the runs)."""
    sandbox = bench.sandbox()
    try:
        truth = bench.media_truth(sandbox)
        expected = {r["id"]: r for r in truth}
        total = sum(r["size"] for r in truth) / 2**20
        rows = []
        samples = []
        for _ in range(bench.runs):
            account = bench.account(sandbox)
            run = measure(account.command("backfill", "@sandbox_media", "--media", "all"))
            if run.returncode != 0:
                raise RuntimeError(f"tgcron media backfill failed: {run.stderr[-2000:]}")
            done = dict(account.query("SELECT message_id, sha256 FROM media WHERE status = 'done'"))
            if done != {i: r["sha256"] for i, r in expected.items()}:
                raise RuntimeError("tgcron media backfill: the store differs from the truth")
            samples.append(run)
        rows.append(("tgcron `backfill --media all` (messages too)", samples))
        if not skip_telethon:
            samples = []
            for index in range(bench.runs):
                out = bench.work / f"media-telethon-{index}"
                run = measure([PYTHON, str(TELETHON / "telethon_download.py"), "--manifest", str(sandbox.data),
                               "--channel", "@sandbox_media", "--ids", ",".join(map(str, expected)), "--out", str(out)])
                if run.returncode != 0:
                    raise RuntimeError(f"telethon download failed: {run.stderr[-2000:]}")
                for message_id, record in expected.items():
                    if file_sha256(out / str(message_id)) != record["sha256"]:
                        raise RuntimeError(f"telethon: message {message_id} differs from the truth")
                shutil.rmtree(out)
                samples.append(run)
            rows.append(("Telethon 1.45 + cryptg `download_media` (files only)", samples))
    finally:
        sandbox.stop()
    lines = [f"### Media backfill, @sandbox_media, flood limits and governor off ({len(truth)} files, {total:.0f} MB; "
             "every file checked against `truth --media`)", "",
             "| client | wall | MB/s | CPU user+sys | CPU ms/MB | peak RSS |", "|---|---|---|---|---|---|"]
    for name, runs in rows:
        wall = median([run.wall for run in runs])
        cpu = median([run.cpu for run in runs])
        lines.append(f"| {name} | {wall:.1f} s | {total / wall:.1f} | {cpu:.2f} s | {cpu / total * 1000:.1f} | "
                     f"{median([run.max_rss_kb for run in runs]) / 1024:.1f} MB |")
    return lines + ["", "- Walls include process start and login; tgcron's also pages the channel's messages and "
                    "hashes, syncs and renames every file.", ""]


def gap_spread(times) -> str:
    """The shortest, median and longest gap between consecutive audit times (seconds or ISO 8601 text)."""
    def seconds(value):
        if isinstance(value, (int, float)):
            return float(value)
        from datetime import datetime
        return datetime.fromisoformat(str(value).replace("Z", "+00:00")).timestamp()
    stamps = [seconds(t) for t in times]
    gaps = sorted(b - a for a, b in zip(stamps, stamps[1:]))
    if not gaps:
        return "-"
    return f"{gaps[0]:.2f} / {gaps[len(gaps) // 2]:.2f} / {gaps[-1]:.2f} s"


def summarize(client: str, samples) -> dict:
    runs = [run for run, _ in samples]
    messages = median([count for _, count in samples])
    wall = median([r.wall for r in runs])
    cpu = median([r.cpu for r in runs])
    return {"client": client, "messages": messages, "wall": wall, "cpu": cpu, "rate": messages / wall,
            "cpu_us_per_msg": cpu / max(messages, 1) * 1e6, "rss_mb": median([r.max_rss_kb for r in runs]) / 1024,
            "exits": sorted({r.returncode for r in runs}), "runs": len(runs)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--messages", type=int, default=5000, help="messages per throughput run")
    parser.add_argument("--rss-sizes", default="10000,100000,190000", help="comma-separated backfill sizes for peak RSS")
    parser.add_argument("--governed-seconds", type=int, default=180)
    parser.add_argument("--skip-telethon", action="store_true")
    parser.add_argument("--download-mb", type=int, default=200, help="size of the download benchmark's file set")
    parser.add_argument("--only", default="throughput,rss,governed,startup,resume,download,media")
    args = parser.parse_args()
    only = set(args.only.split(","))
    out = ["", "## End-to-end (release tgcron against `tgcron sandbox serve` on loopback)", "",
           f"Machine: {machine()}. Medians of {args.runs} runs unless noted; client CPU and RSS are the "
           "client process's own rusage.", ""]
    with tempfile.TemporaryDirectory(prefix="tgcron-bench.") as tmp:
        bench = Bench(Path(tmp), args.runs)
        if "throughput" in only:
            pairs = [(bench.tgcron_backfill(size), None if args.skip_telethon else bench.telethon_backfill(size))
                     for size in (args.messages, None)]
            out += throughput_table(pairs, args.messages)
        if "rss" in only:
            out += ["### tgcron peak RSS by backfill size (@sandbox_big, fresh archive, one run each)", "",
                    "| messages archived | peak RSS | wall |", "|---|---|---|"]
            for count, kb, wall in bench.rss_by_size([int(s) for s in args.rss_sizes.split(",")]):
                out.append(f"| {count:,} | {kb / 1024:.1f} MB | {wall:.1f} s |")
            out += ["", "The built-in world's largest channel holds about 200k messages; 1M needs a `--world` file "
                    "with a larger channel (not run here).", ""]
        if "governed" in only:
            rows = [bench.governed_tgcron(args.governed_seconds)]
            if not args.skip_telethon:
                rows.append(bench.governed_telethon(args.governed_seconds))
            out += [f"### Governed efficiency, flood limits on (30 getHistory per 30 s = 1.0/s), {args.governed_seconds} s", "",
                    "| client | getHistory answered | seconds | achieved req/s ÷ 1.0 | FLOOD_WAITs | gaps min / median / max | exit |",
                    "|---|---|---|---|---|---|---|"]
            for row in rows:
                rate = (row["requests"] or 0) / row["seconds"]
                out.append(f"| {row['client']} | {row['requests']} | {row['seconds']:.0f} | {rate:.3f} | {row['floods']} "
                           f"| {row.get('gaps', '-')} | {row['exit']} |")
            out.append("")
        if "startup" in only:
            out += ["### Start-up", "", f"`tgcron run` with nothing due: median {bench.startup(15) * 1000:.0f} ms "
                    "wall over 15 runs (process start, settings and job files, archive open, lock).", ""]
        if "resume" in only:
            result = bench.resume(args.runs, 8.0, 500)
            out += ["### Resume after SIGKILL (@sandbox_big, killed 8 s into a backfill)", "",
                    f"- Messages fetched twice, per kill: {', '.join(map(str, result['refetched']))} "
                    "(audit_log SUM(count) of messages.getHistory minus rows archived).",
                    f"- The resumed `backfill --limit 500`: median {result['resumed_wall']:.1f} s for "
                    f"{result['resumed_new']} new messages, against {result['baseline_wall']:.1f} s for the same "
                    "call on an archive that was not killed.", ""]
        if "download" in only:
            out += download_section(bench, args.skip_telethon, args.download_mb)
        if "media" in only:
            out += media_backfill_section(bench, args.skip_telethon)
    print("\n".join(out))
    return 0


def throughput_table(pairs: list[tuple[dict, dict | None]], messages: int) -> list[str]:
    """Rows for tgcron and Telethon at each size, and the ratios Telethon ÷ tgcron."""
    lines = [f"### Backfill throughput, @sandbox_big, flood limits off, warm-up budget lifted ({messages:,} messages, "
             "then the whole channel once)", "",
             "| client | messages | wall | msgs/s | CPU user+sys | CPU µs/msg | peak RSS | exits |",
             "|---|---|---|---|---|---|---|---|"]
    for row in [row for pair in pairs for row in pair if row]:
        lines.append(f"| {row['client']} | {row['messages']:,} | {row['wall']:.1f} s | {row['rate']:,.0f} | "
                     f"{row['cpu']:.2f} s | {row['cpu_us_per_msg']:.1f} | {row['rss_mb']:.1f} MB | {row['exits']} |")
    lines.append("")
    for tg, tt in pairs:
        if tt:
            lines.append(f"- Ratio Telethon ÷ tgcron, {tg['messages']:,} messages: CPU per message "
                         f"{tt['cpu_us_per_msg'] / tg['cpu_us_per_msg']:.1f}×, peak RSS {tt['rss_mb'] / tg['rss_mb']:.1f}×, "
                         f"wall {tt['wall'] / tg['wall']:.2f}×.")
    lines += ["", "tgcron runs here with `rate_governor: false` (accepted only against a server one runs), so the "
              "figures measure the client rather than its pacing; with the governor on, history is paced at "
              "0.96 pages/s.", ""]
    return lines


if __name__ == "__main__":
    sys.exit(main())
