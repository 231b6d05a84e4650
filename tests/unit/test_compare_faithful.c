/* test_compare_faithful.c - every quote the comparison engine emits is the
 * source's own words.
 *
 * For every authority with reports among the sample reports
 * (examples/reports), the synthetic fixtures (tests/fixtures/compare/reports)
 * and the shared corpus (../shared/corpus/pdf; a sample of it when
 * CSB_CORPUS_STRIDE is set, see unit.h), the engine is run with
 * every library theme selected. Then:
 *   - each theme evidence quote is checked against its paragraph with
 *     csb_quote_check (pieces in order, gaps only between sentences);
 *   - each quoted paragraph, headline finding and area for improvement
 *     (the finding, and each earlier or later finding it is matched with)
 *     must occur in the text of the report file it cites, whitespace aside.
 * The report text is what ingest reads from the file: every line that is
 * neither running header or footer nor footnote, joined (a footnote at
 * the foot of a page may fall inside a paragraph that runs on). One failure line names the file
 * and the first words of the quote.
 */
#include "../../src/compare/compare.h"
#include "../../src/ingest/ingest.h"
#include "../../src/parse/parse.h"
#include "unit.h"

/* The words of a text: its letters and digits in order, with whitespace,
 * punctuation, list bullets and markup (a sample's "**bold**") left out.
 * Parsing joins lines, drops bullet marks and markup and rejoins words
 * broken at line ends; none of that changes a word. */
static char *bare(const char *s)
{
    GString *o = g_string_new(NULL);
    for (const char *p = s; p && *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (g_unichar_isalnum(c))
            g_string_append_unichar(o, c);
    }
    return g_string_free(o, FALSE);
}

/* file -> the bare text of its lines (char*, owned). */
static GHashTable *sources;

static const char *source_text(const char *file)
{
    const char *have = g_hash_table_lookup(sources, file);
    if (have)
        return have;
    CsbDiag *d = csb_diag_new();
    CsbDocument *doc = csb_ingest_file(file, d);
    GString *all = g_string_new(NULL);
    for (guint i = 0; doc && i < doc->lines->len; i++) {
        const CsbLine *l = doc->lines->pdata[i];
        if (!l->furniture && !l->footnote)
            g_string_append(all, l->text);
    }
    csb_document_free(doc);
    csb_diag_free(d);
    char *b = bare(all->str);
    g_string_free(all, TRUE);
    g_hash_table_insert(sources, g_strdup(file), b);
    return b;
}

typedef struct {
    int checked, failed;
} Tally;

static void expect_in_source(Tally *t, const CsbInspection *in, const char *text, const char *what)
{
    char *b = bare(text);
    gboolean ok = *b && strstr(source_text(in->file), b) != NULL;
    g_free(b);
    t->checked++;
    if (!ok) {
        t->failed++;
        printf("# not the source's words: %s in %s: '%.80s'\n", what, in->file, text);
    }
}

static void check_story(Tally *t, const CsbStory *s)
{
    for (guint i = 0; i < s->themes->len; i++) {
        const CsbThemeStory *ts = s->themes->pdata[i];
        for (guint k = 0; k < ts->evidence->len; k++) {
            const CsbEvidence *e = ts->evidence->pdata[k];
            t->checked++;
            char *quote = csb_evidence_quote(e);
            if (!csb_quote_check(quote, e->paragraph->text)) {
                t->failed++;
                printf("# quote not faithful to its paragraph (%s, %s): '%.80s'\n",
                       ts->theme->id, e->inspection->file, quote);
            }
            g_free(quote);
            expect_in_source(t, e->inspection, e->paragraph->text, "evidence paragraph");
        }
    }
    for (guint i = 0; i < s->timeline->len; i++) {
        const CsbTimelineEntry *e = s->timeline->pdata[i];
        for (guint k = 0; k < e->headline->len; k++)
            expect_in_source(t, e->inspection, ((const CsbParagraph *)e->headline->pdata[k])->text,
                             "headline finding");
        for (guint k = 0; k < e->priority_actions->len; k++)
            expect_in_source(t, e->inspection,
                             ((const CsbFinding *)e->priority_actions->pdata[k])->text,
                             "priority action");
    }
    for (guint i = 0; i < s->afis->len; i++) {
        const CsbAfiTrack *a = s->afis->pdata[i];
        expect_in_source(t, a->inspection, a->finding->text, "area for improvement");
        for (guint k = 0; k < a->earlier->len; k++) {
            const CsbAfiMatch *m = a->earlier->pdata[k];
            expect_in_source(t, m->inspection, m->finding->text, "earlier finding");
        }
    }
}

