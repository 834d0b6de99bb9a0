# pilotsim — the two commands of the README: `make run` and `make test`.
SWIFT ?= swift
RUNS ?= 100000
BIG_RUNS ?= 10000000

PREFIX ?= /usr/local

.PHONY: run test lint bench build deps clean golden slurm-test browser-test man install

## Install what the build and its tests need when missing (GSL, libxlsxwriter, pkg-config, and
## openpyxl, the tests' independent reader of workbooks); Debian/Ubuntu, as root or with sudo.
deps:
	@if ! pkg-config --exists gsl xlsxwriter 2>/dev/null || ! /usr/bin/python3 -c "import openpyxl" 2>/dev/null; then \
		echo "Installing libgsl-dev, libxlsxwriter-dev, pkg-config and python3-openpyxl with apt-get…"; \
		SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq libgsl-dev libxlsxwriter-dev pkg-config python3-openpyxl; \
	fi

build: deps
	$(SWIFT) build -c release

## Build in release and print the report for the embedded Haimen baseline.
run: build
	.build/release/pilotsim run

## Build and run every test, optimised as users run pilotsim (release, with testable imports, in
## its own build directory so that it does not undo `make build`'s).
TEST_FLAGS = -c release --scratch-path .build-test
test: deps
	$(SWIFT) test $(TEST_FLAGS)

## The code's layout as .swift-format says (swift format, shipped with the toolchain); `swift
## format format -i -r Sources Tests Package.swift` applies it. Warnings are errors in the
## project's own targets (Package.swift), so the build itself keeps them at zero.
lint:
	$(SWIFT) format lint --strict -r Sources Tests Package.swift

## A sharded run through a real one-node Slurm cluster on localhost (installs slurm-wlm and munge
## if missing); the merged outputs must equal one process's byte for byte.
## The what-if desk in headless Chromium (selenium): a changed lever against `pilotsim compare`,
## the Chinese page, a bad upload; screenshots into ci-artifacts/.
browser-test: build
	scripts/browser-test .build/release/pilotsim ci-artifacts

slurm-test: build
	scripts/slurm/test-one-node

## Re-pin the golden files (Tests/Fixtures/golden) from the current code. Only for a change that is
## meant to change results: review the diff and say why in the commit.
golden: deps
	PILOTSIM_REPIN=1 $(SWIFT) test $(TEST_FLAGS) --filter Golden

## Time $(RUNS) runs of the baseline in release: runs/s, wall time, peak memory; then 10,000,000 runs
## with and without --out and the cost of the second pass (BIG_RUNS=0 skips them; about 17 minutes on 2 cores).
bench: build
	@BIG_RUNS=$(BIG_RUNS) scripts/bench $(RUNS)
	@scripts/bench-serve .build/release/pilotsim 20 60 tpcw
	@scripts/bench-serve .build/release/pilotsim 20 60 1-3

## The man page, generated from the commands' own help by swift-argument-parser's plugin
## (.build/plugins/GenerateManual/outputs/pilotsim/pilotsim.1).
man: deps
	$(SWIFT) package plugin generate-manual

## Install the release binary, the man page and bash, zsh and fish completions under $(PREFIX)
## (DESTDIR for staging): make install PREFIX=$$HOME/.local
install: build man
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
		$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 755 .build/release/pilotsim $(DESTDIR)$(PREFIX)/bin/pilotsim
	install -m 644 .build/plugins/GenerateManual/outputs/pilotsim/pilotsim.1 $(DESTDIR)$(PREFIX)/share/man/man1/pilotsim.1
	.build/release/pilotsim --generate-completion-script bash > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/pilotsim
	.build/release/pilotsim --generate-completion-script zsh > $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_pilotsim
	.build/release/pilotsim --generate-completion-script fish > $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/pilotsim.fish

clean:
	rm -rf .build
