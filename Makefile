# simrun: build, run the seed scenario, test, benchmark.
# `make run` and `make test` work on a fresh Debian machine as root: they install Lua 5.4 first.

SCENARIO ?= scenarios/sahel/tinzaouaten.lua
APT_PACKAGES = liblua5.4-dev pkg-config

.PHONY: run test build deps bench clean

# Lua 5.4 through pkg-config, installed with apt-get when missing and allowed.
deps:
	@if ! pkg-config --exists lua5.4 2>/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing $(APT_PACKAGES)"; \
	    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y $(APT_PACKAGES); \
	  else \
	    echo "simrun needs Lua 5.4. Install it as root with:"; \
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

test: deps
	swift test

bench: deps
	bench/run.sh

clean:
	rm -rf .build
