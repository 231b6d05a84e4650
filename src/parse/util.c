/* util.c - small helpers the parse steps share: warnings that say where
 * (and whether they say a grade was left empty),
 * a line's text, and cleaning footnote markers off labels and grades.
 */
#include "parse.h"

#include <stdarg.h>
#include <string.h>

static void warn_atv(CsbParse *p, int code, guint line_index, const char *fmt, va_list ap)
{
    char *msg = g_strdup_vprintf(fmt, ap);
    const CsbLine *l = line_index < p->doc->lines->len ? p->doc->lines->pdata[line_index] : NULL;
    if (p->doc->type == CSB_SOURCE_PDF)
        csb_diag_warn_code(p->diag, code, p->doc->path, 0, 0, "page %d: %s",
                           l ? l->page : 0, msg);
    else
        csb_diag_warn_code(p->diag, code, p->doc->path, l ? (int)line_index + 1 : 0, 0, "%s",
                           msg);
    g_free(msg);
}

void csb_parse_warn_at(CsbParse *p, guint line_index, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    warn_atv(p, CSB_PARSE_WARN_OTHER, line_index, fmt, ap);
    va_end(ap);
}

void csb_parse_grade_unread_at(CsbParse *p, guint line_index, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    warn_atv(p, CSB_PARSE_WARN_GRADE_UNREAD, line_index, fmt, ap);
    va_end(ap);
}

void csb_parse_grade_unread(CsbParse *p, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    csb_diag_warn_code(p->diag, CSB_PARSE_WARN_GRADE_UNREAD, p->doc->path, 0, 0, "%s", msg);
    g_free(msg);
}

char *csb_parse_line_text(const CsbLine *l)
{
    if (l->cells->len <= 1)
        return g_strdup(l->text);
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < l->cells->len; i++) {
        if (i)
            g_string_append_c(s, ' ');
        g_string_append(s, ((CsbCell *)l->cells->pdata[i])->text);
    }
    return g_string_free(s, FALSE);
}

static gboolean is_superscript(gunichar c)
{
    return c == 0xB9 || c == 0xB2 || c == 0xB3 || (c >= 0x2070 && c <= 0x2079);
}

char *csb_parse_clean(const char *s)
{
    GString *out = g_string_new(NULL);
    for (const char *p = s ? s : ""; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (!is_superscript(c))
            g_string_append_unichar(out, c);
    }
    return g_string_free(out, FALSE);
}

gboolean csb_parse_folded_prefix(const char *folded, const char *prefix)
{
    size_t n = strlen(prefix);
    return strncmp(folded, prefix, n) == 0 && (folded[n] == '\0' || folded[n] == ' ');
}

gboolean csb_parse_starts_with_any(const char *text, const char *const *prefixes, gsize n)
{
    char *f = csb_text_fold(text);
    gboolean hit = FALSE;
    for (gsize i = 0; i < n && !hit; i++)
        hit = csb_parse_folded_prefix(f, prefixes[i]);
    g_free(f);
    return hit;
}

gboolean csb_parse_numbered_title(const CsbParse *p, const CsbBlock *b)
{
    if ((p->framework && p->framework->graded) || b->type != CSB_BLOCK_TEXT || b->number == 0)
        return FALSE;
    return csb_parse_word_count(b->text, 6) <= 5;
}

int csb_parse_word_count(const char *s, int limit)
{
    int n = 0;
    gboolean in = FALSE;
    for (; *s && n < limit; s++) {
        gboolean space = *s == ' ' || *s == '\t';
        if (!space && !in)
            n++;
        in = !space;
    }
    return n;
}
