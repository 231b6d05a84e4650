/* blocks.c - from physical lines to blocks: paragraphs, headings, list
 * items and table rows, with running headers, footers and footnotes
 * dropped and text rejoined across line wraps and page breaks.
 *
 * PDF lines are grouped by layout (vertical gaps, indents, type style);
 * text lines are one block each, a blank line ending a block, except that
 * a line that starts in lower case after an unfinished sentence continues
 * it (the page breaks of a text extraction).
 */
#include "parse.h"

#include <math.h>
#include <string.h>

static void block_free(gpointer p)
{
    CsbBlock *b = p;
    g_free(b->text);
    g_free(b);
}

/* Bullet markers as reports and text extractions write them (private-use
 * characters are Wingdings and Symbol bullets). */
static const char *after_bullet(const char *s)
{
    static const char *const marks[] = {"- ", "* ", "\u2022", "\u25FC", "\u25AA", "\u25A0",
                                        "\u25CF", "\u2023", "\u2013 ", "\u2500", "\u25E6",
                                        "\u2043", "\u27A2", "\u2192", "\u25BA"};
    for (guint i = 0; i < G_N_ELEMENTS(marks); i++)
        if (g_str_has_prefix(s, marks[i])) {
            const char *p = s + strlen(marks[i]);
            while (*p == ' ' || *p == '\t')
                p++;
            return *p ? p : NULL;
        }
    gunichar c = g_utf8_get_char(s);
    if (c >= 0xF000 && c <= 0xF0FF) {
        const char *p = g_utf8_next_char(s);
        while (*p == ' ' || *p == '\t')
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
    /* Paragraph numbers run to the hundreds; "2012." is a wrapped year. */
    if (!digits || digits > 3 || n == 0 || *p != '.' || !(p[1] == ' ' || p[1] == '\t'))
        return 0;
    p += 2;
    while (*p == ' ' || *p == '\t')
        p++;
    if (!*p)
        return 0;
    *rest = p;
    return n;
}

static gboolean ends_sentence(const char *s, size_t n)
{
    while (n && s[n - 1] == ' ')
        n--;
    if (!n)
        return TRUE;
    const char *last = g_utf8_find_prev_char(s, s + n);
    /* A footnote marker after the full stop does not count. */
    while (last && last > s) {
        gunichar c = g_utf8_get_char(last);
        if (!(c == 0xB9 || c == 0xB2 || c == 0xB3 || (c >= 0x2070 && c <= 0x2079)))
            break;
        last = g_utf8_find_prev_char(s, last);
    }
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
    gunichar first = g_utf8_get_char(s);
    if (!g_unichar_isupper(first) && !g_unichar_isdigit(first))
        return FALSE;
    size_t n = strlen(s);
    return s[n - 1] != '.' && s[n - 1] != ',' && s[n - 1] != ';' && csb_parse_word_count(s, 23) <= 22;
}

/* "7. Main Findings": a numbered line that is a section title, not a
 * paragraph (short, no sentence punctuation). */
static gboolean numbered_title(const char *rest)
{
    size_t n = strlen(rest);
    return n && n < 70 && csb_parse_word_count(rest, 9) <= 8 && !strchr(".,;:", rest[n - 1]) &&
           !strchr(rest, ',') && g_unichar_isupper(g_utf8_get_char(rest));
}

/* Blocks are built one at a time: the last block's text grows in a
 * GString (appending line by line stays linear) and is set when the next
 * block starts or the document ends. */
typedef struct {
    GPtrArray *out;
    GString *text; /* the open block's text, NULL when none is open */
} Builder;

static void close_block(Builder *bd)
{
    if (!bd->text)
        return;
    CsbBlock *b = bd->out->pdata[bd->out->len - 1];
    b->text = g_string_free(bd->text, FALSE);
    bd->text = NULL;
}

static CsbBlock *block_new(Builder *bd, CsbBlockType type, const char *text, int page,
                           guint line)
{
    close_block(bd);
    CsbBlock *b = g_new0(CsbBlock, 1);
    b->type = type;
    const char *rest = NULL;
    if (type == CSB_BLOCK_TEXT && (b->number = paragraph_number(text, &rest)))
        text = rest;
    char *squashed = csb_text_squash(text);
    bd->text = g_string_new(squashed);
    g_free(squashed);
    b->page = page;
    b->first_line = b->last_line = line;
    g_ptr_array_add(bd->out, b);
    return b;
}

/* The open block's text so far. */
static const GString *open_text(const Builder *bd)
{
    return bd->text;
}

static void block_append(Builder *bd, CsbBlock *b, const char *text, guint line)
{
    GString *s = bd->text;
    /* A word hyphenated at the end of a line ("multi-" / "agency") keeps
     * its hyphen: reports hyphenate compounds, not syllables. */
    gboolean glue = s->len >= 2 && s->str[s->len - 1] == '-' && s->str[s->len - 2] != ' ';
    char *add = csb_text_squash(text);
    if (*add) {
        if (!glue && s->len)
            g_string_append_c(s, ' ');
        g_string_append(s, add);
    }
    g_free(add);
    b->last_line = line;
}

/* Markdown emphasis, heading marks and links are not part of the words. */
static char *strip_markdown(const char *s, gboolean *hashed)
{
    *hashed = *s == '#';
    while (*s == '#')
        s++;
    GString *out = g_string_new(NULL);
    for (const char *p = s; *p; p++) {
        if (p[0] == '*' && p[1] == '*') {
            p++;
            continue;
        }
        if (p[0] == '[') {
            /* [words](address) -> words */
            const char *close = strstr(p, "](");
            const char *end = close ? strchr(close + 2, ')') : NULL;
            const char *inner = strchr(p + 1, '[');
            if (end && (!inner || inner > close)) {
                g_string_append_len(out, p + 1, close - p - 1);
                p = end;
                continue;
            }
        }
        g_string_append_c(out, *p);
    }
    char *t = g_strstrip(g_string_free(out, FALSE));
    char *r = g_strdup(t);
    g_free(t);
    return r;
}

static gboolean line_blank(const CsbLine *l)
{
    for (const char *p = l->text; *p; p++)
        if (!g_ascii_isspace(*p))
            return FALSE;
    return TRUE;
}

static void text_blocks(const CsbDocument *doc, Builder *out)
{
    CsbBlock *prev = NULL;
    gboolean after_blank = TRUE;
    for (guint i = 0; i < doc->lines->len; i++) {
        const CsbLine *l = doc->lines->pdata[i];
        if (line_blank(l)) {
            after_blank = TRUE;
            continue;
        }
        if (l->footnote)
            continue;
        gboolean hashed;
        char *t = strip_markdown(l->text, &hashed);
        gboolean before_blank = i + 1 >= doc->lines->len ||
                                line_blank(doc->lines->pdata[i + 1]);
        const char *item = after_bullet(t);
        const char *rest = NULL;
        int number = paragraph_number(t, &rest);
        if (!*t) {
            /* only markup */
        } else if (l->cells->len >= 2) {
            prev = block_new(out, CSB_BLOCK_ROW, l->text, 0, i);
        } else if (hashed) {
            prev = block_new(out, CSB_BLOCK_HEADING, t, 0, i);
        } else if (item) {
            prev = block_new(out, CSB_BLOCK_BULLET, item, 0, i);
        } else if (prev && (prev->type == CSB_BLOCK_TEXT || prev->type == CSB_BLOCK_BULLET) &&
                   !ends_sentence(open_text(out)->str, open_text(out)->len) && !number &&
                   (starts_lower(t) ||
                    (csb_parse_word_count(open_text(out)->str, 12) >= 12 && csb_parse_word_count(t, 12) >= 12))) {
            block_append(out, prev, t, i); /* a paragraph broken by a page break */
        } else if (number && after_blank && before_blank && numbered_title(rest)) {
            prev = block_new(out, CSB_BLOCK_HEADING, t, 0, i);
        } else if (!number && after_blank && before_blank && looks_like_heading(t)) {
            prev = block_new(out, CSB_BLOCK_HEADING, t, 0, i);
        } else {
            prev = block_new(out, CSB_BLOCK_TEXT, t, 0, i);
        }
        after_blank = FALSE;
        g_free(t);
    }
}

/* A table-of-contents line: an entry and a page number. */
static gboolean contents_row(const CsbLine *l)
{
    const CsbCell *last = l->cells->pdata[l->cells->len - 1];
    const char *p = last->text;
    while (g_ascii_isdigit(*p))
        p++;
    return *p == '\0' && p != last->text;
}

static gboolean heading_style(const CsbDocument *doc, const CsbLine *l)
{
    return l->bold || (doc->body_size > 0 && l->size >= doc->body_size + 1.5);
}

static void pdf_blocks(const CsbDocument *doc, Builder *out)
{
    CsbBlock *cur = NULL;
    const CsbLine *prev = NULL;
    for (guint i = 0; i < doc->lines->len; i++) {
        const CsbLine *l = doc->lines->pdata[i];
        if (l->furniture || l->footnote || line_blank(l))
            continue;
        gboolean heading = heading_style(doc, l);
        char *text = csb_parse_line_text(l);
        double x0 = ((CsbCell *)l->cells->pdata[0])->x0;
        double height = l->y1 - l->y0;
        gboolean new_page = prev && prev->page != l->page;
        if (l->cells->len >= 2 && (!heading || contents_row(l))) {
            CsbBlock *b = block_new(out, CSB_BLOCK_ROW, l->text, l->page, i);
            b->x0 = b->indent = x0;
            b->bold = l->bold;
            b->size = l->size;
            close_block(out);
            cur = NULL;
            prev = l;
            g_free(text);
            continue;
        }
        const char *item = after_bullet(text);
        const char *rest = NULL;
        int number = paragraph_number(text, &rest);
        double gap = prev && !new_page ? l->y0 - prev->y1 : 0;
        gboolean same_style = prev && prev->bold == l->bold && fabs(prev->size - l->size) <= 1.0;
        gboolean tight = prev && !new_page && gap < height * 0.4 && gap > -height;
        /* A number at the text's indent right under the line before is a
         * wrapped "2014-15." or "age 25.", not a new paragraph. */
        if (number && cur && tight && same_style &&
            (cur->type == CSB_BLOCK_TEXT || cur->type == CSB_BLOCK_BULLET) &&
            (x0 > cur->x0 + 4 ||
             (cur->last_line != cur->first_line && fabs(x0 - cur->indent) < 3)))
            number = 0;
        gboolean hanging = cur && cur->last_line != cur->first_line && cur->indent > cur->x0 + 4;
        /* The same at the top of a page: a number at the hanging indent. */
        if (number && new_page && hanging && same_style && fabs(x0 - cur->indent) < 3)
            number = 0;
        gboolean page_continues =
            new_page && cur && (cur->type == CSB_BLOCK_TEXT || cur->type == CSB_BLOCK_BULLET) &&
            same_style && !heading &&
            (!ends_sentence(open_text(out)->str, open_text(out)->len) ||
             (hanging && fabs(x0 - cur->indent) < 3));
        /* After a sentence has ended, a line back at the outer edge of a
         * paragraph with a hanging indent, or in a type size of its own,
         * starts something new (a sub-heading set near body type under a
         * numbered item). */
        gboolean outdented = cur && (
                                 (hanging && x0 < cur->indent - 3) ||
                                 fabs(l->size - cur->size) > 0.25) &&
                             ends_sentence(open_text(out)->str, open_text(out)->len);
        gboolean continues = cur && !item && !number && same_style &&
                             ((tight && x0 > cur->x0 - 4 && !outdented) || page_continues);
        if (continues && cur->type == CSB_BLOCK_HEADING && !heading)
            continues = FALSE;
        if (continues) {
            if (cur->last_line == cur->first_line || page_continues)
                cur->indent = cur->last_line == cur->first_line ? x0 : cur->indent;
            block_append(out, cur, text, i);
        } else {
            CsbBlockType type = item ? CSB_BLOCK_BULLET
                                : heading ? CSB_BLOCK_HEADING
                                          : CSB_BLOCK_TEXT;
            cur = block_new(out, type, item ? item : text, l->page, i);
            cur->x0 = cur->indent = x0;
            cur->bold = l->bold;
            cur->size = l->size;
        }
        prev = l;
        g_free(text);
    }
}

GPtrArray *csb_parse_blocks(const CsbDocument *doc)
{
    Builder bd = {g_ptr_array_new_with_free_func(block_free), NULL};
    if (doc->type == CSB_SOURCE_PDF)
        pdf_blocks(doc, &bd);
    else
        text_blocks(doc, &bd);
    close_block(&bd);
    return bd.out;
}
