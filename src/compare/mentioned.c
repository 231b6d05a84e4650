/* mentioned.c - inspections and visits an authority's reports name that
 * are not among the reports: "the focused visit in February 2019", "the
 * 2018 joint targeted area inspection", "In 2020, Ofsted conducted a
 * focused visit", "the last inspection in 2022". The visits looked for,
 * and what they are called, are data/frameworks.yaml's: the kinds
 * reported in letters (letter: yes), by their titles; an inspection named
 * so ("the last inspection in 2022", "the 2019 inspection") is one of any
 * kind that grades (kind CSB_KIND_UNKNOWN here), unless the words before it
 * make it a service's (mentions: services in data/frameworks.yaml). A
 * mention is of a report
 * the story has when a report of its kind (read, or named and not read)
 * is of the year it names, and, when it names a month too, within two
 * months of it (by the visit's dates or its publication). What is left,
 * from the year of the first report read on, is what a reader should know
 * the briefing lacks.
 */
#include "compare.h"

#include <stdlib.h>
#include <string.h>

#define MONTHS                                                                             \
    "january|february|march|april|may|june|july|august|september|october|november|december"

/* An inspection named by when it was: "the last inspection in 2022", "the
 * previous full inspection in March 2019", "the 2019 Ofsted inspection". */
static GRegex *inspection_pattern(void)
{
    return g_regex_new(
        "\\b(?:the )?(?:last|previous|most recent|prior) (?:ofsted )?(?:full |standard |ilacs "
        "|sif |single |judgement )?inspection (?:in|of|on) (?:\\d{1,2} )?(?:(?<m1>" MONTHS
        ") )?(?<y1>20\\d\\d)\\b"
        "|\\bthe (?:(?<m2>" MONTHS ") )?(?<y2>20\\d\\d) (?:ofsted )?(?:ilacs |sif |full |standard "
        "|single )?inspection\\b",
        G_REGEX_OPTIMIZE, 0, NULL);
}

/* One pattern per kind: the year (and month) before the title, after it
 * (an abbreviation or "by Ofsted" between: "joint targeted area inspection
 * (JTAI) in July 2022", "a focused visit by Ofsted in July 2018"), or
 * opening the sentence that names it. */
static GRegex *pattern_for(const CsbFramework *f)
{
    GString *titles = g_string_new(NULL);
    for (guint i = 0; i < f->titles->len; i++) {
        char *quoted = g_regex_escape_string(f->titles->pdata[i], -1);
        g_string_append_printf(titles, "%s%s", i ? "|" : "", quoted);
        g_free(quoted);
    }
    char *src = g_strdup_printf(
        "\\b(?:(?<m1>" MONTHS ") )?(?<y1>20\\d\\d) (?:ofsted )?(?:%1$s)\\b"
        "|\\b(?:%1$s)s?(?: by ofsted| [a-z]{2,5}(?= (?:in|of|on|during) ))? (?:(?:carried out|undertaken|"
        "conducted|that took place|which took place) )?(?:in|of|on|during) (?:\\d{1,2} )?"
        "(?:(?<m2>" MONTHS ") )?(?<y2>20\\d\\d)\\b"
        "|\\b(?:in|during) (?:(?<m3>" MONTHS ") )?(?<y3>20\\d\\d) (?:ofsted|inspectors) "
        "(?:conducted|carried out|undertook|completed) an? (?:%1$s)\\b",
        titles->str);
    GRegex *re = g_regex_new(src, G_REGEX_OPTIMIZE, 0, NULL);
    g_free(src);
    g_string_free(titles, TRUE);
    return re;
}

static int named_int(const GMatchInfo *mi, const char *const names[3], gboolean month)
{
    for (int i = 0; i < 3; i++) {
        char *s = g_match_info_fetch_named(mi, names[i]);
        int v = s && *s ? (month ? csb_month_number(s) : atoi(s)) : 0;
        g_free(s);
        if (v)
            return v;
    }
    return 0;
}

