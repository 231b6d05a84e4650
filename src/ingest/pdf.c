/* pdf.c - PDF input with poppler-glib, in process.
 *
 * Poppler gives every character of a page with its box and font. We rebuild
 * the page as physical lines (runs whose vertical extents overlap), order
 * each line left to right, and split it into cells at wide horizontal gaps.
 * That is how a judgement table reads correctly even when poppler's own
 * text order interleaves its columns. Footnote markers (small raised
 * digits) become Unicode superscripts, as the text versions of reports
 * write them. The page layout is then annotated by layout.c (running
 * headers, footers and footnotes).
 */
#include "ingest.h"

#include <math.h>
#include <poppler.h>
#include <string.h>

/* A run of characters poppler emitted together on one line. */
typedef struct {
    GString *text;
    double x0, y0, x1, y1;
    double size;       /* mean font size of the run, superscripts aside */
    double size_sum;
    int n_chars, n_bold;
    gboolean pending_space;
    double last_size, last_bottom, last_height; /* of the last ordinary character */
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

static gboolean font_is_bold(const char *name)
{
    return name && (strstr(name, "Bold") || strstr(name, "bold") || strstr(name, "Black") ||
                    strstr(name, "Heavy") || strstr(name, ",BoldItalic"));
}

/* A box-drawing horizontal line (U+2500, U+2501) in a report's running text
 * is a dash its font maps wrongly (Barnet 2017: "annual report in 2015", the
 * line, "16"): read as the en dash it shows, which the briefing's fonts can
 * draw. */
static gunichar as_dash(gunichar c)
{
    return c == 0x2500 || c == 0x2501 ? 0x2013 : c;
}

static gunichar superscript_digit(gunichar c)
{
    static const gunichar sup[10] = {0x2070, 0x00B9, 0x00B2, 0x00B3, 0x2074,
                                     0x2075, 0x2076, 0x2077, 0x2078, 0x2079};
    return sup[c - '0'];
}

/* Horizontal gap (points) above which two runs on a line are different
 * cells: wider than any justified word space, narrower than a table gutter. */
static double cell_gap(double size)
{
    return MAX(size, 6.0) * 0.95;
}

/* Split poppler's text into segments: runs of characters on one line. A run
 * breaks where the next character jumps backwards, far ahead, or off the
 * line. */
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
        if (c == (gunichar)-1 || c == (gunichar)-2)
            break; /* poppler promises UTF-8; stop rather than misread */
        gboolean space = g_unichar_isspace(c) || c == 0xA0;
        if (space) {
            if (cur)
                cur->pending_space = TRUE;
            continue;
        }
        if (c < 0x20 || c == 0xFFFD || (c >= 0xFFF0 && c <= 0xFFFF) ||
            csb_unichar_is_noncharacter(c))
            continue;
        if (!isfinite(r->x1) || !isfinite(r->x2) || !isfinite(r->y1) || !isfinite(r->y2))
            continue;
        PopplerTextAttributes *a = attr_at(&cursor, (int)i);
        double size = a && a->font_size > 0 && a->font_size < 1000 ? a->font_size
                                                                   : MAX(r->y2 - r->y1, 1.0);
        double h = MAX(r->y2 - r->y1, 1.0);
        gboolean superscript = FALSE;
        if (cur) {
            double gap = r->x1 - cur->x1;
            double band = MAX(cur->y1 - cur->y0, h);
            double mid = (r->y1 + r->y2) / 2;
            gboolean same_line = mid > cur->y0 - band * 0.1 && mid < cur->y1 + band * 0.1;
            superscript = c >= '0' && c <= '9' && size < cur->last_size * 0.8 &&
                          gap < cur->last_size * 0.5 && gap > -1 &&
                          r->y2 < cur->last_bottom - cur->last_height * 0.15;
            if (!same_line || gap < -band || gap > cell_gap(MAX(cur->size, size)))
                cur = NULL;
        }
        if (!cur) {
            cur = g_new0(Segment, 1);
            cur->text = g_string_new(NULL);
            cur->x0 = r->x1;
            cur->y0 = r->y1;
            cur->x1 = r->x2;
            cur->y1 = r->y2;
            cur->size = size;
            g_ptr_array_add(segs, cur);
            superscript = FALSE;
        } else if (cur->pending_space || r->x1 - cur->x1 > MAX(size, 1.0) * 0.2) {
            /* A space character, or a visible gap without one: a word break. */
            if (!superscript)
                g_string_append_c(cur->text, ' ');
        }
        cur->pending_space = FALSE;
        if (superscript) {
            g_string_append_unichar(cur->text, superscript_digit(c));
            cur->x1 = MAX(cur->x1, r->x2);
            continue;
        }
        g_string_append_unichar(cur->text, as_dash(c));
        cur->last_size = size;
        cur->last_bottom = r->y2;
        cur->last_height = h;
        cur->size_sum += size;
        cur->n_chars++;
        if (a && font_is_bold(a->font_name))
            cur->n_bold++;
        cur->size = cur->size_sum / cur->n_chars;
        cur->x1 = MAX(cur->x1, r->x2);
        cur->y0 = MIN(cur->y0, r->y1);
        cur->y1 = MAX(cur->y1, r->y2);
    }
    poppler_page_free_text_attributes(attrs);
    g_free(rects);
    g_free(text);
    return segs;
}

