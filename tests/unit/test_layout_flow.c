/* test_layout_flow.c - the flow engine's rules, checked on the boxes it
 * produces for made-up documents: no orphan or widow lines in paragraphs,
 * list items and quotations (at every position on the page), a bullet on
 * the page of its item, a citation with its quotation, headings kept with
 * what follows (a heading and its intro, or a lead-in, with the first item
 * of what they introduce, a list of two items included), table headers
 * repeated, a row taller than a page broken without overflowing, nothing
 * below the bottom margin, contents page numbers that match where the
 * headings fell, no page left mostly blank by
 * a section's short end, a running head naming the section a page opens
 * in (and one following on below it; by short names, whole, when the
 * titles do not fit), a chart's introduction with the
 * chart, no table row alone on either side of a break, no last page
 * holding only a short tail of the table a briefing ends with, no short
 * glossary alone on a last page when closer spacing takes it onto the one
 * before (and spacing as the template says otherwise), no page left short
 * before a members' summary's words (they break after two rows, or are set
 * closer), the grade matrix broken between its rows, and an address broken
 * only after a '/' of its path (or a '-', '_', '?', '&', '='), never in
 * its host.
 */
#include "unit.h"

#include "layout/layout.h"

#include <string.h>

typedef struct {
    CsbTemplate *tpl;
    CsbDiag *diag;
} Env;

static Env env_new(void)
{
    Env e = {NULL, csb_diag_new()};
    e.tpl = csb_template_load("templates/briefing-pack.yaml", e.diag);
    return e;
}

static void env_free(Env *e)
{
    csb_template_free(e->tpl);
    csb_diag_free(e->diag);
}

static CsbLayout *run(Env *e, CsbDoc *doc)
{
    PangoFontMap *fm = csb_fonts_map("fonts", e->diag);
    return csb_layout_run(doc, fm, e->diag);
}

/* Long text of n sentences. */
static char *sentences(int n, const char *word)
{
    GString *s = g_string_new(NULL);
    for (int i = 0; i < n; i++)
        g_string_append_printf(s, "%s %d carries on for a while so that the line fills up and "
                                  "wraps. ",
                               word, i);
    return g_string_free(s, FALSE);
}

static const char *box_text(const CsbBox *b)
{
    return b->kind == CSB_BOX_TEXT && b->layout ? pango_layout_get_text(b->layout) : "";
}

typedef struct {
    int page, from, to;
    double y;
} Piece;

/* The pieces of the text that starts with prefix, in page order. */
static GArray *pieces(const CsbLayout *l, const char *prefix)
{
    GArray *out = g_array_new(FALSE, FALSE, sizeof(Piece));
    for (guint p = 0; p < l->pages->len; p++) {
        const CsbPage *pg = l->pages->pdata[p];
        for (guint i = 0; i < pg->boxes->len; i++) {
            const CsbBox *b = pg->boxes->pdata[i];
            if (g_str_has_prefix(box_text(b), prefix)) {
                Piece pc = {(int)p + 1, b->line_from, b->line_to, b->y};
                g_array_append_val(out, pc);
            }
        }
    }
    return out;
}

/* Filler: n one-line paragraphs pushing what follows down the page. */
static void filler(CsbDoc *d, int n)
{
    for (int i = 0; i < n; i++)
        csb_doc_para(d, csb_rich_addf(csb_rich_new(), 0, "Filler line %d.", i));
}

/* A page of text after what a test places: the last page is then not
 * short, so the briefing is never set tighter to save it (see
 * test_short_last_page) and what is tested stays where the lead put it. */
static void closing(CsbDoc *d)
{
    char *text = sentences(60, "Closing");
    csb_doc_para(d, csb_rich_plain(text));
    g_free(text);
}

static gboolean pieces_keep_two_lines(GArray *ps, int *bad_from, int *bad_to)
{
    for (guint i = 0; ps->len > 1 && i < ps->len; i++) {
        Piece p = g_array_index(ps, Piece, i);
        if (p.to - p.from < 2) {
            *bad_from = p.from;
            *bad_to = p.to;
            return FALSE;
        }
    }
    return TRUE;
}

static void test_paragraph_orphans_widows(void)
{
    Env e = env_new();
    char *text = sentences(16, "Paragraph");
    int failures = 0, splits = 0;
    for (int lead = 0; lead < 70; lead++) {
        CsbDoc *d = csb_doc_new(e.tpl);
        filler(d, lead);
        csb_doc_para(d, csb_rich_plain(text));
        CsbLayout *l = run(&e, d);
        GArray *ps = pieces(l, "Paragraph 0");
        int from = 0, to = 0;
        if (ps->len > 1)
            splits++;
        if (!pieces_keep_two_lines(ps, &from, &to)) {
            failures++;
            printf("# lead %d: a piece of lines %d-%d\n", lead, from, to);
        }
        g_array_free(ps, TRUE);
        csb_layout_free(l);
        csb_doc_free(d);
    }
    CHECK(splits > 0, "paragraph: the test reaches page breaks (%d splits)", splits);
    CHECK(failures == 0, "paragraph: no orphan or widow at any of 70 positions (%d bad)",
          failures);
    g_free(text);
    env_free(&e);
}

static void test_short_paragraph_moves_whole(void)
{
    Env e = env_new();
    int split = 0;
    for (int lead = 40; lead < 70; lead++) {
        CsbDoc *d = csb_doc_new(e.tpl);
        filler(d, lead);
        csb_doc_para(d, csb_rich_plain("Short one carries on for a while so that the line "
                                       "fills up and wraps. Short two carries on for a while so "
                                       "that the line fills up and wraps. Short three ends."));
        CsbLayout *l = run(&e, d);
        GArray *ps = pieces(l, "Short one");
        split += ps->len != 1;
        g_array_free(ps, TRUE);
        csb_layout_free(l);
        csb_doc_free(d);
    }
    CHECK(split == 0, "a paragraph of three lines or fewer is never split (%d were)", split);
    env_free(&e);
}

static void test_list_items(void)
{
    Env e = env_new();
    int bad_pieces = 0, lost_bullets = 0;
    for (int lead = 30; lead < 70; lead++) {
        CsbDoc *d = csb_doc_new(e.tpl);
        filler(d, lead);
        CsbDocBlock *list = csb_doc_list(d);
        for (int i = 0; i < 4; i++) {
            char *t = sentences(5, i == 0 ? "Itema" : i == 1 ? "Itemb" : i == 2 ? "Itemc" : "Itemd");
            g_ptr_array_add(list->items, csb_rich_plain(t));
            g_free(t);
        }
        CsbLayout *l = run(&e, d);
        const char *names[] = {"Itema", "Itemb", "Itemc", "Itemd"};
        for (int i = 0; i < 4; i++) {
            GArray *ps = pieces(l, names[i]);
            int from, to;
            bad_pieces += !pieces_keep_two_lines(ps, &from, &to);
            /* The item's first line and a bullet share a page and a top. */
            Piece first = g_array_index(ps, Piece, 0);
            const CsbPage *pg = l->pages->pdata[first.page - 1];
            gboolean found = FALSE;
            for (guint k = 0; k < pg->boxes->len; k++) {
                const CsbBox *b = pg->boxes->pdata[k];
                if (strcmp(box_text(b), "\u2022") == 0 && ABS(b->y - first.y) < 0.5)
                    found = TRUE;
            }
            lost_bullets += !found;
            g_array_free(ps, TRUE);
        }
        csb_layout_free(l);
        csb_doc_free(d);
    }
    CHECK(bad_pieces == 0, "list items: no orphan or widow lines (%d bad)", bad_pieces);
    CHECK(lost_bullets == 0, "list items: each bullet is on the page of its item's first line "
                             "(%d lost)", lost_bullets);
    env_free(&e);
}

