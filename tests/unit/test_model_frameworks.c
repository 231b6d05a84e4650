/* test_model_frameworks.c - data/frameworks.yaml: it loads, describes every
 * kind once, maps each way a report labels a judgement to an area that
 * data/areas.csv has (so the parser can emit no area the comparison does
 * not know), gives the words a report names an earlier inspection or
 * visit by and those that make one a service's (folded, a service phrase's
 * written trailing space kept), and a broken file is refused with the line
 * to fix. Also how grades are read from their wording.
 */
#include "unit.h"

#include "compare/compare.h"

#include <glib/gstdio.h>
#include <string.h>

static char *scratch;

static void test_every_kind_described(void)
{
    CsbDiag *d = csb_diag_new();
    CsbFrameworks *fw = csb_frameworks_load("data/frameworks.yaml", d);
    CHECK(fw != NULL, "data/frameworks.yaml loads (%d errors)", csb_diag_count(d, CSB_SEV_ERROR));
    if (!fw) {
        csb_diag_print(d, stdout);
        csb_diag_free(d);
        return;
    }
    for (int k = 1; k < CSB_KIND_COUNT; k++) {
        const CsbFramework *f = csb_frameworks_get(fw, (CsbKind)k);
        CHECK(f && f->short_name && f->title && f->name && f->about && f->titles->len,
              "%s: names, explanation and title phrases", csb_kind_id((CsbKind)k));
    }
    CHECK(csb_frameworks_graded(fw, CSB_KIND_SIF) && !csb_frameworks_graded(fw, CSB_KIND_JTAI),
          "SIF is graded, a JTAI letter is not");
    CHECK(csb_frameworks_get(fw, CSB_KIND_FOCUSED_VISIT)->letter &&
              !csb_frameworks_get(fw, CSB_KIND_ILACS)->letter,
          "a focused visit is a letter, an ILACS report is not");
    CHECK(csb_frameworks_get(fw, CSB_KIND_ILACS)->full &&
              !csb_frameworks_get(fw, CSB_KIND_LAC)->full,
          "ILACS judges every headline area, LAC 2013 one strand");
    CHECK_STR(csb_frameworks_short_name(fw, CSB_KIND_SIF), "SIF inspection", "SIF's short name");
    /* An explanation that says when a framework ran says what its period
     * says (Hounslow's glossary had SIF "November 2013 to 2017", tagged
     * "(2013 to 2018)"). */
    GRegex *range = g_regex_new("\\b(20\\d\\d) to (20\\d\\d)\\b", 0, 0, NULL);
    for (int k = 1; k < CSB_KIND_COUNT; k++) {
        const CsbFramework *f = csb_frameworks_get(fw, (CsbKind)k);
        GMatchInfo *in_about = NULL, *in_period = NULL;
        if (f && f->about && f->period && g_regex_match(range, f->about, 0, &in_about) &&
            g_regex_match(range, f->period, 0, &in_period)) {
            char *a = g_match_info_fetch(in_about, 2), *b = g_match_info_fetch(in_period, 2);
            CHECK(strcmp(a, b) == 0, "%s: its explanation ends in %s as its period does (%s)",
                  csb_kind_id((CsbKind)k), a, b);
            g_free(a);
            g_free(b);
        }
        g_match_info_free(in_about);
        g_match_info_free(in_period);
    }
    g_regex_unref(range);
    csb_frameworks_free(fw);
    csb_diag_free(d);
}

/* Every area a framework can grade is in the area map, found by walking
 * the frameworks here as well as by the loader's own check. */
static void test_areas_exist(void)
{
    CsbDiag *d = csb_diag_new();
    CsbFrameworks *fw = csb_frameworks_load("data/frameworks.yaml", d);
    CsbAreaMap *areas = fw ? csb_areas_load("data/areas.csv", fw, d) : NULL;
    CHECK(areas != NULL, "the area map loads with the frameworks");
    int missing = 0, seen = 0;
    for (guint i = 0; areas && i < csb_frameworks_count(fw); i++) {
        const CsbFramework *f = csb_frameworks_at(fw, i);
        for (guint k = 0; k < f->judgements->len; k++) {
            const CsbFrameworkJudgement *j = f->judgements->pdata[k];
            seen++;
            if (!csb_areas_find(areas, j->area)) {
                printf("# %s: area %s is not in data/areas.csv\n", f->id, j->area);
                missing++;
            }
        }
        for (guint k = 0; k < f->sentences->len; k++) {
            const CsbFrameworkSentence *s = f->sentences->pdata[k];
            seen++;
            if (!csb_areas_find(areas, s->area))
                missing++;
        }
    }
    CHECK(seen > 40 && missing == 0, "all %d areas the frameworks grade are in data/areas.csv",
          seen);
    const CsbArea *cp = areas ? csb_areas_find(areas, "help_protection_effectiveness") : NULL;
    CHECK(cp && cp->labels->len >= 1 &&
              g_str_has_prefix(cp->labels->pdata[cp->labels->len - 1], "child-protection: "),
          "the child protection inspection's help and protection judgement has an area and a "
          "name");
    csb_areas_free(areas);
    csb_frameworks_free(fw);
    csb_diag_free(d);
}

