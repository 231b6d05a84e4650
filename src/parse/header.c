/* header.c - when and by whom: the title, the inspection dates, the
 * publication date and the lead inspector.
 *
 * Reports label these ("Inspection dates:", "Report published:", "Lead
 * inspector:", "Reporting inspector"), on the cover or, for the lead
 * inspector of SIF reports, in "The inspection team" at the end. Letters
 * (focused and monitoring visits, JTAIs) state the dates in their first
 * sentence and name their inspectors in a sentence or the sign-off; the
 * lead inspector of a letter is the first His (or Her) Majesty's Inspector
 * it names. An LGA peer challenge's lead is its "Lead peer".
 */
#include "parse.h"

#include <string.h>

/* Labels, matched case-insensitively at the start of a line. */
static const char *const date_labels[] = {"Inspection dates", "Inspection date",
                                          "Dates of inspection", "Date of inspection",
                                          "Dates of the inspection", "Dates of visit",
                                          "Date of visit", "Visit dates", "Visit date",
                                          "Review dates", "Review date"};
static const char *const published_labels[] = {"Report published", "Published",
                                               "Publication date", "Date of publication",
                                               "Date published"};
static const char *const lead_labels[] = {"Lead inspector on site", "Lead inspectors",
                                          "Lead inspector", "Reporting inspector",
                                          "Lead peer", "Lead reviewer"};

static gboolean is_dash(gunichar c)
{
    return c == '-' || c == 0x2013 || c == 0x2014;
}

/* Text after label at the start of s ("Lead inspector: X" -> "X"), "" when
 * the label ends the line, NULL when s does not start with it. The label
 * may be followed by a colon, spaces or a dash ("Lead peer – X"). */
static const char *after_label(const char *s, const char *label)
{
    size_t n = strlen(label);
    if (g_ascii_strncasecmp(s, label, n) != 0)
        return NULL;
    const char *p = s + n;
    gunichar c = g_utf8_get_char(p);
    if (c && c != ':' && c != ' ' && c != '\t' && !is_dash(c))
        return NULL; /* "Published" is not "Publishedx" */
    while (*p && (*p == ':' || *p == ' ' || *p == '\t' || is_dash(g_utf8_get_char(p))))
        p = g_utf8_next_char(p);
    return p;
}

static const char *after_any(const char *s, const char *const *labels, guint n)
{
    for (guint i = 0; i < n; i++) {
        const char *v = after_label(s, labels[i]);
        if (v)
            return v;
    }
    return NULL;
}

/* A line's text without a leading bullet or markdown emphasis. */
static char *line_plain(const CsbLine *l)
{
    char *t = csb_parse_line_text(l);
    GString *s = g_string_new(NULL);
    const char *p = t;
    while (*p == ' ' || *p == '-' || *p == '*' || *p == '#')
        p++;
    gunichar c = g_utf8_get_char(p);
    if (c == 0x2022 || c == 0x25FC || c == 0x25AA || (c >= 0xF000 && c <= 0xF0FF))
        p = g_utf8_next_char(p);
    for (; *p; p++)
        if (!(p[0] == '*' && p[1] == '*'))
            g_string_append_c(s, *p);
        else
            p++;
    g_free(t);
    char *out = csb_text_squash(s->str);
    g_string_free(s, TRUE);
    return out;
}

/* "Rachel Fairhurst, His Majesty's Inspector" -> "Rachel Fairhurst";
 * "Marie McGuinness Senior HMI" -> "Marie McGuinness"; "Steve Crocker LGA
 * Associate" -> "Steve Crocker". NULL when nothing is left. */
