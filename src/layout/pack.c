/* pack.c - the pre-inspection briefing pack: cover, contents, summary,
 * timeline, grades and changes, areas for improvement, themes with cited
 * evidence, peers and sources. One function per section; the template
 * (templates/briefing-pack.yaml) decides which appear and in what order.
 */
#include "layout.h"

#include <string.h>

static void cover(CsbFormatter *fm)
{
    const CsbStory *s = fm->focus;
    CsbDate first = {0, 0, 0}, last = {0, 0, 0};
    if (s->inspections->len) {
        first = csb_inspection_date(s->inspections->pdata[0]);
        last = csb_inspection_date(s->inspections->pdata[s->inspections->len - 1]);
    }
    fm->doc->cover.prepared_note = g_strdup_printf(
        "Prepared with csbrief from %u published reports on %s (%d to %d) and %u on its "
        "comparators. Grades and quotations are the reports' own; each is cited.",
        s->inspections->len, s->authority->name, first.year, last.year,
        fm->in->report_count - s->inspections->len);
    CsbDocBlock *b = g_new0(CsbDocBlock, 1);
    b->kind = CSB_BLOCK_COVER;
    g_ptr_array_add(fm->doc->blocks, b);
}

static void contents(CsbFormatter *fm)
{
    csb_doc_contents(fm->doc);
}

/* The latest grade of each headline area, with its previous grade. */
static CsbTable *latest_grades_table(CsbFormatter *fm)
{
    static const double w[] = {3.2, 2.2, 2.2, 3.4};
    CsbTable *t = csb_table_new(4, w);
    csb_table_header(t, 0, "Area");
    csb_table_header(t, 1, "Latest grade");
    csb_table_header(t, 2, "Previous grade");
    csb_table_header(t, 3, "Change");
    for (guint i = 0; i < fm->focus->histories->len; i++) {
        const CsbAreaHistory *h = fm->focus->histories->pdata[i];
        if (!h->area->headline)
            continue;
        const CsbGradePoint *last = csb_history_latest(h);
        GPtrArray *row = csb_table_row(t);
        csb_table_cell(row, csb_rich_plain(h->area->title));
        csb_fmt_grade_cell(row, last->judgement->grade, last->judgement->wording);
        if (h->changes->len) {
            const CsbChange *c = h->changes->pdata[h->changes->len - 1];
            csb_fmt_grade_cell(row, c->from->judgement->grade, NULL);
            char *words = csb_fmt_change(c);
            char *when = csb_fmt_month_year(csb_inspection_date(c->from->inspection));
            CsbRich *r = csb_rich_plain(words);
            csb_rich_addf(r, CSB_STYLE_MUTED, " (since %s)", when);
            csb_table_cell(row, r);
            g_free(when);
            g_free(words);
        } else {
            csb_table_cell(row, csb_rich_add(csb_rich_new(), CSB_STYLE_MUTED, "\u2014"));
            csb_table_cell(row, csb_rich_add(csb_rich_new(), CSB_STYLE_MUTED,
                                             "first graded in this area"));
        }
    }
    return t;
}

