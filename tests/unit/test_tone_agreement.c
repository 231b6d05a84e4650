/* test_tone_agreement.c - the tone classifier against careful readers:
 * every paragraph of tests/tone/tone.csv (labelled by reading, with the
 * words that decided) classified as csbrief extract does, scored on the
 * dev and test splits of tests/tone/tone-split.csv (by authority).
 * Prints agreement, per-class precision and recall, the confusion matrix
 * and the misses; fails when agreement on either split, the engineer's
 * labels or any fresh set falls below the goal reached on it (and, on the
 * blind sets that decided the learned layer, that of the rules alone).
 * The labelled sets carry the paragraphs' text, so no report is needed
 * and the test always runs.
 *
 * CSB_TONE_MISSES=dev|test|all|none chooses whose misses are printed
 * (test by default); CSB_TONE_WHY=1 prints why for each miss;
 * CSB_TONE_CUES=FILE reads the cues from FILE instead of
 * templates/cues.yaml (for trying a change on the dev split);
 * CSB_TONE_DUMP=FILE writes the id, set ("dev", "test", "engineer" or
 * "fresh"), file, label, tone and why of every labelled row, tab-separated,
 * for closer study and for tests/tone/cv.py's folds; CSB_TONE_FEATURES=FILE
 * writes what the learned layer reads of every row (tests/tone/train.py).
 * Every set but the newest is development data (the learned layer's
 * training data); tone-fresh4.csv to tone-fresh17.csv were labelled
 * blind and scored once each, with the rules and layer of their day
 * frozen, before they became so; tone-fresh18.csv, scored once with the
 * layer retrained on all the sets before it, is the newest measure on
 * unseen paragraphs, with the rules alone scored beside it.
 */
#include "../../src/themes/themes.h"
#include "unit.h"

/* The goals: agreement of the rules with the learned layer over them
 * (templates/cues.yaml's `model:`), less half a paragraph, so that one
 * paragraph fewer fails. The first twenty sets are the layer's training
 * data (retrained on their 5013 rows, words and pairs of words read too)
 * and the rules were tuned on them, so their figures are fitted (the
 * fourth to seventeenth fresh sets were each measured once, blind,
 * before: tests/tone/README.md); the eighteenth the layer has not seen,
 * and it was measured once on it. */
