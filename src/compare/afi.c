/* afi.c - areas for improvement tracked across inspections.
 *
 * Each finding (area for improvement, recommendation or priority action)
 * is linked to the most recent earlier report of the authority that
 * raised the same weakness, and the link says why. A finding is read (by
 * its report's analysis, src/analysis, and data/recurrence.yaml) as:
 *   - the issues it names (return home interviews, private fostering, the
 *     quality of assessments ...), in order, and which of them it is
 *     mainly about: those named before "so that", "to ensure" ...;
 *   - its significant words, cut to a crude stem, and its library themes,
 *     each weighted by how rare it is in the authority's own reports: a
 *     word in every paragraph, like "plans", says little; "fostering" a
 *     lot. The similarity of two findings is the weight of the tokens they
 *     share over the weight of all their tokens (weighted Jaccard, 0..1).
 *
 * Two findings are on one weakness when
 *   - both are mainly about a specific issue (not a broad one such as
 *     assessments or plans) they share, with similarity at least
 *     AFI_ISSUE_SIMILARITY, or AFI_HEAD_SIMILARITY when that issue is the
 *     first each names; or
 *   - neither is mainly about a specific issue, both are first about the
 *     same broad one, with similarity at least AFI_BROAD_SIMILARITY, or at
 *     any similarity when the data says that issue links alone
 *     (supervision and management oversight, quality assurance ...).
 * Sharing the issue alone (the conditions without the similarity) is a
 * looser tie: once a report raised the weakness, a later report whose
 * finding is tied so is the more recent one that raised it. A finding
 * about broad issues only is also tied so to one whose subject names its
 * first issue anywhere.
 *
 * The report's own words come first: when a sentence of the finding's
 * report says a weakness about a specific issue the finding is mainly about
 * (or, for a finding about broad issues only, one the sentence names
 * itself) was raised before ("This was a recommendation at the last
 * inspection"), the finding is linked to the report the sentence names
 * (the last inspection, or the last focused or monitoring visit, or the
 * one of the year named), or, when that report has no finding on it, does
 * not name the issue in its text either and no year is named, to the most
 * recent older one with a finding on it. When the report named is not
 * among those read, the finding is recurring; it has no link when the
 * sentence names the issue itself (and no report read after the year it
 * names raised it), else the link it would have without the words, if any.
 *
 * Status: recurring when linked (or declared); not raised again when no
 * later finding is linked to it and a later report that could have raised
 * it exists (a graded inspection, or a report of the same kind, with
 * findings of its own); new otherwise.
 */
#include "compare.h"

#include <math.h>
#include <string.h>

/* Chosen on the labelled pairs of tests/recurrence (all 30 authorities,
 * leaving one out at a time; docs/compare.md gives the figures): */
#define AFI_ISSUE_SIMILARITY 0.13 /* a specific issue both are about */
#define AFI_HEAD_SIMILARITY 0.08  /* ... the first each names */
#define AFI_BROAD_SIMILARITY 0.25 /* a broad issue both are first about */
/* A report linked by the later report's own words: its finding closest in
 * wording, when none shares the issue, shown if at least this close. */
#define AFI_DECLARED_SIMILARITY 0.20
/* ... or, when none is that close, the one the words name: at least this
 * share of its words' weight in the declaring sentence. */
#define AFI_NAMED_SHARE 0.6

/* How rare each token is in the authority's reports: idf = ln((N + 1) /
 * (df + 0.5)), N paragraphs and findings (at least AFI_MIN_TEXTS), df those
 * that use the token. */
typedef struct {
    GHashTable *df; /* token -> count (GINT_TO_POINTER) */
    guint n;
} Rarity;

