/* test_parse_pdf.c - the PDF path end to end without ../shared: draw a small
 * ILACS-style report with Cairo (a two-column judgement table whose cells
 * are drawn out of reading order, grades split over two lines, a running
 * footer, a footnote, a list item and a numbered paragraph that crosses a
 * page break), write it with cairo_pdf_surface, then ingest and parse it.
 * Also the malformed PDFs: truncated, no text layer, encrypted.
 */
#include "unit.h"

#include "parse/parse.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <glib/gstdio.h>

#define LEFT 71.0
#define INDENT 99.0
#define GRADE_X 390.0

static void text_at(cairo_t *cr, double x, double y, double size, gboolean bold,
                    const char *text)
{
    cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size);
    cairo_move_to(cr, x, y);
    cairo_show_text(cr, text);
}

static void footer(cairo_t *cr, int page)
{
    text_at(cr, LEFT, 800, 8, FALSE, "Inspection of Hartlepool local authority children's services");
    char num[8];
    g_snprintf(num, sizeof num, "%d", page);
    text_at(cr, 515, 800, 8, FALSE, num);
}

/* Page 1: title, cover lines, the judgement table and an introduction. */
static void page_one(cairo_t *cr)
{
    text_at(cr, LEFT, 120, 24, FALSE, "Inspection of Hartlepool local authority");
    text_at(cr, LEFT, 150, 24, FALSE, "children's services");
    text_at(cr, LEFT, 190, 12, TRUE, "Inspection dates: 4 to 8 March 2024");
    text_at(cr, LEFT, 215, 12, TRUE, "Lead inspector: Tess Tableau, His Majesty's Inspector");
    text_at(cr, 77, 250, 12, TRUE, "Judgement");
    text_at(cr, GRADE_X, 250, 12, TRUE, "Grade");
    /* The grade column first, bottom to top, so poppler's text order is not
     * the table's reading order. */
    text_at(cr, GRADE_X, 448, 12, FALSE, "to be good");           /* overall, below */
    text_at(cr, GRADE_X, 428, 12, FALSE, "Requires improvement"); /* overall, above */
    text_at(cr, GRADE_X, 395, 12, FALSE, "Good");                 /* care leavers */
    text_at(cr, GRADE_X, 352, 12, FALSE, "Outstanding");          /* in care: between lines */
    text_at(cr, GRADE_X, 317, 12, FALSE, "to be good");           /* help and protection */
    text_at(cr, GRADE_X, 302, 12, FALSE, "Requires improvement");
    text_at(cr, GRADE_X, 270, 12, FALSE, "Good"); /* leaders */
    /* Then the labels, last row first. */
    text_at(cr, 77, 438, 12, FALSE, "Overall effectiveness");
    text_at(cr, 77, 410, 12, FALSE, "care leavers");
    text_at(cr, 77, 395, 12, FALSE, "The experiences and progress of");
    text_at(cr, 77, 359, 12, FALSE, "children in care");
    text_at(cr, 77, 344, 12, FALSE, "The experiences and progress of");
    text_at(cr, 77, 317, 12, FALSE, "children who need help and protection");
    text_at(cr, 77, 302, 12, FALSE, "The experiences and progress of");
    text_at(cr, 77, 285, 12, FALSE, "practice with children and families");
    text_at(cr, 77, 270, 12, FALSE, "The impact of leaders on social work");
    text_at(cr, LEFT, 490, 12, FALSE,
            "Children in Hartlepool receive help that is mostly timely. This report is drawn");
    text_at(cr, LEFT, 505, 12, FALSE,
            "by the csbrief tests to check that PDF input is read by position.");
    footer(cr, 1);
}

/* Page 2: the findings list (heading with a footnote marker), a section,
 * numbered paragraphs, and the footnote. */
