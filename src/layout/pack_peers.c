/* pack_peers.c - the briefing pack's comparison with peers (the grade
 * matrix, the group's grade distribution, where the authority stands in
 * each area, and which themes the peers' reports raise as concerns) and
 * its sources: every report used, with kind, dates, lead inspector and,
 * when known, where to read it.
 */
#include "pack.h"

static void peer_names(CsbFormatter *fm)
{
    const CsbComparison *c = fm->in->comparison;
    CsbRich *r = csb_rich_addf(csb_rich_new(), 0, "%s is compared with ",
                               fm->focus->authority->name);
    for (guint i = 0; i < c->peers->len; i++)
        csb_rich_addf(r, 0, "%s%s", i == 0 ? "" : i + 1 == c->peers->len ? " and " : ", ",
                      ((const CsbStory *)c->peers->pdata[i])->authority->name);
    csb_rich_add(r, 0, ", on each authority\u2019s latest graded inspection.");
    if (c->missing_peers->len) {
        csb_rich_add(r, CSB_STYLE_MUTED, " No reports were read for ");
        for (guint i = 0; i < c->missing_peers->len; i++)
            csb_rich_addf(r, CSB_STYLE_MUTED, "%s%s",
                          i == 0 ? "" : i + 1 == c->missing_peers->len ? " or " : ", ",
                          ((const CsbAuthority *)c->missing_peers->pdata[i])->name);
        csb_rich_add(r, CSB_STYLE_MUTED, ", so they are left out.");
    }
    csb_doc_para(fm->doc, r);
}

/* Adds to r, for a story, each headline area its latest full inspection
 * did not judge: "Middlesbrough (overall effectiveness, from March 2023)". */
static void add_stale(CsbRich *r, const CsbStory *st, guint *n)
{
    for (guint i = 0; i < st->histories->len; i++) {
        const CsbAreaHistory *h = st->histories->pdata[i];
        if (!h->area->headline || !h->not_judged_since)
            continue;
        char *when = csb_fmt_month_year(csb_inspection_date(csb_history_latest(h)->inspection));
        char *area = g_utf8_strdown(h->area->title, -1);
        csb_rich_addf(r, CSB_STYLE_MUTED, "%s%s (%s, from %s)", (*n)++ ? "; " : "",
                      st->authority->name, area, when);
        g_free(area);
        g_free(when);
    }
}

/* Which cells of the matrix are older than their authority's latest
 * inspection, because it did not judge that area; NULL when none is. */
static CsbRich *stale_note(const CsbComparison *c)
{
    CsbRich *r = csb_rich_add(csb_rich_new(), CSB_STYLE_MUTED,
                              "Not judged at the authority\u2019s latest inspection (inspections "
                              "from April 2026 give no overall grade), so shown from an earlier "
                              "one: ");
    guint n = 0;
    add_stale(r, c->focus, &n);
    for (guint i = 0; i < c->peers->len; i++)
        add_stale(r, c->peers->pdata[i], &n);
    if (!n) {
        csb_rich_free(r);
        return NULL;
    }
    csb_rich_add(r, CSB_STYLE_MUTED, ".");
    return r;
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
        csb_table_align(t, k, PANGO_ALIGN_RIGHT);
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

void csb_pack_peers(CsbFormatter *fm)
{
    const CsbComparison *c = fm->in->comparison;
    csb_doc_heading(fm->doc, 1, "Comparison with peers");
    if (!c->peers->len) {
        csb_doc_para(fm->doc, csb_rich_plain(c->missing_peers->len
                                                 ? "None of the comparators named in the config "
                                                   "has reports among those read."
                                                 : "The config names no comparators."));
        return;
    }
    peer_names(fm);
    csb_doc_figure(fm->doc, csb_fmt_matrix_chart(c));
    CsbRich *stale = stale_note(c);
    if (stale)
        csb_doc_para(fm->doc, stale);
    csb_doc_heading(fm->doc, 2, "Where the group stands");
    csb_doc_figure(fm->doc, csb_fmt_distribution_chart(c));
    csb_doc_table(fm->doc, standing(fm));
    if (c->peer_themes->len) {
        csb_doc_heading(fm->doc, 2, "Themes the peers\u2019 reports raise as concerns");
        CsbDocBlock *l = csb_doc_list(fm->doc);
        for (guint i = 0; i < c->peer_themes->len; i++) {
            const CsbPeerTheme *pt = c->peer_themes->pdata[i];
            CsbRich *r = csb_rich_add(csb_rich_new(), CSB_STYLE_BOLD, pt->theme->title);
            csb_rich_addf(r, 0, ": %d of %u peer%s", pt->authorities, c->peers->len,
                          c->peers->len == 1 ? "" : "s");
            for (guint k = 0; pt->names && k < pt->names->len; k++)
                csb_rich_addf(r, CSB_STYLE_MUTED, "%s%s", k ? ", " : " (",
                              (const char *)pt->names->pdata[k]);
            if (pt->names && pt->names->len)
                csb_rich_add(r, CSB_STYLE_MUTED, ")");
            g_ptr_array_add(l->items, r);
        }
    }
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
    char *when = csb_pack_date_range(in->start, in->end);
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
        CsbTableCell *cell = csb_table_cell(row, csb_rich_add(csb_rich_new(), CSB_STYLE_ACCENT,
                                                              shown));
        cell->link = link;
    } else {
        csb_table_cell(row, csb_rich_add(csb_rich_new(), CSB_STYLE_MUTED, "address not known"));
    }
}

void csb_pack_sources(CsbFormatter *fm)
{
    const CsbComparison *c = fm->in->comparison;
    csb_doc_heading(fm->doc, 1, "Sources");
    csb_doc_para(fm->doc, csb_rich_plain(
        "Every report this briefing used. Ofsted reports are Crown copyright, reused under the "
        "Open Government Licence. Where a report\u2019s own address is not known, the link is "
        "Ofsted\u2019s page for the authority (reports.ofsted.gov.uk/provider/44/ and its unique "
        "reference number, URN), which lists all its reports; it is given only when the URN is "
        "known, from the report\u2019s file name or the authority table."));
    static const double w[] = {1.7, 3.7, 2.5, 1.8, 2.6};
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
