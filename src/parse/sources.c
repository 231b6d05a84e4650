/* sources.c - where report files came from: an index of downloads
 * (csbrief fetch's index.csv, or a listing such as Ofsted's publications)
 * naming each file with its address, the publication's link text, its
 * publication date and the provider's URN (and kind). A report that does not state its own publication date
 * takes the index's, and says so (published_from). Indexes are CSV files
 * read by their header: file and published are required; url, title,
 * sha256, urn and kind are used when present. What the indexes (or a file
 * name "<urn>-<name>__<date>.pdf") say of a file that cannot be read tells
 * a briefing whose report it misses. An index row whose sha256 differs from the
 * file's is about another version of the file and is not used.
 */
#include "parse.h"

#include <string.h>

typedef struct {
    char *url, *title, *sha256, *urn, *kind;
    CsbDate published;
} Source;

struct CsbSources {
    GHashTable *by_name; /* file basename -> Source* */
    GHashTable *folders; /* folders already looked in for an index.csv */
    GPtrArray *files;    /* char*: index files read, in order */
};

static void source_free(gpointer p)
{
    Source *s = p;
    g_free(s->url);
    g_free(s->title);
    g_free(s->sha256);
    g_free(s->urn);
    g_free(s->kind);
    g_free(s);
}

CsbSources *csb_sources_new(void)
{
    CsbSources *s = g_new0(CsbSources, 1);
    s->by_name = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, source_free);
    s->folders = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    s->files = g_ptr_array_new_with_free_func(g_free);
    return s;
}

void csb_sources_free(CsbSources *s)
{
    if (!s)
        return;
    g_hash_table_destroy(s->by_name);
    g_hash_table_destroy(s->folders);
    g_ptr_array_free(s->files, TRUE);
    g_free(s);
}

static char *field(const CsbCsv *csv, guint row, int column)
{
    const char *v = column >= 0 ? csb_csv_get(csv, row, column) : NULL;
    return v && *v ? g_strdup(v) : NULL;
}

gboolean csb_sources_add(CsbSources *s, const char *index_path, CsbDiag *diag)
{
    CsbCsv *csv = csb_csv_load(index_path, diag);
    if (!csv)
        return FALSE;
    int file = csb_csv_column(csv, "file"), published = csb_csv_column(csv, "published");
    if (file < 0 || published < 0) {
        csb_diag_error(diag, index_path, csv->header_line, 0,
                       "an index of report files needs the columns 'file' and 'published'");
        csb_csv_free(csv);
        return FALSE;
    }
    int url = csb_csv_column(csv, "url"), title = csb_csv_column(csv, "title"),
        sha = csb_csv_column(csv, "sha256"), urn = csb_csv_column(csv, "urn"),
        kind = csb_csv_column(csv, "kind");
    for (guint r = 0; r < csv->rows->len; r++) {
        const char *name = csb_csv_get(csv, r, file);
        CsbDate when = csb_date_from_iso(csb_csv_get(csv, r, published));
        if (!*name)
            continue;
        if (!csb_date_valid(when))
            csb_diag_warn(diag, index_path, csb_csv_line(csv, r), 0,
                          "'%s' is not a date (YYYY-MM-DD): no publication date for %s",
                          csb_csv_get(csv, r, published), name);
        Source *src = g_new0(Source, 1);
        src->url = field(csv, r, url);
        src->title = field(csv, r, title);
        src->sha256 = field(csv, r, sha);
        src->urn = field(csv, r, urn);
        src->kind = field(csv, r, kind);
        src->published = when;
        char *base = g_path_get_basename(name);
        g_hash_table_replace(s->by_name, base, src);
    }
    csb_csv_free(csv);
    g_ptr_array_add(s->files, g_strdup(index_path));
    return TRUE;
}

void csb_sources_add_beside(CsbSources *s, const char *report_path, CsbDiag *diag)
{
    char *folder = g_path_get_dirname(report_path);
    if (g_hash_table_contains(s->folders, folder)) {
        g_free(folder);
        return;
    }
    char *index = g_build_filename(folder, CSB_SOURCES_INDEX, NULL);
    if (g_file_test(index, G_FILE_TEST_IS_REGULAR))
        csb_sources_add(s, index, diag);
    g_free(index);
    g_hash_table_add(s->folders, folder);
}

const GPtrArray *csb_sources_files(const CsbSources *s)
{
    return s->files;
}

/* The index row for a file, unless it is about another version of it. */
static const Source *lookup(const CsbSources *s, const char *path, const char *sha256)
{
    if (!s || !path)
        return NULL;
    char *base = g_path_get_basename(path);
    const Source *src = g_hash_table_lookup(s->by_name, base);
    g_free(base);
    if (src && src->sha256 && sha256 && g_ascii_strcasecmp(src->sha256, sha256) != 0)
        return NULL;
    return src;
}

char *csb_sources_describe(const CsbSources *s, const char *path, const char *sha256)
{
    const Source *src = lookup(s, path, sha256);
    if (!src)
        return NULL;
    char iso[11];
    return g_strdup_printf("published %s, %s", csb_date_iso(src->published, iso),
                           src->url ? src->url : "no address");
}

void csb_sources_apply(const CsbSources *s, CsbInspection *in)
{
    const Source *src = in ? lookup(s, in->file, in->sha256) : NULL;
    if (!src)
        return;
    if (src->url && !in->url)
        in->url = g_strdup(src->url);
    if (!csb_date_valid(in->published) && csb_date_valid(src->published)) {
        in->published = src->published;
        in->published_from = CSB_PUBLISHED_INDEX;
    }
}

/* "<urn>-<name>__<yyyy-mm-dd>.pdf", as Ofsted's reports are often saved:
 * the URN and the date, when the name is so. */
static void from_file_name(const char *path, char **urn, CsbDate *date)
{
    char *base = g_path_get_basename(path);
    size_t digits = strspn(base, "0123456789");
    const char *sep = strstr(base, "__");
    if (digits >= 4 && base[digits] == '-' && sep) {
        *urn = g_strndup(base, digits);
        char *iso = g_strndup(sep + 2, 10);
        *date = csb_date_from_iso(iso);
        g_free(iso);
    }
    g_free(base);
}

gboolean csb_sources_facts(const CsbSources *s, const char *path, CsbSourceFacts *out)
{
    memset(out, 0, sizeof *out);
    char *base = g_path_get_basename(path);
    const Source *src = s ? g_hash_table_lookup(s->by_name, base) : NULL;
    g_free(base);
    if (src) {
        out->urn = g_strdup(src->urn);
        out->kind = g_strdup(src->kind);
        out->title = g_strdup(src->title);
        out->published = src->published;
    }
    char *urn = NULL;
    CsbDate date = {0, 0, 0};
    from_file_name(path, &urn, &date);
    if (!out->urn)
        out->urn = g_steal_pointer(&urn);
    if (!csb_date_valid(out->published))
        out->published = date;
    g_free(urn);
    return out->urn || out->title || csb_date_valid(out->published);
}

void csb_source_facts_clear(CsbSourceFacts *f)
{
    g_free(f->urn);
    g_free(f->kind);
    g_free(f->title);
    memset(f, 0, sizeof *f);
}
