/* xlsx.c - the workbook writer: a briefing's document tree as an .xlsx
 * workbook with libxlsxwriter. Each top-level heading starts a sheet named
 * by it (what comes before the first, the cover or masthead, is the
 * "About" sheet); headings, paragraphs, list items, quotations and
 * figures (their data in words) are rows of text; a table is a header
 * row and a row per row, its cells as typed as the tree says: grades as
 * their words in the PDF's colours, dates as dates, counts as numbers,
 * links to sources as hyperlinks. The first table of a sheet has its
 * header row frozen and an autofilter; columns are as wide as their text
 * (within limits). The same tree gives the same bytes: the workbook's
 * date is the briefing's, and libxlsxwriter dates its zip entries 1980.
 */
#include "render.h"

#include <glib/gstdio.h>
#include <string.h>
#include <xlsxwriter.h>

#define SHEET_NAME_MAX 31
#define CELL_TEXT_MAX 32767
#define WIDTH_MIN 8.0
#define WIDTH_MAX 70.0
#define WRAP_FROM 70 /* characters: longer text wraps in its column */

typedef struct {
    lxw_workbook *wb;
    lxw_worksheet *ws;
    lxw_row_t row;
    const CsbDoc *doc;
    int sheet_level;       /* headings of this level start a sheet */
    GHashTable *names;     /* sheet names used */
    GArray *widths;        /* double: the current sheet's column widths, characters */
    gboolean filtered;     /* the current sheet's first table has its filter */
    lxw_format *title, *heading, *bold, *muted, *italic, *header, *date, *wrap, *link;
    lxw_format *grade[CSB_GRADE_COUNT];
} Book;

static lxw_format *format(Book *b)
{
    return workbook_add_format(b->wb);
}

static lxw_color_t rgb(CsbColour c)
{
    return ((lxw_color_t)(c.r * 255 + 0.5) << 16) | ((lxw_color_t)(c.g * 255 + 0.5) << 8) |
           (lxw_color_t)(c.b * 255 + 0.5);
}

static void formats(Book *b, const CsbTemplate *t)
{
    b->title = format(b);
    format_set_bold(b->title);
    format_set_font_size(b->title, 16);
    format_set_font_color(b->title, rgb(t->accent));
    b->heading = format(b);
    format_set_bold(b->heading);
    format_set_font_size(b->heading, 12);
    format_set_font_color(b->heading, rgb(t->accent));
    b->bold = format(b);
    format_set_bold(b->bold);
    b->muted = format(b);
    format_set_font_color(b->muted, rgb(t->muted));
    b->italic = format(b);
    format_set_italic(b->italic);
    b->header = format(b);
    format_set_bold(b->header);
    format_set_bg_color(b->header, rgb(t->shade));
    format_set_bottom(b->header, LXW_BORDER_MEDIUM);
    format_set_bottom_color(b->header, rgb(t->accent));
    format_set_text_wrap(b->header);
    format_set_align(b->header, LXW_ALIGN_VERTICAL_TOP);
    b->date = format(b);
    format_set_num_format(b->date, "d mmm yyyy");
    format_set_align(b->date, LXW_ALIGN_LEFT);
    format_set_align(b->date, LXW_ALIGN_VERTICAL_TOP);
    b->wrap = format(b);
    format_set_text_wrap(b->wrap);
    format_set_align(b->wrap, LXW_ALIGN_VERTICAL_TOP);
    b->link = format(b);
    format_set_underline(b->link, LXW_UNDERLINE_SINGLE);
    format_set_font_color(b->link, rgb(t->accent));
    format_set_align(b->link, LXW_ALIGN_VERTICAL_TOP);
    for (int g = 1; g < CSB_GRADE_COUNT; g++) {
        b->grade[g] = format(b);
        format_set_bold(b->grade[g]);
        format_set_bg_color(b->grade[g], rgb(csb_grade_fill((CsbGrade)g)));
        format_set_font_color(b->grade[g], rgb(csb_grade_ink((CsbGrade)g)));
        format_set_align(b->grade[g], LXW_ALIGN_VERTICAL_TOP);
    }
}

/* ---- sheets -------------------------------------------------------------- */

