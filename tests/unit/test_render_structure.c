/* test_render_structure.c - the tagged PDF read back with poppler-glib's
 * structure API, against the document tree it was made from: the example
 * briefings (every format of template among them) and a document with
 * every kind of block, a paragraph and a table that break across pages.
 * Checked: a Document at the root; every visible text of every page in
 * the structure, once, in the document tree's reading order (the running
 * header and footer, repeated table headers, leaders and decoration left
 * out as artifacts); headings that nest without skipping a level; every
 * figure with alternative text stating its data; every table with header
 * cells; the document language and marking. Also the rewriting of marked
 * content on its own (marked.c): artifacts, spans out of sequences, text
 * objects, and strings that spell operators.
 */
#include "unit.h"

#include "build/build.h"
#include "render/pdf.h"

#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

/* ---- what the structure holds ---------------------------------------------- */

typedef struct {
    GString *text;        /* the content of every element but figures, in order */
    GPtrArray *headings;  /* GINT: heading levels in order */
    GPtrArray *alts;      /* char*: figures' alternative text */
    int tables, tables_headed;
    gboolean root_document;
} Read;

/* poppler-glib 22.12 hands back a content element's text (UTF-8, as its
 * MarkedContentOutputDev collects it) read again as PDFDocEncoding: each
 * byte became a character. The bytes back, as UTF-8. */
static char *undo_pdfdoc(const char *s)
{
    static const gunichar high[] = {
        0x2022, 0x2020, 0x2021, 0x2026, 0x2014, 0x2013, 0x0192, 0x2044, 0x2039, 0x203A, 0x2212,
        0x2030, 0x201E, 0x201C, 0x201D, 0x2018, 0x2019, 0x201A, 0x2122, 0xFB01, 0xFB02, 0x0141,
        0x0152, 0x0160, 0x0178, 0x017D, 0x0131, 0x0142, 0x0153, 0x0161, 0x017E}; /* 0x80.. */
    static const gunichar low[] = {0x02D8, 0x02C7, 0x02C6, 0x02D9,
                                   0x02DD, 0x02DB, 0x02DA, 0x02DC}; /* 0x18.. */
    GString *bytes = g_string_new(NULL);
    for (const char *p = s; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        int b = c < 0x18 || (c > 0x1F && c < 0x80) || (c >= 0xA1 && c < 0x100) ? (int)c : -1;
        for (guint i = 0; b < 0 && i < G_N_ELEMENTS(high); i++)
            if (high[i] == c)
                b = 0x80 + (int)i;
        for (guint i = 0; b < 0 && i < G_N_ELEMENTS(low); i++)
            if (low[i] == c)
                b = 0x18 + (int)i;
        if (c == 0x20AC)
            b = 0xA0;
        if (b >= 0)
            g_string_append_c(bytes, (char)b);
        else
            g_string_append_unichar(bytes, c);
    }
    if (!g_utf8_validate(bytes->str, (gssize)bytes->len, NULL)) { /* not what it was */
        g_string_free(bytes, TRUE);
        return g_strdup(s);
    }
    return g_string_free(bytes, FALSE);
}

static void read_elements(PopplerStructureElementIter *it, Read *r, gboolean in_figure,
                          gboolean *table_has_th)
{
    do {
        PopplerStructureElement *e = poppler_structure_element_iter_get_element(it);
        PopplerStructureElementKind k = poppler_structure_element_get_kind(e);
        gboolean figure = k == POPPLER_STRUCTURE_ELEMENT_FIGURE;
        if (k == POPPLER_STRUCTURE_ELEMENT_CONTENT && !in_figure) {
            char *t = poppler_structure_element_get_text(e, POPPLER_STRUCTURE_GET_TEXT_NONE);
            char *utf8 = undo_pdfdoc(t ? t : "");
            g_string_append(r->text, utf8);
            g_free(utf8);
            g_free(t);
        }
        if (k >= POPPLER_STRUCTURE_ELEMENT_HEADING && k <= POPPLER_STRUCTURE_ELEMENT_HEADING_6)
            g_ptr_array_add(r->headings,
                            GINT_TO_POINTER(k == POPPLER_STRUCTURE_ELEMENT_HEADING
                                                ? 0
                                                : k - POPPLER_STRUCTURE_ELEMENT_HEADING_1 + 1));
        if (figure) {
            char *alt = poppler_structure_element_get_alt_text(e);
            g_ptr_array_add(r->alts, alt ? alt : g_strdup(""));
        }
        if (k == POPPLER_STRUCTURE_ELEMENT_TABLE_HEADING && table_has_th)
            *table_has_th = TRUE;
        gboolean th = FALSE;
        PopplerStructureElementIter *c = poppler_structure_element_iter_get_child(it);
        if (c) {
            read_elements(c, r, in_figure || figure,
                          k == POPPLER_STRUCTURE_ELEMENT_TABLE ? &th : table_has_th);
            poppler_structure_element_iter_free(c);
        }
        if (k == POPPLER_STRUCTURE_ELEMENT_TABLE) {
            r->tables++;
            r->tables_headed += th;
        }
        g_object_unref(e);
    } while (poppler_structure_element_iter_next(it));
}

