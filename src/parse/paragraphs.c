/* paragraphs.c - the report's body as paragraphs under their headings.
 *
 * Graded reports number their paragraphs: each numbered paragraph is kept
 * with the heading it sits under and its page. The prose before the first
 * of them (the headline summary on the first pages) is kept too, as
 * paragraphs numbered 0. List items that follow a
 * numbered paragraph belong to it (joined with " • "), and so, in text
 * input, does unnumbered prose that follows it (a text extraction breaks
 * paragraphs at page breaks; a PDF's layout has already rejoined them).
 *
 * A graded report that numbers none (a few of early 2014 wrote the whole
 * body as bullets) has each bullet and prose block of its sections on the
 * services kept as a paragraph numbered 0, so it is not read as empty.
 *
 * Letters, visits and peer challenges do not number paragraphs: their
 * prose is kept as paragraphs numbered 0, under their headings, so the
 * comparison can quote headline findings.
 */
#include "parse.h"

#include <string.h>

/* Where a "Grade 3 (Adequate)" starts in a heading, or -1. */
static gssize grade_suffix(const char *s)
{
    const char *found = NULL;
    for (const char *p = strstr(s, "Grade "); p; p = strstr(p + 1, "Grade "))
        if ((p == s || p[-1] == ' ' || p[-1] == '*') && g_ascii_isdigit(p[6]))
            found = p;
    if (!found)
        return -1;
    while (found > s && (found[-1] == '*' || found[-1] == ' '))
        found--;
    return found - s;
}

/* A heading's text as a section name: footnote markers and an attached
 * grade ("Being healthy Grade 2 (Good)") removed. NULL for a heading that
 * is only a grade: the section stays what it was. */
static char *section_name(const char *heading)
{
    char *clean = csb_parse_clean(heading);
    gssize at = grade_suffix(clean);
    if (at >= 0)
        clean[at] = '\0';
    char *s = csb_text_squash(clean);
    g_free(clean);
    if (!*s) {
        g_free(s);
        return NULL;
    }
    return s;
}

static void set_section(char **section, const char *heading)
{
    char *name = section_name(heading);
    if (!name)
        return;
    g_free(*section);
    *section = name;
}

/* The paragraph being read, whose text grows as list items and continued
 * prose join it; the record gets the text when the paragraph closes. */
typedef struct {
    CsbParagraph *para;
    GString *text;
} Open;

static void close_paragraph(Open *o)
{
    if (!o->para)
        return;
    g_free(o->para->text);
    o->para->text = g_string_free(o->text, FALSE);
    o->para = NULL;
    o->text = NULL;
}

static void open_paragraph(Open *o, CsbParagraph *para)
{
    close_paragraph(o);
    o->para = para;
    o->text = g_string_new(para->text);
}

static void extend(Open *o, const char *sep, const char *more)
{
    g_string_append(o->text, sep);
    g_string_append(o->text, more);
}

/* A short line ending in a colon ("Within three months:") heads what
 * follows, like a heading. */
static gboolean sub_heading(const CsbBlock *b)
{
    size_t n = strlen(b->text);
    return b->type == CSB_BLOCK_TEXT && b->number == 0 && n && n < 60 && b->text[n - 1] == ':';
}

/* Prose before the first numbered paragraph (after the title): the
 * report's headline summary ("Children in Kensington and Chelsea continue
 * to receive excellent services ..."), kept as paragraphs numbered 0. Only
 * whole sentences of some length (not the header's fields), and not the
 * description of how inspections work some reports open with. */
static gboolean summary_prose(const CsbParse *p, guint i, const CsbBlock *b, const char *section)
{
    static const char *const about[] = {"information about this inspection",
                                        "about this inspection", "the inspection judgements",
                                        "the judgements and what they mean",
                                        "what the inspection judgements mean",
                                        "what the inspection judgments mean"};
    size_t n = strlen(b->text);
    if (!(i > p->title_block && p->title_block < p->blocks->len && b->type == CSB_BLOCK_TEXT &&
          b->number == 0 && p->roles[i] == CSB_ROLE_NONE && n && b->text[n - 1] == '.' &&
          csb_parse_word_count(b->text, 20) >= 20))
        return FALSE;
    gboolean boilerplate = section && csb_parse_starts_with_any(section, about, G_N_ELEMENTS(about));
    /* The copyright notice of a report's front matter. */
    char *t = csb_text_fold(b->text);
    boilerplate |= strstr(t, "crown copyright") || strstr(t, "may be reproduced in whole");
    g_free(t);
    return !boilerplate;
}

/* A heading over the summary prose, unless it is the title or a header
 * field ("Lead inspector: ..."), which head nothing. */
static void set_summary_section(char **section, const char *heading)
{
    static const char *const header[] = {"inspection of", "lead inspector", "inspection dates",
                                         "inspection date",
                                         "report published", "ofsted"};
    if (!csb_parse_starts_with_any(heading, header, G_N_ELEMENTS(header)))
        set_section(section, heading);
}

