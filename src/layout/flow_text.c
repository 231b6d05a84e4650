/* flow_text.c - text for the flow engine: rich text as Pango markup
 * (csb_rich_markup: every span's text escaped), Pango layouts from it,
 * characters no bundled font has (noted, and told in one warning), and
 * breaking a layout across pages by whole lines with no orphan or widow.
 */
#include "flow.h"

#include <string.h>

static char *escape_for_fonts(const char *text);

FlowFont flow_body_font(const Flow *f)
{
    return (FlowFont){
        .family = f->t->font_body, .size = f->t->size_body, .align = PANGO_ALIGN_LEFT};
}

/* "…the words around…" character at of text, as a short quotation. */
static char *context_of(const char *text, int at)
{
    const char *c = text + at;
    const char *from = c, *to = c;
    for (int i = 0; i < 30 && from > text; i++)
        from = g_utf8_prev_char(from);
    for (int i = 0; i < 30 && *to; i++)
        to = g_utf8_next_char(to);
    char *raw = g_strndup(from, (gsize)(to - from));
    char *squashed = csb_text_squash(raw);
    char *out = g_strdup_printf("%s%s%s", from > text ? "\u2026" : "", squashed,
                                *to ? "\u2026" : "");
    g_free(squashed);
    g_free(raw);
    return out;
}

/* Pango shapes a character no font of the map has as an "unknown" glyph
 * (drawn as an empty box): the character is in the glyph's own number. */
static void note_missing_glyphs(Flow *f, PangoLayout *l)
{
    const char *text = pango_layout_get_text(l);
    char *context = NULL; /* around the first new one; shared by the others */
    PangoLayoutIter *it = pango_layout_get_iter(l);
    do {
        PangoLayoutRun *run = pango_layout_iter_get_run_readonly(it);
        for (int i = 0; run && i < run->glyphs->num_glyphs; i++) {
            PangoGlyph g = run->glyphs->glyphs[i].glyph;
            if (!(g & PANGO_GLYPH_UNKNOWN_FLAG))
                continue;
            gunichar c = g & ~PANGO_GLYPH_UNKNOWN_FLAG;
            if (g_hash_table_contains(f->missing, GUINT_TO_POINTER(c)))
                continue;
            if (!context)
                context = context_of(text, run->item->offset + run->glyphs->log_clusters[i]);
            g_hash_table_insert(f->missing, GUINT_TO_POINTER(c), g_strdup(context));
        }
    } while (pango_layout_iter_next_run(it));
    pango_layout_iter_free(it);
    g_free(context);
}

static gint by_code_point(gconstpointer a, gconstpointer b)
{
    guint x = GPOINTER_TO_UINT(a), y = GPOINTER_TO_UINT(b);
    return x < y ? -1 : x > y;
}

void flow_warn_missing_glyphs(const Flow *f, CsbDiag *diag)
{
    guint n = g_hash_table_size(f->missing);
    if (n == 0)
        return;
    /* Grouped by the text they are in: "ش ك (U+0634 U+0643) in "…"". */
    GList *chars = g_list_sort(g_hash_table_get_keys(f->missing), by_code_point);
    GPtrArray *places = g_ptr_array_new();                  /* context, in order */
    GHashTable *glyphs = g_hash_table_new(g_str_hash, g_str_equal), /* context -> GString */
        *codes = g_hash_table_new(g_str_hash, g_str_equal);
    for (GList *c = chars; c; c = c->next) {
        const char *where = g_hash_table_lookup(f->missing, c->data);
        GString *g = g_hash_table_lookup(glyphs, where), *u = g_hash_table_lookup(codes, where);
        if (!g) {
            g_ptr_array_add(places, (gpointer)where);
            g_hash_table_insert(glyphs, (gpointer)where, g = g_string_new(NULL));
            g_hash_table_insert(codes, (gpointer)where, u = g_string_new(NULL));
        }
        gunichar ch = GPOINTER_TO_UINT(c->data);
        g_string_append_printf(g, "%s", g->len ? " " : "");
        g_string_append_unichar(g, ch);
        g_string_append_printf(u, "%sU+%04X", u->len ? " " : "", ch);
    }
    GString *list = g_string_new(NULL);
    for (guint i = 0; i < places->len && i < 5; i++) {
        const char *where = places->pdata[i];
        g_string_append_printf(list, "%s%s (%s) in \"%s\"", i ? "; " : "",
                               ((GString *)g_hash_table_lookup(glyphs, where))->str,
                               ((GString *)g_hash_table_lookup(codes, where))->str, where);
    }
    if (places->len > 5)
        g_string_append_printf(list, "; and in %u more places", places->len - 5);
    csb_diag_warn(diag, NULL, 0, 0,
                  "%u character%s no bundled font can show, printed as empty boxes: %s",
                  n, n == 1 ? " that" : "s that", list->str);
    for (guint i = 0; i < places->len; i++) {
        g_string_free(g_hash_table_lookup(glyphs, places->pdata[i]), TRUE);
        g_string_free(g_hash_table_lookup(codes, places->pdata[i]), TRUE);
    }
    g_hash_table_destroy(glyphs);
    g_hash_table_destroy(codes);
    g_ptr_array_free(places, TRUE);
    g_string_free(list, TRUE);
    g_list_free(chars);
}

