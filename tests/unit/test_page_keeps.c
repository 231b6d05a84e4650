/* test_page_keeps.c - what a heading or a lead-in introduces starts on its
 * page, read back from a tagged PDF with poppler-glib's structure API (so
 * it holds for what was printed, whatever made it): no page ends with a
 * heading (or stacked headings) whose content starts on the next; nor with
 * a heading and the paragraph under it that introduces a list, table,
 * figure or quotation (an intro: "Each peer counted by ...") whose first
 * item starts on the next; nor with a lead-in paragraph ending in a colon
 * ("Cells marked * are older than ...:") whose list starts on the next.
 *
 * Without arguments it checks made-up documents that put a heading, an
 * intro and a list at every position near the foot of a page; with
 * arguments "PDF..." it checks those files, one line for each that breaks
 * a rule (tests/sh/render_corpus.sh on briefings from the real reports,
 * and a national build by hand: build/tests/test_page_keeps out/\*.pdf).
 */
#include "unit.h"

#include "layout/layout.h"
#include "render/render.h"

#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

/* A block of a section (a child of a Sect, or of the Document outside
 * any): its kind, the pages its content starts and ends on (0-based), and
 * whether its text ends with a colon. */
typedef struct {
    PopplerStructureElementKind kind;
    int first, last;
    gboolean colon;
    char *text; /* the start of it, for messages */
} Block;

static void block_free(gpointer p)
{
    Block *b = p;
    g_free(b->text);
    g_free(b);
}

static gboolean is_heading(PopplerStructureElementKind k)
{
    return k >= POPPLER_STRUCTURE_ELEMENT_HEADING && k <= POPPLER_STRUCTURE_ELEMENT_HEADING_6;
}

/* What a paragraph can introduce. */
static gboolean is_introduced(PopplerStructureElementKind k)
{
    return k == POPPLER_STRUCTURE_ELEMENT_LIST || k == POPPLER_STRUCTURE_ELEMENT_TABLE ||
           k == POPPLER_STRUCTURE_ELEMENT_FIGURE || k == POPPLER_STRUCTURE_ELEMENT_BLOCKQUOTE;
}

/* The pages the content under it is on (first and last), and its text. */
static void span(PopplerStructureElementIter *it, Block *b, GString *text)
{
    do {
        PopplerStructureElement *e = poppler_structure_element_iter_get_element(it);
        if (poppler_structure_element_is_content(e)) {
            int page = poppler_structure_element_get_page(e);
            if (page >= 0) {
                b->first = b->first < 0 ? page : MIN(b->first, page);
                b->last = MAX(b->last, page);
            }
            char *t = poppler_structure_element_get_text(e, POPPLER_STRUCTURE_GET_TEXT_NONE);
            if (t)
                g_string_append(text, t);
            g_free(t);
        }
        PopplerStructureElementIter *c = poppler_structure_element_iter_get_child(it);
        if (c) {
            span(c, b, text);
            poppler_structure_element_iter_free(c);
        }
        g_object_unref(e);
    } while (poppler_structure_element_iter_next(it));
}

static void blocks_of(PopplerStructureElementIter *it, GPtrArray *out)
{
    do {
        PopplerStructureElement *e = poppler_structure_element_iter_get_element(it);
        PopplerStructureElementKind k = poppler_structure_element_get_kind(e);
        PopplerStructureElementIter *c = poppler_structure_element_iter_get_child(it);
        if (k == POPPLER_STRUCTURE_ELEMENT_DOCUMENT || k == POPPLER_STRUCTURE_ELEMENT_SECTION) {
            if (c)
                blocks_of(c, out);
        } else {
            Block *b = g_new0(Block, 1);
            b->kind = k;
            b->first = -1;
            b->last = -1;
            GString *text = g_string_new(NULL);
            if (c)
                span(c, b, text);
            g_strchomp(text->str);
            text->len = strlen(text->str);
            b->colon = text->len && text->str[text->len - 1] == ':';
            /* For messages: poppler-glib 22.12 gives content text read
             * again as PDFDocEncoding (see test_render_structure.c), so
             * only its ASCII is kept as it was. */
            b->text = g_strndup(text->str, MIN(text->len, 60));
            for (char *ch = b->text; *ch; ch++)
                if ((unsigned char)*ch >= 0x80)
                    *ch = '?';
            g_string_free(text, TRUE);
            if (b->first >= 0)
                g_ptr_array_add(out, b);
            else
                block_free(b);
        }
        if (c)
            poppler_structure_element_iter_free(c);
        g_object_unref(e);
    } while (poppler_structure_element_iter_next(it));
}