static void test_last_item_and_lead_in(void)
{
    Env e = env_new();
    int lonely = 0, lead_alone = 0;
    for (int lead = 40; lead < 75; lead++) {
        CsbDoc *d = csb_doc_new(e.tpl);
        filler(d, lead);
        csb_doc_para(d, csb_rich_plain("Lead-in to the list:"))->keep_with_next = TRUE;
        CsbDocBlock *list = csb_doc_list(d);
        g_ptr_array_add(list->items, csb_rich_plain("Point one."));
        g_ptr_array_add(list->items, csb_rich_plain("Point two."));
        g_ptr_array_add(list->items, csb_rich_plain("Point three."));
        CsbLayout *l = run(&e, d);
        GArray *in = pieces(l, "Lead-in"), *one = pieces(l, "Point one");
        GArray *two = pieces(l, "Point two"), *three = pieces(l, "Point three");
        lead_alone += g_array_index(in, Piece, 0).page != g_array_index(one, Piece, 0).page;
        lonely += g_array_index(two, Piece, 0).page != g_array_index(three, Piece, 0).page;
        g_array_free(in, TRUE);
        g_array_free(one, TRUE);
        g_array_free(two, TRUE);
        g_array_free(three, TRUE);
        csb_layout_free(l);
        csb_doc_free(d);
    }
    CHECK(lonely == 0, "a list's last item never starts a page alone (%d did)", lonely);
    CHECK(lead_alone == 0, "a lead-in paragraph stays with what it introduces (%d did not)",
          lead_alone);
    env_free(&e);
}

/* A heading and the paragraph under it that introduces a list (not marked
 * as a lead-in: "Each peer counted by ...") never end a page whose next
 * one holds the whole list; nor does a heading, or a lead-in, before a
 * list of two items, whose first keeps the start of the last. */
static void test_heading_intro(void)
{
    Env e = env_new();
    int alone[3] = {0, 0, 0};
    char *intro = sentences(3, "Intro"), *item = sentences(3, "Item");
    /* What must share the page with the first item: the intro and its
     * heading; the heading over two items; the lead-in to two items. */
    static const char *const first[] = {"Heading with an intro", "Heading over two items",
                                        "A lead-in to two items"};
    for (int k = 0; k < 3; k++) {
        for (int lead = 20; lead < 100; lead++) {
            CsbDoc *d = csb_doc_new(e.tpl);
            filler(d, lead);
            if (k == 0) {
                csb_doc_heading(d, 2, first[k]);
                csb_doc_para(d, csb_rich_plain(intro));
            } else if (k == 1) {
                csb_doc_heading(d, 2, first[k]);
            } else {
                csb_doc_para(d, csb_rich_plain(first[k]))->keep_with_next = TRUE;
            }
            CsbDocBlock *list = csb_doc_list(d);
            for (int i = 0; i < (k ? 2 : 4); i++)
                g_ptr_array_add(list->items,
                                csb_rich_addf(csb_rich_new(), 0, "Point %d %s", i, k ? intro : item));
            /* A page of its own after it: never set tighter, so the
             * positions swept are the ones tested. */
            csb_doc_page_break(d);
            closing(d);
            CsbLayout *l = run(&e, d);
            GArray *a = pieces(l, first[k]), *in = pieces(l, "Intro 0"), *p = pieces(l, "Point 0");
            int at = g_array_index(p, Piece, 0).page;
            alone[k] += g_array_index(a, Piece, 0).page != at ||
                        (k == 0 && g_array_index(in, Piece, in->len - 1).page != at);
            g_array_free(a, TRUE);
            g_array_free(in, TRUE);
            g_array_free(p, TRUE);
            csb_layout_free(l);
            csb_doc_free(d);
        }
    }
    CHECK(alone[0] == 0, "a heading and its intro stay with the first item of the list they "
                         "introduce (%d did not)",
          alone[0]);
    CHECK(alone[1] == 0, "a heading stays with the first of a list of two items (%d did not)",
          alone[1]);
    CHECK(alone[2] == 0, "a lead-in stays with the first of a list of two items (%d did not)",
          alone[2]);
    g_free(intro);
    g_free(item);
    env_free(&e);
}

static void test_quote_citation(void)
{
    Env e = env_new();
    int apart = 0, bad = 0, splits = 0;
    char *q = sentences(6, "Quoted");
    for (int lead = 30; lead < 72; lead++) {
        CsbDoc *d = csb_doc_new(e.tpl);
        filler(d, lead);
        csb_doc_quote(d, q, csb_rich_plain("Citation for the quote, paragraph 12"));
        closing(d);
        CsbLayout *l = run(&e, d);
        GArray *ps = pieces(l, "\u201CQuoted 0");
        GArray *cs = pieces(l, "Citation for the quote");
        int from, to;
        splits += ps->len > 1;
        bad += !pieces_keep_two_lines(ps, &from, &to);
        Piece last = g_array_index(ps, Piece, ps->len - 1);
        apart += cs->len != 1 || g_array_index(cs, Piece, 0).page != last.page;
        g_array_free(ps, TRUE);
        g_array_free(cs, TRUE);
        csb_layout_free(l);
        csb_doc_free(d);
    }
    CHECK(splits > 0, "quotation: the test reaches page breaks (%d splits)", splits);
    CHECK(bad == 0, "quotation: no orphan or widow lines (%d bad)", bad);
    CHECK(apart == 0, "quotation: the citation is always on the page of the last lines (%d "
                      "apart)", apart);
    g_free(q);
    env_free(&e);
}

static void test_heading_kept_with_next(void)
{
    Env e = env_new();
    int alone = 0;
    char *text = sentences(6, "Body");
    for (int lead = 40; lead < 72; lead++) {
        CsbDoc *d = csb_doc_new(e.tpl);
        filler(d, lead);
        csb_doc_heading(d, 2, "Second-level heading");
        csb_doc_heading(d, 3, "Third-level heading");
        csb_doc_para(d, csb_rich_plain(text));
        CsbLayout *l = run(&e, d);
        GArray *h2 = pieces(l, "Second-level heading");
        GArray *h3 = pieces(l, "Third-level heading");
        GArray *body = pieces(l, "Body 0");
        int p2 = g_array_index(h2, Piece, 0).page, p3 = g_array_index(h3, Piece, 0).page;
        Piece b = g_array_index(body, Piece, 0);
        alone += p2 != p3 || p3 != b.page || b.to - b.from < 2;
        g_array_free(h2, TRUE);
        g_array_free(h3, TRUE);
        g_array_free(body, TRUE);
        csb_layout_free(l);
        csb_doc_free(d);
    }
    CHECK(alone == 0, "stacked headings stay with two lines of what follows (%d left alone)",
          alone);
    g_free(text);
    env_free(&e);
}