/* A layout is never changed once made, so boxes with the same text, font
 * and width (running heads, grade badges, repeated table cells) share one
 * and it is shaped once. */
PangoLayout *flow_layout_markup(Flow *f, const char *markup, FlowFont font, double width)
{
    char *key = g_strdup_printf("%s|%g|%d|%d|%d|%g|%d|%g|%s", font.family, font.size, font.bold,
                                font.italic, (int)font.align, (double)font.spacing,
                                font.single_line, width, markup);
    PangoLayout *same = g_hash_table_lookup(f->shaped, key);
    if (same) {
        g_free(key);
        return g_object_ref(same);
    }
    PangoLayout *l = pango_layout_new(f->ctx);
    PangoFontDescription *fd = pango_font_description_new();
    pango_font_description_set_family(fd, font.family);
    pango_font_description_set_absolute_size(fd, font.size * PANGO_SCALE);
    pango_font_description_set_weight(fd, font.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(fd, font.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_layout_set_font_description(l, fd);
    pango_font_description_free(fd);
    pango_layout_set_width(l, (int)(width * PANGO_SCALE));
    pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(l, font.align);
    /* Everything that shapes the lines is set before the text, so each
     * layout is laid out once. */
    pango_layout_set_line_spacing(l, font.spacing > 0 ? font.spacing : (float)f->t->leading);
    if (font.single_line) {
        pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
        pango_layout_set_height(l, -1);
    }
    pango_layout_set_markup(l, markup, -1);
    if (pango_layout_get_unknown_glyphs_count(l) > 0)
        note_missing_glyphs(f, l);
    g_hash_table_insert(f->shaped, key, g_object_ref(l));
    return l;
}

PangoLayout *flow_layout_rich(Flow *f, const CsbRich *r, FlowFont font, double width)
{
    char *m = csb_rich_markup(r, &f->t->muted, &f->t->accent);
    PangoLayout *l = flow_layout_markup(f, m, font, width);
    g_free(m);
    return l;
}

PangoLayout *flow_layout_plain(Flow *f, const char *text, FlowFont font, double width)
{
    char *m = escape_for_fonts(text);
    PangoLayout *l = flow_layout_markup(f, m, font, width);
    g_free(m);
    return l;
}

double flow_layout_height(PangoLayout *l)
{
    int w, h;
    pango_layout_get_size(l, &w, &h);
    return (double)h / PANGO_SCALE;
}

/* Top and bottom of each line, in points from the layout's top:
 * [2i] top, [2i+1] bottom. */
static GArray *line_extents(PangoLayout *l)
{
    GArray *a = g_array_new(FALSE, FALSE, sizeof(double));
    PangoLayoutIter *it = pango_layout_get_iter(l);
    do {
        int y0, y1;
        pango_layout_iter_get_line_yrange(it, &y0, &y1);
        double top = (double)y0 / PANGO_SCALE, bot = (double)y1 / PANGO_SCALE;
        g_array_append_val(a, top);
        g_array_append_val(a, bot);
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    return a;
}

#define TOP(a, i) g_array_index(a, double, 2 * (i))
#define BOT(a, i) g_array_index(a, double, 2 * (i) + 1)

double flow_lead_height(PangoLayout *l)
{
    GArray *ext = line_extents(l);
    int n = (int)ext->len / 2;
    double h = n <= 3 ? BOT(ext, n - 1) : BOT(ext, 1);
    g_array_free(ext, TRUE);
    return h;
}

CsbBox *flow_put_layout(Flow *f, PangoLayout *l, CsbColour ink, double x, double y)
{
    double w = (double)pango_layout_get_width(l) / PANGO_SCALE;
    CsbBox *b = flow_box(f, CSB_BOX_TEXT, x, y, w, flow_layout_height(l));
    b->layout = g_object_ref(l);
    b->line_from = 0;
    b->line_to = pango_layout_get_line_count(l);
    b->colour = ink;
    return b;
}

double flow_put_text(Flow *f, const char *text, FlowFont font, CsbColour ink, double x,
                     double y, double w)
{
    PangoLayout *l = flow_layout_plain(f, text, font, w);
    double h = flow_layout_height(l);
    flow_put_layout(f, l, ink, x, y);
    g_object_unref(l);
    return h;
}

/* How many lines from `from` fit in avail. */
static int lines_fitting(GArray *ext, int from, int n, double avail)
{
    int k = from;
    while (k < n && BOT(ext, k) - TOP(ext, from) <= avail)
        k++;
    return k;
}

/* Where to end the piece that starts at `from`, given that k lines fit
 * (k < n): from itself means "move everything to the next page". */
static int break_at(int from, int k, int n)
{
    if (n - from <= 3)
        return from;  /* a short text moves whole */
    if (n - k < 2)
        k = n - 2;    /* no widow: carry two lines */
    if (k - from < 2)
        return from;  /* no orphan: leave two lines or none */
    return k;
}

void flow_place_lines(Flow *f, PangoLayout *l, double x, double w, CsbColour ink, double pad,
                      double keep_after, FlowDecorate decorate, gpointer data)
{
    GArray *ext = line_extents(l);
    int n = (int)ext->len / 2, from = 0, piece = 0;
    while (from < n) {
        double avail = f->bottom - f->y - 2 * pad;
        int k = lines_fitting(ext, from, n, avail);
        if (k == n && BOT(ext, n - 1) - TOP(ext, from) + keep_after > avail)
            k = n - 1; /* the text fits but what must follow it does not */
        if (k < n) {
            int end = break_at(from, k, n);
            if (end == from) {
                if (!flow_page_is_empty(f)) {
                    flow_new_page(f);
                    continue;
                }
                /* Already at the top of a page: nothing to gain by moving,
                 * so place what fits (at least one line, however tall). */
                end = MAX(from + 1, lines_fitting(ext, from, n, avail));
            }
            k = end;
        }
        guint index = f->page->boxes->len;
        double h = BOT(ext, k - 1) - TOP(ext, from) + 2 * pad;
        CsbBox *b = flow_box(f, CSB_BOX_TEXT, x, f->y + pad - TOP(ext, from), w,
                             BOT(ext, k - 1) + pad);
        b->layout = g_object_ref(l);
        b->line_from = from;
        b->line_to = k;
        b->colour = ink;
        if (decorate)
            decorate(f, index, piece, x - pad, f->y, w + 2 * pad, h, data);
        f->y += h;
        from = k;
        piece++;
        if (from < n)
            flow_new_page(f);
    }
    g_array_free(ext, TRUE);
}

/* ---- rich text as Pango markup ------------------------------------------ */

static void colour_span(GString *open, GString *close, const CsbColour *c)
{
    g_string_append_printf(open, "<span foreground=\"#%02x%02x%02x\">", (int)(c->r * 255 + 0.5),
                           (int)(c->g * 255 + 0.5), (int)(c->b * 255 + 0.5));
    g_string_prepend(close, "</span>");
}

/* Markup-escaped text, with a stand-in for a character the bundled fonts
 * lack but whose meaning a common one carries exactly: U+2212 MINUS SIGN
 * (reports write "2015\u221216" and list items "\u2212 sufficiency") as
 * a hyphen-minus, not an empty box. */
static char *escape_for_fonts(const char *text)
{
    char *esc = g_markup_escape_text(text, -1);
    if (!strstr(esc, "\u2212"))
        return esc;
    char **parts = g_strsplit(esc, "\u2212", -1);
    char *joined = g_strjoinv("-", parts);
    g_strfreev(parts);
    g_free(esc);
    return joined;
}

/* May a line break after c, in an address's path? */
static gboolean address_breaks_after(char c)
{
    return c && strchr("/-_?&=", c) != NULL;
}

/* Markup of one piece of an address: no line breaks inside it, even when
 * it is wider than the line (no character breaks, so no hyphen is added
 * either); a piece after the first is a word of its own, before which a
 * line may break (Pango adds that opportunity: none is there between
 * "44/" and "80481"). */
static void add_address_piece(GString *m, const char *from, gsize len, gboolean first)
{
    char *raw = g_strndup(from, len);
    char *esc = escape_for_fonts(raw);
    g_string_append_printf(m, "<span allow_breaks=\"false\"%s>%s</span>",
                           first ? "" : " segment=\"word\"", esc);
    g_free(esc);
    g_free(raw);
}

/* An address as markup, broken only where a reader expects a break: the
 * first piece is its host, with any scheme, up to and with the '/' after
 * it, never broken ("reports.ofsted.gov.uk/"), and each next piece of its
 * path runs to and with a '/' (or a '-', '_', '?', '&' or '=' ending a
 * run of them): "provider/", "44/", "80481". The first piece is no word
 * of its own, so a line does not break between it and what comes before
 * ("(reports..."). The text itself is unchanged: what is copied from the
 * PDF, and its link, is the whole address. */
static char *address_markup(const char *text)
{
    GString *m = g_string_new(NULL);
    const char *scheme = strstr(text, "://");
    const char *host_end = strchr(scheme ? scheme + 3 : text, '/');
    const char *piece = text, *p = host_end ? host_end + 1 : text + strlen(text);
    add_address_piece(m, piece, (gsize)(p - piece), TRUE);
    for (piece = p; *p; p++) {
        if (address_breaks_after(*p) && !address_breaks_after(p[1])) {
            add_address_piece(m, piece, (gsize)(p + 1 - piece), FALSE);
            piece = p + 1;
        }
    }
    if (p > piece)
        add_address_piece(m, piece, (gsize)(p - piece), FALSE);
    return g_string_free(m, FALSE);
}

char *csb_rich_markup(const CsbRich *r, const CsbColour *muted, const CsbColour *accent)
{
    GString *m = g_string_new(NULL);
    for (guint i = 0; r && i < r->spans->len; i++) {
        const CsbSpan *s = r->spans->pdata[i];
        char *esc = s->style & CSB_STYLE_ADDRESS ? address_markup(s->text)
                                                 : escape_for_fonts(s->text);
        GString *open = g_string_new(NULL), *close = g_string_new(NULL);
        if (s->style & CSB_STYLE_ACCENT && accent)
            colour_span(open, close, accent);
        else if (s->style & CSB_STYLE_MUTED && muted)
            colour_span(open, close, muted);
        if (s->style & CSB_STYLE_SMALL) {
            g_string_append(open, "<small>");
            g_string_prepend(close, "</small>");
        }
        if (s->style & CSB_STYLE_BOLD) {
            g_string_append(open, "<b>");
            g_string_prepend(close, "</b>");
        }
        if (s->style & CSB_STYLE_ITALIC) {
            g_string_append(open, "<i>");
            g_string_prepend(close, "</i>");
        }
        g_string_append_printf(m, "%s%s%s", open->str, esc, close->str);
        g_string_free(open, TRUE);
        g_string_free(close, TRUE);
        g_free(esc);
    }
    return g_string_free(m, FALSE);
}