/* The blocks of a PDF in reading order; NULL when it cannot be read or has
 * no structure. */
static GPtrArray *read_blocks(const char *path)
{
    char *uri = g_filename_to_uri(path, NULL, NULL);
    PopplerDocument *doc = uri ? poppler_document_new_from_file(uri, NULL, NULL) : NULL;
    g_free(uri);
    PopplerStructureElementIter *it = doc ? poppler_structure_element_iter_new(doc) : NULL;
    GPtrArray *out = NULL;
    if (it) {
        out = g_ptr_array_new_with_free_func(block_free);
        blocks_of(it, out);
        poppler_structure_element_iter_free(it);
    }
    if (doc)
        g_object_unref(doc);
    return out;
}

/* Each place a page ends with a heading, a heading and its intro, or a
 * lead-in, what it introduces starting on the next page: one line each
 * ("page 15: 'Themes the peers...' and its intro, then a list on page
 * 16"), appended to out; how many. */
static int broken_keeps(const GPtrArray *blocks, GString *out)
{
    int bad = 0;
    for (guint i = 0; i < blocks->len; i++) {
        const Block *b = blocks->pdata[i];
        if (is_heading(b->kind)) {
            if (i > 0 && is_heading(((const Block *)blocks->pdata[i - 1])->kind))
                continue; /* stacked: checked from the first */
            guint k = i + 1;
            while (k < blocks->len && is_heading(((const Block *)blocks->pdata[k])->kind))
                k++;
            if (k >= blocks->len)
                continue;
            const Block *next = blocks->pdata[k];
            const Block *then = k + 1 < blocks->len ? blocks->pdata[k + 1] : NULL;
            gboolean intro = next->kind == POPPLER_STRUCTURE_ELEMENT_PARAGRAPH && then &&
                             is_introduced(then->kind);
            if (next->first > b->first) {
                g_string_append_printf(out, "# page %d: '%s' ends it\n", b->first + 1, b->text);
                bad++;
            } else if (intro && next->last == b->first && then->first > next->last) {
                g_string_append_printf(out, "# page %d: '%s' and its intro end it\n", b->first + 1,
                                       b->text);
                bad++;
            }
        } else if (b->kind == POPPLER_STRUCTURE_ELEMENT_PARAGRAPH && b->colon &&
                   i + 1 < blocks->len) {
            const Block *next = blocks->pdata[i + 1];
            if (next->first > b->last) {
                g_string_append_printf(out, "# page %d: the lead-in '%s' ends it\n", b->last + 1,
                                       b->text);
                bad++;
            }
        }
    }
    return bad;
}

static void check_file(const char *path)
{
    GPtrArray *blocks = read_blocks(path);
    CHECK(blocks != NULL, "%s: poppler reads its structure", path);
    if (!blocks)
        return;
    GString *why = g_string_new(NULL);
    int bad = broken_keeps(blocks, why);
    if (bad)
        printf("# %s:\n%s", path, why->str);
    CHECK(bad == 0, "%s: no page ends with a heading, a heading and its intro, or a lead-in "
                    "(%d do)",
          path, bad);
    g_string_free(why, TRUE);
    g_ptr_array_free(blocks, TRUE);
}

/* ---- made-up documents ------------------------------------------------ */