/* Bottom of the lines a text box shows, in page points. */
static double text_bottom(const CsbBox *b)
{
    PangoLayoutIter *it = pango_layout_get_iter(b->layout);
    double bottom = b->y;
    int i = 0;
    do {
        int y0, y1;
        pango_layout_iter_get_line_yrange(it, &y0, &y1);
        if (i >= b->line_from && i < b->line_to)
            bottom = b->y + (double)y1 / PANGO_SCALE;
        i++;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    return bottom;
}

static gboolean is_furniture(const CsbTemplate *t, const CsbBox *b)
{
    return b->y < t->margin_top - 1 || b->y > t->page_h - t->margin_bottom - 0.5;
}

static int overflowing_boxes(const CsbTemplate *t, const CsbLayout *l)
{
    int n = 0;
    for (guint p = 0; p < l->pages->len; p++) {
        const CsbPage *pg = l->pages->pdata[p];
        for (guint i = 0; i < pg->boxes->len; i++) {
            const CsbBox *b = pg->boxes->pdata[i];
            if (b->kind != CSB_BOX_TEXT || is_furniture(t, b))
                continue;
            if (text_bottom(b) > t->page_h - t->margin_bottom + 0.5) {
                printf("# page %u: '%.30s' ends at %.1f\n", p + 1, box_text(b), text_bottom(b));
                n++;
            }
        }
    }
    return n;
}

static void test_table_headers_and_tall_rows(void)
{
    Env e = env_new();
    CsbDoc *d = csb_doc_new(e.tpl);
    static const double w[] = {1, 3};
    CsbTable *t = csb_table_new(2, w);
    csb_table_header(t, 0, "Column A");
    csb_table_header(t, 1, "Column B");
    for (int i = 0; i < 90; i++) {
        GPtrArray *row = csb_table_row(t);
        csb_table_cell(row, csb_rich_addf(csb_rich_new(), 0, "Row %d", i));
        char *long_text = i == 45 ? sentences(320, "Tall") : g_strdup("short");
        csb_table_cell(row, csb_rich_plain(long_text));
        g_free(long_text);
    }
    csb_doc_table(d, t);
    CsbLayout *l = run(&e, d);
    GArray *heads = pieces(l, "Column A");
    GArray *rows = pieces(l, "Row ");
    GArray *tall = pieces(l, "Tall 0");
    int tall_pages = (int)tall->len;
    CHECK(tall_pages >= 3, "a row taller than a page is broken across %d pages", tall_pages);
    CHECK(heads->len == l->pages->len && rows->len == 90,
          "the header row is on every page the table reaches (%u headers, %u pages)",
          heads->len, l->pages->len);
    int heads_at_top = 0;
    for (guint i = 0; i < heads->len; i++)
        heads_at_top += g_array_index(heads, Piece, i).y < e.tpl->margin_top + 8;
    CHECK(heads_at_top == (int)heads->len, "every repeated header is at the top of its page");
    CHECK(overflowing_boxes(e.tpl, l) == 0, "no table text runs below the bottom margin");
    g_array_free(heads, TRUE);
    g_array_free(rows, TRUE);
    g_array_free(tall, TRUE);
    csb_layout_free(l);
    csb_doc_free(d);
    env_free(&e);
}

static void test_contents_numbers(void)
{
    Env e = env_new();
    CsbDoc *d = csb_doc_new(e.tpl);
    csb_doc_contents(d);
    char *text = sentences(40, "Section text");
    for (int i = 0; i < 14; i++) {
        char *title = g_strdup_printf("Section %02d", i);
        csb_doc_heading(d, 1, title);
        csb_doc_para(d, csb_rich_plain(text));
        if (i % 3 == 0) {
            char *sub = g_strdup_printf("Subsection %02d", i);
            csb_doc_heading(d, 2, sub);
            csb_doc_para(d, csb_rich_plain(text));
            g_free(sub);
        }
        g_free(title);
    }
    CsbLayout *l = run(&e, d);
    /* Numbers on the contents page(s), top to bottom, right of the titles. */
    GPtrArray *numbers = g_ptr_array_new();
    for (guint p = 0; p < l->pages->len; p++) {
        const CsbPage *pg = l->pages->pdata[p];
        if (g_strcmp0(pg->section.title, "Contents") != 0)
            continue;
        for (guint i = 0; i < pg->boxes->len; i++) {
            const CsbBox *b = pg->boxes->pdata[i];
            const char *s = box_text(b);
            if (*s && strspn(s, "0123456789") == strlen(s) && !is_furniture(e.tpl, b))
                g_ptr_array_add(numbers, (gpointer)s);
        }
    }
    guint expected = 0, matched = 0;
    for (guint i = 0; i < l->outline->len; i++) {
        const CsbOutlineEntry *o = l->outline->pdata[i];
        if (strcmp(o->anchor, "contents") == 0)
            continue;
        if (expected < numbers->len && atoi(numbers->pdata[expected]) == o->page)
            matched++;
        expected++;
    }
    CHECK(numbers->len == expected, "contents: one page number per heading (%u for %u)",
          numbers->len, expected);
    CHECK(matched == expected, "contents: every number is the page its heading is on (%u of %u)",
          matched, expected);
    CHECK(l->outline->len == 14 + 5 + 1, "outline: every section, subsection and the contents "
                                         "(%u entries)", l->outline->len);
    /* Each level 1 heading starts a page of its own. */
    int starts = 0;
    for (int i = 0; i < 14; i++) {
        char *title = g_strdup_printf("Section %02d", i);
        GArray *ps = pieces(l, title);
        /* The last piece: the first is the contents entry. */
        starts += g_array_index(ps, Piece, ps->len - 1).y < e.tpl->margin_top + 1;
        g_array_free(ps, TRUE);
        g_free(title);
    }
    CHECK(starts == 14, "each top-level section starts at the top of a page (%d of 14)", starts);
    g_ptr_array_free(numbers, TRUE);
    g_free(text);
    csb_layout_free(l);
    csb_doc_free(d);
    env_free(&e);
}

static void test_nothing_below_margin(void)
{
    Env e = env_new();
    CsbDoc *d = csb_doc_new(e.tpl);
    char *text = sentences(7, "Mixed");
    for (int i = 0; i < 30; i++) {
        csb_doc_heading(d, i % 5 == 0 ? 1 : 2, "A heading");
        csb_doc_para(d, csb_rich_plain(text));
        csb_doc_quote(d, text, csb_rich_plain("Source, paragraph 1"));
        csb_doc_callout(d, CSB_CALLOUT_NOTE, csb_rich_plain(text));
        CsbDocBlock *list = csb_doc_list(d);
        g_ptr_array_add(list->items, csb_rich_plain(text));
        g_ptr_array_add(list->items, csb_rich_plain("short item"));
    }
    CsbLayout *l = run(&e, d);
    CHECK(l->pages->len > 10, "a long mixed document flows over %u pages", l->pages->len);
    CHECK(overflowing_boxes(e.tpl, l) == 0, "no text of any block runs below the bottom margin");
    g_free(text);
    csb_layout_free(l);
    csb_doc_free(d);
    env_free(&e);
}

/* How full a page is: the bottom of its lowest text, as a share of the
 * room between the margins. */
static double page_fill(const CsbTemplate *t, const CsbPage *pg)
{
    double lowest = t->margin_top;
    for (guint i = 0; i < pg->boxes->len; i++) {
        const CsbBox *b = pg->boxes->pdata[i];
        if (b->kind == CSB_BOX_TEXT && !is_furniture(t, b))
            lowest = MAX(lowest, text_bottom(b));
        if (b->kind == CSB_BOX_CHART)
            lowest = MAX(lowest, b->y + b->h);
    }
    return (lowest - t->margin_top) / (t->page_h - t->margin_top - t->margin_bottom);
}

/* A table of rows rows ("Row 0" ... beside cell), headed "Head" and
 * "Words", at the end of d. */
static void rows_table(CsbDoc *d, int rows, const char *cell)
{
    CsbTable *t = csb_table_new(2, NULL);
    csb_table_header(t, 0, "Head");
    csb_table_header(t, 1, "Words");
    for (int i = 0; i < rows; i++) {
        GPtrArray *row = csb_table_row(t);
        csb_table_cell(row, csb_rich_addf(csb_rich_new(), 0, "Row %d", i));
        csb_table_cell(row, csb_rich_plain(cell));
    }
    csb_doc_table(d, t);
}

/* "Section one" (lead lines of filler and a list of four items), then
 * "Section two" (one paragraph of text): section one's end falls anywhere
 * on its page as lead grows. */
static CsbDoc *two_sections(CsbTemplate *tpl, int lead, const char *item, const char *text)
{
    CsbDoc *d = csb_doc_new(tpl);
    csb_doc_heading(d, 1, "Section one");
    filler(d, lead);
    CsbDocBlock *list = csb_doc_list(d);
    for (int i = 0; i < 4; i++)
        g_ptr_array_add(list->items, csb_rich_plain(item));
    csb_doc_heading(d, 1, "Section two");
    csb_doc_para(d, csb_rich_plain(text));
    return d;
}

/* A section ending with a little on a page of its own (two bullets of a
 * list) does not leave that page mostly blank: the next section follows
 * on below it. A section whose end fills more of its page, or that began
 * on that page, is followed by a new page as before. */
static void test_short_section_end(void)
{
    Env e = env_new();
    int blank = 0, follows = 0, starts = 0, page_starts = 0;
    char *item = sentences(3, "Tail"), *text = sentences(30, "Long");
    char *shorter = sentences(3, "Short");
    for (int lead = 30; lead < 110; lead += 2) {
        CsbDoc *d = two_sections(e.tpl, lead, item, text);
        csb_doc_heading(d, 1, "Section three");
        csb_doc_para(d, csb_rich_plain(shorter));
        csb_doc_heading(d, 1, "Section four");
        csb_doc_para(d, csb_rich_plain(shorter));
        CsbLayout *l = run(&e, d);
        GArray *two = pieces(l, "Section two"), *three = pieces(l, "Section three");
        GArray *four = pieces(l, "Section four");
        Piece p2 = g_array_index(two, Piece, 0), p3 = g_array_index(three, Piece, 0);
        Piece p4 = g_array_index(four, Piece, 0);
        /* Up to the page section three is on: sections one and two end there. */
        for (int p = 0; p + 1 < p3.page; p++)
            if (page_fill(e.tpl, l->pages->pdata[p]) < 0.25) {
                blank++;
                printf("# lead %d: page %d is %.0f%% full\n", lead, p + 1,
                       100 * page_fill(e.tpl, l->pages->pdata[p]));
            }
        gboolean top2 = p2.y < e.tpl->margin_top + 1, top3 = p3.y < e.tpl->margin_top + 1;
        follows += !top2 + !top3;
        starts += top2 + top3;
        /* Section three began on its page: four starts a page of its own. */
        page_starts += p4.page == p3.page + 1 && p4.y < e.tpl->margin_top + 1;
        g_array_free(two, TRUE);
        g_array_free(three, TRUE);
        g_array_free(four, TRUE);
        csb_layout_free(l);
        csb_doc_free(d);
    }
    CHECK(follows > 0 && starts > 0, "section ends of every size are met (%d sections followed "
                                     "on, %d started a page)", follows, starts);
    CHECK(blank == 0, "no page is left less than a quarter full by a section's end (%d were)",
          blank);
    CHECK(page_starts == 40, "a section that began on its page is followed by a new page "
                             "(%d of 40)", page_starts);
    g_free(item);
    g_free(text);
    g_free(shorter);
    env_free(&e);
}

/* The section named in a page's running head (the text of the header
 * that is not the running title), or "". */
static const char *running_section(const CsbTemplate *t, const CsbPage *pg)
{
    for (guint i = 0; i < pg->boxes->len; i++) {
        const CsbBox *b = pg->boxes->pdata[i];
        if (b->kind == CSB_BOX_TEXT && b->y < t->margin_top - 1 && *box_text(b))
            return box_text(b);
    }
    return "";
}

/* The running head names the section a page opens in, first: on a page
 * where a section follows on below the short end of the one before, the
 * one before, then the new one; on a page a section starts at the top of,
 * that section alone. */
static void test_running_head(void)
{
    Env e = env_new();
    int follow_ons = 0, tops = 0, wrong = 0;
    char *item = sentences(3, "Tail"), *text = sentences(30, "Long");
    for (int lead = 30; lead < 110; lead += 2) {
        CsbDoc *d = two_sections(e.tpl, lead, item, text);
        CsbLayout *l = run(&e, d);
        GArray *two = pieces(l, "Section two");
        Piece p2 = g_array_index(two, Piece, 0);
        const char *head = running_section(e.tpl, l->pages->pdata[p2.page - 1]);
        gboolean top = p2.y < e.tpl->margin_top + 1;
        const char *want = top ? "Section two" : "Section one \u00B7 Section two";
        follow_ons += !top;
        tops += top;
        if (strcmp(head, want) != 0) {
            wrong++;
            printf("# lead %d: page %d's head says '%s', want '%s'\n", lead, p2.page, head,
                   want);
        }
        /* The page after: in section two from its top. */
        if ((guint)p2.page < l->pages->len &&
            strcmp(running_section(e.tpl, l->pages->pdata[p2.page]), "Section two") != 0)
            wrong++;
        g_array_free(two, TRUE);
        csb_layout_free(l);
        csb_doc_free(d);
    }
    CHECK(follow_ons > 0 && tops > 0, "running head: sections that follow on and that start a "
                                      "page are met (%d, %d)", follow_ons, tops);
    CHECK(wrong == 0, "running head: a page names the section it opens in first, and a "
                      "section following on below second (%d wrong)", wrong);
    g_free(item);
    g_free(text);
    env_free(&e);
}

/* The running head's box on a page (its section), or NULL. */
static const CsbBox *running_box(const CsbTemplate *t, const CsbPage *pg)
{
    for (guint i = 0; i < pg->boxes->len; i++) {
        const CsbBox *b = pg->boxes->pdata[i];
        if (b->kind == CSB_BOX_TEXT && b->y < t->margin_top - 1 && *box_text(b) &&
            pango_layout_get_alignment(b->layout) == PANGO_ALIGN_RIGHT)
            return b;
    }
    return NULL;
}

/* Does text fit whole, on one line, in the running head box b? */
static gboolean fits(const CsbBox *b, const char *text)
{
    PangoLayout *l = pango_layout_copy(b->layout);
    pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_NONE);
    pango_layout_set_width(l, -1);
    pango_layout_set_text(l, text, -1);
    int w, h;
    pango_layout_get_size(l, &w, &h);
    g_object_unref(l);
    return w <= pango_layout_get_width(b->layout);
}

