# Integraph: `make test` runs the test suite, `make lint` checks the style, `make demo` checks and renders the example landscape.
# Both install what they need (Debian's libgraphviz-dev, graphviz, pkg-config) when it is missing;
# `make test` also installs chromium, in which it opens the generated report.

SWIFT ?= swift
APT_PACKAGES := libgraphviz-dev graphviz pkg-config
TEST_PACKAGES := $(APT_PACKAGES) chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DEMO_MODEL := Graphs/acme-retail.yaml
# One fixed as-of date for every demo command keeps its dates, and its story, the same from day to day.
DEMO_START := 2026-12-01
RELEASE_BIN := .build/release/integraph

.PHONY: all deps test-deps build test lint demo clean

all: build

# Installs the packages of $(PACKAGES) that dpkg does not list as installed.
deps: PACKAGES = $(APT_PACKAGES)
test-deps: PACKAGES = $(TEST_PACKAGES)
deps test-deps:
	@missing=""; for package in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing$$missing with apt-get"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

test: test-deps
	$(SWIFT) test

# swift-format (it ships with the toolchain) with the committed .swift-format; fails on any finding.
lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Benchmarks Examples

demo: deps
	$(SWIFT) build -c release --product integraph
	@mkdir -p out
	$(RELEASE_BIN) check $(DEMO_MODEL) --start $(DEMO_START)
	$(RELEASE_BIN) analyze $(DEMO_MODEL) --start $(DEMO_START)
	$(RELEASE_BIN) analyze $(DEMO_MODEL) --start $(DEMO_START) --format markdown -o out/acme-retail-analysis.md
	$(RELEASE_BIN) render $(DEMO_MODEL) --start $(DEMO_START) -o out/acme-retail.svg
	$(RELEASE_BIN) render $(DEMO_MODEL) --start $(DEMO_START) --view pilot:churn-copilot -o out/acme-retail-churn-copilot.svg
	$(RELEASE_BIN) render $(DEMO_MODEL) --start $(DEMO_START) --view backlog -o out/acme-retail-backlog.svg
	$(RELEASE_BIN) report $(DEMO_MODEL) --start $(DEMO_START) -o out/report.html
	@echo "Wrote out/report.html (the leaders' report), out/acme-retail-analysis.md and the maps out/acme-retail*.svg: open them in a browser."

clean:
	rm -rf .build out
