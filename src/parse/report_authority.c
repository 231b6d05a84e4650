/* report_authority.c - whose report it is: the authority named in the
 * title (or a letter's subject line), normalised through the authority
 * table, and the provider when a children's trust delivers the services.
 *
 * Never from an address block: Ofsted's own address (Manchester) sits above
 * a letter's subject line. A name several authorities share (Achieving for
 * Children, Northamptonshire Children's Trust) is resolved by which of them
 * the report's opening pages name; when that does not settle it the
 * authority is left empty with a warning saying where.
 */
#include "parse.h"

#include <string.h>

/* The folded text of the report's opening: the blocks of its first three
 * pages (PDF) or first 150 blocks (text), padded with spaces so names can
 * be found at word boundaries. */
static char *opening_text(const CsbParse *p)
{
    GString *s = g_string_new(" ");
    for (guint i = 0; i < p->blocks->len && i < 150; i++) {
        const CsbBlock *b = p->blocks->pdata[i];
        if (p->doc->type == CSB_SOURCE_PDF && b->page > 3)
            break;
        char *f = csb_text_fold(b->text);
        g_string_append(s, f);
        g_string_append_c(s, ' ');
        g_free(f);
    }
    return g_string_free(s, FALSE);
}

static gboolean mentions(const char *padded_folded, const char *name)
{
    char *f = csb_text_fold(name);
    char *needle = g_strconcat(" ", f, " ", NULL);
    gboolean hit = *f && strstr(padded_folded, needle) != NULL;
    g_free(needle);
    g_free(f);
    return hit;
}

/* Names of bodies that deliver an authority's services: its trusts, and
 * aliases that name a trust or company ("... Trust", "... Children First",
 * "... for Children"). */
static gboolean provider_name(const CsbAuthority *a, const char *name)
{
    for (guint i = 0; i < a->trusts->len; i++)
        if (g_ascii_strcasecmp(a->trusts->pdata[i], name) == 0)
            return TRUE;
    return strstr(name, "Trust") || strstr(name, "Children First") ||
           strstr(name, " for Children") || strstr(name, "Brighter Futures");
}

/* The table's spelling of a folded name among an authority's names. */
static const char *table_spelling(const CsbAuthority *a, const char *folded)
{
    const GPtrArray *lists[] = {a->trusts, a->aliases};
    for (guint l = 0; l < G_N_ELEMENTS(lists); l++)
        for (guint i = 0; i < lists[l]->len; i++) {
            char *f = csb_text_fold(lists[l]->pdata[i]);
            gboolean same = strcmp(f, folded) == 0;
            g_free(f);
            if (same)
                return lists[l]->pdata[i];
        }
    return NULL;
}

/* The trust or company named in the opening pages, if any. */
static char *find_provider(const CsbAuthority *a, const char *opening)
{
    for (guint i = 0; i < a->trusts->len; i++)
        if (mentions(opening, a->trusts->pdata[i]))
            return g_strdup(a->trusts->pdata[i]);
    for (guint i = 0; i < a->aliases->len; i++)
        if (provider_name(a, a->aliases->pdata[i]) && mentions(opening, a->aliases->pdata[i]))
            return g_strdup(a->aliases->pdata[i]);
    return NULL;
}

/* Text to look for the authority in, and the line it starts on. */
static char *title_text(const CsbParse *p, guint *line)
{
    const CsbInspection *in = p->in;
    *line = 0;
    if (p->title_block < p->blocks->len) {
        const CsbBlock *b = p->blocks->pdata[p->title_block];
        *line = b->first_line;
        gboolean letter = p->framework && p->framework->letter;
        if (letter)
            return g_strdup(b->text);
    }
    if (in->title) {
        if (p->blocks->len)
            *line = ((CsbBlock *)p->blocks->pdata[0])->first_line;
        return g_strdup(in->title);
    }
    return NULL;
}

static char *furniture_text(const CsbDocument *doc)
{
    GString *s = g_string_new(NULL);
    guint n = 0;
    for (guint i = 0; i < doc->lines->len && n < 6; i++) {
        const CsbLine *l = doc->lines->pdata[i];
        if (!l->furniture)
            continue;
        g_string_append(s, l->text);
        g_string_append(s, " . ");
        n++;
    }
    return g_string_free(s, FALSE);
}

static void set_authority(CsbInspection *in, const CsbAuthority *a)
{
    g_free(in->authority);
    g_free(in->authority_code);
    in->authority = g_strdup(a->name);
    in->authority_code = g_strdup(a->dfe_code);
}

void csb_parse_authority(CsbParse *p)
{
    CsbInspection *in = p->in;
    guint line = 0;
    char *text = title_text(p, &line);
    CsbAuthorityMatch m;
    gboolean found = text && csb_authorities_match(p->ref->authorities, text, &m);
    if (!found) {
        /* Running headers and footers name the authority too ("Norfolk
         * County Council Inspection of looked after children services"). */
        char *furniture = furniture_text(p->doc);
        found = csb_authorities_match(p->ref->authorities, furniture, &m);
        g_free(furniture);
    }
    if (!found) {
        const char *near = text ? csb_authorities_suggest(p->ref->authorities, text) : NULL;
        csb_parse_warn_at(p, line,
                          "no authority in data/authorities.csv is named in the title '%s'%s%s%s: "
                          "add the name as an alias there",
                          text ? text : "(none)", near ? " (did you mean " : "",
                          near ? near : "", near ? "?)" : "");
        g_free(text);
        return;
    }
    char *opening = opening_text(p);
    const CsbAuthority *chosen = NULL;
    if (m.n == 1) {
        chosen = m.authorities[0];
    } else {
        /* A shared name: which of its authorities does the report name? */
        guint hits = 0;
        for (guint i = 0; i < m.n; i++)
            if (mentions(opening, m.authorities[i]->name)) {
                chosen = m.authorities[i];
                hits++;
            }
        if (hits != 1) {
            GString *names = g_string_new(NULL);
            for (guint i = 0; i < m.n; i++)
                g_string_append_printf(names, "%s%s (%s)", i ? ", " : "",
                                       m.authorities[i]->name, m.authorities[i]->dfe_code);
            const char *spelled = table_spelling(m.authorities[0], m.name);
            csb_parse_warn_at(p, line,
                              "'%s' can mean %s and the report %s: authority left empty; "
                              "name the authority in the report's file or config",
                              spelled ? spelled : m.name, names->str,
                              hits ? "names more than one of them" : "names none of them");
            g_string_free(names, TRUE);
            chosen = NULL;
        }
    }
    if (chosen)
        set_authority(in, chosen);
    /* The provider: a trust named in the title, else in the opening pages. */
    const CsbAuthority *owner = chosen ? chosen : m.authorities[0];
    const char *spelled = table_spelling(owner, m.name);
    if (spelled && provider_name(owner, spelled))
        in->provider = g_strdup(spelled);
    else if (chosen)
        in->provider = find_provider(chosen, opening);
    g_free(opening);
    csb_authority_match_clear(&m);
    g_free(text);
}