static Read *read_structure(const char *path)
{
    Read *r = g_new0(Read, 1);
    r->text = g_string_new(NULL);
    r->headings = g_ptr_array_new();
    r->alts = g_ptr_array_new_with_free_func(g_free);
    char *uri = g_filename_to_uri(path, NULL, NULL);
    PopplerDocument *doc = poppler_document_new_from_file(uri, NULL, NULL);
    g_free(uri);
    PopplerStructureElementIter *it = doc ? poppler_structure_element_iter_new(doc) : NULL;
    if (it) {
        PopplerStructureElement *root = poppler_structure_element_iter_get_element(it);
        r->root_document =
            poppler_structure_element_get_kind(root) == POPPLER_STRUCTURE_ELEMENT_DOCUMENT;
        g_object_unref(root);
        read_elements(it, r, FALSE, NULL);
        poppler_structure_element_iter_free(it);
    }
    if (doc)
        g_object_unref(doc);
    return r;
}

static void read_free(Read *r)
{
    g_string_free(r->text, TRUE);
    g_ptr_array_free(r->headings, TRUE);
    g_ptr_array_free(r->alts, TRUE);
    g_free(r);
}

/* ---- what the document tree says, in reading order --------------------- */

typedef struct {
    GString *text;
    GPtrArray *alts;     /* char*: each figure's data in words */
    const CsbLayout *layout;
} Expected;

static void add(Expected *x, const char *text)
{
    g_string_append(x->text, text ? text : "");
}

static void add_rich(Expected *x, const CsbRich *r)
{
    char *t = csb_rich_text(r);
    add(x, t);
    g_free(t);
}

static void add_table(Expected *x, const CsbTable *t)
{
    for (int c = 0; c < t->columns; c++) {
        const CsbTableCell *h = t->header->pdata[c];
        if (h)
            add_rich(x, h->text);
    }
    for (guint r = 0; r < t->rows->len; r++) {
        GPtrArray *cells = t->rows->pdata[r];
        for (guint c = 0; c < cells->len; c++)
            add_rich(x, ((const CsbTableCell *)cells->pdata[c])->text);
    }
}

static void add_page_of(Expected *x, const char *anchor)
{
    for (guint i = 0; i < x->layout->outline->len; i++) {
        const CsbOutlineEntry *e = x->layout->outline->pdata[i];
        if (strcmp(e->anchor, anchor) == 0) {
            char num[16];
            g_snprintf(num, sizeof num, "%d", e->page);
            add(x, num);
        }
    }
}

