# tgcron — build, test and regenerate the TL layer.
SWIFT      ?= swift
SCHEMA_DIR ?= ../shared/tl
BUILD_FLAGS ?=
VENV_PY    := .venv/bin/python

.PHONY: demo e2e build release test manifest-check interop tl tl-check fuzz-tl fuzz fuzz-ci bench chaos clean install install-files

## demo: a sandbox DC in a temp dir, a login, jobs/demo.yaml run twice, status (start here)
demo:
	$(SWIFT) build --product tgcron $(BUILD_FLAGS)
	TGCRON_BIN=$$($(SWIFT) build --show-bin-path $(BUILD_FLAGS))/tgcron bash scripts/demo.sh

## build: debug build of everything
build:
	$(SWIFT) build $(BUILD_FLAGS)

## release: optimized build of the tgcron binary
release:
	$(SWIFT) build -c release --product tgcron $(BUILD_FLAGS)

## test: the whole test suite (what CI runs)
test: manifest-check tl-check
	$(SWIFT) build --build-tests $(BUILD_FLAGS)
	$(SWIFT) test --skip-build --disable-swift-testing $(BUILD_FLAGS)
	$(MAKE) interop
	$(MAKE) e2e

## e2e: the tgcron binary as ops run it (login, run, backfill, daemon, export, SIGKILL resume) against `tgcron sandbox serve`
e2e:
	$(SWIFT) build --product tgcron $(BUILD_FLAGS)
	bash scripts/python-venv.sh Tests/Interop/requirements.txt >/dev/null
	TGCRON_BIN=$$($(SWIFT) build --show-bin-path $(BUILD_FLAGS))/tgcron $(VENV_PY) -m pytest -q Tests/EndToEnd

## manifest-check: fail if Package.swift's dependencies differ from what each target's files import
manifest-check:
	python3 scripts/check-manifest.py

## interop: Telethon (Python, independent) against `tgcron sandbox` over loopback (Tests/Interop, pytest)
interop:
	$(SWIFT) build --product tgcron $(BUILD_FLAGS)
	bash scripts/python-venv.sh Tests/Interop/requirements.txt >/dev/null
	TGCRON_BIN=$$($(SWIFT) build --show-bin-path $(BUILD_FLAGS))/tgcron $(VENV_PY) -m pytest -q Tests/Interop

## tl: regenerate Sources/TL/Generated from $(SCHEMA_DIR)
tl:
	$(SWIFT) build --product TLGen $(BUILD_FLAGS)
	$$($(SWIFT) build --show-bin-path $(BUILD_FLAGS))/TLGen $(SCHEMA_DIR) Sources/TL/Generated

## tl-check: fail if the committed generated code is stale (skipped when the schema is absent)
tl-check:
	@if [ -f $(SCHEMA_DIR)/telegram.tl ]; then \
		$(SWIFT) build --product TLGen $(BUILD_FLAGS) >/dev/null && \
		tmp=$$(mktemp -d) && \
		$$($(SWIFT) build --show-bin-path $(BUILD_FLAGS))/TLGen $(SCHEMA_DIR) $$tmp >/dev/null && \
		diff -r -q $$tmp Sources/TL/Generated && rm -rf $$tmp && echo "tl-check: generated code is up to date"; \
	else echo "tl-check: $(SCHEMA_DIR) not present, skipped"; fi

## fuzz-tl: long robustness run of the TL decoder (TL_FUZZ_CASES mutated inputs, default 1M)
fuzz-tl:
	TL_FUZZ_CASES=$${TL_FUZZ_CASES:-1000000} $(SWIFT) test -c release --filter TLDecoderRobustnessTests $(BUILD_FLAGS)

## fuzz: long robustness run (release, FUZZ_INPUTS mutated inputs, default 10M) of the TL decoder,
## transports, sessions, key exchange and job files; summary in bench/results/fuzz.md
fuzz:
	bash bench/run-fuzz.sh release --inputs $${FUZZ_INPUTS:-10000000} --seed $${FUZZ_SEED:-1}

## fuzz-ci: the CI-sized fuzz run (200k inputs)
fuzz-ci:
	bash bench/run-fuzz.sh $${FUZZ_CONFIG:-release} --inputs 200000 --seed 1