/* A report's token counts (from its analysis) added to the story's. */
static void rarity_add(Rarity *r, const CsbReportAnalysis *a)
{
    for (guint i = 0; i < a->tokens->len; i++) {
        const CsbTokenCount *tc = &g_array_index(a->tokens, CsbTokenCount, i);
        const char *token = csb_report_analysis_token(a, tc->token);
        int c = GPOINTER_TO_INT(g_hash_table_lookup(r->df, token));
        g_hash_table_insert(r->df, (gpointer)token, GINT_TO_POINTER(c + (int)tc->texts));
    }
    r->n += a->texts;
}

/* At least this many texts are assumed, so that in a story of one or two
 * short reports every word does not look common. */
#define AFI_MIN_TEXTS 100

static double weight(const Rarity *r, const char *stem_)
{
    int df = GPOINTER_TO_INT(g_hash_table_lookup(r->df, stem_));
    return log((MAX(r->n, AFI_MIN_TEXTS) + 1.0) / (df + 0.5));
}

/* One finding as matched. */
typedef struct {
    CsbAfiTrack *track;
    GHashTable *words;               /* token -> what a reader is shown for it */
    const CsbFindingAnalysis *fa;
    const CsbReportAnalysis *report; /* its report's analysis */
    guint at;                        /* its report's place in the story */
    double weight;                   /* of all its tokens */
    guint link_at;                   /* the place of the report it is linked to */
} Item;

/* How two findings compare. */
typedef struct {
    double similarity;
    guint shared;   /* specific issues both are mainly about */
    gboolean head;  /* both first name the same issue */
    gboolean tied;  /* on one issue (the looser tie) */
    gboolean same;  /* on one weakness */
} Pair;

static void match_free(gpointer p)
{
    CsbAfiMatch *m = p;
    g_ptr_array_free(m->issues, TRUE);
    g_ptr_array_free(m->themes, TRUE);
    g_ptr_array_free(m->shared_words, TRUE);
    g_free(m);
}

static void track_free(gpointer p)
{
    CsbAfiTrack *t = p;
    g_ptr_array_free(t->themes, TRUE);
    g_ptr_array_free(t->earlier, TRUE);
    g_ptr_array_free(t->later, TRUE);
    g_free(t->declared);
    g_free(t);
}

/* Stems, heaviest first. */
static gint by_weight(gconstpointer a, gconstpointer b, gpointer data)
{
    const Rarity *r = data;
    const char *x = *(char *const *)a, *y = *(char *const *)b;
    double wx = weight(r, x), wy = weight(r, y);
    return wx > wy ? -1 : wx < wy ? 1 : strcmp(x, y);
}

/* The weight of the tokens of set a that set b holds too. */
static double shared_weight(const Rarity *r, GHashTable *a, GHashTable *b)
{
    double sum = 0;
    GHashTableIter it;
    gpointer key;
    g_hash_table_iter_init(&it, a);
    while (g_hash_table_iter_next(&it, &key, NULL))
        if (g_hash_table_contains(b, key))
            sum += weight(r, key);
    return sum;
}

static double set_weight(const Rarity *r, GHashTable *set)
{
    double sum = 0;
    GHashTableIter it;
    gpointer key;
    g_hash_table_iter_init(&it, set);
    while (g_hash_table_iter_next(&it, &key, NULL))
        sum += weight(r, key);
    return sum;
}

/* The issue a finding is about at place k of its subject, and whether it
 * is broad. */
static guint issue_at(const CsbFindingAnalysis *fa, guint k)
{
    return g_array_index(fa->issues, CsbIssueHit, k).issue;
}

static gboolean specific(const CsbRecurrence *rec, guint issue)
{
    return !csb_recurrence_issue(rec, issue)->broad;
}

/* Does a's subject include the specific issue? */
static gboolean about(const CsbFindingAnalysis *fa, const CsbRecurrence *rec, guint issue)
{
    for (guint k = 0; k < fa->subject; k++)
        if (issue_at(fa, k) == issue)
            return TRUE;
    return FALSE;
}

/* The specific issues of a finding's subject. */
static guint specific_count(const CsbFindingAnalysis *fa, const CsbRecurrence *rec)
{
    guint n = 0;
    for (guint k = 0; k < fa->subject; k++)
        n += specific(rec, issue_at(fa, k));
    return n;
}