/* Is a report of kind, dated d, the visit of year/month? */
static gboolean dated_as(CsbDate d, int year, int month)
{
    if (!csb_date_valid(d))
        return FALSE;
    if (!month)
        return d.year == year;
    int apart = (d.year * 12 + d.month) - (year * 12 + month);
    return apart >= -2 && apart <= 2;
}

/* Is a report of kind k one a mention of kind (CSB_KIND_UNKNOWN: any
 * inspection that grades) may be of? */
static gboolean kind_fits(const CsbFrameworks *fw, CsbKind kind, CsbKind k)
{
    return kind == CSB_KIND_UNKNOWN ? k == CSB_KIND_UNKNOWN || csb_frameworks_graded(fw, k)
                                    : k == kind;
}

static gboolean story_has(const CsbStory *s, const CsbFrameworks *fw, CsbKind kind, int year,
                          int month)
{
    for (guint i = 0; i < s->inspections->len; i++) {
        const CsbInspection *in = s->inspections->pdata[i];
        if (kind_fits(fw, kind, in->kind) && (dated_as(in->start, year, month) ||
                                 dated_as(in->end, year, month) ||
                                 dated_as(in->published, year, month)))
            return TRUE;
    }
    for (guint i = 0; s->not_read && i < s->not_read->len; i++) {
        const CsbNotRead *n = s->not_read->pdata[i];
        if (n->inspection)
            continue; /* read: among the inspections */
        /* Kind unknown: a file not read could be it. */
        if ((!n->kind || kind_fits(fw, kind, csb_kind_from_id(n->kind))) &&
            dated_as(n->date, year, month))
            return TRUE;
    }
    return FALSE;
}

/* The mention already kept of the same visit (kind and year; month, when
 * both name one), or NULL. */
static CsbMention *kept_as(GPtrArray *out, CsbKind kind, int year, int month)
{
    for (guint i = 0; i < out->len; i++) {
        CsbMention *m = out->pdata[i];
        if (m->kind == kind && m->year == year &&
            (!m->month || !month || m->month == month))
            return m;
    }
    return NULL;
}

static gint by_date(gconstpointer a, gconstpointer b)
{
    const CsbMention *x = *(CsbMention *const *)a, *y = *(CsbMention *const *)b;
    int dx = x->year * 12 + x->month, dy = y->year * 12 + y->month;
    return dx < dy ? -1 : dx > dy;
}

/* Does folded text hold one of f's titles? (A cheap test before the
 * pattern.) */
static gboolean names_kind(const CsbFramework *f, const char *folded)
{
    for (guint i = 0; i < f->titles->len; i++)
        if (strstr(folded, f->titles->pdata[i]))
            return TRUE;
    return FALSE;
}

/* Is the inspection named at byte at of folded text a service's (an
 * adoption or fostering agency's, a children's home's: "the fostering
 * service was judged to be adequate at the last inspection in June 2012",
 * "rated outstanding at its last inspection"), not the authority's: is one
 * of the frameworks' service phrases in the 100 bytes before it? */
static gboolean of_a_service(const CsbFrameworks *fw, const char *folded, int at)
{
    const GPtrArray *services = fw ? csb_frameworks_mention_words(fw)->services : NULL;
    if (!services || !services->len)
        return FALSE;
    int from = MAX(0, at - 100);
    char *before = g_strndup(folded + from, (gsize)(at - from));
    gboolean hit = FALSE;
    for (guint i = 0; i < services->len && !hit; i++)
        hit = strstr(before, services->pdata[i]) != NULL;
    g_free(before);
    return hit;
}

/* The visits of kind (CSB_KIND_UNKNOWN: inspections that grade) one
 * paragraph (folded) of report in names, into s->mentioned. */