/* A running head names the page's sections by the first of these that
 * fits whole: both titles, both short names, the section the page opens
 * in alone by its title, then by its short name; one section by its title,
 * then its short name. Never cut with an ellipsis when one of them fits.
 * (Two briefing titles, the second long, leave the head less room; two
 * pairs of short names, the second longer, fit it or not.) */
static void test_running_head_whole(void)
{
    Env e = env_new();
    static const char *const runnings[] = {
        "Pre-inspection briefing \u2014 Kent",
        "Pre-inspection briefing \u2014 Bournemouth, Christchurch and Poole, a long name"};
    static const char *const shorts[][2] = {
        {"Theme: Care leavers", "Theme: Front door"},
        {"Theme: Care leavers and their homes", "Theme: Front door and thresholds"}};
    int cut = 0, wrong = 0, chose[4] = {0};
    char *item = sentences(3, "Tail"), *text = sentences(30, "Long");
    for (int r = 0; r < 2; r++)
        for (int k = 0; k < 2; k++)
            for (int lead = 30; lead < 110; lead += 4) {
                CsbDoc *d = csb_doc_new(e.tpl);
                d->running_title = g_strdup(runnings[r]);
                csb_doc_heading_short(d, 1, "Theme: Care leavers' accommodation and support",
                                      shorts[k][0]);
                filler(d, lead);
                CsbDocBlock *list = csb_doc_list(d);
                for (int i = 0; i < 4; i++)
                    g_ptr_array_add(list->items, csb_rich_plain(item));
                csb_doc_heading_short(d, 1, "Theme: Front door, thresholds and the MASH/MACH",
                                      shorts[k][1]);
                csb_doc_para(d, csb_rich_plain(text));
                CsbLayout *l = run(&e, d);
                for (guint p = 0; p < l->pages->len; p++) {
                    const CsbPage *pg = l->pages->pdata[p];
                    const CsbBox *b = running_box(e.tpl, pg);
                    if (!b)
                        continue;
                    const CsbSectionName *x = &pg->section, *y = &pg->section_then;
                    char *want[4] = {NULL, NULL, g_strdup(x->title),
                                     g_strdup(x->short_title)};
                    if (y->title) {
                        want[0] = g_strdup_printf("%s \u00B7 %s", x->title, y->title);
                        want[1] = g_strdup_printf("%s \u00B7 %s", x->short_title,
                                                  y->short_title);
                    }
                    int first = 3;
                    for (int i = 3; i >= 0; i--)
                        if (want[i] && fits(b, want[i]))
                            first = i;
                    if (strcmp(box_text(b), want[first]) != 0) {
                        wrong++;
                        printf("# page %u names '%s', want '%s'\n", p + 1, box_text(b),
                               want[first]);
                    }
                    chose[first] += y->title != NULL;
                    cut += pango_layout_is_ellipsized(b->layout);
                    for (int i = 0; i < 4; i++)
                        g_free(want[i]);
                }
                csb_layout_free(l);
                csb_doc_free(d);
            }
    CHECK(chose[1] > 0 && chose[2] + chose[3] > 0,
          "running head: pages naming two sections by short names (%d), and the first alone "
          "(%d), are met", chose[1], chose[2] + chose[3]);
    CHECK(wrong == 0, "running head: the first of titles, short names, the first alone that "
                      "fits whole (%d not)", wrong);
    CHECK(cut == 0, "running head: never cut with an ellipsis when a name fits (%d cut)", cut);
    g_free(item);
    g_free(text);
    env_free(&e);
}

