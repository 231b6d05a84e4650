/* test_compare_engine.c - the comparison engine on inspection records
 * built here, one edge case at a time: the harmonised scale, changes
 * across frameworks and the 2023 split, a first inspection, a post-2026
 * report with no overall judgement, ungraded visits, undated reports, one
 * inspection read twice, areas for improvement tracked by meaning (and
 * linked to the most recent report that raised them, by the report's own
 * words when it says so), theme evidence ranked across inspections, the
 * peer summary, inspections the reports name that are not among them
 * (found by, and a service's told by, the words of data/frameworks.yaml),
 * and reports the build could not read as the JSON gives them (with the
 * kind of problem).
 */
#include "../../src/compare/compare.h"
#include "unit.h"

#include <glib/gstdio.h>
#include <unistd.h>

static CsbReference *reference;
static const CsbAuthorities *authorities;
static CsbAreaMap *areas;
static CsbThemeLibrary *library;
static CsbRecurrence *recurrence;

/* ---- building records ------------------------------------------------ */

static CsbInspection *report(GPtrArray *all, const char *file, const char *authority,
                             CsbKind kind, const char *start, const char *end)
{
    CsbInspection *in = csb_inspection_new(file);
    in->authority = g_strdup(authority);
    in->kind = kind;
    in->start = csb_date_from_iso(start);
    in->end = csb_date_from_iso(end);
    in->sha256 = g_compute_checksum_for_string(G_CHECKSUM_SHA256, file, -1);
    g_ptr_array_add(all, in);
    return in;
}

static void grade(CsbInspection *in, const char *area, CsbGrade g, const char *wording)
{
    csb_inspection_add_judgement(in, area, g, area, wording, 0);
}

static void finding(CsbInspection *in, const char *text)
{
    csb_inspection_add_finding(in, CSB_FINDING_AREA_FOR_IMPROVEMENT, text, NULL, 0);
}

/* Filler paragraphs so that word rarity has something to measure. */
static void body(CsbInspection *in, int page)
{
    static const char *const text[] = {
        "Children and families receive help from social workers who visit them regularly.",
        "Social workers know the children they work with and plans are reviewed.",
        "Managers and leaders meet regularly with partners to review practice.",
        "Children in care live with carers and are helped to keep in touch with family.",
    };
    for (guint i = 0; i < G_N_ELEMENTS(text); i++)
        csb_inspection_add_paragraph(in, (int)i + 1, "Findings", text[i], page);
}

typedef struct {
    GPtrArray *reports;
    GPtrArray *themes;
    GPtrArray *comparators;
    GPtrArray *not_read; /* CsbNotRead* given to the comparison, or NULL */
    CsbCompareInput input;
    CsbComparison *c;
} Run;

static void run(Run *r, const char *focus, const char *const *themes, const char *const *peers)
{
    r->themes = g_ptr_array_new();
    for (guint i = 0; themes && themes[i]; i++)
        g_ptr_array_add(r->themes, (gpointer)csb_themes_find(library, themes[i]));
    r->comparators = g_ptr_array_new();
    for (guint i = 0; peers && peers[i]; i++)
        g_ptr_array_add(r->comparators, (gpointer)csb_authorities_find(authorities, peers[i]));
    r->input = (CsbCompareInput){.inspections = r->reports, .authorities = authorities,
                                 .areas = areas, .library = library, .themes = r->themes,
                                 .recurrence = recurrence, .focus = focus,
                                 .comparators = r->comparators, .not_read = r->not_read};
    r->c = csb_compare(&r->input);
}

static void run_free(Run *r)
{
    csb_comparison_free(r->c);
    g_ptr_array_free(r->themes, TRUE);
    g_ptr_array_free(r->comparators, TRUE);
    g_ptr_array_free(r->reports, TRUE);
    if (r->not_read)
        g_ptr_array_free(r->not_read, TRUE);
}

static Run *new_run(void)
{
    Run *r = g_new0(Run, 1);
    r->reports = g_ptr_array_new_with_free_func((GDestroyNotify)csb_inspection_free);
    return r;
}

static const CsbChange *change_at(const CsbStory *s, const char *area, guint i)
{
    const CsbAreaHistory *h = csb_story_history(s, area);
    return h && i < h->changes->len ? h->changes->pdata[i] : NULL;
}

/* ---- the checks ------------------------------------------------------ */

static void test_scale(void)
{
    CHECK(csb_grade_rank(CSB_GRADE_OUTSTANDING) == 1 && csb_grade_rank(CSB_GRADE_GOOD) == 2 &&
              csb_grade_rank(CSB_GRADE_REQUIRES_IMPROVEMENT) == 3 &&
              csb_grade_rank(CSB_GRADE_ADEQUATE) == 3 && csb_grade_rank(CSB_GRADE_INADEQUATE) == 4,
          "one ordinal scale: outstanding 1, good 2, requires improvement or adequate 3, "
          "inadequate 4");
}

/* Redcar and Cleveland's shape: SLAC 2012, SIF 2017, ILACS 2022 with the
 * combined judgement, ILACS 2025 with the split. */
