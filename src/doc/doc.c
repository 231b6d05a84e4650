/* doc.c - the document tree formatters build: rich text, tables and
 * blocks, with their constructors and destructors, and the grade colours
 * every part of a briefing shares. Charts are in chart.c, their words in
 * chart_words.c, templates in template.c. Rich text as Pango markup is the
 * flow engine's (src/layout/flow_text.c): nothing here knows Pango.
 */
#include "doc.h"

#include <stdarg.h>
#include <string.h>

CsbColour csb_colour_parse(const char *hex, CsbColour fallback)
{
    if (!hex || strlen(hex) != 7 || hex[0] != '#')
        return fallback;
    unsigned v = 0;
    for (int i = 1; i < 7; i++) {
        if (!g_ascii_isxdigit(hex[i]))
            return fallback;
        v = v * 16 + (unsigned)g_ascii_xdigit_value(hex[i]);
    }
    return (CsbColour){((v >> 16) & 0xff) / 255.0, ((v >> 8) & 0xff) / 255.0, (v & 0xff) / 255.0};
}

/* Four grades, four steps of lightness, so they stay apart in greyscale:
 * outstanding dark navy, good mid blue, requires improvement (and the old
 * adequate) pale amber, inadequate dark red which the renderer also
 * hatches, so it never relies on lightness alone to differ from outstanding.
 * Blue against amber and red survives the common colour-vision
 * deficiencies; and the grade's words are always printed with it. */
CsbColour csb_grade_fill(CsbGrade g)
{
    CsbColour none = {0.93, 0.94, 0.95};
    switch (g) {
    case CSB_GRADE_OUTSTANDING:
        return csb_colour_parse("#163e6c", none);
    case CSB_GRADE_GOOD:
        return csb_colour_parse("#6ea6d8", none);
    case CSB_GRADE_REQUIRES_IMPROVEMENT:
    case CSB_GRADE_ADEQUATE:
        return csb_colour_parse("#f7d070", none);
    case CSB_GRADE_INADEQUATE:
        return csb_colour_parse("#b02a30", none);
    default:
        return none;
    }
}

CsbColour csb_grade_ink(CsbGrade g)
{
    switch (g) {
    case CSB_GRADE_OUTSTANDING:
    case CSB_GRADE_INADEQUATE:
        return (CsbColour){1, 1, 1};
    default:
        return (CsbColour){0.08, 0.09, 0.11};
    }
}

/* ---- rich text -------------------------------------------------------- */

CsbRich *csb_rich_new(void)
{
    CsbRich *r = g_new0(CsbRich, 1);
    r->spans = g_ptr_array_new();
    return r;
}

CsbRich *csb_rich_add(CsbRich *r, guint style, const char *text)
{
    CsbSpan *s = g_new0(CsbSpan, 1);
    s->text = g_strdup(text ? text : "");
    s->style = style;
    g_ptr_array_add(r->spans, s);
    return r;
}

CsbRich *csb_rich_addf(CsbRich *r, guint style, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *t = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    csb_rich_add(r, style, t);
    g_free(t);
    return r;
}

CsbRich *csb_rich_plain(const char *text)
{
    return csb_rich_add(csb_rich_new(), CSB_STYLE_PLAIN, text);
}

void csb_rich_free(CsbRich *r)
{
    if (!r)
        return;
    for (guint i = 0; i < r->spans->len; i++) {
        CsbSpan *s = r->spans->pdata[i];
        g_free(s->text);
        g_free(s);
    }
    g_ptr_array_free(r->spans, TRUE);
    g_free(r);
}

char *csb_rich_text(const CsbRich *r)
{
    GString *s = g_string_new(NULL);
    for (guint i = 0; r && i < r->spans->len; i++)
        g_string_append(s, ((const CsbSpan *)r->spans->pdata[i])->text);
    return g_string_free(s, FALSE);
}

/* ---- tables ----------------------------------------------------------- */

