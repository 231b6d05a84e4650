/* workbook.c - the analysts' workbook: the comparison as tables, one
 * section (a sheet, in xlsx) each: every inspection's judgements, grade
 * changes, the areas-for-improvement tracker, theme evidence with its
 * citations, the latest grades of every authority by area, and what the
 * workbook is based on. Every authority of the comparison is in each
 * table (the focus first); with no focus, every authority of the reports.
 * Dates are date cells, counts number cells, grades grade cells, and each
 * report links to its source where the address is known. A report named
 * in words is named by the months it was held (csb_fmt_report_name); a
 * "Date" column beside it is the date its inspection ended, a date cell
 * an analyst sorts and filters by.
 */
#include "format.h"

#include <string.h>

GPtrArray *csb_fmt_stories(const CsbFormatter *fm)
{
    const CsbComparison *c = fm->in->comparison;
    GPtrArray *out = g_ptr_array_new();
    if (c->focus)
        g_ptr_array_add(out, c->focus);
    for (guint i = 0; i < c->peers->len; i++)
        g_ptr_array_add(out, c->peers->pdata[i]);
    return out;
}

/* A table with its columns named: widths in relative units. */
static CsbTable *table(const char *const *names, const double *widths, int n)
{
    CsbTable *t = csb_table_new(n, widths);
    for (int i = 0; i < n; i++)
        csb_table_header(t, i, names[i]);
    return t;
}

static void text_cell(GPtrArray *row, const char *text)
{
    if (text && *text)
        csb_table_cell(row, csb_rich_plain(text));
    else
        csb_table_cell(row, NULL);
}

/* The report's name, linked to its source when the address is known. */
static void report_cell(CsbFormatter *fm, GPtrArray *row, const CsbInspection *in)
{
    char *link = csb_fmt_report_link(fm->in, in);
    CsbTableCell *c = csb_table_cell(
        row, csb_rich_add(csb_rich_new(), link ? CSB_STYLE_ACCENT : CSB_STYLE_PLAIN,
                          csb_frameworks_title(fm->frameworks, in->kind)));
    c->link = link;
}

static void source_cell(CsbFormatter *fm, GPtrArray *row, const CsbInspection *in)
{
    char *link = csb_fmt_report_link(fm->in, in);
    if (!link) {
        csb_table_cell(row, NULL);
        return;
    }
    CsbTableCell *c = csb_table_cell(row, csb_rich_add(csb_rich_new(), CSB_STYLE_ACCENT,
                                                       link + strlen("uri:")));
    c->link = link;
}

/* A count, or an empty cell for none (a paragraph without a number). */
static void count_cell(GPtrArray *row, int n)
{
    if (n)
        csb_table_number(row, n);
    else
        csb_table_cell(row, NULL);
}

static void sheet(CsbFormatter *fm, const char *title, const char *about)
{
    csb_doc_heading(fm->doc, 1, title);
    csb_doc_para(fm->doc, csb_rich_plain(about));
}

/* ---- sections ------------------------------------------------------------ */

static void masthead(CsbFormatter *fm)
{
    csb_doc_masthead(fm->doc);
}

static void judgements(CsbFormatter *fm)
{
    sheet(fm, "Inspections and judgements",
          "One row per judgement of every report read, each authority's reports oldest "
          "first; a report that grades nothing has one row with no area.");
    static const char *const names[] = {"Authority", "Report",     "Start",  "End",
                                        "Published", "Lead inspector", "Area", "Grade",
                                        "As the report words it", "Source"};
    static const double w[] = {2.2, 2.4, 1.5, 1.5, 1.5, 1.8, 2.4, 1.6, 2.2, 2.6};
    CsbTable *t = table(names, w, G_N_ELEMENTS(names));
    GPtrArray *all = csb_fmt_stories(fm);
    for (guint s = 0; s < all->len; s++) {
        const CsbStory *st = all->pdata[s];
        for (guint i = 0; i < st->inspections->len; i++) {
            const CsbInspection *in = st->inspections->pdata[i];
            guint n = MAX(in->judgements->len, 1);
            for (guint k = 0; k < n; k++) {
                const CsbJudgement *j = k < in->judgements->len ? in->judgements->pdata[k]
                                                                 : NULL;
                GPtrArray *row = csb_table_row(t);
                text_cell(row, st->authority->name);
                report_cell(fm, row, in);
                csb_table_date(row, in->start);
                csb_table_date(row, in->end);
                csb_table_date(row, in->published);
                text_cell(row, in->lead_inspector);
                text_cell(row, j ? csb_areas_title(fm->in->areas, j->area) : NULL);
                if (j)
                    csb_fmt_grade_cell(row, j->grade);
                else
                    csb_table_cell(row, NULL);
                text_cell(row, j ? j->wording : NULL);
                source_cell(fm, row, in);
            }
        }
    }
    g_ptr_array_free(all, TRUE);
    csb_doc_table(fm->doc, t);
}

