/* header.c - what kind of report this is, whose, when and by whom: the
 * title, authority, inspection dates, publication date and lead inspector.
 */
#include "parse.h"

#include <stdlib.h>
#include <string.h>

/* Title phrases, most specific first. Matched against the folded text of
 * the first blocks of the report. */
static const struct {
    const char *phrase;
    CsbKind kind;
} kind_signals[] = {
    {"joint targeted area inspection", CSB_KIND_JTAI},
    {"focused visit to", CSB_KIND_FOCUSED_VISIT},
    {"monitoring visit to", CSB_KIND_MONITORING_VISIT},
    {"monitoring visit of", CSB_KIND_MONITORING_VISIT},
    {"inspection of safeguarding and looked after children services", CSB_KIND_SLAC},
    {"inspection of services for children in need of help and protection", CSB_KIND_SIF},
    {"inspection of looked after children services", CSB_KIND_LAC},
    {"arrangements for the protection of children", CSB_KIND_CHILD_PROTECTION},
    {"local authority children s services", CSB_KIND_ILACS},
    {"review of the effectiveness of the local safeguarding children board", CSB_KIND_LSCB_REVIEW},
    {"peer challenge", CSB_KIND_PEER_CHALLENGE},
    {"peer review", CSB_KIND_PEER_CHALLENGE},
};

CsbKind csb_parse_kind(const GPtrArray *blocks)
{
    GString *head = g_string_new(NULL);
    for (guint i = 0; i < blocks->len && i < 30; i++) {
        g_string_append(head, ((CsbBlock *)blocks->pdata[i])->text);
        g_string_append_c(head, ' ');
    }
    char *folded = csb_text_fold(head->str);
    g_string_free(head, TRUE);
    CsbKind kind = CSB_KIND_UNKNOWN;
    for (guint i = 0; i < G_N_ELEMENTS(kind_signals) && kind == CSB_KIND_UNKNOWN; i++)
        if (strstr(folded, kind_signals[i].phrase))
            kind = kind_signals[i].kind;
    g_free(folded);
    return kind;
}

static int month_number(const char *word)
{
    static const char *const months[] = {"january", "february", "march",     "april",
                                         "may",     "june",     "july",      "august",
                                         "september", "october", "november", "december"};
    for (int m = 0; m < 12; m++)
        if (g_ascii_strncasecmp(word, months[m], 3) == 0 &&
            (strlen(word) == 3 || g_ascii_strcasecmp(word, months[m]) == 0 ||
             (strlen(word) == 4 && word[3] == '.')))
            return m + 1;
    return 0;
}

/* Tokens of a date phrase: numbers (with ordinal suffixes dropped) and
 * month names; everything else ("to", "-", "and", "–") separates them. */
gboolean csb_parse_date_range(const char *text, CsbDate *start, CsbDate *end)
{
    int day[4] = {0}, mon[4] = {0}, year[4] = {0};
    int nd = 0, nm = 0, ny = 0;
    char *f = csb_text_fold(text);
    char **words = g_strsplit(f, " ", -1);
    g_free(f);
    for (char **w = words; *w; w++) {
        char *p = *w;
        if (g_ascii_isdigit(*p)) {
            int v = atoi(p);
            if (v >= 1900 && v < 2100) {
                if (ny < 4)
                    year[ny++] = v;
            } else if (v >= 1 && v <= 31 && nd < 4) {
                day[nd++] = v;
            }
        } else if (month_number(p) && nm < 4) {
            mon[nm++] = month_number(p);
        }
        if (ny >= 2 || (ny == 1 && nd >= 2 && nm >= 1))
            break;
    }
    g_strfreev(words);
    if (nd == 0 || nm == 0 || ny == 0)
        return FALSE;
    CsbDate s = {year[0], mon[0], day[0]};
    CsbDate e = {ny > 1 ? year[1] : year[0], nm > 1 ? mon[1] : mon[0], nd > 1 ? day[1] : day[0]};
    /* "21 December 2025 to 9 January 2026" is written with both years;
     * "1 to 12 December" shares its month and year. */
    if (ny == 1 && nm > 1 && csb_date_compare(s, e) > 0)
        s.year--;
    if (!csb_date_valid(s) || !csb_date_valid(e) || csb_date_compare(s, e) > 0)
        return FALSE;
    *start = s;
    *end = e;
    return TRUE;
}