/* A sheet name Excel takes: no []:*?/\, at most 31 characters, unique. */
static char *sheet_name(Book *b, const char *text)
{
    GString *s = g_string_new(NULL);
    for (const char *p = text; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (!strchr("[]:*?/\\", (int)(c < 128 ? c : 'x')) && c != '\n')
            g_string_append_unichar(s, c);
    }
    char *base = g_utf8_substring(s->len ? s->str : "Sheet", 0,
                                  MIN(g_utf8_strlen(s->len ? s->str : "Sheet", -1),
                                      SHEET_NAME_MAX));
    g_string_free(s, TRUE);
    char *name = g_strdup(g_strstrip(base));
    /* Nor may it start or end with an apostrophe. */
    while (*name == '\'')
        memmove(name, name + 1, strlen(name));
    for (gsize n = strlen(name); n && name[n - 1] == '\''; n--)
        name[n - 1] = '\0';
    if (!*name) {
        g_free(name);
        name = g_strdup("Sheet");
    }
    for (int n = 2; g_hash_table_contains(b->names, name); n++) {
        char *suffix = g_strdup_printf(" %d", n);
        char *cut = g_utf8_substring(base, 0, SHEET_NAME_MAX - (glong)strlen(suffix));
        g_free(name);
        name = g_strconcat(cut, suffix, NULL);
        g_free(cut);
        g_free(suffix);
    }
    g_free(base);
    g_hash_table_add(b->names, name);
    return name;
}

static void end_sheet(Book *b)
{
    for (guint c = 0; b->ws && c < b->widths->len; c++)
        worksheet_set_column(b->ws, (lxw_col_t)c, (lxw_col_t)c,
                             g_array_index(b->widths, double, c), NULL);
    g_array_set_size(b->widths, 0);
}

static void new_sheet(Book *b, const char *title)
{
    end_sheet(b);
    char *name = sheet_name(b, title);
    b->ws = workbook_add_worksheet(b->wb, name);
    b->row = 0;
    b->filtered = FALSE;
}

/* Column c is at least as wide as text needs (within limits). */
static void fit(Book *b, int c, const char *text, double extra)
{
    if ((guint)c >= b->widths->len) {
        guint from = b->widths->len;
        g_array_set_size(b->widths, (guint)c + 1);
        for (guint i = from; i <= (guint)c; i++)
            g_array_index(b->widths, double, i) = WIDTH_MIN;
    }
    double need = MIN((double)g_utf8_strlen(text ? text : "", -1) * 1.1 + 2 + extra, WIDTH_MAX);
    double *w = &g_array_index(b->widths, double, c);
    *w = MAX(*w, need);
}

/* Text as a cell may hold it, and as an analyst searches it: the no-break
 * spaces that keep a date on one line of the PDF (CSB_DATE_SPACE) are
 * ordinary spaces here, where Excel's Find would not match a typed space
 * against them and a cell wraps as its column allows. */
static char *cell_text(const char *text)
{
    if (!text)
        return g_strdup("");
    gsize n = strlen(text);
    if (n > CELL_TEXT_MAX)
        n = (gsize)(g_utf8_find_prev_char(text, text + CELL_TEXT_MAX) - text);
    GString *s = g_string_sized_new(n);
    for (const char *p = text; p < text + n;) {
        if (g_str_has_prefix(p, CSB_DATE_SPACE)) {
            g_string_append_c(s, ' ');
            p += strlen(CSB_DATE_SPACE);
        } else {
            g_string_append_c(s, *p++);
        }
    }
    return g_string_free(s, FALSE);
}

/* A row of text in the first column (it runs on over the empty ones). */
static void text_row(Book *b, const char *text, lxw_format *f)
{
    char *t = cell_text(text);
    if (*t)
        worksheet_write_string(b->ws, b->row, 0, t, f);
    g_free(t);
    b->row++;
}

static void rich_row(Book *b, const CsbRich *r, lxw_format *f, const char *before,
                     const char *after)
{
    char *t = csb_rich_text(r);
    char *all = g_strconcat(before, t, after, NULL);
    text_row(b, all, f);
    g_free(all);
    g_free(t);
}

/* ---- tables -------------------------------------------------------------- */

