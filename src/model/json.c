/* json.c - the inspection record as JSON (`csbrief extract --format json`),
 * with room for fields a later stage adds to each paragraph (its tone).
 * Field names are the stable ids documented in docs/extract.md.
 */
#include "model.h"

#include <string.h>

void csb_json_string(GString *out, const char *s)
{
    if (!s) {
        g_string_append(out, "null");
        return;
    }
    g_string_append_c(out, '"');
    const char *end = s + strlen(s);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p >= 0x80) {
            /* JSON is Unicode: a byte that is not UTF-8 (a Latin-1 file
             * name) is written as the Latin-1 character it would be. */
            const char *q = (const char *)p;
            gunichar c = g_utf8_get_char_validated(q, end - q);
            if (c == (gunichar)-1 || c == (gunichar)-2) {
                g_string_append_printf(out, "\\u%04x", *p);
            } else {
                const char *next = g_utf8_next_char(q);
                g_string_append_len(out, q, next - q);
                p = (const unsigned char *)next - 1;
            }
            continue;
        }
        switch (*p) {
        case '"':
            g_string_append(out, "\\\"");
            break;
        case '\\':
            g_string_append(out, "\\\\");
            break;
        case '\n':
            g_string_append(out, "\\n");
            break;
        case '\t':
            g_string_append(out, "\\t");
            break;
        case '\r':
            g_string_append(out, "\\r");
            break;
        default:
            if (*p < 0x20)
                g_string_append_printf(out, "\\u%04x", *p);
            else
                g_string_append_c(out, (char)*p);
        }
    }
    g_string_append_c(out, '"');
}

static void indent_to(GString *out, int n)
{
    g_string_append_c(out, '\n');
    for (int i = 0; i < n; i++)
        g_string_append_c(out, ' ');
}

void csb_json_key(GString *out, int indent, const char *name, gboolean first)
{
    if (!first)
        g_string_append_c(out, ',');
    indent_to(out, indent);
    csb_json_string(out, name);
    g_string_append(out, ": ");
}

static void date_field(GString *out, int indent, const char *name, CsbDate d)
{
    char buf[11];
    csb_json_key(out, indent, name, FALSE);
    if (csb_date_valid(d))
        csb_json_string(out, csb_date_iso(d, buf));
    else
        g_string_append(out, "null");
}

void csb_inspection_to_json(const CsbInspection *in, GString *out, int indent)
{
    csb_inspection_to_json_with(in, out, indent, NULL, NULL);
}

void csb_inspection_to_json_with(const CsbInspection *in, GString *out, int indent,
                                 CsbJsonParagraphExtra extra, gpointer data)
{
    int i1 = indent + 2, i2 = indent + 4, i3 = indent + 6;
    g_string_append_c(out, '{');
    csb_json_key(out, i1, "file", TRUE);
    csb_json_string(out, in->file);
    csb_json_key(out, i1, "sha256", FALSE);
    csb_json_string(out, in->sha256);
    csb_json_key(out, i1, "url", FALSE);
    csb_json_string(out, in->url);
    csb_json_key(out, i1, "kind", FALSE);
    csb_json_string(out, csb_kind_id(in->kind));
    csb_json_key(out, i1, "title", FALSE);
    csb_json_string(out, in->title);
    csb_json_key(out, i1, "authority", FALSE);
    csb_json_string(out, in->authority);
    csb_json_key(out, i1, "authority_code", FALSE);
    csb_json_string(out, in->authority_code);
    csb_json_key(out, i1, "provider", FALSE);
    csb_json_string(out, in->provider);
    date_field(out, i1, "inspection_start", in->start);
    date_field(out, i1, "inspection_end", in->end);
    if (csb_inspection_in_parts(in)) {
        /* Only an inspection held in two parts has the field. */
        char a[11], b[11], c[11], d[11];
        csb_json_key(out, i1, "inspection_parts", FALSE);
        g_string_append_printf(out, "[[\"%s\", \"%s\"], [\"%s\", \"%s\"]]",
                               csb_date_iso(in->start, a), csb_date_iso(in->paused, b),
                               csb_date_iso(in->resumed, c), csb_date_iso(in->end, d));
    }
    date_field(out, i1, "published", in->published);
    csb_json_key(out, i1, "published_from", FALSE);
    if (in->published_from == CSB_PUBLISHED_UNKNOWN)
        g_string_append(out, "null");
    else
        csb_json_string(out, csb_published_from_id(in->published_from));
    csb_json_key(out, i1, "lead_inspector", FALSE);
    csb_json_string(out, in->lead_inspector);

    csb_json_key(out, i1, "judgements", FALSE);
    g_string_append_c(out, '[');
    for (guint i = 0; i < in->judgements->len; i++) {
        const CsbJudgement *j = in->judgements->pdata[i];
        if (i)
            g_string_append_c(out, ',');
        indent_to(out, i2);
        g_string_append_c(out, '{');
        csb_json_key(out, i3, "area", TRUE);
        csb_json_string(out, j->area);
        csb_json_key(out, i3, "grade", FALSE);
        csb_json_string(out, j->grade ? csb_grade_id(j->grade) : NULL);
        csb_json_key(out, i3, "label", FALSE);
        csb_json_string(out, j->label);
        csb_json_key(out, i3, "wording", FALSE);
        csb_json_string(out, j->wording);
        csb_json_key(out, i3, "page", FALSE);
        g_string_append_printf(out, "%d", j->page);
        indent_to(out, i2);
        g_string_append_c(out, '}');
    }
    if (in->judgements->len)
        indent_to(out, i1);
    g_string_append_c(out, ']');

    csb_json_key(out, i1, "findings", FALSE);
    g_string_append_c(out, '[');
    for (guint i = 0; i < in->findings->len; i++) {
        const CsbFinding *f = in->findings->pdata[i];
        if (i)
            g_string_append_c(out, ',');
        indent_to(out, i2);
        g_string_append_c(out, '{');
        csb_json_key(out, i3, "kind", TRUE);
        csb_json_string(out, csb_finding_kind_id(f->kind));
        csb_json_key(out, i3, "text", FALSE);
        csb_json_string(out, f->text);
        csb_json_key(out, i3, "framework_ref", FALSE);
        csb_json_string(out, f->framework_ref);
        csb_json_key(out, i3, "page", FALSE);
        g_string_append_printf(out, "%d", f->page);
        indent_to(out, i2);
        g_string_append_c(out, '}');
    }
    if (in->findings->len)
        indent_to(out, i1);
    g_string_append_c(out, ']');

    csb_json_key(out, i1, "paragraphs", FALSE);
    g_string_append_c(out, '[');
    for (guint i = 0; i < in->paragraphs->len; i++) {
        const CsbParagraph *p = in->paragraphs->pdata[i];
        if (i)
            g_string_append_c(out, ',');
        indent_to(out, i2);
        g_string_append_c(out, '{');
        csb_json_key(out, i3, "number", TRUE);
        g_string_append_printf(out, "%d", p->number);
        csb_json_key(out, i3, "section", FALSE);
        csb_json_string(out, p->section);
        csb_json_key(out, i3, "page", FALSE);
        g_string_append_printf(out, "%d", p->page);
        csb_json_key(out, i3, "text", FALSE);
        csb_json_string(out, p->text);
        if (extra)
            extra(p, out, i3, data);
        indent_to(out, i2);
        g_string_append_c(out, '}');
    }
    if (in->paragraphs->len)
        indent_to(out, i1);
    g_string_append_c(out, ']');
    indent_to(out, indent);
    g_string_append_c(out, '}');
}