static void summary(CsbFormatter *fm)
{
    const CsbStory *s = fm->focus;
    csb_doc_heading(fm->doc, 1, "Summary");
    const CsbInspection *latest = csb_story_latest_graded(s);
    if (latest) {
        char *name = csb_fmt_report_name(latest);
        const CsbJudgement *o = csb_inspection_judgement(latest, "overall");
        CsbRich *r = csb_rich_new();
        csb_rich_addf(r, CSB_STYLE_PLAIN, "The latest graded inspection is the %s", name);
        if (o)
            csb_rich_addf(r, CSB_STYLE_PLAIN, ". Overall effectiveness was judged ");
        if (o)
            csb_rich_add(r, CSB_STYLE_BOLD, o->wording && *o->wording ? o->wording
                                                                      : csb_grade_title(o->grade));
        else
            csb_rich_add(r, CSB_STYLE_PLAIN, " (this framework gives no overall judgement)");
        csb_rich_add(r, CSB_STYLE_PLAIN, ".");
        csb_doc_para(fm->doc, r);
        g_free(name);
    } else {
        csb_doc_para(fm->doc, csb_rich_plain("No graded inspection of this authority is among "
                                             "the reports read."));
    }
    csb_doc_heading(fm->doc, 2, "Latest grades");
    csb_doc_table(fm->doc, latest_grades_table(fm));

    csb_doc_heading(fm->doc, 2, "Recurring areas for improvement");
    CsbDocBlock *list = csb_doc_list(fm->doc);
    for (guint i = 0; i < s->afis->len; i++) {
        const CsbAfiTrack *t = s->afis->pdata[i];
        if (t->status != CSB_AFI_RECURRING)
            continue;
        char *when = csb_fmt_month_year(csb_inspection_date(t->inspection));
        CsbRich *r = csb_rich_add(csb_rich_new(), CSB_STYLE_PLAIN, t->finding->text);
        GString *earlier = g_string_new(NULL);
        for (guint k = 0; k < t->earlier->len; k++) {
            const CsbAfiMatch *m = t->earlier->pdata[k];
            char *e = csb_fmt_month_year(csb_inspection_date(m->inspection));
            g_string_append_printf(earlier, "%s%s", k ? ", " : "", e);
            g_free(e);
        }
        csb_rich_addf(r, CSB_STYLE_MUTED, " (%s; also raised %s)", when, earlier->str);
        g_string_free(earlier, TRUE);
        g_free(when);
        g_ptr_array_add(list->items, r);
    }
    if (!list->items->len)
        g_ptr_array_add(list->items, csb_rich_plain("None: no area for improvement repeats an "
                                                    "earlier one."));

    csb_doc_heading(fm->doc, 2, "Themes of most concern");
    CsbDocBlock *themes = csb_doc_list(fm->doc);
    for (guint i = 0; i < s->themes->len; i++) {
        const CsbThemeStory *t = s->themes->pdata[i];
        CsbRich *r = csb_rich_add(csb_rich_new(), CSB_STYLE_BOLD, t->theme->title);
        csb_rich_addf(r, CSB_STYLE_PLAIN, ": %d concern%s, %d mixed, %d strength%s across %u "
                                          "report%s",
                      t->concerns, t->concerns == 1 ? "" : "s", t->mixed, t->strengths,
                      t->strengths == 1 ? "" : "s", t->timeline->len,
                      t->timeline->len == 1 ? "" : "s");
        g_ptr_array_add(themes->items, r);
    }
    if (!themes->items->len)
        g_ptr_array_add(themes->items, csb_rich_plain("No themes were selected in the config."));
}

static void timeline(CsbFormatter *fm)
{
    csb_doc_heading(fm->doc, 1, "Inspection timeline");
    csb_doc_para(fm->doc, csb_rich_plain("Every inspection and visit of the authority among "
                                         "the reports read, oldest first."));
    static const double w[] = {1.8, 2.6, 2.2, 1.9, 3.5};
    CsbTable *t = csb_table_new(5, w);
    csb_table_header(t, 0, "Date");
    csb_table_header(t, 1, "Report");
    csb_table_header(t, 2, "Lead inspector");
    csb_table_header(t, 3, "Overall");
    csb_table_header(t, 4, "Findings");
    for (guint i = 0; i < fm->focus->inspections->len; i++) {
        const CsbInspection *in = fm->focus->inspections->pdata[i];
        GPtrArray *row = csb_table_row(t);
        char *when = csb_fmt_month_year(csb_inspection_date(in));
        csb_table_cell(row, csb_rich_plain(when));
        g_free(when);
        csb_table_cell(row, csb_rich_plain(csb_kind_title(in->kind)));
        csb_table_cell(row, csb_rich_plain(in->lead_inspector ? in->lead_inspector : "\u2014"));
        const CsbJudgement *o = csb_inspection_judgement(in, "overall");
        if (o)
            csb_fmt_grade_cell(row, o->grade, o->wording);
        else
            csb_table_cell(row, csb_rich_add(csb_rich_new(), CSB_STYLE_MUTED,
                                             csb_kind_is_graded(in->kind) ? "no overall grade"
                                                                          : "ungraded"));
        CsbRich *f = csb_rich_new();
        if (in->findings->len)
            csb_rich_addf(f, CSB_STYLE_PLAIN, "%u area%s for improvement", in->findings->len,
                          in->findings->len == 1 ? "" : "s");
        else
            csb_rich_add(f, CSB_STYLE_MUTED, "none listed");
        csb_table_cell(row, f);
    }
    csb_doc_table(fm->doc, t);
}