static void expect_block(Expected *x, const CsbDoc *doc, const CsbDocBlock *b)
{
    const CsbCover *c = &doc->cover;
    const char *title = c->title ? c->title : doc->tpl->default_title;
    switch (b->kind) {
    case CSB_BLOCK_COVER:
        add(x, c->organisation);
        if (doc->tpl->name && strcmp(doc->tpl->name, title) != 0)
            add(x, doc->tpl->name);
        add(x, title);
        add(x, c->authority);
        add(x, c->subtitle);
        add(x, c->date_text);
        if (c->facts)
            add_table(x, c->facts);
        add(x, c->prepared_note);
        break;
    case CSB_BLOCK_MASTHEAD:
        add(x, c->organisation);
        add(x, title);
        add(x, c->authority);
        if (c->subtitle)
            add(x, c->authority ? " \u2014 " : "");
        add(x, c->subtitle);
        add(x, c->date_text);
        break;
    case CSB_BLOCK_CONTENTS:
        add(x, "Contents");
        for (guint i = 0; i < doc->blocks->len; i++) {
            const CsbDocBlock *h = doc->blocks->pdata[i];
            if (h->kind == CSB_BLOCK_HEADING_1 || h->kind == CSB_BLOCK_HEADING_2) {
                add_rich(x, h->text);
                add_page_of(x, h->anchor);
            }
        }
        break;
    case CSB_BLOCK_HEADING_1:
    case CSB_BLOCK_HEADING_2:
    case CSB_BLOCK_HEADING_3:
    case CSB_BLOCK_PARAGRAPH:
    case CSB_BLOCK_CALLOUT:
        add_rich(x, b->text);
        break;
    case CSB_BLOCK_LIST:
        for (guint i = 0; i < b->items->len; i++) {
            add(x, "\u2022");
            add_rich(x, b->items->pdata[i]);
        }
        break;
    case CSB_BLOCK_QUOTE:
        add(x, "\u201C");
        add_rich(x, b->text);
        add(x, "\u201D");
        add_rich(x, b->citation);
        break;
    case CSB_BLOCK_TABLE:
        add_table(x, b->table);
        break;
    case CSB_BLOCK_FIGURE:
        g_ptr_array_add(x->alts, csb_chart_describe(b->chart));
        add(x, b->chart->caption);
        break;
    case CSB_BLOCK_PAGE_BREAK:
        break;
    }
}

/* Text compared whatever the line breaks, ligatures and hyphens. */
static char *normal(const char *s)
{
    char *n = g_utf8_normalize(s, -1, G_NORMALIZE_ALL_COMPOSE);
    GString *out = g_string_new(NULL);
    for (const char *p = n; p && *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (g_unichar_isspace(c) || c == '-' || c == 0x2010 || c == 0x00AD || c == 0x00A0)
            continue;
        g_string_append_unichar(out, c);
    }
    g_free(n);
    return g_string_free(out, FALSE);
}

/* Where a and b first differ, with the text around it in each. */
static char *first_difference(const char *a, const char *b)
{
    gsize i = 0;
    while (a[i] && a[i] == b[i])
        i++;
    gsize from = i > 40 ? i - 40 : 0;
    return g_strdup_printf("at %zu: \"%.80s\" / \"%.80s\"", i, a + from, b + from);
}

/* ---- checks ------------------------------------------------------------- */

static void check_pdf(const char *path, const CsbDoc *doc, const CsbLayout *layout,
                      const char *what)
{
    Expected x = {g_string_new(NULL), g_ptr_array_new_with_free_func(g_free), layout};
    for (guint i = 0; i < doc->blocks->len; i++)
        expect_block(&x, doc, doc->blocks->pdata[i]);
    Read *r = read_structure(path);
    CHECK(r->root_document, "%s: the structure tree has a Document at its root", what);
    char *want = normal(x.text->str), *got = normal(r->text->str);
    char *diff = strcmp(want, got) ? first_difference(want, got) : g_strdup("");
    CHECK(strcmp(want, got) == 0,
          "%s: every text is in the structure once, in the document's reading order %s", what,
          diff);
    g_free(diff);
    CHECK(!strstr(r->text->str, "Page 1 of"),
          "%s: the running footer is an artifact, not content", what);
    gboolean nested = r->headings->len > 0 && GPOINTER_TO_INT(r->headings->pdata[0]) == 1;
    for (guint i = 1; i < r->headings->len; i++)
        nested &= GPOINTER_TO_INT(r->headings->pdata[i]) <=
                  GPOINTER_TO_INT(r->headings->pdata[i - 1]) + 1;
    CHECK(nested, "%s: %u headings start at H1 and never skip a level", what,
          r->headings->len);
    gboolean alts = r->alts->len == x.alts->len;
    for (guint i = 0; alts && i < r->alts->len; i++)
        alts = strcmp(r->alts->pdata[i], x.alts->pdata[i]) == 0 &&
               strlen(r->alts->pdata[i]) > strlen("Chart: .");
    CHECK(alts, "%s: each of %u figures has alternative text stating its data", what,
          x.alts->len);
    CHECK(r->tables > 0 ? r->tables_headed == r->tables : TRUE,
          "%s: each of %d tables has header cells", what, r->tables);
    g_free(want);
    g_free(got);
    read_free(r);
    g_string_free(x.text, TRUE);
    g_ptr_array_free(x.alts, TRUE);
}

