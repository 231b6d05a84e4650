/* test_compare_reports.c - the comparison engine on real and synthetic
 * reports, read by the parser:
 *   - Redcar and Cleveland from 2012 to 2025 through every framework: the
 *     2012 SLAC, 2023 focused visit and 2023 peer challenge samples, the
 *     2017 SIF and 2022 ILACS from the shared corpus, and the 2025 ILACS
 *     both as the sample text and as the corpus PDF (one inspection);
 *     private fostering recurring from 2017 to 2025;
 *   - Stockton-on-Tees unchanged at requires improvement from 2019 to 2023;
 *   - the synthetic authority of tests/fixtures/compare (see its README).
 * Checks that need ../shared/corpus say "# SKIP" when it is absent.
 */
#include "../../src/compare/compare.h"
#include "../../src/parse/parse.h"
#include "unit.h"

static CsbReference *reference;
static const CsbAuthorities *authorities;
static CsbAreaMap *areas;
static CsbThemeLibrary *library;
static CsbRecurrence *recurrence;
static gboolean have_corpus;

static char *corpus_file(const char *name)
{
    return g_build_filename(unit_shared(), "corpus", "pdf", name, NULL);
}

static void add(GPtrArray *reports, const char *path)
{
    CsbDiag *d = csb_diag_new();
    CsbInspection *in = csb_parse_cached(path, reference, ".csbrief-cache/unit", d);
    CHECK(in != NULL, "%s is read", path);
    if (in)
        g_ptr_array_add(reports, in);
    csb_diag_free(d);
}

static void add_corpus(GPtrArray *reports, const char *name)
{
    char *p = corpus_file(name);
    add(reports, p);
    g_free(p);
}

static CsbComparison *compare(GPtrArray *reports, const char *focus, const char *const *themes,
                              GPtrArray *keep_themes)
{
    for (guint i = 0; themes && themes[i]; i++)
        g_ptr_array_add(keep_themes, (gpointer)csb_themes_find(library, themes[i]));
    CsbCompareInput input = {.inspections = reports, .authorities = authorities, .areas = areas,
                             .library = library, .recurrence = recurrence, .themes = keep_themes,
                             .focus = focus};
    return csb_compare(&input);
}

/* "2017-02-09 sif" for each point of an area's history, space separated. */
static char *history_string(const CsbStory *s, const char *area)
{
    const CsbAreaHistory *h = csb_story_history(s, area);
    GString *o = g_string_new(NULL);
    for (guint i = 0; h && i < h->points->len; i++) {
        const CsbGradePoint *p = h->points->pdata[i];
        char iso[11];
        g_string_append_printf(o, "%s%.4s:%s", i ? " " : "",
                               csb_date_iso(csb_inspection_date(p->inspection), iso),
                               csb_grade_id(p->judgement->grade));
    }
    return g_string_free(o, FALSE);
}

static char *steps_string(const CsbStory *s, const char *area)
{
    const CsbAreaHistory *h = csb_story_history(s, area);
    GString *o = g_string_new(NULL);
    for (guint i = 0; h && i < h->changes->len; i++)
        g_string_append_printf(o, "%s%+d", i ? " " : "",
                               ((const CsbChange *)h->changes->pdata[i])->steps);
    return g_string_free(o, FALSE);
}

/* Check an area's grades ("2019:requires_improvement ...") and steps. */
static void history(const CsbStory *s, const char *area, const char *want_points,
                    const char *want_steps)
{
    char *points = history_string(s, area), *steps = steps_string(s, area);
    char *what = g_strdup_printf("%s %s: grades", s->authority->name, area);
    CHECK_STR(points, want_points, what);
    g_free(what);
    what = g_strdup_printf("%s %s: steps", s->authority->name, area);
    CHECK_STR(steps, want_steps, what);
    g_free(what);
    g_free(points);
    g_free(steps);
}

static const CsbAfiTrack *track_of(const CsbStory *s, const char *needle)
{
    for (guint i = 0; i < s->afis->len; i++) {
        const CsbAfiTrack *t = s->afis->pdata[i];
        if (strstr(t->finding->text, needle))
            return t;
    }
    return NULL;
}

