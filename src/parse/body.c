/* body.c - the report's substance: areas for improvement (and
 * recommendations, priority actions) as whole items, and every numbered
 * paragraph under its section heading.
 */
#include "parse.h"

#include <string.h>

/* Headings that open a list of findings, folded, with what they hold. */
static const struct {
    const char *prefix;
    CsbFindingKind kind;
} finding_headings[] = {
    {"what needs to improve", CSB_FINDING_AREA_FOR_IMPROVEMENT},
    {"areas for improvement", CSB_FINDING_AREA_FOR_IMPROVEMENT},
    {"areas for priority action", CSB_FINDING_PRIORITY_ACTION},
    {"priority action", CSB_FINDING_PRIORITY_ACTION},
    {"recommendations", CSB_FINDING_RECOMMENDATION},
};

static gboolean finding_heading(const char *text, CsbFindingKind *kind)
{
    char *f = csb_text_fold(text);
    gboolean hit = FALSE;
    for (guint i = 0; i < G_N_ELEMENTS(finding_headings) && !hit; i++)
        if (g_str_has_prefix(f, finding_headings[i].prefix)) {
            *kind = finding_headings[i].kind;
            hit = TRUE;
        }
    g_free(f);
    return hit;
}

/* "The sufficiency of homes. (outcome 4, national framework)": split the
 * national-framework reference from the item's words. */
static void add_finding(CsbInspection *in, CsbFindingKind kind, const char *text, int page)
{
    const char *open = strrchr(text, '(');
    if (open && strstr(open, "national framework")) {
        char *words = g_strndup(text, (gsize)(open - text));
        char *ref = g_strdup(open + 1);
        char *close = strrchr(ref, ')');
        if (close)
            *close = '\0';
        g_strstrip(words);
        csb_inspection_add_finding(in, kind, words, ref, page);
        g_free(words);
        g_free(ref);
        return;
    }
    csb_inspection_add_finding(in, kind, text, NULL, page);
}

void csb_parse_findings(CsbInspection *in, const GPtrArray *blocks)
{
    gboolean in_list = FALSE;
    CsbFindingKind kind = CSB_FINDING_AREA_FOR_IMPROVEMENT;
    for (guint i = 0; i < blocks->len; i++) {
        const CsbBlock *b = blocks->pdata[i];
        CsbFindingKind k;
        if ((b->type == CSB_BLOCK_HEADING || b->type == CSB_BLOCK_TEXT) &&
            finding_heading(b->text, &k) && g_utf8_strlen(b->text, -1) < 120) {
            in_list = TRUE;
            kind = k;
            continue;
        }
        if (!in_list)
            continue;
        if (b->type == CSB_BLOCK_BULLET)
            add_finding(in, kind, b->text, b->page);
        else if (b->type == CSB_BLOCK_HEADING || b->number)
            in_list = FALSE;
    }
}

void csb_parse_paragraphs(CsbInspection *in, const GPtrArray *blocks)
{
    const char *section = NULL;
    for (guint i = 0; i < blocks->len; i++) {
        const CsbBlock *b = blocks->pdata[i];
        if (b->type == CSB_BLOCK_HEADING) {
            section = b->text;
            continue;
        }
        if (b->type == CSB_BLOCK_TEXT && b->number > 0)
            csb_inspection_add_paragraph(in, b->number, section, b->text, b->page);
    }
}