#define GOAL_TEST 0.861 /* 141 of 163 (86.5%) */
#define GOAL_DEV 0.915 /* 330 of 360 (91.7%) */
#define GOAL_ENGINEER 0.912 /* 110 of 120 (91.7%) */
#define GOAL_FRESH 0.861 /* 147 of 170 (86.5%); 134 (78.8%) when first measured blind */
#define GOAL_FRESH2 0.857   /* 172 of 200 (86.0%); the rules alone 163 (81.5%), measured blind */
#define GOAL_FRESH3 0.912 /* 183 of 200 (91.5%); 175 (87.5%) measured blind, before retraining */
#define GOAL_FRESH4 0.852 /* 171 of 200 (85.5%); 171 (85.5%) measured once, blind */
#define GOAL_FRESH5 0.897   /* 180 of 200 (90.0%); 175 (87.5%) measured once, blind */
#define GOAL_FRESH6 0.907   /* 182 of 200 (91.0%); 179 (89.5%) measured once, blind */
#define GOAL_FRESH7 0.902 /* 181 of 200 (90.5%); 178 (89.0%) measured once, blind */
#define GOAL_FRESH8 0.851   /* 256 of 300 (85.3%); 254 (84.7%) measured once, blind */
#define GOAL_FRESH9 0.881 /* 265 of 300 (88.3%); 262 (87.3%) measured once, blind */
#define GOAL_RULES_FRESH3 0.872 /* the rules alone: 175 of 200 (87.5%) */
#define GOAL_RULES_FRESH4 0.812 /* the rules alone: 163 of 200 (81.5%) */
#define GOAL_RULES_FRESH5 0.897 /* the rules alone: 180 of 200 (90.0%) */
#define GOAL_RULES_FRESH6 0.862 /* the rules alone: 173 of 200 (86.5%) */
#define GOAL_RULES_FRESH7 0.887 /* the rules alone: 178 of 200 (89.0%); 179 before descriptions were no cue */
#define GOAL_RULES_FRESH8 0.828 /* the rules alone: 249 of 300 (83.0%) */
#define GOAL_RULES_FRESH9 0.858 /* the rules alone: 258 of 300 (86.0%), measured once, blind */
#define GOAL_FRESH10 0.865 /* 260 of 300 (86.7%); 259 (86.3%) measured once, blind */
#define GOAL_RULES_FRESH10 0.871 /* the rules alone: 262 of 300 (87.3%), measured once, blind */
#define GOAL_FRESH11 0.901 /* 271 of 300 (90.3%); 268 (89.3%) measured once, blind */
#define GOAL_RULES_FRESH11 0.873 /* the rules alone: 262 of 300 (87.3%), measured once, blind */
#define GOAL_FRESH12 0.865 /* 260 of 300 (86.7%); 253 (84.3%) measured once, blind */
#define GOAL_RULES_FRESH12 0.838 /* the rules alone: 252 of 300 (84.0%), measured once, blind */
#define GOAL_FRESH13 0.915 /* 275 of 300 (91.7%); 270 (90.0%) measured once, blind */
#define GOAL_FRESH14 0.878 /* 264 of 300 (88.0%); 258 (86.0%) measured once, blind */
#define GOAL_RULES_FRESH14 0.855 /* the rules alone: 257 of 300 (85.7%), measured once, blind */
#define GOAL_RULES_FRESH13 0.878 /* the rules alone: 264 of 300 (88.0%), measured once, blind */
#define GOAL_FRESH15 0.895 /* 269 of 300 (89.7%); 265 (88.3%) measured once, blind */
#define GOAL_FRESH16 0.881 /* 265 of 300 (88.3%), measured once, blind, rules and layer frozen */
#define GOAL_RULES_FRESH16 0.861 /* the rules alone: 259 of 300 (86.3%), measured once, blind */
#define GOAL_FRESH17 0.895 /* 269 of 300 (89.7%), measured once, blind, rules and layer frozen */
#define GOAL_RULES_FRESH17 0.865 /* the rules alone: 260 of 300 (86.7%), measured once, blind */
#define GOAL_FRESH18 0.881 /* 265 of 300 (88.3%), measured once, blind, rules and layer frozen */
#define GOAL_RULES_FRESH18 0.868 /* the rules alone: 261 of 300 (87.0%), measured once, blind */
#define GOAL_FRESH19 0.868 /* 261 of 300 (87.0%), measured once, blind, rules and layer frozen */
#define GOAL_RULES_FRESH19 0.861 /* the rules alone: 259 of 300 (86.3%), measured once, blind */
#define GOAL_FRESH20 0.901 /* 271 of 300 (90.3%), measured once, blind, rules and layer frozen */
#define GOAL_RULES_FRESH20 0.871 /* the rules alone: 262 of 300 (87.3%), measured once, blind */
#define GOAL_RULES_FRESH15 0.845 /* the rules alone: 254 of 300 (84.7%), measured once, blind */

enum { N_TONES = 4 };
static const CsbTone order[N_TONES] = {CSB_TONE_STRENGTH, CSB_TONE_CONCERN, CSB_TONE_MIXED,
                                       CSB_TONE_NEUTRAL};

typedef struct {
    const char *name;
    int n, agree;
    int matrix[N_TONES][N_TONES]; /* [label][got] in the order above */
} Score;

static int tone_index(CsbTone t)
{
    for (int i = 0; i < N_TONES; i++)
        if (order[i] == t)
            return i;
    return N_TONES - 1;
}

static gboolean tone_parse(const char *s, CsbTone *t)
{
    for (int i = 0; i < N_TONES; i++)
        if (g_strcmp0(s, csb_tone_id(order[i])) == 0) {
            *t = order[i];
            return TRUE;
        }
    return FALSE;
}