static Pair judge(const Item *a, const Item *b, const Rarity *r, const CsbRecurrence *rec)
{
    Pair p = {0, 0, FALSE, FALSE, FALSE};
    double shared = shared_weight(r, a->words, b->words);
    double all = a->weight + b->weight - shared;
    p.similarity = all > 0 ? shared / all : 0;
    if (!rec)
        return p;
    const CsbFindingAnalysis *x = a->fa, *y = b->fa;
    for (guint k = 0; k < x->subject; k++) {
        guint issue = issue_at(x, k);
        p.shared += specific(rec, issue) && about(y, rec, issue);
    }
    p.head = x->subject && y->subject && issue_at(x, 0) == issue_at(y, 0);
    gboolean specific_head = p.head && specific(rec, issue_at(x, 0));
    gboolean broad_only = !specific_count(x, rec) && !specific_count(y, rec) && p.head;
    /* A later finding about broad issues only is tied to an earlier one
     * whose subject names its first issue, whatever else it names. */
    gboolean broad_named = x->subject && !specific_count(x, rec) && about(y, rec, issue_at(x, 0));
    p.tied = p.shared > 0 || broad_only || broad_named;
    p.same = (p.shared > 0 && (p.similarity >= AFI_ISSUE_SIMILARITY ||
                               (specific_head && p.similarity >= AFI_HEAD_SIMILARITY))) ||
             (broad_only && (p.similarity >= AFI_BROAD_SIMILARITY ||
                             csb_recurrence_issue(rec, issue_at(x, 0))->alone));
    return p;
}

/* What the two share, for a reader: the issues both are about, the themes
 * and the words (heaviest first, as the later finding writes them). */
static CsbAfiMatch *match_new(const Item *later, const Item *earlier, const Pair *p,
                              const Rarity *r, const CsbRecurrence *rec)
{
    CsbAfiMatch *m = g_new0(CsbAfiMatch, 1);
    m->inspection = earlier->track->inspection;
    m->finding = earlier->track->finding;
    m->similarity = p->similarity;
    m->issues = g_ptr_array_new_with_free_func(g_free);
    m->themes = g_ptr_array_new_with_free_func(g_free);
    m->shared_words = g_ptr_array_new_with_free_func(g_free);
    const CsbFindingAnalysis *x = later->fa;
    for (guint k = 0; rec && k < x->subject; k++) {
        guint issue = issue_at(x, k);
        gboolean both = p->shared ? specific(rec, issue) && about(earlier->fa, rec, issue)
                                  : k == 0 && p->head;
        if (both)
            g_ptr_array_add(m->issues, g_strdup(csb_recurrence_issue(rec, issue)->title));
    }
    GPtrArray *stems = g_ptr_array_new();
    GHashTableIter it;
    gpointer key;
    g_hash_table_iter_init(&it, later->words);
    while (g_hash_table_iter_next(&it, &key, NULL))
        if (g_hash_table_contains(earlier->words, key))
            g_ptr_array_add(stems, key);
    g_ptr_array_sort_with_data(stems, by_weight, (gpointer)r);
    for (guint i = 0; i < stems->len; i++) {
        const char *shown = g_hash_table_lookup(later->words, stems->pdata[i]);
        g_ptr_array_add(*(const char *)stems->pdata[i] == '#' ? m->themes : m->shared_words,
                        g_strdup(shown));
    }
    g_ptr_array_free(stems, TRUE);
    return m;
}