/* Text after a label such as "Inspection dates:" in a block, or NULL. */
static const char *after_label(const char *text, const char *label)
{
    size_t n = strlen(label);
    if (g_ascii_strncasecmp(text, label, n) != 0)
        return NULL;
    const char *p = text + n;
    while (*p == ':' || *p == ' ')
        p++;
    return *p ? p : NULL;
}

/* "Rachel Fairhurst, His Majesty's Inspector" -> "Rachel Fairhurst". */
static char *inspector_name(const char *s)
{
    char *name = g_strdup(s);
    static const char *const cuts[] = {",", " HMI", " Her Majesty", " His Majesty",
                                       " Ofsted Inspector", " Social Care Regulatory"};
    for (guint i = 0; i < G_N_ELEMENTS(cuts); i++) {
        char *c = strstr(name, cuts[i]);
        if (c)
            *c = '\0';
    }
    char *t = csb_text_squash(name);
    g_free(name);
    if (!*t) {
        g_free(t);
        return NULL;
    }
    return t;
}

void csb_parse_header(CsbInspection *in, const CsbDocument *doc, const GPtrArray *blocks,
                      const CsbAuthorities *authorities, CsbDiag *diag)
{
    GString *title = g_string_new(NULL);
    for (guint i = 0; i < blocks->len && i < 60; i++) {
        const CsbBlock *b = blocks->pdata[i];
        const char *v;
        if (i < 6 && b->type == CSB_BLOCK_HEADING && title->len < 200) {
            if (title->len)
                g_string_append_c(title, ' ');
            g_string_append(title, b->text);
        }
        if (!csb_date_valid(in->start) &&
            ((v = after_label(b->text, "Inspection dates")) ||
             (v = after_label(b->text, "Inspection date")) ||
             (v = after_label(b->text, "Dates of visit"))))
            csb_parse_date_range(v, &in->start, &in->end);
        if (!csb_date_valid(in->published) &&
            ((v = after_label(b->text, "Published")) ||
             (v = after_label(b->text, "Report published")))) {
            CsbDate s, e;
            if (csb_parse_date_range(v, &s, &e))
                in->published = s;
        }
        if (!in->lead_inspector && ((v = after_label(b->text, "Lead inspector")) ||
                                    (v = after_label(b->text, "Reporting inspector"))))
            in->lead_inspector = inspector_name(v);
    }
    if (!csb_date_valid(in->start)) {
        /* Letters: "the focused visit to X children's services on 4 and 5 July 2023". */
        for (guint i = 0; i < blocks->len && i < 60 && !csb_date_valid(in->start); i++) {
            const CsbBlock *b = blocks->pdata[i];
            const char *on = strstr(b->text, " on ");
            if (on && (strstr(b->text, "visit") || strstr(b->text, "inspection")))
                csb_parse_date_range(on + 4, &in->start, &in->end);
        }
    }
    in->title = title->len ? g_string_free(title, FALSE) : (g_string_free(title, TRUE), NULL);

    const CsbAuthority *a = NULL;
    for (guint i = 0; !a && i < blocks->len && i < 40; i++)
        a = csb_authorities_search(authorities, ((CsbBlock *)blocks->pdata[i])->text);
    if (a) {
        in->authority = g_strdup(a->name);
        in->authority_code = g_strdup(a->dfe_code);
    } else {
        csb_diag_warn(diag, doc->path, 0, 0,
                      "no authority named in the report's opening pages matches "
                      "data/authorities.csv; add its name as an alias there");
    }
    if (!csb_date_valid(in->start))
        csb_diag_warn(diag, doc->path, 0, 0, "no inspection dates found in the report");
}