## bench: micro-benchmarks (TL decode, MTProto cipher) and end-to-end runs against the sandbox (throughput
## and CPU per message vs Telethon, peak RSS, governed efficiency, start-up, resume after SIGKILL, file downloads
## in MB/s and CPU per MB vs Telethon + cryptg and peak RSS for a 64 MB file), written to
## bench/results/latest.md and printed; then bench/lean.py (issue #17: disk per message against raw TL, CPU against
## Telethon and sqlite_floor.py, search on 1M messages, JSONL export) into bench/results/lean.md.
## BENCH_FLAGS are passed to bench/bench.py (e.g. --runs 5), LEAN_FLAGS to bench/lean.py.
bench:
	$(SWIFT) build -c release --product TGCronBench $(BUILD_FLAGS)
	$(SWIFT) build -c release --product tgcron $(BUILD_FLAGS)
	bash scripts/python-venv.sh Tests/Interop/requirements.txt >/dev/null
	mkdir -p bench/results
	bin=$$($(SWIFT) build -c release --show-bin-path $(BUILD_FLAGS)) && \
		$$bin/TGCronBench > bench/results/micro.md && \
		TGCRON_BIN=$$bin/tgcron $(VENV_PY) bench/bench.py $(BENCH_FLAGS) > bench/results/e2e.md && \
		TGCRON_BIN=$$bin/tgcron $(VENV_PY) bench/lean.py $(LEAN_FLAGS) > bench/results/lean.md && \
		cat bench/results/micro.md bench/results/e2e.md bench/results/lean.md | tee bench/results/latest.md

## chaos: 100 SIGKILLs during backfills and 30 during catch-up runs on a running sandbox clock, fault runs (drop, salt, badtime, busy,
## FLOOD_WAIT over flood_wait_max), checked against `tgcron sandbox truth`; bench/results/chaos.md; then 30 SIGKILLs
## during media downloads (bench/chaos_media.py, bench/results/chaos-media.md)
chaos:
	$(SWIFT) build -c release --product tgcron $(BUILD_FLAGS)
	TGCRON_BIN=$$($(SWIFT) build -c release --show-bin-path $(BUILD_FLAGS))/tgcron python3 bench/chaos.py $(CHAOS_FLAGS)
	TGCRON_BIN=$$($(SWIFT) build -c release --show-bin-path $(BUILD_FLAGS))/tgcron $(VENV_PY) bench/chaos_media.py

## install: the release binary, example files, systemd units, sysusers.d/tmpfiles.d entries, shell completions
## and the man page under $(DESTDIR)$(PREFIX)
PREFIX ?= /usr/local
DESTDIR ?=
install: release
	$(MAKE) install-files BIN=$$($(SWIFT) build -c release --show-bin-path $(BUILD_FLAGS))/tgcron

## install-files: what `install` copies, with the binary BIN (the end-to-end tests install a debug build)
install-files:
	@test -x "$(BIN)" || { echo "install-files: set BIN to a built tgcron binary"; exit 1; }
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/tgcron/config $(DESTDIR)$(PREFIX)/share/tgcron/jobs \
		$(DESTDIR)$(PREFIX)/lib/systemd/system $(DESTDIR)$(PREFIX)/lib/sysusers.d $(DESTDIR)$(PREFIX)/lib/tmpfiles.d \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
		$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 0755 $(BIN) $(DESTDIR)$(PREFIX)/bin/tgcron
	install -m 0644 jobs/example.yaml $(DESTDIR)$(PREFIX)/share/tgcron/jobs/example.yaml
	install -m 0644 config/settings.yaml $(DESTDIR)$(PREFIX)/share/tgcron/config/settings.yaml
	install -m 0644 config/.env.example $(DESTDIR)$(PREFIX)/share/tgcron/config/.env.example
	install -m 0644 deploy/crontab.example README.md $(DESTDIR)$(PREFIX)/share/tgcron/
	for unit in tgcron.service tgcron.timer tgcron-daemon.service; do \
		sed 's|/usr/local/|$(PREFIX)/|g' deploy/systemd/$$unit > $(DESTDIR)$(PREFIX)/lib/systemd/system/$$unit && \
		chmod 0644 $(DESTDIR)$(PREFIX)/lib/systemd/system/$$unit || exit 1; \
	done
	install -m 0644 deploy/systemd/tgcron.sysusers $(DESTDIR)$(PREFIX)/lib/sysusers.d/tgcron.conf
	install -m 0644 deploy/systemd/tgcron.tmpfiles $(DESTDIR)$(PREFIX)/lib/tmpfiles.d/tgcron.conf
	$(BIN) --generate-completion-script bash > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/tgcron
	$(BIN) --generate-completion-script zsh > $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_tgcron
	$(BIN) --generate-completion-script fish > $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/tgcron.fish
	$(BIN) manual > $(DESTDIR)$(PREFIX)/share/man/man1/tgcron.1

clean:
	rm -rf .build