/* A copy of m seen from the other side (for the earlier track's later list). */
static CsbAfiMatch *match_reverse(const CsbAfiMatch *m, const CsbAfiTrack *later)
{
    CsbAfiMatch *r = g_new0(CsbAfiMatch, 1);
    r->inspection = later->inspection;
    r->finding = later->finding;
    r->similarity = m->similarity;
    r->declared = m->declared;
    r->issues = g_ptr_array_new_full(m->issues->len, g_free);
    r->themes = g_ptr_array_new_full(m->themes->len, g_free);
    r->shared_words = g_ptr_array_new_full(m->shared_words->len, g_free);
    for (guint i = 0; i < m->issues->len; i++)
        g_ptr_array_add(r->issues, g_strdup(m->issues->pdata[i]));
    for (guint i = 0; i < m->themes->len; i++)
        g_ptr_array_add(r->themes, g_strdup(m->themes->pdata[i]));
    for (guint i = 0; i < m->shared_words->len; i++)
        g_ptr_array_add(r->shared_words, g_strdup(m->shared_words->pdata[i]));
    return r;
}

const char *csb_afi_status_id(CsbAfiStatus s)
{
    switch (s) {
    case CSB_AFI_RECURRING:
        return "recurring";
    case CSB_AFI_NOT_RAISED_AGAIN:
        return "not_raised_again";
    case CSB_AFI_NEW:
    default:
        return "new";
    }
}

/* Is there a report after t's that could have raised its finding again? */
static gboolean could_be_raised_later(const CsbFrameworks *fw, const CsbStory *s,
                                      const CsbAfiTrack *t)
{
    gboolean after = FALSE;
    for (guint i = 0; i < s->inspections->len; i++) {
        const CsbInspection *in = s->inspections->pdata[i];
        if (in == t->inspection) {
            after = TRUE;
            continue;
        }
        if (after && in->findings->len &&
            (csb_frameworks_graded(fw, in->kind) || in->kind == t->inspection->kind))
            return TRUE;
    }
    return FALSE;
}

/* What a finding says, for matching: its tokens (significant words and
 * themes), each to what a reader is shown for it. */
static GHashTable *meaning_of(const CsbFindingAnalysis *f)
{
    GHashTable *set = g_hash_table_new(g_str_hash, g_str_equal); /* borrows */
    for (guint i = 0; i < f->tokens->len; i++)
        g_hash_table_insert(set, f->tokens->pdata[i], f->shown->pdata[i]);
    return set;
}

/* ---- the report's own words ------------------------------------------------ */

/* The sentence of a finding's report saying a weakness about its issue was
 * raised before: one about a specific issue the finding is mainly about,
 * or, when it is about broad issues only, naming one of them itself. */
static const CsbDeclaration *declaration_for(const Item *it, const CsbRecurrence *rec,
                                             guint *issue_out)
{
    const CsbFindingAnalysis *fa = it->fa;
    const GPtrArray *ds = it->report->declarations;
    gboolean any_specific = specific_count(fa, rec) > 0;
    for (guint d = 0; d < ds->len; d++) {
        const CsbDeclaration *dc = ds->pdata[d];
        const GArray *in = any_specific ? dc->issues : dc->sentence_issues;
        for (guint i = 0; i < in->len; i++) {
            guint issue = g_array_index(in, guint, i);
            if (about(fa, rec, issue) && (!any_specific || specific(rec, issue))) {
                *issue_out = issue;
                return dc;
            }
        }
    }
    return NULL;
}

/* ---- linking ------------------------------------------------------------ */

typedef struct {
    GArray *items;      /* Item, in story order */
    Rarity rarity;
    const CsbRecurrence *rec;
    const CsbFrameworks *fw;
    const CsbStory *story;
} Tracker;

/* The best finding of report at for item (the same weakness first, then
 * the one sharing most issues, then one first about the same issue, then
 * the closest), or -1; with its pair. */
static gint best_in(const Tracker *tk, const Item *it, guint at, gboolean tied_only, Pair *best)
{
    gint found = -1;
    for (guint k = 0; k < tk->items->len; k++) {
        const Item *e = &g_array_index(tk->items, Item, k);
        if (e->at != at)
            continue;
        Pair p = judge(it, e, &tk->rarity, tk->rec);
        if (tied_only && !p.tied)
            continue;
        if (found < 0 || p.same > best->same ||
            (p.same == best->same &&
             (p.shared > best->shared ||
              (p.shared == best->shared &&
               (p.head > best->head ||
                (p.head == best->head && p.similarity > best->similarity)))))) {
            found = (gint)k;
            *best = p;
        }
    }
    return found;
}