/* A short introduction to a chart is never left at the foot of a page
 * without it: a section follows on below a short end only with the start
 * of its chart beside its introduction. */
static void test_section_start_with_chart(void)
{
    Env e = env_new();
    int apart = 0, cases = 0;
    char *tail = sentences(2, "Tail"), *intro = sentences(7, "Intro"); /* over three lines */
    for (int lead = 40; lead < 110; lead += 3) {
        CsbDoc *d = csb_doc_new(e.tpl);
        csb_doc_heading(d, 1, "Section one");
        filler(d, lead);
        csb_doc_para(d, csb_rich_plain(tail));
        csb_doc_heading(d, 1, "Section two");
        csb_doc_para(d, csb_rich_plain(intro));
        CsbChart *c = csb_chart_new(CSB_CHART_DISTRIBUTION, "Bars");
        for (int i = 0; i < 24; i++)
            csb_chart_add_row(c, "Row");
        csb_chart_fit(c);
        csb_doc_figure(d, c);
        CsbLayout *l = run(&e, d);
        GArray *in = pieces(l, "Intro 0");
        int chart_page = 0;
        for (guint p = 0; p < l->pages->len && !chart_page; p++) {
            const CsbPage *pg = l->pages->pdata[p];
            for (guint i = 0; i < pg->boxes->len; i++)
                if (((const CsbBox *)pg->boxes->pdata[i])->kind == CSB_BOX_CHART)
                    chart_page = (int)p + 1;
        }
        cases++;
        apart += g_array_index(in, Piece, 0).page != chart_page;
        g_array_free(in, TRUE);
        csb_layout_free(l);
        csb_doc_free(d);
    }
    CHECK(apart == 0, "a chart's introduction is on the chart's page (%d of %d apart)", apart,
          cases);
    g_free(tail);
    g_free(intro);
    env_free(&e);
}

/* Rows of a table (at every position on the page, tables of two to six
 * rows, with a paragraph after them): never one alone on either side of a
 * page break. */