static void test_across_frameworks(void)
{
    Run *r = new_run();
    CsbInspection *slac = report(r->reports, "a.txt", "Redcar and Cleveland", CSB_KIND_SLAC,
                                 "2012-05-21", "2012-06-01");
    grade(slac, "help_protection", CSB_GRADE_ADEQUATE, "Grade 3 (Adequate)");
    grade(slac, "in_care", CSB_GRADE_GOOD, "Grade 2 (Good)");
    CsbInspection *sif = report(r->reports, "b.pdf", "Redcar and Cleveland", CSB_KIND_SIF,
                                "2017-01-16", "2017-02-09");
    grade(sif, "overall", CSB_GRADE_REQUIRES_IMPROVEMENT, "Requires improvement");
    grade(sif, "help_protection", CSB_GRADE_REQUIRES_IMPROVEMENT, "Requires improvement");
    grade(sif, "in_care", CSB_GRADE_GOOD, "Good");
    grade(sif, "care_leavers", CSB_GRADE_GOOD, "Good");
    CsbInspection *i22 = report(r->reports, "c.pdf", "Redcar and Cleveland", CSB_KIND_ILACS,
                                "2022-06-20", "2022-07-01");
    grade(i22, "overall", CSB_GRADE_REQUIRES_IMPROVEMENT, "Requires improvement to be good");
    grade(i22, "in_care_and_care_leavers", CSB_GRADE_REQUIRES_IMPROVEMENT,
          "Requires improvement to be good");
    CsbInspection *i25 = report(r->reports, "d.pdf", "Redcar and Cleveland", CSB_KIND_ILACS,
                                "2025-12-01", "2025-12-12");
    grade(i25, "overall", CSB_GRADE_GOOD, "Good");
    grade(i25, "in_care", CSB_GRADE_REQUIRES_IMPROVEMENT, "Requires improvement to be good");
    grade(i25, "care_leavers", CSB_GRADE_GOOD, "Good");
    run(r, "Redcar and Cleveland", NULL, NULL);
    const CsbStory *s = r->c->focus;
    const CsbChange *c = change_at(s, "help_protection", 0);
    CHECK(c && c->steps == 0 && c->from->inspection == slac,
          "adequate (SLAC 2012) to requires improvement (SIF 2017) is no change on the scale");
    CHECK_STR(c ? c->from->judgement->wording : NULL, "Grade 3 (Adequate)",
              "the original wording is kept");
    const CsbAreaHistory *h = csb_story_history(s, "in_care");
    CHECK(h && h->points->len == 4, "in care: SLAC, SIF, combined 2022, split 2025 (%u points)",
          h ? h->points->len : 0);
    c = change_at(s, "in_care", 1);
    CHECK(c && c->steps == 1 && g_strcmp0(c->to->judgement->area, "in_care_and_care_leavers") == 0,
          "in care: good (2017) to the combined requires improvement (2022), one step worse");
    c = change_at(s, "in_care", 2);
    CHECK(c && c->steps == 0 && c->to->inspection == i25, "in care: unchanged through the split");
    CHECK(c && c->dated && c->years > 3.4 && c->years < 3.5, "years between: 3.4 (got %.2f)",
          c ? c->years : 0);
    c = change_at(s, "care_leavers", 1);
    CHECK(c && c->steps == -1 && c->from->inspection == i22,
          "care leavers: combined requires improvement (2022) to good (2025), one step better");
    h = csb_story_history(s, "overall");
    CHECK(h && csb_history_first(h)->inspection == sif && csb_history_latest(h)->inspection == i25,
          "overall: first 2017, latest 2025");
    CHECK(h && !h->not_judged_since, "overall is current");
    CHECK(s->timeline->len == 4, "four reports in the timeline");
    run_free(r);
    g_free(r);
}

static void test_first_and_post_2026(void)
{
    Run *r = new_run();
    CsbInspection *first = report(r->reports, "r1.txt", "Rutland", CSB_KIND_ILACS, "2023-05-15",
                                  "2023-05-26");
    grade(first, "overall", CSB_GRADE_GOOD, "Good");
    grade(first, "in_care", CSB_GRADE_REQUIRES_IMPROVEMENT, "Requires improvement to be good");
    CsbInspection *later = report(r->reports, "r2.txt", "Rutland", CSB_KIND_ILACS, "2026-05-11",
                                  "2026-05-22");
    grade(later, "in_care", CSB_GRADE_GOOD, "Good");
    run(r, "Rutland", NULL, NULL);
    const CsbAreaHistory *h = csb_story_history(r->c->focus, "overall");
    CHECK(h && h->points->len == 1 && h->changes->len == 0,
          "a first inspection: one point, no change");
    CHECK(h && csb_history_first(h) == csb_history_latest(h), "first and latest are the same");
    CHECK(h && h->not_judged_since == later,
          "overall not judged by the post-April-2026 inspection");
    const CsbPeerArea *pa = r->c->peer_areas->pdata[0];
    CHECK(pa->focus == CSB_GRADE_NONE && pa->counts[CSB_GRADE_NONE] == 1,
          "the peer summary does not count a grade that is no longer current");
    h = csb_story_history(r->c->focus, "in_care");
    CHECK(h && !h->not_judged_since && h->changes->len == 1, "in care judged in 2026");
    run_free(r);
    g_free(r);
}

static void test_visits_and_undated(void)
{
    Run *r = new_run();
    CsbInspection *v = report(r->reports, "v.txt", "Isles of Scilly", CSB_KIND_FOCUSED_VISIT,
                              "2024-02-13", "2024-02-14");
    csb_inspection_add_paragraph(v, 0, "Headline findings", "Children are seen promptly.", 0);
    csb_inspection_add_paragraph(v, 0, "Main findings", "Contacts are screened.", 0);
    csb_inspection_add_finding(v, CSB_FINDING_PRIORITY_ACTION, "Leaders must act now.", NULL, 0);
    finding(v, "The recording of decisions.");
    CsbInspection *a = report(r->reports, "u1.pdf", "Rutland", CSB_KIND_SIF, NULL, NULL);
    grade(a, "overall", CSB_GRADE_GOOD, "Good");
    CsbInspection *b = report(r->reports, "u2.pdf", "Rutland", CSB_KIND_ILACS, "2019-03-04",
                              "2019-03-15");
    grade(b, "overall", CSB_GRADE_GOOD, "Good");
    const char *peers[] = {"Isles of Scilly", "Bracknell Forest", NULL};
    run(r, "Rutland", NULL, peers);
    CHECK(r->c->peers->len == 1 && r->c->missing_peers->len == 1,
          "a peer with reports, and one without");
    const CsbStory *p = r->c->peers->pdata[0];
    CHECK(p->timeline->len == 1 && p->histories->len == 0, "ungraded visits only: no history");
    const CsbTimelineEntry *e = p->timeline->pdata[0];
    CHECK(!e->graded && e->headline->len == 1 && e->priority_actions->len == 1,
          "the visit carries its headline finding and priority action");
    const CsbChange *c = change_at(r->c->focus, "overall", 0);
    CHECK(c && !c->dated && c->years == 0, "a change from an undated report is not dated");
    run_free(r);
    g_free(r);
}

static void test_dedup(void)
{
    Run *r = new_run();
    CsbInspection *txt = report(r->reports, "examples/r-2025-ilacs.txt", "Redcar and Cleveland",
                                CSB_KIND_ILACS, "2025-12-01", "2025-12-12");
    grade(txt, "overall", CSB_GRADE_GOOD, "Good");
    body(txt, 0);
    CsbInspection *pdf = report(r->reports, "corpus/r__2026-01-28.pdf", "Redcar and Cleveland",
                                CSB_KIND_ILACS, "2025-12-01", "2025-12-12");
    grade(pdf, "overall", CSB_GRADE_GOOD, "Good");
    body(pdf, 3);
    CsbInspection *fv = report(r->reports, "fv.txt", "Redcar and Cleveland",
                               CSB_KIND_FOCUSED_VISIT, "2025-12-01", "2025-12-12");
    CsbInspection *same = report(r->reports, "copy/fv.txt", "Redcar and Cleveland",
                                 CSB_KIND_FOCUSED_VISIT, "2023-07-04", "2023-07-05");
    g_free(same->sha256);
    same->sha256 = g_strdup(fv->sha256);
    run(r, "Redcar and Cleveland", NULL, NULL);
    const CsbStory *s = r->c->focus;
    CHECK(s->inspections->len == 2, "two of four reports are duplicates (%u kept)",
          s->inspections->len);
    CHECK(s->duplicates->len == 2, "both duplicates are recorded");
    const CsbDuplicate *d = NULL;
    for (guint i = 0; i < s->duplicates->len; i++)
        if (((const CsbDuplicate *)s->duplicates->pdata[i])->kept == pdf)
            d = s->duplicates->pdata[i];
    CHECK(d && d->dropped == txt, "the PDF is kept over the text");
    CHECK(d && strstr(d->reason, "PDF"), "the reason says so: %s", d ? d->reason : "");
    const CsbAreaHistory *h = csb_story_history(s, "overall");
    CHECK(h && h->points->len == 1, "the inspection counts once in the history");
    CHECK(g_ptr_array_find(s->inspections, fv, NULL) != g_ptr_array_find(s->inspections, same,
                                                                         NULL),
          "byte-identical files are one report even with different dates read");
    run_free(r);
    g_free(r);
}

