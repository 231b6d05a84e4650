/* pack_peers.c - the briefing pack's comparison with peers (the grade
 * matrix, each cell dated, the group's grade distribution, where the
 * authority stands in each area, and which themes the peers' latest
 * inspections raise as concerns, and when), what the briefing is based on
 * (the reports read and not read, grades not read, gaps a reader should
 * know) and its sources: every report used, with kind, dates, lead
 * inspector and, when known, where to read it.
 */
#include "pack.h"

static void peer_names(CsbFormatter *fm)
{
    const CsbComparison *c = fm->in->comparison;
    CsbRich *r = csb_rich_addf(csb_rich_new(), 0, "%s is compared with ",
                               csb_fmt_authority_prose(fm->focus->authority));
    GPtrArray *names = csb_fmt_prose_names(c->peers, TRUE);
    csb_fmt_add_names(r, names, 0, 0, "and");
    g_ptr_array_free(names, TRUE);
    csb_rich_add(r, 0, ", on each authority\u2019s latest graded inspection.");
    if (c->missing_peers->len) {
        csb_rich_add(r, CSB_STYLE_MUTED, " No reports were read for ");
        names = csb_fmt_prose_names(c->missing_peers, FALSE);
        csb_fmt_add_names(r, names, CSB_STYLE_MUTED, CSB_STYLE_MUTED, "or");
        g_ptr_array_free(names, TRUE);
        csb_rich_add(r, CSB_STYLE_MUTED, ", so they are left out.");
    }
    csb_doc_para(fm->doc, r);
}

/* Why a story's stale cells are older than its latest known inspection,
 * as a list item ("Dorset: all areas are from May 2021; its report
 * published 9 May 2025 could not be read"), or NULL when none is. */
static CsbRich *stale_cells(CsbFormatter *fm, const CsbStory *st)
{
    CsbRich *r = NULL;
    for (guint i = 0; i < st->histories->len; i++) {
        const CsbAreaHistory *h = st->histories->pdata[i];
        if (!h->area->headline || !csb_fmt_grade_stale(fm->frameworks, st, h))
            continue;
        if (!r)
            r = csb_rich_add(csb_rich_new(), CSB_STYLE_BOLD,
                             csb_fmt_authority_prose(st->authority));
        char *when = csb_fmt_months_held(csb_history_latest(h)->inspection, NULL);
        char *area = csb_text_in_sentence(h->area->title);
        csb_rich_addf(r, 0, "%s %s, from %s", r->spans->len > 1 ? ";" : ":", area, when);
        const CsbNotRead *n = h->not_read_since;
        if (n && !n->inspection) {
            char *pub = csb_date_valid(n->date) ? csb_date_long(n->date) : NULL;
            csb_rich_addf(r, CSB_STYLE_MUTED, ": not current, a later report%s%s could not be "
                                              "read",
                          pub ? " published " : "", pub ? pub : "");
            g_free(pub);
        } else if (n) {
            char *then = csb_fmt_report_name(fm->frameworks, n->inspection);
            csb_rich_addf(r, CSB_STYLE_MUTED, ": not current, the grade of the %s could not be "
                                              "read",
                          then);
            g_free(then);
        } else if (h->not_judged_since) {
            char *then = csb_fmt_months_held(h->not_judged_since, NULL);
            csb_rich_addf(r, CSB_STYLE_MUTED, ": not current, not judged at the %s inspection",
                          then);
            g_free(then);
        } else {
            const CsbInspection *latest = csb_story_latest_graded(st);
            char *then = latest ? csb_fmt_report_name(fm->frameworks, latest) : NULL;
            csb_rich_addf(r, CSB_STYLE_MUTED, ": the latest inspection%s%s%s did not grade it",
                          then ? " (" : "", then ? then : "", then ? ")" : "");
            g_free(then);
        }
        g_free(area);
        g_free(when);
    }
    return r;
}

/* The note under the matrix: every cell marked * and why; nothing when
 * none is. */
