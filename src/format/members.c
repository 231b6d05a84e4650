/* members.c - the members' summary for a corporate parenting board: two to
 * four pages in plain English: what the latest inspection found and how its
 * report opens (its headline summary), the grades with what each word means
 * and how each moved, what is going well and what must improve for children
 * in care and care leavers (quoted and cited, from the latest report only),
 * questions members may wish to ask (members_questions.c), what the
 * summary is based on (reports read and not read, gaps), and the words it
 * uses: each kind of report named, explained, and every abbreviation.
 */
#include "members.h"

#include <string.h>

static void masthead(CsbFormatter *fm)
{
    csb_doc_masthead(fm->doc);
}

/* The report's headline summary: the first of the unnumbered paragraphs
 * before its first numbered one (on its first pages), or NULL. A letter,
 * which numbers none, opens with its first paragraph. */
static const CsbParagraph *opening_paragraph(const CsbInspection *in)
{
    const CsbParagraph *first = in->paragraphs->len ? in->paragraphs->pdata[0] : NULL;
    return first && first->number == 0 ? first : NULL;
}

/* The opening sentences of text, as many as fit in about max_chars (at
 * least one), an ellipsis marking the rest: the report's own words. */
static char *opening_sentences(const char *text, gsize max_chars)
{
    gsize cut = 0, n = strlen(text);
    for (gsize i = 0; i + 2 < n; i++) {
        if ((text[i] == '.' || text[i] == '!' || text[i] == '?') && text[i + 1] == ' ' &&
            g_unichar_isupper(g_utf8_get_char(text + i + 2))) {
            if (cut && g_utf8_strlen(text, (gssize)(i + 1)) > (glong)max_chars)
                break;
            cut = i + 1;
        }
    }
    if (!cut || g_utf8_strlen(text, -1) <= (glong)max_chars)
        return g_strdup(text);
    return g_strdup_printf("%.*s \u2026", (int)cut, text);
}

const char *csb_members_number_word(int n)
{
    static const char *const words[] = {"no", "one", "two", "three", "four", "five",
                                        "six", "seven", "eight", "nine", "ten"};
    return n >= 0 && n <= 10 ? words[n] : "many";
}

/* "Of the four areas judged separately, three were judged good and one
 * was judged to require improvement (care leavers)": the judgements the latest
 * inspection (in) made of the headline areas, a judgement counting once
 * however many areas it stands for (children in care and care leavers,
 * one until 2023). The fewer areas graded otherwise than overall are
 * named, so the overall grade's meaning is not read as true of them. */
