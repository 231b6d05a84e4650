/* pack_grades.c - the briefing pack's grades and changes (the history
 * chart, a grid of every graded judgement by inspection, then each area in
 * words: its grades in one case, each run of one grade and each move once,
 * an area graded as the one before it said once) and its areas for improvement tracker (every finding, newest
 * report first, with the most recent earlier report that raised it and
 * why, and the older findings on the same weakness).
 */
#include "pack.h"

#include <string.h>

#define GRID_INSPECTIONS 5 /* the grid shows at most this many, the latest */

/* The grade an area's history gives at an inspection, or NONE. */
static CsbGrade grade_at(const CsbAreaHistory *h, const CsbInspection *in)
{
    for (guint k = 0; k < h->points->len; k++) {
        const CsbGradePoint *p = h->points->pdata[k];
        if (p->inspection == in)
            return p->judgement->grade;
    }
    return CSB_GRADE_NONE;
}

static CsbTable *grid(CsbFormatter *fm, GPtrArray *graded)
{
    guint from = graded->len > GRID_INSPECTIONS ? graded->len - GRID_INSPECTIONS : 0;
    int cols = (int)(graded->len - from) + 1;
    double *w = g_new(double, cols);
    w[0] = 2.6;
    for (int c = 1; c < cols; c++)
        w[c] = 1.6;
    CsbTable *t = csb_table_new(cols, w);
    g_free(w);
    csb_table_header(t, 0, "Area");
    for (guint i = from; i < graded->len; i++) {
        const CsbInspection *in = graded->pdata[i];
        /* A column too narrow for the months it was held ("February and
         * March 2023"): the month it ended, short, over its kind. */
        char *when = csb_fmt_month_short(csb_inspection_date(in));
        char *head = g_strdup_printf("%s\n%s", when, csb_fmt_kind_short(fm->frameworks, in->kind));
        csb_table_header(t, (int)(i - from) + 1, head);
        g_free(head);
        g_free(when);
    }
    for (guint a = 0; a < fm->focus->histories->len; a++) {
        const CsbAreaHistory *h = fm->focus->histories->pdata[a];
        if (!h->area->headline)
            continue;
        GPtrArray *row = csb_table_row(t);
        csb_table_cell(row, csb_rich_plain(h->area->title));
        for (guint i = from; i < graded->len; i++) {
            CsbGrade g = grade_at(h, graded->pdata[i]);
            if (g)
                csb_fmt_grade_cell(row, g);
            else
                csb_table_cell(row, csb_rich_add(csb_rich_new(), CSB_STYLE_MUTED, "\u2014"));
        }
    }
    return t;
}

/* The report's words for a grade in the case data/grades.csv writes them:
 * "Requires Improvement", as a 2015 report's table has it, is shown
 * 'Requires improvement', beside a later 'Requires improvement to be
 * good'. The file's wording of g that is w, case aside, else w (a new
 * string). A grade shown as a grade, not a quotation: quotations keep the
 * report's own case. */
static char *grade_case(const CsbFormatInput *in, CsbGrade g, const char *w)
{
    const CsbCsv *c = in->grades;
    int gc = c ? csb_csv_column(c, "grade") : -1, wc = c ? csb_csv_column(c, "wording") : -1;
    size_t len = strlen(w);
    for (guint r = 0; gc >= 0 && wc >= 0 && r < c->rows->len; r++) {
        if (strcmp(csb_csv_get(c, r, gc), csb_grade_id(g)) != 0)
            continue;
        for (const char *p = csb_csv_get(c, r, wc); p && *p;) {
            const char *bar = strstr(p, " | ");
            size_t n = bar ? (size_t)(bar - p) : strlen(p);
            if (n == len && g_ascii_strncasecmp(p, w, n) == 0)
                return g_strndup(p, n);
            p = bar ? bar + 3 : NULL;
        }
    }
    return g_strdup(w);
}