static const char *direction(const CsbChange *c)
{
    return c->steps < 0 ? "improved" : c->steps > 0 ? "declined" : "unchanged";
}

static void changes(CsbFormatter *fm)
{
    sheet(fm, "Grade changes",
          "Each change of an area's grade between one inspection that graded it and the "
          "next, on one scale across frameworks (steps below zero are better).");
    static const char *const names[] = {"Authority", "Area", "From", "From date", "To",
                                        "To date",   "Change", "Steps", "Years"};
    static const double w[] = {2.2, 2.6, 1.6, 1.5, 1.6, 1.5, 1.3, 0.9, 0.9};
    CsbTable *t = table(names, w, G_N_ELEMENTS(names));
    GPtrArray *all = csb_fmt_stories(fm);
    for (guint s = 0; s < all->len; s++) {
        const CsbStory *st = all->pdata[s];
        for (guint i = 0; i < st->histories->len; i++) {
            const CsbAreaHistory *h = st->histories->pdata[i];
            for (guint k = 0; k < h->changes->len; k++) {
                const CsbChange *c = h->changes->pdata[k];
                GPtrArray *row = csb_table_row(t);
                text_cell(row, st->authority->name);
                text_cell(row, h->area->title);
                csb_fmt_grade_cell(row, c->from->judgement->grade);
                csb_table_date(row, csb_inspection_date(c->from->inspection));
                csb_fmt_grade_cell(row, c->to->judgement->grade);
                csb_table_date(row, csb_inspection_date(c->to->inspection));
                text_cell(row, direction(c));
                csb_table_number(row, c->steps);
                if (c->dated)
                    csb_table_number(row, (double)(int)(c->years * 10 + 0.5) / 10);
                else
                    csb_table_cell(row, NULL);
            }
        }
    }
    g_ptr_array_free(all, TRUE);
    csb_doc_table(fm->doc, t);
}

/* "ILACS inspection, December 2025; ..." for the reports of matches, each once. */
static char *reports_of(CsbFormatter *fm, const GPtrArray *matches)
{
    GString *s = g_string_new(NULL);
    for (guint k = 0; k < matches->len; k++) {
        const CsbAfiMatch *m = matches->pdata[k];
        gboolean seen = FALSE;
        for (guint j = 0; j < k; j++)
            seen |= ((const CsbAfiMatch *)matches->pdata[j])->inspection == m->inspection;
        if (seen)
            continue;
        char *name = csb_fmt_report_name(fm->frameworks, m->inspection);
        g_string_append_printf(s, "%s%s", s->len ? "; " : "", name);
        g_free(name);
    }
    return g_string_free(s, FALSE);
}

