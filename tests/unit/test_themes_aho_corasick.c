/* test_themes_aho_corasick.c - the one-pass multi-pattern scan
 * (aho_corasick.c) finds exactly what a strstr from every position finds,
 * overlapping occurrences and patterns inside patterns included; and the
 * theme matcher built on it (csb_themes_scan) gives the same themes,
 * phrases and scores as matching each theme's phrases one by one
 * (csb_themes_scan_plain), not-phrases included, on hand-made cases and on
 * every line of the text reports in tests/fixtures.
 */
#include "../../src/themes/themes.h"
#include "unit.h"

/* Occurrences as "id@start" strings, sorted. */
static void collect(guint id, gsize start, gpointer data)
{
    g_ptr_array_add(data, g_strdup_printf("%u@%zu", id, start));
}

static gint strcmp_ptr(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *joined(GPtrArray *a)
{
    g_ptr_array_sort(a, strcmp_ptr);
    g_ptr_array_add(a, NULL);
    char *s = g_strjoinv(" ", (char **)a->pdata);
    g_ptr_array_free(a, TRUE);
    return s;
}

static char *scan(const CsbPatterns *p, const char *text, gsize len)
{
    GPtrArray *got = g_ptr_array_new_with_free_func(g_free);
    csb_patterns_scan(p, text, len, collect, got);
    return joined(got);
}

/* What a strstr at every position finds (memcmp: texts may hold any byte). */
static char *naive(char **patterns, guint n, const char *text, gsize len, const guint *ids)
{
    GPtrArray *got = g_ptr_array_new_with_free_func(g_free);
    for (guint k = 0; k < n; k++) {
        gsize m = strlen(patterns[k]);
        gboolean dup = FALSE;
        for (guint j = 0; j < k && !dup; j++)
            dup = strcmp(patterns[j], patterns[k]) == 0;
        for (gsize i = 0; !dup && i + m <= len; i++)
            if (memcmp(text + i, patterns[k], m) == 0)
                g_ptr_array_add(got, g_strdup_printf("%u@%zu", ids[k], i));
    }
    return joined(got);
}

static void test_textbook(void)
{
    CsbPatterns *p = csb_patterns_new();
    const char *words[] = {"he", "she", "his", "hers"};
    for (guint i = 0; i < 4; i++)
        CHECK(csb_patterns_add(p, words[i], strlen(words[i])) == i, "'%s' is pattern %u",
              words[i], i);
    CHECK(csb_patterns_add(p, "she", 3) == 1, "a pattern added again keeps its id");
    CHECK(csb_patterns_count(p) == 4, "four distinct patterns (got %u)", csb_patterns_count(p));
    csb_patterns_compile(p);
    char *got = scan(p, "ushers", 6);
    CHECK_STR(got, "0@2 1@1 3@2", "'ushers': she at 1, he and hers at 2");
    g_free(got);
    got = scan(p, "", 0);
    CHECK_STR(got, "", "an empty text finds nothing");
    g_free(got);
    got = scan(p, "hishershe", 9);
    CHECK_STR(got, "0@3 0@7 1@2 1@6 2@0 3@3", "back to back, sharing letters");
    g_free(got);
    csb_patterns_free(p);

    p = csb_patterns_new();
    csb_patterns_add(p, "aa", 2);
    csb_patterns_add(p, "a", 1);
    csb_patterns_compile(p);
    got = scan(p, "aaa", 3);
    CHECK_STR(got, "0@0 0@1 1@0 1@1 1@2", "overlapping occurrences all count");
    g_free(got);
    csb_patterns_free(p);

    p = csb_patterns_new();
    csb_patterns_add(p, "\xc3\xa9t\xc3\xa9", 5); /* "été" */
    csb_patterns_add(p, "\xa9", 1);              /* a lone continuation byte */
    csb_patterns_compile(p);
    got = scan(p, "l'\xc3\xa9t\xc3\xa9", 7);
    CHECK_STR(got, "0@2 1@3 1@6", "bytes above 0x7f are bytes like any other");
    g_free(got);
    csb_patterns_free(p);
}

/* Random patterns over a small alphabet (so that they overlap, nest and
 * repeat) against random texts, compared with the naive search. */
static void test_random(void)
{
    GRand *r = g_rand_new_with_seed(15);
    int mismatches = 0, cases = 0;
    for (int round = 0; round < 300; round++) {
        guint n = (guint)g_rand_int_range(r, 1, 40);
        char **patterns = g_new0(char *, n + 1);
        guint *ids = g_new0(guint, n);
        CsbPatterns *p = csb_patterns_new();
        const char *alphabet = round % 3 == 0 ? "ab" : round % 3 == 1 ? "abc " : "ab\xc3\xa9";
        gsize na = strlen(alphabet);
        for (guint k = 0; k < n; k++) {
            int len = g_rand_int_range(r, 1, 7);
            patterns[k] = g_malloc0((gsize)len + 1);
            for (int i = 0; i < len; i++)
                patterns[k][i] = alphabet[g_rand_int_range(r, 0, (gint32)na)];
            ids[k] = csb_patterns_add(p, patterns[k], (gsize)len);
        }
        csb_patterns_compile(p);
        for (int t = 0; t < 5; t++, cases++) {
            gsize len = (gsize)g_rand_int_range(r, 0, 300);
            char *text = g_malloc0(len + 1);
            for (gsize i = 0; i < len; i++)
                text[i] = alphabet[g_rand_int_range(r, 0, (gint32)na)];
            char *a = scan(p, text, len), *b = naive(patterns, n, text, len, ids);
            if (strcmp(a, b) != 0 && mismatches++ < 3)
                printf("# patterns %u, text '%s':\n#   scan  %s\n#   naive %s\n", n, text, a, b);
            g_free(a);
            g_free(b);
            g_free(text);
        }
        csb_patterns_free(p);
        g_strfreev(patterns);
        g_free(ids);
    }
    CHECK(mismatches == 0, "random patterns and texts: the scan finds what strstr finds "
                           "(%d of %d texts differ)", mismatches, cases);
    g_rand_free(r);
}

/* "theme:phrase,phrase=score;..." for the hits of a text. */
static char *describe(const CsbThemeLibrary *lib, GArray *hits)
{
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < hits->len; i++) {
        const CsbThemeHit *h = &g_array_index(hits, CsbThemeHit, i);
        const CsbTheme *t = csb_themes_at(lib, h->theme);
        g_string_append_printf(s, "%s%s:", i ? ";" : "", t->id);
        for (guint k = 0; k < h->phrases->len; k++)
            g_string_append_printf(s, "%s%s", k ? "," : "",
                                   (char *)t->phrases->pdata[g_array_index(h->phrases, guint, k)]);
        g_string_append_printf(s, "=%u/%.2f", h->distinct, h->score);
    }
    csb_theme_hits_free(hits);
    return g_string_free(s, FALSE);
}

