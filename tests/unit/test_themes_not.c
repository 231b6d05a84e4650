/* test_themes_not.c - a theme's not-phrases (`not:` in templates/themes.yaml
 * and in a config's theme definitions): an occurrence of a phrase lying
 * inside an occurrence of a not-phrase (run on to the end of its word) does
 * not count, other occurrences do (that the one-pass scan finds the same is
 * test_themes_aho_corasick.c), and a quote keeps the sentence where the
 * theme was found, not one holding only an excluded occurrence; a not-phrase that would exclude nothing or
 * everything, a `not:` of the wrong shape and a misspelt key are refused
 * with the file and line, in themes.yaml and in a config.
 */
#include "../../src/themes/themes.h"
#include "config/config.h"
#include "unit.h"
#include "unit_themes.h"

#include <glib/gstdio.h>

static CsbThemeLibrary *lib;
static char *scratch;

static CsbTheme *theme(const char *id, const char *const *phrases, const char *const *nots)
{
    CsbTheme *t = csb_theme_new(id, id, "");
    for (; phrases && *phrases; phrases++)
        g_ptr_array_add(t->phrases, g_strdup(*phrases));
    for (; nots && *nots; nots++)
        g_ptr_array_add(t->not_phrases, g_strdup(*nots));
    return t;
}

/* "phrase,phrase=score" as csb_theme_find finds them in text. */
static char *found(const CsbTheme *t, const char *text)
{
    GPtrArray *f = g_ptr_array_new_with_free_func(g_free);
    double score = 0;
    csb_theme_find(t, text, f, &score);
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < f->len; i++)
        g_string_append_printf(s, "%s%s", i ? "," : "", (char *)f->pdata[i]);
    g_string_append_printf(s, "=%.1f", score);
    g_ptr_array_free(f, TRUE);
    return g_string_free(s, FALSE);
}

static void test_matching(void)
{
    const char *ph[] = {"threshold for a", "met the threshold", "the prevent", "thresholds", NULL};
    const char *no[] = {"threshold for a serious case review", "The Prevention",
                        "national thresholds", NULL};
    CsbTheme *t = theme("t", ph, no);
    static const struct {
        const char *text, *want;
    } cases[] = {
        /* Only an occurrence wholly inside a not-phrase's is left out. */
        {"Cases were considered to see if they met the threshold for a Serious  Case Review.",
         "met the threshold=1.0"},
        {"It did not reach the threshold for a serious case review.", "=0.0"},
        {"It did not reach the threshold for a serious case review. The threshold for a "
         "strategy discussion is well understood.",
         "threshold for a=1.0"},
        {"The threshold for a strategy discussion and the threshold for a child in need.",
         "threshold for a=1.5"},
        {"the prevention and support service", "=0.0"},
        /* The not-phrase runs on to the end of its word. */
        {"The Preventions team", "=0.0"},
        {"the prevent duty", "the prevent=1.0"},
        {"the prevent duty, and the prevention of harm", "the prevent=1.0"},
        {"some way off national thresholds", "=0.0"},
        /* It starts a word, as a phrase does. */
        {"subnational thresholds", "thresholds=1.0"},
        {"national  thresholds and local thresholds", "thresholds=1.0"},
        {"national threshold\u2019s", "=0.0"},
    };
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *got = found(t, cases[i].text);
        CHECK_STR(got, cases[i].want, cases[i].text);
        g_free(got);
    }
    csb_theme_free(t);

    CHECK(csb_theme_not_holds("threshold for a serious case review", "threshold for a"),
          "a not-phrase starting with a phrase holds it");
    CHECK(csb_theme_not_holds("national thresholds", "thresholds"), "or ending with it");
    CHECK(csb_theme_not_holds("the prevention", "the prevent"), "or ending inside its word");
    CHECK(csb_theme_not_holds("the prevent", "the prevention"),
          "a phrase running on in the not-phrase's last word is held");
    CHECK(!csb_theme_not_holds("the prevent duty", "the prevention"),
          "but not one running past it");
    CHECK(!csb_theme_not_holds("subnational thresholds", "national"),
          "a phrase must start a word of the not-phrase");
    CHECK(csb_theme_not_holds("meet the threshold for adult", "threshold for adults"),
          "a phrase ending inside the not-phrase's last word is held");
    CHECK(!csb_theme_not_holds("threshold for adult", "threshold for adult services"),
          "but not one running past its end into another word");
    CHECK(csb_theme_not_holds("Children\u2019s Homes for adults", "children's homes"),
          "case and apostrophes aside");
}

