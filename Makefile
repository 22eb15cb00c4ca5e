# Isnad: the two commands of the README, plus the benchmark.
#   make demo   installs what is missing, builds, and writes the report of Datasets/ into Reports/
#   make test   installs what is missing (chromium, PostgreSQL and the Python helpers of the tests
#               too), checks the style (swift format lint --strict, .swift-format), starts a
#               throwaway PostgreSQL cluster on a free loopback port (Tests/postgres.sh), builds
#               in debug, runs every test, executes Reports/notebook.ipynb headless, then stops
#               the cluster
#   make fuzz   libFuzzer with AddressSanitizer over each parser and text view (FUZZ_SECONDS each,
#               READER_SECONDS for the JSON, CSV and HTML readers); findings in .build-fuzz/findings
#   make asan   every test under AddressSanitizer (.build-asan; the harness's own leaks suppressed)
#   make bench  release builds of isnad-bench and isnad: ingest, text, statements, replay, stories and the whole run (pipeline) on ../shared/datasets beside Python
#               (stories beside the scikit-learn baseline in .venv), stemming variants on gold-dev,
#               statements per second, two weeks fed day by day to a story store against batch
SHELL := /bin/bash
APT_PACKAGES := libopenblas-dev liblapacke-dev zlib1g-dev libsqlite3-dev
TEST_APT_PACKAGES := chromium postgresql
DEMO_INPUT := Datasets/demo/articles
DEMO_OUTPUT := Reports/demo

.PHONY: deps apt venv demo test bench fuzz asan

# Installs the Debian packages the build links against (and, for the tests, the browser that
# opens the HTML report), only those that are missing.
deps:
	@$(MAKE) --no-print-directory apt PACKAGES="$(APT_PACKAGES)"

apt:
	@missing=$$(for p in $(PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing missing packages:" $$missing; \
		sudo=$$([ "$$(id -u)" -eq 0 ] || echo sudo); \
		$$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $$missing; \
	fi

# The Python helpers of the tests, in .venv: the browser check (DevTools client, PNG reader) and
# the notebook run (nbclient with a kernel, pandas, matplotlib, and SQLAlchemy with psycopg2 for
# the PostgreSQL store).
venv:
	@[ -x .venv/bin/python ] || python3 -m venv .venv
	@.venv/bin/python -c "import websocket, PIL, nbclient, ipykernel, pandas, matplotlib, sqlalchemy, psycopg2" 2>/dev/null \
		|| .venv/bin/pip install -q websocket-client pillow nbclient nbformat ipykernel pandas matplotlib sqlalchemy psycopg2-binary

demo: deps
	swift build --product isnad
	.build/debug/isnad run $(DEMO_INPUT) --out $(DEMO_OUTPUT)
	.build/debug/isnad eval $(DEMO_OUTPUT)/articles.jsonl Datasets/demo/gold/clusters.jsonl
	.build/debug/isnad eval statements $(DEMO_OUTPUT)/statements.jsonl Datasets/demo/gold/statements.jsonl --articles Datasets/demo/gold/statement-articles.txt

test: deps
	@$(MAKE) --no-print-directory apt PACKAGES="$(TEST_APT_PACKAGES)"
	@$(MAKE) --no-print-directory venv
	swift format lint --strict --recursive Sources Tests Package.swift
	@cluster=$$(mktemp -d /tmp/isnad-postgres.XXXXXX); \
	trap 'Tests/postgres.sh stop "$$cluster"; rm -rf "$$cluster"' EXIT; \
	url=$$(Tests/postgres.sh start "$$cluster") || exit 1; \
	echo "PostgreSQL for the tests: $$url (stopped after the notebook check)"; \
	ISNAD_TEST_POSTGRES=$$url swift test || exit 1; \
	psql -X -q "$$url" -c "CREATE DATABASE notebook" || exit 1; \
	ISNAD_NOTEBOOK_POSTGRES=$${url%/postgres}/notebook .venv/bin/python Tests/notebook_check.py Reports/notebook.ipynb

bench: deps
	swift build -c release --product isnad-bench
	swift build -c release --product isnad
	.build/release/isnad-bench ingest
	.build/release/isnad-bench text
	.build/release/isnad-bench stemming
	.build/release/isnad-bench statements
	.build/release/isnad-bench report
	.build/release/isnad-bench replay
	@[ -x .venv/bin/python ] || python3 -m venv .venv
	@.venv/bin/python -c "import sklearn, numpy, scipy" 2>/dev/null || .venv/bin/pip install -q scikit-learn numpy scipy
	.build/release/isnad-bench stories
	.build/release/isnad-bench pipeline

# libFuzzer (-sanitize=fuzzer,address) over the Fuzzing module's targets: the JSON, CSV and HTML
# readers, the date parser, the text views, the statement extractor and a whole ingest of a file.
# The module is built by SwiftPM and linked here, so libFuzzer's own main runs. Corpora grow in
# .build-fuzz/corpus; crashes, leaks and timeouts go to .build-fuzz/findings. docs/FUZZING.md.
FUZZ_SECONDS ?= 600
READER_SECONDS ?= 1800
FUZZ_JOBS ?= 2
fuzz: deps
	swift build --target Fuzzing --build-path .build-fuzz -Xswiftc -sanitize=fuzzer,address
	swiftc -sanitize=fuzzer,address .build-fuzz/debug/{Support,ArabicText,Ingest,Statements,Fuzzing}.build/*.o -lz -o .build-fuzz/isnad-fuzz \
		2> .build-fuzz/link.log || (cat .build-fuzz/link.log; exit 1)
	python3 Sources/Fuzzing/seed_corpora.py .build-fuzz/seeds
	mkdir -p .build-fuzz/findings
	printf '%s\n' json:$(READER_SECONDS) csv:$(READER_SECONDS) html:$(READER_SECONDS) ingest:$(FUZZ_SECONDS) \
		statements:$(FUZZ_SECONDS) text:$(FUZZ_SECONDS) date:$(FUZZ_SECONDS) \
		| xargs -P $(FUZZ_JOBS) -I{} sh -c 't=$${1%%:*}; s=$${1##*:}; mkdir -p .build-fuzz/corpus/$$t; \
			ISNAD_FUZZ_TARGET=$$t .build-fuzz/isnad-fuzz -max_total_time=$$s -timeout=10 -rss_limit_mb=2048 \
			-artifact_prefix=.build-fuzz/findings/$$t- .build-fuzz/corpus/$$t .build-fuzz/seeds/$$t \
			> .build-fuzz/findings/$$t.log 2>&1; echo "$$t: exit $$? after $$s s, $$(tail -1 .build-fuzz/findings/$$t.log)"' _ {}
	@if ls .build-fuzz/findings | grep -vqE '\.log$$'; then ls .build-fuzz/findings | grep -vE '\.log$$'; echo "findings above"; exit 1; fi
	@echo "no findings"

# Every test under AddressSanitizer and LeakSanitizer, in its own build folder. The suppressions
# name the test harness's own leaks (XCTest, Foundation's Process); any other report fails the run.
asan: deps
	swift build --build-tests --sanitize=address --build-path .build-asan
	LSAN_OPTIONS=suppressions=$(CURDIR)/Tests/lsan-suppressions.txt swift test --skip-build --sanitize=address --build-path .build-asan
