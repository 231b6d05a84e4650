/* pack.c - the pre-inspection briefing pack: its cover and contents (why
 * the latest inspection gives no overall grade, as the reports read show
 * it), the one-page summary (latest grades and changes, what their dates
 * count from, the latest areas for improvement and which recur, the
 * themes of most concern) and the inspection timeline; the map from the template's section ids to the
 * functions that build each section (the others are in pack_*.c).
 */
#include "pack.h"

#include <string.h>

/* "1 to 12 December 2025", "28 November to 2 December 2025", "30 December
 * 2024 to 3 January 2025", or the one date known; without its year when
 * year is FALSE ("5 to 9 May", the first part of an inspection held in two
 * within a year). Each date whole (CSB_DATE_SPACE), joined by
 * csb_fmt_range: a range within a month whole too ("3 to 14 December
 * 2018"), another broken, if it must be, only before "to" ("28 November /
 * to 2 December 2025"). */
static char *date_range(CsbDate a, CsbDate b, gboolean year)
{
    gboolean va = csb_date_valid(a), vb = csb_date_valid(b);
    if (!va && !vb)
        return g_strdup("dates not stated");
    if (!va || !vb || csb_date_compare(a, b) == 0)
        return year ? csb_date_long(va ? a : b) : csb_date_day_month(va ? a : b);
    char *end = year ? csb_date_long(b) : csb_date_day_month(b);
    char *start = a.year != b.year    ? csb_date_long(a)
                  : a.month != b.month ? csb_date_day_month(a)
                                       : g_strdup_printf("%d", a.day);
    char *s = csb_fmt_range(start, "to", end);
    g_free(start);
    g_free(end);
    return s;
}

char *csb_pack_date_range(CsbDate a, CsbDate b)
{
    return date_range(a, b, TRUE);
}

char *csb_pack_inspection_dates(const CsbInspection *in)
{
    if (!csb_inspection_in_parts(in))
        return csb_pack_date_range(in->start, in->end);
    /* The year is written once when both parts are in it: "5 to 9 May and
     * 3 to 7 June 2019"; a line may break on either side of "and", each
     * part whole. */
    char *first = date_range(in->start, in->paused, in->start.year != in->end.year);
    char *second = csb_pack_date_range(in->resumed, in->end);
    char *s = g_strdup_printf("%s and %s", first, second);
    g_free(first);
    g_free(second);
    return s;
}

CsbTableCell *csb_pack_report_cell(CsbFormatter *fm, GPtrArray *row, const CsbInspection *in,
                                   const char *text)
{
    char *link = csb_fmt_report_link(fm->in, in);
    CsbTableCell *c = csb_table_cell(
        row, csb_rich_add(csb_rich_new(), link ? CSB_STYLE_ACCENT : CSB_STYLE_PLAIN, text));
    c->link = link;
    return c;
}

/* Concerns at the latest inspection first, then mixed there, then the
 * older reports' concerns and mixed. */
static gint by_concern(gconstpointer a, gconstpointer b)
{
    const CsbThemeStory *x = *(const CsbThemeStory *const *)a;
    const CsbThemeStory *y = *(const CsbThemeStory *const *)b;
    int lx[2] = {x->latest ? x->latest->concerns : 0, x->latest ? x->latest->mixed : 0};
    int ly[2] = {y->latest ? y->latest->concerns : 0, y->latest ? y->latest->mixed : 0};
    if (lx[0] != ly[0])
        return ly[0] - lx[0];
    if (lx[1] != ly[1])
        return ly[1] - lx[1];
    return y->concerns != x->concerns ? y->concerns - x->concerns : y->mixed - x->mixed;
}

static void add_counts(CsbRich *r, guint style, int concerns, int mixed, int strengths)
{
    csb_rich_addf(r, style, "%d concern%s, %d mixed, %d strength%s", concerns,
                  concerns == 1 ? "" : "s", mixed, strengths, strengths == 1 ? "" : "s");
}

