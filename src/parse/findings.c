/* findings.c - what a report says must improve, item by item: "What needs
 * to improve" (ILACS, visits), "Areas for improvement" (2009-13 reports,
 * with their "Immediately" / "Within three months" sub-headings),
 * "Priority and immediate action" and numbered "Recommendations" (SIF, for
 * the local authority and for the LSCB), "Key recommendations" (LGA).
 *
 * An item is a list item or a numbered paragraph, kept whole: the list
 * items under a numbered recommendation ("Implement the following: ...")
 * are part of it, and so is prose that continues it. A national-framework
 * reference at the end ("(outcome 4, national framework)") is kept apart.
 */
#include "parse.h"

#include <string.h>

typedef enum { OPENS, KEEPS, NEITHER } HeadingRole;

/* Headings that open a list, or sub-headings that keep it open, with the
 * kind of finding that follows. Folded prefixes. */
static const struct {
    const char *prefix;
    HeadingRole role;
    CsbFindingKind kind;
} headings[] = {
    {"what needs to improve", OPENS, CSB_FINDING_AREA_FOR_IMPROVEMENT},
    {"what does the local authority need to improve", OPENS, CSB_FINDING_AREA_FOR_IMPROVEMENT},
    {"what does the lscb need to improve", OPENS, CSB_FINDING_AREA_FOR_IMPROVEMENT},
    {"what does the local safeguarding children board need to improve", OPENS,
     CSB_FINDING_AREA_FOR_IMPROVEMENT},
    {"areas for improvement", OPENS, CSB_FINDING_AREA_FOR_IMPROVEMENT},
    {"areas for priority action", OPENS, CSB_FINDING_PRIORITY_ACTION},
    {"priority and immediate action", OPENS, CSB_FINDING_PRIORITY_ACTION},
    {"priority action", OPENS, CSB_FINDING_PRIORITY_ACTION},
    {"priority actions", OPENS, CSB_FINDING_PRIORITY_ACTION},
    {"recommendations", OPENS, CSB_FINDING_RECOMMENDATION},
    {"key recommendations", OPENS, CSB_FINDING_RECOMMENDATION},
    {"immediately", KEEPS, 0},
    {"within three months", KEEPS, 0},
    {"within six months", KEEPS, 0},
    {"within 3 months", KEEPS, 0},
    {"within 6 months", KEEPS, 0},
    {"within one month", KEEPS, 0},
};

/* Folded heading text without a leading section number ("2. Key
 * Recommendations"). */
static char *heading_key(const char *text)
{
    char *clean = csb_parse_clean(text);
    char *f = csb_text_fold(clean);
    g_free(clean);
    const char *p = f;
    while (g_ascii_isdigit(*p) || *p == ' ')
        p++;
    char *k = g_strdup(p);
    g_free(f);
    return k;
}

static HeadingRole heading_role(const char *text, CsbFindingKind *kind)
{
    char *k = heading_key(text);
    HeadingRole role = NEITHER;
    size_t words = 1;
    for (const char *p = k; *p; p++)
        words += *p == ' ';
    for (guint i = 0; i < G_N_ELEMENTS(headings) && role == NEITHER; i++)
        if (csb_parse_folded_prefix(k, headings[i].prefix) && words <= 14) {
            role = headings[i].role;
            if (role == OPENS)
                *kind = headings[i].kind;
        }
    g_free(k);
    return role;
}

/* "The sufficiency of homes. (outcome 4, national framework)": split the
 * national-framework reference from the item's words. */
static CsbFinding *add_finding(CsbInspection *in, CsbFindingKind kind, const char *text, int page)
{
    const char *open = strrchr(text, '(');
    if (open) {
        char *lower = g_ascii_strdown(open, -1);
        gboolean framework = strstr(lower, "national framework") != NULL;
        g_free(lower);
        const char *close = strchr(open, ')');
        if (framework && close) {
            char *words = g_strndup(text, (gsize)(open - text));
            char *ref = g_strndup(open + 1, (gsize)(close - open - 1));
            g_strstrip(words);
            CsbFinding *f = csb_inspection_add_finding(in, kind, words, ref, page);
            g_free(words);
            g_free(ref);
            return f;
        }
    }
    return csb_inspection_add_finding(in, kind, text, NULL, page);
}