/* Does report at hold a finding on item's weakness (same), or tied to it? */
static gboolean report_has(const Tracker *tk, const Item *it, guint at, gboolean same)
{
    Pair p;
    gint k = best_in(tk, it, at, TRUE, &p);
    return k >= 0 && (!same || p.same);
}

/* Link it to finding k (or, k < 0, to report at's text) as raised before. */
static void link_to(Tracker *tk, Item *it, gint k, guint at, const Pair *p, gboolean declared)
{
    CsbAfiMatch *m;
    if (k >= 0) {
        m = match_new(it, &g_array_index(tk->items, Item, k), p, &tk->rarity, tk->rec);
    } else {
        m = g_new0(CsbAfiMatch, 1);
        m->inspection = tk->story->inspections->pdata[at];
        m->issues = g_ptr_array_new_with_free_func(g_free);
        m->themes = g_ptr_array_new_with_free_func(g_free);
        m->shared_words = g_ptr_array_new_with_free_func(g_free);
    }
    m->declared = declared;
    it->track->raised_before = m;
    it->link_at = at;
}

/* Words naming a report not read (a focused visit, an inspection before
 * the reports begin) say the weakness recurs. They say where too when the
 * sentence names the issue itself: then the ordinary link stands only when
 * a report read after the year they name has a finding on the weakness (it
 * raised it more recently). When the issue is lent by a sentence beside
 * them, they say nothing of where, and the ordinary link stands. */
static gboolean unread_is_latest(const Tracker *tk, const Item *it, const CsbDeclaration *d,
                                 guint issue)
{
    gboolean itself = FALSE;
    for (guint i = 0; i < d->sentence_issues->len && !itself; i++)
        itself = g_array_index(d->sentence_issues, guint, i) == issue;
    if (!itself)
        return FALSE;
    char *form = csb_themes_match_form(d->sentence);
    int year = csb_afi_year_named(form);
    g_free(form);
    for (guint j = it->at; year && j > 0; j--) {
        const CsbInspection *in = tk->story->inspections->pdata[j - 1];
        if (csb_inspection_date(in).year > year && report_has(tk, it, j - 1, TRUE))
            return FALSE;
    }
    return TRUE;
}

/* The finding of report at that the declaring words name, or -1: the one
 * most of whose words (by weight) the sentence uses, at least
 * AFI_NAMED_SHARE of them ("The assessment of and response to risk for
 * vulnerable care leavers was identified as an area for improvement at the
 * last inspection" names "The assessment of and response to risks for
 * vulnerable care leavers"). */
static gint named_by_words(const Tracker *tk, const CsbDeclaration *d, guint at)
{
    GHashTable *said = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; d->tokens && i < d->tokens->len; i++)
        g_hash_table_add(said, d->tokens->pdata[i]);
    gint found = -1;
    double best = AFI_NAMED_SHARE;
    for (guint k = 0; k < tk->items->len; k++) {
        const Item *e = &g_array_index(tk->items, Item, k);
        if (e->at != at || e->weight <= 0)
            continue;
        double shared = shared_weight(&tk->rarity, e->words, said);
        if (shared / e->weight >= best) {
            best = shared / e->weight;
            found = (gint)k;
        }
    }
    g_hash_table_destroy(said);
    return found;
}

/* The report's words to show for declaration d linking a finding on
 * issue: its sentence, and when the issue is lent by a sentence beside it,
 * that sentence too, with an ellipsis for those between ("The last focused
 * visit, in 2022, highlighted that the progression of permanence plans ...
 * needed to improve ... This is still an area of practice which requires
 * further improvement, including the management oversight provided by
 * independent reviewing officers (IROs)." for a finding on IROs). */