static char *inspector_name(const char *s)
{
    char *clean = csb_parse_clean(s);
    char *name = csb_text_squash(clean);
    g_free(clean);
    static const char *const cuts[] = {",", " Senior HMI", " HMI", " Her Majesty", " His Majesty",
                                       " Ofsted Inspector", " Social Care Regulatory", " LGA",
                                       " (", ";", " Associate", " Independent Consultant",
                                       " Ofsted"};
    for (guint i = 0; i < G_N_ELEMENTS(cuts); i++) {
        char *c = strstr(name, cuts[i]);
        if (c && (c != name))
            *c = '\0';
    }
    char *t = csb_text_squash(name);
    g_free(name);
    gsize n = strlen(t);
    while (n && (t[n - 1] == '.' || t[n - 1] == ' '))
        t[--n] = '\0';
    /* A name has a capital letter and no digits. */
    gboolean ok = n > 1 && g_unichar_isupper(g_utf8_get_char(t));
    for (const char *p = t; ok && *p; p++)
        if (g_ascii_isdigit(*p))
            ok = FALSE;
    if (!ok) {
        g_free(t);
        return NULL;
    }
    return t;
}

/* "Rebecca Quested, His Majesty's Inspector, and Matthew Reed, His
 * Majesty's Inspector" -> "Rebecca Quested; Matthew Reed": several lead
 * inspectors, each without their role. NULL when no name is left. */
static char *inspector_names(const char *s)
{
    static const char *const roles[] = {"His Majesty's Inspectors", "Her Majesty's Inspectors",
                                        "His Majesty's Inspector", "Her Majesty's Inspector",
                                        "Senior HMI", "HMI"};
    char *t = csb_parse_clean(s);
    char *folded_quotes = csb_text_fold_typography(t);
    g_free(t);
    GString *names = g_string_new(NULL);
    for (const char *p = folded_quotes; *p;) {
        gboolean cut = FALSE;
        for (guint i = 0; i < G_N_ELEMENTS(roles) && !cut; i++)
            if (g_ascii_strncasecmp(p, roles[i], strlen(roles[i])) == 0) {
                p += strlen(roles[i]);
                g_string_append_c(names, ',');
                cut = TRUE;
            }
        if (!cut)
            g_string_append_c(names, *p++);
    }
    g_free(folded_quotes);
    char **parts = g_regex_split_simple("\\s*(?:,|\\band\\b)\\s*", names->str, 0, 0);
    g_string_truncate(names, 0);
    for (char **part = parts; *part; part++) {
        char *name = inspector_name(*part);
        if (name)
            g_string_append_printf(names, "%s%s", names->len ? "; " : "", name);
        g_free(name);
    }
    g_strfreev(parts);
    return names->len ? g_string_free(names, FALSE) : (g_string_free(names, TRUE), NULL);
}

/* Does a date's text stop short, its range going on on the next line
 * ("19 November-11 December 2013 and 28 - 30" / "January 2014")? */
static gboolean date_runs_on(const char *text)
{
    return g_regex_match_simple("(?:\\d|\\band|\\bto|[-\\x{2013}\\x{2014}])\\s*$", text, 0, 0);
}

static gboolean body_line(const CsbLine *l)
{
    return !l->furniture && !l->footnote;
}

/* "His Majesty's Inspectors for this visit were A, B and C." -> "A". */
static char *inspector_from_sentence(const char *text)
{
    static const char *const leads[] = {"inspectors for this visit were ",
                                        "inspectors for this inspection were ",
                                        "inspectors for the visit were ",
                                        "the lead inspector was ", "the visit was led by ",
                                        "the inspection was led by ", "inspectors were "};
    char *lower = g_utf8_strdown(text, -1);
    char *name = NULL;
    for (guint i = 0; i < G_N_ELEMENTS(leads) && !name; i++) {
        const char *hit = strstr(lower, leads[i]);
        if (!hit)
            continue;
        const char *from = text + (hit - lower) + strlen(leads[i]);
        char *first = g_strdup(from);
        char *cut = first + strcspn(first, ",.;(");
        *cut = '\0';
        char *and = strstr(first, " and ");
        if (and)
            *and = '\0';
        name = inspector_name(first);
        g_free(first);
    }
    g_free(lower);
    return name;
}