/* The report's wording when it is a grade's few words ("Requires
 * improvement to be good", "Grade 3 (Adequate)"), not a sentence the
 * parser kept with it ("The overall judgement is good."): then the
 * grade's name. In the case grade_case gives (a new string). */
static char *grade_words(const CsbFormatInput *in, const CsbJudgement *j)
{
    const char *w = j->wording;
    const char *title = csb_grade_title(j->grade);
    if (!w || !*w || g_str_has_suffix(w, ".") || g_utf8_strlen(w, -1) > 40)
        return g_strdup(title);
    int words = 1;
    for (const char *c = w; *c; c++)
        words += *c == ' ';
    /* The grade's own words open it ("Grade 2 (good)", "Requires
     * improvement to be good"), not a sentence's ("Children's services in
     * Wigan are good"). */
    const char *sp = strchr(title, ' ');
    gboolean opens = g_ascii_strncasecmp(w, "grade", 5) == 0 ||
                     g_ascii_strncasecmp(w, title, sp ? (gsize)(sp - title) : strlen(title)) == 0;
    return words <= 6 && opens ? grade_case(in, j->grade, w) : g_strdup(title);
}

/* A span of time in a reader's words: "about 3 years", "about a year",
 * "about 8 months" (years rounded to the nearest; months under 18). */
char *csb_pack_about_years(double years)
{
    int months = (int)(years * 12.0 + 0.5);
    if (months < 2)
        return g_strdup("about a month");
    if (months < 12)
        return g_strdup_printf("about %d months", months);
    if (months < 18)
        return g_strdup("about a year");
    return g_strdup_printf("about %d years", (int)(years + 0.5));
}

static gboolean same_grade(const CsbChange *c)
{
    return c->steps == 0 && c->from->judgement->grade == c->to->judgement->grade;
}

/* Each change of h in words, appended to r: a run of inspections that kept
 * one grade is one sentence ("Stayed Inadequate for about 10 years, at 3
 * inspections (March 2015 to January 2025)."), a move another ("Declined
 * from Requires improvement to Inadequate between March 2015 and January
 * 2020."). The dates are the inspections'; the span is said only of a
 * grade kept, which is what it measures. */
void csb_pack_add_movements(CsbRich *r, const CsbAreaHistory *h)
{
    for (guint k = 0; k < h->changes->len;) {
        const CsbChange *c = h->changes->pdata[k];
        guint last = k;
        gboolean dated = c->dated;
        double years = c->years;
        while (same_grade(c) && last + 1 < h->changes->len &&
               same_grade(h->changes->pdata[last + 1])) {
            const CsbChange *next = h->changes->pdata[++last];
            dated &= next->dated;
            years += next->years;
        }
        const CsbChange *end = h->changes->pdata[last];
        /* A span between two inspections, measured between the dates they
         * ended: each by that month ("between October 2016 and March 2023"),
         * as two months each would read as four points. */
        char *from = csb_fmt_month_ended(c->from->inspection);
        char *to = csb_fmt_month_ended(end->to->inspection);
        if (same_grade(c)) {
            csb_rich_addf(r, 0, " Stayed %s", csb_grade_title(c->to->judgement->grade));
            if (dated) {
                char *span = csb_pack_about_years(years);
                csb_rich_addf(r, 0, " for %s", span);
                g_free(span);
            }
            if (last > k)
                csb_rich_addf(r, 0, "%s at %u inspections", dated ? "," : "", last - k + 2);
            if (dated) {
                char *span = csb_fmt_range(from, "to", to);
                csb_rich_addf(r, 0, " (%s)", span);
                g_free(span);
            }
            csb_rich_add(r, 0, ".");
        } else {
            char *words = csb_fmt_change(c);
            csb_rich_addf(r, 0, " %c%s", g_ascii_toupper(words[0]), words + 1);
            if (c->dated) {
                char *span = csb_fmt_range(from, "and", to);
                csb_rich_addf(r, 0, " between %s", span);
                g_free(span);
            }
            csb_rich_add(r, 0, ".");
            g_free(words);
        }
        g_free(from);
        g_free(to);
        k = last + 1;
    }
}