static void print_score(const Score *s)
{
    printf("# %s: %d of %d agree (%.1f%%)\n", s->name, s->agree, s->n,
           s->n ? 100.0 * s->agree / s->n : 0.0);
    printf("#   label \\ got  strength  concern    mixed  neutral   recall\n");
    for (int a = 0; a < N_TONES; a++) {
        int row = 0;
        for (int b = 0; b < N_TONES; b++)
            row += s->matrix[a][b];
        printf("#   %-12s", csb_tone_id(order[a]));
        for (int b = 0; b < N_TONES; b++)
            printf(" %8d", s->matrix[a][b]);
        printf("   %5.1f%%\n", row ? 100.0 * s->matrix[a][a] / row : 0.0);
    }
    printf("#   precision   ");
    for (int b = 0; b < N_TONES; b++) {
        int col = 0;
        for (int a = 0; a < N_TONES; a++)
            col += s->matrix[a][b];
        printf(" %7.1f%%", col ? 100.0 * s->matrix[b][b] / col : 0.0);
    }
    printf("\n");
}

static char *joined(const GPtrArray *why)
{
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < why->len; i++)
        g_string_append_printf(s, "%s%s", i ? " | " : "", (const char *)why->pdata[i]);
    return g_string_free(s, FALSE);
}

static void dump_row(FILE *dump, const char *id, const char *split, const char *file,
                     CsbTone want, CsbTone got, const GPtrArray *why)
{
    char *w = joined(why);
    fprintf(dump, "%s\t%s\t%s\t%s\t%s\t%s\n", id, split, file, csb_tone_id(want),
            csb_tone_id(got), w);
    g_free(w);
}

/* The features of every row's paragraph go to CSB_TONE_FEATURES when set
 * (tests/tone/train.py reads them): the id, whether the rules alone decide
 * it (a recommendation or context: 1), then name=value per feature, all
 * tab-separated, the rows in the order of CSB_TONE_DUMP. */
static FILE *features_out(const char *mode)
{
    const char *path = g_getenv("CSB_TONE_FEATURES");
    return path && *path ? fopen(path, mode) : NULL;
}

static void dump_features(FILE *out, const char *id, gboolean fixed, GHashTable *features)
{
    fprintf(out, "%s\t%d", id, fixed ? 1 : 0);
    GList *names = g_list_sort(g_hash_table_get_keys(features), (GCompareFunc)strcmp);
    for (GList *l = names; l; l = l->next)
        fprintf(out, "\t%s=%.6g", (const char *)l->data,
                *(const double *)g_hash_table_lookup(features, l->data));
    g_list_free(names);
    fputc('\n', out);
}

/* One row's tone, its features written to out when not NULL. */
static CsbTone classify_row(const CsbThemeLibrary *lib, const char *id, const char *text,
                            const char *section, GPtrArray *why, FILE *out)
{
    if (!out)
        return csb_themes_classify_in(lib, text, section, why);
    GHashTable *features = csb_tone_features_new();
    gboolean fixed = FALSE;
    CsbTone got = csb_themes_classify_read(lib, text, section, why, features, &fixed);
    dump_features(out, id, fixed, features);
    g_hash_table_destroy(features);
    return got;
}

/* The cues to score: CSB_TONE_CUES, or templates/cues.yaml. */
static CsbThemeLibrary *load_cues(CsbDiag *d)
{
    const char *cues = g_getenv("CSB_TONE_CUES");
    return csb_themes_load("templates/themes.yaml", cues && *cues ? cues : "templates/cues.yaml",
                           d);
}