static void write_cell(Book *b, int c, const CsbTableCell *cell)
{
    if (!cell)
        return;
    char *text = csb_rich_text(cell->text);
    char *t = cell_text(text);
    lxw_col_t col = (lxw_col_t)c;
    if (cell->grade) {
        worksheet_write_string(b->ws, b->row, col, t, b->grade[cell->grade]);
        fit(b, c, t, 0);
    } else if (cell->dated) { /* a date not stated stays empty, not words among dates */
        lxw_datetime d = {cell->date.year, cell->date.month, cell->date.day, 0, 0, 0};
        if (csb_date_valid(cell->date))
            worksheet_write_datetime(b->ws, b->row, col, &d, b->date);
        fit(b, c, "00 Mmm 0000", 0);
    } else if (cell->counted) {
        worksheet_write_number(b->ws, b->row, col, cell->number, NULL);
        fit(b, c, t, 0);
    } else if (cell->link && g_str_has_prefix(cell->link, "uri:") &&
               strlen(cell->link + 4) < 2000) {
        worksheet_write_url_opt(b->ws, b->row, col, cell->link + 4, b->link, t, NULL);
        fit(b, c, t, 0);
    } else if (*t) {
        glong n = g_utf8_strlen(t, -1);
        worksheet_write_string(b->ws, b->row, col, t, n > WRAP_FROM ? b->wrap : NULL);
        fit(b, c, t, 0);
    }
    g_free(t);
    g_free(text);
}

static void table(Book *b, const CsbTable *t)
{
    gboolean headed = FALSE;
    for (int c = 0; c < t->columns; c++)
        headed |= t->header->pdata[c] != NULL;
    lxw_row_t first = b->row;
    if (headed) {
        for (int c = 0; c < t->columns; c++) {
            const CsbTableCell *h = t->header->pdata[c];
            char *rich = h ? csb_rich_text(h->text) : NULL;
            char *text = cell_text(rich);
            worksheet_write_string(b->ws, b->row, (lxw_col_t)c, text, b->header);
            fit(b, c, text, 2); /* room for the filter's button */
            g_free(text);
            g_free(rich);
        }
        b->row++;
    }
    for (guint r = 0; r < t->rows->len; r++) {
        GPtrArray *cells = t->rows->pdata[r];
        for (int c = 0; c < t->columns && (guint)c < cells->len; c++)
            write_cell(b, c, cells->pdata[c]);
        b->row++;
    }
    if (headed && !b->filtered) {
        worksheet_freeze_panes(b->ws, first + 1, 0);
        worksheet_autofilter(b->ws, first, 0, MAX(b->row - 1, first), (lxw_col_t)(t->columns - 1));
        b->filtered = TRUE;
    }
    b->row++; /* a blank row after it */
}

/* ---- blocks -------------------------------------------------------------- */

static int level_of(const CsbDocBlock *blk)
{
    switch (blk->kind) {
    case CSB_BLOCK_HEADING_1:
        return 1;
    case CSB_BLOCK_HEADING_2:
        return 2;
    case CSB_BLOCK_HEADING_3:
        return 3;
    default:
        return 0;
    }
}

/* The first sheet: what the workbook is, whom about, and when. */
static void about(Book *b)
{
    const CsbCover *c = &b->doc->cover;
    new_sheet(b, "About");
    text_row(b, c->title ? c->title : b->doc->tpl->default_title, b->title);
    if (c->organisation)
        text_row(b, c->organisation, NULL);
    if (c->authority)
        text_row(b, c->authority, b->bold);
    if (c->subtitle)
        text_row(b, c->subtitle, NULL);
    if (c->date_text)
        text_row(b, c->date_text, NULL);
    b->row++;
}