void csb_pack_add_theme_counts(CsbFormatter *fm, CsbRich *r, const CsbThemeStory *t,
                               gboolean name_latest)
{
    const CsbThemePoint *l = t->latest;
    if (t->latest_inspection) {
        if (name_latest) {
            char *name = csb_fmt_report_name(fm->frameworks, t->latest_inspection);
            csb_rich_addf(r, 0, "latest inspection (%s): ", name);
            g_free(name);
        }
        if (l)
            add_counts(r, CSB_STYLE_BOLD, l->concerns, l->mixed, l->strengths);
        else
            csb_rich_add(r, CSB_STYLE_BOLD, "not mentioned");
    }
    /* Older evidence, as dated history. */
    int c = t->concerns - (l ? l->concerns : 0), m = t->mixed - (l ? l->mixed : 0);
    int s = t->strengths - (l ? l->strengths : 0);
    guint reports = t->timeline->len - (l ? 1 : 0);
    int first = 0, last = 0;
    for (guint k = 0; k < t->timeline->len; k++) {
        const CsbThemePoint *p = t->timeline->pdata[k];
        CsbDate d = csb_inspection_date(p->inspection);
        if (p == l || !csb_date_valid(d))
            continue;
        first = first ? MIN(first, d.year) : d.year;
        last = MAX(last, d.year);
    }
    if (!reports) {
        csb_rich_add(r, CSB_STYLE_MUTED, t->latest_inspection ? "; no other report mentions it"
                                                              : "no report mentions it");
        return;
    }
    csb_rich_add(r, CSB_STYLE_MUTED, t->latest_inspection ? "; earlier: " : "");
    add_counts(r, CSB_STYLE_MUTED, c, m, s);
    csb_rich_addf(r, CSB_STYLE_MUTED, " in %u report%s", reports, reports == 1 ? "" : "s");
    if (first && first != last)
        csb_rich_addf(r, CSB_STYLE_MUTED, ", %d to %d", first, last);
    else if (first)
        csb_rich_addf(r, CSB_STYLE_MUTED, ", %d", first);
}

GPtrArray *csb_pack_themes_by_concern(const CsbStory *s)
{
    GPtrArray *out = g_ptr_array_new();
    for (guint i = 0; i < s->themes->len; i++)
        g_ptr_array_add(out, s->themes->pdata[i]);
    g_ptr_array_sort(out, by_concern); /* stable: ties keep the config's order */
    return out;
}

/* ---- cover and contents ------------------------------------------------ */

/* Does framework kind grade overall effectiveness at all? */
static gboolean grades_overall(const CsbFrameworks *fw, CsbKind kind)
{
    const CsbFramework *f = csb_frameworks_get(fw, kind);
    for (guint i = 0; f && i < f->judgements->len; i++)
        if (strcmp(((const CsbFrameworkJudgement *)f->judgements->pdata[i])->area, "overall") == 0)
            return TRUE;
    for (guint i = 0; f && f->sentences && i < f->sentences->len; i++)
        if (strcmp(((const CsbFrameworkSentence *)f->sentences->pdata[i])->area, "overall") == 0)
            return TRUE;
    return FALSE;
}

/* Why the latest graded inspection gives no overall grade, as the reports
 * read show it (a new string): "not given by this framework" when its
 * framework grades none; "ILACS inspections stopped giving one in 2026"
 * when reports of its kind read (the focus's and its peers') give one up
 * to a date and none after it, the last with and the first without one in
 * that year ("no longer give one" when the years differ); else "not given
 * at this inspection". Then the focus's last overall grade, when it has
 * one: "; the last, Inadequate, in December 2022". */
