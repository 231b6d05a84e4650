/* layout.c - what the lines of a PDF are for: the body text size, running
 * headers and footers (furniture) and footnotes. The parse stage skips
 * furniture and footnotes, so a page break never splits a paragraph with a
 * footer or a footnote.
 */
#include "ingest.h"

#include <math.h>
#include <string.h>

/* The size most of the document's characters are set in, to the nearest
 * half point. */
static double body_size(const CsbDocument *doc)
{
    GHashTable *weight = g_hash_table_new(g_direct_hash, g_direct_equal);
    guint best_key = 0, best = 0;
    for (guint i = 0; i < doc->lines->len; i++) {
        const CsbLine *l = doc->lines->pdata[i];
        guint key = (guint)lround(l->size * 2);
        guint w = GPOINTER_TO_UINT(g_hash_table_lookup(weight, GUINT_TO_POINTER(key))) +
                  (guint)strlen(l->text);
        g_hash_table_insert(weight, GUINT_TO_POINTER(key), GUINT_TO_POINTER(w));
        if (w > best) {
            best = w;
            best_key = key;
        }
    }
    g_hash_table_destroy(weight);
    return best_key / 2.0;
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

static gboolean in_margin_band(const CsbDocument *doc, const CsbLine *l)
{
    double band = doc->page_height * 0.09;
    return l->y0 <= band || l->y1 >= doc->page_height - band;
}

/* Lines in the top or bottom band that repeat on at least a third of the
 * pages, and page numbers there. */
static void mark_furniture(CsbDocument *doc)
{
    if (doc->page_height <= 0)
        return;
    GHashTable *pages = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    char **keys = g_new0(char *, doc->lines->len);
    for (guint i = 0; i < doc->lines->len; i++) {
        CsbLine *l = doc->lines->pdata[i];
        if (!in_margin_band(doc, l))
            continue;
        keys[i] = furniture_key(l->text);
        guint n = GPOINTER_TO_UINT(g_hash_table_lookup(pages, keys[i]));
        g_hash_table_replace(pages, g_strdup(keys[i]), GUINT_TO_POINTER(n + 1));
    }
    for (guint i = 0; i < doc->lines->len; i++) {
        CsbLine *l = doc->lines->pdata[i];
        if (!keys[i])
            continue;
        guint n = GPOINTER_TO_UINT(g_hash_table_lookup(pages, keys[i]));
        gboolean number_only = *keys[i] == '\0' || strcmp(keys[i], "page") == 0 ||
                               strcmp(keys[i], "page of") == 0;
        if (number_only || (doc->n_pages >= 3 && n * 3 >= (guint)doc->n_pages && n >= 2))
            l->furniture = TRUE;
        g_free(keys[i]);
    }
    g_free(keys);
    g_hash_table_destroy(pages);
}

/* "1 The areas for improvement ...", "¹ Ofsted produces ...", "* Data ...". */
static gboolean starts_footnote(const char *text)
{
    gunichar c = g_utf8_get_char(text);
    if (c == '*' || c == 0x2020 || c == 0x00B9 || c == 0x00B2 || c == 0x00B3 ||
        (c >= 0x2070 && c <= 0x2079))
        return TRUE;
    const char *p = text;
    int digits = 0;
    while (g_ascii_isdigit(*p) && digits < 3) {
        p++;
        digits++;
    }
    return digits > 0 && (*p == ' ' || *p == '\t');
}

gboolean csb_layout_is_footnote_text(const char *text)
{
    gunichar c = g_utf8_get_char(text);
    gboolean superscript = c == 0x00B9 || c == 0x00B2 || c == 0x00B3 || (c >= 0x2070 && c <= 0x2079);
    return (superscript && text[1]) || g_str_has_prefix(text, "[^");
}

/* Footnotes: at the foot of a page, set smaller than the body text, starting
 * with a note number, and standing apart from what is above them. */
static void mark_footnotes(CsbDocument *doc)
{
    double body = doc->body_size;
    if (body <= 0)
        return;
    guint start = 0;
    while (start < doc->lines->len) {
        int page = ((CsbLine *)doc->lines->pdata[start])->page;
        guint end = start;
        while (end < doc->lines->len && ((CsbLine *)doc->lines->pdata[end])->page == page)
            end++;
        /* The run of small lines at the bottom of the page (furniture aside). */
        guint run = end;
        for (guint i = end; i > start; i--) {
            CsbLine *l = doc->lines->pdata[i - 1];
            if (l->furniture)
                continue;
            if (l->size >= body - 0.75)
                break;
            run = i - 1;
        }
        for (guint i = run; i < end; i++) {
            CsbLine *l = doc->lines->pdata[i];
            if (l->furniture || !starts_footnote(l->text))
                continue;
            const CsbLine *above = NULL;
            for (guint k = i; k > start && !above; k--) {
                const CsbLine *a = doc->lines->pdata[k - 1];
                if (!a->furniture)
                    above = a;
            }
            double height = l->y1 - l->y0;
            gboolean apart = !above || fabs(above->size - l->size) > 0.5 ||
                             l->y0 - above->y1 > height * 0.5;
            if (!apart)
                continue;
            for (guint k = i; k < end; k++) {
                CsbLine *f = doc->lines->pdata[k];
                if (!f->furniture)
                    f->footnote = TRUE;
            }
            break;
        }
        start = end;
    }
}

void csb_layout_annotate(CsbDocument *doc)
{
    doc->body_size = body_size(doc);
    mark_furniture(doc);
    mark_footnotes(doc);
}