/* word repeated n times, numbered: "Intro1 Intro2 ..." (about 14 to a line). */
static char *words(int n, const char *word)
{
    GString *s = g_string_new(NULL);
    for (int i = 1; i <= n; i++)
        g_string_append_printf(s, "%s%s%d", i > 1 ? " " : "", word, i);
    return g_string_free(s, FALSE);
}

/* A document with, after lead filler lines, a heading, an intro and a list
 * of four items of three lines; broken: a page break before the list. */
static CsbDoc *intro_doc(CsbTemplate *tpl, int lead, gboolean broken)
{
    CsbDoc *d = csb_doc_new(tpl);
    for (int i = 0; i < lead; i++)
        csb_doc_para(d, csb_rich_addf(csb_rich_new(), 0, "Filler line %d.", i));
    csb_doc_heading(d, 2, "A heading");
    char *intro = words(40, "Intro"), *item = words(40, "Item");
    csb_doc_para(d, csb_rich_plain(intro));
    if (broken)
        csb_doc_page_break(d);
    CsbDocBlock *l = csb_doc_list(d);
    for (int i = 0; i < 4; i++)
        g_ptr_array_add(l->items, csb_rich_plain(item));
    csb_doc_page_break(d);
    csb_doc_para(d, csb_rich_plain(item));
    g_free(intro);
    g_free(item);
    return d;
}

/* How many keeps the PDF of d breaks; -1 when it is not made or read. */
static int broken_in_pdf(CsbDoc *d, const char *path, CsbDiag *diag)
{
    PangoFontMap *fonts = csb_fonts_map("fonts", diag); /* the layout owns it */
    CsbLayout *l = fonts ? csb_layout_run(d, fonts, diag) : NULL;
    CsbPdfMeta meta = {"T", "A", "S", "K", "csbrief test", "2026-01-01T00:00:00", "Noto Sans"};
    gboolean ok = l && csb_render_pdf(l, path, &meta, diag);
    csb_layout_free(l);
    GPtrArray *blocks = ok ? read_blocks(path) : NULL;
    GString *why = g_string_new(NULL);
    int bad = blocks ? broken_keeps(blocks, why) : -1;
    if (bad > 0)
        printf("%s", why->str);
    g_string_free(why, TRUE);
    if (blocks)
        g_ptr_array_free(blocks, TRUE);
    g_unlink(path);
    return bad;
}

static void test_made_up(void)
{
    CsbDiag *diag = csb_diag_new();
    CsbTemplate *tpl = csb_template_load("templates/briefing-pack.yaml", diag);
    char *dir = g_dir_make_tmp("csbrief-keeps-XXXXXX", NULL);
    char *path = g_build_filename(dir, "keeps.pdf", NULL);
    CHECK(tpl != NULL, "the template loads");
    int bad = 0, unread = 0;
    for (int lead = 20; tpl && lead < 80; lead += 2) {
        CsbDoc *d = intro_doc(tpl, lead, FALSE);
        int n = broken_in_pdf(d, path, diag);
        bad += n > 0;
        unread += n < 0;
        csb_doc_free(d);
    }
    CHECK(unread == 0 && bad == 0, "a heading and its intro at 30 places on the page: the "
                                   "first item always on their page (%d not, %d unread)",
          bad, unread);
    CsbDoc *d = tpl ? intro_doc(tpl, 20, TRUE) : NULL;
    int n = d ? broken_in_pdf(d, path, diag) : -1;
    CHECK(n == 1, "a page broken between an intro and its list is found (%d)", n);
    csb_doc_free(d);
    g_rmdir(dir);
    g_free(path);
    g_free(dir);
    csb_template_free(tpl);
    csb_diag_free(diag);
}

int main(int argc, char **argv)
{
    if (argc == 1)
        RUN(test_made_up);
    for (int i = 1; i < argc; i++)
        check_file(argv[i]);
    return unit_done();
}