static char *no_overall(CsbFormatter *fm, const CsbInspection *latest)
{
    if (!grades_overall(fm->frameworks, latest->kind))
        return g_strdup("not given by this framework");
    GPtrArray *stories = csb_fmt_stories(fm);
    CsbDate with = {0}, without = {0};
    for (int pass = 0; pass < 2; pass++) /* the last with one, then the first without after it */
        for (guint s = 0; s < stories->len; s++) {
            const CsbStory *st = stories->pdata[s];
            for (guint i = 0; i < st->inspections->len; i++) {
                const CsbInspection *in = st->inspections->pdata[i];
                CsbDate d = csb_inspection_date(in);
                if (in->kind != latest->kind || !in->judgements->len || !csb_date_valid(d))
                    continue;
                gboolean has = csb_inspection_judgement(in, "overall") != NULL;
                if (pass == 0 && has && (!csb_date_valid(with) || csb_date_compare(d, with) > 0))
                    with = d;
                if (pass == 1 && !has && csb_date_valid(with) && csb_date_compare(d, with) > 0 &&
                    (!csb_date_valid(without) || csb_date_compare(d, without) < 0))
                    without = d;
            }
        }
    g_ptr_array_free(stories, TRUE);
    CsbDate at = csb_inspection_date(latest);
    GString *why = g_string_new(NULL);
    const char *kind = csb_frameworks_short_name(fm->frameworks, latest->kind);
    if (!csb_date_valid(with) || !csb_date_valid(at) || csb_date_compare(at, with) <= 0)
        g_string_append(why, "not given at this inspection");
    else if (with.year == without.year)
        g_string_append_printf(why, "%ss stopped giving one in %d", kind, with.year);
    else
        g_string_append_printf(why, "%ss no longer give one", kind);
    for (guint i = 0; i < fm->focus->histories->len; i++) {
        const CsbAreaHistory *h = fm->focus->histories->pdata[i];
        const CsbGradePoint *last = csb_history_latest(h);
        if (strcmp(h->area->id, "overall") != 0 || !last || last->inspection == latest)
            continue;
        char *when = csb_fmt_months_held(last->inspection, NULL);
        g_string_append_printf(why, "; the last, %s, in %s", csb_grade_title(last->judgement->grade),
                               when);
        g_free(when);
    }
    return g_string_free(why, FALSE);
}

static int count_afis(const CsbStory *s, const CsbInspection *in, CsbAfiStatus status)
{
    int n = 0;
    for (guint i = 0; i < s->afis->len; i++) {
        const CsbAfiTrack *t = s->afis->pdata[i];
        n += t->inspection == in && (status == (CsbAfiStatus)-1 || t->status == status);
    }
    return n;
}

static CsbTable *cover_facts(CsbFormatter *fm)
{
    const CsbStory *s = fm->focus;
    const CsbComparison *c = fm->in->comparison;
    static const double w[] = {1.3, 2.7};
    CsbTable *t = csb_table_new(2, w);
    t->large = TRUE;
    const CsbInspection *latest = csb_story_latest_graded(s);
    GPtrArray *row = csb_table_row(t);
    csb_table_cell(row, csb_rich_add(csb_rich_new(), CSB_STYLE_MUTED, "Latest graded inspection"));
    if (latest) {
        char *when = csb_pack_inspection_dates(latest);
        csb_table_cell(row, csb_rich_addf(csb_rich_new(), 0, "%s, %s",
                                          csb_frameworks_title(fm->frameworks, latest->kind), when));
        g_free(when);
        const CsbJudgement *o = csb_inspection_judgement(latest, "overall");
        row = csb_table_row(t);
        csb_table_cell(row, csb_rich_add(csb_rich_new(), CSB_STYLE_MUTED, "Overall effectiveness"));
        if (o) {
            csb_fmt_grade_cell(row, o->grade);
        } else {
            char *why = no_overall(fm, latest);
            csb_table_cell(row, csb_rich_addf(csb_rich_new(), 0, "No overall grade: %s", why));
            g_free(why);
        }
        int afis = count_afis(s, latest, (CsbAfiStatus)-1);
        int recurring = count_afis(s, latest, CSB_AFI_RECURRING);
        row = csb_table_row(t);
        csb_table_cell(row, csb_rich_add(csb_rich_new(), CSB_STYLE_MUTED, "Areas for improvement"));
        csb_table_cell(row, csb_rich_addf(csb_rich_new(), 0, "%d in the latest report, %d raised "
                                          "before", afis, recurring));
        if (latest->provider) {
            row = csb_table_row(t);
            csb_table_cell(row,
                           csb_rich_add(csb_rich_new(), CSB_STYLE_MUTED, "Services delivered by"));
            csb_table_cell(row, csb_rich_addf(csb_rich_new(), 0, "%s, for the council",
                                              latest->provider));
        }
    } else {
        csb_table_cell(row, csb_rich_plain("none among the reports read"));
    }
    row = csb_table_row(t);
    csb_table_cell(row, csb_rich_add(csb_rich_new(), CSB_STYLE_MUTED, "Compared with"));
    GPtrArray *names = csb_fmt_prose_names(c->peers, TRUE);
    CsbRich *peers = names->len ? csb_rich_new() : csb_rich_plain("no comparator with reports");
    csb_fmt_add_names(peers, names, 0, 0, NULL);
    csb_table_cell(row, peers);
    g_ptr_array_free(names, TRUE);
    return t;
}