/* Report files under dir (not recursive), sorted. */
/* The reports in dir, in name order: every stride-th of them. */
static void list_reports(const char *dir, guint stride, GPtrArray *out)
{
    GDir *d = g_dir_open(dir, 0, NULL);
    if (!d)
        return;
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    for (const char *n = g_dir_read_name(d); n; n = g_dir_read_name(d))
        if (csb_ingest_is_report_name(n))
            g_ptr_array_add(names, g_build_filename(dir, n, NULL));
    g_dir_close(d);
    g_ptr_array_sort(names, (GCompareFunc)g_strcmp0);
    for (guint i = 0; i < names->len; i += stride)
        g_ptr_array_add(out, g_strdup(names->pdata[i]));
    g_ptr_array_free(names, TRUE);
}

static gint by_string(gconstpointer a, gconstpointer b)
{
    return g_strcmp0(*(char *const *)a, *(char *const *)b);
}

static void check_all(const char *what, GPtrArray *files, const CsbReference *reference,
                      const CsbAreaMap *areas, const CsbThemeLibrary *lib)
{
    CsbDiag *d = csb_diag_new();
    GPtrArray *reports = g_ptr_array_new_with_free_func((GDestroyNotify)csb_inspection_free);
    for (guint i = 0; i < files->len; i++) {
        CsbInspection *in = csb_parse_cached(files->pdata[i], reference, ".csbrief-cache/unit",
                                             d);
        if (in)
            g_ptr_array_add(reports, in);
    }
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < reports->len; i++) {
        const CsbInspection *in = reports->pdata[i];
        gboolean seen = FALSE;
        for (guint k = 0; k < names->len && !seen; k++)
            seen = g_strcmp0(names->pdata[k], in->authority) == 0;
        if (in->authority && !seen)
            g_ptr_array_add(names, g_strdup(in->authority));
    }
    g_ptr_array_sort(names, by_string);
    GPtrArray *themes = g_ptr_array_new();
    for (guint i = 0; i < csb_themes_count(lib); i++)
        g_ptr_array_add(themes, (gpointer)csb_themes_at(lib, i));
    Tally t = {0, 0};
    for (guint i = 0; i < names->len; i++) {
        CsbCompareInput input = {.inspections = reports, .authorities = reference->authorities,
                                 .areas = areas, .library = lib, .themes = themes,
                                 .focus = names->pdata[i]};
        CsbComparison *c = csb_compare(&input);
        if (c)
            check_story(&t, c->focus);
        csb_comparison_free(c);
    }
    CHECK(t.failed == 0 && t.checked > 0,
          "%s: %d quotes from %u reports of %u authorities are the source's own words (%d not)",
          what, t.checked, reports->len, names->len, t.failed);
    g_ptr_array_free(themes, TRUE);
    g_ptr_array_free(names, TRUE);
    g_ptr_array_free(reports, TRUE);
    csb_diag_free(d);
}

int main(void)
{
    CsbDiag *d = csb_diag_new();
    CsbReference *reference = csb_reference_load(".", d);
    CsbAreaMap *areas =
        reference ? csb_areas_load("data/areas.csv", reference->frameworks, d) : NULL;
    CsbThemeLibrary *lib = csb_themes_load("templates/themes.yaml", "templates/cues.yaml", d);
    CHECK(reference && areas && lib, "the authority table, area map and themes load");
    sources = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    if (reference && areas && lib) {
        GPtrArray *files = g_ptr_array_new_with_free_func(g_free);
        list_reports("examples/reports", 1, files);
        list_reports("tests/fixtures/compare/reports", 1, files);
        check_all("sample and fixture reports", files, reference, areas, lib);
        g_ptr_array_set_size(files, 0);
        char *corpus = g_build_filename(unit_shared(), "corpus", "pdf", NULL);
        list_reports(corpus, unit_corpus_stride(), files);
        if (files->len)
            check_all("shared corpus", files, reference, areas, lib);
        else
            SKIP("../shared/corpus is absent", "shared corpus quotes are the source's own words");
        g_free(corpus);
        g_ptr_array_free(files, TRUE);
    }
    g_hash_table_destroy(sources);
    csb_themes_free(lib);
    csb_areas_free(areas);
    csb_reference_free(reference);
    csb_diag_free(d);
    return unit_done();
}