static void block(Book *b, const CsbDocBlock *blk)
{
    int level = level_of(blk);
    if (level && level == b->sheet_level) {
        char *title = csb_rich_text(blk->text);
        new_sheet(b, title);
        text_row(b, title, b->title);
        g_free(title);
        return;
    }
    switch (blk->kind) {
    case CSB_BLOCK_COVER: /* its title and dates are on the About sheet */
        if (b->doc->cover.facts)
            table(b, b->doc->cover.facts);
        if (b->doc->cover.prepared_note)
            text_row(b, b->doc->cover.prepared_note, b->muted);
        break;
    case CSB_BLOCK_MASTHEAD:
        break;
    case CSB_BLOCK_HEADING_1:
    case CSB_BLOCK_HEADING_2:
    case CSB_BLOCK_HEADING_3:
        if (b->row)
            b->row++;
        rich_row(b, blk->text, b->heading, "", "");
        break;
    case CSB_BLOCK_PARAGRAPH:
    case CSB_BLOCK_CALLOUT:
        rich_row(b, blk->text, NULL, "", "");
        break;
    case CSB_BLOCK_LIST:
        for (guint i = 0; i < blk->items->len; i++)
            rich_row(b, blk->items->pdata[i], NULL, "\u2022 ", "");
        break;
    case CSB_BLOCK_QUOTE:
        rich_row(b, blk->text, b->italic, "\u201C", "\u201D");
        if (blk->citation) {
            char *cite = csb_rich_text(blk->citation);
            if (blk->link && g_str_has_prefix(blk->link, "uri:"))
                worksheet_write_url_opt(b->ws, b->row, 0, blk->link + 4, b->link, cite, NULL);
            else
                worksheet_write_string(b->ws, b->row, 0, cite, b->muted);
            b->row++;
            g_free(cite);
        }
        break;
    case CSB_BLOCK_TABLE:
        table(b, blk->table);
        break;
    case CSB_BLOCK_FIGURE: {
        char *words = csb_chart_describe(blk->chart);
        text_row(b, words, b->italic);
        g_free(words);
        break;
    }
    case CSB_BLOCK_CONTENTS:
    case CSB_BLOCK_PAGE_BREAK:
        break;
    }
}

/* ---- the workbook -------------------------------------------------------- */

static time_t when(const char *iso)
{
    GTimeZone *utc = g_time_zone_new_utc();
    GDateTime *dt = iso ? g_date_time_new_from_iso8601(iso, utc) : NULL;
    time_t t = dt ? (time_t)g_date_time_to_unix(dt) : 946684800; /* 2000-01-01 */
    if (dt)
        g_date_time_unref(dt);
    g_time_zone_unref(utc);
    return t;
}

static void write_book(Book *b, const CsbPdfMeta *meta)
{
    lxw_doc_properties props = {.title = (char *)meta->title,
                                .subject = (char *)meta->subject,
                                .author = (char *)meta->author,
                                .keywords = (char *)meta->keywords,
                                .comments = (char *)meta->creator,
                                .created = when(meta->date)};
    workbook_set_properties(b->wb, &props);
    formats(b, b->doc->tpl);
    b->sheet_level = 0;
    for (guint i = 0; i < b->doc->blocks->len; i++) {
        int level = level_of(b->doc->blocks->pdata[i]);
        if (level && (!b->sheet_level || level < b->sheet_level))
            b->sheet_level = level;
    }
    about(b);
    for (guint i = 0; i < b->doc->blocks->len; i++)
        block(b, b->doc->blocks->pdata[i]);
    end_sheet(b);
}

GBytes *csb_render_xlsx(const CsbDoc *doc, const CsbPdfMeta *meta, const char *name,
                        CsbDiag *diag)
{
    GError *err = NULL;
    char *dir = g_dir_make_tmp("csbrief-xlsx-XXXXXX", &err);
    if (!dir) {
        csb_diag_error(diag, name, 0, 0, "cannot make the workbook: %s", err->message);
        g_error_free(err);
        return NULL;
    }
    char *path = g_build_filename(dir, "workbook.xlsx", NULL);
    lxw_workbook_options opt = {.tmpdir = dir};
    Book b = {.wb = workbook_new_opt(path, &opt), .doc = doc,
              .names = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL),
              .widths = g_array_new(FALSE, TRUE, sizeof(double))};
    GBytes *out = NULL;
    if (!b.wb) {
        csb_diag_error(diag, name, 0, 0, "cannot make the workbook");
    } else {
        write_book(&b, meta);
        lxw_error e = workbook_close(b.wb);
        gsize len = 0;
        char *data = NULL;
        if (e != LXW_NO_ERROR)
            csb_diag_error(diag, name, 0, 0, "cannot make the workbook: %s",
                           lxw_strerror(e));
        else if (!g_file_get_contents(path, &data, &len, &err)) {
            csb_diag_error(diag, name, 0, 0, "cannot read the workbook made: %s", err->message);
            g_clear_error(&err);
        } else {
            out = g_bytes_new_take(data, len);
        }
    }
    g_remove(path);
    g_rmdir(dir);
    g_hash_table_destroy(b.names);
    g_array_free(b.widths, TRUE);
    g_free(path);
    g_free(dir);
    return out;
}