static void cover(CsbFormatter *fm)
{
    const CsbStory *s = fm->focus;
    GString *note = g_string_new(NULL);
    g_string_append_printf(note, "Prepared with csbrief from %u published report%s on %s",
                           s->inspections->len, s->inspections->len == 1 ? "" : "s",
                           csb_fmt_authority_prose(s->authority));
    char *years = csb_fmt_story_years(s);
    if (years)
        g_string_append_printf(note, " (%s)", years);
    g_free(years);
    guint others = 0;
    for (guint i = 0; i < fm->in->comparison->peers->len; i++)
        others += ((const CsbStory *)fm->in->comparison->peers->pdata[i])->inspections->len;
    if (others)
        g_string_append_printf(note, " and %u on the authorities it is compared with", others);
    g_string_append(note, ". Grades and quotations are the reports\u2019 own, and each is cited. "
                          "Ofsted reports are Crown copyright, reused under the Open Government "
                          "Licence.");
    fm->doc->cover.prepared_note = g_string_free(note, FALSE);
    fm->doc->cover.facts = cover_facts(fm);
    csb_doc_cover(fm->doc);
}

static void contents(CsbFormatter *fm)
{
    csb_doc_contents(fm->doc);
}

/* ---- summary ----------------------------------------------------------- */

/* "Improved", "Declined", "Stayed the same" or, for two grades of one
 * level on today's scale, "Moved (the same level on today's scale)". */
static const char *change_word(const CsbChange *c)
{
    if (c->steps < 0)
        return "Improved";
    if (c->steps > 0)
        return "Declined";
    return c->from->judgement->grade != c->to->judgement->grade
               ? "Moved (the same level on today\u2019s scale)"
               : "Stayed the same";
}

