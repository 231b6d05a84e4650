/* report.c - one report's analysis: each paragraph put in match form
 * once, its themes found in one pass, its tone classified once, its
 * evidence for the selected themes made once (phrases, score, the tone's
 * reading and why, both shared by the paragraph's evidence; or, when the
 * paragraph speaks of other subjects too, the sentences on the theme and
 * the reading and why of those read alone); each
 * finding's themes, tokens
 * and issues; the sentences saying a weakness was raised before
 * (declared.c); and how many of the report's texts use each token.
 * Everything by the set's rules and recurrence data.
 */
#include "analysis.h"

#include <string.h>

typedef struct {
    GHashTable *df;    /* token number + 1 -> texts using it (GUINT_TO_POINTER) */
    GPtrArray *stems;  /* scratch for one text */
    GPtrArray *words;
} Counts;

static void count_token(Counts *c, guint32 id)
{
    gpointer key = GUINT_TO_POINTER(id + 1);
    guint n = GPOINTER_TO_UINT(g_hash_table_lookup(c->df, key));
    g_hash_table_insert(c->df, key, GUINT_TO_POINTER(n + 1));
}

/* Count each token of one text once: its stems (each once already) and
 * its themes. */
static void count_text(Counts *c, CsbAnalyses *set, const GArray *hits)
{
    for (guint i = 0; i < c->stems->len; i++) {
        guint32 id = 0;
        csb_analyses_intern(set, c->stems->pdata[i], &id);
        count_token(c, id);
    }
    for (guint i = 0; i < hits->len; i++)
        count_token(c, csb_analyses_theme_token(set, g_array_index(hits, CsbThemeHit, i).theme));
    g_ptr_array_set_size(c->stems, 0);
    g_ptr_array_set_size(c->words, 0);
}

/* The hit of library theme index t among hits (in library order), or NULL. */
static const CsbThemeHit *hit_of(const GArray *hits, guint t)
{
    for (guint i = 0; i < hits->len; i++) {
        const CsbThemeHit *h = &g_array_index(hits, CsbThemeHit, i);
        if (h->theme == t)
            return h;
    }
    return NULL;
}

/* The library themes each sentence of a paragraph names, found when
 * first asked. */
typedef struct {
    const CsbAnalyses *set;
    const char *text;
    GPtrArray *hits; /* per sentence (csb_sentences): GArray of CsbThemeHit; NULL until asked */
} SentenceThemes;

static const GPtrArray *sentence_themes(SentenceThemes *st)
{
    if (st->hits)
        return st->hits;
    const CsbAnalysisRules *rules = csb_analyses_rules(st->set);
    GArray *sent = csb_sentences(st->text);
    st->hits = g_ptr_array_new_with_free_func((GDestroyNotify)csb_theme_hits_free);
    for (guint i = 0; i + 1 < sent->len; i += 2) {
        gsize from = g_array_index(sent, gsize, i), to = g_array_index(sent, gsize, i + 1);
        char *s = g_strndup(st->text + from, to - from);
        char *form = csb_themes_match_form(s);
        g_ptr_array_add(st->hits, rules->find_themes(csb_analyses_library(st->set), form));
        g_free(form);
        g_free(s);
    }
    g_array_free(sent, TRUE);
    return st->hits;
}

/* Does the paragraph move on from t to other subjects: do at least two
 * sentences outside part (indices, in order) name library themes that no
 * sentence of part names, other than t (G_MAXUINT: a theme not the
 * library's), at least two of them? As a summary does ("... a strong
 * response to children at risk of exploitation. ... When children need to
 * come into care, their needs are met well in appropriate placements. ...
 * response to domestic abuse is not proportionate ..."); a paragraph on t
 * that names one other theme in passing ("the work of the MACE group is
 * not quality assured"), or one that part names too ("children missing
 * education" in a paragraph aligning the two), stays on t. */