static void page_two(cairo_t *cr)
{
    text_at(cr, LEFT, 100, 14, TRUE, "What needs to improve?");
    double x, y;
    cairo_get_current_point(cr, &x, &y);
    text_at(cr, x + 0.5, 94, 8, TRUE, "1"); /* a raised footnote marker */
    text_at(cr, LEFT, 125, 12, FALSE,
            "\u2022 The sufficiency of homes for children in care. (outcome 4, national");
    text_at(cr, 89, 140, 12, FALSE, "framework)");
    text_at(cr, LEFT, 175, 14, TRUE, "The experiences and progress of children who need help and");
    text_at(cr, LEFT, 192, 14, TRUE, "protection: requires improvement to be good");
    text_at(cr, LEFT, 220, 12, FALSE, "1.");
    text_at(cr, INDENT, 220, 12, FALSE,
            "Children are seen promptly when concerns are raised, and their");
    text_at(cr, INDENT, 235, 12, FALSE, "wishes shape the plans made for them.");
    text_at(cr, LEFT, 265, 12, FALSE, "2.");
    text_at(cr, INDENT, 265, 12, FALSE,
            "Strategy discussions are timely and well attended by partners. The");
    text_at(cr, INDENT, 280, 12, FALSE,
            "response to children at risk outside the home was strengthened in");
    text_at(cr, INDENT, 295, 12, FALSE, "2014.");
    text_at(cr, LEFT, 740, 7, FALSE, "1");
    text_at(cr, 76, 744, 10, FALSE,
            "The areas for improvement are cross-referenced with the national framework.");
    footer(cr, 2);
}

/* Page 3: the end of paragraph 2 at the hanging indent, then paragraph 3. */
static void page_three(cairo_t *cr)
{
    text_at(cr, INDENT, 100, 12, FALSE, "Young people say they feel safer as a result.");
    text_at(cr, INDENT, 115, 12, FALSE, "The annual report in 2015\u250016 was late.");
    text_at(cr, LEFT, 130, 12, FALSE, "3.");
    text_at(cr, INDENT, 130, 12, FALSE, "Leaders know their services well.");
    footer(cr, 3);
}

static char *draw_report(const char *dir)
{
    char *path = g_build_filename(dir, "drawn-ilacs.pdf", NULL);
    cairo_surface_t *s = cairo_pdf_surface_create(path, 595, 842);
    cairo_t *cr = cairo_create(s);
    cairo_set_source_rgb(cr, 0, 0, 0);
    page_one(cr);
    cairo_show_page(cr);
    page_two(cr);
    cairo_show_page(cr);
    page_three(cr);
    cairo_show_page(cr);
    cairo_destroy(cr);
    cairo_surface_finish(s);
    cairo_surface_destroy(s);
    return path;
}

/* A 2018 ILACS cover: "Lead inspector: | Name" with the name in a column of
 * its own left of the grade column, its role on the line below, then a
 * table whose first label wraps with its grade beside the second line. */
static char *draw_2018_cover(const char *dir)
{
    char *path = g_build_filename(dir, "drawn-2018.pdf", NULL);
    cairo_surface_t *s = cairo_pdf_surface_create(path, 595, 842);
    cairo_t *cr = cairo_create(s);
    cairo_set_source_rgb(cr, 0, 0, 0);
    text_at(cr, 72, 126, 26, FALSE, "Bolton");
    text_at(cr, 72, 177, 16, TRUE, "Inspection of children's social care services");
    text_at(cr, 72, 211, 12, TRUE, "Inspection dates: 23 April 2018 to 04 May 2018");
    text_at(cr, 72, 240, 12, TRUE, "Lead inspector:");
    text_at(cr, 190, 240, 12, TRUE, "Jo Journeyman");
    text_at(cr, 190, 254, 12, TRUE, "Her Majesty's Inspector");
    text_at(cr, 79, 298, 12, TRUE, "Judgement");
    text_at(cr, 395, 298, 12, TRUE, "Grade");
    text_at(cr, 79, 334, 11, FALSE, "The impact of leaders on social work");
    text_at(cr, 79, 348, 11, FALSE, "practice with children and families");
    text_at(cr, 395, 348, 11, FALSE, "Good");
    text_at(cr, 79, 377, 11, FALSE, "The experiences and progress of children");
    text_at(cr, 395, 377, 11, FALSE, "Requires improvement");
    text_at(cr, 79, 390, 11, FALSE, "who need help and protection");
    text_at(cr, 395, 390, 11, FALSE, "to be good");
    text_at(cr, 79, 420, 11, FALSE, "The experiences and progress of children");
    text_at(cr, 395, 420, 11, FALSE, "Good");
    text_at(cr, 79, 433, 11, FALSE, "in care and care leavers");
    text_at(cr, 79, 470, 11, FALSE, "Overall effectiveness");
    text_at(cr, 395, 470, 11, FALSE, "Good");
    text_at(cr, 79, 525, 12, FALSE,
            "Senior leaders have a clear focus on vulnerable children. This page is drawn by");
    text_at(cr, 79, 540, 12, FALSE, "the csbrief tests.");
    cairo_show_page(cr);
    cairo_destroy(cr);
    cairo_surface_finish(s);
    cairo_surface_destroy(s);
    return path;
}