/* The latest grade of each headline area, with the grade before it. */
static CsbTable *latest_grades_table(CsbFormatter *fm)
{
    static const double w[] = {3.0, 2.45, 2.45, 3.3};
    CsbTable *t = csb_table_new(4, w);
    csb_table_header(t, 0, "Area");
    csb_table_header(t, 1, "Latest grade");
    csb_table_header(t, 2, "Grade before");
    csb_table_header(t, 3, "Change");
    for (guint i = 0; i < fm->focus->histories->len; i++) {
        const CsbAreaHistory *h = fm->focus->histories->pdata[i];
        if (!h->area->headline)
            continue;
        GPtrArray *row = csb_table_row(t);
        csb_table_cell(row, csb_rich_plain(h->area->title));
        csb_fmt_latest_grade_cell(row, h);
        if (h->changes->len) {
            const CsbChange *c = h->changes->pdata[h->changes->len - 1];
            csb_fmt_grade_cell(row, c->from->judgement->grade);
            /* The two grades are beside it: the direction and when say the rest. */
            char *when = csb_fmt_since(fm->in, h, fm->focus->histories);
            CsbRich *r = csb_rich_add(csb_rich_new(), 0, change_word(c));
            csb_rich_addf(r, CSB_STYLE_MUTED, " %s", when);
            csb_fmt_add_not_judged(r, h);
            csb_table_cell(row, r)->trend = csb_fmt_latest_trend(h, c);
            g_free(when);
        } else {
            csb_table_cell(row, csb_rich_add(csb_rich_new(), CSB_STYLE_MUTED, "\u2014"));
            CsbRich *r = csb_rich_add(csb_rich_new(), CSB_STYLE_MUTED, CSB_FMT_GRADED_ONCE);
            csb_fmt_add_not_judged(r, h);
            csb_table_cell(row, r);
        }
    }
    return t;
}

static void summary_lead(CsbFormatter *fm, const CsbInspection *latest)
{
    const CsbStory *s = fm->focus;
    if (!latest) {
        csb_doc_para(fm->doc, csb_rich_plain("No graded inspection of this authority is among "
                                             "the reports read."));
        return;
    }
    char *when = csb_pack_inspection_dates(latest);
    const CsbJudgement *o = csb_inspection_judgement(latest, "overall");
    CsbRich *r = csb_rich_addf(csb_rich_new(), 0, "The latest graded inspection is the %s of %s",
                               csb_frameworks_title(fm->frameworks, latest->kind), when);
    if (latest->lead_inspector)
        csb_rich_addf(r, 0, " (lead inspector %s)", latest->lead_inspector);
    if (o) {
        csb_rich_add(r, 0, ". Overall effectiveness was judged ");
        csb_rich_add(r, CSB_STYLE_BOLD, csb_grade_title(o->grade));
        csb_rich_add(r, 0, ".");
    } else {
        char *why = no_overall(fm, latest);
        csb_rich_addf(r, 0, "; it gives no overall grade (%s).", why);
        g_free(why);
    }
    int better = 0, worse = 0, same = 0, first = 0;
    for (guint i = 0; i < s->histories->len; i++) {
        const CsbAreaHistory *h = s->histories->pdata[i];
        /* Only the areas this inspection judged (not an overall grade an
         * April 2026 inspection no longer gives). */
        if (!h->area->headline || csb_history_latest(h)->inspection != latest)
            continue;
        if (!h->changes->len) {
            first++;
            continue;
        }
        const CsbChange *c = h->changes->pdata[h->changes->len - 1];
        better += c->steps < 0;
        worse += c->steps > 0;
        same += c->steps == 0;
    }
    if (better + worse + same)
        csb_rich_addf(r, 0, " Against the inspection before: %d area%s better, %d worse, %d the "
                            "same%s.",
                      better, better == 1 ? "" : "s", worse, same,
                      first ? "; the rest have no earlier grade in the reports read" : "");
    csb_doc_para(fm->doc, r);
    g_free(when);
}

/* Does the briefing have the section of this id (its template lists it)? */
static gboolean has_section(const CsbFormatter *fm, const char *id)
{
    return g_ptr_array_find_with_equal_func(fm->doc->tpl->sections, id, g_str_equal, NULL);
}