/* A quote of a theme's evidence keeps the sentence that matched, not one
 * where the phrase occurs only inside a not-phrase. */
static void test_quoting(void)
{
    const char *ph[] = {"threshold", NULL};
    const char *no[] = {"threshold for a serious case review", NULL};
    CsbTheme *t = theme("front-door", ph, no);
    const char *text =
        "The safeguarding partnership has agreed the threshold for a serious case review "
        "and its panel meets monthly to consider referrals from all agencies in the area. "
        "Partners told inspectors that they value the training the partnership provides "
        "and that its reviews are published promptly with clear actions for every agency. "
        "In the front door, the threshold is well understood by partners, so referrals "
        "are appropriate and children receive the right help at the right time.";
    GPtrArray *found = g_ptr_array_new_with_free_func(g_free);
    CHECK(csb_theme_find(t, text, found, NULL) == 1, "the paragraph speaks to the theme");
    char *q = csb_theme_quote(t, text, found, NULL, 200);
    CHECK(strstr(q, "the threshold is well understood") != NULL,
          "the quote keeps the sentence that matched (%s)", q);
    CHECK(!strstr(q, "serious case review"), "and not the excluded one (%s)", q);
    CHECK(csb_quote_is_faithful(q, text), "in the report's own words (%s)", q);
    g_free(q);
    q = csb_theme_quote(NULL, text, found, NULL, 200);
    CHECK(strstr(q, "serious case review") != NULL,
          "with no theme, the first occurrence is the phrase's (%s)", q);
    g_free(q);
    CHECK(!csb_theme_text_has_phrase(t, "It met the threshold for a serious case review.", found),
          "an excluded occurrence is no phrase of the theme");
    CHECK(csb_themes_text_has_phrase("It met the threshold for a serious case review.", found),
          "though it is one of the bare phrase");
    g_ptr_array_free(found, TRUE);
    csb_theme_free(t);
}

/* Load a themes file written from text; the first error as
 * "file:line:column: message" with the scratch folder left out, or NULL. */
/* The first error loading yaml (NULL: none); the library in *out, or freed. */
static char *load_error(const char *yaml, CsbThemeLibrary **out)
{
    char *first = NULL;
    CsbThemeLibrary *l = unit_themes_from_yaml(scratch, yaml, &first);
    CHECK(!l == (first != NULL), "refused exactly when there is an error (%s)",
          first ? first : "none");
    if (out)
        *out = l;
    else
        csb_themes_free(l);
    return first;
}

#define THEME_HEAD "themes:\n  - id: front-door\n    title: Front door\n"

static void test_loading(void)
{
    CsbThemeLibrary *l = NULL;
    char *err = load_error(THEME_HEAD "    phrases: [threshold for a, the prevent]\n"
                                      "    not:\n"
                                      "      - Threshold for a Serious Case Review\n"
                                      "      - the prevention\n",
                           &l);
    CHECK(err == NULL && l, "a theme with 'not:' loads (%s)", err ? err : "no error");
    const CsbTheme *t = l ? csb_themes_find(l, "front-door") : NULL;
    CHECK(t && t->not_phrases->len == 2 &&
              g_str_equal(t->not_phrases->pdata[0], "threshold for a serious case review"),
          "its not-phrases are read, in lower case");
    CHECK(t && csb_theme_find(t, "They met the threshold for a serious case review.", NULL,
                              NULL) == 0,
          "and used");
    g_free(err);
    csb_themes_free(l);

    static const struct {
        const char *yaml, *at, *message, *what;
    } refused[] = {
        {THEME_HEAD "    phrases: [threshold for a]\n    not: national threshold\n", "5:10",
         "'national threshold' under 'not' of theme 'front-door' holds none of its phrases, so "
         "it excludes nothing",
         "a not-phrase holding no phrase"},
        {THEME_HEAD "    phrases: [threshold for a, thresholds]\n"
                    "    not:\n"
                    "      - threshold for a serious case review\n"
                    "      - Thresholds\n",
         "7:9", "'thresholds' of theme 'front-door' is both a phrase and under 'not'",
         "a not-phrase that is a phrase"},
        {THEME_HEAD "    phrases: [thresholds]\n    not:\n      x: national thresholds\n", "6:7",
         "'not' should be a value or a list of values", "a 'not' that is no list"},
        {THEME_HEAD "    phrases: [thresholds]\n    nots: [national thresholds]\n", "5:5",
         "unknown key 'nots' in a theme; did you mean 'not'?",
         "a misspelt key, rather than left out,"},
    };
    for (guint i = 0; i < G_N_ELEMENTS(refused); i++) {
        err = load_error(refused[i].yaml, NULL);
        char *where = g_strdup_printf("themes.yaml:%s: ", refused[i].at);
        CHECK(err && g_str_has_prefix(err, where) && strstr(err, refused[i].message),
              "%s is refused at its line: %s", refused[i].what, err ? err : "none");
        g_free(where);
        g_free(err);
    }
}