static void test_table_rows_two_each_side(void)
{
    Env e = env_new();
    int lonely = 0, splits = 0;
    char *cell = sentences(2, "Cell");
    for (int rows = 2; rows <= 6; rows++)
        for (int lead = 40; lead < 75; lead++) {
            CsbDoc *d = csb_doc_new(e.tpl);
            filler(d, lead);
            rows_table(d, rows, cell);
            closing(d); /* not the briefing's last block (see test_last_table) */
            CsbLayout *l = run(&e, d);
            GArray *ps = pieces(l, "Row ");
            int per_page[8] = {0};
            for (guint i = 0; i < ps->len; i++)
                per_page[MIN(g_array_index(ps, Piece, i).page, 7)]++;
            int pages = 0;
            for (int p = 0; p < 8; p++)
                if (per_page[p]) {
                    pages++;
                    lonely += per_page[p] == 1;
                }
            splits += pages > 1;
            g_array_free(ps, TRUE);
            csb_layout_free(l);
            csb_doc_free(d);
        }
    CHECK(splits > 0, "tables: the test reaches page breaks (%d splits)", splits);
    CHECK(lonely == 0, "tables: no row alone on a page under the header (%d were)", lonely);
    g_free(cell);
    env_free(&e);
}

/* Where a briefing's closing words fell: lead lines of filler, then (on a
 * page of their own when own_page) the heading "Words used" and a table of
 * rows rows of cell, laid out with tpl; the pages of its first and last
 * rows and of its heading, and how many rows each of those pages holds. */
typedef struct {
    int first, last, heading, on_first, on_last;
    guint pages;
    double before;    /* how full the page before its first row is (0: none) */
    double last_fill; /* how full the page of its last row is */
} WordsAt;

static WordsAt words_at(Env *e, CsbTemplate *tpl, int lead, int rows, const char *cell,
                        gboolean own_page)
{
    CsbDoc *d = csb_doc_new(tpl);
    filler(d, lead);
    if (own_page)
        csb_doc_page_break(d);
    csb_doc_heading(d, 2, "Words used");
    rows_table(d, rows, cell);
    CsbLayout *l = run(e, d);
    GArray *ps = pieces(l, "Row "), *head = pieces(l, "Words used");
    WordsAt w = {g_array_index(ps, Piece, 0).page, g_array_index(ps, Piece, ps->len - 1).page,
                 g_array_index(head, Piece, 0).page, 0, 0, l->pages->len, 0, 0};
    for (guint i = 0; i < ps->len; i++) {
        w.on_first += g_array_index(ps, Piece, i).page == w.first;
        w.on_last += g_array_index(ps, Piece, i).page == w.last;
    }
    if (w.first > 1)
        w.before = page_fill(tpl, l->pages->pdata[w.first - 2]);
    w.last_fill = page_fill(tpl, l->pages->pdata[w.last - 1]);
    g_array_free(ps, TRUE);
    g_array_free(head, TRUE);
    csb_layout_free(l);
    csb_doc_free(d);
    return w;
}

/* The table a briefing ends with (the sources of a pack, the words of a
 * members' summary) never leaves a last page holding only a short tail of
 * it when it can help it: wherever it starts, a long one that breaks
 * leaves at least a quarter of a page on the last page; a short one under
 * its heading, too short for that, fits whole, moves whole with its
 * heading, or breaks after its first two rows (the most a break can leave
 * on the last page), never elsewhere. */
static void test_last_table(void)
{
    Env e = env_new();
    int splits = 0, short_tails = 0, lonely = 0, whole = 0, apart = 0, cases = 0;
    int short_splits = 0, short_bad = 0;
    char *cell = sentences(2, "Cell");
    for (int rows = 5; rows <= 40; rows += 35)
        for (int lead = 0; lead < 75; lead++) {
            WordsAt w = words_at(&e, e.tpl, lead, rows, cell, FALSE);
            cases++;
            if (rows == 5) {
                whole += w.first == w.last;
                short_splits += w.first != w.last;
                if (w.first != w.last && (w.on_first != 2 || w.last != w.first + 1)) {
                    short_bad++;
                    printf("# lead %d: the short table broke after %d rows\n", lead, w.on_first);
                }
                apart += w.heading != w.first;
            } else if (w.first != w.last) {
                splits++;
                lonely += w.on_last < 2;
                double fill = w.last_fill;
                if (fill < 0.25) {
                    short_tails++;
                    printf("# lead %d: the last page holds %d rows, %.0f%% of it\n", lead,
                           w.on_last, 100 * fill);
                }
            }
        }
    CHECK(splits > 0, "last table: the test reaches page breaks (%d splits)", splits);
    CHECK(short_tails == 0 && lonely == 0, "last table: a last page holds a quarter of a page "
                                           "of it at least (%d held less)", short_tails);
    CHECK(whole + short_splits == cases / 2 && short_bad == 0 && apart == 0,
          "last table: a short one is whole on a page, with its heading, or breaks after its "
          "first two rows (%d of %d whole, %d broken, %d elsewhere, %d apart)", whole,
          cases / 2, short_splits, short_bad, apart);
    g_free(cell);
    env_free(&e);
}

/* The y of the first piece of the text starting with prefix. */
static double top_of(const CsbLayout *l, const char *prefix)
{
    GArray *ps = pieces(l, prefix);
    double y = ps->len ? g_array_index(ps, Piece, 0).y : -1;
    g_array_free(ps, TRUE);
    return y;
}

/* Spacing between the first two filler lines: is it less than the
 * template's (the briefing set tighter)? */
static gboolean set_tighter(const CsbTemplate *t, const CsbLayout *l)
{
    double step = top_of(l, "Filler line 1.") - top_of(l, "Filler line 0.");
    return step < t->size_body * (t->leading + 0.6) - 0.5;
}

/* A members' summary ending with its glossary (a heading and a table of
 * one or two short rows) does not end on a page holding only that when
 * setting its blocks closer together takes it onto the page before:
 * wherever the filler before it ends, the glossary shares its page with
 * what precedes it, unless that page is already nine tenths full or more
 * (then closer spacing may not make room enough). The space between
 * blocks shrinks only to save a page (or to fill a page left short, which
 * filler alone never leaves): a briefing whose last page holds a third of
 * a page or more keeps the template's spacing. */