static void grades(CsbFormatter *fm)
{
    const CsbStory *s = fm->focus;
    csb_doc_heading(fm->doc, 1, "Grades and changes");
    csb_doc_para(fm->doc, csb_rich_plain(
        "Grades are placed on one scale across frameworks: outstanding, good, requires "
        "improvement or adequate, inadequate. Earlier judgements carry into the areas that "
        "replaced them (the single judgement for children in care and care leavers used from "
        "2018 to 2022 is the predecessor of both later judgements)."));
    csb_doc_figure(fm->doc, csb_fmt_history_chart(s, fm->in->areas, 170));
    for (guint i = 0; i < s->histories->len; i++) {
        const CsbAreaHistory *h = s->histories->pdata[i];
        csb_doc_heading(fm->doc, 2, h->area->title);
        const CsbGradePoint *first = csb_history_first(h), *last = csb_history_latest(h);
        char *d1 = csb_fmt_month_year(csb_inspection_date(first->inspection));
        char *d2 = csb_fmt_month_year(csb_inspection_date(last->inspection));
        CsbRich *r = csb_rich_new();
        csb_rich_addf(r, CSB_STYLE_PLAIN, "First graded %s (%s); latest %s (%s).",
                      csb_grade_title(first->judgement->grade), d1,
                      csb_grade_title(last->judgement->grade), d2);
        csb_doc_para(fm->doc, r);
        g_free(d1);
        g_free(d2);
        if (!h->changes->len)
            continue;
        static const double w[] = {2.4, 2.0, 2.4, 2.0, 1.2, 2.4};
        CsbTable *t = csb_table_new(6, w);
        csb_table_header(t, 0, "From");
        csb_table_header(t, 1, "Grade");
        csb_table_header(t, 2, "To");
        csb_table_header(t, 3, "Grade");
        csb_table_header(t, 4, "Years");
        csb_table_header(t, 5, "Change");
        for (guint k = 0; k < h->changes->len; k++) {
            const CsbChange *c = h->changes->pdata[k];
            GPtrArray *row = csb_table_row(t);
            char *a = csb_fmt_report_name(c->from->inspection);
            char *b = csb_fmt_report_name(c->to->inspection);
            csb_table_cell(row, csb_rich_plain(a));
            csb_fmt_grade_cell(row, c->from->judgement->grade, NULL);
            csb_table_cell(row, csb_rich_plain(b));
            csb_fmt_grade_cell(row, c->to->judgement->grade, NULL);
            csb_table_cell(row, csb_rich_addf(csb_rich_new(), 0, "%.1f", c->years));
            csb_table_cell(row, csb_rich_plain(c->steps < 0   ? "Better"
                                               : c->steps > 0 ? "Worse"
                                                              : "Same level"));
            g_free(a);
            g_free(b);
        }
        csb_doc_table(fm->doc, t);
    }
}

static void improvement(CsbFormatter *fm)
{
    const CsbStory *s = fm->focus;
    csb_doc_heading(fm->doc, 1, "Areas for improvement tracker");
    csb_doc_para(fm->doc, csb_rich_plain(
        "Each area for improvement, recommendation or priority action, matched with earlier "
        "ones by shared theme and wording. A match is a reading aid, not a finding: the "
        "shared theme and words are shown so you can judge it."));
    static const double w[] = {1.7, 4.6, 1.6, 3.3};
    CsbTable *t = csb_table_new(4, w);
    csb_table_header(t, 0, "Report");
    csb_table_header(t, 1, "What needs to improve");
    csb_table_header(t, 2, "Status");
    csb_table_header(t, 3, "Earlier occurrences and why matched");
    for (guint i = s->afis->len; i > 0; i--) {
        const CsbAfiTrack *a = s->afis->pdata[i - 1];
        GPtrArray *row = csb_table_row(t);
        char *when = csb_fmt_month_year(csb_inspection_date(a->inspection));
        CsbRich *rep = csb_rich_plain(when);
        csb_rich_addf(rep, CSB_STYLE_MUTED, "\n%s", csb_kind_title(a->inspection->kind));
        csb_table_cell(row, rep);
        g_free(when);
        csb_table_cell(row, csb_rich_plain(a->finding->text));
        const char *status = a->status == CSB_AFI_RECURRING          ? "Recurring"
                             : a->status == CSB_AFI_NOT_RAISED_AGAIN ? "Not raised again"
                                                                     : "New";
        csb_table_cell(row, csb_rich_add(csb_rich_new(),
                                         a->status == CSB_AFI_RECURRING ? CSB_STYLE_BOLD : 0,
                                         status));
        CsbRich *why = csb_rich_new();
        for (guint k = 0; k < a->earlier->len; k++) {
            const CsbAfiMatch *m = a->earlier->pdata[k];
            char *e = csb_fmt_month_year(csb_inspection_date(m->inspection));
            csb_rich_addf(why, CSB_STYLE_BOLD, "%s%s: ", k ? "\n" : "", e);
            csb_rich_addf(why, CSB_STYLE_PLAIN, "%s", m->finding->text);
            GString *reason = g_string_new(NULL);
            for (guint x = 0; x < m->themes->len; x++)
                g_string_append_printf(reason, "%stheme %s", x ? ", " : "",
                                       (char *)m->themes->pdata[x]);
            for (guint x = 0; x < m->shared_words->len && x < 5; x++)
                g_string_append_printf(reason, "%s'%s'", reason->len ? ", " : "",
                                       (char *)m->shared_words->pdata[x]);
            csb_rich_addf(why, CSB_STYLE_MUTED, " (%s)", reason->str);
            g_string_free(reason, TRUE);
            g_free(e);
        }
        csb_table_cell(row, why);
    }
    if (t->rows->len)
        csb_doc_table(fm->doc, t);
    else {
        csb_table_free(t);
        csb_doc_para(fm->doc, csb_rich_plain("The reports read list no areas for improvement."));
    }
}