/* A cell that is only a list marker ("12.", "2.1", "(a)", a bullet glyph)
 * belongs with the text after it, however wide the gap. */
static gboolean is_marker(const char *s)
{
    const char *p = s;
    if (!*p)
        return FALSE;
    if (g_utf8_strlen(s, 8) == 1) {
        gunichar c = g_utf8_get_char(s);
        return !g_unichar_isalnum(c) || (c >= 0xF000 && c <= 0xF0FF);
    }
    int digits = 0;
    while (g_ascii_isdigit(*p)) {
        p++;
        digits++;
    }
    if (digits && digits <= 3) {
        if (*p == '.' && p[1] == '\0')
            return TRUE;
        if (*p == '.' && g_ascii_isdigit(p[1])) {
            p++;
            while (g_ascii_isdigit(*p))
                p++;
            return *p == '\0' || (*p == '.' && p[1] == '\0');
        }
        return FALSE;
    }
    return (p[0] == '(' && g_ascii_isalpha(p[1]) && p[2] == ')' && !p[3]) ||
           (g_ascii_isalpha(p[0]) && p[1] == ')' && !p[2]);
}

static void add_cell(CsbLine *line, const char *text, double x0, double x1, double y0,
                     double y1)
{
    csb_line_add_cell(line, text, x0, x1);
    CsbCell *c = line->cells->pdata[line->cells->len - 1];
    c->y0 = y0;
    c->y1 = y1;
}

/* Group segments into physical lines and emit them as cells. */
static void add_page_lines(CsbDocument *doc, PopplerPage *page, int page_no)
{
    GPtrArray *segs = page_segments(page);
    g_ptr_array_sort(segs, segment_by_y);
    GPtrArray *row = g_ptr_array_new();
    GString *cell = g_string_new(NULL);
    guint i = 0;
    while (i < segs->len) {
        Segment *first = segs->pdata[i];
        double y0 = first->y0, y1 = first->y1;
        g_ptr_array_set_size(row, 0);
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
        g_string_truncate(cell, 0);
        double cx0 = 0, cx1 = 0, cy0 = 0, cy1 = 0, size = 0, chars = 0, weighted = 0, bold = 0;
        gboolean marker_pending = FALSE;
        for (guint k = 0; k < row->len; k++) {
            Segment *s = row->pdata[k];
            size = MAX(size, s->size);
            weighted += s->size * s->n_chars;
            bold += s->n_bold;
            chars += s->n_chars;
            if (cell->len && !marker_pending && s->x0 - cx1 > cell_gap(s->size)) {
                add_cell(line, cell->str, cx0, cx1, cy0, cy1);
                g_string_truncate(cell, 0);
            }
            if (!cell->len) {
                cx0 = s->x0;
                cy0 = s->y0;
                cy1 = s->y1;
            } else {
                g_string_append_c(cell, ' ');
            }
            cy0 = MIN(cy0, s->y0);
            cy1 = MAX(cy1, s->y1);
            g_string_append(cell, s->text->str);
            marker_pending = line->cells->len == 0 && is_marker(cell->str);
            cx1 = MAX(cx1, s->x1);
            line->y0 = MIN(line->y0, s->y0);
            line->y1 = MAX(line->y1, s->y1);
        }
        if (cell->len)
            add_cell(line, cell->str, cx0, cx1, cy0, cy1);
        /* The line's size: the mean over its characters, to half a point. */
        line->size = chars > 0 ? round(weighted / chars * 2) / 2 : size;
        line->bold = chars > 0 && bold >= chars * 0.6;
        csb_line_finish(line);
        i = j;
    }
    g_string_free(cell, TRUE);
    g_ptr_array_free(row, TRUE);
    g_ptr_array_free(segs, TRUE);
}