static void test_agreement(void)
{
    CsbDiag *d = csb_diag_new();
    CsbThemeLibrary *lib = load_cues(d);
    CsbCsv *rows = csb_csv_load("tests/tone/tone.csv", d);
    CsbCsv *split = csb_csv_load("tests/tone/tone-split.csv", d);
    CHECK(lib && rows && split, "the cues, the labelled set and its split load");
    if (!lib || !rows || !split) {
        csb_diag_print(d, stdout);
        goto out;
    }
    GHashTable *side = g_hash_table_new(g_str_hash, g_str_equal); /* urn -> "dev"/"test" */
    int c_auth = csb_csv_column(split, "authority"), c_split = csb_csv_column(split, "split");
    for (guint r = 0; r < split->rows->len; r++)
        g_hash_table_insert(side, (gpointer)csb_csv_get(split, r, c_auth),
                            (gpointer)csb_csv_get(split, r, c_split));
    int c_id = csb_csv_column(rows, "id"), c_file = csb_csv_column(rows, "file"),
        c_label = csb_csv_column(rows, "label"), c_text = csb_csv_column(rows, "text"),
        c_section = csb_csv_column(rows, "section"), c_dec = csb_csv_column(rows, "decisive");
    Score dev = {.name = "dev"}, test = {.name = "test"};
    const char *misses = g_getenv("CSB_TONE_MISSES");
    gboolean show_why = g_getenv("CSB_TONE_WHY") != NULL;
    int unsplit = 0, bad_label = 0;
    GString *missed = g_string_new(NULL);
    const char *dump_path = g_getenv("CSB_TONE_DUMP");
    FILE *dump = dump_path && *dump_path ? fopen(dump_path, "w") : NULL;
    FILE *feat = features_out("w");
    for (guint r = 0; r < rows->rows->len; r++) {
        const char *file = csb_csv_get(rows, r, c_file);
        char *urn = g_strndup(file, strcspn(file, "-"));
        const char *which = g_hash_table_lookup(side, urn);
        g_free(urn);
        CsbTone want;
        if (!which) {
            unsplit++;
            continue;
        }
        if (!tone_parse(csb_csv_get(rows, r, c_label), &want)) {
            bad_label++;
            continue;
        }
        GPtrArray *why = g_ptr_array_new_with_free_func(g_free);
        CsbTone got = classify_row(lib, csb_csv_get(rows, r, c_id), csb_csv_get(rows, r, c_text),
                                   csb_csv_get(rows, r, c_section), why, feat);
        Score *s = strcmp(which, "test") == 0 ? &test : &dev;
        s->n++;
        s->agree += got == want;
        s->matrix[tone_index(want)][tone_index(got)]++;
        gboolean show = misses ? (strcmp(misses, "all") == 0 || strcmp(misses, which) == 0)
                               : s == &test;
        if (got != want && show) {
            g_string_append_printf(missed, "#   %s %s: labelled %s, got %s; decisive: %s\n",
                                   which, csb_csv_get(rows, r, c_id), csb_tone_id(want),
                                   csb_tone_id(got), csb_csv_get(rows, r, c_dec));
            if (show_why) {
                char *w = joined(why);
                g_string_append_printf(missed, "#     text: %s\n#     why: %s\n",
                                       csb_csv_get(rows, r, c_text), w);
                g_free(w);
            }
        }
        if (dump)
            dump_row(dump, csb_csv_get(rows, r, c_id), which, file, want, got, why);
        g_ptr_array_free(why, TRUE);
    }
    if (dump)
        fclose(dump);
    if (feat)
        fclose(feat);
    CHECK(unsplit == 0 && bad_label == 0,
          "every labelled paragraph has a split and a label (%d without a split, %d bad labels)",
          unsplit, bad_label);
    CHECK(dev.n >= 300 && test.n >= 150, "dev %d and test %d paragraphs", dev.n, test.n);
    print_score(&dev);
    print_score(&test);
    printf("# misses:\n%s", missed->str);
    g_string_free(missed, TRUE);
    CHECK(test.n && test.agree >= GOAL_TEST * test.n,
          "agreement on the test split %.1f%%, goal %.1f%%",
          test.n ? 100.0 * test.agree / test.n : 0.0, 100 * GOAL_TEST);
    CHECK(dev.n && dev.agree >= GOAL_DEV * dev.n, "agreement on the dev split %.1f%%, goal %.1f%%",
          dev.n ? 100.0 * dev.agree / dev.n : 0.0, 100 * GOAL_DEV);
    g_hash_table_destroy(side);
out:
    csb_csv_free(rows);
    csb_csv_free(split);
    csb_themes_free(lib);
    csb_diag_free(d);
}

/* Every labelled row of path classified by lib, added to e; dump_as names
 * the rows in CSB_TONE_DUMP (and they go to CSB_TONE_FEATURES) when not
 * NULL. FALSE when path does not load. */
