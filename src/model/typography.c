/* typography.c - comparing report text across sources.
 *
 * Records keep the source's own characters: a PDF's curly apostrophes and
 * en dashes stay curly and en, a text file's straight ones stay straight.
 * To ask whether two records say the same thing (the same report read as a
 * PDF and as text), text is compared through a typographic fold: quotes to
 * ASCII, dashes and hyphen variants to '-', ellipsis to "...", ligatures
 * spelt out, footnote markers (superscript digits) dropped, every kind of
 * space to one space.
 */
#include "model.h"

#include <stdarg.h>
#include <string.h>

static const char *replacement(gunichar c)
{
    switch (c) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x00B4:
    case 0x02BC:
        return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
        return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0x00AD:
        return "-";
    case 0x2026:
        return "...";
    case 0xFB00:
        return "ff";
    case 0xFB01:
        return "fi";
    case 0xFB02:
        return "fl";
    case 0xFB03:
        return "ffi";
    case 0xFB04:
        return "ffl";
    case 0x00B9: case 0x00B2: case 0x00B3: case 0x2070: case 0x2074: case 0x2075:
    case 0x2076: case 0x2077: case 0x2078: case 0x2079:
        return ""; /* footnote markers */
    default:
        return NULL;
    }
}

char *csb_text_fold_typography(const char *s)
{
    GString *out = g_string_new(NULL);
    gboolean space = TRUE;
    for (const char *p = s ? s : ""; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (g_unichar_isspace(c) || c == 0xA0 || c == 0x202F || c == 0x2007) {
            if (!space)
                g_string_append_c(out, ' ');
            space = TRUE;
            continue;
        }
        const char *r = replacement(c);
        if (r)
            g_string_append(out, r);
        else
            g_string_append_unichar(out, c);
        space = FALSE;
    }
    if (out->len && out->str[out->len - 1] == ' ')
        g_string_truncate(out, out->len - 1);
    return g_string_free(out, FALSE);
}

gboolean csb_text_same(const char *a, const char *b)
{
    if (!a || !b)
        return a == b;
    char *fa = csb_text_fold_typography(a);
    char *fb = csb_text_fold_typography(b);
    gboolean same = strcmp(fa, fb) == 0;
    g_free(fa);
    g_free(fb);
    return same;
}

static gboolean note(GString *why, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
static gboolean note(GString *why, const char *fmt, ...)
{
    if (why && !why->len) {
        va_list ap;
        va_start(ap, fmt);
        g_string_append_vprintf(why, fmt, ap);
        va_end(ap);
    }
    return FALSE;
}

gboolean csb_inspection_same(const CsbInspection *a, const CsbInspection *b, GString *why)
{
    char x[11], y[11];
    if (a->kind != b->kind)
        return note(why, "kind: %s / %s", csb_kind_id(a->kind), csb_kind_id(b->kind));
    if (g_strcmp0(a->authority, b->authority) || g_strcmp0(a->authority_code, b->authority_code))
        return note(why, "authority: %s / %s", a->authority, b->authority);
    if (g_strcmp0(a->provider, b->provider))
        return note(why, "provider: %s / %s", a->provider, b->provider);
    if (csb_date_compare(a->start, b->start) || csb_date_compare(a->end, b->end))
        return note(why, "inspection dates: %s / %s", csb_date_iso(a->start, x),
                    csb_date_iso(b->start, y));
    if (csb_date_compare(a->paused, b->paused) || csb_date_compare(a->resumed, b->resumed))
        return note(why, "inspection parts: paused %s / %s", csb_date_iso(a->paused, x),
                    csb_date_iso(b->paused, y));
    if (csb_date_compare(a->published, b->published))
        return note(why, "published: %s / %s", csb_date_iso(a->published, x),
                    csb_date_iso(b->published, y));
    if (!csb_text_same(a->lead_inspector, b->lead_inspector))
        return note(why, "lead inspector: %s / %s", a->lead_inspector, b->lead_inspector);
    if (a->judgements->len != b->judgements->len)
        return note(why, "%u / %u judgements", a->judgements->len, b->judgements->len);
    for (guint i = 0; i < a->judgements->len; i++) {
        const CsbJudgement *p = a->judgements->pdata[i], *q = b->judgements->pdata[i];
        if (strcmp(p->area, q->area) || p->grade != q->grade || !csb_text_same(p->label, q->label))
            return note(why, "judgement %u: %s %s / %s %s", i + 1, p->area,
                        csb_grade_id(p->grade), q->area, csb_grade_id(q->grade));
    }
    if (a->findings->len != b->findings->len)
        return note(why, "%u / %u findings", a->findings->len, b->findings->len);
    for (guint i = 0; i < a->findings->len; i++) {
        const CsbFinding *p = a->findings->pdata[i], *q = b->findings->pdata[i];
        if (p->kind != q->kind || !csb_text_same(p->text, q->text) ||
            !csb_text_same(p->framework_ref, q->framework_ref))
            return note(why, "finding %u: '%s' / '%s'", i + 1, p->text, q->text);
    }
    if (a->paragraphs->len != b->paragraphs->len)
        return note(why, "%u / %u paragraphs", a->paragraphs->len, b->paragraphs->len);
    for (guint i = 0; i < a->paragraphs->len; i++) {
        const CsbParagraph *p = a->paragraphs->pdata[i], *q = b->paragraphs->pdata[i];
        if (p->number != q->number || !csb_text_same(p->text, q->text) ||
            !csb_text_same(p->section, q->section))
            return note(why, "paragraph %d: '%.80s' / '%.80s'", p->number, p->text, q->text);
    }
    return TRUE;
}