static void improvement(CsbFormatter *fm)
{
    sheet(fm, "Areas for improvement",
          "Every area for improvement of the reports, tracked across inspections: new, "
          "recurring (raised before in other words) or not raised again.");
    static const char *const names[] = {"Authority", "Report", "Date",   "Area for improvement",
                                        "Status",    "Raised before in", "Raised again in",
                                        "Themes",    "Source"};
    static const double w[] = {2.0, 2.0, 1.4, 5.0, 1.4, 2.6, 2.6, 1.8, 2.4};
    CsbTable *t = table(names, w, G_N_ELEMENTS(names));
    GPtrArray *all = csb_fmt_stories(fm);
    for (guint s = 0; s < all->len; s++) {
        const CsbStory *st = all->pdata[s];
        for (guint i = 0; i < st->afis->len; i++) {
            const CsbAfiTrack *a = st->afis->pdata[i];
            GPtrArray *row = csb_table_row(t);
            text_cell(row, st->authority->name);
            report_cell(fm, row, a->inspection);
            csb_table_date(row, csb_inspection_date(a->inspection));
            text_cell(row, a->finding->text);
            text_cell(row, csb_afi_status_id(a->status));
            char *before = reports_of(fm, a->earlier), *after = reports_of(fm, a->later);
            text_cell(row, before);
            text_cell(row, after);
            g_free(before);
            g_free(after);
            GString *themes = g_string_new(NULL);
            for (guint k = 0; k < a->themes->len; k++)
                g_string_append_printf(themes, "%s%s", k ? ", " : "",
                                       (const char *)a->themes->pdata[k]);
            text_cell(row, themes->str);
            g_string_free(themes, TRUE);
            source_cell(fm, row, a->inspection);
        }
    }
    g_ptr_array_free(all, TRUE);
    csb_doc_table(fm->doc, t);
}

static void evidence(CsbFormatter *fm)
{
    sheet(fm, "Theme evidence",
          "What the reports say on each theme of the config: every paragraph that speaks "
          "to it, concerns first, quoted in the report's own words with its citation.");
    static const char *const names[] = {"Authority", "Theme", "Tone", "Quotation",
                                        "Report",    "Date",  "Paragraph", "Page",
                                        "Citation"};
    static const double w[] = {2.0, 2.0, 1.2, 7.0, 2.0, 1.4, 1.0, 0.8, 4.0};
    CsbTable *t = table(names, w, G_N_ELEMENTS(names));
    GPtrArray *all = csb_fmt_stories(fm);
    for (guint s = 0; s < all->len; s++) {
        const CsbStory *st = all->pdata[s];
        for (guint i = 0; i < st->themes->len; i++) {
            const CsbThemeStory *ts = st->themes->pdata[i];
            for (guint k = 0; k < ts->evidence->len; k++) {
                const CsbEvidence *e = ts->evidence->pdata[k];
                GPtrArray *row = csb_table_row(t);
                text_cell(row, st->authority->name);
                text_cell(row, ts->theme->title);
                text_cell(row, csb_tone_id(e->tone));
                char *quote = csb_evidence_quote(e);
                text_cell(row, quote);
                g_free(quote);
                report_cell(fm, row, e->inspection);
                csb_table_date(row, csb_inspection_date(e->inspection));
                count_cell(row, e->paragraph->number);
                count_cell(row, e->paragraph->page);
                CsbRich *cite = csb_fmt_citation(fm->frameworks, e->inspection, e->paragraph);
                csb_table_cell(row, cite)->link = csb_fmt_report_link(fm->in, e->inspection);
            }
        }
    }
    g_ptr_array_free(all, TRUE);
    csb_doc_table(fm->doc, t);
}

/* A grade that is no longer current (a later inspection did not judge the
 * area, or a later report could not be read): said so, with the grade and
 * when it was given, never shown as a grade. */
static void not_current_cell(GPtrArray *row, const CsbGradePoint *p)
{
    char *when = csb_fmt_months_held(p->inspection, NULL);
    csb_table_cell(row, csb_rich_addf(csb_rich_new(), CSB_STYLE_MUTED, "Not current (%s, %s)",
                                      csb_grade_title(p->judgement->grade), when));
    g_free(when);
}