static gboolean others_outside(SentenceThemes *st, const GArray *part, guint t)
{
    const GPtrArray *hits = sentence_themes(st);
    GHashTable *named = g_hash_table_new(NULL, NULL), *others = g_hash_table_new(NULL, NULL);
    g_hash_table_add(named, GUINT_TO_POINTER(t));
    for (guint k = 0; k < part->len; k++) {
        const GArray *h = hits->pdata[g_array_index(part, guint, k)];
        for (guint j = 0; j < h->len; j++)
            g_hash_table_add(named, GUINT_TO_POINTER(g_array_index(h, CsbThemeHit, j).theme));
    }
    guint sentences = 0;
    for (guint i = 0, k = 0; i < hits->len; i++) {
        if (k < part->len && g_array_index(part, guint, k) == i) {
            k++;
            continue;
        }
        const GArray *h = hits->pdata[i];
        gboolean other = FALSE;
        for (guint j = 0; j < h->len; j++) {
            gpointer theme = GUINT_TO_POINTER(g_array_index(h, CsbThemeHit, j).theme);
            if (!g_hash_table_contains(named, theme)) {
                g_hash_table_add(others, theme);
                other = TRUE;
            }
        }
        sentences += other;
    }
    gboolean moves_on = sentences >= 2 && g_hash_table_size(others) >= 2;
    g_hash_table_destroy(named);
    g_hash_table_destroy(others);
    return moves_on;
}

static gboolean weighs(const CsbToneResult *rd)
{
    for (guint i = 0; i < rd->sentences->len; i++) {
        const CsbToneSentence *s = &g_array_index(rd->sentences, CsbToneSentence, i);
        if (s->strength > 0 || s->concern > 0)
            return TRUE;
    }
    return rd->recommendation;
}

/* Why part's words earn tone: which of the paragraph's n sentences they
 * are, first; the last line the verdict, said again when they weigh
 * nothing (tone neutral, not the rules' call on words with no cue). */
static void explain_part(GPtrArray *why, const GArray *part, guint n, CsbTone tone,
                         CsbTone paragraph)
{
    GString *head = g_string_new("on the theme: sentence");
    g_string_append(head, part->len > 1 ? "s " : " ");
    for (guint k = 0; k < part->len; k++)
        g_string_append_printf(head, "%s%u", k ? ", " : "", g_array_index(part, guint, k) + 1);
    g_string_append_printf(head, " of %u, read alone (the others speak of other themes; the "
                                 "sentences below are counted among these)", n);
    g_ptr_array_insert(why, 0, g_string_free(head, FALSE));
    if (tone != CSB_TONE_NEUTRAL || !why->len)
        return;
    char *rules = why->pdata[why->len - 1];
    why->pdata[why->len - 1] =
        g_strdup_printf("verdict: neutral: the sentences on the theme weigh nothing either way "
                        "(the rules alone: '%s'); the paragraph is %s by its others",
                        g_str_has_prefix(rules, "verdict: ") ? rules + strlen("verdict: ") : rules,
                        csb_tone_id(paragraph));
    g_free(rules);
}

/* Evidence e of a summary that speaks of several subjects in turn is
 * narrowed to the sentences on its theme (csb_theme_sentences): the label
 * is what those words earn read alone, neutral when they weigh nothing
 * (listed under no tone, rather than carry a label other words earned),
 * and its quote keeps only them. A summary is a paragraph the report does
 * not number (its headline summary, a summary section's, a letter's) of
 * at least four sentences, at most a third of them on the theme, whose
 * others move on to other themes (others_outside). A numbered paragraph is
 * written on one subject, and its sentences without the theme's phrases
 * are mostly still on it ("Practice around the use of specialist risk
 * assessments, however, is not yet consistent"); a recommendation is a
 * concern by its form throughout: all stay whole, as does a summary whose
 * sentences the reading of them alone does not split as the paragraph's.
 * t: the theme's index in the library (G_MAXUINT: not the library's). */
