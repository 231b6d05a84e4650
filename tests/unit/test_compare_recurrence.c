/* test_compare_recurrence.c - csbrief's recurring areas for improvement
 * measured against careful readers (tests/recurrence/labels.csv, see its
 * README): for every labelled later finding, the earlier report csbrief
 * says raised it before (CsbAfiTrack.raised_before) against the one the
 * reader found.
 *
 * A link to the labelled report is right; a link to any other report, or
 * a link for a finding the reader found new (or raised only in a report
 * not among the inputs), is wrong; no link where the reader found one is
 * a miss. Figures are printed for all 30 authorities together (the rules
 * are now chosen on all of them, leaving one out at a time), for the two
 * parts of the readers' first split (dev, test) and for each authority
 * (for leaving one out), and the pooled ones are checked against floors
 * just under what csbrief does. Needs ../shared/corpus (skipped, saying
 * so, without it). CSB_RECURRENCE_SHOW=dev (or test, or all) prints each
 * wrong link and miss of that part, with the report's own words when a
 * link came from them.
 */
#include "../../src/compare/compare.h"
#include "../../src/parse/parse.h"
#include "unit.h"

static CsbReference *reference;
static CsbAreaMap *areas;
static CsbThemeLibrary *library;
static CsbRecurrence *recurrence;
static CsbSources *sources;

/* Floors just under what csbrief does on all 30 authorities
 * (docs/compare.md gives the figures): 129 of 134 links right (96.3%),
 * 95 of 224 missed (42.4%), so that one more wrong link or miss fails
 * (127 and 222 before two Wirral labels were corrected:
 * tests/recurrence/README.md, Corrections).
 * The goal of issue 11 is 95% right. Misses are counted against the links
 * the readers found. */
#define MIN_RIGHT 0.955
#define MAX_MISSED 0.426
/* Right links showing none of the earlier report's findings, where the
 * readers found one: 4 (6 before the declaring words were read for the
 * finding they name, Wakefield 2025's two). */
#define MAX_UNSHOWN 4
/* The fresh set (measured once blind with the third round's rules: 24 of
 * 27 right, 38 of 62 missed; development data since): 34 of 34 right,
 * 30 of 64 missed (46.9%). */
#define FRESH_MIN_RIGHT 0.98
#define FRESH_MAX_MISSED 0.47
/* The third blind set, 33 authorities, scored once with the fourth round
 * frozen: 45 of 63 right (71.4%), 58 of 103 missed (56.3%); the third
 * round's rules had 39 of 54 (72.2%) and 65 of 104 (62.5%). Development
 * data since: with "there remain ..." no longer a declaring sentence and
 * children missing education no longer children who go missing, 46 of 61
 * (75.4%), 58 of 104 missed (55.8%); with partnership working no longer
 * linking alone, 46 of 59 (78.0%). */
#define FRESH3_MIN_RIGHT 0.775
#define FRESH3_MAX_MISSED 0.56

typedef struct {
    int right, wrong, missed, unlinked; /* unlinked: correctly no link */
    int rows, unmatched;
    /* Of right and wrong: links the later report's own words declared
     * ("raised at the last inspection"), the rest resting on shared
     * issues and words alone. */
    int right_declared, wrong_declared;
    /* Right links whose earlier report the readers found raised it in a
     * finding (not only in its text) that show none of its findings. */
    int right_unshown;
} Score;

static char *base_of(const char *path)
{
    return g_path_get_basename(path);
}

/* The authority's reports in the corpus: files "<key>__<date>.pdf". */
static GPtrArray *read_authority(const char *key)
{
    GPtrArray *out = g_ptr_array_new_with_free_func((GDestroyNotify)csb_inspection_free);
    char *dir = g_build_filename(unit_shared(), "corpus", "pdf", NULL);
    GDir *d = g_dir_open(dir, 0, NULL);
    char *prefix = g_strdup_printf("%s__", key);
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    const char *name;
    while (d && (name = g_dir_read_name(d)))
        if (g_str_has_prefix(name, prefix))
            g_ptr_array_add(names, g_strdup(name));
    if (d)
        g_dir_close(d);
    for (guint i = 0; i < names->len; i++) {
        char *path = g_build_filename(dir, names->pdata[i], NULL);
        CsbDiag *diag = csb_diag_new();
        CsbInspection *in = csb_parse_cached(path, reference, ".csbrief-cache/unit", diag);
        if (in) {
            csb_sources_apply(sources, in);
            g_ptr_array_add(out, in);
        }
        csb_diag_free(diag);
        g_free(path);
    }
    g_ptr_array_free(names, TRUE);
    g_free(prefix);
    g_free(dir);
    return out;
}

