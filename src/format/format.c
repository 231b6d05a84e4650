/* format.c - what every briefing shares: the formatter driver (the
 * formatter a template names, or the one that has all its sections, and
 * its sections in order), the briefing's date (given, or the newest of the
 * reports it shows, the cover saying which), dates and report names,
 * authority names for running text ("Bristol", not "Bristol, City of"),
 * citations and links to the source reports, grade cells and trends,
 * quotations with their abbreviations noted for the glossary, and grade
 * meanings and change wording. The charts a comparison gives are built in
 * fmt_charts.c.
 */
#include "format.h"

#include <string.h>

char *csb_fmt_month_year(CsbDate d)
{
    if (!csb_date_valid(d))
        return g_strdup("date not stated");
    return g_strdup_printf("%s" CSB_DATE_SPACE "%d", csb_month_name(d.month), d.year);
}

char *csb_fmt_month_short(CsbDate d)
{
    if (!csb_date_valid(d))
        return g_strdup("undated");
    return g_strdup_printf("%.3s" CSB_DATE_SPACE "%d", csb_month_name(d.month), d.year);
}

char *csb_fmt_range(const char *first, const char *word, const char *last)
{
    gboolean bare = !strchr(first, ' ') && !strstr(first, CSB_DATE_SPACE);
    return g_strdup_printf(bare ? "%s" CSB_DATE_SPACE "%s" CSB_DATE_SPACE "%s"
                                : "%s %s" CSB_DATE_SPACE "%s",
                           first, word, last);
}

/* The months from one date to another: "March 2023", "February and March
 * 2023", "December 2024 and January 2025", "January to March 2023" (the
 * year once when both are in it); to's alone when from is unknown or not
 * before it. */
static char *months_span(CsbDate from, CsbDate to)
{
    int apart = (to.year - from.year) * 12 + to.month - from.month;
    if (!csb_date_valid(from) || !csb_date_valid(to) || apart <= 0)
        return csb_fmt_month_year(to);
    char *first = from.year == to.year ? g_strdup(csb_month_name(from.month))
                                       : csb_fmt_month_year(from);
    char *last = csb_fmt_month_year(to);
    char *s = csb_fmt_range(first, apart == 1 ? "and" : "to", last);
    g_free(first);
    g_free(last);
    return s;
}

char *csb_fmt_months_held(const CsbInspection *in, gboolean *parts)
{
    gboolean two = csb_inspection_in_parts(in) &&
                   (in->paused.year != in->end.year || in->paused.month != in->end.month);
    if (parts)
        *parts = two;
    if (!two)
        return csb_date_valid(in->end) ? months_span(in->start, in->end)
                                       : csb_fmt_month_year(csb_inspection_date(in));
    char *first = in->paused.year == in->end.year ? g_strdup(csb_month_name(in->paused.month))
                                                  : csb_fmt_month_year(in->paused);
    char *second = csb_fmt_month_year(in->end);
    char *s = csb_fmt_range(first, "and", second);
    g_free(first);
    g_free(second);
    return s;
}

char *csb_fmt_month_ended(const CsbInspection *in)
{
    return csb_fmt_month_year(csb_inspection_date(in));
}

char *csb_fmt_report_name(const CsbFrameworks *fw, const CsbInspection *in)
{
    char *when = csb_fmt_months_held(in, NULL);
    char *s = g_strdup_printf("%s, %s", csb_frameworks_title(fw, in->kind), when);
    g_free(when);
    return s;
}

char *csb_fmt_story_years(const CsbStory *s)
{
    int first = 0, last = 0;
    for (guint i = 0; i < s->inspections->len; i++) {
        CsbDate d = csb_inspection_date(s->inspections->pdata[i]);
        if (!csb_date_valid(d))
            continue;
        first = first ? MIN(first, d.year) : d.year;
        last = MAX(last, d.year);
    }
    if (!first)
        return NULL;
    return first == last ? g_strdup_printf("%d", first)
                         : g_strdup_printf("%d to %d", first, last);
}

char *csb_fmt_name_report(CsbFormatter *fm, const CsbInspection *in)
{
    fm->kinds_named |= 1u << in->kind;
    return csb_fmt_report_name(fm->frameworks, in);
}

/* Is section the report's title block rather than a heading ("Middlesbrough
 * Borough Council", "Inspection of Leeds children's services")? It names
 * the authority. */
static gboolean title_block(const CsbInspection *in, const char *section)
{
    if (!in->authority)
        return FALSE;
    char *s = csb_text_fold(section), *a = csb_text_fold(in->authority);
    gboolean named = *a && csb_text_has_word(s, a);
    g_free(s);
    g_free(a);
    return named;
}

CsbRich *csb_fmt_citation(const CsbFrameworks *fw, const CsbInspection *in,
                          const CsbParagraph *p)
{
    char *name = csb_fmt_report_name(fw, in);
    CsbRich *r = csb_rich_new();
    csb_rich_addf(r, CSB_STYLE_PLAIN, "%s%s%s", in->authority ? in->authority : "",
                  in->authority ? ", " : "", name);
    if (p && p->number)
        csb_rich_addf(r, CSB_STYLE_PLAIN, ", paragraph %d", p->number);
    else if (p && p->section && !title_block(in, p->section))
        csb_rich_addf(r, CSB_STYLE_PLAIN, ", under \u201C%s\u201D", p->section);
    if (p && p->page)
        csb_rich_addf(r, CSB_STYLE_PLAIN, " (page %d)", p->page);
    g_free(name);
    return r;
}

