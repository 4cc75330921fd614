#!/usr/bin/env python3
"""CPU per message of the same backfill into SQLite and into PostgreSQL (issue #19); Markdown on stdout.

    TGCRON_TEST_PG_URL=postgres://user@host:port/db TGCRON_PG_PASSWORD=… \\
        python3 bench/postgres.py [--runs 3] [--messages 5000] [--pg-data DIR]

Each run is `tgcron backfill @sandbox_big --limit N` into a fresh archive (a fresh database on the server for
PostgreSQL). The client's CPU is its own rusage (wait4). With `--pg-data` (the cluster's data directory) the
server's CPU is measured too: the postmaster's and its backends' times from /proc, before and after, so the
server is best otherwise idle.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import Account, Sandbox, binary, machine, measure, median  # noqa: E402

LIMITS_OFF = "  warmup:\n    day1: 100000000\n    cap: 100000000\n  rate_governor: false\n"


def psql(url: str, sql: str) -> str:
    env = dict(os.environ, PGPASSWORD=os.environ.get("TGCRON_PG_PASSWORD", ""))
    return subprocess.run(["psql", url, "-At", "-v", "ON_ERROR_STOP=1", "-c", sql], check=True, capture_output=True,
                          env=env, text=True).stdout.strip()


def server_cpu(data: Path | None) -> float:
    """The PostgreSQL server's CPU seconds so far: the postmaster's own and reaped children's times, plus its
    live children's (backends), from /proc (proc(5)); 0 without `data`."""
    if data is None:
        return 0.0
    postmaster = int((data / "postmaster.pid").read_text().splitlines()[0])

    def stat(pid) -> list[str] | None:
        try:
            return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None

    own = stat(postmaster) or []
    ticks = sum(int(own[i]) for i in (11, 12, 13, 14))  # utime, stime, cutime, cstime
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (fields := stat(entry.name)) and int(fields[1]) == postmaster:
            ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--messages", type=int, default=5000)
    parser.add_argument("--pg-data", type=Path)
    args = parser.parse_args()
    url = os.environ.get("TGCRON_TEST_PG_URL")
    if not url:
        print("TGCRON_TEST_PG_URL is not set", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="tgcron-bench-pg-"))
    key = Sandbox(work / "key", None)
    key.stop()
    sandbox = Sandbox(work / "sandbox", key.data)
    rows = {}
    try:
        for backend in ("SQLite", "PostgreSQL"):
            samples = []
            for run in range(args.runs):
                database = None
                extra = ""
                if backend == "PostgreSQL":
                    database = "bench_" + uuid.uuid4().hex
                    psql(url, f"CREATE DATABASE {database}")
                account = Account(work / f"{backend}-{run}", sandbox, settings_extra=LIMITS_OFF, delay_min="0s", delay_max="1ms")
                if database:
                    account.settings.write_text(account.settings.read_text()
                                                + f"  url: {url.rsplit('/', 1)[0]}/{database}\n")
                    with open(account.env_file, "a") as env:
                        env.write(f"TGCRON_PG_PASSWORD={os.environ.get('TGCRON_PG_PASSWORD', '')}\n")
                try:
                    account.login()
                    before = server_cpu(args.pg_data)
                    result = measure(account.command("backfill", "@sandbox_big", "--limit", str(args.messages)))
                    server = server_cpu(args.pg_data) - before
                    if result.returncode != 0:
                        raise RuntimeError(f"{backend} backfill failed: {result.stderr[-2000:]}")
                    count = (int(psql(f"{url.rsplit('/', 1)[0]}/{database}", "SELECT count(*) FROM messages")) if database
                             else account.query("SELECT COUNT(*) FROM messages")[0][0])
                    if count < args.messages:
                        raise RuntimeError(f"{backend}: {count} messages archived, expected {args.messages}")
                    samples.append((result, server))
                finally:
                    if database:
                        psql(url, f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
            rows[backend] = {
                "wall": median([s[0].wall for s in samples]), "cpu": median([s[0].cpu for s in samples]),
                "server": median([s[1] for s in samples]), "rss": median([s[0].max_rss_kb for s in samples]) / 1024,
            }
    finally:
        sandbox.stop()
    build = "release" if "/release/" in binary() else "DEBUG (not representative of a release build)"
    print(f"# Backfill into SQLite and into PostgreSQL\n\n{machine()}; binary: {build} `{binary()}`; "
          f"`backfill @sandbox_big --limit {args.messages}`, medians of {args.runs} runs, fresh archive each.\n")
    print("| archive | wall | client CPU | client CPU µs/msg | server CPU µs/msg | peak RSS |")
    print("|---|---|---|---|---|---|")
    for backend, row in rows.items():
        server = f"{row['server'] / args.messages * 1e6:.0f}" if args.pg_data and backend == "PostgreSQL" else "-"
        print(f"| {backend} | {row['wall']:.1f} s | {row['cpu']:.2f} s | {row['cpu'] / args.messages * 1e6:.0f} | "
              f"{server} | {row['rss']:.1f} MB |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