static const CsbAfiTrack *track_of(const CsbStory *s, const char *prefix)
{
    for (guint i = 0; i < s->afis->len; i++) {
        const CsbAfiTrack *t = s->afis->pdata[i];
        if (g_str_has_prefix(t->finding->text, prefix))
            return t;
    }
    return NULL;
}

static void test_afis(void)
{
    Run *r = new_run();
    CsbInspection *a = report(r->reports, "2017.pdf", "Redcar and Cleveland", CSB_KIND_SIF,
                              "2017-01-16", "2017-02-09");
    body(a, 1);
    csb_inspection_add_finding(a, CSB_FINDING_RECOMMENDATION,
                               "Improve the management and monitoring of allegations against "
                               "professionals who work with children and of private fostering "
                               "arrangements.",
                               NULL, 8);
    csb_inspection_add_finding(a, CSB_FINDING_RECOMMENDATION,
                               "Ensure that a timely return home interview is offered to children "
                               "who go missing from home or care.",
                               NULL, 8);
    csb_inspection_add_finding(a, CSB_FINDING_RECOMMENDATION,
                               "Improve the attainment of children looked after at key stage 4.",
                               NULL, 8);
    CsbInspection *b = report(r->reports, "2025.pdf", "Redcar and Cleveland", CSB_KIND_ILACS,
                              "2025-12-01", "2025-12-12");
    body(b, 2);
    finding(b, "The sufficiency of homes for children in care.");
    finding(b, "The response to children who are privately fostered.");
    finding(b, "The tracking of children missing from education.");
    run(r, "Redcar and Cleveland", NULL, NULL);
    const CsbStory *s = r->c->focus;
    const CsbAfiTrack *pf = track_of(s, "The response to children who are privately");
    CHECK(pf && pf->status == CSB_AFI_RECURRING, "private fostering recurs (%s)",
          pf ? csb_afi_status_id(pf->status) : "missing");
    const CsbAfiMatch *m = pf && pf->earlier->len ? pf->earlier->pdata[0] : NULL;
    CHECK(m && m->inspection == a, "its earlier occurrence is the 2017 recommendation");
    CHECK(m && m->themes->len && g_strcmp0(m->themes->pdata[0], "private-fostering") == 0,
          "explained by the shared theme");
    CHECK(m && m->shared_words->len == 2, "and the shared words (privately, fostered)");
    const CsbAfiTrack *early = track_of(s, "Improve the management and monitoring");
    CHECK(early && early->status == CSB_AFI_NEW && early->later->len == 1,
          "the 2017 one is new, raised again later");
    const CsbAfiTrack *suff = track_of(s, "The sufficiency of homes");
    CHECK(suff && suff->status == CSB_AFI_NEW && suff->earlier->len == 0,
          "sufficiency matches nothing earlier");
    const CsbAfiTrack *cme = track_of(s, "The tracking of children missing from education");
    CHECK(cme && cme->earlier->len == 0,
          "missing from education is not missing from home, though both say 'missing'");
    const CsbAfiTrack *edu = track_of(s, "Improve the attainment");
    CHECK(edu && edu->status == CSB_AFI_NOT_RAISED_AGAIN, "attainment was not raised again");
    run_free(r);
    g_free(r);
}

/* The most recent earlier report that raised a weakness is the link; the
 * report's own words link even when the findings are worded apart; a
 * visit the words name that is not among the reports leaves no link; a
 * shared common word links nothing. */
/* Does the recurrence data find the issue titled title in text? */
static gboolean names_issue(const char *text, const char *title)
{
    char *form = csb_themes_match_form(text);
    GArray *hits = csb_recurrence_find(recurrence, form);
    gboolean found = FALSE;
    for (guint i = 0; i < hits->len; i++)
        found |= strcmp(csb_recurrence_issue(recurrence, g_array_index(hits, CsbIssueHit, i).issue)
                            ->title,
                        title) == 0;
    g_array_free(hits, TRUE);
    g_free(form);
    return found;
}

/* Does the recurrence data read sentence as saying a weakness was raised
 * before (declares), or as referring back to the sentence before it? */
static gboolean declares(const char *sentence)
{
    char *form = csb_themes_match_form(sentence);
    gboolean yes = csb_recurrence_declares(recurrence, form);
    g_free(form);
    return yes;
}

static gboolean refers_back(const char *sentence)
{
    char *form = csb_themes_match_form(sentence);
    gboolean yes = csb_recurrence_refers_back(recurrence, form);
    g_free(form);
    return yes;
}

static void test_afi_issues(void)
{
    const char *plans = "the quality of children's plans";
    CHECK(names_issue("The quality of written plans for children.", plans),
          "'plans' names the quality of children's plans");
    CHECK(!names_issue("Pathway plans are still too inconsistent.", plans),
          "a phrase that is not the issue runs to the end of its word: 'pathway plans' is not "
          "the quality of children's plans");
    CHECK(!names_issue("Personal education plans (PEPs) remain weak.", plans),
          "nor are 'personal education plans'");
    CHECK(names_issue("The effectiveness of management direction and challenge.",
                      "supervision and management oversight"),
          "'management direction' is management oversight");
    const char *missing = "children who go missing";
    CHECK(names_issue("Return home interviews when children go missing.", missing) &&
              names_issue("The response to children who are missing from home.", missing),
          "'go missing' and 'who are missing' name children who go missing");
    CHECK(!names_issue("The welfare of children who are missing education is safeguarded.",
                       missing),
          "children missing education are not children who go missing");
    const char *system = "Difficulties using the electronic recording system were an issue.";
    CHECK(names_issue(system, "the electronic case recording system") &&
              !names_issue(system, "recording and case records"),
          "the electronic recording system is an issue of its own, not the recording of work");
    CHECK(!declares("Although there have been some improvements since the last inspection, "
                    "there remain significant inconsistencies in the quality of practice.") &&
              declares("Since the last inspection, the quality of plans remains weak."),
          "'there remain ...' after 'since the last inspection' does not say a weakness was "
          "raised before; '... remains weak' does");
    /* Wakefield 2016: current weaknesses, not ones raised before. */
    CHECK(!declares("While these weaknesses are being systematically addressed, and inspectors "
                    "saw no children at risk of immediate harm, they remain areas for "
                    "improvement.") &&
              declares("The application of thresholds continues to be an area for improvement."),
          "'they remain areas for improvement' does not say a weakness was raised before; "
          "'thresholds continue to be an area for improvement' does");
    /* Peterborough 2015: a recommendation acted on does not recur. */
    CHECK(!declares("Action taken in response to one of the recommendations made at the last "
                    "inspection means that there are now more opportunities for children to "
                    "have a meaningful say in the plans and decisions that affect them."),
          "recommendations of the last inspection acted on are not raised again");
    /* Thurrock 2016: the issues listed are those put right. */
    CHECK(!declares("The local authority has addressed effectively almost all areas for "
                    "improvement that were identified at its last inspection, including its "
                    "response to referrers and implementation of early help assessments.") &&
              !declares("Most areas for improvement identified at the last inspection have "
                        "been acted on.") &&
              declares("Most areas for improvement identified at the last inspection have "
                       "been addressed, but the quality of plans remains an area for "
                       "improvement."),
          "areas for improvement of the last inspection addressed are not raised again, "
          "unless the sentence goes on to what remains");
    /* Slough 2014: "Both" opening a new subject does not refer back. */
    CHECK(!refers_back("Both the procedures in place and the practice of professionals have not "
                       "ensured the voice of the child is heard.") &&
              refers_back("Both remain areas for improvement."),
          "'Both the procedures ...' does not refer back to the sentence before; 'Both remain "
          "...' does");
}

