/* members_questions.c - the members' summary's questions members may wish
 * to ask, only from the latest report: its areas for improvement (those
 * raised before first, asked why; one raised before and not among a later
 * inspection's findings asked about as one that came back), grades it
 * lowered (one question, areas with the same change grouped) and themes
 * whose paragraphs raise concerns; at most six, the rest counted. None is
 * invented: when the report raises nothing, it says so.
 */
#include "members.h"

#include <string.h>

static char *finding_phrase(const char *text)
{
    char *s = csb_members_finding_words(text);
    size_t n = strlen(s);
    while (n && (s[n - 1] == '.' || s[n - 1] == ' '))
        s[--n] = '\0';
    if (n > 1 && g_ascii_isupper(s[0]) && !g_ascii_isupper(s[1]))
        s[0] = (char)g_ascii_tolower(s[0]);
    return s;
}

/* The latest graded inspection with findings between report from and
 * report to (in story order), or NULL: one that did not raise a weakness
 * both raised. */
static const CsbInspection *graded_between(const CsbFormatter *fm, const CsbInspection *from,
                                           const CsbInspection *to)
{
    const CsbInspection *found = NULL;
    gboolean after = FALSE;
    for (guint i = 0; i < fm->focus->inspections->len; i++) {
        const CsbInspection *in = fm->focus->inspections->pdata[i];
        if (in == to)
            break;
        if (after && in->findings->len && csb_frameworks_graded(fm->frameworks, in->kind))
            found = in;
        after |= in == from;
    }
    return found;
}

/* The latest report's areas for improvement as questions, those raised
 * before first (recurring: TRUE) or the others (FALSE). A weakness raised
 * before and not among the findings of a graded inspection between is
 * asked about as one that came back, not as one never resolved (that
 * inspection's text may still have raised it). */
static void afi_questions(CsbFormatter *fm, GPtrArray *out, GPtrArray *tracks,
                          const CsbInspection *latest, gboolean recurring)
{
    for (guint i = 0; i < fm->focus->afis->len; i++) {
        const CsbAfiTrack *a = fm->focus->afis->pdata[i];
        if (a->inspection != latest || (a->status == CSB_AFI_RECURRING) != recurring)
            continue;
        char *what = finding_phrase(a->finding->text);
        CsbRich *r = csb_rich_add(csb_rich_new(), 0, "Inspectors asked for improvement in ");
        csb_rich_add(r, CSB_STYLE_BOLD, what);
        if (a->status == CSB_AFI_RECURRING) {
            const CsbInspection *gap =
                a->raised_before ? graded_between(fm, a->raised_before->inspection, latest)
                                 : NULL;
            if (a->raised_before) {
                char *name = csb_fmt_name_report(fm, a->raised_before->inspection);
                csb_rich_addf(r, 0, ". It was raised before (%s)", name);
                g_free(name);
            } else {
                csb_rich_add(r, 0, ". The report says it was raised before");
            }
            if (gap) {
                char *name = csb_fmt_name_report(fm, gap);
                csb_rich_addf(r, 0, ", though not in the areas for improvement of the %s. What "
                                    "changed since then, and what will be different this time?",
                              name);
                g_free(name);
            } else {
                csb_rich_add(r, 0, ". Why has it not been resolved, and what will be different "
                                   "this time?");
            }
        } else {
            csb_rich_add(r, 0, ". What is the plan, and when will members see a difference?");
        }
        g_ptr_array_add(out, r);
        g_ptr_array_add(tracks, (gpointer)a); /* its abbreviations noted if shown */
        g_free(what);
    }
}

/* "Impact of leaders and Care leavers both declined from Good to Requires
 * improvement, and Children in care declined from ...": the areas of fell
 * (CsbAreaHistory*) grouped by the change their latest grade made. */
static void add_declines(CsbRich *r, const GPtrArray *fell)
{
    GPtrArray *done = g_ptr_array_new_with_free_func(g_free); /* change words told */
    for (guint i = 0; i < fell->len; i++) {
        const CsbAreaHistory *h = fell->pdata[i];
        char *words = csb_fmt_change(h->changes->pdata[h->changes->len - 1]);
        if (g_ptr_array_find_with_equal_func(done, words, g_str_equal, NULL)) {
            g_free(words);
            continue;
        }
        GPtrArray *areas = g_ptr_array_new(); /* borrowed titles */
        for (guint k = i; k < fell->len; k++) {
            const CsbAreaHistory *o = fell->pdata[k];
            char *w = csb_fmt_change(o->changes->pdata[o->changes->len - 1]);
            if (strcmp(w, words) == 0)
                g_ptr_array_add(areas, o->area->title);
            g_free(w);
        }
        csb_rich_add(r, 0, done->len ? ", and " : "");
        for (guint k = 0; k < areas->len; k++) {
            csb_rich_add(r, 0, k == 0 ? "" : k + 1 == areas->len ? " and " : ", ");
            csb_rich_add(r, CSB_STYLE_BOLD, areas->pdata[k]);
        }
        csb_rich_addf(r, 0, " %s%s", areas->len == 2 ? "both " : areas->len > 2 ? "all " : "",
                      words);
        g_ptr_array_free(areas, TRUE);
        g_ptr_array_add(done, words);
    }
    g_ptr_array_free(done, TRUE);
}