static void test_short_last_page(void)
{
    Env e = env_new();
    CsbTemplate *members = csb_template_load("templates/members-summary.yaml", e.diag);
    int alone = 0, tightened = 0, needless = 0, overflows = 0, apart = 0;
    char *cell = sentences(1, "Cell");
    for (int rows = 1; rows <= 2; rows++)
        for (int lead = 20; lead < 100; lead++) {
            CsbDoc *d = csb_doc_new(members);
            filler(d, lead);
            csb_doc_heading(d, 1, "Words used in this summary");
            rows_table(d, rows, cell);
            CsbLayout *l = run(&e, d);
            int filler_on_last = 0;
            GArray *h = pieces(l, "Words used"), *r = pieces(l, "Row 0");
            apart += g_array_index(h, Piece, 0).page != g_array_index(r, Piece, 0).page;
            GArray *fl = pieces(l, "Filler line");
            for (guint i = 0; i < fl->len; i++)
                filler_on_last += g_array_index(fl, Piece, i).page == (int)l->pages->len;
            guint n = l->pages->len;
            double before = n > 1 ? page_fill(members, l->pages->pdata[n - 2]) : 0;
            if (n > 1 && !filler_on_last && before < 0.9) {
                alone++;
                printf("# %d rows after %d lines: the last page holds only the glossary, %.0f%% "
                       "of it, the page before %.0f%% full\n",
                       rows, lead, 100 * page_fill(members, l->pages->pdata[n - 1]),
                       100 * before);
            }
            tightened += set_tighter(members, l);
            overflows += overflowing_boxes(members, l);
            g_array_free(h, TRUE);
            g_array_free(r, TRUE);
            g_array_free(fl, TRUE);
            csb_layout_free(l);
            csb_doc_free(d);
        }
    /* Filler alone, its last page a third full or more: as the template says. */
    for (int lead = 46; lead < 60; lead++) {
        CsbDoc *d = csb_doc_new(members);
        filler(d, lead);
        CsbLayout *l = run(&e, d);
        double fill = page_fill(members, l->pages->pdata[l->pages->len - 1]);
        if (fill >= 1.0 / 3.0 && set_tighter(members, l)) {
            needless++;
            printf("# %d lines: set tighter, its last page %.0f%% full\n", lead, 100 * fill);
        }
        csb_layout_free(l);
        csb_doc_free(d);
    }
    CHECK(tightened > 0, "short last page: the test reaches briefings set tighter (%d)",
          tightened);
    CHECK(alone == 0, "short last page: a short glossary ends a briefing on a page of its own "
                      "only after a full page (%d did after less)", alone);
    CHECK(needless == 0 && overflows == 0 && apart == 0,
          "short last page: set tighter only to save a page (%d not), within the margins (%d "
          "over), the heading with its table (%d apart)", needless, overflows, apart);
    g_free(cell);
    csb_template_free(members);
    env_free(&e);
}

/* A members' summary ending with its words (a heading and a table of five
 * rows, too short to leave a quarter of a page on a last page) never
 * leaves the page before them short, under four fifths full, when their
 * heading and first two rows could start there: it breaks after those two
 * rows, its header repeated over the rest, or is set closer (and so may
 * end a page sooner). Leeds's summary left a quarter of page 3 blank when
 * its words moved to page 4 whole. Wherever the filler before it ends:
 * never a row alone on a page, the heading with the first rows, and never
 * a page more than the words on a page of their own would take. */
static void test_short_words_break(void)
{
    Env e = env_new();
    CsbTemplate *members = csb_template_load("templates/members-summary.yaml", e.diag);
    int left_short = 0, lonely = 0, apart = 0, splits = 0, more = 0;
    char *cell = sentences(2, "Cell");
    for (int lead = 20; lead < 110; lead++) {
        WordsAt w = words_at(&e, members, lead, 5, cell, FALSE);
        splits += w.first != w.last;
        lonely += w.first != w.last && (w.on_first < 2 || w.on_last < 2);
        apart += w.heading != w.first;
        if (w.first > 1 && w.before < 0.8) {
            left_short++;
            printf("# %d lines: page %d left %.0f%% full, the words on page %d\n", lead,
                   w.first - 1, 100 * w.before, w.first);
        }
        /* The words on a page of their own: never fewer pages than that. */
        more += w.pages > words_at(&e, members, lead, 5, cell, TRUE).pages;
    }
    CHECK(splits > 0, "short words: the test reaches breaks (%d)", splits);
    CHECK(left_short == 0, "short words: the page before them is never left under four fifths "
                           "full (%d were)", left_short);
    CHECK(lonely == 0 && apart == 0 && more == 0,
          "short words: no row alone (%d), the heading with them (%d apart), no page more than "
          "on a page of their own (%d)", lonely, apart, more);
    g_free(cell);
    csb_template_free(members);
    env_free(&e);
}

/* The grade matrix (one row per authority: thirty in a London pack) breaks
 * between its rows, two at least on each side, rather than move whole and
 * leave most of a page blank; each part is drawn with its headings, the
 * legend with the last, and it is one figure. */
static void test_matrix_breaks(void)
{
    Env e = env_new();
    int holes = 0, short_parts = 0, lost = 0, figures_bad = 0, splits = 0;
    for (int lead = 0; lead < 70; lead += 3) {
        CsbDoc *d = csb_doc_new(e.tpl);
        filler(d, lead);
        CsbChart *c = csb_chart_new(CSB_CHART_MATRIX, "Latest grades");
        g_ptr_array_add(c->columns, g_strdup("Overall"));
        for (int i = 0; i < 30; i++)
            csb_chart_add_mark(csb_chart_add_row(c, "Authority"), 0, CSB_GRADE_GOOD,
                               CSB_TREND_SAME);
        c->caption = g_strdup("Caption of the matrix.");
        csb_chart_fit(c);
        csb_doc_figure(d, c);
        CsbLayout *l = run(&e, d);
        guint next = 0, parts = 0;
        for (guint p = 0; p < l->pages->len; p++) {
            const CsbPage *pg = l->pages->pdata[p];
            for (guint i = 0; i < pg->boxes->len; i++) {
                const CsbBox *b = pg->boxes->pdata[i];
                if (b->kind != CSB_BOX_CHART)
                    continue;
                parts++;
                lost += b->row_from != next;
                short_parts += b->row_to - b->row_from < 2;
                lost += ABS(b->h - csb_chart_part_height(c, b->row_from, b->row_to)) > 0.01 ||
                        b->y + b->h > e.tpl->page_h - e.tpl->margin_bottom + 0.5;
                next = b->row_to;
                /* A part that is not the last fills its page. */
                if (b->row_to < 30 && page_fill(e.tpl, pg) < 0.75)
                    holes++;
            }
        }
        lost += next != 30;
        splits += parts > 1;
        int figures = 0;
        for (guint i = 0; i < l->structure->len; i++)
            figures += strcmp(((const CsbStructNode *)l->structure->pdata[i])->role, "Figure") == 0;
        figures_bad += figures != 1;
        csb_layout_free(l);
        csb_doc_free(d);
    }
    CHECK(splits > 0, "matrix: the test reaches page breaks (%d splits)", splits);
    CHECK(lost == 0, "matrix: its parts show every row once, in order, within the margins");
    CHECK(short_parts == 0, "matrix: two rows at least in every part (%d had fewer)", short_parts);
    CHECK(holes == 0, "matrix: a part the chart goes on after fills its page (%d did not)", holes);
    CHECK(figures_bad == 0, "matrix: one figure however many parts (%d were not)", figures_bad);
    /* A chart with no rows yet is drawn (its title, "nothing to show" in
     * its description), on the page it starts on. */
    CsbDoc *d = csb_doc_new(e.tpl);
    filler(d, 3);
    CsbChart *none = csb_chart_new(CSB_CHART_MATRIX, "No rows");
    csb_chart_fit(none);
    csb_doc_figure(d, none);
    CsbLayout *l = run(&e, d);
    const CsbPage *pg = l->pages->pdata[0];
    int charts = 0;
    for (guint i = 0; i < pg->boxes->len; i++)
        charts += ((const CsbBox *)pg->boxes->pdata[i])->kind == CSB_BOX_CHART;
    CHECK(l->pages->len == 1 && charts == 1, "a chart with no rows is placed, on its page (%u "
                                             "pages, %d charts)", l->pages->len, charts);
    csb_layout_free(l);
    csb_doc_free(d);
    env_free(&e);
}

