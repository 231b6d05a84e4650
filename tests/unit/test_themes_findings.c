/* test_themes_findings.c - a theme's finding wordings (`findings:` in
 * templates/themes.yaml): an area for improvement is on a theme by its
 * phrases or by them (csb_theme_on_finding), a paragraph by its phrases
 * alone; a not-phrase may hold a finding wording and leaves it out there;
 * and the shipped library puts the areas for improvement an audit of the
 * national packs found missing from their theme's box on it (Devon,
 * Rutland, Ealing 2024-25, Telford and Wrekin, Stockport), and not the
 * findings on other things that share their words.
 */
#include "../../src/analysis/analysis.h"
#include "../../src/themes/themes.h"
#include "unit.h"
#include "unit_themes.h"

#include <glib/gstdio.h>

static CsbThemeLibrary *lib;
static char *scratch;

static CsbThemeLibrary *load(const char *yaml, char **err)
{
    return unit_themes_from_yaml(scratch, yaml, err);
}

static void test_loading(void)
{
    char *err;
    CsbThemeLibrary *l = load("themes:\n  - id: care-leavers\n    title: Care leavers\n"
                              "    phrases: [pathway plan]\n"
                              "    findings: [Care Leaver, contacts]\n"
                              "    not: [contacts with]\n",
                              &err);
    CHECK(l && !err, "a theme with 'findings:' loads, a not-phrase holding one of them too (%s)",
          err ? err : "no error");
    const CsbTheme *t = l ? csb_themes_find(l, "care-leavers") : NULL;
    CHECK(t && t->finding_phrases->len == 2 &&
              g_str_equal(t->finding_phrases->pdata[0], "care leaver"),
          "its finding wordings are read, in lower case");
    if (t) {
        CHECK(csb_theme_on_finding(t, "The quality of plans for children and care leavers."),
              "a finding is on the theme by a finding wording");
        CHECK(csb_theme_on_finding(t, "The timeliness of pathway plans."),
              "... and by a phrase");
        CHECK(csb_theme_find(t, "Plans for children in care and care leavers are good.", NULL,
                             NULL) == 0,
              "a paragraph is not, by a finding wording alone");
        CHECK(!csb_theme_on_finding(t, "Contacts with brothers and sisters."),
              "a finding wording inside a not-phrase does not count");
        CHECK(csb_theme_on_finding(t, "The management of contacts."),
              "... outside one it does");
        CsbTheme *c = csb_theme_copy(t);
        CHECK(c->finding_phrases->len == 2 && csb_theme_on_finding(c, "Care leavers' health."),
              "a copy keeps them");
        csb_theme_free(c);
    }
    csb_themes_free(l);
    g_free(err);

    l = load("themes:\n  - id: care-leavers\n    title: Care leavers\n"
             "    phrases: [pathway plan]\n"
             "    findings: [care leaver]\n"
             "    not: [Care Leaver]\n",
             &err);
    CHECK(!l && err && strstr(err, "'care leaver' of theme 'care-leavers' is both a phrase and "
                                   "under 'not'"),
          "a not-phrase that is a finding wording is refused (%s)", err ? err : "none");
    g_free(err);
    l = load("themes:\n  - id: t\n    title: T\n    phrases: [pathway plan]\n"
             "    finding: [care leaver]\n",
             &err);
    CHECK(!l && err && strstr(err, "unknown key 'finding' in a theme; did you mean 'findings'?"),
          "a misspelt key is refused (%s)", err ? err : "none");
    g_free(err);
}

/* The shipped library: what the audit found missing, each on its theme;
 * findings that share their words but are about something else, not. */