/* "<urn>-<name>__<yyyy-mm-dd>.pdf", the corpus naming: the URN, or NULL. */
static char *urn_from_file_name(const char *file)
{
    char *base = g_path_get_basename(file);
    size_t digits = strspn(base, "0123456789");
    char *urn = NULL;
    if (digits >= 4 && base[digits] == '-' && strstr(base, "__") &&
        g_str_has_suffix(base, ".pdf"))
        urn = g_strndup(base, digits);
    g_free(base);
    return urn;
}

static const CsbStory *story_of(const CsbComparison *c, const CsbInspection *insp)
{
    for (guint s = 0; s <= c->peers->len; s++) {
        const CsbStory *st = s == 0 ? c->focus : c->peers->pdata[s - 1];
        for (guint i = 0; st && i < st->inspections->len; i++)
            if (st->inspections->pdata[i] == insp)
                return st;
    }
    return NULL;
}

char *csb_fmt_report_link(const CsbFormatInput *in, const CsbInspection *insp)
{
    if (insp->url && *insp->url)
        return g_strdup_printf("uri:%s", insp->url);
    char *urn = urn_from_file_name(insp->file);
    if (!urn && insp->kind != CSB_KIND_PEER_CHALLENGE) {
        /* An Ofsted report of an authority whose URN the table knows. */
        const CsbStory *st = story_of(in->comparison, insp);
        if (st && st->authority->urn && *st->authority->urn)
            urn = g_strdup(st->authority->urn);
    }
    char *link = urn ? g_strdup_printf("uri:https://reports.ofsted.gov.uk/provider/44/%s", urn)
                     : NULL;
    g_free(urn);
    return link;
}

CsbTableCell *csb_fmt_grade_cell(GPtrArray *row, CsbGrade g)
{
    if (!g)
        return csb_table_cell(row, csb_rich_add(csb_rich_new(), CSB_STYLE_MUTED, "Not graded"));
    CsbTableCell *c = csb_table_cell(row, csb_rich_plain(csb_grade_title(g)));
    c->grade = g;
    return c;
}

CsbTableCell *csb_fmt_latest_grade_cell(GPtrArray *row, const CsbAreaHistory *h)
{
    CsbGrade g = csb_history_latest(h)->judgement->grade;
    if (csb_history_current(h))
        return csb_fmt_grade_cell(row, g);
    CsbRich *r = csb_rich_new();
    if (h->not_judged_since) {
        char *now = csb_fmt_months_held(h->not_judged_since, NULL);
        csb_rich_addf(r, CSB_STYLE_MUTED, "Not judged in %s", now);
        g_free(now);
    } else {
        csb_rich_add(r, CSB_STYLE_MUTED, "Not known");
    }
    csb_rich_addf(r, CSB_STYLE_MUTED, "\nlast: %s", csb_grade_title(g));
    return csb_table_cell(row, r);
}

CsbTrend csb_fmt_trend(const CsbChange *c)
{
    return c->steps < 0 ? CSB_TREND_BETTER : c->steps > 0 ? CSB_TREND_WORSE : CSB_TREND_SAME;
}

CsbTrend csb_fmt_latest_trend(const CsbAreaHistory *h, const CsbChange *c)
{
    return csb_history_current(h) ? csb_fmt_trend(c) : CSB_TREND_NONE;
}

void csb_fmt_add_names(CsbRich *r, const GPtrArray *names, guint style, guint sep_style,
                       const char *last)
{
    gboolean commas = FALSE;
    for (guint i = 0; i < names->len && !commas; i++)
        commas = strchr(names->pdata[i], ',') != NULL;
    const char *sep = commas ? "; " : ", ";
    for (guint i = 0; i < names->len; i++) {
        if (i > 0 && i + 1 == names->len && last)
            csb_rich_addf(r, sep_style, "%s%s ", commas ? "; " : " ", last);
        else if (i > 0)
            csb_rich_add(r, sep_style, sep);
        csb_rich_add(r, style, names->pdata[i]);
    }
}

char *csb_fmt_names(const GPtrArray *names, const char *last)
{
    CsbRich *r = csb_rich_new();
    csb_fmt_add_names(r, names, 0, 0, last);
    char *s = csb_rich_text(r);
    csb_rich_free(r);
    return s;
}

GPtrArray *csb_fmt_story_names(const GPtrArray *stories)
{
    GPtrArray *out = g_ptr_array_new();
    for (guint i = 0; i < stories->len; i++)
        g_ptr_array_add(out, ((const CsbStory *)stories->pdata[i])->authority->name);
    return out;
}

GPtrArray *csb_fmt_authority_names(const GPtrArray *authorities)
{
    GPtrArray *out = g_ptr_array_new();
    for (guint i = 0; i < authorities->len; i++)
        g_ptr_array_add(out, ((const CsbAuthority *)authorities->pdata[i])->name);
    return out;
}

