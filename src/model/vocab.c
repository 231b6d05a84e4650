/* vocab.c - the fixed vocabularies: report kinds and grades, with their
 * stable ids (used in CSV/JSON output and the cache); grades with their
 * display titles and how reports write them.
 */
#include "model.h"

#include <string.h>

/* The kinds' stable ids, in CsbKind order. What each kind is called and
 * how it is read are in data/frameworks.yaml (framework.c). */
static const char *const kinds[CSB_KIND_COUNT] = {
    [CSB_KIND_UNKNOWN] = "unknown",
    [CSB_KIND_ILACS] = "ilacs",
    [CSB_KIND_SIF] = "sif",
    [CSB_KIND_SLAC] = "slac",
    [CSB_KIND_LAC] = "lac",
    [CSB_KIND_CHILD_PROTECTION] = "child-protection",
    [CSB_KIND_FOCUSED_VISIT] = "focused-visit",
    [CSB_KIND_MONITORING_VISIT] = "monitoring-visit",
    [CSB_KIND_JTAI] = "jtai",
    [CSB_KIND_LSCB_REVIEW] = "lscb-review",
    [CSB_KIND_PEER_CHALLENGE] = "peer-challenge",
};

const char *csb_kind_id(CsbKind k)
{
    return k < CSB_KIND_COUNT ? kinds[k] : "unknown";
}

CsbKind csb_kind_from_id(const char *id)
{
    for (int k = 0; k < CSB_KIND_COUNT; k++)
        if (id && strcmp(kinds[k], id) == 0)
            return (CsbKind)k;
    return CSB_KIND_UNKNOWN;
}

static const struct {
    const char *id;
    const char *title;
    int rank;
} grades[CSB_GRADE_COUNT] = {
    [CSB_GRADE_NONE] = {"", "Not graded", 0},
    [CSB_GRADE_OUTSTANDING] = {"outstanding", "Outstanding", 1},
    [CSB_GRADE_GOOD] = {"good", "Good", 2},
    [CSB_GRADE_REQUIRES_IMPROVEMENT] = {"requires_improvement", "Requires improvement", 3},
    [CSB_GRADE_ADEQUATE] = {"adequate", "Adequate", 3},
    [CSB_GRADE_INADEQUATE] = {"inadequate", "Inadequate", 4},
};

const char *csb_grade_id(CsbGrade g)
{
    return g < CSB_GRADE_COUNT ? grades[g].id : "";
}

const char *csb_grade_title(CsbGrade g)
{
    return g < CSB_GRADE_COUNT ? grades[g].title : grades[0].title;
}

CsbGrade csb_grade_from_id(const char *id)
{
    for (int g = 1; g < CSB_GRADE_COUNT; g++)
        if (id && strcmp(grades[g].id, id) == 0)
            return (CsbGrade)g;
    return CSB_GRADE_NONE;
}

int csb_grade_rank(CsbGrade g)
{
    return g < CSB_GRADE_COUNT ? grades[g].rank : 0;
}

/* The grade a folded word or phrase names ("requires improvement to be
 * good", "require improvement"), or CSB_GRADE_NONE. */
static CsbGrade grade_words(const char *s)
{
    static const struct {
        const char *words;
        CsbGrade grade;
    } names[] = {
        {"outstanding", CSB_GRADE_OUTSTANDING},
        {"good", CSB_GRADE_GOOD},
        {"adequate", CSB_GRADE_ADEQUATE},
        {"inadequate", CSB_GRADE_INADEQUATE},
        {"requires improvement", CSB_GRADE_REQUIRES_IMPROVEMENT},
        {"requires improvement to be good", CSB_GRADE_REQUIRES_IMPROVEMENT},
        {"require improvement", CSB_GRADE_REQUIRES_IMPROVEMENT},
        {"require improvement to be good", CSB_GRADE_REQUIRES_IMPROVEMENT},
    };
    for (guint i = 0; i < G_N_ELEMENTS(names); i++)
        if (strcmp(s, names[i].words) == 0)
            return names[i].grade;
    return CSB_GRADE_NONE;
}

/* "grade 3" at the start (at_start) or end of folded text: its number and
 * the rest of the text in rest (owned), or 0. */
static int grade_number(const char *s, gboolean at_start, char **rest)
{
    size_t n = strlen(s);
    if (at_start && g_str_has_prefix(s, "grade ") && g_ascii_isdigit(s[6]) &&
        (s[7] == ' ' || s[7] == '\0')) {
        *rest = g_strdup(s[7] ? s + 8 : "");
        return s[6] - '0';
    }
    if (!at_start && n >= 8 && g_ascii_isdigit(s[n - 1]) && strncmp(s + n - 8, " grade ", 7) == 0) {
        *rest = g_strndup(s, n - 8);
        return s[n - 1] - '0';
    }
    return 0;
}

CsbGrade csb_grade_from_text(const char *text)
{
    if (!text)
        return CSB_GRADE_NONE;
    char *f = csb_text_fold(text);
    /* "Grade 3 (Adequate)" folds to "grade 3 adequate", "Inadequate
     * (Grade 4)" to "inadequate grade 4": the word decides, and a number
     * that contradicts it makes the text no grade at all. */
    char *rest = NULL;
    int number = grade_number(f, TRUE, &rest);
    if (!number)
        number = grade_number(f, FALSE, &rest);
    CsbGrade g = grade_words(rest ? rest : f);
    if (number && g != CSB_GRADE_NONE) {
        int expect = g == CSB_GRADE_REQUIRES_IMPROVEMENT ? 3 : csb_grade_rank(g);
        if (number != expect)
            g = CSB_GRADE_NONE;
    }
    g_free(rest);
    g_free(f);
    return g;
}

const char *csb_published_from_id(CsbPublishedFrom f)
{
    switch (f) {
    case CSB_PUBLISHED_REPORT:
        return "report";
    case CSB_PUBLISHED_INDEX:
        return "index";
    case CSB_PUBLISHED_UNKNOWN:
    default:
        return "";
    }
}

const char *csb_finding_kind_id(CsbFindingKind k)
{
    switch (k) {
    case CSB_FINDING_RECOMMENDATION:
        return "recommendation";
    case CSB_FINDING_PRIORITY_ACTION:
        return "priority_action";
    case CSB_FINDING_AREA_FOR_IMPROVEMENT:
    default:
        return "area_for_improvement";
    }
}