/* The tracks of the labelled finding: the same report, the same words
 * (the labels cut nothing but a heading glued on, which csbrief no longer
 * reads; a few reports carry one in their text). A bundle the readers
 * kept whole ("Title \u2022 item \u2022 item", SIF recommendations grouped
 * under a title) is its items, which csbrief reads one by one. */
static void tracks_for(const CsbStory *s, const char *file, const char *text, GPtrArray *out)
{
    char **parts = g_strsplit(text, " \u2022 ", -1);
    gboolean bundle = parts[0] && parts[1];
    for (char **p = bundle ? parts + 1 : parts; *p; p++) {
        char *want = csb_text_fold(*p);
        for (guint i = 0; i < s->afis->len; i++) {
            const CsbAfiTrack *t = s->afis->pdata[i];
            char *b = base_of(t->inspection->file);
            char *got = csb_text_fold(t->finding->text);
            if (strcmp(b, file) == 0 &&
                (strcmp(got, want) == 0 || (g_str_has_prefix(got, want) && strlen(want) > 20))) {
                g_ptr_array_add(out, (gpointer)t);
                i = s->afis->len;
            }
            g_free(got);
            g_free(b);
        }
        g_free(want);
    }
    /* Norfolk 2015: one recommendation of items csbrief keeps whole too. */
    if (bundle && !out->len) {
        char *want = csb_text_fold(text);
        for (guint i = 0; i < s->afis->len; i++) {
            const CsbAfiTrack *t = s->afis->pdata[i];
            char *b = base_of(t->inspection->file);
            char *got = csb_text_fold(t->finding->text);
            if (strcmp(b, file) == 0 && strcmp(got, want) == 0)
                g_ptr_array_add(out, (gpointer)t);
            g_free(got);
            g_free(b);
        }
        g_free(want);
    }
    g_strfreev(parts);
}

/* The reports csbrief links a labelled finding to (its items' for a
 * bundle), one each, as file names. */
static GPtrArray *links_of(const GPtrArray *tracks)
{
    GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < tracks->len; i++) {
        const CsbAfiTrack *t = tracks->pdata[i];
        if (!t->raised_before)
            continue;
        char *b = base_of(t->raised_before->inspection->file);
        gboolean seen = FALSE;
        for (guint k = 0; k < out->len && !seen; k++)
            seen = strcmp(out->pdata[k], b) == 0;
        if (seen)
            g_free(b);
        else
            g_ptr_array_add(out, b);
    }
    return out;
}

static void show_row(const char *id, const char *verdict, const GPtrArray *tracks,
                     const char *reader)
{
    for (guint i = 0; i < tracks->len; i++) {
        const CsbAfiTrack *t = tracks->pdata[i];
        printf("# %s %s: %.100s\n#    csbrief: ", id, verdict, t->finding->text);
        const CsbAfiMatch *m = t->raised_before;
        if (!m) {
            printf("no link%s\n", t->declared_unread ? " (raised in a report not read)" : "");
            if (t->declared)
                printf("#    in its own words: %.160s\n", t->declared);
            continue;
        }
        char *b = base_of(m->inspection->file);
        printf("%s (%.80s)", b, m->finding ? m->finding->text : "its text");
        g_free(b);
        for (guint k = 0; k < m->shared_words->len && k < 6; k++)
            printf(" '%s'", (const char *)m->shared_words->pdata[k]);
        for (guint k = 0; k < m->themes->len; k++)
            printf(" #%s", (const char *)m->themes->pdata[k]);
        printf(" %.2f\n", m->similarity);
        if (t->declared)
            printf("#    in its own words: %.160s\n", t->declared);
    }
    printf("#    reader:  %s\n", reader);
}

static void score_row(Score *sc, const GPtrArray *tracks, const char *label, const char *earlier,
                      const char *earlier_item, const char *id, gboolean show)
{
    sc->rows++;
    if (!tracks->len) {
        sc->unmatched++;
        printf("# %s: finding not found\n", id);
        return;
    }
    GPtrArray *links = links_of(tracks);
    gboolean recurring = strcmp(label, "recurring") == 0 && *earlier;
    gboolean declared = FALSE;
    for (guint i = 0; i < tracks->len; i++) {
        const CsbAfiTrack *t = tracks->pdata[i];
        declared = declared || (t->raised_before && t->raised_before->declared);
    }
    const char *verdict = NULL;
    if (links->len == 1 && recurring && strcmp(links->pdata[0], earlier) == 0) {
        sc->right++, sc->right_declared += declared;
        gboolean shown = FALSE;
        for (guint i = 0; i < tracks->len; i++) {
            const CsbAfiTrack *t = tracks->pdata[i];
            shown = shown || (t->raised_before && t->raised_before->finding);
        }
        if (!shown && *earlier_item && !g_str_has_prefix(earlier_item, "(report text")) {
            sc->right_unshown++;
            printf("# %s: right report, none of its findings shown (the readers': %.80s)\n", id,
                   earlier_item);
        }
    }
    else if (links->len)
        sc->wrong++, sc->wrong_declared += declared, verdict = "wrong";
    else if (recurring)
        sc->missed++, verdict = "missed";
    else
        sc->unlinked++;
    if (verdict && show)
        show_row(id, verdict, tracks, *earlier ? earlier : label);
    g_ptr_array_free(links, TRUE);
}