/* The first signatory of a letter followed by an HMI title line. */
static char *inspector_from_signature(const CsbDocument *doc)
{
    for (guint i = 0; i < doc->lines->len; i++) {
        const CsbLine *l = doc->lines->pdata[i];
        char *f = csb_text_fold(l->text);
        gboolean yours = g_str_has_prefix(f, "yours sincerely") ||
                         g_str_has_prefix(f, "yours faithfully");
        g_free(f);
        if (!yours)
            continue;
        for (guint k = i + 1; k + 1 < doc->lines->len && k < i + 30; k++) {
            const CsbLine *n = doc->lines->pdata[k];
            const CsbLine *next = doc->lines->pdata[k + 1];
            if (!*n->text || !body_line(n))
                continue;
            for (guint m = k + 1; m < doc->lines->len && !*next->text; m++)
                next = doc->lines->pdata[m];
            if (strstr(next->text, "Majesty") || strstr(next->text, "HMI"))
                return inspector_name(n->text);
        }
        return NULL;
    }
    return NULL;
}

/* The first line that is only a date or a date range, near the top (peer
 * challenges: "7th to 9th November 2023"), and its two parts when it has
 * them (csb_parse_date_parts). */
static gboolean date_line(const char *text, CsbDate *s, CsbDate *e, CsbDate *paused,
                          CsbDate *resumed)
{
    char *f = csb_text_fold(text);
    gboolean only_dates = TRUE;
    char **w = g_strsplit(f, " ", -1);
    static const char *const ok[] = {"to", "and", "st", "nd", "rd", "th"};
    for (char **p = w; *p && only_dates; p++) {
        gboolean fine = g_ascii_isdigit(**p) || !**p || csb_month_number(*p);
        for (guint i = 0; i < G_N_ELEMENTS(ok) && !fine; i++)
            fine = strcmp(*p, ok[i]) == 0;
        only_dates = fine;
    }
    g_strfreev(w);
    g_free(f);
    return only_dates && csb_parse_date_parts(text, s, e, paused, resumed);
}

/* The title as written: the heading blocks before the body (in text, the
 * lines of the first paragraph), up to the first label such as "Inspection
 * dates". */
static char *read_title(CsbParse *p)
{
    GString *title = g_string_new(NULL);
    gboolean text = p->doc->type == CSB_SOURCE_TEXT;
    const CsbBlock *prev = NULL;
    for (guint i = 0; i < p->blocks->len && i < 8; i++) {
        const CsbBlock *b = p->blocks->pdata[i];
        gboolean short_text = b->type == CSB_BLOCK_TEXT && b->number == 0 && strlen(b->text) < 120;
        gboolean part = b->type == CSB_BLOCK_HEADING ||
                        (text && short_text && (!prev || b->first_line == prev->last_line + 1));
        if (!part)
            break;
        const char *stop = NULL;
        for (guint k = 0; k < G_N_ELEMENTS(date_labels) && !stop; k++)
            stop = strstr(b->text, date_labels[k]);
        CsbDate ds, de, dp, dr;
        if ((stop == b->text && title->len) || date_line(b->text, &ds, &de, &dp, &dr))
            break;
        GString *piece = g_string_new_len(b->text, stop ? stop - b->text : -1);
        if (piece->len && title->len < 300) {
            if (title->len)
                g_string_append_c(title, ' ');
            g_string_append(title, piece->str);
        }
        g_string_free(piece, TRUE);
        if (stop)
            break;
        prev = b;
    }
    char *clean = csb_parse_clean(title->str);
    g_string_free(title, TRUE);
    char *t = csb_text_squash(clean);
    g_free(clean);
    if (!*t) {
        g_free(t);
        return NULL;
    }
    return t;
}

static gboolean is_letter(const CsbParse *p)
{
    return p->framework && p->framework->letter;
}

