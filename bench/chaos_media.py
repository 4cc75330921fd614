"""`make chaos`, media part: SIGKILLs in the middle of media downloads (30 by default), each followed by
a check of the store (every `done` file whole and hashing to its ledger SHA-256, no file or row twice),
then a final run compared with `tgcron sandbox truth --media`: 0 lost, 0 corrupt, 0 duplicated.

It runs the end-to-end test Tests/EndToEnd/test_media.py (the CI version kills 6 times) with
TGCRON_CHAOS_MEDIA_KILLS set, and writes its summary to bench/results/chaos-media.md."""

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kills", type=int, default=30)
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "chaos-media.md"))
    args = parser.parse_args()
    env = dict(os.environ, TGCRON_CHAOS_MEDIA_KILLS=str(args.kills))
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-s", str(ROOT / "Tests" / "EndToEnd" / "test_media.py"), "-k", "killed"],
        env=env, capture_output=True, text=True, cwd=ROOT)
    elapsed = time.monotonic() - started
    summary = next((line for line in result.stdout.splitlines() if "SIGKILLs" in line), "no summary: the test failed")
    verdict = "passed" if result.returncode == 0 else "FAILED"
    Path(args.out).write_text(
        "# Chaos: SIGKILLs during media downloads\n\n"
        f"`bench/chaos_media.py --kills {args.kills}` ({verdict}, {elapsed:.0f} s): {summary}.\n\n"
        "Each kill is followed by a check that every `done` row's file is whole and hashes to its SHA-256, that no\n"
        "file is stored twice and no ledger row exists twice; the last run must complete every file with the\n"
        "SHA-256 `tgcron sandbox truth --media` gives.\n")
    print(result.stdout[-2000:], result.stderr[-2000:], sep="\n")
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
