/* vocab.c - the fixed vocabularies: report kinds and grades, with their
 * stable ids (used in CSV/JSON output and the cache) and display titles.
 */
#include "model.h"

#include <string.h>

static const struct {
    const char *id;
    const char *title;
    gboolean graded;
} kinds[CSB_KIND_COUNT] = {
    [CSB_KIND_UNKNOWN] = {"unknown", "Unrecognised report", FALSE},
    [CSB_KIND_ILACS] = {"ilacs", "ILACS inspection", TRUE},
    [CSB_KIND_SIF] = {"sif", "Single inspection (SIF)", TRUE},
    [CSB_KIND_SLAC] = {"slac", "Safeguarding and looked after children inspection", TRUE},
    [CSB_KIND_LAC] = {"lac", "Looked after children inspection", TRUE},
    [CSB_KIND_CHILD_PROTECTION] = {"child-protection", "Child protection inspection", TRUE},
    [CSB_KIND_FOCUSED_VISIT] = {"focused-visit", "Focused visit", FALSE},
    [CSB_KIND_MONITORING_VISIT] = {"monitoring-visit", "Monitoring visit", FALSE},
    [CSB_KIND_JTAI] = {"jtai", "Joint targeted area inspection", FALSE},
    [CSB_KIND_LSCB_REVIEW] = {"lscb-review", "LSCB review", TRUE},
    [CSB_KIND_PEER_CHALLENGE] = {"peer-challenge", "LGA peer challenge", FALSE},
};

const char *csb_kind_id(CsbKind k)
{
    return k < CSB_KIND_COUNT ? kinds[k].id : "unknown";
}

const char *csb_kind_title(CsbKind k)
{
    return k < CSB_KIND_COUNT ? kinds[k].title : kinds[0].title;
}

CsbKind csb_kind_from_id(const char *id)
{
    for (int k = 0; k < CSB_KIND_COUNT; k++)
        if (id && strcmp(kinds[k].id, id) == 0)
            return (CsbKind)k;
    return CSB_KIND_UNKNOWN;
}

gboolean csb_kind_is_graded(CsbKind k)
{
    return k < CSB_KIND_COUNT && kinds[k].graded;
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

CsbGrade csb_grade_from_text(const char *text)
{
    if (!text)
        return CSB_GRADE_NONE;
    char *f = csb_text_fold(text);
    const char *s = f;
    CsbGrade g = CSB_GRADE_NONE;
    /* "Grade 3 (Adequate)" folds to "grade 3 adequate": the word decides. */
    if (g_str_has_prefix(s, "grade ") && g_ascii_isdigit(s[6]) && s[7] == ' ')
        s += 8;
    if (strcmp(s, "outstanding") == 0)
        g = CSB_GRADE_OUTSTANDING;
    else if (strcmp(s, "good") == 0)
        g = CSB_GRADE_GOOD;
    else if (strcmp(s, "adequate") == 0)
        g = CSB_GRADE_ADEQUATE;
    else if (strcmp(s, "inadequate") == 0)
        g = CSB_GRADE_INADEQUATE;
    else if (strcmp(s, "requires improvement") == 0 ||
             strcmp(s, "requires improvement to be good") == 0)
        g = CSB_GRADE_REQUIRES_IMPROVEMENT;
    g_free(f);
    return g;
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
