/* pdf.c - PDF input with poppler-glib, in process.
 *
 * Poppler gives every character of a page with its box. We rebuild the
 * page as physical lines (segments whose vertical extents overlap), order
 * each line left to right, and split it into cells at wide horizontal gaps.
 * That is how a judgement table reads correctly even when poppler's own
 * text order interleaves its columns. Running headers and footers (lines in
 * the top or bottom band that repeat across pages) are marked furniture.
 */
#include "ingest.h"

#include <math.h>
#include <poppler.h>
#include <string.h>

typedef struct {
    GString *text;
    double x0, y0, x1, y1;
    double size;
    gboolean bold;
} Segment;

static void segment_free(gpointer p)
{
    Segment *s = p;
    g_string_free(s->text, TRUE);
    g_free(s);
}

static int segment_by_y(gconstpointer a, gconstpointer b)
{
    const Segment *x = *(Segment *const *)a, *y = *(Segment *const *)b;
    double cx = (x->y0 + x->y1) / 2, cy = (y->y0 + y->y1) / 2;
    if (fabs(cx - cy) > 0.01)
        return cx < cy ? -1 : 1;
    return x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

static int segment_by_x(gconstpointer a, gconstpointer b)
{
    const Segment *x = *(Segment *const *)a, *y = *(Segment *const *)b;
    return x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

/* Attributes (font) for character index i; attrs is sorted by start. */
static PopplerTextAttributes *attr_at(GList **cursor, int i)
{
    while (*cursor) {
        PopplerTextAttributes *a = (*cursor)->data;
        if (i <= a->end_index)
            return i >= a->start_index ? a : NULL;
        *cursor = (*cursor)->next;
    }
    return NULL;
}

/* Split poppler's text into segments: runs of characters on one line. A run
 * also breaks where the next character jumps backwards or far ahead. */
static GPtrArray *page_segments(PopplerPage *page)
{
    GPtrArray *segs = g_ptr_array_new_with_free_func(segment_free);
    char *text = poppler_page_get_text(page);
    PopplerRectangle *rects = NULL;
    guint n_rects = 0;
    if (!text || !poppler_page_get_text_layout(page, &rects, &n_rects)) {
        g_free(text);
        g_free(rects);
        return segs;
    }
    GList *attrs = poppler_page_get_text_attributes(page);
    GList *cursor = attrs;
    Segment *cur = NULL;
    guint i = 0;
    for (const char *p = text; *p && i < n_rects; p = g_utf8_next_char(p), i++) {
        gunichar c = g_utf8_get_char(p);
        const PopplerRectangle *r = &rects[i];
        if (c == '\n' || c == '\r') {
            cur = NULL;
            continue;
        }
        double h = r->y2 - r->y1;
        gboolean space = g_unichar_isspace(c);
        if (cur && !space) {
            double gap = r->x1 - cur->x1;
            double band = MAX(cur->y1 - cur->y0, h);
            gboolean same_line = fabs((r->y1 + r->y2) / 2 - (cur->y0 + cur->y1) / 2) < band * 0.6;
            if (!same_line || gap < -band || gap > band * 1.6)
                cur = NULL;
        }
        if (!cur) {
            if (space)
                continue;
            cur = g_new0(Segment, 1);
            cur->text = g_string_new(NULL);
            cur->x0 = r->x1;
            cur->y0 = r->y1;
            cur->x1 = r->x2;
            cur->y1 = r->y2;
            PopplerTextAttributes *a = attr_at(&cursor, (int)i);
            if (a) {
                cur->size = a->font_size;
                cur->bold = a->font_name && (strstr(a->font_name, "Bold") ||
                                             strstr(a->font_name, "bold") ||
                                             strstr(a->font_name, "Black"));
            }
            g_ptr_array_add(segs, cur);
        }
        if (space) {
            if (cur->text->len && cur->text->str[cur->text->len - 1] != ' ')
                g_string_append_c(cur->text, ' ');
            continue;
        }
        if (c == 0xFFFD || (c < 0x20))
            continue;
        /* A visible gap with no space character is still a word break. */
        if (cur->text->len && cur->text->str[cur->text->len - 1] != ' ' &&
            r->x1 - cur->x1 > MAX(h, 1.0) * 0.25)
            g_string_append_c(cur->text, ' ');
        g_string_append_unichar(cur->text, c);
        cur->x1 = MAX(cur->x1, r->x2);
        cur->y0 = MIN(cur->y0, r->y1);
        cur->y1 = MAX(cur->y1, r->y2);
    }
    poppler_page_free_text_attributes(attrs);
    g_free(rects);
    g_free(text);
    return segs;
}

/* Group segments into physical lines and emit them as cells. */
static void add_page_lines(CsbDocument *doc, PopplerPage *page, int page_no)
{
    GPtrArray *segs = page_segments(page);
    g_ptr_array_sort(segs, segment_by_y);
    guint i = 0;
    while (i < segs->len) {
        Segment *first = segs->pdata[i];
        double y0 = first->y0, y1 = first->y1;
        GPtrArray *row = g_ptr_array_new();
        g_ptr_array_add(row, first);
        guint j = i + 1;
        for (; j < segs->len; j++) {
            Segment *s = segs->pdata[j];
            double c = (s->y0 + s->y1) / 2;
            if (c < y0 || c > y1)
                break;
            g_ptr_array_add(row, s);
        }
        g_ptr_array_sort(row, segment_by_x);
        CsbLine *line = csb_document_add_line(doc, page_no, y0, y1);
        GString *cell = g_string_new(NULL);
        double cx0 = 0, cx1 = 0, size = 0;
        for (guint k = 0; k < row->len; k++) {
            Segment *s = row->pdata[k];
            char *t = g_strstrip(g_strdup(s->text->str));
            size = MAX(size, s->size);
            if (k == 0) {
                line->bold = s->bold;
                line->size = s->size;
            }
            if (cell->len && s->x0 - cx1 > MAX(s->size, 8.0) * 1.6) {
                csb_line_add_cell(line, cell->str, cx0, cx1);
                g_string_truncate(cell, 0);
            }
            if (!cell->len)
                cx0 = s->x0;
            else
                g_string_append_c(cell, ' ');
            g_string_append(cell, t);
            cx1 = s->x1;
            line->y0 = MIN(line->y0, s->y0);
            line->y1 = MAX(line->y1, s->y1);
            g_free(t);
        }
        if (cell->len)
            csb_line_add_cell(line, cell->str, cx0, cx1);
        g_string_free(cell, TRUE);
        if (!line->size)
            line->size = size;
        csb_line_finish(line);
        g_ptr_array_free(row, TRUE);
        i = j;
    }
    g_ptr_array_free(segs, TRUE);
}

/* Key for recognising a running header or footer: the text with digits
 * removed ("Page 3 of 40" and "Page 4 of 40" are the same furniture). */
static char *furniture_key(const char *text)
{
    GString *s = g_string_new(NULL);
    for (const char *p = text; *p; p++)
        if (!g_ascii_isdigit(*p))
            g_string_append_c(s, *p);
    char *k = csb_text_fold(s->str);
    g_string_free(s, TRUE);
    return k;
}

static void mark_furniture(CsbDocument *doc)
{
    if (doc->page_height <= 0)
        return;
    double band = doc->page_height * 0.09;
    GHashTable *pages = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (guint i = 0; i < doc->lines->len; i++) {
        CsbLine *l = doc->lines->pdata[i];
        if (l->y0 > band && l->y1 < doc->page_height - band)
            continue;
        char *k = furniture_key(l->text);
        guint n = GPOINTER_TO_UINT(g_hash_table_lookup(pages, k));
        g_hash_table_replace(pages, k, GUINT_TO_POINTER(n + 1));
    }
    for (guint i = 0; i < doc->lines->len; i++) {
        CsbLine *l = doc->lines->pdata[i];
        if (l->y0 > band && l->y1 < doc->page_height - band)
            continue;
        char *k = furniture_key(l->text);
        guint n = GPOINTER_TO_UINT(g_hash_table_lookup(pages, k));
        gboolean number_only = *k == '\0';
        if (number_only || (doc->n_pages >= 3 && n * 3 >= (guint)doc->n_pages))
            l->furniture = TRUE;
        g_free(k);
    }
    g_hash_table_destroy(pages);
}

CsbDocument *csb_ingest_pdf(const char *path, const char *data, gsize len, CsbDiag *diag)
{
    GError *err = NULL;
    GBytes *bytes = g_bytes_new(data, len);
    PopplerDocument *pdf = poppler_document_new_from_bytes(bytes, NULL, &err);
    g_bytes_unref(bytes);
    if (!pdf) {
        if (g_error_matches(err, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
            csb_diag_error(diag, path, 0, 0,
                           "the PDF is encrypted with a password: ask the publisher for an "
                           "unprotected copy");
        else
            csb_diag_error(diag, path, 0, 0, "not a readable PDF (%s): it may be truncated; "
                           "download it again", err ? err->message : "unknown error");
        g_clear_error(&err);
        return NULL;
    }
    CsbDocument *doc = csb_document_new(path, CSB_SOURCE_PDF);
    doc->n_pages = poppler_document_get_n_pages(pdf);
    for (int p = 0; p < doc->n_pages; p++) {
        PopplerPage *page = poppler_document_get_page(pdf, p);
        if (!page)
            continue;
        if (p == 0)
            poppler_page_get_size(page, &doc->page_width, &doc->page_height);
        add_page_lines(doc, page, p + 1);
        g_object_unref(page);
    }
    g_object_unref(pdf);
    if (doc->lines->len == 0) {
        csb_diag_error(diag, path, 0, 0,
                       "the PDF has no text layer (a scanned image?): csbrief cannot read it");
        csb_document_free(doc);
        return NULL;
    }
    mark_furniture(doc);
    return doc;
}
