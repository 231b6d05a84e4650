/* test_tone_model.c - the learned tone layer (tone_model.c,
 * tone_features.c): a model CSV read and checked, the tone with the
 * highest sum chosen, why naming the features that weighed most for it,
 * the features made from what the rules read, and a model named by a
 * cues file deciding over the rules. How well the shipped model agrees
 * with careful readers is test_tone_agreement.c.
 */
#include "../../src/themes/themes.h"
#include "unit.h"

#include <glib/gstdio.h>

static char *dir;

static char *file(const char *name, const char *text)
{
    char *path = g_build_filename(dir, name, NULL);
    g_file_set_contents(path, text, -1, NULL);
    return path;
}

static const char *model_csv = "feature,mean,scale,strength,concern,mixed,neutral\n"
                               "(bias),0,1,0,0,0,0\n"
                               "concern share,0,1,-2,2,0,-1\n"
                               "balance of the sides,0,2,0,0,6,0\n";

static void set(GHashTable *f, const char *name, double v)
{
    double *p = g_new(double, 1);
    *p = v;
    g_hash_table_replace(f, g_strdup(name), p);
}

/* An absent feature counts (0 - mean) / scale times its weight: one of
 * mean 0 adds nothing (only the present ones are summed), one of another
 * mean still decides. */
static void test_absent(void)
{
    char *path = file("mean.csv", "feature,mean,scale,strength,concern,mixed,neutral\n"
                                  "(bias),0,1,0,1,0,0\n"
                                  "w: praise,0,1,3,0,0,0\n"
                                  "sentences,2,1,0,1,0,0\n"
                                  "w: shortfall,0,1,0,5,0,0\n");
    CsbDiag *d = csb_diag_new();
    CsbToneModel *m = csb_tone_model_load(path, d);
    CHECK(m != NULL, "a model with a mean not 0 loads");
    GHashTable *f = csb_tone_features_new();
    set(f, "w: praise", 1);
    set(f, "not in the model", 7);
    /* strength 3; concern 1 + (0 - 2) / 1 = -1: strength */
    CsbTone t = m ? csb_tone_model_decide(m, f, NULL) : CSB_TONE_NEUTRAL;
    CHECK(t == CSB_TONE_STRENGTH, "present words and an absent feature of mean 2 (got %s)",
          csb_tone_id(t));
    set(f, "sentences", 7); /* concern 1 + (7 - 2) = 6 over strength 3 */
    t = m ? csb_tone_model_decide(m, f, NULL) : CSB_TONE_NEUTRAL;
    CHECK(t == CSB_TONE_CONCERN, "the same feature present decides (got %s)", csb_tone_id(t));
    g_hash_table_remove(f, "sentences");
    set(f, "w: praise", 0);
    /* all absent or 0: strength 0, concern 1 - 2 = -1 (1 were the absent
     * feature left out), mixed 0, neutral 0: the first of the highest */
    t = m ? csb_tone_model_decide(m, f, NULL) : CSB_TONE_NEUTRAL;
    CHECK(t == CSB_TONE_STRENGTH, "nothing present: the absent feature of mean 2 still weighs "
          "against concern (got %s)", csb_tone_id(t));
    g_hash_table_destroy(f);
    csb_tone_model_free(m);
    csb_diag_free(d);
    g_unlink(path);
    g_free(path);
}

static void test_decide(void)
{
    char *path = file("model.csv", model_csv);
    CsbDiag *d = csb_diag_new();
    CsbToneModel *m = csb_tone_model_load(path, d);
    CHECK(m != NULL, "a model CSV loads");
    GHashTable *f = csb_tone_features_new();
    set(f, "concern share", 0.5);
    set(f, "balance of the sides", 1);
    GPtrArray *why = g_ptr_array_new_with_free_func(g_free);
    CsbTone t = m ? csb_tone_model_decide(m, f, why) : CSB_TONE_NEUTRAL;
    CHECK(t == CSB_TONE_MIXED, "the highest sum wins: mixed 3 over concern 1 (got %s)",
          csb_tone_id(t));
    const char *w = why->len ? why->pdata[0] : "";
    CHECK(strstr(w, "model: mixed 0.84, concern 0.11; most for mixed over concern: balance "
                    "of the sides (+3.00)") != NULL,
          "why names the tone, the runner-up and the feature that decided: %s", w);
    CHECK(strstr(w, "concern share") == NULL, "a feature that weighed against it is not named");
    set(f, "concern share", 1);
    set(f, "balance of the sides", 0);
    t = m ? csb_tone_model_decide(m, f, NULL) : CSB_TONE_NEUTRAL;
    CHECK(t == CSB_TONE_CONCERN, "all concern: concern (got %s)", csb_tone_id(t));
    g_ptr_array_free(why, TRUE);
    g_hash_table_destroy(f);
    csb_tone_model_free(m);
    csb_diag_free(d);
    g_unlink(path);
    g_free(path);
}