static void check_catalog(const char *path, const char *what)
{
    gsize len = 0;
    char *data = NULL;
    g_file_get_contents(path, &data, &len, NULL);
    qpdf_data q = qpdf_init();
    qpdf_silence_errors(q);
    gboolean read = data && !(qpdf_read_memory(q, path, data, len, NULL) & QPDF_ERRORS);
    qpdf_oh cat = qpdf_get_root(q);
    qpdf_oh lang = qpdf_oh_get_key(q, cat, "/Lang");
    CHECK(read && strcmp(qpdf_oh_get_utf8_value(q, lang), "en-GB") == 0,
          "%s: the document's language is en-GB", what);
    qpdf_oh mark = qpdf_oh_get_key(q, qpdf_oh_get_key(q, cat, "/MarkInfo"), "/Marked");
    CHECK(read && qpdf_oh_is_bool(q, mark) && qpdf_oh_get_bool_value(q, mark),
          "%s: it is marked as tagged", what);
    qpdf_oh title = qpdf_oh_get_key(q, qpdf_oh_get_key(q, cat, "/ViewerPreferences"),
                                    "/DisplayDocTitle");
    CHECK(read && qpdf_oh_get_bool_value(q, title), "%s: viewers show its title", what);
    unsigned char *xmp = NULL;
    size_t xlen = 0;
    qpdf_oh meta = qpdf_oh_get_key(q, cat, "/Metadata");
    if (read && qpdf_oh_is_stream(q, meta))
        qpdf_oh_get_stream_data(q, meta, qpdf_dl_all, NULL, &xmp, &xlen);
    CHECK(xmp && g_strstr_len((char *)xmp, (gssize)xlen, "<pdfuaid:part>1</pdfuaid:part>"),
          "%s: its XMP metadata claims PDF/UA-1", what);
    free(xmp);
    qpdf_cleanup(&q);
    g_free(data);
}

/* A briefing of config built as the build does, its tree kept to compare. */
static void check_example(const char *config, CsbResources *res, const char *dir)
{
    CsbDiag *diag = csb_diag_new();
    CsbConfigRefs refs = csb_resources_refs(res);
    CsbConfig *cfg = csb_config_load(config, &refs, diag);
    CHECK(cfg != NULL, "%s loads", config);
    if (!cfg) {
        csb_diag_free(diag);
        return;
    }
    GPtrArray *reports = csb_build_read_reports(cfg, res, diag);
    for (guint i = 0; i < cfg->briefings->len; i++) {
        const CsbBriefingSpec *spec = cfg->briefings->pdata[i];
        if (spec->format != CSB_FORMAT_PDF)
            continue;
        char *tpl_path = csb_resources_template_path(res, spec->template_id);
        CsbTemplate *tpl = csb_template_load(tpl_path, diag);
        CsbCompareSetup setup;
        csb_build_setup(&setup, cfg, res, reports, NULL,
                        spec->national ? NULL : cfg->authority);
        setup.input.rules = &csb_analysis_reference_rules;
        CsbComparison *cmp = csb_compare(&setup.input);
        CsbFormatInput fin = {cmp,          res->areas,    res->glossary,     res->grades,
                              res->unread_words, setup.input.library, spec->title,
                              spec->subtitle, spec->organisation, spec->logo,
                              csb_build_briefing_date(spec), 0};
        CsbDoc *doc = csb_format(tpl, &fin, diag);
        CsbLayout *layout = csb_layout_run(doc, csb_fonts_map(res->fonts_dir, diag), diag);
        char *base = g_path_get_basename(spec->output);
        char *path = g_build_filename(dir, base, NULL);
        CsbPdfMeta meta = {doc->running_title, spec->organisation, "s", "k", "csbrief test",
                           "2026-01-01T00:00:00", tpl->font_body};
        CHECK(csb_render_pdf(layout, path, &meta, diag), "%s renders", base);
        check_pdf(path, doc, layout, base);
        check_catalog(path, base);
        g_unlink(path);
        g_free(path);
        g_free(base);
        csb_layout_free(layout);
        csb_doc_free(doc);
        csb_comparison_free(cmp);
        csb_build_setup_clear(&setup);
        csb_template_free(tpl);
        g_free(tpl_path);
    }
    CHECK(csb_diag_count(diag, CSB_SEV_ERROR) == 0, "%s: no errors", config);
    g_ptr_array_free(reports, TRUE);
    csb_config_free(cfg);
    csb_diag_free(diag);
}