/* Rutland's three reports: a 2016 SIF (requires improvement), ILACS in
 * 2020 and 2024 (good), each with filler paragraphs, into in. */
static void rutland(Run *r, CsbInspection *in[3])
{
    in[0] = report(r->reports, "2016.pdf", "Rutland", CSB_KIND_SIF, "2016-01-11", "2016-02-04");
    grade(in[0], "overall", CSB_GRADE_REQUIRES_IMPROVEMENT, "Requires improvement");
    in[1] = report(r->reports, "2020.pdf", "Rutland", CSB_KIND_ILACS, "2020-03-02", "2020-03-13");
    grade(in[1], "overall", CSB_GRADE_GOOD, "Good");
    in[2] = report(r->reports, "2024.pdf", "Rutland", CSB_KIND_ILACS, "2024-05-06", "2024-05-17");
    grade(in[2], "overall", CSB_GRADE_GOOD, "Good");
    for (int i = 0; i < 3; i++)
        body(in[i], i + 1);
}

static void test_afi_links(void)
{
    Run *r = new_run();
    CsbInspection *in[3];
    rutland(r, in);
    CsbInspection *a = in[0], *b = in[1], *c = in[2];
    finding(a, "Ensure that children who go missing are offered a return home interview and that "
               "the information is used to reduce risk.");
    finding(a, "Ensure that care plans include contingency plans.");
    finding(a, "Improve the life-story work available to children in care.");
    finding(a, "Improve the response to children living with domestic abuse.");
    finding(b, "The quality and timeliness of return home interviews for children who go "
               "missing.");
    finding(b, "Strengthen the response to children at risk of criminal exploitation.");
    finding(b, "The timeliness of pre-birth assessments.");
    finding(c, "The uptake of return home interviews when children go missing from home.");
    finding(c, "Direct work with children to help them understand their histories.");
    finding(c, "The timeliness of strategy discussions.");
    finding(c, "Contingency arrangements in pre-proceedings.");
    csb_inspection_add_paragraph(c, 30, "Children in care",
                                 "Too few children have life-story work. This was a "
                                 "recommendation at the last inspection and little has changed.",
                                 7);
    csb_inspection_add_paragraph(c, 12, "Help and protection",
                                 "Strategy discussions are not always timely. This was raised at "
                                 "the last focused visit.",
                                 4);
    finding(c, "The response to children at risk of criminal exploitation.");
    finding(c, "Support for young carers.");
    finding(c, "The response to care leavers in custody.");
    finding(c, "The identification of disabled children and of children living in private "
               "fostering arrangements.");
    csb_inspection_add_paragraph(c, 40, "Children in care",
                                 "Private fostering was identified as an area for improvement at "
                                 "the last inspection. Young carers are well supported by a "
                                 "dedicated team.",
                                 8);
    csb_inspection_add_paragraph(c, 42, "Help and protection",
                                 "Pre-birth assessments were raised as a weakness at the last "
                                 "focused visit. This is also the case for the response to "
                                 "criminal exploitation.",
                                 5);
    finding(c, "Earlier pre-birth assessments.");
    finding(c, "The response to children living with domestic abuse.");
    csb_inspection_add_paragraph(c, 43, "Help and protection",
                                 "Domestic abuse was identified as a weakness at the inspection "
                                 "in 2012.",
                                 7);
    csb_inspection_add_paragraph(c, 41, "Care leavers",
                                 "The response to homeless 16- and 17-year-olds was identified as "
                                 "an area for improvement at the last inspection. While progress "
                                 "has been made, this is not yet the case for care leavers in "
                                 "custody.",
                                 9);
    run(r, "Rutland", NULL, NULL);
    const CsbStory *s = r->c->focus;
    const CsbAfiTrack *rhi = track_of(s, "The uptake of return home interviews");
    CHECK(rhi && rhi->raised_before && rhi->raised_before->inspection == b,
          "return home interviews: linked to 2020, the most recent report that raised it, not "
          "2016");
    CHECK(rhi && rhi->raised_before && rhi->raised_before->issues->len &&
              strcmp(rhi->raised_before->issues->pdata[0], "return home interviews") == 0,
          "and says why: both are about return home interviews");
    const CsbAfiTrack *story = track_of(s, "Direct work with children");
    CHECK(story && story->status == CSB_AFI_RECURRING && story->declared &&
              strcmp(story->declared, "Too few children have life-story work. This was a "
                                      "recommendation at the last inspection and little has "
                                      "changed.") == 0 &&
              story->raised_before && story->raised_before->declared,
          "the report's own words make life-story work recurring, and are kept, with the "
          "sentence before them that names it ('This' refers back)");
    CHECK(story && story->raised_before && story->raised_before->inspection == b &&
              !story->raised_before->finding,
          "linked to the last inspection the words name (2020), whose findings do not raise it");
    const CsbAfiTrack *sd = track_of(s, "The timeliness of strategy discussions");
    CHECK(sd && sd->status == CSB_AFI_RECURRING && sd->declared_unread && !sd->raised_before,
          "raised at a focused visit not among the reports: recurring, no link");
    const CsbAfiTrack *pb = track_of(s, "Earlier pre-birth assessments");
    CHECK(pb && pb->status == CSB_AFI_RECURRING && pb->declared_unread && !pb->raised_before,
          "a sentence naming the weakness and a focused visit not read: no link, though 2020 "
          "raised it (the visit did after it)");
    const CsbAfiTrack *ce = track_of(s, "The response to children at risk of criminal");
    CHECK(ce && ce->status == CSB_AFI_RECURRING && ce->declared_unread && ce->raised_before &&
              ce->raised_before->inspection == b && !ce->raised_before->declared,
          "words naming a focused visit not read, with the weakness from the sentence after "
          "them: recurring, and linked as without them, to the 2020 finding on exploitation");
    const CsbAfiTrack *ls = track_of(s, "The response to children living with domestic");
    CHECK(ls && ls->declared_unread && ls->raised_before && ls->raised_before->inspection == a,
          "raised at an inspection not read (2012) before 2016, which raised it: linked to 2016");
    const CsbAfiTrack *carers = track_of(s, "Support for young carers");
    CHECK(carers && carers->status == CSB_AFI_NEW && !carers->declared,
          "a sentence that moves on after the report's words ('Young carers are well "
          "supported') lends them no issue: young carers are new");
    const CsbAfiTrack *custody = track_of(s, "The response to care leavers in custody");
    CHECK(custody && custody->status == CSB_AFI_RECURRING && custody->declared &&
              custody->raised_before && custody->raised_before->inspection == b,
          "one that speaks of them (', this is not yet the case for care leavers in custody') "
          "does: linked to the last inspection");
    CHECK(custody && custody->declared &&
              strcmp(custody->declared,
                     "The response to homeless 16- and 17-year-olds was identified as an area "
                     "for improvement at the last inspection. While progress has been made, "
                     "this is not yet the case for care leavers in custody.") == 0,
          "and the words shown are both sentences, the one naming custody too: %s",
          custody && custody->declared ? custody->declared : "(none)");
    CHECK(ce && ce->declared && g_str_has_suffix(ce->declared, "criminal exploitation.") &&
              g_str_has_prefix(ce->declared, "Pre-birth assessments"),
          "so for exploitation, lent by the sentence after the words: %s",
          ce && ce->declared ? ce->declared : "(none)");
    CHECK(pb && pb->declared &&
              strcmp(pb->declared, "Pre-birth assessments were raised as a weakness at the "
                                   "last focused visit.") == 0,
          "a sentence naming the weakness itself is shown alone: %s",
          pb && pb->declared ? pb->declared : "(none)");
    const CsbAfiTrack *pf = track_of(s, "The identification of disabled children");
    CHECK(pf && pf->declared && g_str_has_prefix(pf->declared, "Private fostering") &&
              pf->raised_before && pf->raised_before->inspection == b,
          "the report's words about a specific issue the finding names second (private "
          "fostering) link it too");
    const CsbAfiTrack *cont = track_of(s, "Contingency arrangements");
    CHECK(cont && cont->status == CSB_AFI_NEW && !cont->raised_before,
          "'contingency' alone links nothing (new)");
    run_free(r);
    g_free(r);
}