static void note_in(CsbStory *s, const CsbFrameworks *fw, CsbKind kind, GRegex *re,
                    const CsbInspection *in, const CsbParagraph *para, const char *folded)
{
    static const char *const years[] = {"y1", "y2", "y3"}, *const months[] = {"m1", "m2", "m3"};
    CsbDate said = csb_inspection_date(in);
    CsbDate first = csb_inspection_date(s->inspections->pdata[0]);
    GMatchInfo *mi = NULL;
    g_regex_match(re, folded, 0, &mi);
    for (; g_match_info_matches(mi); g_match_info_next(mi, NULL)) {
        int year = named_int(mi, years, FALSE), month = named_int(mi, months, TRUE);
        int at = 0;
        g_match_info_fetch_pos(mi, 0, &at, NULL);
        if (kind == CSB_KIND_UNKNOWN && of_a_service(fw, folded, at))
            continue;
        /* A visit to come ("the next focused visit in 2027") is no gap,
         * nor one before the reports begin (outside the years they span). */
        if (!year || (csb_date_valid(said) && year > said.year) ||
            (csb_date_valid(first) && year < first.year) || story_has(s, fw, kind, year, month))
            continue;
        CsbMention *m = kept_as(s->mentioned, kind, year, month);
        if (m) {
            m->month = m->month ? m->month : month;
            continue;
        }
        m = g_new0(CsbMention, 1);
        m->kind = kind;
        m->year = year;
        m->month = month;
        m->by = in;
        m->paragraph = para;
        g_ptr_array_add(s->mentioned, m);
    }
    g_match_info_free(mi);
}

/* Does text hold the last word of one of the kinds' titles ("visit",
 * "Inspection")? A quicker test than folding every paragraph. */
static gboolean holds_last_word(const char *text, const GPtrArray *kinds)
{
    for (guint k = 0; k < kinds->len; k++) {
        const CsbFramework *f = kinds->pdata[k];
        for (guint i = 0; i < f->titles->len; i++) {
            const char *title = f->titles->pdata[i], *sp = strrchr(title, ' ');
            const char *last = sp ? sp + 1 : title;
            /* its first letter aside: "visit" and "Visit" alike */
            if (last[0] && last[1] && strstr(text, last + 1))
                return TRUE;
        }
    }
    return FALSE;
}

void csb_story_note_mentioned(CsbStory *s, const CsbFrameworks *fw)
{
    s->mentioned = g_ptr_array_new_with_free_func(g_free);
    GPtrArray *kinds = g_ptr_array_new();                           /* const CsbFramework* */
    GPtrArray *patterns = g_ptr_array_new_with_free_func((GDestroyNotify)g_regex_unref);
    for (guint f = 0; fw && f < csb_frameworks_count(fw); f++) {
        const CsbFramework *fr = csb_frameworks_at(fw, f);
        GRegex *re = fr->letter && fr->titles->len ? pattern_for(fr) : NULL;
        if (re) {
            g_ptr_array_add(kinds, (gpointer)fr);
            g_ptr_array_add(patterns, re);
        }
    }
    GRegex *inspection = inspection_pattern();
    for (guint i = 0; i < s->inspections->len; i++) {
        const CsbInspection *in = s->inspections->pdata[i];
        for (guint p = 0; p < in->paragraphs->len; p++) {
            const CsbParagraph *para = in->paragraphs->pdata[p];
            gboolean named = strstr(para->text, "nspection") != NULL;
            if (!named && !holds_last_word(para->text, kinds))
                continue;
            char *folded = csb_text_fold(para->text);
            for (guint k = 0; k < kinds->len; k++) {
                const CsbFramework *f = kinds->pdata[k];
                if (names_kind(f, folded))
                    note_in(s, fw, f->kind, patterns->pdata[k], in, para, folded);
            }
            if (named && inspection)
                note_in(s, fw, CSB_KIND_UNKNOWN, inspection, in, para, folded);
            g_free(folded);
        }
    }
    if (inspection)
        g_regex_unref(inspection);
    g_ptr_array_free(patterns, TRUE);
    g_ptr_array_free(kinds, TRUE);
    g_ptr_array_sort(s->mentioned, by_date);
}