static void test_examples(void)
{
    CsbDiag *diag = csb_diag_new();
    CsbResources *res = csb_resources_load(".", diag);
    char *dir = g_dir_make_tmp("csbrief-structure-XXXXXX", NULL);
    check_example("examples/redcar-and-cleveland.yaml", res, dir);
    check_example("examples/national-overview.yaml", res, dir);
    g_rmdir(dir);
    g_free(dir);
    csb_resources_free(res);
    csb_diag_free(diag);
}

/* Every kind of block; a paragraph and a table long enough to break. */
static CsbDoc *every_block(CsbTemplate *tpl)
{
    CsbDoc *d = csb_doc_new(tpl);
    d->running_title = g_strdup("Running title");
    d->cover.title = g_strdup("A briefing");
    d->cover.organisation = g_strdup("An organisation");
    d->cover.authority = g_strdup("An authority");
    d->cover.date_text = g_strdup("1 January 2026");
    d->cover.prepared_note = g_strdup("Prepared for a test.");
    csb_doc_cover(d);
    csb_doc_contents(d);
    csb_doc_heading(d, 1, "First section");
    GString *long_text = g_string_new(NULL);
    for (int i = 0; i < 120; i++)
        g_string_append_printf(long_text, "Sentence %d of a paragraph that goes on. ", i);
    csb_doc_para(d, csb_rich_plain(long_text->str));
    g_string_free(long_text, TRUE);
    csb_doc_heading(d, 2, "A list and a quotation");
    CsbDocBlock *l = csb_doc_list(d);
    g_ptr_array_add(l->items, csb_rich_plain("One item"));
    g_ptr_array_add(l->items, csb_rich_add(csb_rich_plain("Another, "), CSB_STYLE_BOLD, "bold"));
    CsbDocBlock *q = csb_doc_quote(d, "The report's own words \u2026 cut", csb_rich_plain("A cite"));
    q->link = g_strdup("uri:https://example.org/report");
    csb_doc_callout(d, CSB_CALLOUT_CONCERN, csb_rich_plain("A callout"));
    csb_doc_heading(d, 3, "A long table");
    CsbTable *t = csb_table_new(3, NULL);
    csb_table_header(t, 0, "Name");
    csb_table_header(t, 1, "Grade");
    csb_table_header(t, 2, "When");
    for (int i = 0; i < 90; i++) {
        GPtrArray *row = csb_table_row(t);
        csb_table_cell(row, csb_rich_addf(csb_rich_new(), 0, "Row %d", i))->link =
            i % 7 ? NULL : g_strdup("uri:https://example.org/row");
        csb_fmt_grade_cell(row, (CsbGrade)(i % CSB_GRADE_COUNT));
        csb_table_date(row, (CsbDate){2020, 1 + i % 12, 1});
    }
    csb_doc_table(d, t);
    CsbChart *c = csb_chart_new(CSB_CHART_MATRIX, "A matrix");
    g_ptr_array_add(c->columns, g_strdup("Overall"));
    csb_chart_add_mark(csb_chart_add_row(c, "An authority"), 0, CSB_GRADE_GOOD, CSB_TREND_SAME);
    c->caption = g_strdup("How to read it.");
    csb_chart_fit(c);
    csb_doc_figure(d, c);
    csb_doc_heading(d, 1, "Second section");
    CsbTable *facts = csb_table_new(2, NULL); /* no header row: rows headed by column 1 */
    csb_table_cell(csb_table_row(facts), csb_rich_plain("Key"));
    csb_doc_table(d, facts);
    return d;
}

static void test_every_block(void)
{
    CsbDiag *diag = csb_diag_new();
    CsbTemplate *tpl = csb_template_load("templates/briefing-pack.yaml", diag);
    CsbDoc *d = every_block(tpl);
    CsbLayout *l = csb_layout_run(d, csb_fonts_map("fonts", diag), diag);
    char *dir = g_dir_make_tmp("csbrief-structure-XXXXXX", NULL);
    char *path = g_build_filename(dir, "every-block.pdf", NULL);
    CsbPdfMeta meta = {"T", "A", "S", "K", "csbrief test", "2026-01-01T00:00:00", "Noto Sans"};
    CHECK(csb_render_pdf(l, path, &meta, diag), "every block renders");
    CHECK(l->pages->len >= 4, "the long paragraph and table break across pages (%u pages)",
          l->pages->len);
    check_pdf(path, d, l, "every block");
    Read *r = read_structure(path);
    int heads = 0;
    for (const char *p = r->text->str; (p = strstr(p, "NameGradeWhen")); p++)
        heads++;
    CHECK(heads == 1, "the table's header is read once, not on every page (%d)", heads);
    read_free(r);
    g_unlink(path);
    g_rmdir(dir);
    g_free(path);
    g_free(dir);
    csb_layout_free(l);
    csb_doc_free(d);
    csb_template_free(tpl);
    csb_diag_free(diag);
}

