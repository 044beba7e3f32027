# The two commands in the README: `make run` and `make test`. Everything
# else here serves them. Builds go to build/ (RelWithDebInfo) with 2 jobs.
BUILD ?= build
JOBS ?= 2
BUILD_TYPE ?= RelWithDebInfo
KITH_DB ?= $(HOME)/.local/share/kith/kith.db

.PHONY: all deps configure build run demo test test-asan test-tsan lint format bench bench-web fuzz clean

all: build

deps:
	@./scripts/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DKITH_BUILD_TESTS=ON -DKITH_BUILD_BENCH=ON > $(BUILD).configure.log 2>&1 || \
	  (cat $(BUILD).configure.log; exit 1)

build: configure
	@cmake --build $(BUILD) -j$(JOBS)

# The web app and the API on http://127.0.0.1:8080 with your database (an
# empty one offers an import or a generated demo network).
run: build
	@mkdir -p $(dir $(KITH_DB))
	@$(BUILD)/src/kith --db $(KITH_DB) serve --host 127.0.0.1 --port 8080 --assets $(BUILD)/web

# The command line at work on a generated demo network (never your data).
demo: build
	@./scripts/demo.sh $(BUILD)/src/kith

test: build
	@./scripts/check-format.sh
	@cd $(BUILD) && ctest --output-on-failure -j$(JOBS) --timeout 600

# The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer, in
# its own build dir (slow: see docs/reliability.md for how long). Warnings are
# not errors here: the sanitizers' instrumentation makes GCC warn about code
# that `make lint` already holds to the bar. -O1 keeps the runs bearable.
# fault_injection is left to `make test`: libfiu's fiu-run and the fault
# shim preload their own write/fsync ahead of ASan's interceptors, and the
# process dies in them. tests/sanitizers/lsan.supp names the leaks inside
# libraries kith links. Without the web app (KITH_BUILD_WEB=OFF)
# the browser and tsdav tests are not registered.
SANITIZER_CMAKE = -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" \
  -DKITH_WERROR=OFF -DKITH_BUILD_TESTS=ON -DKITH_BUILD_BENCH=OFF -DKITH_BUILD_WEB=OFF
ASAN_FLAGS = -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
TSAN_FLAGS = -fsanitize=thread -fno-omit-frame-pointer

test-asan: deps
	@nice cmake -S . -B build-asan $(SANITIZER_CMAKE) -DCMAKE_CXX_FLAGS="$(ASAN_FLAGS)" > build-asan.configure.log 2>&1 || \
	  (cat build-asan.configure.log; exit 1)
	@nice cmake --build build-asan -j$(JOBS)
	@cd build-asan && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/sanitizers/lsan.supp:print_suppressions=0 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  nice ctest --output-on-failure -j$(JOBS) --timeout 1800 -E '^fault_injection$$'

# The HTTP tests (the server's threads, the store pool, the backup thread)
# under ThreadSanitizer, in build-tsan.
test-tsan: deps
	@nice cmake -S . -B build-tsan $(SANITIZER_CMAKE) -DCMAKE_CXX_FLAGS="$(TSAN_FLAGS)" > build-tsan.configure.log 2>&1 || \
	  (cat build-tsan.configure.log; exit 1)
	@nice cmake --build build-tsan -j$(JOBS) --target http_tests kith
	@TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 KITH_BINARY=$(CURDIR)/build-tsan/src/kith \
	  nice build-tsan/tests/http_tests

lint: build
	@./scripts/check-format.sh
	@./scripts/run-clang-tidy.sh $(BUILD)

format:
	@clang-format -i $$(git ls-files 'src/*.cpp' 'src/*.h' 'tests/*.cpp' 'tests/*.h' 'bench/*.cpp' 'bench/*.h' 'fuzz/*.cpp' 'fuzz/*.h')

# Each libFuzzer target for FUZZ_SECONDS, one at a time, built with clang
# under ASan and UBSan in build-fuzz/ (docs/reliability.md, "Fuzzing").
# FUZZ_TARGETS="csv_table kith_json" runs a few.
FUZZ_SECONDS ?= 300
FUZZ_TARGETS ?=
fuzz: deps
	@KITH_DEPS_FUZZ=1 ./scripts/install-deps.sh
	@./fuzz/run.sh build-fuzz $(FUZZ_SECONDS) $(FUZZ_TARGETS)

bench: deps
	@KITH_DEPS_BENCH=1 ./scripts/install-deps.sh
	@./bench/run.sh

bench-web: build
	@KITH_DEPS_BENCH=1 ./scripts/install-deps.sh
	@./bench/web/run.sh $(BUILD)

clean:
	@rm -rf $(BUILD) $(BUILD).configure.log build-asan build-tsan build-asan.configure.log build-tsan.configure.log