static void grade_count_sentence(CsbFormatter *fm, const CsbInspection *in, CsbRich *r)
{
    const CsbJudgement *overall = csb_inspection_judgement(in, "overall");
    int total = 0, at[CSB_GRADE_COUNT] = {0};
    GPtrArray *names[CSB_GRADE_COUNT]; /* char*: the areas of each grade */
    for (int g = 0; g < CSB_GRADE_COUNT; g++)
        names[g] = g_ptr_array_new_with_free_func(g_free);
    GPtrArray *counted = g_ptr_array_new(); /* const CsbJudgement* */
    for (guint i = 0; i < fm->focus->histories->len; i++) {
        const CsbAreaHistory *h = fm->focus->histories->pdata[i];
        if (!h->area->headline || strcmp(h->area->id, "overall") == 0)
            continue;
        const CsbGradePoint *pt = csb_history_latest(h);
        if (pt->inspection != in || g_ptr_array_find(counted, pt->judgement, NULL))
            continue;
        g_ptr_array_add(counted, (gpointer)pt->judgement);
        const CsbArea *a = csb_areas_find(fm->in->areas, pt->judgement->area);
        g_ptr_array_add(names[pt->judgement->grade],
                        csb_text_in_sentence(a ? a->title : h->area->title));
        at[pt->judgement->grade]++;
        total++;
    }
    g_ptr_array_free(counted, TRUE);
    GString *said = g_string_new(NULL);
    int groups = 0, left = 0;
    for (int g = CSB_GRADE_OUTSTANDING; g < CSB_GRADE_COUNT; g++)
        left += at[g] > 0;
    for (int g = CSB_GRADE_OUTSTANDING; g < CSB_GRADE_COUNT && total; g++) {
        int n = at[g];
        if (!n)
            continue;
        groups++;
        const char *count =
            n == total ? (total == 2 ? "both" : "all") : csb_members_number_word(n);
        g_string_append(said, groups == 1 ? "" : groups == left ? " and " : ", ");
        /* One tense throughout: "one was judged to require improvement and
         * three were judged inadequate" (Devon's read "one requires
         * improvement ... and three were judged inadequate"). */
        if (g == CSB_GRADE_REQUIRES_IMPROVEMENT) {
            g_string_append_printf(said, "%s %s judged to require improvement", count,
                                   n == 1 ? "was" : "were");
        } else {
            char *lower = g_utf8_strdown(csb_grade_title((CsbGrade)g), -1);
            g_string_append_printf(said, "%s %s judged %s", count, n == 1 ? "was" : "were", lower);
            g_free(lower);
        }
        if (2 * n <= total && n < total && (!overall || overall->grade != (CsbGrade)g)) {
            g_string_append(said, " (");
            for (guint k = 0; k < names[g]->len; k++)
                g_string_append_printf(said, "%s%s",
                                       k == 0 ? "" : k + 1 == names[g]->len ? " and " : ", ",
                                       (char *)names[g]->pdata[k]);
            g_string_append(said, ")");
        }
    }
    if (total)
        csb_rich_addf(r, 0, " Of the %s areas judged separately, %s.",
                      csb_members_number_word(total), said->str);
    g_string_free(said, TRUE);
    for (int g = 0; g < CSB_GRADE_COUNT; g++)
        g_ptr_array_free(names[g], TRUE);
}

/* When an inspection was held, by month (csb_fmt_months_held): "March
 * 2026", "February and March 2023", or for one held in two parts "two
 * parts, in October 2024 and January 2025". Follows "in". */
static char *held_in(const CsbInspection *in)
{
    gboolean parts;
    char *months = csb_fmt_months_held(in, &parts);
    if (!parts)
        return months;
    char *s = g_strdup_printf("two parts, in %s", months);
    g_free(months);
    return s;
}

static void latest(CsbFormatter *fm)
{
    const CsbInspection *in = csb_story_latest_graded(fm->focus);
    csb_doc_heading(fm->doc, 2, "What the latest inspection found");
    if (!in) {
        csb_doc_para(fm->doc, csb_rich_plain("There is no graded inspection among the reports."));
        return;
    }
    char *when = held_in(in);
    const CsbJudgement *o = csb_inspection_judgement(in, "overall");
    CsbRich *r = csb_rich_new();
    fm->kinds_named |= 1u << in->kind;
    csb_rich_addf(r, 0, "Ofsted inspected children\u2019s services in %s in %s (%s). ",
                  fm->focus->authority->name, when,
                  csb_frameworks_title(fm->frameworks, in->kind));
    if (in->provider)
        csb_rich_addf(r, 0, "The services are delivered for the council by %s. ", in->provider);
    if (o) {
        /* The grade's meaning as the scale's words, not as a finding: an
         * area may be graded below it ("care leavers are ... well looked
         * after" beside care leavers requiring improvement). */
        char *meaning = csb_fmt_grade_meaning_short(fm->in, o->grade);
        char *lowered = csb_text_in_sentence(meaning);
        csb_rich_add(r, 0, "Inspectors judged services overall to be ");
        csb_rich_add(r, CSB_STYLE_BOLD, csb_grade_title(o->grade));
        csb_rich_addf(r, 0, *lowered ? ". On Ofsted\u2019s scale, that means %s" : ".", lowered);
        g_free(lowered);
        g_free(meaning);
    } else {
        csb_rich_add(r, 0, "This inspection gave no overall grade, only the separate "
                           "judgements below.");
    }
    grade_count_sentence(fm, in, r);
    csb_doc_para(fm->doc, r);
    g_free(when);
    const CsbParagraph *p = opening_paragraph(in);
    if (p) {
        csb_doc_para(fm->doc, csb_rich_plain("The report\u2019s summary opens:"))->keep_with_next =
            TRUE;
        char *q = opening_sentences(p->text, 420);
        csb_fmt_quote(fm, q, in, p);
        g_free(q);
    }
}