const char *csb_fmt_authority_prose(const CsbAuthority *a)
{
    /* "Bristol, City of": the words before the comma, when the last words
     * are one word and "of", and the table gives them as an alias. */
    const char *comma = strrchr(a->name, ',');
    if (!comma || !g_str_has_suffix(a->name, " of") || comma[1] != ' ')
        return a->name;
    const char *word = comma + 2, *space = strchr(word, ' ');
    if (!space || strcmp(space, " of") != 0 || space == word)
        return a->name;
    size_t n = (size_t)(comma - a->name);
    for (guint i = 0; a->aliases && i < a->aliases->len; i++) {
        const char *alias = a->aliases->pdata[i];
        if (strlen(alias) == n && strncmp(alias, a->name, n) == 0)
            return alias;
    }
    return a->name;
}

GPtrArray *csb_fmt_prose_names(const GPtrArray *items, gboolean stories)
{
    GPtrArray *out = g_ptr_array_new();
    for (guint i = 0; i < items->len; i++)
        g_ptr_array_add(out, (gpointer)csb_fmt_authority_prose(
                                 stories ? ((const CsbStory *)items->pdata[i])->authority
                                         : (const CsbAuthority *)items->pdata[i]));
    return out;
}

/* The glossary row (1-based) of an abbreviation, or 0. */
static guint glossary_row(CsbFormatter *fm, const char *abbreviation)
{
    const CsbCsv *g = fm->in->glossary;
    if (!fm->glossary_index) {
        fm->glossary_index = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
        int col = csb_csv_column(g, "abbreviation");
        for (guint r = 0; col >= 0 && r < g->rows->len; r++)
            g_hash_table_insert(fm->glossary_index, g_strdup(csb_csv_get(g, r, col)),
                                GUINT_TO_POINTER(r + 1));
    }
    return GPOINTER_TO_UINT(g_hash_table_lookup(fm->glossary_index, abbreviation));
}

/* The glossary's terms (its rows whose word is in lower case: "permanence",
 * "virtual school") that text uses, as whole words, case aside. */
static void note_terms(CsbFormatter *fm, const char *text)
{
    const CsbCsv *g = fm->in->glossary;
    int col = csb_csv_column(g, "abbreviation");
    char *lower = NULL; /* text in lower case, curly apostrophes straight */
    for (guint r = 0; col >= 0 && r < g->rows->len; r++) {
        const char *term = csb_csv_get(g, r, col);
        if (!term || !g_ascii_islower(*term))
            continue;
        if (!lower)
            lower = csb_themes_match_form(text);
        if (csb_text_has_word(lower, term))
            g_hash_table_replace(fm->abbreviations, g_strdup(term), GUINT_TO_POINTER(r + 1));
    }
    g_free(lower);
}

/* The kind of report a framework abbreviation names ("SIF" in "Single
 * inspection framework (SIF)"), or CSB_KIND_UNKNOWN. */
static CsbKind framework_abbreviation(const CsbFormatter *fm, const char *abbreviation)
{
    CsbKind kind = CSB_KIND_UNKNOWN;
    char *in_brackets = g_strdup_printf("(%s)", abbreviation);
    for (guint i = 0; fm->frameworks && i < csb_frameworks_count(fm->frameworks); i++) {
        const CsbFramework *f = csb_frameworks_at(fm->frameworks, i);
        if (f->name && strstr(f->name, in_brackets))
            kind = f->kind;
    }
    g_free(in_brackets);
    return kind;
}

/* Words of 2 to 7 letters with at least two capitals that the glossary
 * knows ("IRO", "MASH"), a plural as its singular when the glossary has
 * that ("PAs" as "PA": one row for both), and its terms the text uses. A
 * framework's abbreviation ("SIF") names its kind of report: the
 * glossary explains it from data/frameworks.yaml, which alone says what
 * each framework was and when it ran. */
void csb_fmt_note_abbreviations(CsbFormatter *fm, const char *text)
{
    if (!fm->in->glossary || !text)
        return;
    for (const char *p = text; *p;) {
        if (!g_ascii_isupper(*p) || (p > text && g_ascii_isalnum(p[-1]))) {
            p++;
            continue;
        }
        const char *e = p;
        int upper = 0;
        while (g_ascii_isalnum(*e))
            upper += g_ascii_isupper(*e++);
        size_t n = (size_t)(e - p);
        if (n >= 2 && n <= 7 && upper >= 2) {
            char *tok = g_strndup(p, n);
            CsbKind kind = framework_abbreviation(fm, tok);
            guint row = 0;
            if (kind != CSB_KIND_UNKNOWN) {
                fm->kinds_named |= 1u << kind;
            } else if (n > 2 && tok[n - 1] == 's') {
                tok[n - 1] = '\0';
                row = glossary_row(fm, tok);
                if (!row)
                    tok[n - 1] = 's'; /* "SATs": no "SAT" row */
            }
            if (!row && kind == CSB_KIND_UNKNOWN)
                row = glossary_row(fm, tok);
            if (row)
                g_hash_table_replace(fm->abbreviations, g_strdup(tok), GUINT_TO_POINTER(row));
            g_free(tok);
        }
        p = e;
    }
    note_terms(fm, text);
}

void csb_fmt_quote(CsbFormatter *fm, const char *quote, const CsbInspection *in,
                   const CsbParagraph *p)
{
    fm->kinds_named |= 1u << in->kind; /* the citation names it */
    CsbDocBlock *b = csb_doc_quote(fm->doc, quote, csb_fmt_citation(fm->frameworks, in, p));
    b->link = csb_fmt_report_link(fm->in, in);
    csb_fmt_note_abbreviations(fm, quote);
}