/* The sample reports alone: no corpus needed. */
static void test_redcar_samples(void)
{
    GPtrArray *reports = g_ptr_array_new_with_free_func((GDestroyNotify)csb_inspection_free);
    add(reports, "examples/reports/redcar-and-cleveland-2012-05-slac.txt");
    add(reports, "examples/reports/redcar-and-cleveland-2023-07-focused-visit.txt");
    add(reports, "examples/reports/redcar-and-cleveland-2023-11-peer-challenge.txt");
    add(reports, "examples/reports/redcar-and-cleveland-2025-12-ilacs.txt");
    GPtrArray *themes = g_ptr_array_new();
    CsbComparison *c = compare(reports, "Redcar and Cleveland", NULL, themes);
    const CsbStory *s = c->focus;
    CHECK(s->timeline->len == 4 && s->duplicates->len == 0, "samples: four reports, no duplicate");
    history(s, "help_protection", "2012:adequate 2025:good", "-1");
    history(s, "in_care", "2012:good 2025:requires_improvement", "+1");
    const CsbTimelineEntry *pc = s->timeline->pdata[2];
    CHECK(pc->inspection->kind == CSB_KIND_PEER_CHALLENGE && !pc->graded &&
              pc->inspection->findings->len > 0,
          "the peer challenge sits in the timeline with its recommendations");
    csb_comparison_free(c);
    g_ptr_array_free(themes, TRUE);
    g_ptr_array_free(reports, TRUE);
}

static void test_redcar(void)
{
    if (!have_corpus) {
        SKIP("../shared/corpus is absent", "Redcar and Cleveland 2012-2025 through every framework");
        return;
    }
    GPtrArray *reports = g_ptr_array_new_with_free_func((GDestroyNotify)csb_inspection_free);
    add(reports, "examples/reports/redcar-and-cleveland-2012-05-slac.txt");
    add(reports, "examples/reports/redcar-and-cleveland-2023-07-focused-visit.txt");
    add(reports, "examples/reports/redcar-and-cleveland-2023-11-peer-challenge.txt");
    add(reports, "examples/reports/redcar-and-cleveland-2025-12-ilacs.txt");
    add_corpus(reports, "80541-redcar-and-cleveland__2017-04-07.pdf");
    add_corpus(reports, "80541-redcar-and-cleveland__2022-09-22.pdf");
    add_corpus(reports, "80541-redcar-and-cleveland__2026-01-28.pdf");
    GPtrArray *themes = g_ptr_array_new();
    const char *ids[] = {"private-fostering", "sufficiency", NULL};
    CsbComparison *c = compare(reports, "Redcar and Cleveland", ids, themes);
    const CsbStory *s = c->focus;
    GString *kinds = g_string_new(NULL);
    for (guint i = 0; i < s->timeline->len; i++) {
        const CsbTimelineEntry *e = s->timeline->pdata[i];
        char iso[11];
        g_string_append_printf(kinds, "%s%.7s %s", i ? ", " : "",
                               csb_date_iso(csb_inspection_date(e->inspection), iso),
                               csb_kind_id(e->inspection->kind));
    }
    CHECK_STR(kinds->str,
              "2012-06 slac, 2017-02 sif, 2022-07 ilacs, 2023-07 focused-visit, 2023-11 "
              "peer-challenge, 2025-12 ilacs",
              "the timeline: every inspection and visit, once");
    g_string_free(kinds, TRUE);
    const CsbDuplicate *d = s->duplicates->len == 1 ? s->duplicates->pdata[0] : NULL;
    CHECK(d && g_str_has_suffix(d->kept->file, ".pdf") && g_str_has_suffix(d->dropped->file, ".txt"),
          "the 2025 ILACS read twice appears once: the PDF kept, the duplicate recorded");
    history(s, "overall", "2017:requires_improvement 2022:requires_improvement 2025:good", "+0 -1");
    history(s, "leadership", "2017:requires_improvement 2022:requires_improvement 2025:good",
            "+0 -1");
    history(s, "help_protection",
            "2012:adequate 2017:requires_improvement 2022:requires_improvement 2025:good",
            "+0 +0 -1");
    history(s, "in_care",
            "2012:good 2017:good 2022:requires_improvement 2025:requires_improvement",
            "+0 +1 +0");
    history(s, "care_leavers", "2017:good 2022:requires_improvement 2025:good", "+1 -1");
    const CsbAreaHistory *h = csb_story_history(s, "in_care");
    const CsbGradePoint *p22 = h && h->points->len > 2 ? h->points->pdata[2] : NULL;
    CHECK(p22 && strcmp(p22->judgement->area, "in_care_and_care_leavers") == 0,
          "2022's point for children in care is the combined judgement");
    const CsbTimelineEntry *fv = s->timeline->len > 3 ? s->timeline->pdata[3] : NULL;
    CHECK(fv && !fv->graded && fv->headline->len > 0,
          "the focused visit sits in the timeline with its headline findings");
    const CsbAfiTrack *pf = track_of(s, "The response to children who are privately fostered");
    CHECK(pf && pf->status == CSB_AFI_RECURRING, "2025: private fostering is recurring");
    gboolean from_2017 = FALSE;
    for (guint i = 0; pf && i < pf->earlier->len; i++) {
        const CsbAfiMatch *m = pf->earlier->pdata[i];
        from_2017 |= m->inspection->kind == CSB_KIND_SIF && strstr(m->finding->text, "private fostering");
    }
    CHECK(from_2017, "its earlier occurrence is the 2017 SIF's recommendation");
    /* Obviously different weaknesses do not match. */
    const CsbAfiTrack *plans = track_of(s, "Consistency in the recording of contingency plans");
    gboolean with_oversight = FALSE;
    for (guint i = 0; plans && i < plans->earlier->len; i++)
        with_oversight |= strstr(((const CsbAfiMatch *)plans->earlier->pdata[i])->finding->text,
                                 "management oversight") != NULL;
    CHECK(plans && !with_oversight,
          "recording contingency plans is not recording management oversight");
    const CsbAfiTrack *leavers = track_of(s, "The corporate parent response to care leavers");
    gboolean with_homes = FALSE;
    for (guint i = 0; leavers && i < leavers->later->len; i++)
        with_homes |= strstr(((const CsbAfiMatch *)leavers->later->pdata[i])->finding->text,
                             "sufficiency of homes") != NULL;
    CHECK(leavers && !with_homes, "the corporate parent response is not the sufficiency of homes");
    const CsbThemeStory *t = s->themes->pdata[0];
    gboolean years[2] = {FALSE, FALSE};
    for (guint i = 0; i < t->timeline->len; i++) {
        const CsbThemePoint *tp = t->timeline->pdata[i];
        years[0] |= csb_inspection_date(tp->inspection).year == 2017;
        years[1] |= csb_inspection_date(tp->inspection).year == 2025;
    }
    CHECK(years[0] && years[1], "private fostering evidence in 2017 and 2025");
    const CsbEvidence *top = t->evidence->len ? t->evidence->pdata[0] : NULL;
    CHECK(top && top->tone == CSB_TONE_CONCERN && top->paragraph->page > 0,
          "the top private fostering evidence is a concern, cited with its page");
    t = s->themes->pdata[1];
    CHECK(t->timeline->len >= 4, "sufficiency evidence runs through %u reports from 2012 to 2025",
          t->timeline->len);
    csb_comparison_free(c);
    g_ptr_array_free(themes, TRUE);
    g_ptr_array_free(reports, TRUE);
}