static void stale_note(CsbFormatter *fm)
{
    const CsbComparison *c = fm->in->comparison;
    CsbDocBlock *l = NULL;
    for (guint s = 0; s <= c->peers->len; s++) {
        CsbRich *r = stale_cells(fm, s == 0 ? c->focus : c->peers->pdata[s - 1]);
        if (!r)
            continue;
        if (!l) {
            csb_doc_para(fm->doc, csb_rich_add(csb_rich_new(), 0,
                                               "Cells marked * are older than the authority\u2019s "
                                               "latest known inspection:"))
                ->keep_with_next = TRUE;
            l = csb_doc_list(fm->doc);
        }
        csb_rich_add(r, 0, ".");
        g_ptr_array_add(l->items, r);
    }
}

static CsbTable *standing(CsbFormatter *fm)
{
    const CsbComparison *c = fm->in->comparison;
    static const double w[] = {3.2, 2.2, 1.5, 1.5, 1.5};
    CsbTable *t = csb_table_new(5, w);
    csb_table_header(t, 0, "Area");
    csb_table_header(t, 1, fm->focus->authority->name);
    csb_table_header(t, 2, "Peers better");
    csb_table_header(t, 3, "The same");
    csb_table_header(t, 4, "Peers worse");
    for (int k = 2; k <= 4; k++)
        csb_table_align(t, k, CSB_ALIGN_RIGHT);
    for (guint i = 0; i < c->peer_areas->len; i++) {
        const CsbPeerArea *pa = c->peer_areas->pdata[i];
        GPtrArray *row = csb_table_row(t);
        csb_table_cell(row, csb_rich_plain(pa->area->title));
        csb_fmt_grade_cell(row, pa->focus);
        csb_table_cell(row, csb_rich_addf(csb_rich_new(), 0, "%d", pa->better));
        csb_table_cell(row, csb_rich_addf(csb_rich_new(), 0, "%d", pa->same));
        csb_table_cell(row, csb_rich_addf(csb_rich_new(), 0, "%d", pa->worse));
    }
    return t;
}

/* "Darlington (ILACS inspection, April and May 2024: 3 concerns, 1 mixed)" */
static void add_mention(CsbFormatter *fm, CsbRich *r, const CsbPeerThemeMention *m)
{
    char *name = csb_fmt_report_name(fm->frameworks, m->point->inspection);
    csb_rich_add(r, 0, csb_fmt_authority_prose(m->authority));
    csb_rich_addf(r, CSB_STYLE_MUTED, " (%s: %d concern%s", name, m->point->concerns,
                  m->point->concerns == 1 ? "" : "s");
    if (m->point->mixed)
        csb_rich_addf(r, CSB_STYLE_MUTED, ", %d mixed", m->point->mixed);
    csb_rich_add(r, CSB_STYLE_MUTED, ")");
    g_free(name);
}

/* Each theme: which peers' latest inspections raise it as a concern, with
 * how much and when, most first; how many raised it only before. */
static void peer_themes(CsbFormatter *fm)
{
    const CsbComparison *c = fm->in->comparison;
    csb_doc_heading(fm->doc, 2, "Themes the peers\u2019 latest inspections raise as concerns");
    csb_doc_para(fm->doc, csb_rich_add(csb_rich_new(), CSB_STYLE_MUTED,
                                       "Each peer counted by its latest inspection only (its "
                                       "date given): those with a paragraph on the theme that "
                                       "is a concern, with how many (and how many mixed); "
                                       "peers whose latest inspection has mixed paragraphs on "
                                       "it only, and those whose earlier reports alone raised "
                                       "it, are counted apart."));
    CsbDocBlock *l = csb_doc_list(fm->doc);
    for (guint i = 0; i < c->peer_themes->len; i++) {
        const CsbPeerTheme *pt = c->peer_themes->pdata[i];
        const CsbThemeStory *ft = fm->focus->themes->pdata[i];
        CsbRich *r = csb_rich_add(csb_rich_new(), CSB_STYLE_BOLD, pt->theme->title);
        csb_rich_addf(r, 0, ": %d of %u peer%s", pt->authorities, c->peers->len,
                      c->peers->len == 1 ? "" : "s");
        for (guint k = 0; k < pt->mentions->len; k++) {
            csb_rich_add(r, 0, k ? "; " : ": ");
            add_mention(fm, r, pt->mentions->pdata[k]);
        }
        if (pt->mixed_only)
            csb_rich_addf(r, CSB_STYLE_MUTED, ". %d more in mixed paragraphs only", pt->mixed_only);
        if (pt->earlier_only)
            csb_rich_addf(r, CSB_STYLE_MUTED, ". %d more only in earlier reports",
                          pt->earlier_only);
        csb_rich_addf(r, CSB_STYLE_MUTED, ". %s\u2019s latest inspection: ",
                      csb_fmt_authority_prose(fm->focus->authority));
        /* In the mentions' words, none too: "0 concerns, 0 mixed", so that
         * the list's items read alike. */
        int concerns = ft->latest ? ft->latest->concerns : 0;
        csb_rich_addf(r, CSB_STYLE_MUTED, "%d concern%s, %d mixed.", concerns,
                      concerns == 1 ? "" : "s", ft->latest ? ft->latest->mixed : 0);
        g_ptr_array_add(l->items, r);
    }
}

