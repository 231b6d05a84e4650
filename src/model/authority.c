/* authority.c - the authority table (data/authorities.csv): canonical
 * names, aliases and former names, trusts, DfE/ONS codes, region and
 * statistical neighbours, with loose name lookup.
 */
#include "model.h"

#include <string.h>

struct CsbAuthorities {
    GPtrArray *rows;   /* CsbAuthority*, owned */
    GHashTable *names; /* folded name -> CsbAuthority* (first wins) */
    GPtrArray *keys;   /* folded names, for search; char* owned by names */
};

static void authority_free(gpointer p)
{
    CsbAuthority *a = p;
    g_free(a->name);
    g_free(a->dfe_code);
    g_free(a->ons_code);
    g_free(a->urn);
    g_free(a->region_code);
    g_free(a->region);
    g_ptr_array_free(a->aliases, TRUE);
    g_ptr_array_free(a->trusts, TRUE);
    g_ptr_array_free(a->neighbours, TRUE);
    g_free(a);
}

static GPtrArray *split_list(const char *s)
{
    GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
    char **parts = g_strsplit(s ? s : "", ";", -1);
    for (char **p = parts; *p; p++) {
        char *t = g_strstrip(g_strdup(*p));
        if (*t)
            g_ptr_array_add(out, t);
        else
            g_free(t);
    }
    g_strfreev(parts);
    return out;
}

static void index_name(CsbAuthorities *t, const char *name, CsbAuthority *a)
{
    char *k = csb_text_fold(name);
    if (!*k || g_hash_table_contains(t->names, k)) {
        g_free(k);
        return;
    }
    g_hash_table_insert(t->names, k, a);
    g_ptr_array_add(t->keys, k);
}

CsbAuthorities *csb_authorities_load(const char *path, CsbDiag *diag)
{
    CsbCsv *csv = csb_csv_load(path, diag);
    if (!csv)
        return NULL;
    static const char *const cols[] = {"name",   "dfe_code",        "ons_code", "urn",
                                       "region_code", "region", "stat_neighbours",
                                       "aliases", "trusts"};
    int c[G_N_ELEMENTS(cols)];
    for (guint i = 0; i < G_N_ELEMENTS(cols); i++) {
        c[i] = csb_csv_column(csv, cols[i]);
        if (c[i] < 0) {
            csb_diag_error(diag, path, 1, 0, "the authority table has no column '%s'", cols[i]);
            csb_csv_free(csv);
            return NULL;
        }
    }
    CsbAuthorities *t = g_new0(CsbAuthorities, 1);
    t->rows = g_ptr_array_new_with_free_func(authority_free);
    t->names = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    t->keys = g_ptr_array_new();
    for (guint r = 0; r < csv->rows->len; r++) {
        CsbAuthority *a = g_new0(CsbAuthority, 1);
        a->name = g_strdup(csb_csv_get(csv, r, c[0]));
        a->dfe_code = g_strdup(csb_csv_get(csv, r, c[1]));
        a->ons_code = g_strdup(csb_csv_get(csv, r, c[2]));
        a->urn = g_strdup(csb_csv_get(csv, r, c[3]));
        a->region_code = g_strdup(csb_csv_get(csv, r, c[4]));
        a->region = g_strdup(csb_csv_get(csv, r, c[5]));
        a->neighbours = split_list(csb_csv_get(csv, r, c[6]));
        a->aliases = split_list(csb_csv_get(csv, r, c[7]));
        a->trusts = split_list(csb_csv_get(csv, r, c[8]));
        if (!*a->name || !*a->dfe_code) {
            csb_diag_warn(diag, path, (int)r + 2, 0, "row without a name or DfE code skipped");
            authority_free(a);
            continue;
        }
        g_ptr_array_add(t->rows, a);
    }
    /* Canonical names first so an alias can never shadow one. */
    for (guint i = 0; i < t->rows->len; i++)
        index_name(t, ((CsbAuthority *)t->rows->pdata[i])->name, t->rows->pdata[i]);
    for (guint i = 0; i < t->rows->len; i++) {
        CsbAuthority *a = t->rows->pdata[i];
        for (guint k = 0; k < a->aliases->len; k++)
            index_name(t, a->aliases->pdata[k], a);
        for (guint k = 0; k < a->trusts->len; k++)
            index_name(t, a->trusts->pdata[k], a);
    }
    csb_csv_free(csv);
    return t;
}