static void summary_afis(CsbFormatter *fm, const CsbInspection *latest)
{
    const CsbStory *s = fm->focus;
    csb_doc_heading(fm->doc, 2, "Areas for improvement, and which recur");
    CsbDocBlock *list = csb_doc_list(fm->doc);
    int recurring = 0;
    for (int pass = 0; pass < 2; pass++) /* recurring ones first */
        for (guint i = 0; i < s->afis->len; i++) {
            const CsbAfiTrack *t = s->afis->pdata[i];
            gboolean rec = t->status == CSB_AFI_RECURRING;
            if (t->inspection != latest || rec != (pass == 0))
                continue;
            CsbRich *r = csb_rich_new();
            if (rec) {
                recurring++;
                csb_rich_add(r, CSB_STYLE_BOLD, "Recurring: ");
            }
            csb_rich_add(r, 0, t->finding->text);
            if (rec) {
                csb_rich_add(r, CSB_STYLE_MUTED, " Raised before: ");
                csb_fmt_add_raised_before(r, fm->frameworks, t, FALSE);
            }
            g_ptr_array_add(list->items, r);
        }
    if (!list->items->len)
        g_ptr_array_add(list->items, csb_rich_plain("The latest graded report lists no areas "
                                                    "for improvement."));
    else if (!recurring)
        csb_doc_para(fm->doc,
                     csb_rich_addf(csb_rich_new(), CSB_STYLE_MUTED,
                                   "None of these was matched to an area for improvement of an "
                                   "earlier report, but a match can be missed: check the "
                                   "earlier reports\u2019 areas for improvement by hand%s.",
                                   has_section(fm, "improvement")
                                       ? " (every one is listed in the " CSB_PACK_TRACKER_TITLE
                                         ")"
                                       : ""));
}

static void summary_themes(CsbFormatter *fm)
{
    /* "Of most concern" only when the latest inspection raises one: in a
     * paragraph, or in an area for improvement on a theme. */
    gboolean concern = FALSE;
    int mixed = 0;
    for (guint i = 0; i < fm->focus->themes->len; i++) {
        const CsbThemeStory *t = fm->focus->themes->pdata[i];
        concern |= t->latest && t->latest->concerns > 0;
        mixed += t->latest ? t->latest->mixed : 0;
        for (guint k = 0; !concern && k < fm->focus->afis->len; k++) {
            const CsbAfiTrack *a = fm->focus->afis->pdata[k];
            concern = a->inspection == t->latest_inspection && a->themes &&
                      g_ptr_array_find_with_equal_func(a->themes, t->theme->id, g_str_equal,
                                                       NULL);
        }
    }
    csb_doc_heading(fm->doc, 2, concern ? "Themes of most concern" : "Themes");
    const CsbInspection *latest = csb_story_latest_graded(fm->focus);
    CsbRich *lead = csb_rich_add(csb_rich_new(), CSB_STYLE_MUTED,
                                 "Each theme's paragraphs by what they say, in the latest "
                                 "inspection");
    if (latest) {
        char *name = csb_fmt_report_name(fm->frameworks, latest);
        csb_rich_addf(lead, CSB_STYLE_MUTED, " (%s)", name);
        g_free(name);
    }
    csb_rich_add(lead, CSB_STYLE_MUTED, ", which orders the list, then earlier. A paragraph's "
                                        "tone is a pointer, not a verdict, and is sometimes "
                                        "wrong: the inspectors' own words, quoted on the theme "
                                        "pages, decide.");
    if (!concern && fm->focus->themes->len && latest)
        csb_rich_addf(lead, CSB_STYLE_MUTED,
                      mixed ? " The latest inspection raises no concern on these themes beyond "
                              "%d mixed paragraph%s."
                            : " The latest inspection raises no concern on any of these themes.",
                      mixed, mixed == 1 ? "" : "s");
    csb_doc_para(fm->doc, lead);
    GPtrArray *order = csb_pack_themes_by_concern(fm->focus);
    CsbDocBlock *list = csb_doc_list(fm->doc);
    for (guint i = 0; i < order->len; i++) {
        const CsbThemeStory *t = order->pdata[i];
        CsbRich *r = csb_rich_add(csb_rich_new(), CSB_STYLE_BOLD, t->theme->title);
        csb_rich_add(r, 0, ": ");
        csb_pack_add_theme_counts(fm, r, t, FALSE);
        g_ptr_array_add(list->items, r);
    }
    if (!list->items->len)
        g_ptr_array_add(list->items, csb_rich_plain("No themes were selected in the config."));
    g_ptr_array_free(order, TRUE);
}

