# Indgang — build, test, benchmark, fuzz, install.
#   make            ./indgang
#   make check      sanitizer build, every test; ends with "N passed, N failed"
#   make bench      benchmarks into docs/performance.md (make bench-matching, bench-registry,
#                   bench-servers: one part alone)
#   make fuzz       libFuzzer targets for a bounded time
#   make install    PREFIX (default /usr/local) and DESTDIR honoured

PREFIX ?= /usr/local
DESTDIR ?=
CC ?= cc
PKGS := libmicrohttpd sqlite3 libpq jansson libsodium icu-uc icu-i18n xlsxwriter libcurl libical vips
VERSION := 0.1.0

WARN := -Wall -Wextra -Wformat=2 -Wformat-security -Wshadow -Wstrict-prototypes \
        -Wmissing-prototypes -Wvla -Wpointer-arith -Wcast-align -Wundef -Wwrite-strings \
        -Wconversion -Wsign-conversion -Werror
BASE_CFLAGS := -std=c17 -D_GNU_SOURCE -I. $(WARN) -DINDGANG_VERSION='"$(VERSION)"'
# every object also writes its header dependencies into a .d file beside it (included below)
DEPFLAGS := -MMD -MP
OPT ?= -O2 -g
# The sanitizer builds link libvips and libcurl instead of opening them when a picture is made
# or a message sent (images.c, mail.c): LeakSanitizer of this compiler crashes on a dlopen'd
# library's dynamic TLS at exit.
SAN := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined \
       -DINDGANG_LINKED_LIBS
# hardening of ./indgang; _FORTIFY_SOURCE checks only under optimisation (glibc warns, and
# -Werror fails, without it), so it follows OPT: `make OPT=-O0` leaves it out
HARDEN := -fstack-protector-strong -fPIE
FORTIFY = $(if $(filter-out -O0,$(filter -O%,$(OPT))),-U_FORTIFY_SOURCE -D_FORTIFY_SOURCE=3)
HARDEN_LDFLAGS := -pie -Wl,-z,relro,-z,now

# pkg-config runs once per make, not once per object. The values cannot be read when the
# Makefile is parsed: on a fresh machine pkg-config learns the packages only when
# build/.deps-build has run tools/setup.sh. So each variable starts recursive and, the first
# time a recipe expands it (after its prerequisites, the stamp among them, are made), replaces
# itself with an immediate (:=) copy of its value: later uses read the cached string.
PKG_CFLAGS = $(eval PKG_CFLAGS := $$(shell pkg-config --cflags $$(PKGS)))$(PKG_CFLAGS)
# libstemmer ships no pkg-config file
# libvips, libcurl, libmicrohttpd and libpq are not linked into ./indgang: src/procurement/images.c
# opens libvips when the first picture is made, src/mail/mail.c libcurl when the first message
# is sent, src/http/server.c libmicrohttpd when serve starts, src/store/db_pg.c libpq when the
# first PostgreSQL connection is made (their libraries would cost every command's start);
# SAN_LIBS link them
LAZY_PKGS := vips libcurl libmicrohttpd libpq
PKG_LIBS = $(eval PKG_LIBS := $$(shell pkg-config --libs $$(filter-out $$(LAZY_PKGS),$$(PKGS))) -lstemmer -lpthread)$(PKG_LIBS)
SAN_LIBS = $(eval SAN_LIBS := $$(PKG_LIBS) $$(shell pkg-config --libs $$(LAZY_PKGS)))$(SAN_LIBS)