static void narrow(CsbEvidence *e, const CsbAnalyses *set, SentenceThemes *st, guint t)
{
    const CsbParagraph *p = e->paragraph;
    const CsbToneResult *whole = e->reading;
    guint n = whole->sentences->len;
    if (p->number || whole->recommendation || n < 4)
        return;
    GArray *part = csb_theme_sentences(e->theme, p->text);
    if (!part->len || 3 * part->len > n || !others_outside(st, part, t)) {
        g_array_free(part, TRUE);
        return;
    }
    char *words = csb_sentences_text(p->text, part);
    GPtrArray *why = g_ptr_array_new_with_free_func(g_free);
    CsbToneResult *rd =
        csb_analyses_rules(set)->classify(csb_analyses_library(set), words, p->section, why);
    if (rd->sentences->len == part->len) { /* read as the paragraph's sentences */
        CsbTone tone = weighs(rd) ? rd->tone : CSB_TONE_NEUTRAL;
        explain_part(why, part, n, tone, whole->tone);
        csb_evidence_narrow(e, part, rd, tone, why);
        part = NULL;
    }
    if (part)
        g_array_free(part, TRUE);
    csb_tone_result_free(rd);
    g_ptr_array_unref(why);
    g_free(words);
}

/* Evidence for each selected theme paragraph i speaks to. */
static void add_evidence(CsbReportAnalysis *a, const CsbAnalyses *set, const char *form,
                         const GArray *hits, guint i, CsbToneResult *reading,
                         GPtrArray *why)
{
    SentenceThemes st = {set, ((const CsbParagraph *)a->inspection->paragraphs->pdata[i])->text,
                         NULL};
    const CsbInspection *in = a->inspection;
    for (guint s = 0; s < a->selection->len; s++) {
        const CsbTheme *theme = a->selection->pdata[s];
        guint t = csb_analyses_theme_index(set, s);
        const CsbThemeHit *h = t != G_MAXUINT ? hit_of(hits, t) : NULL;
        if (t != G_MAXUINT && !h)
            continue; /* the usual case: not this theme */
        GPtrArray *found = g_ptr_array_new_full(h ? h->phrases->len : 1, g_free);
        double score = 0;
        if (h) {
            for (guint k = 0; k < h->phrases->len; k++)
                g_ptr_array_add(found,
                                g_strdup(theme->phrases->pdata[g_array_index(h->phrases, guint, k)]));
            score = h->score;
        } else {
            csb_theme_find_in_form(theme, form, found, &score); /* a theme from elsewhere */
        }
        if (found->len) {
            CsbEvidence *e = csb_evidence_new(in, i, theme, found, score, reading, why);
            narrow(e, set, &st, t);
            g_ptr_array_add(a->evidence->pdata[s], e);
        } else {
            g_ptr_array_free(found, TRUE);
        }
    }
    if (st.hits)
        g_ptr_array_free(st.hits, TRUE);
}

static void analyse_paragraphs(CsbReportAnalysis *a, CsbAnalyses *set, Counts *c)
{
    const CsbAnalysisRules *rules = csb_analyses_rules(set);
    const CsbThemeLibrary *lib = csb_analyses_library(set);
    const CsbInspection *in = a->inspection;
    for (guint i = 0; i < in->paragraphs->len; i++) {
        const CsbParagraph *p = in->paragraphs->pdata[i];
        char *form = csb_themes_match_form(p->text);
        GArray *hits = rules->find_themes(lib, form);
        GPtrArray *why = g_ptr_array_new_with_free_func(g_free);
        CsbToneResult *reading = rules->classify(lib, p->text, p->section, why);
        CsbParagraphAnalysis pa = {reading->tone, a->paragraph_themes->len, hits->len};
        for (guint k = 0; k < hits->len; k++)
            g_array_append_val(a->paragraph_themes, g_array_index(hits, CsbThemeHit, k).theme);
        g_array_append_val(a->paragraphs, pa);
        add_evidence(a, set, form, hits, i, reading, why);
        rules->words(set, p->text, c->stems, c->words);
        count_text(c, set, hits);
        g_ptr_array_unref(why); /* its evidence holds references */
        csb_tone_result_free(reading); /* to both */
        csb_theme_hits_free(hits);
        g_free(form);
    }
}

static void finding_analysis_free(gpointer p)
{
    CsbFindingAnalysis *f = p;
    g_array_free(f->issues, TRUE);
    g_ptr_array_free(f->themes, TRUE);
    g_ptr_array_free(f->tokens, TRUE);
    g_ptr_array_free(f->shown, TRUE);
    g_free(f);
}

/* The issues a finding names, and how many of them it is mainly about:
 * those named before the subject ends, at least the first. */
static void issues_of_finding(CsbFindingAnalysis *fa, const CsbRecurrence *r, const char *form)
{
    fa->issues = csb_recurrence_find(r, form);
    gsize end = csb_recurrence_subject_end(r, form);
    while (fa->subject < fa->issues->len &&
           g_array_index(fa->issues, CsbIssueHit, fa->subject).offset < end)
        fa->subject++;
    if (!fa->subject && fa->issues->len)
        fa->subject = 1;
}

/* The tokens of each sentence saying a weakness was raised before, read
 * as a finding's are: the words may name the earlier finding ("The
 * assessment of and response to risk for vulnerable care leavers was
 * identified as an area for improvement at the last inspection"). */
static void tokens_of_declarations(CsbReportAnalysis *a, CsbAnalyses *set, Counts *c)
{
    const CsbAnalysisRules *rules = csb_analyses_rules(set);
    for (guint d = 0; d < a->declarations->len; d++) {
        CsbDeclaration *dc = a->declarations->pdata[d];
        dc->tokens = g_ptr_array_new();
        rules->words(set, dc->sentence, c->stems, c->words);
        for (guint i = 0; i < c->stems->len; i++)
            g_ptr_array_add(dc->tokens,
                            (gpointer)csb_analyses_intern(set, c->stems->pdata[i], NULL));
        /* Not counted: its paragraph's words were. */
        g_ptr_array_set_size(c->stems, 0);
        g_ptr_array_set_size(c->words, 0);
    }
}

/* The themes a finding speaks to, in library order: those its phrases
 * found (hits), and those whose finding wordings it uses ("fostering
 * capacity", "care leaver": `findings:` in templates/themes.yaml), which
 * name what an area for improvement is about though a paragraph may say
 * them in passing. Only the first kind are tokens: what links findings
 * across reports (recurrence) reads the phrases alone. */
static void finding_themes(CsbFindingAnalysis *fa, const CsbThemeLibrary *lib,
                           const GArray *hits)
{
    for (guint t = 0; t < csb_themes_count(lib); t++) {
        const CsbTheme *theme = csb_themes_at(lib, t);
        gboolean hit = FALSE;
        for (guint i = 0; i < hits->len && !hit; i++)
            hit = g_array_index(hits, CsbThemeHit, i).theme == t;
        if (hit || csb_theme_text_has_phrase(theme, fa->finding->text, theme->finding_phrases))
            g_ptr_array_add(fa->themes, (gpointer)theme);
    }
}

static void analyse_findings(CsbReportAnalysis *a, CsbAnalyses *set, Counts *c)
{
    const CsbAnalysisRules *rules = csb_analyses_rules(set);
    const CsbThemeLibrary *lib = csb_analyses_library(set);
    const CsbInspection *in = a->inspection;
    for (guint k = 0; k < in->findings->len; k++) {
        const CsbFinding *f = in->findings->pdata[k];
        CsbFindingAnalysis *fa = g_new0(CsbFindingAnalysis, 1);
        fa->finding = f;
        fa->themes = g_ptr_array_new();
        fa->tokens = g_ptr_array_new();
        fa->shown = g_ptr_array_new();
        char *form = csb_themes_match_form(f->text);
        GArray *hits = rules->find_themes(lib, form);
        rules->words(set, f->text, c->stems, c->words);
        for (guint i = 0; i < c->stems->len; i++) {
            g_ptr_array_add(fa->tokens,
                            (gpointer)csb_analyses_intern(set, c->stems->pdata[i], NULL));
            g_ptr_array_add(fa->shown, (gpointer)csb_analyses_intern(set, c->words->pdata[i], NULL));
        }
        for (guint i = 0; i < hits->len; i++) {
            guint t = g_array_index(hits, CsbThemeHit, i).theme;
            const CsbTheme *theme = csb_themes_at(lib, t);
            g_ptr_array_add(fa->tokens, (gpointer)csb_analyses_theme_token_text(set, t));
            g_ptr_array_add(fa->shown, (gpointer)csb_analyses_intern(set, theme->id, NULL));
        }
        finding_themes(fa, lib, hits);
        count_text(c, set, hits);
        csb_theme_hits_free(hits);
        issues_of_finding(fa, csb_analyses_recurrence(set), form);
        g_free(form);
        g_ptr_array_add(a->findings, fa);
    }
}