static char *draw_picture(const char *dir)
{
    char *path = g_build_filename(dir, "picture.pdf", NULL);
    cairo_surface_t *s = cairo_pdf_surface_create(path, 595, 842);
    cairo_t *cr = cairo_create(s);
    cairo_rectangle(cr, 100, 100, 200, 200);
    cairo_fill(cr);
    cairo_show_page(cr);
    cairo_destroy(cr);
    cairo_surface_finish(s);
    cairo_surface_destroy(s);
    return path;
}

static char *dir;
static CsbReference *reference;

static const CsbParagraph *paragraph(const CsbInspection *in, int number)
{
    for (guint i = 0; i < in->paragraphs->len; i++) {
        const CsbParagraph *p = in->paragraphs->pdata[i];
        if (p->number == number)
            return p;
    }
    return NULL;
}

static void test_drawn_report(void)
{
    char *path = draw_report(dir);
    CsbDiag *diag = csb_diag_new();
    CsbInspection *in = csb_parse_file(path, reference, diag);
    CHECK(in != NULL, "drawn PDF parses");
    if (!in) {
        csb_diag_print(diag, stdout);
        goto out;
    }
    CHECK(csb_diag_count(diag, CSB_SEV_WARNING) == 0, "drawn PDF: no warnings (%d)",
          csb_diag_count(diag, CSB_SEV_WARNING));
    CHECK_STR(csb_kind_id(in->kind), "ilacs", "drawn PDF: kind");
    CHECK_STR(in->authority, "Hartlepool", "drawn PDF: authority");
    CHECK_STR(in->authority_code, "805", "drawn PDF: authority code");
    char a[11], b[11];
    CHECK_STR(csb_date_iso(in->start, a), "2024-03-04", "drawn PDF: start");
    CHECK_STR(csb_date_iso(in->end, b), "2024-03-08", "drawn PDF: end");
    CHECK_STR(in->lead_inspector, "Tess Tableau", "drawn PDF: lead inspector");
    static const struct {
        const char *area, *grade;
    } want[] = {{"leadership", "good"},
                {"help_protection", "requires_improvement"},
                {"in_care", "outstanding"},
                {"care_leavers", "good"},
                {"overall", "requires_improvement"}};
    CHECK(in->judgements->len == G_N_ELEMENTS(want), "drawn PDF: %u judgements",
          in->judgements->len);
    for (guint i = 0; i < G_N_ELEMENTS(want) && i < in->judgements->len; i++) {
        const CsbJudgement *j = in->judgements->pdata[i];
        CHECK_STR(j->area, want[i].area, "drawn PDF: judgement area in table order");
        CHECK(strcmp(csb_grade_id(j->grade), want[i].grade) == 0, "drawn PDF: grade of %s is %s",
              j->area, csb_grade_id(j->grade));
        CHECK(j->page == 1, "drawn PDF: %s on page 1", j->area);
    }
    const CsbJudgement *overall = csb_inspection_judgement(in, "overall");
    CHECK_STR(overall ? overall->wording : NULL, "Requires improvement to be good",
              "drawn PDF: grade split above and below its label rejoined");
    CHECK(in->findings->len == 1, "drawn PDF: one area for improvement (%u)", in->findings->len);
    if (in->findings->len) {
        const CsbFinding *f = in->findings->pdata[0];
        CHECK_STR(f->text, "The sufficiency of homes for children in care.",
                  "drawn PDF: finding text");
        CHECK_STR(f->framework_ref, "outcome 4, national framework",
                  "drawn PDF: framework reference kept apart");
        CHECK(f->page == 2, "drawn PDF: finding on page 2");
    }
    guint n = 0;
    for (guint i = 0; i < in->paragraphs->len; i++)
        n += ((const CsbParagraph *)in->paragraphs->pdata[i])->number > 0;
    CHECK(n == 3, "drawn PDF: three numbered paragraphs (%u)", n);
    const CsbParagraph *p1 = paragraph(in, 1), *p2 = paragraph(in, 2), *p3 = paragraph(in, 3);
    CHECK(p1 && p1->page == 2 && p3 && p3->page == 3, "drawn PDF: paragraph pages");
    CHECK_STR(p1 ? p1->section : NULL,
              "The experiences and progress of children who need help and protection: "
              "requires improvement to be good",
              "drawn PDF: section heading over two lines");
    CHECK_STR(p1 ? p1->text : NULL,
              "Children are seen promptly when concerns are raised, and their wishes shape "
              "the plans made for them.",
              "drawn PDF: number separated by a wide gap stays with its paragraph");
    CHECK_STR(p2 ? p2->text : NULL,
              "Strategy discussions are timely and well attended by partners. The response to "
              "children at risk outside the home was strengthened in 2014. Young people say "
              "they feel safer as a result. The annual report in 2015\u201316 was late.",
              "drawn PDF: a wrapped '2014.' and a page break do not split paragraph 2");
    gboolean clean = TRUE;
    for (guint i = 0; i < in->paragraphs->len; i++) {
        const CsbParagraph *p = in->paragraphs->pdata[i];
        if (strstr(p->text, "cross-referenced") || strstr(p->text, "Inspection of Hartlepool"))
            clean = FALSE;
    }
    CHECK(clean, "drawn PDF: footnote and running footer kept out of paragraphs");
    CHECK(in->sha256 && strlen(in->sha256) == 64, "drawn PDF: content hash recorded");
    csb_inspection_free(in);
out:
    csb_diag_free(diag);
    g_free(path);
}