SRC := $(shell find src -name '*.c' | sort)
LIB_SRC := $(filter-out src/main.c,$(SRC))
MIGRATIONS := $(sort $(wildcard src/store/migrations/*.sql))
# the same migrations in PostgreSQL's dialect (src/store/db_pg.c; docs/postgresql.md)
MIGRATIONS_PG := $(sort $(wildcard src/store/migrations_pg/*.sql))
# assets/ holds Indgang's own files; app.css is served as the dkfds part (tools/design) followed
# by assets/app.css, and the fonts and icons that part refers to come from the npm package
ASSETS := $(filter-out assets/app.css,$(sort $(wildcard assets/*)))
DEMO_DATA := $(sort $(wildcard data/demo/*.csv data/surveys/*.json))
GEN := build/gen/migrations.c build/gen/migrations_pg.c build/gen/assets.c build/gen/demo_data.c build/gen/cpv_data.c

# make V=1 shows the compiler lines
Q := $(if $(V),,@)

all: indgang

# install the Debian packages the build needs when any is missing
build/.deps-build: tools/setup.sh
	@pkg-config --exists $(PKGS) && test -f /usr/include/libstemmer.h || sh tools/setup.sh
	@mkdir -p build && touch $@

build/embed: tools/embed.c build/.deps-build
	$(CC) -std=c17 -O2 -Wall -Wextra -Werror -o $@ tools/embed.c -lz

build/gen/migrations.c: build/embed $(MIGRATIONS) Makefile
	@mkdir -p build/gen
	build/embed migrations $@ $(MIGRATIONS)

build/gen/migrations_pg.c: build/embed $(MIGRATIONS_PG) Makefile
	@mkdir -p build/gen
	build/embed migrations_pg $@ $(MIGRATIONS_PG)

# ---------------------------------------------------------------- the look (Det Fælles Designsystem)
# tools/setup.sh installs the pinned npm packages of tools/design (dkfds, sass) when they are
# missing or older than the lock file; build.mjs compiles the dkfds modules the pages use into
# build/gen/design/dkfds.css and copies the fonts and icons it refers to beside it
DESIGN := tools/design/build.mjs tools/design/indgang.scss tools/design/package-lock.json \
          tools/design/LICENSE-Apache-2.0.txt

tools/design/node_modules/.package-lock.json: tools/design/package.json tools/design/package-lock.json tools/setup.sh build/.deps-build
	sh tools/setup.sh
	@touch $@

build/gen/design/dkfds.css: $(DESIGN) tools/design/node_modules/.package-lock.json
	@rm -rf build/gen/design
	node tools/design/build.mjs build/gen/design

build/gen/app.css: build/gen/design/dkfds.css assets/app.css
	cat build/gen/design/dkfds.css assets/app.css > $@

build/gen/assets.c: build/embed $(ASSETS) build/gen/app.css Makefile
	@mkdir -p build/gen
	build/embed assets $@ $(ASSETS) build/gen/app.css build/gen/design/*.woff2 build/gen/design/*.svg \
		build/gen/design/THIRD-PARTY.txt

build/gen/demo_data.c: build/embed $(DEMO_DATA) Makefile
	@mkdir -p build/gen
	build/embed data $@ $(DEMO_DATA)

# the EU's CPV 2008 code list (code, English label), read by src/procurement/cpv.c
build/gen/cpv_data.c: build/embed data/reference/cpv-2008.csv Makefile
	@mkdir -p build/gen
	build/embed blob $@ cpv_csv data/reference/cpv-2008.csv

# normal objects in build/o, sanitizer objects in build/san
build/o/%.o: %.c build/.deps-build
	@mkdir -p $(dir $@)
	@echo "CC $<"
	$(Q)$(CC) $(BASE_CFLAGS) $(OPT) $(FORTIFY) $(HARDEN) $(PKG_CFLAGS) $(CFLAGS) $(DEPFLAGS) -c -o $@ $<

build/san/%.o: %.c build/.deps-build
	@mkdir -p $(dir $@)
	@echo "CC (sanitizers) $<"
	$(Q)$(CC) $(BASE_CFLAGS) $(SAN) $(PKG_CFLAGS) $(CFLAGS) $(DEPFLAGS) -c -o $@ $<

OBJ := $(patsubst %.c,build/o/%.o,$(SRC) $(GEN))
LIB_OBJ := $(patsubst %.c,build/o/%.o,$(LIB_SRC) $(GEN))
SAN_OBJ := $(patsubst %.c,build/san/%.o,$(SRC) $(GEN))
SAN_LIB_OBJ := $(patsubst %.c,build/san/%.o,$(LIB_SRC) $(GEN))

indgang: $(OBJ)
	@echo "LD $@"
	$(Q)$(CC) $(OPT) $(HARDEN_LDFLAGS) -o $@ $(OBJ) $(PKG_LIBS) $(LDFLAGS)

build/indgang-san: $(SAN_OBJ)
	@echo "LD $@"
	$(Q)$(CC) $(SAN) -o $@ $(SAN_OBJ) $(SAN_LIBS)

# ---------------------------------------------------------------- tests
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(patsubst tests/unit/test_%.c,build/tests/unit_%,$(UNIT_SRC))
HTTP_SRC := $(sort $(wildcard tests/http/test_*.c))
HTTP_BIN := $(patsubst tests/http/test_%.c,build/tests/http_%,$(HTTP_SRC))
TEST_LIBS = $(eval TEST_LIBS := $$(SAN_LIBS) $$(shell pkg-config --libs cmocka libcurl))$(TEST_LIBS)
HTTP_LIBS = $(eval HTTP_LIBS := $$(shell pkg-config --libs libcurl jansson zlib))$(HTTP_LIBS)

build/.deps-test: tools/setup.sh tests/browser/package.json
	sh tools/setup.sh test
	@mkdir -p build && touch $@

# every tests/unit/*.c that is not a test_*.c is a shared fixture, and every tests/http/*.c that
# is not a test_*.c a part of the HTTP harness: each is compiled once and linked into every test
# (tests/tools/*.c are linked into both)
TOOLS_OBJ := $(patsubst %.c,build/san/%.o,$(wildcard tests/tools/*.c))
UNIT_FIX_OBJ := $(patsubst %.c,build/san/%.o,$(filter-out $(UNIT_SRC),$(wildcard tests/unit/*.c))) \
	$(TOOLS_OBJ)
HTTP_LIB_OBJ := $(patsubst %.c,build/san/%.o,$(filter-out $(HTTP_SRC),$(wildcard tests/http/*.c))) \
	$(TOOLS_OBJ)
TEST_OBJ := $(patsubst %.c,build/san/%.o,$(UNIT_SRC) $(HTTP_SRC)) $(UNIT_FIX_OBJ) $(HTTP_LIB_OBJ)

build/san/tests/%.o: tests/%.c build/.deps-test
	@mkdir -p $(dir $@)
	@echo "CC (sanitizers) $<"
	$(Q)$(CC) $(BASE_CFLAGS) $(SAN) $(PKG_CFLAGS) $(CFLAGS) $(DEPFLAGS) -c -o $@ $<

build/tests/unit_%: build/san/tests/unit/test_%.o $(SAN_LIB_OBJ) $(UNIT_FIX_OBJ)
	@mkdir -p build/tests
	@echo "LD $@"
	$(Q)$(CC) $(SAN) -o $@ $< $(UNIT_FIX_OBJ) $(SAN_LIB_OBJ) $(TEST_LIBS)

build/tests/http_%: build/san/tests/http/test_%.o $(HTTP_LIB_OBJ)
	@mkdir -p build/tests
	@echo "LD $@"
	$(Q)$(CC) $(SAN) -o $@ $< $(HTTP_LIB_OBJ) $(HTTP_LIBS)

check: build/indgang-san indgang $(UNIT_BIN) $(HTTP_BIN) build/.deps-test fuzz-build
	@sh tools/codecheck.sh
	@INDGANG_BIN=$(CURDIR)/build/indgang-san sh tests/run.sh $(UNIT_BIN) $(HTTP_BIN) \
		$(sort $(wildcard tests/tools/test_*.sh))

# ---------------------------------------------------------------- bench
bench: indgang build/bench/matching
	sh tools/setup.sh bench
	sh bench/run.sh
	sh bench/capabilities.sh
	sh bench/matching.sh
	sh bench/registry.sh
	sh bench/servers.sh

# the registry's list and search at 100,000 alone: its section of docs/performance.md is
# replaced, the rest kept
bench-registry: indgang
	sh tools/setup.sh bench
	sh bench/registry.sh

# matching alone: its section of docs/performance.md is replaced, the rest kept
bench-servers: indgang
	sh tools/setup.sh bench
	sh bench/servers.sh

bench-matching: build/bench/matching
	sh bench/matching.sh

# a bench program linked against the program's own objects (optimized, as ./indgang)
build/bench/%: bench/%.c $(LIB_OBJ)
	@mkdir -p build/bench
	@echo "LD $@"
	$(Q)$(CC) $(BASE_CFLAGS) $(OPT) $(PKG_CFLAGS) $(CFLAGS) -o $@ $< $(LIB_OBJ) $(PKG_LIBS) $(LDFLAGS)

# ---------------------------------------------------------------- fuzz
# libFuzzer targets tests/fuzz/fuzz_<target>.c, each linked with every source file but main.c
# compiled for coverage; the seeds in tests/fuzz/corpus/<target>/ are only read, everything
# written (objects, binaries, the growing corpus, logs, crash inputs) stays in build/fuzz/.
#   make fuzz FUZZ_SECONDS=5 FUZZ_TARGETS="router json"
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 30
FUZZ_TARGETS ?= router urlenc cookie json multipart image pdf files
FUZZ_OBJ := $(patsubst %.c,build/fuzz/obj/%.o,$(LIB_SRC) $(GEN))
FUZZ_TARGET_OBJ := $(patsubst %,build/fuzz/obj/tests/fuzz/fuzz_%.o,$(FUZZ_TARGETS))
FUZZ_BIN := $(patsubst %,build/fuzz/fuzz_%,$(FUZZ_TARGETS))

build/.deps-fuzz: tools/setup.sh
	sh tools/setup.sh fuzz
	@mkdir -p build && touch $@

build/fuzz/obj/%.o: %.c build/.deps-build build/.deps-fuzz
	@mkdir -p $(dir $@)
	@echo "CC (fuzz) $<"
	$(Q)$(FUZZ_CC) $(BASE_CFLAGS) $(SAN) -fsanitize=fuzzer-no-link $(PKG_CFLAGS) $(DEPFLAGS) \
		-c -o $@ $<

# an archive, so that each target links only the objects it really needs
build/fuzz/libindgang.a: $(FUZZ_OBJ)
	@echo "AR $@"
	$(Q)rm -f $@ && ar rcs $@ $(FUZZ_OBJ)

build/fuzz/fuzz_%: build/fuzz/obj/tests/fuzz/fuzz_%.o build/fuzz/libindgang.a
	@echo "LD (fuzz) $@"
	$(Q)$(FUZZ_CC) $(SAN) -fsanitize=fuzzer -o $@ $< build/fuzz/libindgang.a $(SAN_LIBS)

# the targets, built without running them (make check runs each for a few seconds)
fuzz-build: $(FUZZ_BIN)

fuzz: $(FUZZ_BIN)
	FUZZ_SECONDS=$(FUZZ_SECONDS) sh tests/fuzz/run.sh $(FUZZ_TARGETS)

# ---------------------------------------------------------------- install
install: indgang
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
	        $(DESTDIR)$(PREFIX)/lib/systemd/system
	install -m 755 indgang $(DESTDIR)$(PREFIX)/bin/indgang
	install -m 644 docs/indgang.1 $(DESTDIR)$(PREFIX)/share/man/man1/indgang.1
	sed 's|@PREFIX@|$(PREFIX)|g' tools/indgang.service > $(DESTDIR)$(PREFIX)/lib/systemd/system/indgang.service
	chmod 644 $(DESTDIR)$(PREFIX)/lib/systemd/system/indgang.service
	sed 's|@PREFIX@|$(PREFIX)|g' tools/indgang-remind.service > $(DESTDIR)$(PREFIX)/lib/systemd/system/indgang-remind.service
	install -m 644 tools/indgang-remind.timer $(DESTDIR)$(PREFIX)/lib/systemd/system/indgang-remind.timer
	chmod 644 $(DESTDIR)$(PREFIX)/lib/systemd/system/indgang-remind.service

clean:
	rm -rf build indgang

# the header dependencies the compiler wrote (-MMD -MP); absent before the first build
-include $(patsubst %.o,%.d,$(OBJ) $(SAN_OBJ) $(TEST_OBJ) $(FUZZ_OBJ) $(FUZZ_TARGET_OBJ))

# objects of the tests and fuzz targets are kept between runs, not removed as intermediate files
.SECONDARY: $(TEST_OBJ) $(FUZZ_TARGET_OBJ)
.PHONY: all check bench bench-matching bench-registry bench-servers fuzz fuzz-build install clean
.SUFFIXES:
