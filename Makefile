# csbrief - plain Makefile. `make` builds build/csbrief; `make example`
# renders the example briefings into out/; `make check` runs every test.

PREFIX  ?= /usr/local
DESTDIR ?=
BINDIR   = $(PREFIX)/bin
DATADIR  = $(PREFIX)/share/csbrief
MANDIR   = $(PREFIX)/share/man

CC      ?= cc
PKGS     = cairo pangocairo pangoft2 fontconfig yaml-0.1 poppler-glib glib-2.0 libcurl libxml-2.0 \
           libqpdf zlib xlsxwriter
CFLAGS  ?= -O2 -g
WARN     = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wno-unused-parameter
ALLCFLAGS = -std=c11 -D_GNU_SOURCE $(WARN) $(CFLAGS) $(shell pkg-config --cflags $(PKGS)) \
            -DCSB_DATADIR='"$(DATADIR)"'
LIBS     = $(shell pkg-config --libs $(PKGS)) -lm -lpthread

BUILD   ?= build
LIB_SRC  = $(filter-out src/cli/main.c,$(wildcard src/*/*.c))
LIB_OBJ  = $(LIB_SRC:%.c=$(BUILD)/%.o)
TEST_SRC = $(wildcard tests/unit/*.c)
TEST_BIN = $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
FUZZ_TARGETS = parse pdf config
# The fuzz targets run once over given inputs with an ordinary main
# (tests/fuzz/replay.c): `make check` replays seeds and damaged reports.
FUZZ_REPLAY = $(FUZZ_TARGETS:%=$(BUILD)/fuzz/replay_%) $(BUILD)/fuzz/make_damaged
FUZZ_SECONDS ?= 60
# The loopback copy of Ofsted's site the fetch tests run against (tests only).
SERVER   = $(BUILD)/server/ofsted-site

.PHONY: FORCE all deps example check asan valgrind install uninstall clean bench fuzz pkgs

all: $(BUILD)/csbrief $(TEST_BIN) $(FUZZ_REPLAY) $(SERVER)

$(BUILD)/%.o: %.c $(wildcard src/*/*.h)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(ALLCFLAGS) -c $< -o $@

# The data directory is compiled into main.o: rebuild it when PREFIX changes.
$(BUILD)/datadir.stamp: FORCE
	@mkdir -p $(BUILD)
	@echo '$(DATADIR)' | cmp -s - $@ || echo '$(DATADIR)' > $@

$(BUILD)/src/cli/main.o: $(BUILD)/datadir.stamp

$(BUILD)/libcsbrief.a: $(LIB_OBJ)
	@rm -f $@
	@echo "  AR      $@"
	@ar rcs $@ $^

$(BUILD)/csbrief: $(BUILD)/src/cli/main.o $(BUILD)/libcsbrief.a
	@echo "  LINK    $@"
	@$(CC) $(ALLCFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/tests/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(wildcard tests/fuzz/*.h) $(BUILD)/libcsbrief.a
	@mkdir -p $(dir $@)
	@echo "  LINK    $@"
	@$(CC) $(ALLCFLAGS) -Isrc -o $@ $< $(BUILD)/libcsbrief.a $(LIBS)

$(SERVER): tests/server/ofsted_site.c
	@mkdir -p $(dir $@)
	$(CC) $(ALLCFLAGS) -o $@ $< $(shell pkg-config --cflags --libs libmicrohttpd glib-2.0)

$(BUILD)/fuzz/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c tests/fuzz/fuzz_common.h $(BUILD)/libcsbrief.a
	@mkdir -p $(dir $@)
	$(CC) $(ALLCFLAGS) -Isrc -o $@ $< tests/fuzz/replay.c $(BUILD)/libcsbrief.a $(LIBS)

$(BUILD)/fuzz/make_damaged: tests/fuzz/make_damaged.c tests/fuzz/damage.h
	@mkdir -p $(dir $@)
	$(CC) $(ALLCFLAGS) -o $@ $< $(LIBS)

deps:
	@scripts/install-deps

example: deps
	$(MAKE) all
	$(BUILD)/csbrief build examples/*.yaml

check: deps
	$(MAKE) all
	tests/run $(BUILD)

# ASan + UBSan build in its own directory, then the whole test suite on it.
asan: deps
	$(MAKE) BUILD=build-asan CFLAGS='-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all' all
	ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp UBSAN_OPTIONS=print_stacktrace=1 tests/run build-asan

valgrind: deps
	$(MAKE) all
	CSB_VALGRIND=1 tests/run $(BUILD)

# libFuzzer (clang) over text, PDF and config inputs, FUZZ_SECONDS each,
# seeded from ../shared and damaged real reports: see tests/fuzz/README.md.
fuzz: $(BUILD)/fuzz/make_damaged
	tests/fuzz/run $(FUZZ_SECONDS) $(BUILD)

# The pkg-config packages, for programs built outside make (bench/render).
pkgs:
	@echo $(PKGS)

bench: all
	bench/extract $(BUILD)/csbrief
	bench/render $(BUILD)/csbrief

install: $(BUILD)/csbrief
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/templates $(DESTDIR)$(DATADIR)/fonts \
	    $(DESTDIR)$(DATADIR)/data $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(BUILD)/csbrief $(DESTDIR)$(BINDIR)/csbrief
	install -m 644 templates/*.yaml templates/*.csv $(DESTDIR)$(DATADIR)/templates/
	install -m 644 fonts/*.ttf fonts/OFL.txt $(DESTDIR)$(DATADIR)/fonts/
	install -m 644 data/*.csv data/*.yaml $(DESTDIR)$(DATADIR)/data/
	install -m 644 docs/csbrief.1 $(DESTDIR)$(MANDIR)/man1/csbrief.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/csbrief $(DESTDIR)$(MANDIR)/man1/csbrief.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build build-asan build-fuzz