static void test_labels(void)
{
    CsbDiag *d = csb_diag_new();
    CsbFrameworks *fw = csb_frameworks_load("data/frameworks.yaml", d);
    const CsbFramework *ilacs = fw ? csb_frameworks_get(fw, CSB_KIND_ILACS) : NULL;
    const CsbFramework *slac = fw ? csb_frameworks_get(fw, CSB_KIND_SLAC) : NULL;
    static const char *const cases[][2] = {
        {"the experiences and progress of children in care and care leavers",
         "in_care_and_care_leavers"},
        {"the experiences and progress of children care leavers", "care_leavers"},
        {"the experiences and progress of children in care", "in_care"},
        {"the impact of leaders on practice with children and families", "leadership"},
        {"overall effectiveness", "overall"},
        {"children s services in x are good", NULL},
    };
    for (guint i = 0; ilacs && i < G_N_ELEMENTS(cases); i++)
        CHECK_STR(csb_framework_area_for(ilacs, NULL, cases[i][0], FALSE), cases[i][1],
                  cases[i][0]);
    CHECK_STR(slac ? csb_framework_area_for(slac, "looked-after", "overall effectiveness", TRUE)
                   : NULL,
              "in_care", "SLAC: overall effectiveness of the looked after strand");
    CHECK_STR(slac ? csb_framework_area_for(slac, "safeguarding", "overall effectiveness", TRUE)
                   : NULL,
              "help_protection", "SLAC: overall effectiveness of the safeguarding strand");
    csb_frameworks_free(fw);
    csb_diag_free(d);
}

/* A list of phrases as "[a][b]". */
static char *bracketed(const GPtrArray *p)
{
    GString *all = g_string_new(NULL);
    for (guint i = 0; p && i < p->len; i++)
        g_string_append_printf(all, "[%s]", (const char *)p->pdata[i]);
    return g_string_free(all, FALSE);
}

static void test_mention_words(void)
{
    CsbDiag *d = csb_diag_new();
    CsbFrameworks *fw = csb_frameworks_load("data/frameworks.yaml", d);
    CHECK(fw != NULL, "data/frameworks.yaml loads");
    if (!fw) {
        csb_diag_free(d);
        return;
    }
    const CsbMentionWords *w = csb_frameworks_mention_words(fw);
    const struct {
        const GPtrArray *list;
        const char *expected, *what;
    } cases[] = {
        {w->services,
         "[adoption service][adoption agency][fostering service][fostering agency]"
         "[children s home][at its ][provision judged][care quality commission][cqc ]"
         "[probation][hmicfrs][constabulary]",
         "services, folded as report text is, \"at its \" ending with its space"},
        {w->qualifiers, "[last][previous][most recent][prior][earlier]", "qualifiers"},
        {w->kinds, "[full][standard][ilacs][sif][single][judgement]", "kinds"},
        {w->inspectorate, "[ofsted]", "inspectorate"},
        {w->held, "[carried out][undertaken][conducted][that took place][which took place]",
         "held"},
        {w->who, "[ofsted][inspectors]", "who"},
        {w->did, "[conducted][carried out][undertook][completed]", "did"},
    };
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *all = bracketed(cases[i].list);
        char *what = g_strdup_printf("mentions: %s", cases[i].what);
        CHECK_STR(all, cases[i].expected, what);
        g_free(what);
        g_free(all);
    }
    csb_frameworks_free(fw);
    csb_diag_free(d);
}

static char *write_variant(const char *name, const char *from, const char *to)
{
    char *text = NULL;
    g_file_get_contents("data/frameworks.yaml", &text, NULL, NULL);
    char **parts = g_strsplit(text ? text : "", from, 2);
    char *edited = g_strjoinv(to, parts);
    char *path = g_build_filename(scratch, name, NULL);
    g_file_set_contents(path, edited, -1, NULL);
    g_strfreev(parts);
    g_free(edited);
    g_free(text);
    return path;
}