/* The grades the latest inspection lowered, in one question. */
static void decline_questions(CsbFormatter *fm, GPtrArray *out, const CsbInspection *latest)
{
    GPtrArray *fell = g_ptr_array_new(); /* CsbAreaHistory*, borrowed */
    for (guint i = 0; i < fm->focus->histories->len; i++) {
        const CsbAreaHistory *h = fm->focus->histories->pdata[i];
        if (!h->area->headline || !h->changes->len)
            continue;
        const CsbChange *c = h->changes->pdata[h->changes->len - 1];
        if (c->steps <= 0 || c->to->inspection != latest)
            continue;
        g_ptr_array_add(fell, (gpointer)h);
    }
    if (fell->len) {
        CsbRich *r = csb_rich_new();
        add_declines(r, fell);
        csb_rich_add(r, 0, ". What changed, and how will members know the plan to recover is "
                           "working?");
        g_ptr_array_add(out, r);
    }
    g_ptr_array_free(fell, TRUE);
}

/* One question for every theme the latest report raises concerns about. */
static void theme_question(CsbFormatter *fm, GPtrArray *out, const CsbInspection *latest)
{
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < fm->focus->themes->len; i++) {
        const CsbThemeStory *t = fm->focus->themes->pdata[i];
        for (guint k = 0; k < t->timeline->len; k++) {
            const CsbThemePoint *p = t->timeline->pdata[k];
            if (p->inspection == latest && p->concerns > 0) {
                g_ptr_array_add(names, csb_text_in_sentence(t->theme->title));
                csb_fmt_note_abbreviations(fm, t->theme->title); /* "MASH/MACH" */
            }
        }
    }
    if (names->len) {
        /* The theme's paragraphs raise the concern, which may be on any
         * part of it: not "raises concerns about <title>". */
        CsbRich *r = csb_rich_add(csb_rich_new(), 0, "Some paragraphs of the latest report on ");
        /* A title may hold a comma ("front door, thresholds and the
         * MASH/MACH"): then the titles are parted by semicolons. */
        csb_fmt_add_names(r, names, CSB_STYLE_BOLD, 0, "and");
        csb_rich_add(r, 0, " raise concerns. How do members hear directly from the children and "
                           "young people affected?");
        g_ptr_array_add(out, r);
    }
    g_ptr_array_free(names, TRUE);
}

/* At most this many questions: a summary for councillors stays within its
 * pages; the areas for improvement beyond them are named briefly, not
 * dropped (Devon's said only "The report names 2 more areas for
 * improvement", one of them its management oversight). */
#define MAX_QUESTIONS 6

/* An area for improvement named in a list, briefly: its phrase to the end
 * of the clause that ends last within BRIEF_CHARS (", " or "; "), or of
 * the last word there that is not a short one ("of", "the", "and"), an
 * ellipsis marking the rest. A new string. */
#define BRIEF_CHARS 100

static gboolean short_word(const char *from, const char *to)
{
    for (const char *p = from; p < to; p++)
        if (!g_ascii_isalpha(*p))
            return FALSE;
    return to - from <= 3;
}

char *csb_members_finding_brief(const char *text)
{
    char *s = finding_phrase(text);
    if (g_utf8_strlen(s, -1) <= BRIEF_CHARS)
        return s;
    const char *limit = g_utf8_offset_to_pointer(s, BRIEF_CHARS);
    const char *cut = NULL;
    for (const char *p = s; p < limit; p++)
        if ((*p == ',' || *p == ';') && p[1] == ' ' && p - s >= BRIEF_CHARS / 3)
            cut = p;
    if (!cut) {
        const char *end = NULL; /* the end of the last word that ends within limit */
        for (const char *p = s; p < limit; p++)
            if (*p == ' ') {
                const char *w = end ? end + 1 : s; /* the word ending at p */
                if (!short_word(w, p) || !end)
                    cut = p;
                end = p;
            }
    }
    char *brief = g_strdup_printf("%.*s \u2026", (int)(cut ? cut - s : limit - s), s);
    g_free(s);
    return brief;
}

