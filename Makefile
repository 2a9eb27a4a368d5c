# Indgang — build, test, benchmark, fuzz, install.
#   make            ./indgang
#   make check      sanitizer build, every test; ends with "N passed, N failed"
#   make bench      benchmarks into docs/performance.md
#   make fuzz       libFuzzer targets for a bounded time
#   make install    PREFIX (default /usr/local) and DESTDIR honoured

PREFIX ?= /usr/local
DESTDIR ?=
CC ?= cc
PKGS := libmicrohttpd sqlite3 jansson libsodium icu-uc icu-i18n xlsxwriter libcurl
VERSION := 0.1.0

WARN := -Wall -Wextra -Wformat=2 -Wformat-security -Wshadow -Wstrict-prototypes \
        -Wmissing-prototypes -Wvla -Wpointer-arith -Wcast-align -Wundef -Werror
BASE_CFLAGS := -std=c17 -D_GNU_SOURCE -I. $(WARN) -DINDGANG_VERSION='"$(VERSION)"'
OPT ?= -O2 -g
SAN := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
# libstemmer ships no pkg-config file
PKG_LIBS = $(shell pkg-config --libs $(PKGS)) -lstemmer -lpthread

SRC := $(shell find src -name '*.c' | sort)
LIB_SRC := $(filter-out src/main.c,$(SRC))
MIGRATIONS := $(sort $(wildcard src/store/migrations/*.sql))
ASSETS := $(sort $(wildcard assets/*))
DEMO_DATA := $(sort $(wildcard data/demo/*.csv data/surveys/*.json))
GEN := build/gen/migrations.c build/gen/assets.c build/gen/demo_data.c
HEADERS := $(shell find src -name '*.h')

# make V=1 shows the compiler lines
Q := $(if $(V),,@)

all: indgang

# install the Debian packages the build needs when any is missing
build/.deps-build: tools/setup.sh
	@pkg-config --exists $(PKGS) && test -f /usr/include/libstemmer.h || sh tools/setup.sh
	@mkdir -p build && touch $@

build/embed: tools/embed.c build/.deps-build
	$(CC) -std=c17 -O2 -Wall -Wextra -Werror -o $@ tools/embed.c

build/gen/migrations.c: build/embed $(MIGRATIONS) Makefile
	@mkdir -p build/gen
	build/embed migrations $@ $(MIGRATIONS)

build/gen/assets.c: build/embed $(ASSETS) Makefile
	@mkdir -p build/gen
	build/embed assets $@ $(ASSETS)

build/gen/demo_data.c: build/embed $(DEMO_DATA) Makefile
	@mkdir -p build/gen
	build/embed data $@ $(DEMO_DATA)

# normal objects in build/o, sanitizer objects in build/san
build/o/%.o: %.c $(HEADERS) build/.deps-build
	@mkdir -p $(dir $@)
	@echo "CC $<"
	$(Q)$(CC) $(BASE_CFLAGS) $(OPT) $(PKG_CFLAGS) $(CFLAGS) -c -o $@ $<

build/san/%.o: %.c $(HEADERS) build/.deps-build
	@mkdir -p $(dir $@)
	@echo "CC (sanitizers) $<"
	$(Q)$(CC) $(BASE_CFLAGS) $(SAN) $(PKG_CFLAGS) $(CFLAGS) -c -o $@ $<

OBJ := $(patsubst %.c,build/o/%.o,$(SRC) $(GEN))
LIB_OBJ := $(patsubst %.c,build/o/%.o,$(LIB_SRC) $(GEN))
SAN_OBJ := $(patsubst %.c,build/san/%.o,$(SRC) $(GEN))
SAN_LIB_OBJ := $(patsubst %.c,build/san/%.o,$(LIB_SRC) $(GEN))

indgang: $(OBJ)
	@echo "LD $@"
	$(Q)$(CC) $(OPT) -o $@ $(OBJ) $(PKG_LIBS) $(LDFLAGS)

build/indgang-san: $(SAN_OBJ)
	@echo "LD $@"
	$(Q)$(CC) $(SAN) -o $@ $(SAN_OBJ) $(PKG_LIBS)

# ---------------------------------------------------------------- tests
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(patsubst tests/unit/test_%.c,build/tests/unit_%,$(UNIT_SRC))
HTTP_SRC := $(sort $(wildcard tests/http/test_*.c))
HTTP_BIN := $(patsubst tests/http/test_%.c,build/tests/http_%,$(HTTP_SRC))
TEST_LIBS = $(PKG_LIBS) $(shell pkg-config --libs cmocka libcurl)

build/.deps-test: tools/setup.sh tests/browser/package.json
	sh tools/setup.sh test
	@mkdir -p build && touch $@

# every tests/unit/*.c that is not a test_*.c is a shared fixture, and every tests/http/*.c that
# is not a test_*.c a part of the HTTP harness: each is compiled once and linked into every test
UNIT_FIX_OBJ := $(patsubst %.c,build/san/%.o,$(filter-out $(UNIT_SRC),$(wildcard tests/unit/*.c)))
HTTP_LIB_OBJ := $(patsubst %.c,build/san/%.o,$(filter-out $(HTTP_SRC),$(wildcard tests/http/*.c)))
TEST_HEADERS := $(wildcard tests/unit/*.h tests/http/*.h)

build/san/tests/%.o: tests/%.c $(HEADERS) $(TEST_HEADERS) build/.deps-test
	@mkdir -p $(dir $@)
	@echo "CC (sanitizers) $<"
	$(Q)$(CC) $(BASE_CFLAGS) $(SAN) $(PKG_CFLAGS) $(CFLAGS) -c -o $@ $<

build/tests/unit_%: tests/unit/test_%.c $(SAN_LIB_OBJ) $(UNIT_FIX_OBJ) $(TEST_HEADERS) build/.deps-test
	@mkdir -p build/tests
	@echo "LD $@"
	$(Q)$(CC) $(BASE_CFLAGS) $(SAN) $(PKG_CFLAGS) -o $@ $< $(UNIT_FIX_OBJ) $(SAN_LIB_OBJ) $(TEST_LIBS)

build/tests/http_%: tests/http/test_%.c $(HTTP_LIB_OBJ) $(TEST_HEADERS) build/.deps-test
	@mkdir -p build/tests
	@echo "LD $@"
	$(Q)$(CC) $(BASE_CFLAGS) $(SAN) -o $@ $< $(HTTP_LIB_OBJ) $(shell pkg-config --libs libcurl jansson)

check: build/indgang-san $(UNIT_BIN) $(HTTP_BIN) build/.deps-test
	@sh tools/codecheck.sh
	@INDGANG_BIN=$(CURDIR)/build/indgang-san sh tests/run.sh $(UNIT_BIN) $(HTTP_BIN)

# ---------------------------------------------------------------- bench, fuzz
bench: indgang
	sh tools/setup.sh bench
	sh bench/run.sh
	sh bench/capabilities.sh

fuzz:
	sh tools/setup.sh fuzz
	sh tests/fuzz/run.sh

# ---------------------------------------------------------------- install
install: indgang
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
	        $(DESTDIR)$(PREFIX)/lib/systemd/system
	install -m 755 indgang $(DESTDIR)$(PREFIX)/bin/indgang
	install -m 644 docs/indgang.1 $(DESTDIR)$(PREFIX)/share/man/man1/indgang.1
	sed 's|@PREFIX@|$(PREFIX)|g' tools/indgang.service > $(DESTDIR)$(PREFIX)/lib/systemd/system/indgang.service
	chmod 644 $(DESTDIR)$(PREFIX)/lib/systemd/system/indgang.service

clean:
	rm -rf build indgang

# objects of the tests are kept between runs, not removed as intermediate files
.SECONDARY: $(UNIT_FIX_OBJ) $(HTTP_LIB_OBJ)
.PHONY: all check bench fuzz install clean
.SUFFIXES:
