/* findings.c - what a report says must improve, item by item: "What needs
 * to improve" (ILACS, visits), "Areas for improvement" (2009-13 reports,
 * with their "Immediately" / "Within three months" sub-headings),
 * "Priority and immediate action" and numbered "Recommendations" (SIF, for
 * the local authority and for the LSCB), "Key recommendations" (LGA).
 *
 * An item is a list item or a numbered paragraph, kept whole: the list
 * items under a numbered recommendation ("Implement the following: ...")
 * are part of it, and so is prose that continues it. A short numbered
 * title with list items under it ("1. Quality and effectiveness of
 * practice") groups items rather than being one. A numbered paragraph
 * saying there are none ("The inspection did not find any areas for
 * priority and immediate action.") is not an item. A national-framework
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
static void add_finding(CsbInspection *in, CsbFindingKind kind, const char *text, int page)
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
            csb_inspection_add_finding(in, kind, words, ref, page);
            g_free(words);
            g_free(ref);
            return;
        }
    }
    csb_inspection_add_finding(in, kind, text, NULL, page);
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

/* The item being read: its words grow as list items and prose join it,
 * and it goes into the record, reference split off, once it is whole. */
typedef struct {
    GString *text; /* NULL when no item is open */
    CsbFindingKind kind;
    int page;
    gboolean numbered; /* a numbered item, which list items belong to */
} Item;

static void item_close(CsbInspection *in, Item *it)
{
    if (!it->text)
        return;
    add_finding(in, it->kind, it->text->str, it->page);
    g_string_free(it->text, TRUE);
    it->text = NULL;
}

static void item_open(CsbInspection *in, Item *it, CsbFindingKind kind, const char *text,
                      int page, gboolean numbered)
{
    item_close(in, it);
    it->text = g_string_new(text);
    it->kind = kind;
    it->page = page;
    it->numbered = numbered;
}

static void item_extend(Item *it, const char *sep, const char *more)
{
    g_string_append(it->text, sep);
    g_string_append(it->text, more);
}

/* "In order to improve ..., the local authority and its partners should
 * take the following action." introduces the items; it is not one. Nor is
 * the end of a sentence that runs on into list items ("...; this to
 * include", "including"). */
static gboolean leads_in(const CsbBlock *b)
{
    size_t n = strlen(b->text);
    char *lower = g_ascii_strdown(b->text, -1);
    gboolean lead = (n && b->text[n - 1] == ':') || strstr(lower, "the following action") ||
                    g_regex_match_simple("\\b(include|including|following|as follows)$", lower, 0, 0);
    g_free(lower);
    return lead;
}

/* "1. Quality and effectiveness of practice" above list items: a title
 * for the items, not an item. */
static gboolean groups_items(const CsbBlock *b, const CsbBlock *next)
{
    size_t n = strlen(b->text);
    return next && next->type == CSB_BLOCK_BULLET && csb_parse_word_count(b->text, 17) <= 16 && n &&
           b->text[n - 1] != '.' && !leads_in(b);
}

/* "The inspection did not find any areas for priority and immediate
 * action.", "There are no recommendations for the LSCB." */
static gboolean says_none(const char *text)
{
    char *f = csb_text_fold(text);
    gboolean none = g_regex_match_simple(
        "^(the inspection (did not find any|found no)|there (are|were) no|no) "
        "(areas?|recommendations|priority|immediate|actions?)\\b",
        f, 0, 0);
    g_free(f);
    return none;
}

/* Does text end a sentence (a full stop, or a closing bracket or quote
 * after one)? */
static gboolean ends_sentence(const char *text)
{
    size_t n = strlen(text);
    while (n && text[n - 1] == ' ')
        n--;
    if (!n)
        return FALSE;
    const char *last = g_utf8_find_prev_char(text, text + n);
    gunichar c = last ? g_utf8_get_char(last) : 0;
    return c == '.' || c == '!' || c == '?' || c == ')' || c == 0x201D || c == 0x2019 ||
           c == '"';
}