static void score_add(Score *to, const Score *from)
{
    to->right += from->right;
    to->wrong += from->wrong;
    to->missed += from->missed;
    to->unlinked += from->unlinked;
    to->rows += from->rows;
    to->unmatched += from->unmatched;
    to->right_declared += from->right_declared;
    to->right_unshown += from->right_unshown;
    to->wrong_declared += from->wrong_declared;
}

static void report(const char *part, const Score *sc)
{
    int links = sc->right + sc->wrong, found = sc->right + sc->missed;
    printf("# %s: %d findings; %d links: %d right, %d wrong (%.1f%% right); %d missed of %d "
           "the readers linked (%.1f%%); %d rightly left unlinked\n",
           part, sc->rows, links, sc->right, sc->wrong, links ? 100.0 * sc->right / links : 0,
           sc->missed, found, found ? 100.0 * sc->missed / found : 0, sc->unlinked);
    printf("# %s: declared by the report's own words %d right, %d wrong; on shared issues and "
           "words alone %d right, %d wrong\n",
           part, sc->right_declared, sc->wrong_declared, sc->right - sc->right_declared,
           sc->wrong - sc->wrong_declared);
}

/* Scores every labelled row of labels, an authority at a time, into
 * *dev or *test by the authority's part in part (NULL: all into *test,
 * named "fresh"); CSB_RECURRENCE_SHOW (dev, test, fresh or all) prints
 * the wrong links and misses of that part. */
static void score_labels(const CsbCsv *labels, GHashTable *part, Score *dev, Score *test)
{
    const char *show = g_getenv("CSB_RECURRENCE_SHOW");
    int c_id = csb_csv_column(labels, "id"), c_auth = csb_csv_column(labels, "authority"),
        c_later = csb_csv_column(labels, "later_file"),
        c_item = csb_csv_column(labels, "later_item"),
        c_earlier = csb_csv_column(labels, "earlier_file"),
        c_earlier_item = csb_csv_column(labels, "earlier_item"),
        c_label = csb_csv_column(labels, "label");
    guint r = 0;
    while (r < labels->rows->len) {
        const char *key = csb_csv_get(labels, r, c_auth);
        const char *which = part ? g_hash_table_lookup(part, key) : "fresh";
        CHECK(which != NULL, "%s is in the split", key);
        Score *sc = which && strcmp(which, "dev") != 0 ? test : dev;
        gboolean shown = show && (strcmp(show, "all") == 0 || (which && strcmp(show, which) == 0));
        GPtrArray *reports = read_authority(key);
        const CsbInspection *first = reports->len ? reports->pdata[0] : NULL;
        GPtrArray *themes = g_ptr_array_new();
        CsbCompareInput input = {.inspections = reports,
                                 .authorities = reference->authorities,
                                 .areas = areas,
                                 .library = library,
                                 .themes = themes,
                                 .recurrence = recurrence,
                                 .focus = first && first->authority ? first->authority : ""};
        CsbComparison *c = csb_compare(&input);
        Score one = {0};
        for (; r < labels->rows->len && strcmp(csb_csv_get(labels, r, c_auth), key) == 0; r++) {
            GPtrArray *tracks = g_ptr_array_new();
            if (c)
                tracks_for(c->focus, csb_csv_get(labels, r, c_later),
                           csb_csv_get(labels, r, c_item), tracks);
            score_row(&one, tracks, csb_csv_get(labels, r, c_label),
                      csb_csv_get(labels, r, c_earlier), csb_csv_get(labels, r, c_earlier_item),
                      csb_csv_get(labels, r, c_id), shown);
            g_ptr_array_free(tracks, TRUE);
        }
        /* One line per authority, for leaving one out at a time. */
        printf("# authority %s %s: %d right, %d wrong, %d missed\n", key, which ? which : "?",
               one.right, one.wrong, one.missed);
        score_add(sc, &one);
        csb_comparison_free(c);
        g_ptr_array_free(themes, TRUE);
        g_ptr_array_free(reports, TRUE);
    }
}

/* The pooled figures against their floors. */
static void check_floors(const char *what, const Score *sc, double min_right, double max_missed,
                         int max_unshown)
{
    int links = sc->right + sc->wrong, found = sc->right + sc->missed;
    CHECK(sc->unmatched == 0, "%s: every labelled finding is one csbrief read (%d not)", what,
          sc->unmatched);
    CHECK(links && sc->right >= min_right * links, "%s: %d of %d links right (at least %.1f%%)",
          what, sc->right, links, 100 * min_right);
    CHECK(found && sc->missed <= max_missed * found, "%s: %d of %d links missed (at most %.1f%%)",
          what, sc->missed, found, 100 * max_missed);
    CHECK(sc->right_unshown <= max_unshown,
          "%s: right links to a report that raised it in a finding showing none of its "
          "findings: %d (at most %d)",
          what, sc->right_unshown, max_unshown);
}