/* Do two histories hold the same grades at the same inspections? */
static gboolean same_points(const CsbAreaHistory *a, const CsbAreaHistory *b)
{
    if (!a || !b || a->points->len != b->points->len)
        return FALSE;
    for (guint k = 0; k < a->points->len; k++) {
        const CsbGradePoint *p = a->points->pdata[k], *q = b->points->pdata[k];
        if (p->inspection != q->inspection || p->judgement->grade != q->judgement->grade)
            return FALSE;
    }
    return TRUE;
}

/* An area's grades in words; when they are those of the area just before
 * (before, or NULL), at the same inspections (care leavers beside
 * children in care, one judgement from 2018 to 2023), they are said once:
 * this area's paragraph points to that one. */
static void area_words(CsbFormatter *fm, const CsbAreaHistory *h, const CsbAreaHistory *before)
{
    csb_doc_heading(fm->doc, 2, h->area->title);
    CsbRich *r = csb_rich_add(csb_rich_new(), CSB_STYLE_ITALIC, h->area->plain);
    if (h->points->len > 1 && same_points(h, before)) {
        char *area = csb_text_in_sentence(before->area->title);
        /* A span: each end the month its inspection ended. */
        char *from = csb_fmt_month_ended(csb_history_first(h)->inspection);
        char *to = csb_fmt_month_ended(csb_history_latest(h)->inspection);
        char *span = csb_fmt_range(from, "to", to);
        csb_rich_addf(r, 0, " The same grades as %s (above), at the same %u inspections from %s.",
                      area, h->points->len, span);
        g_free(span);
        g_free(to);
        g_free(from);
        g_free(area);
        csb_doc_para(fm->doc, r);
        return;
    }
    csb_rich_add(r, 0, " Graded ");
    for (guint k = 0; k < h->points->len; k++) {
        const CsbGradePoint *p = h->points->pdata[k];
        char *when = csb_date_valid(csb_inspection_date(p->inspection))
                         ? csb_fmt_months_held(p->inspection, NULL)
                         : g_strdup("an undated report");
        char *words = grade_words(fm->in, p->judgement);
        csb_rich_addf(r, 0, "%s", k == 0 ? "" : k + 1 == h->points->len ? " and " : ", ");
        csb_rich_addf(r, CSB_STYLE_BOLD, "\u2018%s\u2019", words);
        csb_rich_addf(r, 0, " in %s", when);
        g_free(words);
        g_free(when);
    }
    csb_rich_add(r, 0, ".");
    csb_pack_add_movements(r, h);
    csb_doc_para(fm->doc, r);
}

static void retired_areas(CsbFormatter *fm)
{
    static const double w[] = {3.4, 2.0, 3.6};
    CsbTable *t = csb_table_new(3, w);
    csb_table_header(t, 0, "Judgement");
    csb_table_header(t, 1, "Grade");
    csb_table_header(t, 2, "Report");
    for (guint a = 0; a < fm->focus->histories->len; a++) {
        const CsbAreaHistory *h = fm->focus->histories->pdata[a];
        if (h->area->headline)
            continue;
        for (guint k = 0; k < h->points->len; k++) {
            const CsbGradePoint *p = h->points->pdata[k];
            GPtrArray *row = csb_table_row(t);
            csb_table_cell(row, csb_rich_plain(h->area->title));
            csb_fmt_grade_cell(row, p->judgement->grade);
            char *name = csb_fmt_report_name(fm->frameworks, p->inspection);
            csb_pack_report_cell(fm, row, p->inspection, name);
            g_free(name);
        }
    }
    if (!t->rows->len) {
        csb_table_free(t);
        return;
    }
    csb_doc_heading(fm->doc, 2, "Judgements no longer made");
    csb_doc_para(fm->doc, csb_rich_plain("Earlier frameworks graded areas that today\u2019s do "
                                         "not; they are listed here and left out of the "
                                         "comparisons above."));
    csb_doc_table(fm->doc, t);
}

