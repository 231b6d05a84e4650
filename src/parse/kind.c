/* kind.c - what kind of report a document is, from its title (or, for a
 * letter, its subject line): the first headings and short lines before the
 * body starts. Text deep in a report ("since the focused visit in 2021")
 * never decides.
 */
#include "parse.h"

#include <string.h>

/* Title phrases, most specific first, matched against folded text. */
static const struct {
    const char *phrase;
    CsbKind kind;
} kind_signals[] = {
    {"joint targeted area inspection", CSB_KIND_JTAI},
    {"focused visit", CSB_KIND_FOCUSED_VISIT},
    {"monitoring visit", CSB_KIND_MONITORING_VISIT},
    {"peer challenge", CSB_KIND_PEER_CHALLENGE},
    {"peer review", CSB_KIND_PEER_CHALLENGE},
    {"inspection of safeguarding and looked after children services", CSB_KIND_SLAC},
    {"inspection of looked after children services", CSB_KIND_LAC},
    {"arrangements for the protection of children", CSB_KIND_CHILD_PROTECTION},
    {"inspection of services for children in need of help and protection", CSB_KIND_SIF},
    {"local authority children s services", CSB_KIND_ILACS},
    {"inspection of children s social care services", CSB_KIND_ILACS},
    {"review of the effectiveness of the local safeguarding children board", CSB_KIND_LSCB_REVIEW},
};

/* Blocks that can hold a title: headings and short lines near the start,
 * before the first numbered paragraph. */
static gboolean title_candidate(const CsbBlock *b, guint index)
{
    if (b->type == CSB_BLOCK_HEADING)
        return csb_parse_word_count(b->text, 41) <= 40;
    /* A title set as plain lines may join into one longer block. */
    return b->type == CSB_BLOCK_TEXT && b->number == 0 &&
           csb_parse_word_count(b->text, 46) <= (index < 4 ? 45 : 20);
}

void csb_parse_kind(CsbParse *p)
{
    GString *head = g_string_new(NULL);
    GArray *owner = g_array_new(FALSE, FALSE, sizeof(guint)); /* block of each byte */
    for (guint i = 0; i < p->blocks->len && i < 45; i++) {
        const CsbBlock *b = p->blocks->pdata[i];
        if (b->number > 0)
            break;
        if (!title_candidate(b, i))
            continue;
        char *f = csb_text_fold(b->text);
        g_string_append(head, f);
        g_string_append_c(head, ' ');
        for (gsize k = strlen(f) + 1; k > 0; k--)
            g_array_append_val(owner, i);
        g_free(f);
    }
    p->in->kind = CSB_KIND_UNKNOWN;
    p->title_block = p->blocks->len;
    for (guint i = 0; i < G_N_ELEMENTS(kind_signals); i++) {
        const char *hit = strstr(head->str, kind_signals[i].phrase);
        if (hit) {
            p->in->kind = kind_signals[i].kind;
            p->title_block = g_array_index(owner, guint, (guint)(hit - head->str));
            break;
        }
    }
    /* "Inspection of Kent County Council children's services" (ILACS). */
    for (guint i = 0; i < p->blocks->len && i < 45 && p->in->kind == CSB_KIND_UNKNOWN; i++) {
        const CsbBlock *b = p->blocks->pdata[i];
        if (b->number > 0)
            break;
        char *f = csb_text_fold(b->text);
        if (title_candidate(b, i) && g_str_has_prefix(f, "inspection of ") &&
            strstr(f, " children s services")) {
            p->in->kind = CSB_KIND_ILACS;
            p->title_block = i;
        }
        g_free(f);
    }
    g_array_free(owner, TRUE);
    g_string_free(head, TRUE);
}