static void test_stockton(void)
{
    if (!have_corpus) {
        SKIP("../shared/corpus is absent", "Stockton-on-Tees unchanged 2019-2023");
        return;
    }
    GPtrArray *reports = g_ptr_array_new_with_free_func((GDestroyNotify)csb_inspection_free);
    add_corpus(reports, "80563-stockton-on-tees__2019-07-01.pdf");
    add_corpus(reports, "80563-stockton-on-tees__2023-05-09.pdf");
    add(reports, "examples/reports/stockton-on-tees-2023-03-ilacs.txt");
    GPtrArray *themes = g_ptr_array_new();
    CsbComparison *c = compare(reports, "Stockton-on-Tees", NULL, themes);
    const CsbStory *s = c->focus;
    CHECK(s->inspections->len == 2 && s->duplicates->len == 1,
          "two inspections; the 2023 sample and PDF are one");
    const char *const headline[] = {"overall", "leadership", "help_protection", "in_care",
                                    "care_leavers"};
    for (guint i = 0; i < G_N_ELEMENTS(headline); i++)
        history(s, headline[i], "2019:requires_improvement 2023:requires_improvement", "+0");
    csb_comparison_free(c);
    g_ptr_array_free(themes, TRUE);
    g_ptr_array_free(reports, TRUE);
}