static void cell_free(gpointer p)
{
    CsbTableCell *c = p;
    if (!c)
        return; /* a column with no header */
    csb_rich_free(c->text);
    g_free(c->link);
    g_free(c);
}

static void row_free(gpointer p)
{
    g_ptr_array_free(p, TRUE);
}

CsbTable *csb_table_new(int columns, const double *widths)
{
    CsbTable *t = g_new0(CsbTable, 1);
    t->columns = columns;
    t->widths = g_new(double, columns);
    double sum = 0;
    for (int i = 0; i < columns; i++)
        sum += widths ? widths[i] : 1.0;
    for (int i = 0; i < columns; i++)
        t->widths[i] = (widths ? widths[i] : 1.0) / sum;
    t->align = g_new0(CsbAlign, columns); /* CSB_ALIGN_LEFT is 0 */
    t->header = g_ptr_array_new_with_free_func(cell_free);
    t->rows = g_ptr_array_new_with_free_func(row_free);
    for (int i = 0; i < columns; i++)
        g_ptr_array_add(t->header, NULL);
    return t;
}

void csb_table_header(CsbTable *t, int column, const char *text)
{
    if (column < 0 || column >= t->columns)
        return;
    CsbTableCell *c = g_new0(CsbTableCell, 1);
    c->text = csb_rich_add(csb_rich_new(), CSB_STYLE_BOLD, text);
    if (t->header->pdata[column])
        cell_free(t->header->pdata[column]);
    t->header->pdata[column] = c;
}

void csb_table_align(CsbTable *t, int column, CsbAlign align)
{
    if (column >= 0 && column < t->columns)
        t->align[column] = align;
}

GPtrArray *csb_table_row(CsbTable *t)
{
    GPtrArray *row = g_ptr_array_new_with_free_func(cell_free);
    g_ptr_array_add(t->rows, row);
    return row;
}

CsbTableCell *csb_table_cell(GPtrArray *row, CsbRich *text)
{
    CsbTableCell *c = g_new0(CsbTableCell, 1);
    c->text = text ? text : csb_rich_new();
    g_ptr_array_add(row, c);
    return c;
}

CsbTableCell *csb_table_date(GPtrArray *row, CsbDate d)
{
    return csb_table_date_as(row, d, FALSE);
}

CsbTableCell *csb_table_date_as(GPtrArray *row, CsbDate d, gboolean brief)
{
    CsbTableCell *c;
    if (csb_date_valid(d)) {
        char *text = brief ? csb_date_short(d) : csb_date_long(d);
        c = csb_table_cell(row, csb_rich_plain(text));
        g_free(text);
    } else {
        c = csb_table_cell(row, csb_rich_add(csb_rich_new(), CSB_STYLE_MUTED, "date not stated"));
    }
    c->dated = TRUE;
    c->date = d;
    return c;
}

CsbTableCell *csb_table_number(GPtrArray *row, double n)
{
    char text[G_ASCII_DTOSTR_BUF_SIZE];
    CsbTableCell *c = csb_table_cell(row, csb_rich_plain(g_ascii_formatd(text, sizeof text,
                                                                         "%g", n)));
    c->counted = TRUE;
    c->number = n;
    return c;
}

void csb_table_free(CsbTable *t)
{
    if (!t)
        return;
    g_ptr_array_free(t->header, TRUE);
    g_ptr_array_free(t->rows, TRUE);
    g_free(t->widths);
    g_free(t->align);
    g_free(t);
}

/* ---- blocks ----------------------------------------------------------- */

static void block_free(gpointer p)
{
    CsbDocBlock *b = p;
    csb_rich_free(b->text);
    csb_rich_free(b->citation);
    g_free(b->link);
    g_free(b->anchor);
    g_free(b->short_title);
    if (b->items)
        g_ptr_array_free(b->items, TRUE);
    csb_table_free(b->table);
    csb_chart_free(b->chart);
    g_free(b);
}