static void test_bad_model(void)
{
    char *path = file("bad.csv", "feature,mean,scale,strength,concern,mixed,neutral\n"
                                 "(bias),0,1,0,0,0,0\n"
                                 "\n"
                                 "\"w: a\nb\",0,1,0,0,0,0\n"
                                 "concern share,0,0,1,1,1,1\n");
    CsbDiag *d = csb_diag_new();
    CsbToneModel *m = csb_tone_model_load(path, d);
    GString *s = g_string_new(NULL);
    int line = 0;
    for (guint i = 0; i < d->items->len; i++) {
        g_string_append(s, ((CsbError *)d->items->pdata[i])->message);
        line = ((CsbError *)d->items->pdata[i])->line;
    }
    CHECK(m == NULL && strstr(s->str, "a positive scale"),
          "a scale of 0 is refused, saying what a row needs: %s", s->str);
    CHECK(line == 6, "at the row's own line, after a blank line and a field of two (line %d)",
          line);
    g_string_free(s, TRUE);
    csb_diag_free(d);
    g_unlink(path);
    g_free(path);
}

/* What the rules read becomes features with plain names. */
static void test_features(void)
{
    double pos[] = {2, 0}, neg[] = {0, 1.5};
    CsbToneReading rd = {.text = "Plans are strong. However, children wait too long.",
                         .sentences = 2, .pos = pos, .neg = neg, .rules = CSB_TONE_MIXED,
                         .contrasts = 1, .contrast_opens = 1};
    GHashTable *f = csb_tone_features_new();
    csb_tone_features(&rd, f, TRUE);
    const double *v = g_hash_table_lookup(f, "concern share");
    CHECK(v && *v > 0.42 && *v < 0.43, "concern share 1.5 / 3.5 (got %g)", v ? *v : -1);
    CHECK(g_hash_table_contains(f, "rules say mixed") &&
              g_hash_table_contains(f, "a net-negative sentence after praise") &&
              g_hash_table_contains(f, "closing sentence net concern") &&
              g_hash_table_contains(f, "a contrast opens a sentence"),
          "the rules' verdict and the shape of the sides are features");
    CHECK(g_hash_table_contains(f, "w: however") && g_hash_table_contains(f, "w: too long") &&
              g_hash_table_contains(f, "shortfall w: children") &&
              !g_hash_table_contains(f, "shortfall w: plans"),
          "words and pairs of words, and the words of the sentence of concern");
    GHashTable *g = csb_tone_features_new();
    csb_tone_features(&rd, g, FALSE);
    CHECK(g_hash_table_contains(g, "concern share") && !g_hash_table_contains(g, "w: however"),
          "without words, the shape only (no table entry per word)");
    g_hash_table_destroy(g);
    CHECK(!g_hash_table_contains(f, "remedies"), "a count of 0 is absent");
    g_hash_table_destroy(f);
}

/* A cues file naming a model: the model decides, why says over what; a
 * model that cannot be read fails the load. */
static void test_cues_model(void)
{
    char *model = file("always.csv", "feature,mean,scale,strength,concern,mixed,neutral\n"
                                     "(bias),0,1,0,5,0,0\n");
    char *cues = file("cues.yaml", "strength: [strong]\nconcern: [too long]\n"
                                   "negators: [not]\nmodel: always.csv\n");
    CsbDiag *d = csb_diag_new();
    CsbThemeLibrary *lib = csb_themes_load("templates/themes.yaml", cues, d);
    CHECK(lib != NULL, "a cues file naming a model beside it loads");
    GPtrArray *why = g_ptr_array_new_with_free_func(g_free);
    CsbTone t = lib ? csb_themes_classify(lib, "Plans are strong. Some wait too long.", why)
                    : CSB_TONE_NEUTRAL;
    CHECK(t == CSB_TONE_CONCERN, "the model decides (got %s)", csb_tone_id(t));
    gboolean over = FALSE;
    for (guint i = 0; i < why->len; i++)
        over |= g_str_has_prefix(why->pdata[i], "verdict: concern by the learned layer, over "
                                                "the rules' mixed");
    CHECK(over, "why says the learned layer decided over the rules' verdict");
    g_ptr_array_free(why, TRUE);
    csb_themes_free(lib);
    g_unlink(model);
    CsbThemeLibrary *none = csb_themes_load("templates/themes.yaml", cues, d);
    CHECK(none == NULL && d->items->len > 0, "a model that is missing fails the load");
    csb_themes_free(none);
    csb_diag_free(d);
    g_unlink(cues);
    g_free(model);
    g_free(cues);
}

int main(void)
{
    dir = g_dir_make_tmp("csb-tone-model-XXXXXX", NULL);
    RUN(test_decide);
    RUN(test_absent);
    RUN(test_bad_model);
    RUN(test_features);
    RUN(test_cues_model);
    g_rmdir(dir);
    g_free(dir);
    return unit_done();
}
