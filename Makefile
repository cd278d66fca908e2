# simrun: build, run the seed scenario, test, lint, benchmark.
# `make run` and `make test` work on a fresh Debian machine as root where only the Swift toolchain is
# installed: they install what the build and the tests need first (Lua 5.4; GNU parallel for the
# end-to-end test of sharded batches; luacheck for `make lint`).

SCENARIO ?= scenarios/sahel/tinzaouaten.lua
APT_PACKAGES = liblua5.4-dev pkg-config parallel lua-check
SWIFT_SOURCES = Package.swift Sources Plugins Tests bench/floor

.PHONY: run test lint format build deps bench clean fuzz sanitize install uninstall

# What the build and the tests need, installed with apt-get when missing and allowed.
deps:
	@if ! pkg-config --exists lua5.4 2>/dev/null || ! command -v parallel >/dev/null \
	  || ! command -v luacheck >/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing $(APT_PACKAGES)"; \
	    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y $(APT_PACKAGES); \
	  else \
	    echo "simrun needs Lua 5.4 (and GNU parallel and luacheck for its tests). Install them as root with:"; \
	    echo "  apt-get update && apt-get install -y $(APT_PACKAGES)"; \
	    exit 1; \
	  fi; \
	fi

# The Swift runtime and Foundation are linked statically: loading them as shared libraries was a
# third of a seed scenario's whole run, and batches from the shell start a process per run.
build: deps
	swift build -c release --static-swift-stdlib

run: build
	.build/release/simrun run $(SCENARIO) --format text

# The whole suite, after the formatting check: CI runs exactly this.
test: deps lint
	swift test

# A long fuzzing round from a fresh seed (the short round with a fixed seed is part of `make test`):
# random scenarios, corrupted runs files, summaries and reports (Tests/FuzzTests). An input that
# crashes is left in .build/fuzz/last-*; keep it under Tests/Fixtures/fuzz as a regression test.
FUZZ_SECONDS ?= 300
fuzz: deps
	@seed=$${SIMRUN_FUZZ_SEED:-$$(date +%s)}; \
	  echo "fuzz seed $$seed: SIMRUN_FUZZ_SEED=$$seed make fuzz repeats this round (inputs depend on time too)"; \
	  SIMRUN_FUZZ_SECONDS=$(FUZZ_SECONDS) SIMRUN_FUZZ_SEED=$$seed swift test --filter FuzzTests

# The suite under AddressSanitizer (Swift and the C shim) with UndefinedBehaviorSanitizer on the C
# shim (Swift on Linux has no -sanitize=undefined; its own overflow and bounds checks trap instead);
# the system Lua is not rebuilt. Then the threaded batch tests under ThreadSanitizer. Each build has a
# folder of its own, so neither disturbs the normal one; the end-to-end tests' hang guards get 10 times
# longer, for builds that run several times slower. Tests/lsan.supp names the leaks of the toolchain's
# own libraries (Foundation, XCTest) that LeakSanitizer reports.
sanitize: deps
	SIMRUN_TEST_TIMEOUT_SCALE=10 LSAN_OPTIONS=suppressions=$(CURDIR)/Tests/lsan.supp \
	  swift test --scratch-path .build/asan --sanitize=address \
	  -Xcc -fsanitize=undefined -Xcc -fno-sanitize-recover=all
	SIMRUN_TEST_TIMEOUT_SCALE=10 swift test --scratch-path .build/tsan --sanitize=thread \
	  --filter "BatchRunner|RunQueue|BatchCommandTests|MergeCommand"

# swift-format (part of the toolchain) with .swift-format: 4-space indents, lines of at most 120. Then
# luacheck with .luacheckrc over the shipped scenarios and the sandbox prelude: a misspelt `sim.*`
# field or a global set by mistake fails here rather than in a run.
LUA_SOURCES = scenarios Sources/LuaBridge/Host/sandbox.lua
lint:
	swift format lint --strict --recursive $(SWIFT_SOURCES)
	@command -v luacheck >/dev/null \
	  || { echo "make lint needs luacheck: make deps (as root), or apt-get install -y lua-check"; exit 1; }
	luacheck --no-color $(LUA_SOURCES)

format:
	swift format --in-place --recursive $(SWIFT_SOURCES)

# The plain-Lua row needs the lua5.4 interpreter; Mesa's rows run when `pip install mesa` is done.
bench: deps
	@command -v lua5.4 >/dev/null || { [ "$$(id -u)" = 0 ] && DEBIAN_FRONTEND=noninteractive apt-get install -y lua5.4; } \
	  || { echo "the plain-Lua row needs lua5.4: apt-get install -y lua5.4"; exit 1; }
	bench/run.sh

# `make install PREFIX=/usr/local` (the default; DESTDIR= stages it elsewhere): the release binary in
# bin, the shipped scenario library where `sim.include` looks after --lib and SIMRUN_PATH
# (bin/../share/simrun/scenarios), the editor files, and simrun.1 written by the binary from its own flag
# declarations. SIMRUN_BIN installs another binary (the tests give theirs) without a release build.
# `make uninstall` with the same PREFIX removes exactly those files, then the share/simrun folders left
# empty; bin and share/man/man1 are the prefix's own and stay.
PREFIX ?= /usr/local
RELEASE_BIN = .build/release/simrun
SIMRUN_BIN ?= $(RELEASE_BIN)
BIN_DIR = $(DESTDIR)$(PREFIX)/bin
SHARE_DIR = $(DESTDIR)$(PREFIX)/share/simrun
MAN_DIR = $(DESTDIR)$(PREFIX)/share/man/man1
EDITOR_FILES = .luacheckrc .luarc.json editor/sim.lua
LIBRARY_FILES = $(shell find scenarios -type f | sort)

install: $(if $(filter $(RELEASE_BIN),$(SIMRUN_BIN)),build)
	install -d "$(BIN_DIR)" "$(SHARE_DIR)/editor" "$(MAN_DIR)"
	install -m 755 "$(SIMRUN_BIN)" "$(BIN_DIR)/simrun"
	for file in $(LIBRARY_FILES); do \
	  install -D -m 644 "$$file" "$(SHARE_DIR)/$$file" || exit 1; \
	done
	install -m 644 $(EDITOR_FILES) "$(SHARE_DIR)/editor"
	"$(BIN_DIR)/simrun" help --man > "$(MAN_DIR)/simrun.1.tmp" && mv "$(MAN_DIR)/simrun.1.tmp" "$(MAN_DIR)/simrun.1"
	chmod 644 "$(MAN_DIR)/simrun.1"

uninstall:
	rm -f "$(BIN_DIR)/simrun" "$(MAN_DIR)/simrun.1" $(foreach file,$(EDITOR_FILES),"$(SHARE_DIR)/editor/$(notdir $(file))")
	for file in $(LIBRARY_FILES); do rm -f "$(SHARE_DIR)/$$file"; done
	if [ -d "$(SHARE_DIR)" ]; then find "$(SHARE_DIR)" -depth -type d -empty -delete; fi

clean:
	rm -rf .build