static void test_broken_files(void)
{
    /* A framework grading an area the map lacks: the map refuses to load. */
    char *path = write_variant("area.yaml", "area: adoption,", "area: adoptoin,");
    CsbDiag *d = csb_diag_new();
    CsbFrameworks *fw = csb_frameworks_load(path, d);
    CsbAreaMap *areas = fw ? csb_areas_load("data/areas.csv", fw, d) : NULL;
    CHECK(fw && !areas && csb_diag_count(d, CSB_SEV_ERROR) >= 1 &&
              strstr(((CsbError *)d->items->pdata[0])->message, "'adoptoin'"),
          "an area missing from data/areas.csv is an error naming it");
    csb_areas_free(areas);
    csb_frameworks_free(fw);
    csb_diag_free(d);
    g_unlink(path);
    g_free(path);

    /* A broken regular expression: refused with its line. */
    path = write_variant("regex.yaml", "\"the overall judgement is ", "\"the overall (judgement is ");
    d = csb_diag_new();
    fw = csb_frameworks_load(path, d);
    const CsbError *e = d->items->len ? d->items->pdata[0] : NULL;
    CHECK(!fw && e && e->line > 0 && strstr(e->message, "regular expression"),
          "a broken pattern is refused with its line (%d)", e ? e->line : 0);
    csb_frameworks_free(fw);
    csb_diag_free(d);
    g_unlink(path);
    g_free(path);

    /* An unknown kind. */
    path = write_variant("kind.yaml", "id: jtai", "id: jtia");
    d = csb_diag_new();
    fw = csb_frameworks_load(path, d);
    e = d->items->len ? d->items->pdata[0] : NULL;
    CHECK(!fw && e && strstr(e->message, "'jtia' is not a kind"), "an unknown kind is refused");
    csb_frameworks_free(fw);
    csb_diag_free(d);
    g_unlink(path);
    g_free(path);
}

/* 'mentions' or one of its lists missing, a list not a list, a phrase of
 * no words, a key misspelt: refused with the file and the line to fix. */
static void test_broken_mentions(void)
{
    static const struct {
        const char *name, *from, *to, *says;
        int line; /* at least: the section's (the file's when it is missing) */
    } cases[] = {
        {"no-mentions.yaml", "\nmentions:\n  services:", "\nnotes:\n  services:",
         "expected 'mentions:' with 'services:'", 1},
        {"not-list.yaml", "  services: [adoption service,", "  services: adoption service\n  x: [",
         "expected 'mentions:' with 'services:'", 300},
        {"no-words.yaml", "children's home, \"at its \",", "children's home, \"' \",",
         "each phrase of 'services' should be words", 300},
        {"no-held.yaml", "\n  held: [", "\n  hold: [",
         "expected 'mentions:' with 'held:', a list of the words that may stand between", 300},
        {"did-word.yaml", "did: [conducted,", "did: [conducted, \"--\",",
         "each phrase of 'did' should be words", 300},
        {"kinds-word.yaml", "kinds: [full, standard, ilacs, sif, single, judgement]",
         "kinds: full standard",
         "expected 'mentions:' with 'kinds:', a list of", 300},
        {"misspelt.yaml", "\n  who: [", "\n  whom: [ofsted]\n  who: [",
         "unknown key 'whom' in 'mentions'; did you mean 'who'?", 300},
    };
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *path = write_variant(cases[i].name, cases[i].from, cases[i].to);
        CsbDiag *d = csb_diag_new();
        CsbFrameworks *fw = csb_frameworks_load(path, d);
        const CsbError *e = d->items->len ? d->items->pdata[0] : NULL;
        CHECK(!fw && e && e->file && strcmp(e->file, path) == 0 && e->line >= cases[i].line &&
                  strstr(e->message, cases[i].says),
              "%s: refused at %s:%d: %s", cases[i].name, e && e->file ? e->file : "?",
              e ? e->line : 0, e ? e->message : "no error");
        csb_frameworks_free(fw);
        csb_diag_free(d);
        g_unlink(path);
        g_free(path);
    }
}

static void test_grade_wording(void)
{
    static const struct {
        const char *text;
        CsbGrade grade;
    } cases[] = {
        {"Good", CSB_GRADE_GOOD},
        {"Requires improvement to be good", CSB_GRADE_REQUIRES_IMPROVEMENT},
        {"Require improvement", CSB_GRADE_REQUIRES_IMPROVEMENT},
        {"Requires Improvement", CSB_GRADE_REQUIRES_IMPROVEMENT},
        {"Grade 3 (Adequate)", CSB_GRADE_ADEQUATE},
        {"Inadequate Grade 4", CSB_GRADE_INADEQUATE},
        {"Inadequate (Grade 4)", CSB_GRADE_INADEQUATE},
        {"Grade 2 (outstanding)", CSB_GRADE_NONE}, /* the number contradicts the word */
        {"Not judged", CSB_GRADE_NONE},
        {"Good practice", CSB_GRADE_NONE},
    };
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++)
        CHECK(csb_grade_from_text(cases[i].text) == cases[i].grade, "grade wording '%s'",
              cases[i].text);
}

int main(void)
{
    scratch = g_dir_make_tmp("csbrief-frameworks-XXXXXX", NULL);
    RUN(test_every_kind_described);
    RUN(test_areas_exist);
    RUN(test_labels);
    RUN(test_mention_words);
    RUN(test_broken_files);
    RUN(test_broken_mentions);
    RUN(test_grade_wording);
    g_rmdir(scratch);
    g_free(scratch);
    return unit_done();
}