static void grades(CsbFormatter *fm)
{
    csb_doc_heading(fm->doc, 2, "The grades, and how they moved");
    static const double w[] = {3.6, 2.1, 3.9};
    CsbTable *t = csb_table_new(3, w);
    csb_table_header(t, 0, "Area");
    csb_table_header(t, 1, "Grade");
    csb_table_header(t, 2, "How it moved");
    gboolean seen[CSB_GRADE_COUNT] = {FALSE};
    for (guint i = 0; i < fm->focus->histories->len; i++) {
        const CsbAreaHistory *h = fm->focus->histories->pdata[i];
        if (!h->area->headline)
            continue;
        const CsbGradePoint *last = csb_history_latest(h);
        GPtrArray *row = csb_table_row(t);
        CsbRich *a = csb_rich_add(csb_rich_new(), CSB_STYLE_BOLD, h->area->title);
        csb_rich_addf(a, CSB_STYLE_MUTED, "\n%s", h->area->plain);
        csb_table_cell(row, a);
        csb_fmt_latest_grade_cell(row, h);
        seen[last->judgement->grade] = TRUE;
        if (h->changes->len) {
            const CsbChange *c = h->changes->pdata[h->changes->len - 1];
            char *words = csb_fmt_change(c);
            char *when = csb_fmt_since(fm->in, h, fm->focus->histories);
            CsbRich *r = csb_rich_addf(csb_rich_new(), 0, "%c%s %s.",
                                       g_ascii_toupper(words[0]), words + 1, when);
            csb_fmt_add_not_judged(r, h);
            csb_table_cell(row, r)->trend = csb_fmt_latest_trend(h, c);
            g_free(words);
            g_free(when);
        } else {
            CsbRich *r = csb_rich_plain(CSB_FMT_GRADED_ONCE ".");
            csb_fmt_add_not_judged(r, h);
            csb_table_cell(row, r);
        }
    }
    csb_doc_table(fm->doc, t);
    csb_doc_heading(fm->doc, 2, "What the words mean");
    static const double kw[] = {2.1, 7.5};
    CsbTable *key = csb_table_new(2, kw);
    static const CsbGrade order[] = {CSB_GRADE_OUTSTANDING, CSB_GRADE_GOOD,
                                     CSB_GRADE_REQUIRES_IMPROVEMENT, CSB_GRADE_INADEQUATE};
    for (guint i = 0; i < G_N_ELEMENTS(order); i++) {
        GPtrArray *row = csb_table_row(key);
        csb_fmt_grade_cell(row, order[i]);
        char *m = csb_fmt_grade_meaning_short(fm->in, order[i]);
        csb_table_cell(row, csb_rich_plain(m));
        g_free(m);
    }
    if (seen[CSB_GRADE_ADEQUATE]) {
        GPtrArray *row = csb_table_row(key);
        csb_fmt_grade_cell(row, CSB_GRADE_ADEQUATE);
        char *m = csb_fmt_grade_meaning_short(fm->in, CSB_GRADE_ADEQUATE);
        csb_table_cell(row, csb_rich_plain(m));
        g_free(m);
    }
    csb_doc_table(fm->doc, key);
}

/* Does lower (lower case) hold one of words (the template's, char*)? */
static gboolean holds_any(const char *lower, const GPtrArray *words)
{
    for (guint i = 0; i < words->len; i++)
        if (strstr(lower, words->pdata[i]))
            return TRUE;
    return FALSE;
}

/* A numbered paragraph of the latest report in a section about children
 * in care or care leavers (the template's 'care: sections'), read once
 * for both what is going well and what must improve. */
typedef struct {
    const CsbParagraph *p;
    char *section;  /* its section, lower case */
    CsbTone tone;
    CsbToneResult *reading; /* as read: its weights, and the sentences its quote keeps */
} CareParagraph;

static GArray *care_paragraphs(CsbFormatter *fm, const CsbInspection *in)
{
    GArray *out = g_array_new(FALSE, FALSE, sizeof(CareParagraph));
    for (guint i = 0; i < in->paragraphs->len; i++) {
        const CsbParagraph *p = in->paragraphs->pdata[i];
        char *sec = p->section ? g_utf8_strdown(p->section, -1) : g_strdup("");
        if (!p->number || !holds_any(sec, fm->doc->tpl->care_sections)) {
            g_free(sec);
            continue;
        }
        CareParagraph c = {p, sec, CSB_TONE_NEUTRAL, NULL};
        c.reading = csb_themes_classify_result(fm->in->library, p->text, NULL, NULL);
        c.tone = c.reading->tone;
        g_array_append_val(out, c);
    }
    return out;
}

static void care_paragraphs_free(GArray *cps)
{
    for (guint i = 0; i < cps->len; i++) {
        CareParagraph *c = &g_array_index(cps, CareParagraph, i);
        g_free(c->section);
        csb_tone_result_free(c->reading);
    }
    g_array_free(cps, TRUE);
}

/* When the inspection graded children in care and care leavers apart,
 * one lower: the words of the section ("in care", "care leaver") whose
 * paragraphs of tone want come first: the lower one's concerns, the
 * higher one's strengths; else NULL. */
static const char *care_section_first(const CsbInspection *in, CsbTone want)
{
    const CsbJudgement *c = csb_inspection_judgement(in, "in_care");
    const CsbJudgement *l = csb_inspection_judgement(in, "care_leavers");
    if (!c || !l || csb_grade_rank(c->grade) == csb_grade_rank(l->grade))
        return NULL;
    gboolean care_lower = csb_grade_rank(c->grade) > csb_grade_rank(l->grade);
    return care_lower == (want == CSB_TONE_CONCERN) ? "in care" : "care leaver";
}

typedef struct {
    const CareParagraph *c;
    double score;
} Candidate;

static gint by_score(gconstpointer a, gconstpointer b)
{
    double x = ((const Candidate *)a)->score, y = ((const Candidate *)b)->score;
    return (x < y) - (x > y);
}

double csb_members_care_weight(const CsbToneResult *rd, CsbTone want)
{
    double strength = 0, concern = 0;
    for (guint i = 0; i < rd->sentences->len; i++) {
        const CsbToneSentence *s = &g_array_index(rd->sentences, CsbToneSentence, i);
        strength += s->strength;
        concern += s->concern;
    }
    /* What is going well is worth less for any concern in it (Bury 2024
     * para 45's strength ends "there is not always a timely follow through
     * of escalation of concerns"). */
    return want == CSB_TONE_CONCERN ? concern : strength - 3 * concern;
}

/* How many of the paragraphs (CareParagraph) are of tone. */
static int care_count(const GArray *cps, CsbTone tone)
{
    int n = 0;
    for (guint i = 0; i < cps->len; i++)
        n += g_array_index(cps, CareParagraph, i).tone == tone;
    return n;
}

int csb_members_care_points(CsbFormatter *fm, const CsbInspection *in)
{
    GArray *cps = care_paragraphs(fm, in);
    int n = care_count(cps, CSB_TONE_CONCERN) + care_count(cps, CSB_TONE_MIXED);
    care_paragraphs_free(cps);
    return n;
}

/* The paragraphs (CareParagraph) of tone from (strengths, concerns, or
 * mixed ones for what they note alongside strengths), ranked by the weight
 * the reading gives the side wanted (what a cue counted for, so a negated
 * or conceded one counts little or nothing), concerns of the area graded
 * lower first, strengths of the higher. Each is quoted by the sentences
 * that earned that side first; lead (or nothing), a line before the first. */