/* A copy of the PDF with its output intent hidden from poppler.
 *
 * Reports made with Word carry an ICC output intent (PDF/A). Poppler sets
 * up colour transforms from it for every page it lays out, text pages
 * included, and that costs four fifths of the time text extraction takes.
 * Text never depends on colour, so the catalog's /OutputIntents key is
 * renamed in place (same length, so no offset moves) and poppler skips it.
 * Where the catalog sits in a compressed object stream the key is not
 * visible and nothing changes. */
static GBytes *without_output_intent(const char *data, gsize len)
{
    static const char key[] = "/OutputIntents";
    const gsize n = sizeof key - 1;
    char *copy = g_memdup2(data, len);
    char *p = copy;
    while (len - (gsize)(p - copy) >= n && (p = memmem(p, len - (gsize)(p - copy), key, n))) {
        char after = (gsize)(p - copy) + n < len ? p[n] : ' ';
        if (!g_ascii_isalnum(after))
            p[n - 1] = 'X'; /* "/OutputIntentX": a key nothing reads */
        p += n;
    }
    return g_bytes_new_take(copy, len);
}

/* Refuse what csbrief will not read: more to decompress than the limit
 * allows, or a file libqpdf finds damaged. NULL when it may be read. */
static char *too_large(const CsbIngestLimits *lim)
{
    char *limit = csb_size_text(lim->inflated_bytes);
    char *msg = g_strdup_printf("its compressed streams decompress to more than %s (the limit, "
                                "CSBRIEF_MAX_INFLATED_MB): not read; a report never needs that "
                                "much, so it is damaged or made to exhaust readers",
                                limit);
    g_free(limit);
    return msg;
}

static char *refusal(const char *data, gsize len, const CsbIngestLimits *lim, int *pages,
                     CsbUnreadReason *reason)
{
    guint64 total = 0;
    *reason = CSB_UNREAD_TOO_LARGE;
    if (!csb_pdf_inflated_within(data, len, lim->inflated_bytes, &total))
        return too_large(lim);
    char *problem = NULL;
    char *msg = NULL;
    switch (csb_pdf_check(data, len, lim->inflated_bytes, pages, &problem)) {
    case CSB_PDF_SOUND:
        break;
    case CSB_PDF_TOO_LARGE:
        msg = too_large(lim);
        break;
    case CSB_PDF_DAMAGED:
        *reason = CSB_UNREAD_DAMAGED;
        msg = g_strdup_printf("damaged: download it again (libqpdf: %s)", problem);
        break;
    case CSB_PDF_UNREADABLE:
        *reason = CSB_UNREAD_DAMAGED;
        msg = g_strdup_printf("not a readable PDF (libqpdf: %s): it is damaged or not a PDF; "
                              "download it again",
                              problem);
        break;
    case CSB_PDF_ENCRYPTED:
        *reason = CSB_UNREAD_ENCRYPTED;
        msg = g_strdup("the PDF is encrypted with a password: ask the publisher for an "
                       "unprotected copy");
        break;
    }
    g_free(problem);
    return msg;
}