/* The PDF's raw lines: superscript footnote marker, furniture, footnote. */
static void test_drawn_lines(void)
{
    char *path = draw_report(dir);
    CsbDiag *diag = csb_diag_new();
    CsbDocument *doc = csb_ingest_file(path, diag);
    CHECK(doc && doc->type == CSB_SOURCE_PDF && doc->n_pages == 3, "drawn PDF ingests");
    gboolean marker = FALSE, footer_marked = TRUE, footnote = FALSE, table_row = FALSE,
             dash = FALSE;
    for (guint i = 0; doc && i < doc->lines->len; i++) {
        const CsbLine *l = doc->lines->pdata[i];
        if (strstr(l->text, "improve?\u00B9"))
            marker = TRUE;
        if (strstr(l->text, "2015\u201316"))
            dash = TRUE;
        if (strstr(l->text, "Inspection of Hartlepool local authority children") && !l->furniture)
            footer_marked = FALSE;
        if (strstr(l->text, "cross-referenced") && l->footnote)
            footnote = TRUE;
        if (l->cells->len == 2 && strcmp(((CsbCell *)l->cells->pdata[1])->text, "Good") == 0 &&
            g_str_has_prefix(((CsbCell *)l->cells->pdata[0])->text, "The impact of leaders"))
            table_row = TRUE;
    }
    CHECK(marker, "drawn PDF: small raised digit becomes a superscript");
    CHECK(footer_marked, "drawn PDF: running footer marked furniture");
    CHECK(footnote, "drawn PDF: footnote marked");
    CHECK(table_row, "drawn PDF: table row split into label and grade cells");
    CHECK(dash, "drawn PDF: a box-drawing line between years reads as an en dash");
    csb_document_free(doc);
    csb_diag_free(diag);
    g_free(path);
}

/* The grade column is where grades are, not the lead inspector's name. */
static void test_2018_cover(void)
{
    char *path = draw_2018_cover(dir);
    CsbDiag *diag = csb_diag_new();
    CsbInspection *in = csb_parse_file(path, reference, diag);
    CHECK(in && in->judgements->len == 4, "2018 cover: all four judgements read (%u)",
          in ? in->judgements->len : 0);
    CHECK(csb_diag_count(diag, CSB_SEV_WARNING) == 0, "2018 cover: no warnings (%d)",
          csb_diag_count(diag, CSB_SEV_WARNING));
    if (csb_diag_count(diag, CSB_SEV_WARNING))
        csb_diag_print(diag, stdout);
    const CsbJudgement *h = in ? csb_inspection_judgement(in, "help_protection") : NULL;
    CHECK(h && h->grade == CSB_GRADE_REQUIRES_IMPROVEMENT, "2018 cover: split grade rejoined");
    CHECK_STR(in ? in->lead_inspector : NULL, "Jo Journeyman", "2018 cover: lead inspector");
    csb_inspection_free(in);
    csb_diag_free(diag);
    g_free(path);
}