static gboolean same_hits(const CsbThemeLibrary *lib, const char *text, char **fast_out)
{
    char *form = csb_themes_match_form(text);
    char *fast = describe(lib, csb_themes_scan(lib, form));
    char *plain = describe(lib, csb_themes_scan_plain(lib, form));
    gboolean same = strcmp(fast, plain) == 0;
    if (!same)
        printf("# '%s':\n#   one pass  %s\n#   per theme %s\n", form, fast, plain);
    if (fast_out)
        *fast_out = g_strdup(fast);
    g_free(form);
    g_free(fast);
    g_free(plain);
    return same;
}

static void test_themes(void)
{
    CsbDiag *diag = csb_diag_new();
    CsbThemeLibrary *lib = csb_themes_load("templates/themes.yaml", "templates/cues.yaml", diag);
    CHECK(lib != NULL, "theme library loads");
    if (!lib) {
        csb_diag_free(diag);
        return;
    }
    /* A small library of its own, for cases whose answer is known. */
    CsbTheme *t = csb_theme_new("test-a", "A", "");
    g_ptr_array_add(t->phrases, g_strdup("sufficiency"));
    g_ptr_array_add(t->phrases, g_strdup("homeless"));
    g_ptr_array_add(t->phrases, g_strdup("children\u2019s  homes"));
    g_ptr_array_add(t->phrases, g_strdup("sufficiency"));
    g_ptr_array_add(t->phrases, g_strdup(""));
    CsbTheme *u = csb_theme_new("test-b", "B", "");
    g_ptr_array_add(u->phrases, g_strdup("homes"));
    g_ptr_array_add(u->phrases, g_strdup("no no"));
    /* Not-phrases: one that is another theme's phrase, one around a
     * phrase that is another theme's too. */
    CsbTheme *v = csb_theme_new("test-v", "V", "");
    const char *v_phrases[] = {"sufficiency", "homes", "no no"};
    const char *v_not[] = {"sufficiency again", "children's homes", "no no no"};
    for (guint i = 0; i < G_N_ELEMENTS(v_phrases); i++) {
        g_ptr_array_add(v->phrases, g_strdup(v_phrases[i]));
        g_ptr_array_add(v->not_phrases, g_strdup(v_not[i]));
    }
    GPtrArray *extra = g_ptr_array_new_with_free_func((GDestroyNotify)csb_theme_free);
    g_ptr_array_add(extra, t);
    g_ptr_array_add(extra, u);
    g_ptr_array_add(extra, v);
    CsbThemeLibrary *small = csb_themes_extend(lib, extra);
    g_ptr_array_free(extra, TRUE);
    char *got = NULL;
    const char *text = "Sufficiency of children's homes, and SUFFICIENCY again; homelessness; "
                       "insufficiency; no no no.";
    CHECK(same_hits(small, text, &got), "hand-made text: one pass = per theme");
    CHECK(strstr(got, "test-a:sufficiency,homeless,children\u2019s  homes,sufficiency=4/5.00") != NULL,
          "repeats score a half, a listed repeat counts twice, a word's middle does not count "
          "(%s)", got);
    CHECK(strstr(got, "test-b:homes,no no=2/2.50") != NULL,
          "a theme added to a library is found; overlapping repeats count (%s)", got);
    CHECK(strstr(got, "test-v:sufficiency=1/1.00") != NULL,
          "occurrences inside a theme's not-phrases do not count for it, and only for it (%s)",
          got);
    g_free(got);
    CHECK(same_hits(small, "", NULL), "empty text");

    int lines = 0, differ = 0, speaking = 0;
    GDir *dir = g_dir_open("tests/fixtures", 0, NULL);
    const char *name;
    while (dir && (name = g_dir_read_name(dir))) {
        if (!g_str_has_suffix(name, ".txt"))
            continue;
        char *path = g_build_filename("tests/fixtures", name, NULL);
        char *data = NULL;
        if (g_file_get_contents(path, &data, NULL, NULL)) {
            char **ls = g_strsplit(data, "\n", -1);
            for (char **l = ls; *l; l++) {
                lines++;
                char *fast = NULL;
                differ += !same_hits(small, *l, &fast);
                speaking += *fast != 0;
                g_free(fast);
            }
            g_strfreev(ls);
        }
        g_free(data);
        g_free(path);
    }
    if (dir)
        g_dir_close(dir);
    CHECK(lines > 500 && speaking > 40,
          "fixture reports read: %d lines, %d speak to a theme", lines, speaking);
    CHECK(differ == 0, "every line of the fixture reports: one pass = per theme (%d differ)",
          differ);
    csb_themes_free(small);
    csb_themes_free(lib);
    csb_diag_free(diag);
}

int main(void)
{
    RUN(test_textbook);
    RUN(test_random);
    RUN(test_themes);
    return unit_done();
}