static int care_quotes(CsbFormatter *fm, const CsbInspection *in, const GArray *cps,
                       CsbTone from, CsbTone want, int max, const char *lead)
{
    const CsbThemeLibrary *lib = fm->in->library;
    const char *first = care_section_first(in, want);
    GArray *pick = g_array_new(FALSE, FALSE, sizeof(Candidate));
    for (guint i = 0; i < cps->len; i++) {
        const CareParagraph *cp = &g_array_index(cps, CareParagraph, i);
        if (cp->tone != from)
            continue;
        Candidate c = {cp, 0};
        /* The area graded lower (higher, for strengths) first; a section on
         * both ("children in care and care leavers") is care leavers'. */
        if (first && strstr(cp->section, first) &&
            (strcmp(first, "care leaver") == 0 || !strstr(cp->section, "care leaver")))
            c.score += 500;
        c.score += csb_members_care_weight(cp->reading, want);
        g_array_append_val(pick, c);
    }
    g_array_sort(pick, by_score); /* stable: report order among equals */
    int shown = 0;
    for (guint i = 0; i < pick->len && shown < max; i++, shown++) {
        const CareParagraph *cp = g_array_index(pick, Candidate, i).c;
        if (!shown && lead) /* so the quotes are not read as the list's */
            csb_doc_para(fm->doc, csb_rich_plain(lead))->keep_with_next = TRUE;
        /* The sentences that earned the side wanted are kept first: a
         * mixed paragraph's concern, when that is what it is quoted for. */
        CsbToneResult as_wanted = *cp->reading;
        as_wanted.tone = want;
        char *q = csb_themes_quote_why(cp->p->text,
                                       want == CSB_TONE_CONCERN ? lib->concern : lib->strength,
                                       &as_wanted, fm->in->brevity > 1 ? 220 : 300);
        csb_fmt_quote(fm, q, in, cp->p);
        g_free(q);
    }
    g_array_free(pick, TRUE);
    return shown;
}

/* A finding's words without the national framework's tag inspectors put
 * after some ("... mitigate risks. (Outcome three)", "(enabler 2, leaders
 * drive conditions for effective practice)", "(Principle 1)", "Enabler
 * three: National Framework."): a councillor is not told what it means.
 * A new string. */
#define NUMBER "(?:[1-6]|one|two|three|four|five|six)"

char *csb_members_finding_words(const char *text)
{
    GRegex *tag = g_regex_new("\\s*(?:\\((?:outcome|enabler|principle)s? " NUMBER "\\b[^()]*\\)"
                              "|(?:outcome|enabler|principle)s? " NUMBER "\\b(?::[^.]*)?)[.\\s]*$",
                              G_REGEX_CASELESS, 0, NULL);
    char *s = g_regex_replace_literal(tag, text, -1, 0, "", 0, NULL);
    g_regex_unref(tag);
    return s;
}

/* Is an area for improvement about children in care or care leavers: by
 * its words, or by a theme it speaks to that is theirs (the template's
 * 'care: words' and 'care: themes': "Risk assessments in respect of
 * unaccompanied asylum-seeking children ..." speaks to unaccompanied
 * children, who are looked after)? */
gboolean csb_members_afi_about_care(const CsbFormatter *fm, const CsbAfiTrack *a)
{
    const CsbTemplate *tpl = fm->doc->tpl;
    for (guint i = 0; a->themes && i < a->themes->len; i++)
        for (guint k = 0; k < tpl->care_themes->len; k++)
            if (strcmp(a->themes->pdata[i], tpl->care_themes->pdata[k]) == 0)
                return TRUE;
    char *t = g_utf8_strdown(a->finding->text, -1);
    gboolean care = holds_any(t, tpl->care_words);
    g_free(t);
    return care;
}

static void care(CsbFormatter *fm)
{
    const CsbInspection *in = csb_story_latest_graded(fm->focus);
    if (!in)
        return;
    csb_doc_heading(fm->doc, 2, "Children in care and care leavers: what is going well");
    int quotes = fm->in->brevity ? 1 : 2;
    GArray *cps = care_paragraphs(fm, in);
    if (!care_quotes(fm, in, cps, CSB_TONE_STRENGTH, CSB_TONE_STRENGTH, quotes, NULL))
        csb_doc_para(fm->doc, csb_rich_add(csb_rich_new(), CSB_STYLE_MUTED,
                                           "The latest report has no paragraph of this kind."));
    csb_doc_heading(fm->doc, 2, "Children in care and care leavers: what must improve");
    CsbDocBlock *l = NULL;
    for (guint i = 0; i < fm->focus->afis->len; i++) {
        const CsbAfiTrack *a = fm->focus->afis->pdata[i];
        if (a->inspection != in || !csb_members_afi_about_care(fm, a))
            continue;
        if (!l) {
            /* Named as the quotations below cite it. */
            char *name = csb_fmt_name_report(fm, in);
            csb_doc_para(fm->doc, csb_rich_addf(csb_rich_new(), 0, "Inspectors asked the council "
                                                "to improve (%s):", name))
                ->keep_with_next = TRUE;
            g_free(name);
            l = csb_doc_list(fm->doc);
        }
        char *words = csb_members_finding_words(a->finding->text);
        g_ptr_array_add(l->items, csb_rich_addf(csb_rich_new(), 0, "\u201C%s\u201D", words));
        g_free(words);
        csb_fmt_note_abbreviations(fm, a->finding->text);
    }
    if (!care_quotes(fm, in, cps, CSB_TONE_CONCERN, CSB_TONE_CONCERN, quotes,
                     l ? "The report also says, of children in care and care leavers:" : NULL) &&
        !l) {
        /* No concern of its own: what its mixed paragraphs note alongside
         * strengths, quoted for that, so a councillor sees which points. */
        int mixed = care_count(cps, CSB_TONE_MIXED);
        const char *n = csb_members_number_word(mixed);
        char *lead = mixed ? g_strdup_printf("The latest report raises no concern on its own "
                                             "about this. %c%s of its paragraphs note%s something "
                                             "to improve alongside strengths:",
                                             g_ascii_toupper(n[0]), n + 1, mixed == 1 ? "s" : "")
                           : NULL;
        if (!lead || !care_quotes(fm, in, cps, CSB_TONE_MIXED, CSB_TONE_CONCERN, quotes, lead))
            csb_doc_para(fm->doc, csb_rich_add(csb_rich_new(), CSB_STYLE_MUTED,
                                               "The latest report raises no concern of this "
                                               "kind."));
        g_free(lead);
    }
    care_paragraphs_free(cps);
}

/* ---- what it is based on -------------------------------------------------- */

/* At most this many reports not read are named; the rest are counted. */
#define MAX_NOT_READ_NAMED 3

/* A reason data/not-read-reasons.csv has no words for, as it was given
 * (the pack's words) without the advice (": download it again ...") and
 * the asides in brackets, so that it reads in brackets of its own. A new
 * string. */
static char *plain_why(const char *why)
{
    const char *advice = strstr(why, ": download it again");
    char *cut = advice ? g_strndup(why, (gsize)(advice - why)) : g_strdup(why);
    GRegex *aside = g_regex_new(" *\\([^()]*\\)", 0, 0, NULL);
    char *s = g_regex_replace_literal(aside, cut, -1, 0, "", 0, NULL);
    g_regex_unref(aside);
    g_free(cut);
    return s;
}

/* ": <title>, published <date>, because its file <why>; ..." for the
 * reports not read, <why> in data/not-read-reasons.csv's words for the
 * kind of problem (a kind it has no words for: "(<the pack's why>)"). */
static void not_read_reports(CsbRich *r, const CsbStory *s, const CsbUnreadWords *words)
{
    guint named = 0, files = 0;
    for (guint i = 0; i < s->not_read->len; i++) {
        const CsbNotRead *n = s->not_read->pdata[i];
        if (n->inspection)
            continue;
        if (files++ >= MAX_NOT_READ_NAMED)
            continue;
        csb_rich_add(r, 0, named++ ? "; " : ": ");
        csb_rich_add(r, 0, n->title ? n->title : "a report");
        if (csb_date_valid(n->date) && !n->title) { /* Ofsted's link text has the date */
            char *pub = csb_date_long(n->date);
            csb_rich_addf(r, 0, ", published %s", pub);
            g_free(pub);
        }
        const char *plain = csb_unread_words_get(words, n->reason);
        if (plain) {
            csb_rich_addf(r, CSB_STYLE_MUTED, ", because its file %s", plain);
        } else {
            char *why = plain_why(n->why);
            csb_rich_addf(r, CSB_STYLE_MUTED, " (%s)", why);
            g_free(why);
        }
    }
    if (files > named)
        csb_rich_addf(r, 0, "; and %u more", files - named);
    csb_rich_add(r, 0, ".");
}

/* One paragraph: the reports read, those not read (and grades not read),
 * and the gaps a reader should know. */