void csb_pack_peers(CsbFormatter *fm)
{
    const CsbComparison *c = fm->in->comparison;
    csb_doc_heading_short(fm->doc, 1, "Comparison with peers", "Peers");
    if (!c->peers->len) {
        csb_doc_para(fm->doc, csb_rich_plain(c->missing_peers->len
                                                 ? "None of the comparators named in the config "
                                                   "has reports among those read."
                                                 : "This briefing compares with no other "
                                                   "authority: its config names none. To compare, "
                                                   "add compare_with: [statistical-neighbours] "
                                                   "(or region, or authorities' names)."));
        return;
    }
    peer_names(fm);
    csb_doc_figure(fm->doc, csb_fmt_matrix_chart(c));
    stale_note(fm);
    csb_doc_heading(fm->doc, 2, "Where the group stands");
    csb_doc_figure(fm->doc, csb_fmt_distribution_chart(c));
    csb_doc_table(fm->doc, standing(fm));
    if (c->peer_themes->len)
        peer_themes(fm);
}

/* ---- what this briefing is based on -------------------------------------- */

/* "3 (2015 to 2025)" */
static CsbRich *reports_read(const CsbStory *st)
{
    CsbRich *r = csb_rich_addf(csb_rich_new(), 0, "%u", st->inspections->len);
    char *years = csb_fmt_story_years(st);
    if (years)
        csb_rich_addf(r, CSB_STYLE_MUTED, " (%s)", years);
    g_free(years);
    return r;
}

static void basis_row(CsbFormatter *fm, CsbTable *t, const CsbStory *st)
{
    GPtrArray *row = csb_table_row(t);
    csb_table_cell(row, csb_rich_add(csb_rich_new(), st == fm->focus ? CSB_STYLE_BOLD : 0,
                                     st->authority->name));
    csb_table_cell(row, reports_read(st));
    const CsbInspection *latest = csb_story_latest_graded(st);
    char *name = latest ? csb_fmt_report_name(fm->frameworks, latest) : NULL;
    csb_table_cell(row, name ? csb_rich_plain(name)
                             : csb_rich_add(csb_rich_new(), CSB_STYLE_MUTED, "none read"));
    g_free(name);
    guint files = 0, grades = 0;
    for (guint i = 0; i < st->not_read->len; i++) {
        const CsbNotRead *n = st->not_read->pdata[i];
        files += !n->inspection;
        grades += n->inspection != NULL;
    }
    CsbRich *r = csb_rich_new();
    if (files)
        csb_rich_addf(r, CSB_STYLE_BOLD, "%u report%s not read", files, files == 1 ? "" : "s");
    if (grades)
        csb_rich_addf(r, CSB_STYLE_BOLD, "%s%u with grades not read", files ? "; " : "", grades);
    if (!files && !grades)
        csb_rich_add(r, CSB_STYLE_MUTED, "\u2014");
    csb_table_cell(row, r);
}