static char *declared_words(const CsbRecurrence *rec, const CsbDeclaration *d, guint issue)
{
    for (guint i = 0; i < d->sentence_issues->len; i++)
        if (g_array_index(d->sentence_issues, guint, i) == issue)
            return g_strdup(d->sentence);
    GString *out = g_string_new(NULL);
    gint last = -1;
    for (guint i = 0; i < d->context->len; i++) {
        gboolean keep = i == d->said;
        if (!keep) {
            char *form = csb_themes_match_form(d->context->pdata[i]);
            GArray *hits = csb_recurrence_find(rec, form);
            for (guint h = 0; h < hits->len && !keep; h++)
                keep = g_array_index(hits, CsbIssueHit, h).issue == issue;
            g_array_free(hits, TRUE);
            g_free(form);
        }
        if (!keep)
            continue;
        if (last >= 0)
            g_string_append(out, (gint)i == last + 1 ? " " : " \u2026 ");
        g_string_append(out, d->context->pdata[i]);
        last = (gint)i;
    }
    return g_string_free(out, FALSE);
}

/* The report's own words: link to the report they name. FALSE when they
 * leave the finding to be linked as without them (none, or words naming a
 * report not read that do not say it raised the weakness last). */
static gboolean link_declared(Tracker *tk, Item *it)
{
    guint issue = 0;
    const CsbDeclaration *d = tk->rec ? declaration_for(it, tk->rec, &issue) : NULL;
    if (!d)
        return FALSE;
    CsbAfiTrack *t = it->track;
    t->declared = declared_words(tk->rec, d, issue);
    t->declared_in = t->inspection->paragraphs->pdata[d->paragraph];
    gint at = csb_afi_report_named(tk->story, it->at, d->sentence, tk->fw);
    if (at < 0) {
        t->declared_unread = TRUE;
        return unread_is_latest(tk, it, d, issue);
    }
    /* Named by its year: that report. Else, when it has no finding on the
     * weakness and its text does not name the issue either, the most recent
     * older one with a finding on it (the words mean the last report that
     * raised it). */
    char *form = csb_themes_match_form(d->sentence);
    gboolean dated = csb_afi_year_named(form) != 0;
    g_free(form);
    if (!dated && !report_has(tk, it, (guint)at, FALSE) &&
        !csb_afi_text_names(tk->story->inspections->pdata[at], tk->rec, issue))
        for (gint j = at - 1; j >= 0; j--)
            if (report_has(tk, it, (guint)j, TRUE)) {
                at = j;
                break;
            }
    Pair p;
    gint k = best_in(tk, it, (guint)at, TRUE, &p);
    if (k < 0) {
        k = best_in(tk, it, (guint)at, FALSE, &p);
        if (k >= 0 && p.similarity < AFI_DECLARED_SIMILARITY)
            k = -1;
    }
    if (k < 0 && (k = named_by_words(tk, d, (guint)at)) >= 0)
        p = judge(it, &g_array_index(tk->items, Item, k), &tk->rarity, tk->rec);
    link_to(tk, it, k, (guint)at, &p, TRUE);
    return TRUE;
}

/* Findings: once an earlier report raised the weakness (a finding on it),
 * the most recent report with a finding tied to it. */
static void link_matched(Tracker *tk, Item *it)
{
    gint strong = -1;
    for (guint j = it->at; j > 0 && strong < 0; j--)
        if (report_has(tk, it, j - 1, TRUE))
            strong = (gint)(j - 1);
    if (strong < 0)
        return;
    for (guint j = it->at; j > (guint)strong; j--)
        if (report_has(tk, it, j - 1, FALSE)) {
            strong = (gint)(j - 1);
            break;
        }
    Pair p;
    gint k = best_in(tk, it, (guint)strong, TRUE, &p);
    link_to(tk, it, k, (guint)strong, &p, FALSE);
}