CsbReportAnalysis *csb_report_analysis_new(CsbAnalyses *set, const CsbInspection *in)
{
    CsbReportAnalysis *a = g_new0(CsbReportAnalysis, 1);
    a->inspection = in;
    a->selection = csb_analyses_selection(set);
    a->token_names = csb_analyses_token_names(set);
    a->paragraphs = g_array_sized_new(FALSE, FALSE, sizeof(CsbParagraphAnalysis),
                                      in->paragraphs->len);
    a->paragraph_themes = g_array_new(FALSE, FALSE, sizeof(guint));
    a->evidence = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
    for (guint s = 0; s < a->selection->len; s++)
        g_ptr_array_add(a->evidence,
                        g_ptr_array_new_with_free_func((GDestroyNotify)csb_evidence_free));
    a->findings = g_ptr_array_new_with_free_func(finding_analysis_free);
    Counts c = {g_hash_table_new(NULL, NULL),
                g_ptr_array_new_with_free_func(g_free), g_ptr_array_new_with_free_func(g_free)};
    analyse_paragraphs(a, set, &c);
    analyse_findings(a, set, &c);
    a->declarations = csb_analysis_declarations(csb_analyses_recurrence(set), in);
    tokens_of_declarations(a, set, &c);
    a->texts = in->paragraphs->len + in->findings->len;
    a->tokens = g_array_sized_new(FALSE, FALSE, sizeof(CsbTokenCount), g_hash_table_size(c.df));
    GHashTableIter it;
    gpointer key, n;
    g_hash_table_iter_init(&it, c.df);
    while (g_hash_table_iter_next(&it, &key, &n)) {
        CsbTokenCount tc = {GPOINTER_TO_UINT(key) - 1, GPOINTER_TO_UINT(n)};
        g_array_append_val(a->tokens, tc);
    }
    g_hash_table_destroy(c.df);
    g_ptr_array_free(c.stems, TRUE);
    g_ptr_array_free(c.words, TRUE);
    return a;
}

void csb_report_analysis_free(CsbReportAnalysis *a)
{
    if (!a)
        return;
    g_array_free(a->paragraphs, TRUE);
    g_array_free(a->paragraph_themes, TRUE);
    g_ptr_array_free(a->evidence, TRUE);
    g_ptr_array_free(a->findings, TRUE);
    g_ptr_array_free(a->declarations, TRUE);
    g_array_free(a->tokens, TRUE);
    g_free(a);
}

const GPtrArray *csb_report_analysis_evidence(const CsbReportAnalysis *a, const CsbTheme *theme)
{
    for (guint s = 0; s < a->selection->len; s++)
        if (a->selection->pdata[s] == theme)
            return a->evidence->pdata[s];
    return NULL;
}

const char *csb_report_analysis_token(const CsbReportAnalysis *a, guint32 token)
{
    return a->token_names->pdata[token];
}

gboolean csb_report_analysis_finding_has(const CsbReportAnalysis *a, guint k,
                                         const CsbTheme *theme)
{
    const CsbFindingAnalysis *f = a->findings->pdata[k];
    for (guint i = 0; i < f->themes->len; i++)
        if (f->themes->pdata[i] == theme)
            return TRUE;
    return FALSE;
}