/* One item per report not read, or read without grades. */
static void not_read_items(CsbFormatter *fm, CsbDocBlock *l, const CsbStory *st, gboolean files)
{
    for (guint i = 0; i < st->not_read->len; i++) {
        const CsbNotRead *n = st->not_read->pdata[i];
        if ((n->inspection == NULL) != files)
            continue;
        CsbRich *r = csb_rich_add(csb_rich_new(), CSB_STYLE_BOLD,
                                  csb_fmt_authority_prose(st->authority));
        if (n->inspection) {
            char *name = csb_fmt_report_name(fm->frameworks, n->inspection);
            csb_rich_addf(r, 0, ", %s: ", name);
            g_free(name);
        } else {
            char *base = g_path_get_basename(n->file);
            csb_rich_addf(r, 0, ", %s", n->title ? n->title : base);
            if (csb_date_valid(n->date) && !n->title) {
                char *pub = csb_date_long(n->date);
                csb_rich_addf(r, 0, " (published %s)", pub);
                g_free(pub);
            }
            csb_rich_addf(r, CSB_STYLE_MUTED, ", file %s: ", base);
            g_free(base);
        }
        csb_rich_add(r, CSB_STYLE_MUTED, n->why);
        g_ptr_array_add(l->items, r);
    }
}

/* Reports not read (files) or read without grades (!files), for the
 * focus and its peers; FALSE when there are none. */
static gboolean not_read_list(CsbFormatter *fm, gboolean files, const char *heading,
                              const char *lead)
{
    const CsbComparison *c = fm->in->comparison;
    guint n = 0;
    for (guint s = 0; s <= c->peers->len; s++) {
        const CsbStory *st = s == 0 ? c->focus : c->peers->pdata[s - 1];
        for (guint i = 0; i < st->not_read->len; i++)
            n += (((const CsbNotRead *)st->not_read->pdata[i])->inspection == NULL) == files;
    }
    csb_doc_heading(fm->doc, 2, heading);
    if (!n) {
        csb_doc_para(fm->doc, csb_rich_add(csb_rich_new(), CSB_STYLE_MUTED,
                                           files ? "Every report named for these authorities "
                                                   "was read."
                                                 : "Every grade of the reports read was read."));
        return FALSE;
    }
    csb_doc_para(fm->doc, csb_rich_plain(lead))->keep_with_next = TRUE;
    CsbDocBlock *l = csb_doc_list(fm->doc);
    for (guint s = 0; s <= c->peers->len; s++)
        not_read_items(fm, l, s == 0 ? c->focus : c->peers->pdata[s - 1], files);
    return TRUE;
}

void csb_pack_basis(CsbFormatter *fm)
{
    const CsbComparison *c = fm->in->comparison;
    csb_doc_heading(fm->doc, 1, "What this briefing is based on");
    csb_doc_para(fm->doc, csb_rich_plain(
        "The reports read for each authority, the reports that could not be read and why, the "
        "grades that could not be read, and what a reader should know is missing. The sources "
        "list every report read."));
    static const double w[] = {2.6, 1.8, 3.6, 2.6};
    CsbTable *t = csb_table_new(4, w);
    csb_table_header(t, 0, "Authority");
    csb_table_header(t, 1, "Reports read");
    csb_table_header(t, 2, "Latest graded inspection read");
    csb_table_header(t, 3, "Not read");
    for (guint s = 0; s <= c->peers->len; s++)
        basis_row(fm, t, s == 0 ? c->focus : c->peers->pdata[s - 1]);
    csb_doc_table(fm->doc, t);
    not_read_list(fm, TRUE, "Reports not read",
                  "These files were named but could not be read; whose they are and when they "
                  "were published come from the index of the files or their names.");
    not_read_list(fm, FALSE, "Grades not read",
                  "These reports were read, but some of their grades could not be; those grades "
                  "are left out, never guessed.");
    csb_doc_heading(fm->doc, 2, "What a reader should know");
    GPtrArray *gaps = csb_fmt_gaps(fm, TRUE);
    if (!gaps->len) {
        csb_doc_para(fm->doc, csb_rich_add(csb_rich_new(), CSB_STYLE_MUTED,
                                           "Nothing is known to be missing."));
    } else {
        CsbDocBlock *l = csb_doc_list(fm->doc);
        for (guint i = 0; i < gaps->len; i++)
            g_ptr_array_add(l->items, gaps->pdata[i]);
        g_ptr_array_set_free_func(gaps, NULL); /* the list owns them now */
    }
    g_ptr_array_free(gaps, TRUE);
}