const char *csb_fmt_grade_meaning(const CsbFormatInput *in, CsbGrade g)
{
    const CsbCsv *c = in->grades;
    if (!c)
        return "";
    int gc = csb_csv_column(c, "grade"), pc = csb_csv_column(c, "plain_english");
    for (guint r = 0; gc >= 0 && pc >= 0 && r < c->rows->len; r++)
        if (strcmp(csb_csv_get(c, r, gc), csb_grade_id(g)) == 0)
            return csb_csv_get(c, r, pc);
    return "";
}

char *csb_fmt_grade_meaning_short(const CsbFormatInput *in, CsbGrade g)
{
    const char *m = csb_fmt_grade_meaning(in, g);
    const char *end = strstr(m, ". ");
    return end ? g_strndup(m, (gsize)(end - m + 1)) : g_strdup(m);
}

char *csb_fmt_change(const CsbChange *c)
{
    const char *from = csb_grade_title(c->from->judgement->grade);
    const char *to = csb_grade_title(c->to->judgement->grade);
    if (c->steps < 0)
        return g_strdup_printf("improved from %s to %s", from, to);
    if (c->steps > 0)
        return g_strdup_printf("declined from %s to %s", from, to);
    if (c->from->judgement->grade != c->to->judgement->grade)
        return g_strdup_printf("moved from %s to %s (the same level on today's scale)", from,
                               to);
    return g_strdup_printf("stayed %s", to);
}

/* Did the change keep the grade: the same words, not only the same level? */
static gboolean kept(const CsbChange *c)
{
    return c->steps == 0 && c->from->judgement->grade == c->to->judgement->grade;
}

/* Does a line beside the grades of histories (the headline areas of a
 * table) name in by the months it was held: a grade's "Not judged in" or
 * "Not judged at the ... inspection; this grade is from ...", or the
 * report of it that could not be read (csb_fmt_latest_grade_cell,
 * csb_fmt_add_not_judged)? */
static gboolean named_beside(const CsbInspection *in, const GPtrArray *histories)
{
    for (guint i = 0; histories && i < histories->len; i++) {
        const CsbAreaHistory *g = histories->pdata[i];
        if (!g->area->headline || !(g->not_judged_since || g->not_read_since))
            continue;
        if (csb_history_latest(g)->inspection == in || g->not_judged_since == in ||
            (g->not_read_since && g->not_read_since->inspection == in))
            return TRUE;
    }
    return FALSE;
}

/* Since a point in time: the month that inspection ended ("since May
 * 2023"), unless a line beside names it by the months it was held, when
 * "since the April and May 2023 inspection" names it as that line does
 * ("this grade is from April and May 2023"), not as another inspection. */
static char *since_when(const CsbInspection *in, const GPtrArray *beside)
{
    char *held = csb_fmt_months_held(in, NULL), *ended = csb_fmt_month_ended(in);
    if (strcmp(held, ended) == 0 || !named_beside(in, beside)) {
        g_free(held);
        return ended;
    }
    char *s = g_strdup_printf("the %s inspection", held);
    g_free(held);
    g_free(ended);
    return s;
}

char *csb_fmt_since(const CsbFormatInput *in, const CsbAreaHistory *h, const GPtrArray *beside)
{
    /* The latest change's earlier grade, or, when the grade stayed, the
     * first of its unbroken run (Outstanding in 2018, 2022 and 2026: since
     * 2018). */
    guint first = h->changes->len - 1;
    const CsbChange *c = h->changes->pdata[first];
    while (kept(c) && first > 0 && kept(h->changes->pdata[first - 1]))
        first--;
    const CsbGradePoint *from = ((const CsbChange *)h->changes->pdata[first])->from;
    char *when = since_when(from->inspection, beside);
    /* The first grade of the run that was of an area this one continues
     * (the 2018-22 combined judgement), and whether every later one was. */
    const CsbGradePoint *joint = strcmp(from->judgement->area, c->area) != 0 ? from : NULL;
    gboolean all = joint != NULL;
    for (guint i = first; i < h->changes->len; i++) {
        const CsbGradePoint *p = ((const CsbChange *)h->changes->pdata[i])->to;
        gboolean other = strcmp(p->judgement->area, c->area) != 0;
        if (!joint && other)
            joint = p;
        all &= joint && strcmp(p->judgement->area, joint->judgement->area) == 0;
    }
    const CsbArea *then = joint ? csb_areas_find(in->areas, joint->judgement->area) : NULL;
    char *s;
    if (!then)
        s = g_strdup_printf("since %s", when);
    else if (joint != from) { /* "since February 2014 (in May 2018 one judgement: ...)" */
        char *at = csb_fmt_months_held(joint->inspection, NULL);
        /* "(in" kept with the months it introduces, which a narrow cell
         * would otherwise leave alone at a line's end. */
        s = g_strdup_printf("since %s (in" CSB_DATE_SPACE "%s one judgement: %s)", when, at,
                            then->title);
        g_free(at);
    } else {
        const char *times = !all                         ? "then"
                            : h->changes->len - first > 1 ? "each time"
                                                          : "both times";
        s = g_strdup_printf("since %s (%s one judgement: %s)", when, times, then->title);
    }
    g_free(when);
    return s;
}

/* When a report not read was held, when it was read without its grades
 * (csb_fmt_months_held: "February and March 2023"), else when it was
 * published: "January 2027", or "a later date". */