static void read_labels(CsbParse *p)
{
    CsbInspection *in = p->in;
    const CsbDocument *doc = p->doc;
    for (guint i = 0; i < doc->lines->len; i++) {
        const CsbLine *l = doc->lines->pdata[i];
        if (!body_line(l) || !*l->text)
            continue;
        char *t = line_plain(l);
        const char *next_text = NULL;
        char *next = NULL;
        for (guint k = i + 1; k < doc->lines->len && k < i + 4 && !next; k++) {
            const CsbLine *n = doc->lines->pdata[k];
            if (body_line(n) && *n->text)
                next = line_plain(n);
        }
        next_text = next ? next : "";
        const char *v;
        /* Dates and publication are cover items: the first 80 lines. */
        if (i < 80 && !csb_date_valid(in->start) &&
            (v = after_any(t, date_labels, G_N_ELEMENTS(date_labels)))) {
            char *dates = !*v               ? g_strdup(next_text)
                          : date_runs_on(v) ? g_strconcat(v, " ", next_text, NULL)
                                            : g_strdup(v);
            if (!csb_parse_date_parts(dates, &in->start, &in->end, &in->paused, &in->resumed))
                csb_parse_warn_at(p, i, "the inspection dates '%s' cannot be read as dates",
                                  dates);
            g_free(dates);
        }
        if (i < 80 && !csb_date_valid(in->published) &&
            (v = after_any(t, published_labels, G_N_ELEMENTS(published_labels)))) {
            CsbDate s, e;
            if (csb_parse_date_range(*v ? v : next_text, &s, &e)) {
                in->published = s;
                in->published_from = CSB_PUBLISHED_REPORT;
            }
        }
        if (!in->lead_inspector && (v = after_any(t, lead_labels, G_N_ELEMENTS(lead_labels)))) {
            if (g_ascii_strncasecmp(t, "Lead inspectors", 15) == 0) {
                /* Several names, perhaps running on to the next line. */
                char *all = g_strconcat(*v ? v : next_text, " ", *v ? next_text : "", NULL);
                in->lead_inspector = inspector_names(all);
                g_free(all);
            } else {
                in->lead_inspector = inspector_name(*v ? v : next_text);
            }
        }
        g_free(t);
        g_free(next);
    }
}

/* Letters: "... the focused visit to X children's services on 4 and 5 July
 * 2023." and "This inspection took place from 4 to 8 March 2024." */
static void read_letter(CsbParse *p)
{
    CsbInspection *in = p->in;
    for (guint i = 0; i < p->blocks->len && i < 80; i++) {
        const CsbBlock *b = p->blocks->pdata[i];
        if (b->type != CSB_BLOCK_TEXT && b->type != CSB_BLOCK_HEADING)
            continue;
        char *lower = g_utf8_strdown(b->text, -1);
        if (!csb_date_valid(in->start) &&
            (strstr(lower, "visit") || strstr(lower, "inspection") || strstr(lower, "took place")))
            csb_parse_date_parts(b->text, &in->start, &in->end, &in->paused, &in->resumed);
        if (!in->lead_inspector)
            in->lead_inspector = inspector_from_sentence(b->text);
        g_free(lower);
    }
    if (!in->lead_inspector)
        in->lead_inspector = inspector_from_signature(p->doc);
}

void csb_parse_header(CsbParse *p)
{
    CsbInspection *in = p->in;
    if (!is_letter(p))
        in->title = read_title(p);
    else if (p->title_block < p->blocks->len)
        in->title = csb_parse_clean(((CsbBlock *)p->blocks->pdata[p->title_block])->text);
    read_labels(p);
    if (is_letter(p) && (!csb_date_valid(in->start) || !in->lead_inspector))
        read_letter(p);
    for (guint i = 0; i < p->doc->lines->len && i < 60 && !csb_date_valid(in->start); i++) {
        const CsbLine *l = p->doc->lines->pdata[i];
        if (body_line(l))
            date_line(l->text, &in->start, &in->end, &in->paused, &in->resumed);
    }
    if (!csb_date_valid(in->start))
        csb_diag_warn(p->diag, p->doc->path, 0, 0,
                      "no inspection dates found (no 'Inspection dates:' line on the cover)");
    if (!in->lead_inspector && in->kind != CSB_KIND_JTAI)
        csb_diag_warn(p->diag, p->doc->path, 0, 0, "no lead inspector named in the report");
}