static void numbered(CsbParse *p)
{
    char *section = NULL;
    Open cur = {NULL, NULL};
    gboolean before_first = TRUE;
    char *summary = NULL; /* the heading of the summary prose: not the judgement table's */
    for (guint i = 0; i < p->body_end && i < p->blocks->len; i++) {
        const CsbBlock *b = p->blocks->pdata[i];
        if (before_first && b->type == CSB_BLOCK_HEADING && p->roles[i] == CSB_ROLE_NONE)
            set_summary_section(&summary, b->text);
        if (before_first && summary_prose(p, i, b, summary)) {
            csb_inspection_add_paragraph(p->in, 0, summary, b->text,
                                         p->doc->type == CSB_SOURCE_PDF ? b->page : 0);
            continue;
        }
        if (b->type == CSB_BLOCK_HEADING) {
            set_section(&section, b->text);
            close_paragraph(&cur);
        } else if (sub_heading(b)) {
            close_paragraph(&cur);
        } else if (p->roles[i] == CSB_ROLE_TABLE) {
            close_paragraph(&cur); /* a numbered judgement label ("2. Children looked after") */
        } else if (b->type == CSB_BLOCK_TEXT && b->number > 0) {
            before_first = FALSE;
            open_paragraph(&cur, csb_inspection_add_paragraph(
                                     p->in, b->number, section, b->text,
                                     p->doc->type == CSB_SOURCE_PDF ? b->page : 0));
        } else if (b->type == CSB_BLOCK_BULLET && cur.para) {
            extend(&cur, " \u2022 ", b->text);
        } else if (b->type == CSB_BLOCK_TEXT && cur.para && p->doc->type == CSB_SOURCE_TEXT) {
            extend(&cur, " ", b->text);
        } else if (b->type == CSB_BLOCK_ROW) {
            close_paragraph(&cur);
        }
    }
    close_paragraph(&cur);
    g_free(section);
    g_free(summary);
}

static void unnumbered(CsbParse *p)
{
    gboolean letter = p->in->kind != CSB_KIND_PEER_CHALLENGE;
    /* Letters start after their subject line; a peer challenge after the
     * first heading that follows its title. */
    guint start = p->title_block < p->blocks->len ? p->title_block + 1 : 0;
    if (!letter)
        while (start < p->blocks->len &&
               ((CsbBlock *)p->blocks->pdata[start])->type != CSB_BLOCK_HEADING)
            start++;
    char *section = NULL;
    for (guint i = start; i < p->body_end && i < p->blocks->len; i++) {
        const CsbBlock *b = p->blocks->pdata[i];
        if (b->type == CSB_BLOCK_HEADING) {
            set_section(&section, b->text);
            continue;
        }
        if (p->roles[i] != CSB_ROLE_NONE || b->type != CSB_BLOCK_TEXT || sub_heading(b))
            continue;
        if (csb_parse_numbered_title(p, b)) { /* "4. The peer team." */
            char *numbered = g_strdup_printf("%d. %s", b->number, b->text);
            set_section(&section, numbered);
            g_free(numbered);
            continue;
        }
        GString *text = g_string_new(NULL);
        if (b->number > 0)
            g_string_printf(text, "%d. ", b->number);
        g_string_append(text, b->text);
        csb_inspection_add_paragraph(p->in, 0, section, text->str,
                                     p->doc->type == CSB_SOURCE_PDF ? b->page : 0);
        g_string_free(text, TRUE);
    }
    g_free(section);
}

/* Does the body number any paragraph? A few graded reports of early 2014
 * wrote every finding as a bullet and numbered none. */
static gboolean numbers_paragraphs(const CsbParse *p)
{
    for (guint i = 0; i < p->body_end && i < p->blocks->len; i++) {
        const CsbBlock *b = p->blocks->pdata[i];
        if (b->type == CSB_BLOCK_TEXT && b->number > 0 && p->roles[i] == CSB_ROLE_NONE)
            return TRUE;
    }
    return FALSE;
}

/* A section that describes inspections or the area, not the services. */
static gboolean context_section(const char *section)
{
    static const char *const context[] = {"contents", "information about this",
                                          "about this inspection", "the inspection judgements",
                                          "what the inspection judgements mean",
                                          "what the inspection judgments mean",
                                          "the judgements and what they mean",
                                          /* the area's figures, under their own headings */
                                          "children living in this area",
                                          "child protection in this area",
                                          "children looked after in this area",
                                          "other ofsted inspections"};
    return section && csb_parse_starts_with_any(section, context, G_N_ELEMENTS(context));
}

/* A graded report that numbers no paragraph: each bullet, and each
 * sentence-long prose block, of its sections on the services is a
 * paragraph numbered 0 under its heading, so themes and tone read the
 * report's body rather than nothing. */
static void bulleted(CsbParse *p)
{
    char *section = NULL;
    guint start = p->title_block < p->blocks->len ? p->title_block + 1 : 0;
    for (guint i = start; i < p->body_end && i < p->blocks->len; i++) {
        const CsbBlock *b = p->blocks->pdata[i];
        if (b->type == CSB_BLOCK_HEADING) {
            set_section(&section, b->text);
            continue;
        }
        if (p->roles[i] != CSB_ROLE_NONE || context_section(section) || sub_heading(b) ||
            !(b->type == CSB_BLOCK_BULLET || b->type == CSB_BLOCK_TEXT) ||
            csb_parse_word_count(b->text, 12) < 12)
            continue;
        csb_inspection_add_paragraph(p->in, 0, section, b->text,
                                     p->doc->type == CSB_SOURCE_PDF ? b->page : 0);
    }
    g_free(section);
}

void csb_parse_paragraphs(CsbParse *p)
{
    if (p->framework && p->framework->graded && !numbers_paragraphs(p))
        bulleted(p);
    else if (p->framework && p->framework->graded)
        numbered(p);
    else
        unnumbered(p);
}