static void test_fixtures(void)
{
    GPtrArray *reports = g_ptr_array_new_with_free_func((GDestroyNotify)csb_inspection_free);
    const char *dir = "tests/fixtures/compare/reports";
    const char *files[] = {"rutland-2019-03-ilacs.txt", "rutland-2021-06-focused-visit.txt",
                           "rutland-2023-05-ilacs.txt", "rutland-2026-05-ilacs.txt",
                           "isles-of-scilly-2024-02-focused-visit.txt"};
    for (guint i = 0; i < G_N_ELEMENTS(files); i++) {
        char *p = g_build_filename(dir, files[i], NULL);
        add(reports, p);
        g_free(p);
    }
    GPtrArray *themes = g_ptr_array_new();
    GPtrArray *peers = g_ptr_array_new();
    g_ptr_array_add(peers, (gpointer)csb_authorities_find(authorities, "Isles of Scilly"));
    CsbCompareInput input = {.inspections = reports, .authorities = authorities, .areas = areas,
                             .library = library, .recurrence = recurrence, .themes = themes,
                             .focus = "Rutland",
                             .comparators = peers};
    CsbComparison *c = csb_compare(&input);
    const CsbStory *s = c->focus;
    CHECK(s->timeline->len == 4, "Rutland: four reports in the timeline");
    history(s, "overall", "2019:requires_improvement 2023:good", "-1");
    const CsbAreaHistory *h = csb_story_history(s, "overall");
    CHECK(h && h->not_judged_since && h->not_judged_since->end.year == 2026,
          "overall not judged in 2026, so not current");
    history(s, "in_care", "2019:requires_improvement 2023:requires_improvement 2026:good",
            "+0 -1");
    history(s, "care_leavers", "2019:requires_improvement 2023:good 2026:good", "-1 +0");
    h = csb_story_history(s, "help_protection");
    CHECK(h && h->points->len == 3 && csb_history_first(h)->inspection->end.year == 2019,
          "the first inspection starts every history");
    const CsbTimelineEntry *fv = s->timeline->pdata[1];
    CHECK(!fv->graded && fv->headline->len == 2 && fv->priority_actions->len == 1,
          "the focused visit: ungraded, two headline findings, one priority action");
    const CsbAfiTrack *pf = track_of(s, "private fostering arrangements");
    CHECK(pf && pf->status == CSB_AFI_RECURRING && pf->earlier->len == 1,
          "private fostering recurs from 2019 to 2026");
    const CsbAfiTrack *suff = track_of(s, "sufficiency of local foster homes for");
    CHECK(suff && suff->later->len >= 1, "sufficiency raised again after 2019");
    const CsbAfiTrack *life = track_of(s, "life-story");
    CHECK(life && life->status == CSB_AFI_NOT_RAISED_AGAIN, "life-story work not raised again");
    CHECK(c->peers->len == 1, "the Isles of Scilly have a report");
    const CsbStory *p = c->peers->len ? c->peers->pdata[0] : NULL;
    CHECK(p && p->timeline->len == 1 && p->histories->len == 0,
          "the Isles of Scilly: ungraded visits only, no grade history");
    csb_comparison_free(c);
    g_ptr_array_free(peers, TRUE);
    g_ptr_array_free(themes, TRUE);
    g_ptr_array_free(reports, TRUE);
}

int main(void)
{
    CsbDiag *d = csb_diag_new();
    reference = csb_reference_load(".", d);
    authorities = reference ? reference->authorities : NULL;
    areas = reference ? csb_areas_load("data/areas.csv", reference->frameworks, d) : NULL;
    library = csb_themes_load("templates/themes.yaml", "templates/cues.yaml", d);
    recurrence = csb_recurrence_load("data/recurrence.yaml", d);
    CHECK(authorities && areas && library, "the authority table, area map and themes load");
    char *probe = corpus_file("80541-redcar-and-cleveland__2017-04-07.pdf");
    have_corpus = g_file_test(probe, G_FILE_TEST_EXISTS);
    g_free(probe);
    if (authorities && areas && library) {
        RUN(test_redcar_samples);
        RUN(test_redcar);
        RUN(test_stockton);
        RUN(test_fixtures);
    }
    csb_themes_free(library);
    csb_recurrence_free(recurrence);
    csb_areas_free(areas);
    csb_reference_free(reference);
    csb_diag_free(d);
    return unit_done();
}