static char *not_read_when(const CsbNotRead *n)
{
    if (n->inspection)
        return csb_fmt_months_held(n->inspection, NULL);
    return csb_date_valid(n->date) ? csb_fmt_month_year(n->date) : g_strdup("a later date");
}

void csb_fmt_add_not_judged(CsbRich *r, const CsbAreaHistory *h)
{
    const CsbNotRead *n = h->not_read_since;
    if (n) {
        char *then = csb_fmt_months_held(csb_history_latest(h)->inspection, NULL);
        char *when = not_read_when(n);
        csb_rich_addf(r, CSB_STYLE_BOLD,
                      n->inspection ? "\nThe grade of the %s report could not be read; this "
                                      "grade is from %s."
                                    : "\nA report of %s could not be read; this grade is from "
                                      "%s and may not be current.",
                      when, then);
        g_free(when);
        g_free(then);
        return;
    }
    if (!h->not_judged_since)
        return;
    char *then = csb_fmt_months_held(csb_history_latest(h)->inspection, NULL);
    char *now = csb_fmt_months_held(h->not_judged_since, NULL);
    csb_rich_addf(r, CSB_STYLE_BOLD, "\nNot judged at the %s inspection; this grade is from %s.",
                  now, then);
    g_free(then);
    g_free(now);
}

/* "both about return home interviews and missing children" */
static void add_grounds(CsbRich *r, const CsbAfiMatch *m, guint style)
{
    if (m->issues->len) {
        csb_rich_add(r, style, "both about ");
        for (guint i = 0; i < m->issues->len; i++)
            csb_rich_addf(r, style, "%s%s", i == 0 ? "" : i + 1 == m->issues->len ? " and " : ", ",
                          (const char *)m->issues->pdata[i]);
    }
    for (guint i = 0; i < m->shared_words->len && i < 4; i++)
        csb_rich_addf(r, style, "%s\u2018%s\u2019", i == 0 ? (m->issues->len ? "; words both use: "
                                                                              : "words both use: ")
                                                             : ", ",
                      (const char *)m->shared_words->pdata[i]);
}

void csb_fmt_add_raised_before(CsbRich *r, const CsbFrameworks *fw, const CsbAfiTrack *t,
                               gboolean quote_earlier)
{
    const CsbAfiMatch *m = t->raised_before;
    if (m) {
        char *name = csb_fmt_report_name(fw, m->inspection);
        csb_rich_add(r, CSB_STYLE_BOLD, name);
        g_free(name);
        if (quote_earlier && m->finding)
            csb_rich_addf(r, 0, ": \u201C%s\u201D", m->finding->text);
        else if (quote_earlier)
            csb_rich_add(r, CSB_STYLE_MUTED, " (named by the report\u2019s words; none of its "
                                             "areas for improvement is matched to this one)");
    }
    if (t->declared) {
        csb_rich_add(r, CSB_STYLE_MUTED, m ? ". The report says: " : "The report says: ");
        csb_rich_addf(r, CSB_STYLE_MUTED | CSB_STYLE_ITALIC, "\u201C%s\u201D", t->declared);
        if (t->declared_unread)
            csb_rich_add(r, CSB_STYLE_MUTED, m ? " The report those words name is not among those "
                                                 "read; this is the latest read that raised it."
                                               : " That report is not among those read.");
    } else if (m && (m->issues->len || m->shared_words->len)) {
        csb_rich_add(r, CSB_STYLE_MUTED, " (");
        add_grounds(r, m, CSB_STYLE_MUTED);
        csb_rich_add(r, CSB_STYLE_MUTED, ")");
    }
}

/* ---- what a briefing is based on ------------------------------------------- */

/* The latest graded inspection of s that judged it Inadequate overall
 * (any area, when the inspection gives no overall grade), with no
 * monitoring visit (or later inspection) after it among the reports: the
 * inspection, else NULL. Monitoring visits follow an overall Inadequate; an
 * authority Requires improvement overall with one area Inadequate is not
 * monitored so. */
static const CsbInspection *inadequate_unmonitored(const CsbStory *s)
{
    const CsbInspection *latest = csb_story_latest_graded(s);
    if (!latest)
        return NULL;
    const CsbJudgement *overall = csb_inspection_judgement(latest, "overall");
    gboolean inadequate = overall && overall->grade == CSB_GRADE_INADEQUATE;
    for (guint k = 0; !overall && k < latest->judgements->len; k++)
        inadequate |= ((const CsbJudgement *)latest->judgements->pdata[k])->grade ==
                      CSB_GRADE_INADEQUATE;
    if (!inadequate)
        return NULL;
    gboolean after = FALSE;
    for (guint i = 0; i < s->inspections->len; i++) {
        const CsbInspection *in = s->inspections->pdata[i];
        if (in == latest)
            after = TRUE;
        else if (after && (in->kind == CSB_KIND_MONITORING_VISIT || in->judgements->len))
            return NULL;
    }
    return latest;
}

/* Adds the titles of the areas of group (CsbAreaHistory*) to r, in a
 * sentence: "overall effectiveness, impact of leaders and care leavers". */