static gboolean have_corpus(const char *what)
{
    char *corpus = g_build_filename(unit_shared(), "corpus", "pdf", NULL);
    gboolean have = g_file_test(corpus, G_FILE_TEST_IS_DIR);
    g_free(corpus);
    if (!have)
        SKIP("../shared/corpus is absent", "%s", what);
    return have;
}

static void test_recurrence(void)
{
    if (!have_corpus("recurring areas for improvement against readers"))
        return;
    CsbDiag *diag = csb_diag_new();
    CsbCsv *labels = csb_csv_load("tests/recurrence/labels.csv", diag);
    CsbCsv *split = csb_csv_load("tests/recurrence/split.csv", diag);
    CHECK(labels && split, "labels and split read");
    if (labels && split) {
        GHashTable *part = g_hash_table_new(g_str_hash, g_str_equal);
        for (guint r = 0; r < split->rows->len; r++)
            g_hash_table_insert(part, (gpointer)csb_csv_get(split, r, 0),
                                (gpointer)csb_csv_get(split, r, 1));
        Score dev = {0}, test = {0}, all = {0};
        score_labels(labels, part, &dev, &test);
        score_add(&all, &dev);
        score_add(&all, &test);
        report("first split, dev", &dev);
        report("first split, test", &test);
        report("all 30 authorities", &all);
        check_floors("the 30 authorities", &all, MIN_RIGHT, MAX_MISSED, MAX_UNSHOWN);
        g_hash_table_destroy(part);
    }
    csb_csv_free(labels);
    csb_csv_free(split);
    csb_diag_free(diag);
}

/* A set of labels on authorities outside the split, scored as a whole
 * against its floors. */
static void score_set(const char *path, const char *name, double min_right, double max_missed)
{
    char *what = g_strdup_printf("recurring areas for improvement against %s", name);
    gboolean corpus = have_corpus(what);
    g_free(what);
    if (!corpus)
        return;
    CsbDiag *diag = csb_diag_new();
    CsbCsv *labels = csb_csv_load(path, diag);
    CHECK(labels != NULL, "%s read", path);
    if (labels) {
        Score none = {0}, set = {0};
        score_labels(labels, NULL, &none, &set);
        report(name, &set);
        check_floors(name, &set, min_right, max_missed, 0);
    }
    csb_csv_free(labels);
    csb_diag_free(diag);
}

/* tests/recurrence/fresh/labels.csv: 15 other authorities, labelled
 * blind after the third round's rules were frozen and measured once (see
 * its README); development data since. */
static void test_recurrence_fresh(void)
{
    score_set("tests/recurrence/fresh/labels.csv", "fresh, 15 authorities", FRESH_MIN_RIGHT,
              FRESH_MAX_MISSED);
}

/* tests/recurrence/fresh3/labels.csv: every finding of the later reports
 * of the 33 authorities no other set labelled, labelled blind while the
 * fourth round was made and scored once with it frozen (see its README):
 * the figure for authorities csbrief was not tuned on. */
static void test_recurrence_fresh3(void)
{
    score_set("tests/recurrence/fresh3/labels.csv", "fresh3, 33 authorities", FRESH3_MIN_RIGHT,
              FRESH3_MAX_MISSED);
}

int main(void)
{
    CsbDiag *d = csb_diag_new();
    reference = csb_reference_load(".", d);
    areas = reference ? csb_areas_load("data/areas.csv", reference->frameworks, d) : NULL;
    library = csb_themes_load("templates/themes.yaml", "templates/cues.yaml", d);
    recurrence = csb_recurrence_load("data/recurrence.yaml", d);
    sources = csb_sources_new();
    char *index = g_build_filename(unit_shared(), "data", "ofsted-publications.csv", NULL);
    if (g_file_test(index, G_FILE_TEST_EXISTS))
        csb_sources_add(sources, index, d);
    g_free(index);
    CHECK(reference && areas && library && recurrence,
          "reference data, areas, themes and recurrence data load");
    csb_diag_print(d, stdout);
    if (reference && areas && library && recurrence) {
        RUN(test_recurrence);
        RUN(test_recurrence_fresh);
        RUN(test_recurrence_fresh3);
    }
    csb_sources_free(sources);
    csb_themes_free(library);
    csb_recurrence_free(recurrence);
    csb_areas_free(areas);
    csb_reference_free(reference);
    csb_diag_free(d);
    return unit_done();
}
