# beeldbrief - one non-recursive Makefile.
#
#   make          build ./beeldbrief
#   make deps     install missing Debian packages (apt-get, as root)
#   make demo     deps + build + compile examples/*.yaml into out/*.pdf and
#                 the example mailing into out/mailing/
#   make check    deps + build + every test, ending in "N passed, N failed"
#   make asan     the tests under AddressSanitizer + UBSan
#   make clean
#
# V=1 shows the full compiler command lines.

CC      ?= cc
PKGS    := yaml-0.1 pangocairo cairo librsvg-2.0 libxml-2.0 hunspell glib-2.0 jansson libqpdf
CFLAGS  ?= -O2 -g
WARN    := -Wall -Wextra -Wstrict-prototypes -Wshadow -Wno-unused-parameter
STD     := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
BUILD   ?= build
BIN     ?= beeldbrief

DEB_PACKAGES := gcc make pkg-config libyaml-dev libpango1.0-dev libcairo2-dev \
                libglib2.0-dev libxml2-dev libhunspell-dev hunspell-nl hunspell-en-us \
                librsvg2-dev libzint-dev libhyphen-dev hyphen-nl fonts-open-sans \
                libcsv-dev libjansson-dev libqpdf-dev poppler-utils jq libxml2-utils patch parallel time

ifeq ($(V),1)
Q :=
else
Q := @
endif

# pkg-config runs only when building, so that `make deps` works on a bare machine.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
# zint, libhyphen and libcsv ship no pkg-config file; they install into
# the default paths.
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lzint -lhyphen -lcsv -lm
ALL_CFLAGS = $(STD) $(WARN) $(CFLAGS) $(SANFLAGS) $(PKG_CFLAGS) -MMD -MP
ALL_LDFLAGS = $(LDFLAGS) $(SANFLAGS)

LIB_SRC  := $(wildcard src/base/*.c src/spec/*.c src/model/*.c src/expand/*.c src/lint/*.c \
              src/render/*.c src/report/*.c src/fix/*.c src/batch/*.c)
CLI_SRC  := $(wildcard src/cli/*.c)
TEST_SRC := $(wildcard tests/unit/*.c)
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/%.o)
TEST_OBJ := $(TEST_SRC:%.c=$(BUILD)/%.o)
LIB      := $(BUILD)/libbeeldbrief.a
UNIT     := $(BUILD)/unit-tests

.PHONY: all deps demo check test asan bench fuzz clean
all: $(BIN)

$(BIN): $(CLI_OBJ) $(LIB)
	@echo "  LINK    $@"
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $(CLI_OBJ) $(LIB) $(PKG_LIBS)

$(LIB): $(LIB_OBJ)
	@echo "  AR      $@"
	$(Q)rm -f $@ && ar rcs $@ $^

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(UNIT): $(TEST_OBJ) $(LIB)
	@echo "  LINK    $@"
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $(TEST_OBJ) $(LIB) $(PKG_LIBS)

deps:
	@scripts/deps.sh $(DEB_PACKAGES)

demo: deps
	@$(MAKE) --no-print-directory all
	@mkdir -p out
	@status=0; for f in examples/*.yaml; do \
	  o=out/$$(basename $$f .yaml).pdf; \
	  ./$(BIN) build $$f -o $$o && echo "  PDF     $$o" || status=1; \
	done; \
	echo; echo "mailing:"; rm -rf out/mailing; ./$(BIN) batch examples/mailing/brief.yaml \
	  --data examples/mailing/ontvangers.csv -o out/mailing || status=1; \
	echo; echo "lint:"; ./$(BIN) lint examples/ || status=1; exit $$status

# The tests run against whichever build BUILD/BIN point at (see asan).
# The benchmark is built (not run) here too, so that it cannot rot.
test: $(BIN) $(UNIT) $(BUILD)/run-bench
	@BEELDBRIEF=$(CURDIR)/$(BIN) UNIT=$(CURDIR)/$(UNIT) tests/run-all.sh

check: deps
	@$(MAKE) --no-print-directory test

asan: deps
	@ASAN_OPTIONS=abort_on_error=0:detect_leaks=1 \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  $(MAKE) --no-print-directory test BUILD=build/asan BIN=build/asan/beeldbrief \
	  CFLAGS="-O1 -g -fno-omit-frame-pointer" \
	  SANFLAGS="-fsanitize=address,undefined -fno-sanitize-recover=undefined"

$(BUILD)/run-bench: $(BUILD)/bench/bench.o $(LIB)
	@echo "  LINK    $@"
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $< $(LIB) $(PKG_LIBS)

# Timings of the hot paths and of the reference mailing (never in tests).
bench: $(BIN) $(BUILD)/run-bench
	@$(BUILD)/run-bench examples/uitnodiging-gesprek.yaml 2000
	@bench/check-text.sh
	@bench/lint.sh
	@bench/mailing.sh
	@bench/batch.sh

# libFuzzer on the front end (clang). FUZZ_TIME seconds; new crashers are
# written to fuzz/regressions/, which tests/fuzz replays on every check.
FUZZ_TIME ?= 60
FUZZ_FLAGS := -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
fuzz: deps
	@$(MAKE) --no-print-directory CC=clang BUILD=build/fuzz CFLAGS="-O1 -g" \
	  SANFLAGS="$(FUZZ_FLAGS)" build/fuzz/libbeeldbrief.a build/fuzz/fuzz/fuzz_spec.o \
	  build/fuzz/fuzz/fuzz_render.o build/fuzz/fuzz/fuzz_text.o
	@for h in fuzz_spec fuzz_render fuzz_text; do \
	  clang -fsanitize=fuzzer,address,undefined -o build/fuzz/$$h \
	    build/fuzz/fuzz/$$h.o build/fuzz/libbeeldbrief.a $(PKG_LIBS) || exit 1; done
	@mkdir -p build/fuzz/corpus && cp examples/*.yaml tests/golden/bad/*.yaml \
	  templates/blocks/*.yaml fuzz/regressions/* tests/readability/data/rewrites/* \
	  tests/readability/cases/* build/fuzz/corpus/ 2>/dev/null; true
	@for h in fuzz_spec fuzz_render fuzz_text; do \
	  echo "== $$h ($(FUZZ_TIME) s)"; \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp build/fuzz/$$h \
	    -max_total_time=$(FUZZ_TIME) -max_len=65536 -timeout=10 -dict=fuzz/dict/spec.dict \
	    -artifact_prefix=fuzz/regressions/$$h- -print_final_stats=1 build/fuzz/corpus 2>&1 | \
	    grep -E "^(Done|stat::number_of_executed_units|==[0-9]+==|SUMMARY)" || true; \
	done
	@ls fuzz/regressions/

clean:
	rm -rf build out beeldbrief

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