CsbDoc *csb_doc_new(CsbTemplate *tpl)
{
    CsbDoc *d = g_new0(CsbDoc, 1);
    d->tpl = tpl;
    d->blocks = g_ptr_array_new_with_free_func(block_free);
    return d;
}

void csb_doc_free(CsbDoc *d)
{
    if (!d)
        return;
    CsbCover *c = &d->cover;
    g_free(c->title);
    g_free(c->subtitle);
    g_free(c->organisation);
    g_free(c->authority);
    g_free(c->date_text);
    g_free(c->logo_path);
    g_free(c->prepared_note);
    csb_table_free(c->facts);
    g_free(d->running_title);
    g_ptr_array_free(d->blocks, TRUE);
    g_free(d);
}

static CsbDocBlock *add(CsbDoc *d, CsbDocBlockKind kind)
{
    CsbDocBlock *b = g_new0(CsbDocBlock, 1);
    b->kind = kind;
    g_ptr_array_add(d->blocks, b);
    return b;
}

CsbDocBlock *csb_doc_heading(CsbDoc *d, int level, const char *text)
{
    CsbDocBlockKind k = level <= 1 ? CSB_BLOCK_HEADING_1
                        : level == 2 ? CSB_BLOCK_HEADING_2
                                     : CSB_BLOCK_HEADING_3;
    CsbDocBlock *b = add(d, k);
    b->text = csb_rich_plain(text);
    b->anchor = g_strdup_printf("section-%d", ++d->anchors);
    return b;
}

CsbDocBlock *csb_doc_heading_short(CsbDoc *d, int level, const char *text,
                                   const char *short_title)
{
    CsbDocBlock *b = csb_doc_heading(d, level, text);
    b->short_title = g_strdup(short_title);
    return b;
}

CsbDocBlock *csb_doc_para(CsbDoc *d, CsbRich *text)
{
    CsbDocBlock *b = add(d, CSB_BLOCK_PARAGRAPH);
    b->text = text;
    return b;
}

CsbDocBlock *csb_doc_list(CsbDoc *d)
{
    CsbDocBlock *b = add(d, CSB_BLOCK_LIST);
    b->items = g_ptr_array_new_with_free_func((GDestroyNotify)csb_rich_free);
    return b;
}

CsbDocBlock *csb_doc_quote(CsbDoc *d, const char *quote, CsbRich *citation)
{
    CsbDocBlock *b = add(d, CSB_BLOCK_QUOTE);
    b->text = csb_rich_plain(quote);
    b->citation = citation;
    return b;
}

CsbDocBlock *csb_doc_callout(CsbDoc *d, CsbCalloutKind kind, CsbRich *text)
{
    CsbDocBlock *b = add(d, CSB_BLOCK_CALLOUT);
    b->callout = kind;
    b->text = text;
    return b;
}

CsbDocBlock *csb_doc_table(CsbDoc *d, CsbTable *t)
{
    CsbDocBlock *b = add(d, CSB_BLOCK_TABLE);
    b->table = t;
    return b;
}

CsbDocBlock *csb_doc_figure(CsbDoc *d, CsbChart *c)
{
    CsbDocBlock *b = add(d, CSB_BLOCK_FIGURE);
    b->chart = c;
    return b;
}

CsbDocBlock *csb_doc_page_break(CsbDoc *d)
{
    return add(d, CSB_BLOCK_PAGE_BREAK);
}

CsbDocBlock *csb_doc_contents(CsbDoc *d)
{
    CsbDocBlock *b = add(d, CSB_BLOCK_CONTENTS);
    b->text = csb_rich_plain("Contents");
    b->anchor = g_strdup("contents");
    return b;
}

CsbDocBlock *csb_doc_cover(CsbDoc *d)
{
    return add(d, CSB_BLOCK_COVER);
}

CsbDocBlock *csb_doc_masthead(CsbDoc *d)
{
    return add(d, CSB_BLOCK_MASTHEAD);
}