/* "The report names 3 more areas for improvement: a; b; and one on
 * children in care and care leavers, quoted above.": the areas for improvement not asked about
 * (CsbAfiTrack*), each named briefly, or counted when the care section
 * quotes it. */
static CsbRich *more_afis(CsbFormatter *fm, const GPtrArray *tracks)
{
    GPtrArray *named = g_ptr_array_new(); /* const CsbAfiTrack* not quoted above */
    for (guint i = 0; i < tracks->len; i++)
        if (!csb_members_afi_about_care(fm, tracks->pdata[i]))
            g_ptr_array_add(named, tracks->pdata[i]);
    guint n = tracks->len, above = n - named->len;
    CsbRich *r = csb_rich_new();
    if (n == 1)
        csb_rich_add(r, 0, "The report names one more area for improvement");
    else
        csb_rich_addf(r, 0, "The report names %u more areas for improvement", n);
    if (!named->len) {
        csb_rich_add(r, 0, ", on children in care and care leavers, quoted above.");
        g_ptr_array_free(named, TRUE);
        return r;
    }
    csb_rich_add(r, 0, ": ");
    gboolean cut = FALSE; /* the last named ends with an ellipsis */
    for (guint i = 0; i < named->len; i++) {
        const CsbAfiTrack *a = named->pdata[i];
        char *brief = csb_members_finding_brief(a->finding->text);
        /* Semicolons: a finding often holds "and" and commas of its own. */
        csb_rich_add(r, 0, i == 0 ? "" : i + 1 == named->len && !above ? "; and " : "; ");
        csb_rich_add(r, CSB_STYLE_BOLD, brief);
        csb_fmt_note_abbreviations(fm, brief);
        cut = g_str_has_suffix(brief, "\u2026");
        g_free(brief);
    }
    if (above)
        csb_rich_addf(r, 0, "; and %s on children in care and care leavers, quoted above.",
                      csb_members_number_word((int)above));
    else if (!cut)
        csb_rich_add(r, 0, ".");
    g_ptr_array_free(named, TRUE);
    return r;
}

void csb_members_questions(CsbFormatter *fm)
{
    csb_doc_heading(fm->doc, 2, "Questions members may wish to ask");
    CsbDocBlock *l = csb_doc_list(fm->doc);
    const CsbInspection *latest = csb_story_latest_graded(fm->focus);
    GPtrArray *afis = g_ptr_array_new_with_free_func((GDestroyNotify)csb_rich_free);
    GPtrArray *tracks = g_ptr_array_new(); /* their CsbAfiTrack*, borrowed */
    afi_questions(fm, afis, tracks, latest, TRUE);
    afi_questions(fm, afis, tracks, latest, FALSE);
    GPtrArray *rest = g_ptr_array_new(); /* owned by l once moved */
    decline_questions(fm, rest, latest);
    theme_question(fm, rest, latest);
    guint most = MAX_QUESTIONS - (guint)fm->in->brevity; /* shorter when it ran long */
    guint least = fm->in->brevity ? 2 : 3;
    guint room = rest->len + least >= most ? least : most - rest->len;
    guint shown = MIN(room, afis->len);
    for (guint i = 0; i < shown; i++) {
        g_ptr_array_add(l->items, g_ptr_array_steal_index(afis, 0));
        csb_fmt_note_abbreviations(fm, ((const CsbAfiTrack *)tracks->pdata[i])->finding->text);
    }
    g_ptr_array_remove_range(tracks, 0, shown); /* those not asked about */
    for (guint i = 0; i < rest->len; i++)
        g_ptr_array_add(l->items, rest->pdata[i]);
    g_ptr_array_free(rest, TRUE);
    if (tracks->len)
        g_ptr_array_add(l->items, more_afis(fm, tracks));
    g_ptr_array_free(tracks, TRUE);
    g_ptr_array_free(afis, TRUE);
    /* With no area for improvement, no lower grade and no theme of
     * concern, the points the summary quoted on children in care are
     * still the report's own (what must improve, above); with none of
     * those either, nothing to ask about is said so, not made up. */
    if (!l->items->len && latest && csb_members_care_points(fm, latest))
        g_ptr_array_add(l->items,
                        csb_rich_plain("The latest report lists no area for improvement. "
                                       "What is being done about the points it notes for "
                                       "children in care and care leavers (above), and how "
                                       "will members know?"));
    if (!l->items->len)
        g_ptr_array_add(l->items,
                        csb_rich_plain(latest ? "The latest report lists no area for "
                                                "improvement and raises no concern, so there is "
                                                "no question from it to suggest."
                                              : "There is no graded inspection among the "
                                                "reports to ask about."));
}
