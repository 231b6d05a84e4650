/* mentioned.c - inspections and visits an authority's reports name that
 * are not among the reports: "the focused visit in February 2019", "the
 * 2018 joint targeted area inspection", "In 2020, Ofsted conducted a
 * focused visit", "the last inspection in 2022". The visits looked for,
 * and what they are called, are data/frameworks.yaml's: the kinds
 * reported in letters (letter: yes), by their titles; an inspection named
 * so ("the last inspection in 2022", "the 2019 inspection") is one of any
 * kind that grades (kind CSB_KIND_UNKNOWN here), unless the words before it
 * make it a service's. The words around a title or "inspection" (last,
 * full, Ofsted, carried out, conducted ...) and those that make a mention
 * a service's are the file's too (mentions:); this file writes only the
 * grammar they sit in, with the months of csb_month_name. A mention is of
 * a report the story has when a report of its kind (read, or named and
 * not read) is of the year it names, and, when it names a month too,
 * within two months of it (by the visit's dates or its publication). What
 * is left, from the year of the first report read on, is what a reader
 * should know the briefing lacks.
 */
#include "compare.h"

#include <stdlib.h>
#include <string.h>

/* The phrases as a regular expression's alternatives, each escaped
 * ("carried out|that took place"); one that matches nothing when there
 * are none, so a list left empty in the data means no such words. */
static char *alternatives(const GPtrArray *phrases)
{
    if (!phrases || !phrases->len)
        return g_strdup("(?!)");
    GString *alt = g_string_new(NULL);
    for (guint i = 0; i < phrases->len; i++) {
        char *quoted = g_regex_escape_string(phrases->pdata[i], -1);
        g_string_append_printf(alt, "%s%s", i ? "|" : "", quoted);
        g_free(quoted);
    }
    return g_string_free(alt, FALSE);
}

/* The months' names (csb_month_name), folded, as alternatives. */
static char *month_alternatives(void)
{
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    for (int m = 1; m <= 12; m++)
        g_ptr_array_add(names, csb_text_fold(csb_month_name(m)));
    char *alt = alternatives(names);
    g_ptr_array_free(names, TRUE);
    return alt;
}

/* The words of w (and the months) as alternatives, for the patterns. */
typedef struct {
    char *months, *qualifiers, *kinds, *inspectorate, *held, *who, *did;
} Words;

static void words_init(Words *a, const CsbMentionWords *w)
{
    a->months = month_alternatives();
    a->qualifiers = alternatives(w->qualifiers);
    a->kinds = alternatives(w->kinds);
    a->inspectorate = alternatives(w->inspectorate);
    a->held = alternatives(w->held);
    a->who = alternatives(w->who);
    a->did = alternatives(w->did);
}

static void words_clear(Words *a)
{
    g_free(a->months);
    g_free(a->qualifiers);
    g_free(a->kinds);
    g_free(a->inspectorate);
    g_free(a->held);
    g_free(a->who);
    g_free(a->did);
}

/* An inspection named by when it was: "the last inspection in 2022", "the
 * previous full inspection in March 2019", "the 2019 Ofsted inspection"
 * (the qualifier, kind and inspectorate of data/frameworks.yaml). */
static GRegex *inspection_pattern(const Words *a)
{
    char *src = g_strdup_printf(
        "\\b(?:the )?(?:%1$s) (?:(?:%2$s) )?(?:(?:%3$s) )?inspection (?:in|of|on) "
        "(?:\\d{1,2} )?(?:(?<m1>%4$s) )?(?<y1>20\\d\\d)\\b"
        "|\\bthe (?:(?<m2>%4$s) )?(?<y2>20\\d\\d) (?:(?:%2$s) )?(?:(?:%3$s) )?inspection\\b",
        a->qualifiers, a->inspectorate, a->kinds, a->months);
    GRegex *re = g_regex_new(src, G_REGEX_OPTIMIZE, 0, NULL);
    g_free(src);
    return re;
}

/* One pattern per kind: the year (and month) before the title, after it
 * (an abbreviation, "by Ofsted" or "carried out" between: "joint targeted
 * area inspection (JTAI) in July 2022", "a focused visit by Ofsted in July
 * 2018"), or opening the sentence that names it ("In 2020, Ofsted
 * conducted a focused visit"); the words around the title are
 * data/frameworks.yaml's. */
static GRegex *pattern_for(const CsbFramework *f, const Words *a)
{
    char *titles = alternatives(f->titles);
    char *src = g_strdup_printf(
        "\\b(?:(?<m1>%2$s) )?(?<y1>20\\d\\d) (?:(?:%3$s) )?(?:%1$s)\\b"
        "|\\b(?:%1$s)s?(?: by (?:%3$s)| [a-z]{2,5}(?= (?:in|of|on|during) ))? "
        "(?:(?:%4$s) )?(?:in|of|on|during) (?:\\d{1,2} )?(?:(?<m2>%2$s) )?(?<y2>20\\d\\d)\\b"
        "|\\b(?:in|during) (?:(?<m3>%2$s) )?(?<y3>20\\d\\d) (?:%5$s) (?:%6$s) an? (?:%1$s)\\b",
        titles, a->months, a->inspectorate, a->held, a->who, a->did);
    GRegex *re = g_regex_new(src, G_REGEX_OPTIMIZE, 0, NULL);
    g_free(src);
    g_free(titles);
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
    if (!fw)
        return;
    Words words;
    words_init(&words, csb_frameworks_mention_words(fw));
    GPtrArray *kinds = g_ptr_array_new();                           /* const CsbFramework* */
    GPtrArray *patterns = g_ptr_array_new_with_free_func((GDestroyNotify)g_regex_unref);
    for (guint f = 0; f < csb_frameworks_count(fw); f++) {
        const CsbFramework *fr = csb_frameworks_at(fw, f);
        GRegex *re = fr->letter && fr->titles->len ? pattern_for(fr, &words) : NULL;
        if (re) {
            g_ptr_array_add(kinds, (gpointer)fr);
            g_ptr_array_add(patterns, re);
        }
    }
    GRegex *inspection = inspection_pattern(&words);
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
    words_clear(&words);
    g_ptr_array_sort(s->mentioned, by_date);
}