static gboolean score_rows(const CsbThemeLibrary *lib, const char *path, const char *dump_as,
                           Score *e)
{
    CsbDiag *d = csb_diag_new();
    CsbCsv *rows = csb_csv_load(path, d);
    int c_label = rows ? csb_csv_column(rows, "label") : -1;
    int c_text = rows ? csb_csv_column(rows, "text") : -1;
    int c_section = rows ? csb_csv_column(rows, "section") : -1;
    int c_id = rows ? csb_csv_column(rows, "id") : -1;
    int c_file = rows ? csb_csv_column(rows, "file") : -1;
    const char *dump_path = dump_as ? g_getenv("CSB_TONE_DUMP") : NULL;
    FILE *dump = dump_path && *dump_path ? fopen(dump_path, "a") : NULL;
    FILE *feat = dump_as ? features_out("a") : NULL;
    for (guint r = 0; rows && r < rows->rows->len; r++) {
        CsbTone want;
        if (!tone_parse(csb_csv_get(rows, r, c_label), &want))
            continue;
        GPtrArray *why = g_ptr_array_new_with_free_func(g_free);
        CsbTone got = classify_row(lib, csb_csv_get(rows, r, c_id), csb_csv_get(rows, r, c_text),
                                   csb_csv_get(rows, r, c_section), why, feat);
        if (dump)
            dump_row(dump, csb_csv_get(rows, r, c_id), dump_as, csb_csv_get(rows, r, c_file),
                     want, got, why);
        g_ptr_array_free(why, TRUE);
        e->n++;
        e->agree += got == want;
        e->matrix[tone_index(want)][tone_index(got)]++;
    }
    if (dump)
        fclose(dump);
    if (feat)
        fclose(feat);
    gboolean ok = rows != NULL;
    csb_csv_free(rows);
    csb_diag_free(d);
    return ok;
}

/* Agreement over one more labelled file: its rows scored as a whole.
 * dump_as names the rows in CSB_TONE_DUMP. */
static void score_file(const char *path, const char *what, const char *dump_as, double goal,
                       int at_least)
{
    CsbDiag *d = csb_diag_new();
    CsbThemeLibrary *lib = load_cues(d);
    Score e = {.name = what};
    gboolean ok = lib && score_rows(lib, path, dump_as, &e);
    CHECK(ok, "the cues and %s load", what);
    if (e.n)
        print_score(&e);
    CHECK(e.n >= at_least && e.agree >= goal * e.n, "agreement with %s %.1f%%, goal %.1f%%", what,
          e.n ? 100.0 * e.agree / e.n : 0.0, 100 * goal);
    csb_themes_free(lib);
    csb_diag_free(d);
}

/* The engineer's own labels (tests/tone/engineer-dev.csv: other paragraphs
 * of dev authorities, labelled while the rules were tuned, so optimistic):
 * a second guard on the dev side. */
static void test_engineer_dev(void)
{
    score_file("tests/tone/engineer-dev.csv", "the engineer's labels", "engineer", GOAL_ENGINEER,
               100);
}

/* tests/tone/tone-fresh.csv: 170 paragraphs of the test authorities, drawn
 * and labelled blind after the first rules were made (78.8% then); since
 * used for development like the other sets. */
static void test_fresh(void)
{
    score_file("tests/tone/tone-fresh.csv", "the fresh labels", "fresh", GOAL_FRESH, 150);
}

/* The blind sets, each labelled apart from the rules (tests/tone/freshN/
 * README.md) and scored once when made, in the order they were made. */
typedef struct {
    const char *path, *what, *dump_as;
    double goal;       /* the rules and the layer */
    int at_least;      /* rows that must load */
    double rules_goal; /* the rules alone; 0: not checked */
} BlindSet;