static void add_area_titles(CsbRich *r, const GPtrArray *group, gboolean capital)
{
    for (guint i = 0; i < group->len; i++) {
        const CsbAreaHistory *h = group->pdata[i];
        char *t = i == 0 && capital ? g_strdup(h->area->title)
                                    : csb_text_in_sentence(h->area->title);
        csb_rich_addf(r, 0, "%s%s", i == 0 ? "" : i + 1 == group->len ? " and " : ", ", t);
        g_free(t);
    }
}

/* One sentence for the areas whose latest grade is not current for one
 * reason (group, CsbAreaHistory*, all with the first's): "Overall
 * effectiveness was not judged at the June 2026 inspection; the latest
 * grade read is from December 2022.", "A report of January 2027 could not
 * be read, so the latest grades read of overall effectiveness and care
 * leavers may not be current." */
static CsbRich *not_current_gap(const GPtrArray *group)
{
    const CsbAreaHistory *h = group->pdata[0];
    CsbRich *r = csb_rich_new();
    if (h->not_read_since) {
        char *when = not_read_when(h->not_read_since);
        csb_rich_addf(r, 0, h->not_read_since->inspection
                                ? "The grades of the %s report could not be read, so the "
                                : "A report of %s could not be read, so the ",
                      when);
        csb_rich_addf(r, 0, "latest grade%s read of ", group->len == 1 ? "" : "s");
        add_area_titles(r, group, FALSE);
        csb_rich_add(r, 0, " may not be current.");
        g_free(when);
        return r;
    }
    char *now = csb_fmt_months_held(h->not_judged_since, NULL);
    add_area_titles(r, group, TRUE);
    csb_rich_addf(r, 0, " %s not judged at the %s inspection", group->len == 1 ? "was" : "were",
                  now);
    if (group->len == 1) {
        char *then = csb_fmt_months_held(csb_history_latest(h)->inspection, NULL);
        csb_rich_addf(r, 0, "; the latest grade read is from %s", then);
        g_free(then);
    }
    csb_rich_add(r, 0, ".");
    g_free(now);
    return r;
}

/* The focus authority's headline areas whose latest grade is not current,
 * one sentence per reason, into out. */
static void not_current_gaps(const CsbStory *s, GPtrArray *out)
{
    GPtrArray *stale = g_ptr_array_new();
    for (guint i = 0; i < s->histories->len; i++) {
        const CsbAreaHistory *h = s->histories->pdata[i];
        if (h->area->headline && !csb_history_current(h))
            g_ptr_array_add(stale, (gpointer)h);
    }
    while (stale->len) {
        const CsbAreaHistory *first = stale->pdata[0];
        GPtrArray *group = g_ptr_array_new();
        for (guint i = 0; i < stale->len;) {
            const CsbAreaHistory *h = stale->pdata[i];
            if (h->not_read_since == first->not_read_since &&
                (h->not_read_since || h->not_judged_since == first->not_judged_since)) {
                g_ptr_array_add(group, (gpointer)h);
                g_ptr_array_remove_index(stale, i);
            } else {
                i++;
            }
        }
        g_ptr_array_add(out, not_current_gap(group));
        g_ptr_array_free(group, TRUE);
    }
    g_ptr_array_free(stale, TRUE);
}

/* At most this many visits named by the reports and not read are listed;
 * the rest are counted. */
#define MAX_MENTIONED 4

/* "The reports refer to inspections or visits not among those read: an
 * inspection in 2022 (named in ...), a focused visit in February 2019
 * (named in the ILACS inspection, November 2019), ...", or NULL when there
 * are none. */
static CsbRich *mentioned_gap(CsbFormatter *fm)
{
    const GPtrArray *ms = fm->focus->mentioned;
    if (!ms->len)
        return NULL;
    CsbRich *r = csb_rich_addf(csb_rich_new(), 0,
                               "The reports refer to %s not among those read: ",
                               ms->len == 1 ? "an inspection or visit" : "inspections or visits");
    guint shown = MIN(ms->len, MAX_MENTIONED);
    for (guint i = 0; i < shown; i++) {
        const CsbMention *m = ms->pdata[i];
        char *kind = m->kind == CSB_KIND_UNKNOWN /* one that grades, of any framework */
                         ? g_strdup("inspection")
                         : csb_text_in_sentence(csb_frameworks_title(fm->frameworks, m->kind));
        char *when;
        if (!m->year) { /* named without a date: before the report naming it (a point
                           in time, the date of that report, not its months) */
            char *before = csb_fmt_month_year(m->before);
            when = m->since ? g_strdup_printf("since %d, before %s", m->since, before)
                            : g_strdup_printf("before %s", before);
            g_free(before);
        } else {
            char *date = m->month ? csb_fmt_month_year((CsbDate){m->year, m->month, 1})
                                  : g_strdup_printf("%d", m->year);
            when = g_strdup_printf("in %s", date);
            g_free(date);
        }
        char *name = csb_fmt_name_report(fm, m->by), *by = csb_text_in_sentence(name);
        g_free(name);
        if (m->kind != CSB_KIND_UNKNOWN)
            fm->kinds_named |= 1u << m->kind;
        csb_rich_addf(r, 0, "%s%s %s %s (named in the %s)",
                      i == 0 ? "" : i + 1 == shown && shown == ms->len ? " and " : ", ",
                      strchr("aeiou", *kind) ? "an" : "a", kind, when, by);
        g_free(by);
        g_free(when);
        g_free(kind);
    }
    if (ms->len > shown)
        csb_rich_addf(r, 0, ", and %u more", ms->len - shown);
    csb_rich_add(r, 0, ". What inspectors found then is not in this briefing.");
    return r;
}