void csb_pack_grades(CsbFormatter *fm)
{
    const CsbStory *s = fm->focus;
    csb_doc_heading(fm->doc, 1, "Grades and changes");
    csb_doc_para(fm->doc, csb_rich_plain(
        "Grades are placed on one scale across frameworks: outstanding, good, requires "
        "improvement (or, before 2013, adequate) and inadequate. Where a judgement was split, "
        "its grades count for each area that replaced it."));
    csb_doc_figure(fm->doc, csb_fmt_history_chart(s));
    GPtrArray *graded = g_ptr_array_new();
    for (guint i = 0; i < s->inspections->len; i++) {
        const CsbInspection *in = s->inspections->pdata[i];
        if (in->judgements->len)
            g_ptr_array_add(graded, (gpointer)in);
    }
    if (graded->len) {
        csb_doc_heading(fm->doc, 2, "Every graded judgement");
        if (graded->len > GRID_INSPECTIONS)
            csb_doc_para(fm->doc, csb_rich_addf(csb_rich_new(), CSB_STYLE_MUTED,
                                                "The latest %d graded inspections of %u.",
                                                GRID_INSPECTIONS, graded->len));
        csb_doc_table(fm->doc, grid(fm, graded));
    }
    g_ptr_array_free(graded, TRUE);
    const CsbAreaHistory *before = NULL;
    for (guint i = 0; i < s->histories->len; i++) {
        const CsbAreaHistory *h = s->histories->pdata[i];
        if (h->area->headline && h->points->len) {
            area_words(fm, h, before);
            if (h->points->len < 2 || !same_points(h, before))
                before = h; /* written in full */
        }
    }
    retired_areas(fm);
}

/* ---- areas for improvement --------------------------------------------- */

/* Where it was raised before and why (csb_fmt_add_raised_before), then
 * the older findings on the same weakness, by date. */
static CsbRich *why_matched(CsbFormatter *fm, const CsbAfiTrack *a)
{
    CsbRich *why = csb_rich_new();
    if (!a->raised_before && !a->declared) {
        csb_rich_add(why, CSB_STYLE_MUTED, "\u2014");
        return why;
    }
    csb_fmt_add_raised_before(why, fm->frameworks, a, TRUE);
#define SHOWN_OLDER 2
    guint shown = 0, more = 0;
    for (guint k = a->earlier->len; k > 0; k--) {
        const CsbAfiMatch *m = a->earlier->pdata[k - 1];
        if (m == a->raised_before || !m->finding)
            continue;
        if (shown == SHOWN_OLDER) {
            more++;
            continue;
        }
        char *e = csb_fmt_months_held(m->inspection, NULL);
        csb_rich_addf(why, CSB_STYLE_MUTED, "\nAlso %s: ", e);
        csb_rich_add(why, CSB_STYLE_MUTED, m->finding->text);
        g_free(e);
        shown++;
    }
    if (more)
        csb_rich_addf(why, CSB_STYLE_MUTED, "\nand %u more earlier finding%s", more,
                      more == 1 ? "" : "s");
    return why;
}

/* Whether a later finding was matched to this one. */
static gboolean raised_later(const CsbStory *s, const CsbAfiTrack *a)
{
    for (guint i = 0; i < s->afis->len; i++) {
        const CsbAfiTrack *t = s->afis->pdata[i];
        for (guint k = 0; k < t->earlier->len; k++)
            if (((const CsbAfiMatch *)t->earlier->pdata[k])->finding == a->finding)
                return TRUE;
    }
    return FALSE;
}

/* Status in a reader's words: a finding first raised in an old report and
 * matched later reads "Raised again later", not "New". */
static const char *status_words(const CsbStory *s, const CsbAfiTrack *a)
{
    switch (a->status) {
    case CSB_AFI_RECURRING:
        return "Recurring";
    case CSB_AFI_NOT_RAISED_AGAIN:
        return "Not raised again";
    default:
        return raised_later(s, a) ? "Raised again later" : "New";
    }
}