/* A config's own theme takes 'not' too, checked the same way. */
static void test_config_theme(void)
{
    CsbDiag *diag = csb_diag_new();
    CsbAuthorities *authorities = csb_authorities_load("data/authorities.csv", diag);
    CsbConfigRefs refs = {authorities, lib, "templates"};
    char *path = g_build_filename(scratch, "c.yaml", NULL);
    char *cwd = g_get_current_dir();
    const char *themes[] = {
        "  - id: local-hub\n"
        "    title: Our hub\n"
        "    phrases: [the hub, threshold for a]\n"
        "    not: [the hubs of the community, threshold for a serious case review]\n",
        "  - id: local-hub\n"
        "    title: Our hub\n"
        "    phrases: [the hub]\n"
        "    not: [community hubs]\n",
    };
    for (guint i = 0; i < G_N_ELEMENTS(themes); i++) {
        char *text = g_strdup_printf("reports: [%s/examples/reports]\n"
                                     "authority: Redcar and Cleveland\n"
                                     "themes:\n%s"
                                     "briefings:\n"
                                     "  - template: members-summary\n"
                                     "    output: out/summary.pdf\n",
                                     cwd, themes[i]);
        g_file_set_contents(path, text, -1, NULL);
        CsbDiag *d = csb_diag_new();
        CsbConfig *cfg = csb_config_load(path, &refs, d);
        if (i == 0) {
            const CsbTheme *t = cfg && cfg->custom_themes->len ? cfg->custom_themes->pdata[0]
                                                               : NULL;
            CHECK(t && t->not_phrases->len == 2 &&
                      csb_theme_find(t, "They met the threshold for a serious case review, "
                                        "among the hubs of the community.",
                                     NULL, NULL) == 0 &&
                      csb_theme_find(t, "The hub is busy.", NULL, NULL) == 1,
                  "a config's theme with 'not' loads, and its not-phrases count");
        } else {
            const CsbError *e = d->items->len ? d->items->pdata[0] : NULL;
            CHECK(!cfg && e && e->line == 7 && e->column == 11 &&
                      strstr(e->message, "'community hubs' under 'not' of theme 'local-hub' "
                                         "holds none of its phrases"),
                  "a config's not-phrase holding none of its phrases is refused at 7:11 "
                  "(%d:%d: %s)",
                  e ? e->line : 0, e ? e->column : 0, e ? e->message : "no error");
        }
        csb_config_free(cfg);
        csb_diag_free(d);
        g_free(text);
    }
    g_unlink(path);
    g_free(path);
    g_free(cwd);
    csb_authorities_free(authorities);
    csb_diag_free(diag);
}

int main(void)
{
    CsbDiag *d = csb_diag_new();
    lib = csb_themes_load("templates/themes.yaml", "templates/cues.yaml", d);
    CHECK(lib != NULL, "the shipped theme library loads");
    if (!lib) {
        csb_diag_print(d, stdout);
        csb_diag_free(d);
        return unit_done();
    }
    scratch = g_dir_make_tmp("csbrief-themes-not-XXXXXX", NULL);
    RUN(test_matching);
    RUN(test_quoting);
    RUN(test_loading);
    RUN(test_config_theme);
    char *file = g_build_filename(scratch, "themes.yaml", NULL);
    g_unlink(file);
    g_rmdir(scratch);
    g_free(file);
    g_free(scratch);
    csb_themes_free(lib);
    csb_diag_free(d);
    return unit_done();
}
