/* blocks.c - from physical lines to blocks: paragraphs, headings, list
 * items and table rows, with running headers and footers dropped and text
 * rejoined across line wraps and page breaks.
 */
#include "parse.h"

#include <string.h>

static void block_free(gpointer p)
{
    CsbBlock *b = p;
    g_free(b->text);
    g_free(b);
}

/* Bullet markers as reports and text extraction write them. */
static const char *after_bullet(const char *s)
{
    static const char *const marks[] = {"- ", "* ", "\u2022", "\u25FC", "\u25AA", "\u25A0",
                                        "\u2013 ", "\uF0B7", "\u25CF", "\u2023", "o "};
    for (guint i = 0; i < G_N_ELEMENTS(marks); i++)
        if (g_str_has_prefix(s, marks[i])) {
            const char *p = s + strlen(marks[i]);
            while (*p == ' ')
                p++;
            return *p ? p : NULL;
        }
    return NULL;
}

/* "12. Text" -> 12 and a pointer to "Text"; 0 when not numbered. */
static int paragraph_number(const char *s, const char **rest)
{
    int n = 0, digits = 0;
    const char *p = s;
    while (g_ascii_isdigit(*p) && digits < 4) {
        n = n * 10 + (*p - '0');
        p++;
        digits++;
    }
    if (!digits || n == 0 || *p != '.' || !(p[1] == ' ' || p[1] == '\t'))
        return 0;
    p += 2;
    while (*p == ' ' || *p == '\t')
        p++;
    if (!*p)
        return 0;
    *rest = p;
    return n;
}

static gboolean ends_sentence(const char *s)
{
    size_t n = strlen(s);
    while (n && s[n - 1] == ' ')
        n--;
    if (!n)
        return TRUE;
    const char *last = g_utf8_find_prev_char(s, s + n);
    gunichar c = last ? g_utf8_get_char(last) : 0;
    return strchr(".!?:;", (int)c) != NULL || c == 0x201D || c == 0x2019 || c == '"' ||
           c == ')';
}

static gboolean starts_lower(const char *s)
{
    return g_unichar_islower(g_utf8_get_char(s));
}

/* Text headings: short lines that do not read as sentences. */
static gboolean looks_like_heading(const char *s)
{
    glong len = g_utf8_strlen(s, -1);
    if (len < 3 || len > 140)
        return FALSE;
    if (g_str_has_prefix(s, "#"))
        return TRUE;
    gunichar first = g_utf8_get_char(s);
    if (!g_unichar_isupper(first) && !g_unichar_isdigit(first))
        return FALSE;
    size_t n = strlen(s);
    return s[n - 1] != '.' && s[n - 1] != ',' && s[n - 1] != ';';
}

static CsbBlock *block_new(GPtrArray *out, CsbBlockType type, const char *text, int page,
                           guint line)
{
    CsbBlock *b = g_new0(CsbBlock, 1);
    b->type = type;
    const char *rest = NULL;
    if (type == CSB_BLOCK_TEXT && (b->number = paragraph_number(text, &rest)))
        text = rest;
    b->text = csb_text_squash(text);
    b->page = page;
    b->first_line = b->last_line = line;
    g_ptr_array_add(out, b);
    return b;
}

static void block_append(CsbBlock *b, const char *text, guint line)
{
    char *joined = g_strconcat(b->text, " ", text, NULL);
    g_free(b->text);
    b->text = csb_text_squash(joined);
    g_free(joined);
    b->last_line = line;
}

/* Markdown emphasis and heading marks are not part of the words. */
static char *strip_markdown(const char *s)
{
    while (*s == '#')
        s++;
    GString *out = g_string_new(NULL);
    for (const char *p = s; *p; p++) {
        if (p[0] == '*' && p[1] == '*') {
            p++;
            continue;
        }
        g_string_append_c(out, *p);
    }
    char *t = g_strstrip(g_string_free(out, FALSE));
    char *r = g_strdup(t);
    g_free(t);
    return r;
}

static void text_blocks(const CsbDocument *doc, GPtrArray *out)
{
    CsbBlock *prev = NULL;
    gboolean after_blank = TRUE;
    for (guint i = 0; i < doc->lines->len; i++) {
        const CsbLine *l = doc->lines->pdata[i];
        char *t = strip_markdown(l->text);
        if (!*t) {
            after_blank = TRUE;
            g_free(t);
            continue;
        }
        const char *item = after_bullet(t);
        if (l->cells->len >= 2) {
            prev = block_new(out, CSB_BLOCK_ROW, l->text, 0, i);
        } else if (item) {
            prev = block_new(out, CSB_BLOCK_BULLET, item, 0, i);
        } else if (prev && prev->type == CSB_BLOCK_TEXT && !ends_sentence(prev->text) &&
                   starts_lower(t)) {
            block_append(prev, t, i); /* a paragraph broken by a page break */
        } else if (after_blank && looks_like_heading(t) && !paragraph_number(t, &(const char *){0})) {
            prev = block_new(out, CSB_BLOCK_HEADING, t, 0, i);
        } else {
            prev = block_new(out, CSB_BLOCK_TEXT, t, 0, i);
        }
        after_blank = FALSE;
        g_free(t);
    }
}

static void pdf_blocks(const CsbDocument *doc, GPtrArray *out)
{
    CsbBlock *cur = NULL;
    const CsbLine *prev = NULL;
    for (guint i = 0; i < doc->lines->len; i++) {
        const CsbLine *l = doc->lines->pdata[i];
        if (l->furniture || !*l->text)
            continue;
        if (l->cells->len >= 2) {
            block_new(out, CSB_BLOCK_ROW, l->text, l->page, i);
            cur = NULL;
            prev = l;
            continue;
        }
        const char *item = after_bullet(l->text);
        const char *rest = NULL;
        gboolean numbered = paragraph_number(l->text, &rest) > 0;
        gboolean heading = l->bold || (prev && l->size > prev->size + 1.5 && !prev->bold);
        double height = l->y1 - l->y0;
        gboolean new_page = prev && prev->page != l->page;
        gboolean gap = !prev || new_page || (l->y0 - prev->y1) > height * 0.55;
        gboolean style_change = prev && (prev->bold != l->bold || prev->size - l->size > 1.0 ||
                                         l->size - prev->size > 1.0);
        gboolean continues = cur && !item && !numbered && !style_change &&
                             (!gap || (new_page && !ends_sentence(cur->text) &&
                                       cur->type != CSB_BLOCK_HEADING));
        if (continues) {
            block_append(cur, l->text, i);
        } else if (item) {
            cur = block_new(out, CSB_BLOCK_BULLET, item, l->page, i);
        } else {
            cur = block_new(out, heading && !numbered ? CSB_BLOCK_HEADING : CSB_BLOCK_TEXT,
                            l->text, l->page, i);
        }
        prev = l;
    }
}

GPtrArray *csb_parse_blocks(const CsbDocument *doc)
{
    GPtrArray *out = g_ptr_array_new_with_free_func(block_free);
    if (doc->type == CSB_SOURCE_PDF)
        pdf_blocks(doc, out);
    else
        text_blocks(doc, out);
    return out;
}