/* ---- sources ----------------------------------------------------------- */

static void source_row(CsbFormatter *fm, CsbTable *t, const CsbStory *st, const CsbInspection *in)
{
    GPtrArray *row = csb_table_row(t);
    csb_table_cell(row, csb_rich_plain(st->authority->name));
    CsbRich *what = csb_rich_plain(csb_frameworks_title(fm->frameworks, in->kind));
    char *base = g_path_get_basename(in->file);
    csb_rich_addf(what, CSB_STYLE_MUTED | CSB_STYLE_SMALL, "\n%s", base);
    g_free(base);
    csb_table_cell(row, what);
    char *when = csb_pack_inspection_dates(in);
    CsbRich *dates = csb_rich_plain(when);
    if (csb_date_valid(in->published)) {
        char *pub = csb_date_long(in->published);
        csb_rich_addf(dates, CSB_STYLE_MUTED, "\npublished %s", pub);
        g_free(pub);
    }
    csb_table_cell(row, dates);
    g_free(when);
    csb_table_cell(row, csb_rich_plain(in->lead_inspector ? in->lead_inspector : "\u2014"));
    char *link = csb_fmt_report_link(fm->in, in);
    if (link) {
        const char *shown = link + 4;
        if (g_str_has_prefix(shown, "https://"))
            shown += 8;
        CsbTableCell *cell = csb_table_cell(
            row, csb_rich_add(csb_rich_new(), CSB_STYLE_ACCENT | CSB_STYLE_ADDRESS, shown));
        cell->link = link;
    } else {
        csb_table_cell(row, csb_rich_add(csb_rich_new(), CSB_STYLE_MUTED, "address not known"));
    }
}

void csb_pack_sources(CsbFormatter *fm)
{
    const CsbComparison *c = fm->in->comparison;
    csb_doc_heading(fm->doc, 1, "Sources");
    CsbRich *intro = csb_rich_plain(
        "Every report this briefing used. Ofsted reports are Crown copyright, reused under the "
        "Open Government Licence. Where a report\u2019s own address is not known, the link is "
        "Ofsted\u2019s page for the authority (");
    csb_rich_add(intro, CSB_STYLE_ADDRESS, "reports.ofsted.gov.uk/provider/44/");
    csb_rich_add(intro, 0,
                 " and its unique reference number, URN), which lists all its reports; it is "
                 "given only when the URN is known, from the report\u2019s file name or the "
                 "authority table.");
    csb_doc_para(fm->doc, intro);
    /* Each column as wide as its longest word needs at the table size on A4
     * (8 pt; a file name smaller): the authority one long name unbroken
     * ("Northamptonshire", "Hammersmith and"), the report its file name
     * ("80442-buckinghamshire__2025-05-14.pdf"), the dates the longest range
     * within a month, which never breaks ("11 to 22 September 2023"), the
     * lead inspector the longest name ("Metheringham"), and the address its
     * host and the '/' after it ("reports.ofsted.gov.uk/"), the first place a
     * line may break it (CSB_STYLE_ADDRESS). */
    static const double w[] = {2.0, 3.5, 2.75, 1.7, 2.4};
    CsbTable *t = csb_table_new(5, w);
    csb_table_header(t, 0, "Authority");
    csb_table_header(t, 1, "Report and file");
    csb_table_header(t, 2, "Inspection dates");
    csb_table_header(t, 3, "Lead inspector");
    csb_table_header(t, 4, "Where to read it");
    for (guint s = 0; s <= c->peers->len; s++) {
        const CsbStory *st = s == 0 ? c->focus : c->peers->pdata[s - 1];
        for (guint i = 0; i < st->inspections->len; i++)
            source_row(fm, t, st, st->inspections->pdata[i]);
    }
    csb_doc_table(fm->doc, t);
}