/* The text box whose layout's text is text, on any page. */
static const CsbBox *box_with_text(const CsbLayout *l, const char *text)
{
    for (guint p = 0; p < l->pages->len; p++) {
        const CsbPage *pg = l->pages->pdata[p];
        for (guint i = 0; i < pg->boxes->len; i++)
            if (strcmp(box_text(pg->boxes->pdata[i]), text) == 0)
                return pg->boxes->pdata[i];
    }
    return NULL;
}

/* Where the lines of a box's layout start, as byte offsets after the first:
 * "22,31" for "reports.ofsted.gov.uk/" "provider/" "44/80481". */
static char *line_starts(const CsbBox *b)
{
    GString *s = g_string_new(NULL);
    for (GSList *it = pango_layout_get_lines_readonly(b->layout); it; it = it->next) {
        const PangoLayoutLine *line = it->data;
        if (line->start_index > 0)
            g_string_append_printf(s, "%s%d", s->len ? "," : "", line->start_index);
    }
    return g_string_free(s, FALSE);
}

/* An address (CSB_STYLE_ADDRESS) breaks only after a '/' of its path, or
 * after a '-', '_', '?', '&' or '=' there, never in its host, however
 * narrow its column (the host then runs whole into the padding), and its
 * text is the whole address, unchanged; in a sentence, nothing before it
 * ("(") is left at a line's end by it. */
static void test_address_breaks(void)
{
    static const char *const addresses[] = {
        "reports.ofsted.gov.uk/provider/44/80481", "files.ofsted.gov.uk/v1/file/50294204",
        "https://www.example.gov.uk/children-and-families/local_offer?page=2&lang=en"};
    static const double columns[] = {1.2, 1.6, 2.4, 3.5}; /* beside 9: 47 to 130 points */
    Env e = env_new();
    int bad = 0, broken = 0;
    for (guint c = 0; c < G_N_ELEMENTS(columns); c++) {
        CsbDoc *d = csb_doc_new(e.tpl);
        const double w[] = {9, columns[c]};
        CsbTable *t = csb_table_new(2, w);
        for (guint a = 0; a < G_N_ELEMENTS(addresses); a++) {
            GPtrArray *row = csb_table_row(t);
            csb_table_cell(row, csb_rich_plain("Where to read it"));
            csb_table_cell(row, csb_rich_add(csb_rich_new(),
                                             CSB_STYLE_ACCENT | CSB_STYLE_ADDRESS,
                                             addresses[a]));
        }
        csb_doc_table(d, t);
        CsbLayout *l = run(&e, d);
        for (guint a = 0; a < G_N_ELEMENTS(addresses); a++) {
            const char *text = addresses[a];
            const CsbBox *b = box_with_text(l, text);
            if (!b) {
                bad++;
                CHECK(FALSE, "the cell's text is the whole address, unchanged: %s", text);
                continue;
            }
            const char *scheme = strstr(text, "://");
            int host_end = (int)(strchr(scheme ? scheme + 3 : text, '/') - text) + 1;
            for (GSList *it = pango_layout_get_lines_readonly(b->layout); it; it = it->next) {
                int at = ((const PangoLayoutLine *)it->data)->start_index;
                if (at == 0)
                    continue;
                broken++;
                if (at < host_end || !strchr("/-_?&=", text[at - 1])) {
                    bad++;
                    char *starts = line_starts(b);
                    CHECK(FALSE, "column %g: %s breaks only after '/' (or '-', '_', '?', "
                                 "'&', '=') of its path: lines start at %s",
                          columns[c], text, starts);
                    g_free(starts);
                    break;
                }
            }
        }
        csb_layout_free(l);
        csb_doc_free(d);
    }
    CHECK(bad == 0 && broken > 0, "addresses break only where a reader expects (%d breaks)",
          broken);
    /* In a sentence: "(reports.ofsted.gov.uk/provider/44/ and ..." never
     * leaves "(" alone at a line's end, nor breaks the host. */
    int left = 0, split = 0;
    for (int pad = 0; pad < 40; pad++) {
        CsbDoc *d = csb_doc_new(e.tpl);
        CsbRich *r = csb_rich_new();
        for (int i = 0; i < pad; i++)
            csb_rich_add(r, 0, "word ");
        csb_rich_add(r, 0, "(");
        csb_rich_add(r, CSB_STYLE_ADDRESS, "reports.ofsted.gov.uk/provider/44/");
        csb_rich_add(r, 0, " and its unique reference number.");
        csb_doc_para(d, r);
        CsbLayout *l = run(&e, d);
        char *text = csb_rich_text(r);
        const CsbBox *b = box_with_text(l, text);
        const char *host = strstr(text, "(reports");
        int from = (int)(host - text), to = from + (int)strlen("(reports.ofsted.gov.uk/");
        for (GSList *it = b ? pango_layout_get_lines_readonly(b->layout) : NULL; it;
             it = it->next) {
            int at = ((const PangoLayoutLine *)it->data)->start_index;
            left += at == from + 1;
            split += at > from + 1 && at < to;
        }
        g_free(text);
        csb_layout_free(l);
        csb_doc_free(d);
    }
    CHECK(left == 0 && split == 0, "in a sentence, '(' stays with the address (%d left alone) "
                                   "and its host whole (%d broken)", left, split);
    env_free(&e);
}

int main(void)
{
    RUN(test_paragraph_orphans_widows);
    RUN(test_short_paragraph_moves_whole);
    RUN(test_list_items);
    RUN(test_last_item_and_lead_in);
    RUN(test_heading_intro);
    RUN(test_quote_citation);
    RUN(test_heading_kept_with_next);
    RUN(test_table_headers_and_tall_rows);
    RUN(test_contents_numbers);
    RUN(test_nothing_below_margin);
    RUN(test_short_section_end);
    RUN(test_running_head);
    RUN(test_running_head_whole);
    RUN(test_section_start_with_chart);
    RUN(test_table_rows_two_each_side);
    RUN(test_last_table);
    RUN(test_short_last_page);
    RUN(test_short_words_break);
    RUN(test_matrix_breaks);
    RUN(test_address_breaks);
    return unit_done();
}
