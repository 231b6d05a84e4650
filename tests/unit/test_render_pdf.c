/* test_render_pdf.c - the PDF device, read back with poppler: report text
 * that looks like markup ("<", "&", "</b>", a <span>) comes out literally
 * in every place text goes (headings, paragraphs, quotations, tables, chart
 * labels, the contents and the outline); metadata is set; links and named
 * destinations work; the same layout gives the same bytes twice.
 */
#include "unit.h"

#include "format/format.h"
#include "render/pdf.h"

#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

static const char *const nasty[] = {
    "a < b && c > d",
    "</b> closes nothing",
    "<span foreground=\"red\">not red</span>",
    "&amp; stays &amp;",
    "<i>not italic</i>",
};

static CsbDoc *nasty_doc(CsbTemplate *tpl)
{
    CsbDoc *d = csb_doc_new(tpl);
    d->running_title = g_strdup("Running <title> & more");
    d->cover.date_text = g_strdup("1 January 2026");
    csb_doc_contents(d);
    csb_doc_heading(d, 1, "Heading <b>one</b> & two");
    for (guint i = 0; i < G_N_ELEMENTS(nasty); i++)
        csb_doc_para(d, csb_rich_addf(csb_rich_new(), i % 2 ? CSB_STYLE_BOLD : 0, "Para: %s",
                                      nasty[i]));
    CsbDocBlock *q = csb_doc_quote(d, "Quote: a < b && </b>", csb_rich_plain("Cite: <i>x</i>"));
    q->link = g_strdup("uri:https://example.org/report?a=1&b='2'");
    CsbTable *t = csb_table_new(2, NULL);
    csb_table_header(t, 0, "Head <th>");
    csb_table_header(t, 1, "Second & head");
    GPtrArray *row = csb_table_row(t);
    csb_table_cell(row, csb_rich_plain("Cell: </b>"));
    csb_fmt_grade_cell(row, CSB_GRADE_INADEQUATE);
    csb_doc_table(d, t);
    CsbChart *c = csb_chart_new(CSB_CHART_MATRIX, "Chart: <b>title</b> & more");
    g_ptr_array_add(c->columns, g_strdup("Col <1>"));
    CsbChartRow *r = csb_chart_add_row(c, "Row & <label>");
    csb_chart_add_mark(r, 0, CSB_GRADE_GOOD, CSB_TREND_BETTER);
    csb_chart_fit(c);
    csb_doc_figure(d, c);
    CsbChart *h = csb_chart_new(CSB_CHART_HISTORY, "History <&>");
    CsbChartRow *hr = csb_chart_add_row(h, "Area </span>");
    csb_chart_add_mark(hr, 2015.5, CSB_GRADE_INADEQUATE, CSB_TREND_NONE);
    csb_chart_add_mark(hr, 2020.5, CSB_GRADE_OUTSTANDING, CSB_TREND_NONE);
    h->x_min = 2015;
    h->x_max = 2021;
    csb_chart_fit(h);
    csb_doc_figure(d, h);
    return d;
}

static char *render(CsbTemplate *tpl, const char *dir, const char *name)
{
    CsbDiag *diag = csb_diag_new();
    CsbDoc *d = nasty_doc(tpl);
    CsbLayout *l = csb_layout_run(d, csb_fonts_map("fonts", diag), diag);
    char *path = g_build_filename(dir, name, NULL);
    CsbPdfMeta meta = {"Title <&>", "Author & co", "Subject", "k1; k2", "csbrief test",
                       "2026-01-01T00:00:00", "Noto Sans"};
    gboolean ok = csb_render_pdf(l, path, &meta, diag);
    CHECK(ok && csb_diag_count(diag, CSB_SEV_ERROR) == 0, "rendered %s", name);
    csb_layout_free(l);
    csb_doc_free(d);
    csb_diag_free(diag);
    return path;
}

static PopplerDocument *open_pdf(const char *path)
{
    char *uri = g_filename_to_uri(path, NULL, NULL);
    PopplerDocument *doc = poppler_document_new_from_file(uri, NULL, NULL);
    g_free(uri);
    return doc;
}

static char *all_text(PopplerDocument *doc)
{
    GString *s = g_string_new(NULL);
    for (int i = 0; i < poppler_document_get_n_pages(doc); i++) {
        PopplerPage *p = poppler_document_get_page(doc, i);
        char *t = poppler_page_get_text(p);
        g_string_append(s, t);
        g_string_append_c(s, '\n');
        g_free(t);
        g_object_unref(p);
    }
    return g_string_free(s, FALSE);
}