static void themes(CsbFormatter *fm)
{
    const CsbStory *s = fm->focus;
    for (guint i = 0; i < s->themes->len; i++) {
        const CsbThemeStory *t = s->themes->pdata[i];
        char *title = g_strdup_printf("Theme: %s", t->theme->title);
        csb_doc_heading(fm->doc, 1, title);
        g_free(title);
        csb_doc_para(fm->doc, csb_rich_add(csb_rich_new(), CSB_STYLE_ITALIC, t->theme->description));
        if (!t->evidence->len) {
            csb_doc_para(fm->doc, csb_rich_plain("No paragraph of the reports read speaks to "
                                                 "this theme."));
            continue;
        }
        static const double w[] = {4, 1.3, 1.3, 1.3};
        CsbTable *tl = csb_table_new(4, w);
        csb_table_header(tl, 0, "Report");
        csb_table_header(tl, 1, "Concerns");
        csb_table_header(tl, 2, "Mixed");
        csb_table_header(tl, 3, "Strengths");
        for (guint k = 0; k < t->timeline->len; k++) {
            const CsbThemePoint *p = t->timeline->pdata[k];
            GPtrArray *row = csb_table_row(tl);
            char *name = csb_fmt_report_name(p->inspection);
            csb_table_cell(row, csb_rich_plain(name));
            g_free(name);
            csb_table_cell(row, csb_rich_addf(csb_rich_new(), 0, "%d", p->concerns));
            csb_table_cell(row, csb_rich_addf(csb_rich_new(), 0, "%d", p->mixed));
            csb_table_cell(row, csb_rich_addf(csb_rich_new(), 0, "%d", p->strengths));
        }
        csb_doc_table(fm->doc, tl);
        csb_doc_heading(fm->doc, 2, "What inspectors said");
        CsbTone last = CSB_TONE_NEUTRAL;
        guint shown = 0;
        for (guint k = 0; k < t->evidence->len && shown < 8; k++) {
            const CsbEvidence *e = t->evidence->pdata[k];
            if (e->tone == CSB_TONE_NEUTRAL)
                continue;
            if (e->tone != last) {
                const char *label = e->tone == CSB_TONE_CONCERN ? "Concerns"
                                    : e->tone == CSB_TONE_MIXED ? "Mixed"
                                                                : "Strengths";
                csb_doc_heading(fm->doc, 3, label);
                last = e->tone;
            }
            csb_fmt_quote(fm, e->quote, e->inspection, e->paragraph);
            shown++;
        }
    }
}