/* ---- marked content rewritten ------------------------------------------- */

static void test_remark(void)
{
    GPtrArray *structure = g_ptr_array_new();
    CsbStructNode doc = {"Document", -1, NULL, 0, 0, 0, 0, 0, 0};
    CsbStructNode p = {"P", 0, NULL, 0, 0, 0, 0, 0, 0};
    g_ptr_array_add(structure, &doc);
    g_ptr_array_add(structure, &p);
    GArray *plan = g_array_new(FALSE, FALSE, sizeof(int));
    int owners[] = {1, CSB_ARTIFACT};
    g_array_append_vals(plan, owners, 2);
    const char *in = "/P << /MCID 0 >> BDC\n0 g BT\n(EMC BDC) Tj\n"
                     "/Span << /ActualText <feff0020> >> BDC\nEMC\n"
                     "/Span << /ActualText <feff00660066> >> BDC\n<0001> Tj\nEMC\n"
                     "(x) Tj\nET\nEMC\n/Private << /MCID 1 >> BDC\n0 0 m 1 1 l S\nEMC\n";
    int next = 2;
    guint seen[2] = {0, 0};
    CsbRemarkPage pg = {structure, plan, 0, &next, seen};
    GArray *seqs = g_array_new(FALSE, FALSE, sizeof(CsbMarked));
    GString *out = g_string_new(NULL), *problem = g_string_new(NULL);
    gboolean ok = csb_render_remark(in, strlen(in), &pg, seqs, out, problem);
    CHECK(ok, "marked content rewritten (%s)", problem->str);
    CHECK(seen[0] == 1 && seen[1] == 1, "each MCID drawn is met once");
    CHECK(strstr(out->str, "/Artifact BMC") && !strstr(out->str, "MCID 1 "),
          "decoration becomes an artifact");
    CHECK(strstr(out->str, "(EMC BDC) Tj"), "a string that spells operators is left alone");
    /* Every sequence of the element nests with BT/ET and holds no other. */
    gboolean nested = TRUE, in_seq = FALSE, in_text = FALSE, seq_in_text = FALSE;
    char **lines = g_strsplit(out->str, "\n", -1);
    for (char **l = lines; *l; l++) {
        if (strstr(*l, "/P << /MCID")) {
            nested &= !in_seq;
            in_seq = TRUE;
            seq_in_text = in_text;
        } else if (g_str_has_suffix(*l, " BDC") || g_str_has_suffix(*l, " BMC")) {
            nested &= !in_seq;
        } else if (strcmp(*l, "EMC") == 0 && in_seq) {
            nested &= seq_in_text == in_text;
            in_seq = FALSE;
        } else if (strcmp(*l, "BT") == 0 || strcmp(*l, "ET") == 0) {
            nested &= !in_seq;
            in_text = strcmp(*l, "BT") == 0;
        }
    }
    g_strfreev(lines);
    CHECK(nested, "no sequence of an element holds marked content or straddles BT/ET:\n%s",
          out->str);
    gboolean numbered = seqs->len == 3;
    for (guint i = 0; numbered && i < seqs->len; i++)
        numbered = g_array_index(seqs, CsbMarked, i).node == 1 &&
                   g_array_index(seqs, CsbMarked, i).mcid >= 2;
    CHECK(numbered, "the element keeps three sequences that paint (%u), numbered after the "
                    "plan's", seqs->len);
    const char *bad = "/P << /MCID 7 >> BDC\nEMC\n";
    g_string_truncate(out, 0);
    g_string_truncate(problem, 0);
    gboolean refused = !csb_render_remark(bad, strlen(bad), &pg, seqs, out, problem);
    CHECK(refused && problem->len, "an MCID that was not drawn is an error: %s", problem->str);
    g_array_free(seqs, TRUE);
    g_string_free(out, TRUE);
    g_string_free(problem, TRUE);
    g_array_free(plan, TRUE);
    g_ptr_array_free(structure, TRUE);
}

int main(void)
{
    RUN(test_remark);
    RUN(test_every_block);
    RUN(test_examples);
    return unit_done();
}