static void test_text_is_literal(PopplerDocument *doc)
{
    char *text = all_text(doc);
    for (guint i = 0; i < G_N_ELEMENTS(nasty); i++) {
        char *want = g_strdup_printf("Para: %s", nasty[i]);
        CHECK(strstr(text, want) != NULL, "paragraph text is literal: %s", nasty[i]);
        g_free(want);
    }
    const char *elsewhere[] = {"Heading <b>one</b> & two", "Quote: a < b && </b>",
                               "Cite: <i>x</i>",           "Head <th>",
                               "Cell: </b>",               "Chart: <b>title</b> & more",
                               "Row & <label>",            "Col <1>",
                               "History <&>",              "Area </span>",
                               "Running <title> & more"};
    for (guint i = 0; i < G_N_ELEMENTS(elsewhere); i++)
        CHECK(strstr(text, elsewhere[i]) != NULL, "literal everywhere: %s", elsewhere[i]);
    g_free(text);
}

static void test_outline_and_metadata(PopplerDocument *doc)
{
    PopplerIndexIter *it = poppler_index_iter_new(doc);
    GPtrArray *titles = g_ptr_array_new_with_free_func(g_free);
    for (gboolean more = it != NULL; more; more = poppler_index_iter_next(it)) {
        PopplerAction *a = poppler_index_iter_get_action(it);
        if (a->type == POPPLER_ACTION_GOTO_DEST)
            g_ptr_array_add(titles, g_strdup(a->goto_dest.title));
        poppler_action_free(a);
    }
    if (it)
        poppler_index_iter_free(it);
    CHECK(titles->len == 2, "outline has the contents and the heading (%u entries)", titles->len);
    CHECK(titles->len == 2 && strcmp(titles->pdata[1], "Heading <b>one</b> & two") == 0,
          "outline title is literal");
    g_ptr_array_free(titles, TRUE);
    char *title = poppler_document_get_title(doc), *author = poppler_document_get_author(doc);
    char *keywords = poppler_document_get_keywords(doc), *creator = poppler_document_get_creator(doc);
    CHECK_STR(title, "Title <&>", "metadata title");
    CHECK_STR(author, "Author & co", "metadata author");
    CHECK_STR(keywords, "k1; k2", "metadata keywords");
    CHECK_STR(creator, "csbrief test", "metadata creator");
    GDateTime *created = poppler_document_get_creation_date_time(doc);
    CHECK(created && g_date_time_get_year(created) == 2026 && g_date_time_get_month(created) == 1,
          "creation date is the one given, not the clock");
    if (created)
        g_date_time_unref(created);
    g_free(title);
    g_free(author);
    g_free(keywords);
    g_free(creator);
}

static void test_links(PopplerDocument *doc)
{
    int uris = 0, dests = 0;
    char *seen = NULL;
    for (int i = 0; i < poppler_document_get_n_pages(doc); i++) {
        PopplerPage *p = poppler_document_get_page(doc, i);
        GList *links = poppler_page_get_link_mapping(p);
        for (GList *l = links; l; l = l->next) {
            PopplerLinkMapping *m = l->data;
            if (m->action->type == POPPLER_ACTION_URI) {
                uris++;
                g_free(seen);
                seen = g_strdup(m->action->uri.uri);
            } else if (m->action->type == POPPLER_ACTION_GOTO_DEST) {
                dests++;
            }
        }
        poppler_page_free_link_mapping(links);
        g_object_unref(p);
    }
    CHECK(uris == 1, "the quotation links to its source (%d uri links)", uris);
    CHECK_STR(seen, "https://example.org/report?a=1&b='2'", "the link's address survives quoting");
    CHECK(dests == 1, "the contents entry links to its heading (%d internal links)", dests);
    g_free(seen);
}

static void test_same_bytes(const char *a, const char *b)
{
    gsize la = 0, lb = 0;
    char *x = NULL, *y = NULL;
    g_file_get_contents(a, &x, &la, NULL);
    g_file_get_contents(b, &y, &lb, NULL);
    CHECK(x && y && la == lb && memcmp(x, y, la) == 0,
          "the same document renders to the same bytes (%zu and %zu bytes)", (size_t)la,
          (size_t)lb);
    g_free(x);
    g_free(y);
}

int main(void)
{
    CsbDiag *diag = csb_diag_new();
    CsbTemplate *tpl = csb_template_load("templates/briefing-pack.yaml", diag);
    char *dir = g_dir_make_tmp("csbrief-render-XXXXXX", NULL);
    char *a = render(tpl, dir, "a.pdf");
    char *b = render(tpl, dir, "b.pdf");
    PopplerDocument *doc = open_pdf(a);
    CHECK(doc != NULL, "poppler opens the PDF");
    if (doc) {
        printf("# text that looks like markup\n");
        test_text_is_literal(doc);
        printf("# outline and metadata\n");
        test_outline_and_metadata(doc);
        printf("# links\n");
        test_links(doc);
        g_object_unref(doc);
    }
    test_same_bytes(a, b);
    g_unlink(a);
    g_unlink(b);
    g_rmdir(dir);
    g_free(a);
    g_free(b);
    g_free(dir);
    csb_template_free(tpl);
    csb_diag_free(diag);
    return unit_done();
}