/* A broad issue that links alone (management oversight) links findings
 * worded apart, to the most recent report naming it in a finding's
 * subject; one that does not (plans) does not. A report the later one's
 * words name is the link when its text raised the weakness, though none
 * of its findings did; else the older report with a finding on it. */
static void test_afi_broad_and_text(void)
{
    Run *r = new_run();
    CsbInspection *in[3];
    rutland(r, in);
    CsbInspection *a = in[0], *b = in[1], *c = in[2];
    finding(a, "Ensure that all social workers receive regular, reflective supervision.");
    finding(a, "Ensure that plans for children in need set out the outcomes sought, who will "
               "act and by when.");
    finding(a, "Ensure that care leavers live in suitable accommodation.");
    finding(a, "Improve the timeliness of initial health assessments.");
    finding(b, "The consistency of practice across teams, including supervision.");
    csb_inspection_add_paragraph(b, 20, "Care leavers",
                                 "Some care leavers live in bed and breakfast accommodation.", 3);
    finding(c, "The quality and impact of management oversight.");
    finding(c, "The quality of written plans for children.");
    finding(c, "The choice of accommodation for care leavers.");
    finding(c, "The timeliness of initial health assessments when children come into care.");
    csb_inspection_add_paragraph(c, 30, "Care leavers",
                                 "The quality of accommodation for care leavers has improved "
                                 "little since the last inspection.",
                                 5);
    csb_inspection_add_paragraph(c, 31, "Children in care",
                                 "Initial health assessments have not improved since the last "
                                 "inspection.",
                                 5);
    run(r, "Rutland", NULL, NULL);
    const CsbStory *s = r->c->focus;
    const CsbAfiTrack *mo = track_of(s, "The quality and impact of management oversight");
    CHECK(mo && mo->raised_before && mo->raised_before->inspection == b,
          "management oversight links alone, worded apart, to 2020, whose finding names it "
          "second, not 2016");
    const CsbAfiTrack *plans = track_of(s, "The quality of written plans");
    CHECK(plans && !plans->raised_before, "the quality of plans does not link alone");
    const CsbAfiTrack *acc = track_of(s, "The choice of accommodation");
    CHECK(acc && acc->declared && acc->raised_before && acc->raised_before->inspection == b &&
              !acc->raised_before->finding,
          "'has improved little since the last inspection': linked to 2020, whose text raised "
          "it, not to 2016's finding");
    const CsbAfiTrack *health = track_of(s, "The timeliness of initial health");
    CHECK(health && health->declared && health->raised_before &&
              health->raised_before->inspection == a,
          "2020 raised initial health assessments nowhere: linked to 2016's finding");
    run_free(r);
    g_free(r);
}

/* Of two findings of one report on the same weakness, the link shows the
 * one first about what the later finding is first about. */
static void test_afi_why(void)
{
    Run *r = new_run();
    CsbInspection *a = report(r->reports, "2019.pdf", "Rutland", CSB_KIND_ILACS, "2019-03-04",
                              "2019-03-15");
    body(a, 1);
    grade(a, "overall", CSB_GRADE_GOOD, "Good");
    finding(a, "The quality and timeliness of life-story work for children in care.");
    finding(a, "Escalation by independent reviewing officers.");
    CsbInspection *b = report(r->reports, "2023.pdf", "Rutland", CSB_KIND_ILACS, "2023-05-08",
                              "2023-05-19");
    body(b, 2);
    grade(b, "overall", CSB_GRADE_GOOD, "Good");
    finding(b, "The quality and timeliness of challenge from independent reviewing officers, "
               "including for life-story work.");
    run(r, "Rutland", NULL, NULL);
    const CsbAfiTrack *t = track_of(r->c->focus, "The quality and timeliness of challenge");
    const CsbAfiMatch *m = t ? t->raised_before : NULL;
    CHECK(m && m->inspection == a && m->finding &&
              g_str_has_prefix(m->finding->text, "Escalation by independent"),
          "the link shows the finding on independent reviewing officers, what both are first "
          "about, not the closer one in wording on life-story work (%s)",
          m && m->finding ? m->finding->text : "none");
    run_free(r);
    g_free(r);
}

