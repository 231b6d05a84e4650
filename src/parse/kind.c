/* kind.c - what kind of report a document is, from its title (or, for a
 * letter, its subject line): the first headings and short lines before the
 * body starts, compared with the title phrases of data/frameworks.yaml.
 * Text deep in a report ("since the focused visit in 2021") never decides.
 */
#include "parse.h"

#include <string.h>

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

/* A title that names only who is inspected ("Inspection of Bradford
 * Children and Families Trust", "Inspection of Achieving for Children"):
 * the first page's judgement table tells the framework. */
static void kind_from_cover(CsbParse *p)
{
    guint title = p->blocks->len;
    GString *cover = g_string_new(" ");
    for (guint i = 0; i < p->blocks->len && i < 60; i++) {
        const CsbBlock *b = p->blocks->pdata[i];
        if (p->doc->type == CSB_SOURCE_PDF && b->page > 1)
            break;
        char *clean = csb_parse_clean(b->text);
        char *f = csb_text_fold(clean);
        if (title == p->blocks->len && title_candidate(b, i) &&
            (g_str_has_prefix(f, "inspection of ") || g_str_has_prefix(f, "re inspection of ")))
            title = i;
        g_string_append(cover, f);
        g_string_append_c(cover, ' ');
        g_free(f);
        g_free(clean);
    }
    const CsbFrameworks *fw = p->ref->frameworks;
    for (guint i = 0; i < csb_frameworks_count(fw) && title < p->blocks->len; i++) {
        const CsbFramework *f = csb_frameworks_at(fw, i);
        for (guint k = 0; k < f->cover_phrases->len; k++)
            if (csb_text_has_word(cover->str, f->cover_phrases->pdata[k])) {
                p->in->kind = f->kind;
                p->title_block = title;
                g_string_free(cover, TRUE);
                return;
            }
    }
    g_string_free(cover, TRUE);
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
        char *clean = csb_parse_clean(b->text); /* "board¹" is "board" */
        char *f = csb_text_fold(clean);
        g_free(clean);
        g_string_append(head, f);
        g_string_append_c(head, ' ');
        for (gsize k = strlen(f) + 1; k > 0; k--)
            g_array_append_val(owner, i);
        g_free(f);
    }
    p->in->kind = CSB_KIND_UNKNOWN;
    p->title_block = p->blocks->len;
    /* The frameworks in file order (most specific first), each by its title
     * phrases. */
    const CsbFrameworks *fw = p->ref->frameworks;
    for (guint i = 0; i < csb_frameworks_count(fw) && p->in->kind == CSB_KIND_UNKNOWN; i++) {
        const CsbFramework *f = csb_frameworks_at(fw, i);
        for (guint k = 0; k < f->titles->len; k++) {
            const char *hit = strstr(head->str, f->titles->pdata[k]);
            if (hit && (hit == head->str || hit[-1] == ' ')) {
                p->in->kind = f->kind;
                p->title_block = g_array_index(owner, guint, (guint)(hit - head->str));
                break;
            }
        }
    }
    /* Titles that name the authority in the middle ("Inspection of Kent
     * County Council children's services"), block by block. */
    for (guint i = 0; i < p->blocks->len && i < 45 && p->in->kind == CSB_KIND_UNKNOWN; i++) {
        const CsbBlock *b = p->blocks->pdata[i];
        if (b->number > 0)
            break;
        if (!title_candidate(b, i))
            continue;
        char *clean = csb_parse_clean(b->text);
        char *f = csb_text_fold(clean);
        for (guint k = 0; k < csb_frameworks_count(fw) && p->in->kind == CSB_KIND_UNKNOWN; k++) {
            const CsbFramework *frame = csb_frameworks_at(fw, k);
            if (frame->title_pattern && g_regex_match(frame->title_pattern, f, 0, NULL)) {
                p->in->kind = frame->kind;
                p->title_block = i;
            }
        }
        g_free(f);
        g_free(clean);
    }
    if (p->in->kind == CSB_KIND_UNKNOWN)
        kind_from_cover(p);
    g_array_free(owner, TRUE);
    g_string_free(head, TRUE);
}