static gboolean over_time(const char *path, GTimer *timer, const CsbIngestLimits *lim,
                          CsbDiag *diag)
{
    if (g_timer_elapsed(timer, NULL) <= lim->seconds)
        return FALSE;
    csb_diag_error_code(diag, CSB_UNREAD_TOO_SLOW, path, 0, 0,
                        "reading it took more than %g seconds (the limit, "
                        "CSBRIEF_MAX_REPORT_SECONDS): not read; it may be damaged or made to "
                        "slow readers down",
                        lim->seconds);
    return TRUE;
}

CsbDocument *csb_ingest_pdf(const char *path, const char *data, gsize len, CsbDiag *diag)
{
    CsbIngestLimits lim = csb_ingest_limits();
    GTimer *timer = g_timer_new();
    int sound_pages = -1;
    CsbUnreadReason reason;
    char *refused = refusal(data, len, &lim, &sound_pages, &reason);
    if (refused) {
        csb_diag_error_code(diag, reason, path, 0, 0, "%s", refused);
        g_free(refused);
        g_timer_destroy(timer);
        return NULL;
    }
    if (sound_pages > lim.pages) {
        csb_diag_error_code(diag, CSB_UNREAD_TOO_LARGE, path, 0, 0,
                            "%d pages, more than the limit of %d (CSBRIEF_MAX_PAGES): not read; "
                            "an inspection report has fewer than 100",
                            sound_pages, lim.pages);
        g_timer_destroy(timer);
        return NULL;
    }
    GError *err = NULL;
    GBytes *bytes = without_output_intent(data, len);
    PopplerDocument *pdf = poppler_document_new_from_bytes(bytes, NULL, &err);
    g_bytes_unref(bytes);
    if (!pdf) {
        if (g_error_matches(err, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
            csb_diag_error_code(diag, CSB_UNREAD_ENCRYPTED, path, 0, 0,
                                "the PDF is encrypted with a password: ask the publisher for "
                                "an unprotected copy");
        else
            csb_diag_error_code(diag, CSB_UNREAD_DAMAGED, path, 0, 0,
                                "not a readable PDF (%s): it may be truncated or damaged; "
                                "download it again",
                                err ? err->message : "unknown error");
        g_clear_error(&err);
        g_timer_destroy(timer);
        return NULL;
    }
    CsbDocument *doc = csb_document_new(path, CSB_SOURCE_PDF);
    doc->n_pages = poppler_document_get_n_pages(pdf);
    gboolean failed = FALSE;
    if (doc->n_pages != sound_pages) {
        /* Both read the same page tree: a difference is damage poppler
         * worked around. */
        csb_diag_error_code(diag, CSB_UNREAD_DAMAGED, path, 0, 0,
                            "damaged: download it again (its page tree gives %d pages to one "
                            "reader and %d to another)",
                            sound_pages, doc->n_pages);
        failed = TRUE;
    }
    for (int p = 0; !failed && p < doc->n_pages; p++) {
        PopplerPage *page = poppler_document_get_page(pdf, p);
        if (!page) {
            csb_diag_error_code(diag, CSB_UNREAD_DAMAGED, path, 0, 0,
                                "damaged: download it again (page %d cannot be read)", p + 1);
            failed = TRUE;
            break;
        }
        if (doc->page_height <= 0)
            poppler_page_get_size(page, &doc->page_width, &doc->page_height);
        add_page_lines(doc, page, p + 1);
        g_object_unref(page);
        failed = over_time(path, timer, &lim, diag);
    }
    g_object_unref(pdf);
    g_timer_destroy(timer);
    if (!failed && doc->lines->len == 0)
        csb_diag_error_code(diag, doc->n_pages ? CSB_UNREAD_NO_TEXT_LAYER : CSB_UNREAD_EMPTY,
                            path, 0, 0, "%s",
                            doc->n_pages ? "the PDF has no text layer (a scanned image?): "
                                           "csbrief cannot read it"
                                         : "the PDF has no pages: download it again");
    if (failed || doc->lines->len == 0) {
        csb_document_free(doc);
        return NULL;
    }
    csb_layout_annotate(doc);
    return doc;
}