static const BlindSet blind_sets[] = {
    /* 200 paragraphs of 188 reports none of the other sets drew on,
     * labelled while the third round's rules were being made, and scored
     * once after they were frozen. */
    {"tests/tone/tone-fresh2.csv", "the second fresh labels", "fresh2", GOAL_FRESH2, 180, 0},
    /* 200 more of 188 reports, labelled while the learned layer was being
     * made, and scored once with it frozen (175, 87.5%); the layer's
     * training data since. */
    {"tests/tone/tone-fresh3.csv", "the third fresh labels", "fresh3", GOAL_FRESH3, 180,
     GOAL_RULES_FRESH3},
    /* 200 more, labelled while the layer was retrained on the other 1213
     * rows, and scored once with it frozen (171); training data since the
     * seventh set. */
    {"tests/tone/tone-fresh4.csv", "the fourth fresh labels", "fresh4", GOAL_FRESH4, 180,
     GOAL_RULES_FRESH4},
    /* 200 more of 191 reports, scored once with the same layer frozen (a
     * layer retrained on the 1413 rows with tone-fresh4 scored the same,
     * 175, so it was not shipped). */
    {"tests/tone/tone-fresh5.csv", "the fifth fresh labels", "fresh5", GOAL_FRESH5, 180,
     GOAL_RULES_FRESH5},
    /* 200 more of 191 reports, labelled after that stop's changes to the
     * rules (none of which moved a labelled row) and scored once, the
     * layer frozen. */
    {"tests/tone/tone-fresh6.csv", "the sixth fresh labels", "fresh6", GOAL_FRESH6, 180,
     GOAL_RULES_FRESH6},
    /* 200 more of 191 reports, labelled while the layer was retrained on
     * the other 1813 rows, and scored once with it frozen (178; the layer
     * it replaced: 177); training data since the eighth set. */
    {"tests/tone/tone-fresh7.csv", "the seventh fresh labels", "fresh7", GOAL_FRESH7, 180,
     GOAL_RULES_FRESH7},
    /* 300 more of 238 reports, labelled while the layer was retrained on
     * the other 2013 rows, and scored once with it frozen (254; the layer
     * it replaced: 253); training data since the ninth set. */
    {"tests/tone/tone-fresh8.csv", "the eighth fresh labels", "fresh8", GOAL_FRESH8, 270,
     GOAL_RULES_FRESH8},
    /* 300 more, labelled while the rules were changed and the layer
     * retrained on the other 2313 rows, and scored once with both frozen
     * (262; the rules and layer they replaced: 261). */
    {"tests/tone/tone-fresh9.csv", "the ninth fresh labels", "fresh9", GOAL_FRESH9, 270,
     GOAL_RULES_FRESH9},
    /* 300 more, labelled while a layer that also reads words was trained
     * on the other 2613 rows, and scored once with the rules unchanged:
     * the layer of the ninth set 259, the new one 257, so the ninth's was
     * kept. With the ninth, the figure for reports csbrief has not seen
     * (521 of 600). A second reader labelled it apart: the two readers
     * agree on 289 (fresh10/second-reader.md). */
    {"tests/tone/tone-fresh10.csv", "the tenth fresh labels", "fresh10", GOAL_FRESH10, 270,
     GOAL_RULES_FRESH10},
    /* 300 more, labelled while nothing in the rules or layer changed,
     * and scored once with both as the ninth and tenth sets measured
     * them: with those two, 789 of 900 for unseen reports. */
    {"tests/tone/tone-fresh11.csv", "the eleventh fresh labels", "fresh11", GOAL_FRESH11, 270,
     GOAL_RULES_FRESH11},
    /* 300 more, labelled while the layer was retrained on the other 3213
     * rows, and scored once with it frozen: 253; the layer it replaced
     * 252, the rules alone 252. */
    {"tests/tone/tone-fresh12.csv", "the twelfth fresh labels", "fresh12", GOAL_FRESH12, 270,
     GOAL_RULES_FRESH12},
    /* 300 more, labelled while the layer was retrained on the other 3513
     * rows, and scored once with it frozen: 270; the layer it replaced
     * 268, the rules alone 264. With the tenth to twelfth, 1050 of 1200
     * for unseen reports. */
    {"tests/tone/tone-fresh13.csv", "the thirteenth fresh labels", "fresh13", GOAL_FRESH13, 270,
     GOAL_RULES_FRESH13},
    /* 300 more, labelled while descriptions ("children who are unable to
     * return home") were made no cue, and scored once with the rules so
     * changed and the layer of the thirteenth frozen: 258; the rules and
     * layer before the change 258, the rules alone 257 (256 before). With
     * the eleventh to thirteenth, 1049 of 1200 for unseen reports. */
    {"tests/tone/tone-fresh14.csv", "the fourteenth fresh labels", "fresh14", GOAL_FRESH14, 270,
     GOAL_RULES_FRESH14},
    /* 300 more, labelled while the layer was retrained on the other 4113
     * rows, and scored once with it frozen: 265; the layer it replaced
     * 265, the rules alone 254. With the twelfth to fourteenth, 1046 of
     * 1200 for unseen reports. */
    {"tests/tone/tone-fresh15.csv", "the fifteenth fresh labels", "fresh15", GOAL_FRESH15, 270,
     GOAL_RULES_FRESH15},
    /* 300 more, labelled while the layer was retrained on the other 4413
     * rows, and scored once with it frozen: 264; the layer it replaced
     * 262, the rules alone 259. With the thirteenth to fifteenth, 1057 of
     * 1200 for unseen reports. */
    {"tests/tone/tone-fresh16.csv", "the sixteenth fresh labels", "fresh16", GOAL_FRESH16, 270,
     GOAL_RULES_FRESH16},
    /* 300 more, labelled while a negator was made to negate a concern
     * running straight on from the one it negates ("do not experience
     * unnecessary delay"), and scored once with that change and the
     * sixteenth's layer frozen: 269; without the change 269, the rules
     * alone 260. With the fourteenth to sixteenth, 1056 of 1200 for
     * unseen reports. */
    {"tests/tone/tone-fresh17.csv", "the seventeenth fresh labels", "fresh17", GOAL_FRESH17, 270,
     GOAL_RULES_FRESH17},
    /* 300 more, labelled while the layer was retrained on the other 5013
     * rows with words and pairs of words read too, and scored once with it
     * frozen: 265; the layer it replaced 265, the rules alone 261. With
     * the fifteenth to seventeenth, 1063 of 1200 for unseen reports. */
    {"tests/tone/tone-fresh18.csv", "the eighteenth fresh labels", "fresh18", GOAL_FRESH18, 270,
     GOAL_RULES_FRESH18},
    /* 300 more, labelled while the layer was retrained on the other 5313
     * rows without words (the candidate), and scored once: the candidate
     * 258, the layer it would replace (shipped, the eighteenth's) 261, the
     * rules alone 259; the candidate was not shipped. With the sixteenth
     * to eighteenth, 1059 of 1200 for unseen reports. */
    {"tests/tone/tone-fresh19.csv", "the nineteenth fresh labels", "fresh19", GOAL_FRESH19, 270,
     GOAL_RULES_FRESH19},
    /* 300 more, labelled after no rule change passed the pre-registration,
     * and scored once with the rules and layer shipped (the eighteenth's
     * layer): 271, the rules alone 262. With the seventeenth to
     * nineteenth, 1066 of 1200 for unseen reports. */
    {"tests/tone/tone-fresh20.csv", "the twentieth fresh labels", "fresh20", GOAL_FRESH20, 270,
     GOAL_RULES_FRESH20},
};