GPtrArray *csb_fmt_gaps(CsbFormatter *fm, gboolean peers)
{
    const CsbComparison *c = fm->in->comparison;
    GPtrArray *out = g_ptr_array_new_with_free_func((GDestroyNotify)csb_rich_free);
    const CsbInspection *bad = inadequate_unmonitored(fm->focus);
    if (bad) {
        char *when = csb_fmt_months_held(bad, NULL);
        g_ptr_array_add(out, csb_rich_addf(csb_rich_new(), 0,
                                           "%s was judged Inadequate %s in "
                                           "%s, and no monitoring visit since is among the "
                                           "reports read. Ofsted visits an authority judged "
                                           "inadequate every few months until it inspects "
                                           "again; those letters say what has changed since.",
                                           csb_fmt_authority_prose(fm->focus->authority),
                                           csb_inspection_judgement(bad, "overall")
                                               ? "overall"
                                               : "(in at least one area)",
                                           when));
        g_free(when);
    }
    not_current_gaps(fm->focus, out);
    CsbRich *named = mentioned_gap(fm);
    if (named)
        g_ptr_array_add(out, named);
    if (!fm->focus->inspections->len || !csb_story_latest_graded(fm->focus))
        g_ptr_array_add(out, csb_rich_addf(csb_rich_new(), 0, "No graded inspection of %s is "
                                                              "among the reports read.",
                                           csb_fmt_authority_prose(fm->focus->authority)));
    if (!peers)
        return out;
    if (c->missing_peers->len) {
        CsbRich *r = csb_rich_plain("No report was read for ");
        GPtrArray *names = csb_fmt_prose_names(c->missing_peers, FALSE);
        csb_fmt_add_names(r, names, 0, 0, "or");
        g_ptr_array_free(names, TRUE);
        csb_rich_add(r, 0, ", so the comparison leaves them out.");
        g_ptr_array_add(out, r);
    }
    guint stale = 0;
    for (guint s = 0; s < c->peers->len; s++) {
        const CsbStory *st = c->peers->pdata[s];
        gboolean any = FALSE;
        for (guint i = 0; i < st->histories->len && !any; i++) {
            const CsbAreaHistory *h = st->histories->pdata[i];
            any = h->area->headline && !csb_history_current(h);
        }
        stale += any;
    }
    if (stale)
        g_ptr_array_add(out, csb_rich_addf(csb_rich_new(), 0,
                                           "%u of the peers %s a grade that is not current (a "
                                           "later report not read, or an area not judged at "
                                           "the latest inspection): the peers\u2019 grid marks "
                                           "those cells, and the comparison counts them as not "
                                           "graded.",
                                           stale, stale == 1 ? "has" : "have"));
    return out;
}

/* ---- the formatters ---------------------------------------------------- */

CsbSectionFn csb_fmt_section_in(const CsbSection *sections, guint n, const char *id)
{
    for (guint i = 0; i < n; i++)
        if (strcmp(sections[i].id, id) == 0)
            return sections[i].fn;
    return NULL;
}

typedef struct {
    const char *id;    /* what a template's 'formatter' says */
    const char *title; /* for messages */
    CsbSectionFn (*section)(const char *id);
    gboolean needs_focus; /* its sections are about one authority */
    gboolean focus_only;  /* they show the focus's reports alone, none of a peer's, nor
                             who the peers are: only those reports shape the briefing
                             (csb_format_focus_only; the build records no other) */
} Formatter;

static const Formatter formatters[] = {
    {"pack", "the briefing pack's", csb_pack_section, TRUE, FALSE},
    {"members", "the members' summary's", csb_members_section, TRUE, TRUE},
    {"workbook", "the workbook's", csb_workbook_section, FALSE, FALSE},
    {"overview", "the national overview's", csb_overview_section, FALSE, FALSE},
};

/* The newest of a story's reports' dates: publication dates (*published
 * stays TRUE while every report has one), and inspection dates. */
static void newest_of(const CsbStory *s, CsbDate *published, CsbDate *inspected,
                      gboolean *all_published)
{
    for (guint i = 0; s && i < s->inspections->len; i++) {
        const CsbInspection *in = s->inspections->pdata[i];
        if (csb_date_compare(in->published, *published) > 0)
            *published = in->published;
        *all_published &= csb_date_valid(in->published);
        CsbDate d = csb_inspection_date(in);
        if (csb_date_compare(d, *inspected) > 0)
            *inspected = d;
    }
}

/* The briefing's date and what the cover says of it (see csb_format). */
static void date_briefing(CsbDoc *d, const Formatter *f, const CsbFormatInput *in)
{
    if (csb_date_valid(in->date)) {
        d->date = in->date;
        d->cover.date_text = csb_date_long(in->date);
        return;
    }
    const CsbComparison *cmp = in->comparison;
    CsbDate published = {0, 0, 0}, inspected = {0, 0, 0};
    gboolean all_published = TRUE;
    newest_of(cmp->focus, &published, &inspected, &all_published);
    for (guint i = 0; !(f->focus_only && cmp->focus) && i < cmp->peers->len; i++)
        newest_of(cmp->peers->pdata[i], &published, &inspected, &all_published);
    d->date = all_published ? published : inspected;
    if (!csb_date_valid(d->date))
        return;
    char *when = csb_date_long(d->date);
    d->cover.date_text = g_strdup_printf(all_published ? "Based on reports published up to %s"
                                                       : "Based on inspections and visits up "
                                                         "to %s",
                                         when);
    g_free(when);
}