CsbTable *csb_fmt_latest_grades(CsbFormatter *fm, gboolean regions)
{
    const CsbComparison *c = fm->in->comparison;
    int first = regions ? 4 : 3; /* the first area's column */
    int n = first + (int)c->peer_areas->len;
    double *w = g_new(double, n);
    /* Wide enough for a grade's badge on a portrait page ("Outstanding"
     * unbroken) with the region's column too. */
    w[0] = regions ? 2.6 : 2.4;
    w[1] = regions ? 1.7 : 1.8;
    w[first - 2] = regions ? 1.75 : 2.2;
    w[first - 1] = regions ? 1.35 : 1.5;
    for (int i = first; i < n; i++)
        w[i] = regions ? 2.3 : 1.6;
    CsbTable *t = csb_table_new(n, w);
    g_free(w);
    csb_table_header(t, 0, "Authority");
    if (regions)
        csb_table_header(t, 1, "Region");
    csb_table_header(t, first - 2, "Latest graded inspection");
    csb_table_header(t, first - 1, "Date");
    for (guint i = 0; i < c->peer_areas->len; i++)
        csb_table_header(t, first + (int)i,
                         ((const CsbPeerArea *)c->peer_areas->pdata[i])->area->short_title);
    GPtrArray *all = csb_fmt_stories(fm);
    for (guint s = 0; s < all->len; s++) {
        const CsbStory *st = all->pdata[s];
        const CsbInspection *latest = csb_story_latest_graded(st);
        GPtrArray *row = csb_table_row(t);
        text_cell(row, st->authority->name);
        if (regions)
            text_cell(row, st->authority->region);
        if (latest) {
            report_cell(fm, row, latest);
            csb_table_date_as(row, csb_inspection_date(latest), regions);
        } else {
            text_cell(row, "none among the reports read");
            csb_table_cell(row, NULL);
        }
        for (guint i = 0; i < c->peer_areas->len; i++) {
            const CsbPeerArea *pa = c->peer_areas->pdata[i];
            const CsbAreaHistory *h = csb_story_history(st, pa->area->id);
            const CsbGradePoint *p = h ? csb_history_latest(h) : NULL;
            if (p && !csb_history_current(h))
                not_current_cell(row, p);
            else
                csb_fmt_grade_cell(row, p ? p->judgement->grade : CSB_GRADE_NONE);
        }
    }
    g_ptr_array_free(all, TRUE);
    return t;
}

static void peers(CsbFormatter *fm)
{
    sheet(fm, "Latest grades",
          "Each authority's latest grade in each headline area, from its most recent "
          "inspection that graded it. A grade marked not current is older than the "
          "authority's latest inspection, which did not judge the area (inspections from "
          "April 2026 give no overall effectiveness grade), or than a later report that "
          "could not be read.");
    csb_doc_table(fm->doc, csb_fmt_latest_grades(fm, FALSE));
}

static void sources(CsbFormatter *fm)
{
    const CsbComparison *c = fm->in->comparison;
    sheet(fm, "What this is based on",
          "Every report the workbook reads, the file it was read from and where it is "
          "published. Grades and quotations are the reports' own. Ofsted reports are Crown "
          "copyright, reused under the Open Government Licence.");
    static const char *const names[] = {"Authority", "Report",    "Start", "End",
                                        "Published", "Published date from", "File",
                                        "Address"};
    static const double w[] = {2.2, 2.4, 1.5, 1.5, 1.5, 1.6, 4.0, 3.0};
    CsbTable *t = table(names, w, G_N_ELEMENTS(names));
    GPtrArray *all = csb_fmt_stories(fm);
    for (guint s = 0; s < all->len; s++) {
        const CsbStory *st = all->pdata[s];
        for (guint i = 0; i < st->inspections->len; i++) {
            const CsbInspection *in = st->inspections->pdata[i];
            GPtrArray *row = csb_table_row(t);
            text_cell(row, st->authority->name);
            report_cell(fm, row, in);
            csb_table_date(row, in->start);
            csb_table_date(row, in->end);
            csb_table_date(row, in->published);
            text_cell(row, csb_published_from_id(in->published_from));
            char *base = g_path_get_basename(in->file);
            text_cell(row, base);
            g_free(base);
            source_cell(fm, row, in);
        }
    }
    g_ptr_array_free(all, TRUE);
    csb_doc_table(fm->doc, t);
    if (c->missing_peers->len) {
        GPtrArray *missing = csb_fmt_authority_names(c->missing_peers);
        CsbRich *r = csb_rich_plain("Compared with, but no report among those read: ");
        csb_fmt_add_names(r, missing, 0, 0, NULL);
        csb_doc_para(fm->doc, csb_rich_add(r, 0, "."));
        g_ptr_array_free(missing, TRUE);
    }
}

static const CsbSection sections[] = {
    {"masthead", masthead}, {"judgements", judgements}, {"changes", changes},
    {"improvement", improvement}, {"evidence", evidence}, {"peers", peers},
    {"sources", sources},
};

CsbSectionFn csb_workbook_section(const char *id)
{
    return csb_fmt_section_in(sections, G_N_ELEMENTS(sections), id);
}
