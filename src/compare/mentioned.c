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
 *
 * A visit or inspection named without a date is an earlier one of the
 * authority's own when the words before or after its title say so: a
 * qualifier ("the last focused visit", "a previous monitoring visit",
 * "earlier Ofsted focused visits", "at the last inspection"), "since" and
 * a year after it ("monitoring visits since the 2016 inspection"), or,
 * for a visit only, "the" or the inspectorate ("since the focused visit",
 * "an Ofsted monitoring visit", "Ofsted's monitoring visits") in a report
 * not of the visit's kind (a letter's "the focused visit" is itself).
 * Nothing else may stand between those words and the title, so "the next
 * monitoring visit", "a future focused visit", "a focused visit" and
 * "inspection" alone are not read; a title the same words go on to date
 * is the dated mention's; an inspection with a service phrase in the 100
 * bytes before it, or in the 40 after ("the last inspection of the
 * fostering service"), is the service's. Such a mention is of a report
 * the story has when a report of its kind (one that grades, for
 * "inspection"), read or named and not read, is dated before the report
 * naming it (and in or after the year "since" names), or when that
 * report names a visit of its kind by a date before its own (which may be
 * it). What is left is kept once for each kind and report naming it, as
 * "before" that report's date (and "since" the year), however early:
 * "the last inspection" named by the first report read is one the
 * briefing lacks.
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

/* A visit (titles: its framework's, as alternatives) or, titles NULL, an
 * inspection, named without a date: the word before it (<pre>: "the",
 * "a", "an"), a qualifier (<q>), the inspectorate (<o>, "ofsted s" in the
 * possessive) and "since" with a year (<sy>) after it; mentioned.c's top
 * comment says which of them make it an earlier one. */
static GRegex *undated_pattern(const char *titles, const Words *a)
{
    char *src = titles ? g_strdup_printf(
                             "\\b(?:(?<pre>the|an?) )?(?:(?<q>%2$s) )?(?:(?<o>%3$s)(?: s)? )?"
                             "(?:%1$s)s?\\b(?: since (?:the )?(?:(?:%4$s) )?(?<sy>20\\d\\d)\\b)?",
                             titles, a->qualifiers, a->inspectorate, a->months)
                       : g_strdup_printf("\\b(?<q>%1$s) (?:(?:%2$s) )?(?:(?:%3$s) )?"
                                         "inspections?\\b",
                                         a->qualifiers, a->inspectorate, a->kinds);
    GRegex *re = g_regex_new(src, G_REGEX_OPTIMIZE, 0, NULL);
    g_free(src);
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

/* A mention's place in time, in months: its year and month, or, named
 * without a date, just before the report naming it. */
static int months_of(const CsbMention *m)
{
    return m->year ? m->year * 12 + m->month : m->before.year * 12 + m->before.month - 1;
}

static gint by_date(gconstpointer a, gconstpointer b)
{
    int dx = months_of(*(CsbMention *const *)a), dy = months_of(*(CsbMention *const *)b);
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
static gboolean service_in(const CsbFrameworks *fw, const char *folded, int from, int to)
{
    const GPtrArray *services = fw ? csb_frameworks_mention_words(fw)->services : NULL;
    if (!services || !services->len || to <= from)
        return FALSE;
    char *part = g_strndup(folded + from, (gsize)(to - from));
    gboolean hit = FALSE;
    for (guint i = 0; i < services->len && !hit; i++)
        hit = strstr(part, services->pdata[i]) != NULL;
    g_free(part);
    return hit;
}

static gboolean of_a_service(const CsbFrameworks *fw, const char *folded, int at)
{
    return service_in(fw, folded, MAX(0, at - 100), at);
}

/* The visits of kind (CSB_KIND_UNKNOWN: inspections that grade) one
 * paragraph (folded) of report in names, into s->mentioned; spans, when
 * not NULL, gets where each is named (pairs of byte offsets). TRUE when
 * the paragraph names one by a date not after the report's own. */
static gboolean note_in(CsbStory *s, const CsbFrameworks *fw, CsbKind kind, GRegex *re,
                        const CsbInspection *in, const CsbParagraph *para, const char *folded,
                        GArray *spans)
{
    gboolean earlier = FALSE;
    static const char *const years[] = {"y1", "y2", "y3"}, *const months[] = {"m1", "m2", "m3"};
    CsbDate said = csb_inspection_date(in);
    CsbDate first = csb_inspection_date(s->inspections->pdata[0]);
    GMatchInfo *mi = NULL;
    g_regex_match(re, folded, 0, &mi);
    for (; g_match_info_matches(mi); g_match_info_next(mi, NULL)) {
        int year = named_int(mi, years, FALSE), month = named_int(mi, months, TRUE);
        int at = 0, end = 0;
        g_match_info_fetch_pos(mi, 0, &at, &end);
        if (spans) {
            g_array_append_val(spans, at);
            g_array_append_val(spans, end);
        }
        if (kind == CSB_KIND_UNKNOWN && of_a_service(fw, folded, at))
            continue;
        earlier = earlier || (year && (!csb_date_valid(said) || year <= said.year));
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
    return earlier;
}

/* A visit or inspection of a kind named without a date by one report,
 * while its paragraphs are read: the first paragraph naming it, the year
 * it is said to be since, and whether the report names one of the kind by
 * a date. */
typedef struct {
    CsbKind kind;
    const CsbParagraph *paragraph; /* NULL: none named without a date */
    int since;
    gboolean dated;
} Undated;

/* Does the span [at, end) meet one of spans (pairs of offsets)? */
static gboolean overlaps(const GArray *spans, int at, int end)
{
    for (guint i = 0; i + 1 < spans->len; i += 2)
        if (at < g_array_index(spans, int, i + 1) && g_array_index(spans, int, i) < end)
            return TRUE;
    return FALSE;
}

static gboolean group_set(const GMatchInfo *mi, const char *name)
{
    char *v = g_match_info_fetch_named(mi, name);
    gboolean set = v && *v;
    g_free(v);
    return set;
}

/* The first mention of kind without a date, in one paragraph (folded) of
 * report in, that names an earlier one of the authority's (the top
 * comment's rule), into u; dated: where the paragraph names one by its
 * date. */
static void note_undated(const CsbFrameworks *fw, Undated *u, GRegex *re, const GArray *dated,
                         const CsbInspection *in, const CsbParagraph *para, const char *folded)
{
    GMatchInfo *mi = NULL;
    g_regex_match(re, folded, 0, &mi);
    for (; g_match_info_matches(mi); g_match_info_next(mi, NULL)) {
        int at = 0, end = 0;
        g_match_info_fetch_pos(mi, 0, &at, &end);
        char *sy = g_match_info_fetch_named(mi, "sy");
        int since = sy && *sy ? atoi(sy) : 0;
        g_free(sy);
        char *pre = g_match_info_fetch_named(mi, "pre");
        gboolean definite = pre && strcmp(pre, "the") == 0; /* not "a": any */
        g_free(pre);
        gboolean earlier = group_set(mi, "q") || since ||
                           (u->kind != CSB_KIND_UNKNOWN && in->kind != u->kind &&
                            (definite || group_set(mi, "o")));
        if (!earlier || overlaps(dated, at, end))
            continue;
        if (u->kind == CSB_KIND_UNKNOWN &&
            (of_a_service(fw, folded, at) ||
             service_in(fw, folded, end, MIN(end + 40, (int)strlen(folded)))))
            continue;
        if (!u->paragraph)
            u->paragraph = para;
        u->since = u->since ? u->since : since;
    }
    g_match_info_free(mi);
}

/* Is a report of the story before in (of kind, in or after since when
 * that is not 0), read or named and not read, one a mention without a
 * date in in may be? */
static gboolean story_has_before(const CsbStory *s, const CsbFrameworks *fw, CsbKind kind,
                                 const CsbInspection *in, int since)
{
    CsbDate said = csb_inspection_date(in);
    for (guint i = 0; i < s->inspections->len; i++) {
        const CsbInspection *x = s->inspections->pdata[i];
        CsbDate d = csb_date_valid(x->start) ? x->start : csb_inspection_date(x);
        if (x != in && kind_fits(fw, kind, x->kind) && csb_date_valid(d) &&
            (!csb_date_valid(said) || csb_date_compare(d, said) < 0) &&
            (!since || d.year >= since))
            return TRUE;
    }
    for (guint i = 0; s->not_read && i < s->not_read->len; i++) {
        const CsbNotRead *n = s->not_read->pdata[i];
        if (n->inspection)
            continue; /* read: among the inspections */
        if ((!n->kind || kind_fits(fw, kind, csb_kind_from_id(n->kind))) &&
            csb_date_valid(n->date) &&
            (!csb_date_valid(said) || csb_date_compare(n->date, said) < 0) &&
            (!since || n->date.year >= since))
            return TRUE;
    }
    return FALSE;
}

/* Is a report of the story, of any kind, dated before in? */
static gboolean story_begins_before(const CsbStory *s, const CsbInspection *in)
{
    CsbDate said = csb_inspection_date(in);
    for (guint i = 0; i < s->inspections->len; i++) {
        CsbDate d = csb_inspection_date(s->inspections->pdata[i]);
        if (csb_date_valid(d) && csb_date_valid(said) && csb_date_compare(d, said) < 0)
            return TRUE;
    }
    return FALSE;
}

/* The mentions without a date report in made (undated, one for each kind)
 * that no report of the story can be, into s->mentioned; none when in is
 * the first report read, as a dated mention before the reports begin is
 * outside the years they span. */
static void keep_undated(CsbStory *s, const CsbFrameworks *fw, const CsbInspection *in,
                         const Undated *undated, guint n)
{
    if (!story_begins_before(s, in))
        return;
    for (guint k = 0; k < n; k++) {
        const Undated *u = &undated[k];
        if (!u->paragraph || u->dated || story_has_before(s, fw, u->kind, in, u->since))
            continue;
        CsbMention *m = g_new0(CsbMention, 1);
        m->kind = u->kind;
        m->before = csb_inspection_date(in);
        m->since = u->since;
        m->by = in;
        m->paragraph = u->paragraph;
        g_ptr_array_add(s->mentioned, m);
    }
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
    GPtrArray *undated = g_ptr_array_new_with_free_func((GDestroyNotify)g_regex_unref);
    for (guint f = 0; f < csb_frameworks_count(fw); f++) {
        const CsbFramework *fr = csb_frameworks_at(fw, f);
        GRegex *re = fr->letter && fr->titles->len ? pattern_for(fr, &words) : NULL;
        if (re) {
            char *titles = alternatives(fr->titles);
            GRegex *plain = undated_pattern(titles, &words);
            g_free(titles);
            if (!plain) {
                g_regex_unref(re);
                continue;
            }
            g_ptr_array_add(kinds, (gpointer)fr);
            g_ptr_array_add(patterns, re);
            g_ptr_array_add(undated, plain);
        }
    }
    GRegex *inspection = inspection_pattern(&words);
    GRegex *inspection_undated = undated_pattern(NULL, &words);
    /* one for each kind, and the last for inspections */
    Undated *named_so = g_new0(Undated, kinds->len + 1);
    GArray *spans = g_array_new(FALSE, FALSE, sizeof(int));
    for (guint i = 0; i < s->inspections->len; i++) {
        const CsbInspection *in = s->inspections->pdata[i];
        for (guint k = 0; k <= kinds->len; k++)
            named_so[k] = (Undated){
                .kind = k < kinds->len ? ((const CsbFramework *)kinds->pdata[k])->kind
                                       : CSB_KIND_UNKNOWN};
        for (guint p = 0; p < in->paragraphs->len; p++) {
            const CsbParagraph *para = in->paragraphs->pdata[p];
            gboolean named = strstr(para->text, "nspection") != NULL;
            if (!named && !holds_last_word(para->text, kinds))
                continue;
            char *folded = csb_text_fold(para->text);
            for (guint k = 0; k < kinds->len; k++) {
                const CsbFramework *f = kinds->pdata[k];
                if (!names_kind(f, folded))
                    continue;
                g_array_set_size(spans, 0);
                named_so[k].dated |=
                    note_in(s, fw, f->kind, patterns->pdata[k], in, para, folded, spans);
                note_undated(fw, &named_so[k], undated->pdata[k], spans, in, para, folded);
            }
            if (named && inspection) {
                g_array_set_size(spans, 0);
                Undated *u = &named_so[kinds->len];
                u->dated |= note_in(s, fw, CSB_KIND_UNKNOWN, inspection, in, para, folded, spans);
                if (inspection_undated)
                    note_undated(fw, u, inspection_undated, spans, in, para, folded);
            }
            g_free(folded);
        }
        keep_undated(s, fw, in, named_so, kinds->len + (inspection ? 1 : 0));
    }
    g_array_free(spans, TRUE);
    g_free(named_so);
    if (inspection)
        g_regex_unref(inspection);
    if (inspection_undated)
        g_regex_unref(inspection_undated);
    g_ptr_array_free(undated, TRUE);
    g_ptr_array_free(patterns, TRUE);
    g_ptr_array_free(kinds, TRUE);
    words_clear(&words);
    g_ptr_array_sort(s->mentioned, by_date);
}