static void test_shipped(void)
{
    static const struct {
        const char *theme, *finding;
        gboolean on;
    } cases[] = {
        /* Devon 2025 (ILACS, Inadequate). */
        {"care-leavers", "The quality and impact of plans for children and care leavers to meet "
                         "their needs.", TRUE},
        {"care-leavers", "The assessment of risk and safety planning for care leavers.", TRUE},
        {"care-leavers", "The availability of support and sufficient suitable local homes to meet "
                         "the needs of children in care and care leavers.", TRUE},
        {"sufficiency", "The availability of support and sufficient suitable local homes to meet "
                        "the needs of children in care and care leavers.", TRUE},
        /* Rutland 2024, Ealing 2024, Plymouth 2024, Surrey 2025. */
        {"sufficiency", "The availability and choice of places to live for children in care and "
                        "care leavers.", TRUE},
        {"sufficiency", "The pace and impact of activity to increase fostering capacity and improve "
                        "placement options for children who need care.", TRUE},
        {"sufficiency", "The quality and availability of accommodation for children and young "
                        "people.", TRUE},
        {"sufficiency", "The numbers of care leavers in education, training and employment, and the "
                        "equity of experiences for care leavers with regard to sufficiency of "
                        "housing and the local offer.", TRUE},
        /* Barnet 2024, Peterborough 2023. */
        {"care-leavers", "Communication about living arrangements for care leavers.", TRUE},
        {"care-leavers", "Service capacity, particularly in the safeguarding teams, care leaver "
                         "service and emergency duty service.", TRUE},
        /* Telford and Wrekin 2024, Stockport 2025, Redbridge 2024. */
        {"front-door", "The management of contacts within Family Connect.", TRUE},
        {"front-door", "The timeliness and monitoring of management decision-making in the MASSH, "
                       "for strategy discussions.", TRUE},
        {"front-door", "Challenge and support to partner agencies to improve the quality and "
                       "timeliness of multi-agency referral forms (MARF).", TRUE},
        /* Not on them. */
        {"exploitation", "Support to enable care leavers to access and understand their health "
                         "histories.", FALSE},
        {"sufficiency", "Support to enable care leavers to access and understand their health "
                        "histories.", FALSE},
        {"sufficiency", "Frontline workforce sufficiency.", FALSE},
        {"sufficiency", "Ensure that there is sufficient capacity in the emergency duty service.",
         FALSE},
        {"front-door", "Contacts with brothers and sisters who live apart.", FALSE},
        {"front-door", "Family connections are promoted for children in care.", FALSE},
        {"front-door", "Supervised contact referral forms provide all necessary information.",
         FALSE},
        {"care-leavers", "The timeliness of initial child protection conferences.", FALSE},
    };
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        const CsbTheme *t = csb_themes_find(lib, cases[i].theme);
        CHECK(t && csb_theme_on_finding(t, cases[i].finding) == cases[i].on, "%s %s: %s",
              cases[i].on ? "on" : "not on", cases[i].theme, cases[i].finding);
    }
    /* A paragraph naming care leavers in passing is not on the theme. */
    CHECK(csb_theme_find(csb_themes_find(lib, "care-leavers"),
                         "Leaders know children in care and care leavers well.", NULL, NULL) == 0,
          "a paragraph naming care leavers in passing is not on care leavers");
}

/* The analysis puts a finding on the themes its finding wordings name,
 * as the pack's box does, so the JSON, the workbook and whose latest
 * findings speak to a theme agree with it; but recurrence, which links
 * findings by their tokens, reads the phrases alone. */
static void test_analysis(void)
{
    CsbInspection *in = csb_inspection_new("x.pdf");
    csb_inspection_add_finding(in, CSB_FINDING_AREA_FOR_IMPROVEMENT,
                               "The assessment of risk and safety planning for care leavers.",
                               NULL, 1);
    csb_inspection_add_finding(in, CSB_FINDING_AREA_FOR_IMPROVEMENT, "The quality of pathway plans.", NULL, 1);
    CsbAnalyses *set = csb_analyses_new(lib, NULL, NULL, NULL);
    const CsbReportAnalysis *a = csb_analyses_get(set, in);
    const CsbTheme *cl = csb_themes_find(lib, "care-leavers");
    CHECK(a && cl && csb_report_analysis_finding_has(a, 0, cl),
          "a finding naming care leavers is on care leavers in the analysis");
    CHECK(a && cl && csb_report_analysis_finding_has(a, 1, cl),
          "so is one naming a phrase of the theme (pathway plans)");
    gboolean token = FALSE, token1 = FALSE;
    const CsbFindingAnalysis *f0 = a ? a->findings->pdata[0] : NULL;
    const CsbFindingAnalysis *f1 = a ? a->findings->pdata[1] : NULL;
    for (guint i = 0; f0 && i < f0->tokens->len; i++)
        token = token || g_str_equal(f0->tokens->pdata[i], "#care-leavers");
    for (guint i = 0; f1 && i < f1->tokens->len; i++)
        token1 = token1 || g_str_equal(f1->tokens->pdata[i], "#care-leavers");
    CHECK(f0 && !token, "but the finding wording is no token recurrence reads");
    CHECK(f1 && token1, "where a phrase is");
    csb_analyses_free(set);
    csb_inspection_free(in);
}

int main(void)
{
    CsbDiag *d = csb_diag_new();
    lib = csb_themes_load("templates/themes.yaml", "templates/cues.yaml", d);
    CHECK(lib != NULL, "the shipped theme library loads");
    if (!lib) {
        csb_diag_print(d, stdout);
        csb_diag_free(d);
        return unit_done();
    }
    scratch = g_dir_make_tmp("csbrief-themes-findings-XXXXXX", NULL);
    RUN(test_loading);
    RUN(test_shipped);
    RUN(test_analysis);
    g_rmdir(scratch);
    g_free(scratch);
    csb_themes_free(lib);
    csb_diag_free(d);
    return unit_done();
}