static void test_evidence_ranking(void)
{
    Run *r = new_run();
    CsbInspection *a = report(r->reports, "a.pdf", "Rutland", CSB_KIND_ILACS, "2019-03-04",
                              "2019-03-15");
    csb_inspection_add_paragraph(a, 4, "In care",
                                 "Placement stability is strong and children live close to home.",
                                 5);
    csb_inspection_add_paragraph(a, 5, "In care", "There is a lack of sufficiency of local homes.",
                                 5);
    CsbInspection *b = report(r->reports, "b.pdf", "Rutland", CSB_KIND_ILACS, "2023-05-15",
                              "2023-05-26");
    csb_inspection_add_paragraph(b, 3, "In care",
                                 "The sufficiency strategy is effective and well led. "
                                 "However, too many children live at a distance from home.",
                                 4);
    csb_inspection_add_paragraph(b, 9, "Leaders", "The sufficiency strategy is effective.", 9);
    const char *themes[] = {"sufficiency", NULL};
    run(r, "Rutland", themes, NULL);
    const CsbThemeStory *t = r->c->focus->themes->pdata[0];
    CHECK(t->evidence->len == 4, "four paragraphs speak to sufficiency (%u)", t->evidence->len);
    GString *order = g_string_new(NULL);
    for (guint i = 0; i < t->evidence->len; i++) {
        const CsbEvidence *e = t->evidence->pdata[i];
        g_string_append_printf(order, "%s%s", i ? " " : "", csb_tone_id(e->tone));
    }
    CHECK_STR(order->str, "concern mixed strength strength",
              "ranked across inspections: concerns first");
    const CsbEvidence *top = t->evidence->pdata[0];
    CHECK(top->inspection == a && top->paragraph->number == 5 && top->paragraph->page == 5,
          "cited by report, paragraph and page");
    CHECK(t->timeline->len == 2 && t->concerns == 1 && t->mixed == 1 && t->strengths == 2,
          "per-inspection timeline and totals");
    g_string_free(order, TRUE);
    run_free(r);
    g_free(r);
}

/* Visits the reports name that are not among them: kept once, with the
 * month when any mention gives it; those read, dated within two months, or
 * still to come are not. */
static void test_mentioned_visits(void)
{
    Run *r = new_run();
    CsbInspection *sif = report(r->reports, "sif.pdf", "Rutland", CSB_KIND_SIF, "2017-01-09",
                                "2017-02-02");
    grade(sif, "overall", CSB_GRADE_GOOD, "Good");
    report(r->reports, "fv.pdf", "Rutland", CSB_KIND_FOCUSED_VISIT, "2021-03-02", "2021-03-03");
    CsbInspection *in = report(r->reports, "i.pdf", "Rutland", CSB_KIND_ILACS, "2022-05-09",
                               "2022-05-20");
    grade(in, "overall", CSB_GRADE_GOOD, "Good");
    csb_inspection_add_paragraph(in, 1, "Summary",
                                 "Since the focused visit in February 2019, leaders have acted. "
                                 "A focused visit by Ofsted in July 2020 found progress. "
                                 "The 2019 focused visit found weak plans.", 1);
    csb_inspection_add_paragraph(in, 2, "Summary",
                                 "In 2018, Ofsted conducted a joint targeted area inspection. "
                                 "The joint targeted area inspection (JTAI) in July 2018 found "
                                 "the same. "
                                 "The focused visit in May 2021 saw progress. The next focused "
                                 "visit in 2024 will look at care leavers.", 1);
    csb_inspection_add_paragraph(in, 3, "Summary",
                                 "Since the last inspection in 2017, and the last inspection in "
                                 "2020, leaders have acted. The fostering service was judged to "
                                 "be good at the last inspection in 2019. The 2015 inspection "
                                 "found the same.", 1);
    run(r, "Rutland", NULL, NULL);
    const GPtrArray *m = r->c->focus->mentioned;
    CHECK(m && m->len == 4, "four visits and inspections named and not read (got %u)",
          m ? m->len : 0);
    if (m && m->len == 4) {
        const CsbMention *jtai = m->pdata[0], *visit = m->pdata[1], *ins = m->pdata[2],
                         *by = m->pdata[3];
        CHECK(by->kind == CSB_KIND_FOCUSED_VISIT && by->year == 2020 && by->month == 7,
              "'A focused visit by Ofsted in July 2020'");
        CHECK(jtai->kind == CSB_KIND_JTAI && jtai->year == 2018 && jtai->month == 7,
              "'In 2018, Ofsted conducted a joint targeted area inspection' and 'the joint "
              "targeted area inspection (JTAI) in July 2018' are one, oldest first");
        CHECK(visit->kind == CSB_KIND_FOCUSED_VISIT && visit->year == 2019 && visit->month == 2 &&
                  visit->by == in,
              "'the focused visit in February 2019' and 'the 2019 focused visit' are one, "
              "February 2019");
        CHECK(ins->kind == CSB_KIND_UNKNOWN && ins->year == 2020,
              "'the last inspection in 2020' is an inspection of any kind that grades, not read; "
              "2017's was read, the fostering service's 2019 one is not the authority's, and "
              "2015 is before the reports begin");
    }
    run_free(r);
    g_free(r);
}

/* data/frameworks.yaml with lists of its 'mentions:' replaced: edits
 * holds pairs of a key and its new list (YAML), then NULL. In a new
 * temporary file (path owned). */
static char *frameworks_with(const char *const *edits)
{
    char *text = NULL;
    g_file_get_contents("data/frameworks.yaml", &text, NULL, NULL);
    char *edited = g_strdup(text ? text : "");
    for (guint i = 0; edits[i] && edits[i + 1]; i += 2) {
        char *src = g_strdup_printf("^  %s: \\[[^\\]]*\\]", edits[i]);
        GRegex *re = g_regex_new(src, G_REGEX_MULTILINE, 0, NULL);
        char *with = g_strdup_printf("  %s: %s", edits[i], edits[i + 1]);
        char *next = g_regex_replace_literal(re, edited, -1, 0, with, 0, NULL);
        CHECK(next && strcmp(next, edited) != 0, "the %s list replaced by %s", edits[i],
              edits[i + 1]);
        g_free(edited);
        edited = next ? next : g_strdup("");
        g_regex_unref(re);
        g_free(with);
        g_free(src);
    }
    char *path = NULL;
    int fd = g_file_open_tmp("csbrief-frameworks-XXXXXX.yaml", &path, NULL);
    if (fd >= 0) {
        close(fd);
        g_file_set_contents(path, edited, -1, NULL);
    }
    g_free(edited);
    g_free(text);
    return path;
}

/* The inspections and visits named and not read in paragraphs (NULL
 * ended) of Rutland's 2022 ILACS report (its 2017 SIF read, unless
 * alone), read against the frameworks at path (NULL: the run's): "2020"
 * for an inspection of any kind, "focused-visit 2021" for a visit,
 * "focused-visit <2022-03" for one named without a date ("<2022-03
 * since 2016" when a year it is since is said). */