/* "Help and protection", "Care leavers": a sub-heading among the items
 * (SIF reports group their recommendations under the judgements' names),
 * set in body type, so the block builder gives it as prose. It is short,
 * starts with a capital, is no sentence, and follows an item that has
 * ended; it closes that item rather than continuing it. */
static gboolean sub_heading(const CsbBlock *b, const Item *it)
{
    if (b->type != CSB_BLOCK_TEXT || b->number || !it->text || !ends_sentence(it->text->str))
        return FALSE;
    size_t n = strlen(b->text);
    return n && g_unichar_isupper(g_utf8_get_char(b->text)) &&
           !strchr(".,;:!?", b->text[n - 1]) && csb_parse_word_count(b->text, 13) <= 12;
}

/* "(ii) ...", "(b) ...", "iii. ...": an item's sub-item marker. */
static gboolean sub_item(const char *text)
{
    return g_regex_match_simple("^\\((?:[ivx]{1,4}|[a-h])\\)\\s|^(?:[ivx]{1,4}|[a-h])[.)]\\s",
                                text, 0, 0);
}

void csb_parse_findings(CsbParse *p)
{
    gboolean open = FALSE;
    CsbFindingKind kind = CSB_FINDING_AREA_FOR_IMPROVEMENT;
    Item item = {NULL, 0, 0, FALSE};
    for (guint i = 0; i < p->body_end && i < p->blocks->len; i++) {
        const CsbBlock *b = p->blocks->pdata[i];
        gboolean heading = b->type == CSB_BLOCK_HEADING ||
                           (b->type == CSB_BLOCK_TEXT && b->number == 0 &&
                            strlen(b->text) < 120);
        CsbFindingKind k = kind;
        HeadingRole role = heading ? heading_role(b->text, &k) : NEITHER;
        if (role == OPENS) {
            item_close(p->in, &item);
            open = TRUE;
            kind = k;
            p->roles[i] = CSB_ROLE_FINDINGS;
            continue;
        }
        if (!open)
            continue;
        if (role == KEEPS) {
            item_close(p->in, &item);
            p->roles[i] = CSB_ROLE_FINDINGS;
            continue;
        }
        if (b->type == CSB_BLOCK_HEADING || csb_parse_numbered_title(p, b)) {
            item_close(p->in, &item);
            open = FALSE;
            continue;
        }
        if (b->type == CSB_BLOCK_ROW) {
            /* "(ii)   their parents have mental health problems": a
             * sub-item set with a gap after its marker reads as a row of
             * two cells; it continues the item. */
            if (item.text && sub_item(b->text)) {
                item_extend(&item, " ", b->text);
                p->roles[i] = CSB_ROLE_FINDINGS;
            }
            continue;
        }
        if (b->type == CSB_BLOCK_BULLET) {
            gboolean own_number = item_words(b->text) != b->text; /* "- 16. Explore ..." */
            if (item.text && item.numbered && !own_number)
                item_extend(&item, " \u2022 ", b->text);
            else
                item_open(p->in, &item, kind, item_words(b->text), b->page, own_number);
            p->roles[i] = CSB_ROLE_FINDINGS;
        } else if (b->number > 0) {
            item_close(p->in, &item);
            const CsbBlock *next = i + 1 < p->blocks->len ? p->blocks->pdata[i + 1] : NULL;
            gboolean lead = leads_in(b) && next && next->type != CSB_BLOCK_BULLET;
            if (!lead && !groups_items(b, next) && !says_none(b->text))
                item_open(p->in, &item, kind, b->text, b->page, TRUE);
            p->roles[i] = CSB_ROLE_FINDINGS;
        } else if (sub_heading(b, &item)) {
            item_close(p->in, &item);
            p->roles[i] = CSB_ROLE_FINDINGS;
        } else if (item.text) {
            item_extend(&item, " ", b->text); /* prose continuing the item */
            p->roles[i] = CSB_ROLE_FINDINGS;
        }
    }
    item_close(p->in, &item);
}