/* One table for one report's findings, recurring ones first; the column
 * of earlier findings only when some finding has any. */
static void report_findings(CsbFormatter *fm, const CsbInspection *in, int count)
{
    const CsbStory *s = fm->focus;
    gboolean earlier = FALSE;
    for (guint k = 0; k < s->afis->len; k++) {
        const CsbAfiTrack *a = s->afis->pdata[k];
        earlier |= a->inspection == in && (a->raised_before || a->declared);
    }
    char *name = csb_fmt_report_name(fm->frameworks, in);
    char *title = g_strdup_printf("%s: %d finding%s", name, count, count == 1 ? "" : "s");
    csb_doc_heading(fm->doc, 2, title);
    g_free(title);
    g_free(name);
    static const double with[] = {5.0, 1.5, 4.6}, without[] = {8.6, 1.5};
    CsbTable *t = csb_table_new(earlier ? 3 : 2, earlier ? with : without);
    csb_table_header(t, 0, "What needs to improve");
    csb_table_header(t, 1, "Status");
    if (earlier)
        csb_table_header(t, 2, "Raised before, and why");
    for (int pass = 0; pass < 2; pass++)
        for (guint k = 0; k < s->afis->len; k++) {
            const CsbAfiTrack *a = s->afis->pdata[k];
            if (a->inspection != in || (a->status == CSB_AFI_RECURRING) != (pass == 0))
                continue;
            GPtrArray *row = csb_table_row(t);
            csb_table_cell(row, csb_rich_plain(a->finding->text));
            csb_table_cell(row, csb_rich_add(csb_rich_new(),
                                             a->status == CSB_AFI_RECURRING ? CSB_STYLE_BOLD : 0,
                                             status_words(s, a)));
            if (earlier)
                csb_table_cell(row, why_matched(fm, a));
        }
    csb_doc_table(fm->doc, t);
}

void csb_pack_improvement(CsbFormatter *fm)
{
    const CsbStory *s = fm->focus;
    csb_doc_heading_short(fm->doc, 1, CSB_PACK_TRACKER_TITLE, "Areas for improvement");
    int counts[3] = {0, 0, 0}, again = 0; /* again: of the new, raised again later */
    for (guint i = 0; i < s->afis->len; i++) {
        const CsbAfiTrack *a = s->afis->pdata[i];
        counts[a->status]++;
        again += a->status == CSB_AFI_NEW && raised_later(s, a);
    }
    CsbRich *intro = csb_rich_plain(
        "Every area for improvement, recommendation and priority action in the reports, newest "
        "report first. One raised before is linked to the most recent earlier report that "
        "raised it: because the report says so (its words are quoted), or because both "
        "findings are about the same issue and word it alike (the issue and the words are "
        "shown). A link is a reading aid, not a finding: judge it by what is shown. ");
    /* The counts of the words the tables use (status_words). */
    csb_rich_addf(intro, CSB_STYLE_BOLD, "%u in all: %d recurring, %d new, ", s->afis->len,
                  counts[CSB_AFI_RECURRING], counts[CSB_AFI_NEW] - again);
    if (again)
        csb_rich_addf(intro, CSB_STYLE_BOLD, "%d raised again later, ", again);
    csb_rich_addf(intro, CSB_STYLE_BOLD, "%d not raised again.", counts[CSB_AFI_NOT_RAISED_AGAIN]);
    csb_doc_para(fm->doc, intro);
    int reports = 0;
    for (guint i = s->inspections->len; i > 0; i--) {
        const CsbInspection *in = s->inspections->pdata[i - 1];
        int n = 0;
        for (guint k = 0; k < s->afis->len; k++)
            n += ((const CsbAfiTrack *)s->afis->pdata[k])->inspection == in;
        if (n) {
            report_findings(fm, in, n);
            reports++;
        }
    }
    if (!reports)
        csb_doc_para(fm->doc, csb_rich_plain("The reports read list no areas for improvement."));
}
