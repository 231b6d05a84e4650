/* authority.c - the authority table (data/authorities.csv): canonical
 * names, aliases and former names, trusts, DfE/ONS codes, region and
 * statistical neighbours, with loose name lookup.
 */
#include "model.h"

#include <string.h>

struct CsbAuthorities {
    GPtrArray *rows;   /* CsbAuthority*, owned */
    GHashTable *names; /* folded name -> GPtrArray of CsbAuthority* (canonical first) */
    int longest;       /* words in the longest folded name */
    char *checksum;    /* sha256 of the table file's bytes */
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

static int count_words(const char *folded)
{
    int n = *folded ? 1 : 0;
    for (const char *p = folded; *p; p++)
        n += *p == ' ';
    return n;
}

/* Index a name: a name shared by several authorities (the deliberate
 * multi-authority aliases) keeps all of them, canonical owners first. */
static void index_name(CsbAuthorities *t, const char *name, CsbAuthority *a)
{
    char *k = csb_text_fold(name);
    if (!*k) {
        g_free(k);
        return;
    }
    GPtrArray *owners = g_hash_table_lookup(t->names, k);
    if (!owners) {
        owners = g_ptr_array_new();
        g_hash_table_insert(t->names, k, owners);
        t->longest = MAX(t->longest, count_words(k));
    } else {
        g_free(k);
    }
    for (guint i = 0; i < owners->len; i++)
        if (owners->pdata[i] == a)
            return;
    g_ptr_array_add(owners, a);
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
            csb_diag_error(diag, path, csv->header_line, 0,
                           "the authority table has no column '%s'", cols[i]);
            csb_csv_free(csv);
            return NULL;
        }
    }
    CsbAuthorities *t = g_new0(CsbAuthorities, 1);
    t->rows = g_ptr_array_new_with_free_func(authority_free);
    t->names = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                     (GDestroyNotify)g_ptr_array_unref);
    char *err = NULL;
    gsize bytes = 0;
    char *raw = csb_file_read(path, &bytes, &err);
    t->checksum = raw ? g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)raw, bytes)
                      : g_strdup("");
    g_free(raw);
    g_free(err);
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
            csb_diag_warn(diag, path, csb_csv_line(csv, r), 0,
                          "row without a name or DfE code skipped");
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
    g_hash_table_destroy(t->names);
    g_free(t->checksum);
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

/* The owners of a name, trying it as written and then without council-style
 * wrappers ("London Borough of", "County Council", ...). */
static GPtrArray *lookup_loosely(const CsbAuthorities *t, const char *name)
{
    char *k = csb_text_fold(name);
    GPtrArray *owners = g_hash_table_lookup(t->names, k);
    for (int round = 0; !owners && round < 2; round++) {
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
        owners = g_hash_table_lookup(t->names, k);
    }
    g_free(k);
    return owners;
}

const CsbAuthority *csb_authorities_find(const CsbAuthorities *t, const char *name)
{
    GPtrArray *owners = lookup_loosely(t, name);
    return owners && owners->len ? owners->pdata[0] : NULL;
}

guint csb_authorities_find_all(const CsbAuthorities *t, const char *name,
                               const CsbAuthority **out, guint max)
{
    GPtrArray *owners = lookup_loosely(t, name);
    guint n = 0;
    for (guint i = 0; owners && i < owners->len && n < max; i++)
        out[n++] = owners->pdata[i];
    return n;
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

gboolean csb_authorities_match(const CsbAuthorities *t, const char *text, CsbAuthorityMatch *m)
{
    memset(m, 0, sizeof *m);
    char *hay = csb_text_fold(text);
    /* Word starts, then at each start (earliest first) the longest name. */
    GArray *starts = g_array_new(FALSE, FALSE, sizeof(gsize));
    for (gsize i = 0; hay[i]; i++)
        if (i == 0 || hay[i - 1] == ' ')
            g_array_append_val(starts, i);
    gsize n_words = starts->len;
    GString *key = g_string_new(NULL);
    gboolean found = FALSE;
    for (gsize w = 0; w < n_words && !found; w++) {
        gsize from = g_array_index(starts, gsize, w);
        for (gsize len = MIN((gsize)t->longest, n_words - w); len >= 1 && !found; len--) {
            gsize to = w + len < n_words ? g_array_index(starts, gsize, w + len) - 1
                                         : strlen(hay);
            g_string_assign(key, "");
            g_string_append_len(key, hay + from, (gssize)(to - from));
            GPtrArray *owners = g_hash_table_lookup(t->names, key->str);
            if (owners && owners->len) {
                found = TRUE;
                m->offset = from;
                m->words = (guint)len;
                m->name = g_strdup(key->str);
                for (guint i = 0; i < owners->len && m->n < G_N_ELEMENTS(m->authorities); i++)
                    m->authorities[m->n++] = owners->pdata[i];
            }
        }
    }
    g_string_free(key, TRUE);
    g_array_free(starts, TRUE);
    g_free(hay);
    return found;
}

void csb_authority_match_clear(CsbAuthorityMatch *m)
{
    g_free(m->name);
    memset(m, 0, sizeof *m);
}

const CsbAuthority *csb_authorities_search(const CsbAuthorities *t, const char *text)
{
    CsbAuthorityMatch m;
    const CsbAuthority *a = csb_authorities_match(t, text, &m) ? m.authorities[0] : NULL;
    csb_authority_match_clear(&m);
    return a;
}

const char *csb_authorities_checksum(const CsbAuthorities *t)
{
    return t->checksum;
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