void csb_authorities_free(CsbAuthorities *t)
{
    if (!t)
        return;
    g_ptr_array_free(t->keys, TRUE);
    g_hash_table_destroy(t->names);
    g_ptr_array_free(t->rows, TRUE);
    g_free(t);
}

guint csb_authorities_count(const CsbAuthorities *t)
{
    return t->rows->len;
}

const CsbAuthority *csb_authorities_at(const CsbAuthorities *t, guint i)
{
    return i < t->rows->len ? t->rows->pdata[i] : NULL;
}

/* Council-style wrappers that never distinguish one authority from another. */
static const char *const prefixes[] = {"the ", "london borough of ", "royal borough of ",
                                       "borough of ", "council of the "};
static const char *const suffixes[] = {" metropolitan borough council",
                                       " metropolitan district council",
                                       " county borough council", " county council",
                                       " borough council", " city council", " council",
                                       " local authority", " children s services"};

const CsbAuthority *csb_authorities_find(const CsbAuthorities *t, const char *name)
{
    char *k = csb_text_fold(name);
    const CsbAuthority *a = g_hash_table_lookup(t->names, k);
    for (int round = 0; !a && round < 2; round++) {
        char *s = k;
        for (guint i = 0; i < G_N_ELEMENTS(prefixes); i++)
            if (g_str_has_prefix(s, prefixes[i]))
                s += strlen(prefixes[i]);
        for (guint i = 0; i < G_N_ELEMENTS(suffixes); i++)
            if (g_str_has_suffix(s, suffixes[i])) {
                s[strlen(s) - strlen(suffixes[i])] = '\0';
                break;
            }
        char *stripped = g_strdup(s);
        g_free(k);
        k = stripped;
        a = g_hash_table_lookup(t->names, k);
    }
    g_free(k);
    return a;
}

const CsbAuthority *csb_authorities_by_code(const CsbAuthorities *t, const char *code)
{
    for (guint i = 0; code && i < t->rows->len; i++) {
        const CsbAuthority *a = t->rows->pdata[i];
        if (strcmp(a->dfe_code, code) == 0)
            return a;
    }
    return NULL;
}

const CsbAuthority *csb_authorities_by_urn(const CsbAuthorities *t, const char *urn)
{
    for (guint i = 0; urn && i < t->rows->len; i++) {
        const CsbAuthority *a = t->rows->pdata[i];
        if (strcmp(a->urn, urn) == 0)
            return a;
    }
    return NULL;
}

const CsbAuthority *csb_authorities_search(const CsbAuthorities *t, const char *text)
{
    char *hay = csb_text_fold(text);
    char *padded = g_strconcat(" ", hay, " ", NULL);
    const CsbAuthority *best = NULL;
    glong best_pos = G_MAXLONG;
    size_t best_len = 0;
    for (guint i = 0; i < t->keys->len; i++) {
        const char *k = t->keys->pdata[i];
        char *needle = g_strconcat(" ", k, " ", NULL);
        const char *hit = strstr(padded, needle);
        if (hit) {
            glong pos = hit - padded;
            size_t len = strlen(k);
            if (pos < best_pos || (pos == best_pos && len > best_len)) {
                best_pos = pos;
                best_len = len;
                best = g_hash_table_lookup(t->names, k);
            }
        }
        g_free(needle);
    }
    g_free(padded);
    g_free(hay);
    return best;
}

const char *csb_authorities_suggest(const CsbAuthorities *t, const char *name)
{
    const char **names = g_new(const char *, t->rows->len);
    for (guint i = 0; i < t->rows->len; i++)
        names[i] = ((CsbAuthority *)t->rows->pdata[i])->name;
    const char *best = csb_text_nearest(name, names, (int)t->rows->len);
    g_free(names);
    return best;
}
