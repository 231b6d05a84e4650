/* unit.h - a tiny test harness for the C unit tests in tests/unit.
 *
 * Each test binary prints one TAP-style line per check ("ok - what" or
 * "not ok - what (file:line)") and exits non-zero when any check failed.
 * tests/run counts the lines. Usage:
 *
 *   static void test_dates(void) { CHECK(x == 1, "dates: x is %d", x); }
 *   int main(void) { RUN(test_dates); return unit_done(); }
 */
#ifndef CSB_UNIT_H
#define CSB_UNIT_H

#include <glib.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

static int unit_failed;

#define CHECK(cond, ...)                                                                     \
    do {                                                                                     \
        char *unit_msg_ = g_strdup_printf(__VA_ARGS__);                                      \
        if (cond) {                                                                          \
            printf("ok - %s\n", unit_msg_);                                                  \
        } else {                                                                             \
            printf("not ok - %s (%s:%d)\n", unit_msg_, __FILE__, __LINE__);                  \
            unit_failed++;                                                                   \
        }                                                                                    \
        g_free(unit_msg_);                                                                   \
    } while (0)

#define CHECK_STR(got, want, what)                                                           \
    do {                                                                                     \
        const char *g_ = (got), *w_ = (want);                                                \
        CHECK(g_strcmp0(g_, w_) == 0, "%s: got '%s', want '%s'", what, g_ ? g_ : "(null)",   \
              w_ ? w_ : "(null)");                                                           \
    } while (0)

#define SKIP(why, ...)                                                                       \
    do {                                                                                     \
        char *unit_msg_ = g_strdup_printf(__VA_ARGS__);                                      \
        printf("ok - %s # SKIP %s\n", unit_msg_, why);                                       \
        g_free(unit_msg_);                                                                   \
    } while (0)

#define RUN(fn)                                                                              \
    do {                                                                                     \
        printf("# %s\n", #fn);                                                               \
        fn();                                                                                \
    } while (0)

static inline int unit_done(void)
{
    return unit_failed ? 1 : 0;
}

/* The project root (tests run from it) and ../shared beside it. */
static inline const char *unit_shared(void)
{
    const char *env = g_getenv("CSB_SHARED");
    return env && *env ? env : "../shared";
}

/* Corpus-wide tests read every CSB_CORPUS_STRIDE-th report (in name order):
 * 1, all of them, unless set. tests/run sets 8 under valgrind, where
 * reading all 63 takes an hour and takes no path a sample does not. */
static inline guint unit_corpus_stride(void)
{
    const char *env = g_getenv("CSB_CORPUS_STRIDE");
    int n = env ? atoi(env) : 1;
    return n > 1 ? (guint)n : 1;
}

#endif