static gboolean has_all(const Formatter *f, const GPtrArray *sections)
{
    for (guint i = 0; i < sections->len; i++)
        if (!f->section(sections->pdata[i]))
            return FALSE;
    return TRUE;
}

/* The formatter whose sections the template lists: the one it names, else
 * the one formatter that has every section it lists. NULL with an error. */
static const Formatter *formatter_of(const CsbTemplate *tpl, CsbDiag *diag)
{
    const char *where = tpl->path;
    int line = tpl->sections_line, col = tpl->sections_column;
    if (tpl->formatter) {
        const char *ids[G_N_ELEMENTS(formatters)];
        for (guint i = 0; i < G_N_ELEMENTS(formatters); i++) {
            ids[i] = formatters[i].id;
            if (strcmp(formatters[i].id, tpl->formatter) == 0)
                return &formatters[i];
        }
        const char *near = csb_text_nearest(tpl->formatter, ids, G_N_ELEMENTS(ids));
        csb_diag_error(diag, where, 0, 0,
                       "formatter '%s' does not exist; use pack, members, workbook or "
                       "overview%s%s%s",
                       tpl->formatter, near ? " (did you mean '" : "", near ? near : "",
                       near ? "'?)" : "");
        return NULL;
    }
    const Formatter *found = NULL;
    GPtrArray *all = g_ptr_array_new();
    for (guint i = 0; i < G_N_ELEMENTS(formatters); i++)
        if (has_all(&formatters[i], tpl->sections)) {
            found = &formatters[i];
            g_ptr_array_add(all, (gpointer)found->id);
        }
    if (all->len > 1) {
        GString *names = g_string_new(NULL);
        for (guint i = 0; i < all->len; i++)
            g_string_append_printf(names, "%s%s", i == 0 ? "" : i + 1 == all->len ? " and " : ", ",
                                   (const char *)all->pdata[i]);
        csb_diag_error(diag, where, line, col,
                       "these sections are in more than one formatter (%s): say whose with "
                       "'formatter:'",
                       names->str);
        g_string_free(names, TRUE);
        found = NULL;
    } else if (!found) {
        for (guint i = 0; i < tpl->sections->len; i++) {
            const char *id = tpl->sections->pdata[i];
            gboolean any = FALSE;
            for (guint k = 0; k < G_N_ELEMENTS(formatters); k++)
                any |= formatters[k].section(id) != NULL;
            if (!any)
                csb_diag_error(diag, where, line, col, "template section '%s' does not exist",
                               id);
        }
        if (!csb_diag_count(diag, CSB_SEV_ERROR))
            csb_diag_error(diag, where, line, col,
                           "no formatter has all of these sections; a template's sections are "
                           "all the pack's, the members' summary's, the workbook's or the "
                           "national overview's (docs/templates.md)");
    }
    g_ptr_array_free(all, TRUE);
    return found;
}

gboolean csb_format_focus_only(const CsbTemplate *tpl)
{
    CsbDiag *quiet = csb_diag_new(); /* a template in error is told when it is formatted */
    const Formatter *f = formatter_of(tpl, quiet);
    csb_diag_free(quiet);
    return f && f->focus_only;
}

CsbDoc *csb_format(CsbTemplate *tpl, const CsbFormatInput *in, CsbDiag *diag)
{
    const Formatter *f = formatter_of(tpl, diag);
    if (!f)
        return NULL;
    if (f->needs_focus && !in->comparison->focus) {
        csb_diag_error(diag, tpl->path, 0, 0,
                       "%s sections are about one authority, but this briefing covers them "
                       "all: give the template 'scope: authority'",
                       f->title);
        return NULL;
    }
    const CsbStory *focus = in->comparison->focus;
    CsbFormatter fm = {csb_doc_new(tpl), in, focus, csb_areas_frameworks(in->areas),
                       g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL), NULL, 0};
    CsbDoc *d = fm.doc;
    const char *whom = focus ? focus->authority->name : "every authority in the reports";
    d->cover.title = g_strdup(in->title ? in->title : tpl->default_title);
    d->cover.subtitle = g_strdup(in->subtitle);
    d->cover.organisation = g_strdup(in->organisation);
    d->cover.authority = g_strdup(focus ? whom : NULL);
    d->cover.logo_path = g_strdup(in->logo_path);
    date_briefing(d, f, in);
    d->running_title = g_strdup_printf("%s \u2014 %s", d->cover.title, whom);
    for (guint i = 0; i < tpl->sections->len; i++) {
        const char *id = tpl->sections->pdata[i];
        CsbSectionFn fn = f->section(id);
        if (!fn) {
            csb_diag_error(diag, tpl->path, tpl->sections_line, tpl->sections_column,
                           "%s sections have no '%s'", f->title, id);
            continue;
        }
        fn(&fm);
    }
    g_hash_table_destroy(fm.abbreviations);
    if (fm.glossary_index)
        g_hash_table_destroy(fm.glossary_index);
    if (csb_diag_count(diag, CSB_SEV_ERROR)) {
        csb_doc_free(d);
        return NULL;
    }
    return d;
}