static void test_blind_sets(void)
{
    for (guint i = 0; i < G_N_ELEMENTS(blind_sets); i++) {
        const BlindSet *b = &blind_sets[i];
        score_file(b->path, b->what, b->dump_as, b->goal, b->at_least);
    }
}

/* The rules alone, on the blind sets that decided to put the learned
 * layer over them and to retrain it (tone-fresh3: 171 of 200 against the
 * layer's 175; tone-fresh4: 163 against the retrained layer's 171;
 * tone-fresh5: 177 against 175, the layer ahead over the last two, 346 of
 * 400 against 340): kept as measured, since the layer reads what they
 * read. */
static void rules_alone(const char *path, const char *what, double goal)
{
    CsbDiag *d = csb_diag_new();
    CsbThemeLibrary *lib = load_cues(d);
    CHECK(lib != NULL, "the cues load");
    if (lib)
        csb_themes_rules_alone(lib);
    Score e = {.name = what};
    CHECK(lib && score_rows(lib, path, NULL, &e), "%s loads", path);
    if (e.n)
        print_score(&e);
    CHECK(e.n >= 180 && e.agree >= goal * e.n, "agreement of %s %.1f%%, goal %.1f%%", what,
          e.n ? 100.0 * e.agree / e.n : 0.0, 100 * goal);
    if (!lib)
        csb_diag_print(d, stdout);
    csb_themes_free(lib);
    csb_diag_free(d);
}

static void test_rules_alone(void)
{
    for (guint i = 0; i < G_N_ELEMENTS(blind_sets); i++) {
        const BlindSet *b = &blind_sets[i];
        if (!b->rules_goal)
            continue;
        char *what = g_strdup_printf("the rules alone, %s", b->what);
        rules_alone(b->path, what, b->rules_goal);
        g_free(what);
    }
}

int main(void)
{
    RUN(test_agreement);
    RUN(test_engineer_dev);
    RUN(test_fresh);
    RUN(test_blind_sets);
    RUN(test_rules_alone);
    return unit_done();
}