static void basis(CsbFormatter *fm)
{
    const CsbStory *s = fm->focus;
    csb_doc_heading(fm->doc, 2, "What this summary is based on");
    CsbRich *r = csb_rich_addf(csb_rich_new(), 0, "%u published Ofsted report%s on %s",
                               s->inspections->len, s->inspections->len == 1 ? "" : "s",
                               s->authority->name);
    char *years = csb_fmt_story_years(s);
    if (years)
        csb_rich_addf(r, 0, ", %s", years);
    g_free(years);
    csb_rich_add(r, 0, ".");
    guint files = 0, grades = 0;
    for (guint i = 0; i < s->not_read->len; i++) {
        const CsbNotRead *n = s->not_read->pdata[i];
        files += !n->inspection;
        grades += n->inspection != NULL;
    }
    if (files) {
        csb_rich_addf(r, CSB_STYLE_BOLD, " %u report%s could not be read", files,
                      files == 1 ? "" : "s");
        not_read_reports(r, s, fm->in->unread_words);
    }
    if (grades)
        csb_rich_addf(r, CSB_STYLE_BOLD, " Some grades of %u report%s could not be read.", grades,
                      grades == 1 ? "" : "s");
    if (!files && !grades)
        csb_rich_add(r, 0, s->inspections->len == 1 ? " It could be read in full."
                                                     : " All of them could be read.");
    GPtrArray *gaps = csb_fmt_gaps(fm, FALSE);
    for (guint i = 0; i < gaps->len; i++) {
        const CsbRich *g = gaps->pdata[i];
        csb_rich_add(r, 0, " ");
        for (guint k = 0; k < g->spans->len; k++) {
            const CsbSpan *sp = g->spans->pdata[k];
            csb_rich_add(r, sp->style, sp->text);
        }
    }
    g_ptr_array_free(gaps, TRUE);
    csb_doc_para(fm->doc, r);
}

/* ---- the words it uses ------------------------------------------------------ */

static gint glossary_cmp(gconstpointer a, gconstpointer b)
{
    return g_ascii_strcasecmp(*(const char *const *)a, *(const char *const *)b);
}

/* The expansions, in lower case, of the abbreviations among keys that the
 * glossary spells out ("VS": "virtual school"). */
static GHashTable *expansions_shown(CsbFormatter *fm, const GPtrArray *keys)
{
    const CsbCsv *g = fm->in->glossary;
    int ec = g ? csb_csv_column(g, "expansion") : -1;
    GHashTable *out = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (guint i = 0; ec >= 0 && i < keys->len; i++) {
        guint r = GPOINTER_TO_UINT(g_hash_table_lookup(fm->abbreviations, keys->pdata[i])) - 1;
        const char *expansion = csb_csv_get(g, r, ec);
        if (!g_ascii_islower(*(const char *)keys->pdata[i]) && expansion && *expansion)
            g_hash_table_add(out, g_ascii_strdown(expansion, -1));
    }
    return out;
}

/* Is term, or its singular (without a last "s"), among spelled_out? */
static gboolean spelled_out_term(GHashTable *spelled_out, const char *term)
{
    if (g_hash_table_contains(spelled_out, term))
        return TRUE;
    size_t n = strlen(term);
    if (n < 2 || term[n - 1] != 's')
        return FALSE;
    char *singular = g_strndup(term, n - 1);
    gboolean found = g_hash_table_contains(spelled_out, singular);
    g_free(singular);
    return found;
}

/* Does a framework's explanation say when it ran already: the year its
 * period starts ("2018 to date": "... since 2018. ...")? Then the period
 * is not said again after it. */
static gboolean says_when(const char *about, const char *period)
{
    const char *y = strpbrk(period, "0123456789");
    if (!y || strspn(y, "0123456789") < 4)
        return FALSE;
    char *year = g_strndup(y, 4);
    gboolean said = strstr(about, year) != NULL;
    g_free(year);
    return said;
}

/* Each kind of report the summary names, or whose abbreviation it uses
 * ("SIF"), with what it is (the frameworks' own words), then every other
 * abbreviation and term its text uses (data/glossary.csv). */