/* Every earlier finding on the same weakness, and the link, into the
 * track's earlier list (oldest first), and each the other way into the
 * earlier one's later list. A link to a report's text sits before that
 * report's findings. */
static void record(Tracker *tk, Item *it)
{
    CsbAfiTrack *t = it->track;
    CsbAfiMatch *link_m = (CsbAfiMatch *)t->raised_before;
    gboolean pending = link_m && !link_m->finding;
    for (guint k = 0; k < tk->items->len; k++) {
        Item *e = &g_array_index(tk->items, Item, k);
        if (e->at >= it->at)
            break;
        if (pending && e->at >= it->link_at) {
            g_ptr_array_add(t->earlier, link_m);
            pending = FALSE;
        }
        CsbAfiMatch *m = NULL;
        if (link_m && link_m->finding == e->track->finding) {
            m = link_m;
        } else {
            Pair p = judge(it, e, &tk->rarity, tk->rec);
            if (p.same)
                m = match_new(it, e, &p, &tk->rarity, tk->rec);
        }
        if (m) {
            g_ptr_array_add(t->earlier, m);
            g_ptr_array_add(e->track->later, match_reverse(m, t));
        }
    }
    if (pending)
        g_ptr_array_add(t->earlier, link_m); /* a report with no findings, the latest */
}

void csb_compare_track_afis(CsbComparison *c, CsbStory *s, const CsbCompareInput *input)
{
    g_ptr_array_set_free_func(s->afis, track_free);
    Tracker tk = {g_array_new(FALSE, FALSE, sizeof(Item)),
                  {g_hash_table_new(g_str_hash, g_str_equal), 0}, /* tokens borrowed */
                  input->recurrence, csb_areas_frameworks(input->areas), s};
    for (guint i = 0; i < s->inspections->len; i++) {
        const CsbInspection *in = s->inspections->pdata[i];
        const CsbReportAnalysis *a = csb_compare_analysis(c, input, in);
        rarity_add(&tk.rarity, a);
        for (guint k = 0; k < a->findings->len; k++) {
            const CsbFindingAnalysis *f = a->findings->pdata[k];
            CsbAfiTrack *t = g_new0(CsbAfiTrack, 1);
            t->inspection = in;
            t->finding = f->finding;
            t->themes = g_ptr_array_new_with_free_func(g_free);
            for (guint x = 0; x < f->themes->len; x++)
                g_ptr_array_add(t->themes, g_strdup(((const CsbTheme *)f->themes->pdata[x])->id));
            t->earlier = g_ptr_array_new_with_free_func(match_free);
            t->later = g_ptr_array_new_with_free_func(match_free);
            Item it = {t, meaning_of(f), f, a, i, 0, 0};
            g_array_append_val(tk.items, it);
            g_ptr_array_add(s->afis, t);
        }
    }
    /* Weights need every report's counts. */
    for (guint i = 0; i < tk.items->len; i++) {
        Item *it = &g_array_index(tk.items, Item, i);
        it->weight = set_weight(&tk.rarity, it->words);
    }
    for (guint i = 0; i < tk.items->len; i++) {
        Item *it = &g_array_index(tk.items, Item, i);
        if (!link_declared(&tk, it))
            link_matched(&tk, it);
        record(&tk, it);
    }
    for (guint i = 0; i < tk.items->len; i++) {
        Item *it = &g_array_index(tk.items, Item, i);
        CsbAfiTrack *t = it->track;
        if (t->raised_before || t->declared_unread)
            t->status = CSB_AFI_RECURRING;
        else if (!t->later->len && could_be_raised_later(tk.fw, s, t))
            t->status = CSB_AFI_NOT_RAISED_AGAIN;
        else
            t->status = CSB_AFI_NEW;
        g_hash_table_destroy(it->words);
    }
    g_array_free(tk.items, TRUE);
    g_hash_table_destroy(tk.rarity.df);
}