static char *mentions_alone(const char *path, const char *const *paragraphs, gboolean alone)
{
    CsbDiag *d = csb_diag_new();
    CsbFrameworks *fw = path ? csb_frameworks_load(path, d) : NULL;
    CsbAreaMap *mine = fw ? csb_areas_load("data/areas.csv", fw, d) : NULL;
    CsbAreaMap *saved = areas;
    if (path && !mine) {
        csb_diag_print(d, stdout);
        csb_frameworks_free(fw);
        csb_diag_free(d);
        return g_strdup("(not loaded)");
    }
    if (mine)
        areas = mine;
    Run *r = new_run();
    if (!alone) {
        CsbInspection *sif = report(r->reports, "sif.pdf", "Rutland", CSB_KIND_SIF,
                                    "2017-01-09", "2017-02-02");
        grade(sif, "overall", CSB_GRADE_GOOD, "Good");
    }
    CsbInspection *in = report(r->reports, "i.pdf", "Rutland", CSB_KIND_ILACS, "2022-03-07",
                               "2022-03-18");
    grade(in, "overall", CSB_GRADE_GOOD, "Good");
    for (int i = 0; paragraphs[i]; i++)
        csb_inspection_add_paragraph(in, i + 1, "Summary", paragraphs[i], 1);
    run(r, "Rutland", NULL, NULL);
    GString *named = g_string_new(NULL);
    const GPtrArray *m = r->c->focus->mentioned;
    for (guint i = 0; m && i < m->len; i++) {
        const CsbMention *x = m->pdata[i];
        g_string_append_printf(named, "%s%s%s", i ? " " : "",
                               x->kind ? csb_kind_id(x->kind) : "", x->kind ? " " : "");
        if (x->year)
            g_string_append_printf(named, "%d", x->year);
        else
            g_string_append_printf(named, "<%d-%02d", x->before.year, x->before.month);
        if (x->since)
            g_string_append_printf(named, " since %d", x->since);
    }
    run_free(r);
    g_free(r);
    areas = saved;
    csb_areas_free(mine);
    csb_frameworks_free(fw);
    csb_diag_free(d);
    return g_string_free(named, FALSE);
}

static char *mentions_in(const char *path, const char *const *paragraphs)
{
    return mentions_alone(path, paragraphs, FALSE);
}

/* Visits and inspections named without a date: an earlier one of the
 * authority's is a gap when no report before the one naming it can be it,
 * known as before that report; one to come, another's, one the report
 * also names by its date, "the last inspection" when the one before is
 * read, or any named in the first report read, is not. */
static void test_mentioned_undated(void)
{
    static const char *const paragraphs[] = {
        "Management oversight of referrals has improved since the last focused visit, "
        "which identified this as an area for improvement.",
        "They have made good use of monitoring visits since the 2016 inspection.",
        "Areas for improvement identified at the last inspection have been addressed.",
        "The next monitoring visit will look at care leavers. A joint targeted area "
        "inspection is planned.",
        NULL,
    };
    char *found = mentions_in(NULL, paragraphs);
    CHECK_STR(found, "focused-visit <2022-03 monitoring-visit <2022-03 since 2016",
              "'the last focused visit' and 'monitoring visits since the 2016 inspection' "
              "before the report of March 2022 (the SIF of 2017 is no visit); not 'the last "
              "inspection' (the 2017 SIF is read), 'the next monitoring visit', a JTAI "
              "planned");
    g_free(found);
    found = mentions_alone(NULL, paragraphs, TRUE);
    CHECK_STR(found, "",
              "the report alone: what it names without a date came before the reports "
              "begin, outside the years they span, as a dated mention there is");
    g_free(found);
    static const char *const others[] = {
        "Since the focused visit, leaders have acted. The focused visit in May 2021 found "
        "progress.",
        "All children are placed in provision judged to be good at their most recent "
        "inspection. The youth offending service was judged good by probation "
        "inspectors at the last inspection. The last CQC inspection of the trust found "
        "the same. Ofsted will carry out a focused visit later this year.",
        NULL,
    };
    found = mentions_alone(NULL, others, TRUE);
    CHECK_STR(found, "",
              "'the focused visit' of a report that dates one (May 2021, before the reports "
              "begin) is that one; providers' and other inspectorates' inspections, and a "
              "visit to come, are not gaps");
    static const char *const own[] = {others[1], "Since the focused visit, leaders have acted.",
                                      NULL};
    g_free(found);
    found = mentions_in(NULL, own);
    CHECK_STR(found, "focused-visit <2022-03",
              "'since the focused visit', no date named, after an inspection read");
    g_free(found);
}

/* Three paragraphs, one naming a fostering service's inspection, one a
 * youth offending service's, one the authority's. */
static const char *const service_paragraphs[] = {
    "The fostering service was judged to be good at the last inspection in 2019.",
    "The youth offending service was judged to be good at the last inspection in 2020.",
    "Leaders have acted since the last inspection in 2021.",
    NULL,
};

/* Whether an inspection a report names is a service's, not the
 * authority's, is decided by data/frameworks.yaml's phrases: changing
 * them changes which are gaps. */
static void test_mentioned_services_from_data(void)
{
    char *years = mentions_in(NULL, service_paragraphs);
    CHECK_STR(years, "2020 2021",
              "data/frameworks.yaml: the fostering service's 2019 inspection is not a gap; the "
              "youth offending service's (no phrase of the file) is");
    g_free(years);
    const char *const yot[] = {"services", "[youth offending service]", NULL};
    char *path = frameworks_with(yot);
    years = mentions_in(path, service_paragraphs);
    CHECK_STR(years, "2019 2021",
              "services: [youth offending service]: the fostering service's 2019 inspection is "
              "a gap, the youth offending service's not");
    g_unlink(path);
    g_free(path);
    g_free(years);
    const char *const none[] = {"services", "[]", NULL};
    path = frameworks_with(none);
    years = mentions_in(path, service_paragraphs);
    CHECK_STR(years, "2019 2020 2021", "services: []: every inspection named is a gap");
    g_unlink(path);
    g_free(path);
    g_free(years);
}

/* The words around an inspection or a visit named by its date are
 * data/frameworks.yaml's too (mentions: qualifiers, kinds, inspectorate,
 * held, who, did): changing them changes what is found. */
