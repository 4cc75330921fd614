#!/usr/bin/env bash
# `make demo`: a sandbox DC in a temporary directory, a non-interactive login, jobs/demo.yaml run twice with
# new posts arriving in between, then `tgcron status`. Stops the sandbox it started, whatever happens.
set -euo pipefail
cd "$(dirname "$0")/.."

bin="${TGCRON_BIN:-$(swift build --show-bin-path)/tgcron}"
work="$(mktemp -d -t tgcron-demo.XXXXXX)"
sandbox_pid=""
cleanup() {
    if [ -n "$sandbox_pid" ]; then kill "$sandbox_pid" 2>/dev/null || true; wait "$sandbox_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

# The world starts at 2026-01-02 (as the tests' does): hundreds of posts in @sandbox_news, not a year of them.
step "starting the sandbox DC (flood limits off, from 2026-01-02 at 2 simulated minutes per second) in $work"
"$bin" sandbox serve --data "$work/sandbox" --flood off --speed 120 --origin 2026-01-02T00:00:00Z >"$work/banner" 2>"$work/sandbox.log" &
sandbox_pid=$!
port=""
for _ in $(seq 1 100); do
    port="$(awk '$1 == "dc" && $2 == "2" { split($3, a, ":"); print a[2] }' "$work/banner")"
    [ -n "$port" ] && [ -s "$work/sandbox/sandbox.json" ] && break
    kill -0 "$sandbox_pid" 2>/dev/null || break
    sleep 0.1
done
[ -n "$port" ] || { echo "the sandbox did not start: $(cat "$work/sandbox.log")"; exit 1; }
python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["public_key_pem"], end="")' \
    "$work/sandbox/sandbox.json" >"$work/sandbox-key.pem"
echo "DC 2 listens on 127.0.0.1:$port"

mkdir -p "$work/config"
cat >"$work/config/settings.yaml" <<YAML
telegram_client:
  server: 127.0.0.1:$port
  dc: 2
  public_keys: [$work/sandbox-key.pem]
  # The demo's own sandbox has its flood limits off, so the governor's pacing (about one history call a
  # second, for real accounts) is turned off here: refused unless server or sandbox names your own server.
  rate_governor: false
  human_delay_min: 0s
  human_delay_max: 0s
archive:
  database: $work/tgcron.sqlite
YAML
cat >"$work/config/.env" <<ENV
TELEGRAM_CLIENT_API_ID=1
TELEGRAM_CLIENT_API_HASH=0123456789abcdef0123456789abcdef
TELEGRAM_CLIENT_PHONE=9996621234
ENV
chmod 600 "$work/config/.env"
flags=(--config "$work/config/settings.yaml" --env "$work/config/.env" --log-format human)

step "tgcron login (the sandbox's test account; its login code is 22222)"
"$bin" login "${flags[@]}" --code 22222

step "tgcron run --all --jobs jobs/demo.yaml (first run)"
"$bin" run "${flags[@]}" --jobs jobs/demo.yaml --all || echo "(exit $?)"

step "waiting 15 s: about 30 simulated minutes of new posts, edits and deletions"
sleep 15

step "tgcron run --all --jobs jobs/demo.yaml (second run: catches up, refreshes, continues the backfill)"
"$bin" run "${flags[@]}" --jobs jobs/demo.yaml --all || echo "(exit $?)"

step "tgcron status"
"$bin" status "${flags[@]}" --jobs jobs/demo.yaml

step "tgcron export --channel @sandbox_news --format jsonl --out news.jsonl (the first 600 bytes)"
"$bin" export "${flags[@]}" --channel @sandbox_news --format jsonl --out "$work/news.jsonl"
echo "$(wc -l <"$work/news.jsonl") messages exported"
head -c 600 "$work/news.jsonl"; echo