static void glossary(CsbFormatter *fm)
{
    const CsbCsv *g = fm->in->glossary;
    static const double w[] = {3.2, 6.8};
    CsbTable *t = csb_table_new(2, w);
    csb_table_header(t, 0, "Word");
    csb_table_header(t, 1, "What it means");
    for (guint i = 0; i < csb_frameworks_count(fm->frameworks); i++) {
        const CsbFramework *f = csb_frameworks_at(fm->frameworks, i);
        if (!(fm->kinds_named & (1u << f->kind)) || !f->about)
            continue;
        GPtrArray *row = csb_table_row(t);
        csb_table_cell(row, csb_rich_add(csb_rich_new(), CSB_STYLE_BOLD,
                                         f->name ? f->name : f->title));
        CsbRich *what = csb_rich_plain(f->about);
        if (f->period && !says_when(f->about, f->period))
            csb_rich_addf(what, CSB_STYLE_MUTED, " (%s)", f->period);
        csb_table_cell(row, what);
    }
    GPtrArray *keys = g_ptr_array_new();
    GHashTableIter it;
    gpointer k;
    g_hash_table_iter_init(&it, fm->abbreviations);
    while (g_hash_table_iter_next(&it, &k, NULL)) /* a framework's is not among them */
        g_ptr_array_add(keys, k);
    g_ptr_array_sort(keys, glossary_cmp);
    int ec = g ? csb_csv_column(g, "expansion") : -1, xc = g ? csb_csv_column(g, "explanation") : -1;
    /* Terms explained alike ("private fostering", "privately fostered")
     * share a row: explanation -> the row's word cell. */
    GHashTable *told = g_hash_table_new(g_str_hash, g_str_equal);
    GHashTable *spelled_out = expansions_shown(fm, keys);
    for (guint i = 0; g && i < keys->len; i++) {
        guint r = GPOINTER_TO_UINT(g_hash_table_lookup(fm->abbreviations, keys->pdata[i])) - 1;
        const char *key = keys->pdata[i], *expansion = csb_csv_get(g, r, ec);
        /* A term an abbreviation's row spells out ("virtual school" beside
         * "VS, Virtual school"), or its singular ("personal education plans"
         * beside "PEP, Personal education plan"), is explained there. */
        if (g_ascii_islower(*key) && spelled_out_term(spelled_out, key))
            continue;
        CsbRich *same = g_ascii_islower(*key)
                            ? g_hash_table_lookup(told, csb_csv_get(g, r, xc))
                            : NULL;
        if (same) {
            csb_rich_addf(same, CSB_STYLE_BOLD, ", %s", key);
            continue;
        }
        GPtrArray *row = csb_table_row(t);
        /* A term ("permanence") reads as a word: capital first, no expansion. */
        char *shown = g_ascii_islower(*key) ? g_strdup_printf("%c%s", g_ascii_toupper(*key), key + 1)
                                            : g_strdup(key);
        CsbRich *word = csb_rich_add(csb_rich_new(), CSB_STYLE_BOLD, shown);
        if (expansion && *expansion)
            csb_rich_addf(word, 0, "\n%s", expansion);
        else
            g_hash_table_insert(told, (gpointer)csb_csv_get(g, r, xc), word);
        g_free(shown);
        csb_table_cell(row, word);
        csb_table_cell(row, csb_rich_plain(csb_csv_get(g, r, xc)));
    }
    g_hash_table_destroy(told);
    g_hash_table_destroy(spelled_out);
    g_ptr_array_free(keys, TRUE);
    if (!t->rows->len) {
        csb_table_free(t);
        return;
    }
    csb_doc_heading(fm->doc, 2, "Words used in this summary");
    csb_doc_table(fm->doc, t);
}

static const struct {
    const char *id;
    CsbSectionFn fn;
} sections[] = {
    {"masthead", masthead}, {"latest", latest},       {"grades", grades},
    {"care", care},         {"questions", csb_members_questions}, {"basis", basis},
    {"glossary", glossary},
};

CsbSectionFn csb_members_section(const char *id)
{
    for (guint i = 0; i < G_N_ELEMENTS(sections); i++)
        if (strcmp(sections[i].id, id) == 0)
            return sections[i].fn;
    return NULL;
}