static void peers(CsbFormatter *fm)
{
    const CsbComparison *c = fm->in->comparison;
    csb_doc_heading(fm->doc, 1, "Comparison with peers");
    if (!c->peers->len) {
        csb_doc_para(fm->doc, csb_rich_plain("None of the comparators named in the config has "
                                             "reports among those read."));
        return;
    }
    double h = 40 + 18.0 * (c->peers->len + 1);
    csb_doc_figure(fm->doc, csb_fmt_matrix_chart(c, h));
    static const double w[] = {3, 1.4, 1.4, 1.4, 1.4, 2.2};
    CsbTable *t = csb_table_new(6, w);
    csb_table_header(t, 0, "Area");
    csb_table_header(t, 1, "Outstanding");
    csb_table_header(t, 2, "Good");
    csb_table_header(t, 3, "RI / adequate");
    csb_table_header(t, 4, "Inadequate");
    csb_table_header(t, 5, "Peers better / same / worse");
    for (guint i = 0; i < c->peer_areas->len; i++) {
        const CsbPeerArea *pa = c->peer_areas->pdata[i];
        GPtrArray *row = csb_table_row(t);
        csb_table_cell(row, csb_rich_plain(pa->area->title));
        csb_table_cell(row, csb_rich_addf(csb_rich_new(), 0, "%d", pa->counts[CSB_GRADE_OUTSTANDING]));
        csb_table_cell(row, csb_rich_addf(csb_rich_new(), 0, "%d", pa->counts[CSB_GRADE_GOOD]));
        csb_table_cell(row, csb_rich_addf(csb_rich_new(), 0, "%d",
                                          pa->counts[CSB_GRADE_REQUIRES_IMPROVEMENT] +
                                              pa->counts[CSB_GRADE_ADEQUATE]));
        csb_table_cell(row, csb_rich_addf(csb_rich_new(), 0, "%d", pa->counts[CSB_GRADE_INADEQUATE]));
        csb_table_cell(row, csb_rich_addf(csb_rich_new(), 0, "%d / %d / %d", pa->better, pa->same,
                                          pa->worse));
    }
    csb_doc_table(fm->doc, t);
    if (c->peer_themes->len) {
        csb_doc_heading(fm->doc, 2, "Themes across the peer group");
        CsbDocBlock *l = csb_doc_list(fm->doc);
        for (guint i = 0; i < c->peer_themes->len; i++) {
            const CsbPeerTheme *pt = c->peer_themes->pdata[i];
            CsbRich *r = csb_rich_add(csb_rich_new(), CSB_STYLE_BOLD, pt->theme->title);
            csb_rich_addf(r, 0, ": raised as a concern for %d of %u peers", pt->authorities,
                          c->peers->len);
            g_ptr_array_add(l->items, r);
        }
    }
}

static void sources(CsbFormatter *fm)
{
    const CsbComparison *c = fm->in->comparison;
    csb_doc_heading(fm->doc, 1, "Sources");
    csb_doc_para(fm->doc, csb_rich_plain("Every report this briefing used. Ofsted reports are "
                                         "Crown copyright, reused under the Open Government "
                                         "Licence."));
    static const double w[] = {2.2, 2.6, 2.4, 2.2, 3.0};
    CsbTable *t = csb_table_new(5, w);
    csb_table_header(t, 0, "Authority");
    csb_table_header(t, 1, "Report");
    csb_table_header(t, 2, "Dates");
    csb_table_header(t, 3, "Lead inspector");
    csb_table_header(t, 4, "File");
    GPtrArray *stories = g_ptr_array_new();
    g_ptr_array_add(stories, c->focus);
    for (guint i = 0; i < c->peers->len; i++)
        g_ptr_array_add(stories, c->peers->pdata[i]);
    for (guint s = 0; s < stories->len; s++) {
        const CsbStory *st = stories->pdata[s];
        for (guint i = 0; i < st->inspections->len; i++) {
            const CsbInspection *in = st->inspections->pdata[i];
            GPtrArray *row = csb_table_row(t);
            csb_table_cell(row, csb_rich_plain(st->authority->name));
            csb_table_cell(row, csb_rich_plain(csb_kind_title(in->kind)));
            char a[11], b[11];
            csb_table_cell(row, csb_rich_addf(csb_rich_new(), 0, "%s to %s",
                                              csb_date_iso(in->start, a), csb_date_iso(in->end, b)));
            csb_table_cell(row, csb_rich_plain(in->lead_inspector ? in->lead_inspector : "\u2014"));
            char *base = g_path_get_basename(in->file);
            CsbTableCell *cell = csb_table_cell(row, csb_rich_add(csb_rich_new(), CSB_STYLE_MUTED, base));
            if (in->url)
                cell->link = g_strdup_printf("uri:%s", in->url);
            g_free(base);
        }
    }
    g_ptr_array_free(stories, TRUE);
    csb_doc_table(fm->doc, t);
}

static const struct {
    const char *id;
    CsbSectionFn fn;
} sections[] = {
    {"cover", cover},           {"contents", contents},       {"summary", summary},
    {"timeline", timeline},     {"grades", grades},           {"improvement", improvement},
    {"themes", themes},         {"peers", peers},             {"sources", sources},
};

CsbSectionFn csb_pack_section(const char *id)
{
    for (guint i = 0; i < G_N_ELEMENTS(sections); i++)
        if (strcmp(sections[i].id, id) == 0)
            return sections[i].fn;
    return NULL;
}