static void expect_rejected(const char *path, const char *reason_part, CsbUnreadReason kind,
                            const char *what)
{
    CsbDiag *diag = csb_diag_new();
    CsbInspection *in = csb_parse_file(path, reference, diag);
    CHECK(in == NULL, "%s: no record", what);
    CHECK(csb_diag_count(diag, CSB_SEV_ERROR) == 1, "%s: exactly one error (%d)", what,
          csb_diag_count(diag, CSB_SEV_ERROR));
    const CsbError *e = diag->items->len ? diag->items->pdata[0] : NULL;
    CHECK(e && strstr(e->message, reason_part), "%s: reason mentions '%s' (%s)", what,
          reason_part, e ? e->message : "none");
    CHECK(csb_unread_reason_of(e) == kind, "%s: the kind of problem is '%s' (%s)", what,
          csb_unread_reason_id(kind), csb_unread_reason_id(csb_unread_reason_of(e)));
    csb_inspection_free(in);
    csb_diag_free(diag);
}

static void test_malformed_pdfs(void)
{
    char *good = draw_report(dir);
    gchar *data = NULL;
    gsize len = 0;
    g_file_get_contents(good, &data, &len, NULL);
    char *cut = g_build_filename(dir, "truncated.pdf", NULL);
    g_file_set_contents(cut, data, (gssize)(len / 2), NULL);
    expect_rejected(cut, "truncated", CSB_UNREAD_TRUNCATED, "truncated PDF");
    char *header = g_build_filename(dir, "header-only.pdf", NULL);
    g_file_set_contents(header, "%PDF-1.7\n%%EOF\n", -1, NULL);
    expect_rejected(header, "not a readable PDF", CSB_UNREAD_DAMAGED,
                    "PDF with a header and nothing else");
    char *picture = draw_picture(dir);
    expect_rejected(picture, "no text layer", CSB_UNREAD_NO_TEXT_LAYER, "PDF without text");
    /* A sound PDF of no pages (libqpdf's empty document). */
    char *blank = g_build_filename(dir, "no-pages.pdf", NULL);
    qpdf_data q = qpdf_init();
    qpdf_silence_errors(q);
    qpdf_empty_pdf(q);
    qpdf_init_write(q, blank);
    gboolean written = !(qpdf_write(q) & QPDF_ERRORS);
    qpdf_cleanup(&q);
    CHECK(written, "libqpdf writes a PDF of no pages");
    expect_rejected(blank, "no pages", CSB_UNREAD_EMPTY, "PDF of no pages");
    g_free(blank);
    char *qpdf = g_find_program_in_path("qpdf");
    if (qpdf) {
        char *locked = g_build_filename(dir, "encrypted.pdf", NULL);
        char *argv[] = {qpdf, "--encrypt", "secret", "secret", "256", "--", good, locked, NULL};
        int status = -1;
        g_spawn_sync(NULL, argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, NULL);
        if (g_file_test(locked, G_FILE_TEST_EXISTS))
            expect_rejected(locked, "encrypted", CSB_UNREAD_ENCRYPTED, "encrypted PDF");
        else
            SKIP("qpdf could not encrypt", "encrypted PDF");
        g_free(locked);
        g_free(qpdf);
    } else {
        SKIP("qpdf is not installed", "encrypted PDF");
    }
    g_free(data);
    g_free(good);
    g_free(cut);
    g_free(header);
    g_free(picture);
}

static void remove_dir(const char *path)
{
    GDir *d = g_dir_open(path, 0, NULL);
    const char *name;
    while (d && (name = g_dir_read_name(d))) {
        char *f = g_build_filename(path, name, NULL);
        g_remove(f);
        g_free(f);
    }
    if (d)
        g_dir_close(d);
    g_rmdir(path);
}

int main(void)
{
    dir = g_dir_make_tmp("csbrief-pdf-XXXXXX", NULL);
    CsbDiag *diag = csb_diag_new();
    reference = csb_reference_load(".", diag);
    CHECK(reference != NULL, "authority table and frameworks load");
    if (!reference)
        return unit_done();
    RUN(test_drawn_lines);
    RUN(test_drawn_report);
    RUN(test_2018_cover);
    RUN(test_malformed_pdfs);
    csb_reference_free(reference);
    csb_diag_free(diag);
    remove_dir(dir);
    g_free(dir);
    /* Release the font caches the toy text API filled, for leak checkers. */
    cairo_debug_reset_static_data();
    FcFini();
    return unit_done();
}