static void test_mentioned_words_from_data(void)
{
    static const char *const paragraphs[] = {
        "Leaders have acted since the latest inspection in 2018 and the last inspection in "
        "2019.",
        "The focused visit performed in March 2020 found progress.",
        "In 2021, inspectors conducted a focused visit.",
        "The 2020 Ofsted standard inspection found the same. The monitoring visit that took "
        "place in 2019 saw progress, as did a focused visit by Ofsted in July 2018.",
        "During 2019, Ofsted led a joint targeted area inspection.",
        NULL,
    };
    char *found = mentions_in(NULL, paragraphs);
    CHECK_STR(found, "focused-visit 2018 2019 monitoring-visit 2019 2020 focused-visit 2021",
              "data/frameworks.yaml: 'a focused visit by Ofsted', 'the last inspection', 'the "
              "2020 Ofsted standard inspection', 'the monitoring visit that took place', 'In "
              "2021, inspectors conducted a focused visit'; not 'the latest inspection', nor "
              "'performed', nor 'Ofsted led'");
    g_free(found);
    static const char *const edits[] = {
        "qualifiers", "[latest]", "held", "[performed]", "who", "[ofsted]",
        "did", "[led]", "kinds", "[full]", NULL,
    };
    char *path = frameworks_with(edits);
    found = mentions_in(path, paragraphs);
    CHECK_STR(found, "2018 focused-visit 2018 jtai 2019 focused-visit 2020 monitoring-visit <2022-03",
              "qualifiers: [latest], held: [performed], who: [ofsted], did: [led], kinds: "
              "[full]: 'the latest inspection', the visit 'performed' and 'Ofsted led' are "
              "found; 'the last inspection', the visit 'that took place' (named without a "
              "date now), 'inspectors conducted' and 'the 2020 Ofsted standard inspection' "
              "are not");
    g_unlink(path);
    g_free(path);
    g_free(found);
    static const char *const no_ofsted[] = {"inspectorate", "[]", NULL};
    path = frameworks_with(no_ofsted);
    found = mentions_in(path, paragraphs);
    CHECK_STR(found, "2019 monitoring-visit 2019 focused-visit 2021",
              "inspectorate: []: 'the 2020 Ofsted standard inspection' and 'a focused visit by "
              "Ofsted in July 2018' are not found");
    g_unlink(path);
    g_free(path);
    g_free(found);
}

/* Reports not read in the JSON (compare_json.c): each with the kind of
 * problem (reason: its id; "unknown" when none was given, as in an older
 * manifest's note), and reason null for one read without some grades. */
static void test_not_read_json(void)
{
    Run *r = new_run();
    CsbInspection *a = report(r->reports, "a.pdf", "Redcar and Cleveland", CSB_KIND_ILACS,
                              "2019-01-14", "2019-01-25");
    grade(a, "overall", CSB_GRADE_GOOD, "Good");
    /* Read, but its overall grade could not be. */
    const CsbInspection *partly = report(r->reports, "b.pdf", "Redcar and Cleveland",
                                         CSB_KIND_ILACS, "2022-06-20", "2022-07-01");
    r->not_read = g_ptr_array_new_with_free_func((GDestroyNotify)csb_not_read_free);
    g_ptr_array_add(r->not_read,
                    csb_not_read_new("b.pdf", "the grade for 'Overall effectiveness' reads 'Gd', "
                                              "which is not a grade; left empty",
                                     CSB_UNREAD_UNKNOWN, "Redcar and Cleveland",
                                     csb_date_from_iso("2022-08-01"), NULL, "ilacs", partly));
    g_ptr_array_add(r->not_read,
                    csb_not_read_new("c.pdf", "an HTML page (probably a download error) saved "
                                              "as a report, not a report: download it again",
                                     CSB_UNREAD_HTML_PAGE, "Redcar and Cleveland",
                                     csb_date_from_iso("2024-05-01"), "Inspection of Redcar",
                                     "ilacs", NULL));
    g_ptr_array_add(r->not_read, csb_not_read_new("d.pdf", "damaged: download it again",
                                                  CSB_UNREAD_UNKNOWN, "Redcar and Cleveland",
                                                  csb_date_from_iso("2020-03-02"), NULL, NULL,
                                                  NULL));
    run(r, "Redcar and Cleveland", NULL, NULL);
    GString *json = g_string_new(NULL);
    csb_comparison_to_json(r->c, json);
    const char *html = "{\"file\": \"c.pdf\", \"date\": \"2024-05-01\", \"title\": \"Inspection "
                       "of Redcar\", \"read\": false, \"reason\": \"html-page\", \"why\": \"an "
                       "HTML page (probably a download error) saved as a report, not a report: "
                       "download it again\"}";
    const char *grades = "{\"file\": \"b.pdf\", \"date\": \"2022-07-01\", \"title\": null, "
                         "\"read\": true, \"reason\": null, \"why\": \"the grade for 'Overall "
                         "effectiveness' reads 'Gd', which is not a grade; left empty\"}";
    const char *older = "{\"file\": \"d.pdf\", \"date\": \"2020-03-02\", \"title\": null, "
                        "\"read\": false, \"reason\": \"unknown\", \"why\": \"damaged: download "
                        "it again\"}";
    const char *list = strstr(json->str, "\"not_read\": [");
    CHECK(list && strstr(list, html), "not_read: a file not read, with its kind (html-page)");
    CHECK(list && strstr(list, grades), "not_read: a report read without a grade, reason null");
    CHECK(list && strstr(list, older), "not_read: a file whose kind was not given, 'unknown'");
    char *since = g_strconcat("\"not_read_since\": ", html, NULL);
    CHECK(strstr(json->str, since) != NULL,
          "overall's not_read_since: the later file not read, with its kind");
    guint reasons = 0;
    for (const char *p = json->str; (p = strstr(p, "\"reason\": ")); p++)
        reasons++;
    CHECK(reasons == 4, "a reason in each of the 3 not_read and the 1 not_read_since (%u)",
          reasons);
    g_free(since);
    g_string_free(json, TRUE);
    run_free(r);
    g_free(r);
}

int main(void)
{
    CsbDiag *d = csb_diag_new();
    reference = csb_reference_load(".", d);
    authorities = reference ? reference->authorities : NULL;
    areas = reference ? csb_areas_load("data/areas.csv", reference->frameworks, d) : NULL;
    library = csb_themes_load("templates/themes.yaml", "templates/cues.yaml", d);
    recurrence = csb_recurrence_load("data/recurrence.yaml", d);
    CHECK(authorities && areas && library, "the authority table, area map and themes load");
    if (authorities && areas && library) {
        RUN(test_scale);
        RUN(test_across_frameworks);
        RUN(test_first_and_post_2026);
        RUN(test_visits_and_undated);
        RUN(test_dedup);
        RUN(test_afis);
        RUN(test_afi_issues);
        RUN(test_afi_links);
        RUN(test_afi_broad_and_text);
        RUN(test_afi_why);
        RUN(test_evidence_ranking);
        RUN(test_mentioned_visits);
        RUN(test_mentioned_undated);
        RUN(test_mentioned_services_from_data);
        RUN(test_mentioned_words_from_data);
        RUN(test_not_read_json);
    }
    csb_diag_print(d, stdout);
    csb_themes_free(library);
    csb_recurrence_free(recurrence);
    csb_areas_free(areas);
    csb_reference_free(reference);
    csb_diag_free(d);
    return unit_done();
}