/* A list item's words without the "3. " some lists number their items
 * with. */
static const char *item_words(const char *s)
{
    const char *p = s;
    while (g_ascii_isdigit(*p))
        p++;
    if (p != s && *p == '.' && p[1] == ' ')
        return p + 2;
    return s;
}

static void extend(CsbFinding *f, const char *sep, const char *more)
{
    char *joined = g_strconcat(f->text, sep, more, NULL);
    g_free(f->text);
    f->text = csb_text_squash(joined);
    g_free(joined);
}

/* The framework reference may only be known once the item is whole. */
static void settle(CsbInspection *in, CsbFinding **open_item)
{
    CsbFinding *f = *open_item;
    *open_item = NULL;
    if (!f || f->framework_ref || !strstr(f->text, "national framework"))
        return;
    /* Re-add through add_finding to split the reference off. */
    char *text = g_strdup(f->text);
    CsbFindingKind kind = f->kind;
    int page = f->page;
    g_ptr_array_remove_index(in->findings, in->findings->len - 1);
    add_finding(in, kind, text, page);
    g_free(text);
}

/* "In order to improve ..., the local authority and its partners should
 * take the following action." introduces the items; it is not one. */
static gboolean leads_in(const CsbBlock *b)
{
    size_t n = strlen(b->text);
    char *lower = g_ascii_strdown(b->text, -1);
    gboolean lead = (n && b->text[n - 1] == ':') || strstr(lower, "the following action");
    g_free(lower);
    return lead;
}

void csb_parse_findings(CsbParse *p)
{
    gboolean open = FALSE;
    CsbFindingKind kind = CSB_FINDING_AREA_FOR_IMPROVEMENT;
    CsbFinding *item = NULL;      /* the item prose and sub-items join */
    gboolean item_numbered = FALSE;
    for (guint i = 0; i < p->body_end && i < p->blocks->len; i++) {
        const CsbBlock *b = p->blocks->pdata[i];
        gboolean heading = b->type == CSB_BLOCK_HEADING ||
                           (b->type == CSB_BLOCK_TEXT && b->number == 0 &&
                            strlen(b->text) < 120);
        CsbFindingKind k = kind;
        HeadingRole role = heading ? heading_role(b->text, &k) : NEITHER;
        if (role == OPENS) {
            settle(p->in, &item);
            open = TRUE;
            kind = k;
            p->roles[i] = CSB_ROLE_FINDINGS;
            continue;
        }
        if (!open)
            continue;
        if (role == KEEPS) {
            settle(p->in, &item);
            p->roles[i] = CSB_ROLE_FINDINGS;
            continue;
        }
        if (b->type == CSB_BLOCK_HEADING || csb_parse_numbered_title(p, b)) {
            settle(p->in, &item);
            open = FALSE;
            continue;
        }
        if (b->type == CSB_BLOCK_ROW)
            continue;
        if (b->type == CSB_BLOCK_BULLET) {
            gboolean own_number = item_words(b->text) != b->text; /* "- 16. Explore ..." */
            if (item && item_numbered && !own_number) {
                extend(item, " \u2022 ", b->text);
            } else {
                settle(p->in, &item);
                item = add_finding(p->in, kind, item_words(b->text), b->page);
                item_numbered = own_number;
            }
            p->roles[i] = CSB_ROLE_FINDINGS;
        } else if (b->number > 0) {
            settle(p->in, &item);
            const CsbBlock *next = i + 1 < p->blocks->len ? p->blocks->pdata[i + 1] : NULL;
            gboolean lead = leads_in(b) && next && next->type != CSB_BLOCK_BULLET;
            if (!lead) {
                item = add_finding(p->in, kind, b->text, b->page);
                item_numbered = TRUE;
            }
            p->roles[i] = CSB_ROLE_FINDINGS;
        } else if (item) {
            extend(item, " ", b->text); /* prose continuing the item */
            p->roles[i] = CSB_ROLE_FINDINGS;
        }
    }
    settle(p->in, &item);
}