static void summary(CsbFormatter *fm)
{
    const CsbInspection *latest = csb_story_latest_graded(fm->focus);
    csb_doc_heading(fm->doc, 1, "Summary");
    summary_lead(fm, latest);
    csb_doc_heading(fm->doc, 2, "Latest grades, and the change since the inspection before");
    csb_doc_table(fm->doc, latest_grades_table(fm));
    /* The rule of csb_fmt_since, said: two areas with the same two latest
     * grades may name different dates (Devon's care leavers, Inadequate in
     * 2015 as well, beside children in care, Inadequate since 2020). */
    csb_doc_para(fm->doc, csb_rich_add(csb_rich_new(), CSB_STYLE_MUTED,
                                       "A grade that moved is dated from the inspection before; "
                                       "one that stayed the same, from the first inspection in "
                                       "an unbroken run to give it."));
    summary_afis(fm, latest);
    summary_themes(fm);
}

/* ---- timeline ---------------------------------------------------------- */

static void timeline(CsbFormatter *fm)
{
    csb_doc_heading(fm->doc, 1, "Inspection timeline");
    csb_doc_para(fm->doc, csb_rich_plain("Every inspection, visit and review of the authority "
                                         "among the reports read, oldest first."));
    csb_doc_figure(fm->doc, csb_fmt_timeline_chart(fm->frameworks, fm->focus));
    static const double w[] = {2.4, 2.6, 1.9, 1.8, 1.6};
    CsbTable *t = csb_table_new(5, w);
    csb_table_header(t, 0, "Dates");
    csb_table_header(t, 1, "Report");
    csb_table_header(t, 2, "Lead inspector");
    csb_table_header(t, 3, "Overall");
    csb_table_header(t, 4, "Findings");
    csb_table_align(t, 4, CSB_ALIGN_RIGHT);
    for (guint i = 0; i < fm->focus->inspections->len; i++) {
        const CsbInspection *in = fm->focus->inspections->pdata[i];
        GPtrArray *row = csb_table_row(t);
        char *when = csb_pack_inspection_dates(in);
        csb_table_cell(row, csb_rich_plain(when));
        g_free(when);
        csb_pack_report_cell(fm, row, in, csb_frameworks_title(fm->frameworks, in->kind));
        csb_table_cell(row, csb_rich_plain(in->lead_inspector ? in->lead_inspector : "\u2014"));
        const CsbJudgement *o = csb_inspection_judgement(in, "overall");
        if (o)
            csb_fmt_grade_cell(row, o->grade);
        else
            csb_table_cell(row, csb_rich_add(csb_rich_new(), CSB_STYLE_MUTED,
                                             in->judgements->len ? "No overall grade"
                                                                 : "Not graded"));
        csb_table_cell(row, in->findings->len
                                ? csb_rich_addf(csb_rich_new(), 0, "%u", in->findings->len)
                                : csb_rich_add(csb_rich_new(), CSB_STYLE_MUTED, "none listed"));
    }
    csb_doc_table(fm->doc, t);
}

static const struct {
    const char *id;
    CsbSectionFn fn;
} sections[] = {
    {"cover", cover},
    {"contents", contents},
    {"summary", summary},
    {"timeline", timeline},
    {"grades", csb_pack_grades},
    {"improvement", csb_pack_improvement},
    {"themes", csb_pack_themes},
    {"peers", csb_pack_peers},
    {"basis", csb_pack_basis},
    {"sources", csb_pack_sources},
};

CsbSectionFn csb_pack_section(const char *id)
{
    for (guint i = 0; i < G_N_ELEMENTS(sections); i++)
        if (strcmp(sections[i].id, id) == 0)
            return sections[i].fn;
    return NULL;
}
