/* manifest.c - the record beside the outputs of what shaped each briefing
 * (.csbrief-manifest): per briefing, the hash of every input and the stamp
 * of the PDF as written; per input file, the stamp its hash was taken at;
 * per report content, whom it is about. A plain text file, one record a
 * line, fields separated by tabs; the format is in docs/nightly.md.
 */
#include "build.h"

#include <string.h>

#define MAGIC "csbrief-manifest"
#define VERSION "1"
/* What a missing record means. */
#define UNKNOWN_OUTPUTS                                                                          \
    "every briefing in this folder will be rebuilt, and a PDF already there is not "          \
    "replaced without --force (csbrief cannot tell that it wrote it)"
/* A manifest of 100,000 briefings is under 100 MB. */
#define MAX_BYTES (256u * 1024 * 1024)

CsbInput *csb_input_new(const char *label, const char *sha256)
{
    CsbInput *in = g_new0(CsbInput, 1);
    in->label = g_strdup(label);
    in->sha256 = g_strdup(sha256);
    return in;
}

void csb_input_free(CsbInput *in)
{
    if (!in)
        return;
    g_free(in->label);
    g_free(in->sha256);
    g_free(in);
}

void csb_manifest_entry_free(CsbManifestEntry *e)
{
    if (!e)
        return;
    g_free(e->output);
    g_free(e->hash);
    g_free(e->built_at);
    g_free(e->stamp.sha256);
    if (e->inputs)
        g_ptr_array_free(e->inputs, TRUE);
    g_free(e);
}

static void note_free(gpointer p)
{
    CsbReportNote *n = p;
    g_free(n->authority);
    g_free(n->error);
    g_free(n);
}

static CsbManifest *manifest_new(const char *dir)
{
    CsbManifest *m = g_new0(CsbManifest, 1);
    m->dir = g_strdup(dir);
    m->path = g_build_filename(dir, CSB_MANIFEST_NAME, NULL);
    m->entries = g_hash_table_new_full(g_str_hash, g_str_equal, NULL,
                                       (GDestroyNotify)csb_manifest_entry_free);
    m->stamps = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify)csb_file_stamp_free);
    m->notes = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, note_free);
    m->pending = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    return m;
}

void csb_manifest_free(CsbManifest *m)
{
    if (!m)
        return;
    g_hash_table_destroy(m->entries);
    g_hash_table_destroy(m->stamps);
    g_hash_table_destroy(m->notes);
    g_hash_table_destroy(m->pending);
    g_free(m->parser_key);
    g_free(m->path);
    g_free(m->dir);
    g_free(m);
}

void csb_manifest_put_note(CsbManifest *m, const char *sha256, const char *authority,
                           const char *error, CsbUnreadReason reason)
{
    CsbReportNote *n = g_new0(CsbReportNote, 1);
    n->authority = g_strdup(authority);
    n->error = g_strdup(error);
    n->reason = error ? reason : CSB_UNREAD_UNKNOWN;
    g_hash_table_replace(m->notes, g_strdup(sha256), n);
}

void csb_manifest_put_entry(CsbManifest *m, CsbManifestEntry *e)
{
    g_hash_table_replace(m->entries, e->output, e);
}

/* ---- fields: tab, newline, carriage return and backslash escaped -------- */


void csb_field_append(GString *out, const char *s)
{
    g_string_append_c(out, '\t');
    for (const char *p = s ? s : ""; *p; p++) {
        switch (*p) {
        case '\\': g_string_append(out, "\\\\"); break;
        case '\t': g_string_append(out, "\\t"); break;
        case '\n': g_string_append(out, "\\n"); break;
        case '\r': g_string_append(out, "\\r"); break;
        default: g_string_append_c(out, *p);
        }
    }
}

char *csb_field_unescape(const char *s)
{
    GString *out = g_string_new(NULL);
    for (const char *p = s; *p; p++) {
        if (*p != '\\' || !p[1]) {
            g_string_append_c(out, *p);
            continue;
        }
        p++;
        g_string_append_c(out, *p == 't' ? '\t' : *p == 'n' ? '\n' : *p == 'r' ? '\r' : *p);
    }
    return g_string_free(out, FALSE);
}

static gboolean int_field(const char *s, gint64 *out)
{
    char *end = NULL;
    *out = g_ascii_strtoll(s, &end, 10);
    return end && end != s && *end == '\0';
}

static gboolean is_sha256(const char *s)
{
    if (strlen(s) != 64)
        return FALSE;
    for (const char *p = s; *p; p++)
        if (!g_ascii_isxdigit(*p))
            return FALSE;
    return TRUE;
}

/* ---- reading ------------------------------------------------------------ */

typedef struct {
    CsbManifest *m;
    CsbManifestEntry *current;
} Reader;

/* One line split into unescaped fields; FALSE when it is malformed. */
static gboolean read_record(Reader *r, char **f, guint n)
{
    const char *kind = f[0];
    gint64 a, b, c, d;
    if (strcmp(kind, "parser") == 0 && n == 2) {
        g_free(r->m->parser_key);
        r->m->parser_key = g_strdup(f[1]);
    } else if (strcmp(kind, "stamp") == 0 && n == 7 && is_sha256(f[1]) && int_field(f[2], &a) &&
               int_field(f[3], &b) && int_field(f[4], &c) && int_field(f[5], &d)) {
        CsbFileStamp *s = g_new0(CsbFileStamp, 1);
        *s = (CsbFileStamp){g_strdup(f[1]), a, b, c, (guint64)d};
        g_hash_table_replace(r->m->stamps, g_strdup(f[6]), s);
    } else if (strcmp(kind, "note") == 0 && n == 4 && is_sha256(f[1]) &&
               strcmp(f[2], "ok") == 0) {
        csb_manifest_put_note(r->m, f[1], *f[3] ? f[3] : NULL, NULL, CSB_UNREAD_UNKNOWN);
    } else if (strcmp(kind, "note") == 0 && (n == 4 || n == 5) && is_sha256(f[1]) &&
               strcmp(f[2], "unreadable") == 0) {
        /* Older manifests have no REASON: the kind is then not known. */
        csb_manifest_put_note(r->m, f[1], NULL, f[n - 1],
                              n == 5 ? csb_unread_reason_from_id(f[3]) : CSB_UNREAD_UNKNOWN);
    } else if (strcmp(kind, "briefing") == 0 && (n == 7 || (n == 8 && is_sha256(f[7]))) &&
               is_sha256(f[2]) && int_field(f[4], &a) && int_field(f[5], &b) &&
               int_field(f[6], &c)) {
        CsbManifestEntry *e = g_new0(CsbManifestEntry, 1);
        e->output = g_strdup(f[1]);
        e->hash = g_strdup(f[2]);
        e->built_at = g_strdup(f[3]);
        e->stamp = (CsbFileStamp){n == 8 ? g_strdup(f[7]) : NULL, a, b, 0, (guint64)c};
        e->inputs = g_ptr_array_new_with_free_func((GDestroyNotify)csb_input_free);
        csb_manifest_put_entry(r->m, e);
        r->current = e;
    } else if (strcmp(kind, "pending") == 0 && n == 2) {
        g_hash_table_add(r->m->pending, g_strdup(f[1]));
    } else if (strcmp(kind, "input") == 0 && n == 3 && r->current && is_sha256(f[1])) {
        g_ptr_array_add(r->current->inputs, csb_input_new(f[2], f[1]));
    } else {
        return FALSE;
    }
    return TRUE;
}

CsbManifest *csb_manifest_load(const char *dir, CsbDiag *diag)
{
    CsbManifest *m = manifest_new(dir);
    gsize len = 0;
    char *err = NULL;
    /* Never through a link: a manifest is only ever one csbrief wrote. */
    char *text = csb_file_read_limited(m->path, MAX_BYTES, TRUE, &len, &err);
    if (!text) {
        if (g_file_test(m->path, G_FILE_TEST_EXISTS) ||
            g_file_test(m->path, G_FILE_TEST_IS_SYMLINK))
            csb_diag_warn(diag, m->path, 0, 0, "cannot read the manifest (%s): %s", err,
                          UNKNOWN_OUTPUTS);
        g_free(err);
        return m;
    }
    char **lines = g_strsplit(text, "\n", -1);
    g_free(text);
    Reader r = {m, NULL};
    int bad_line = 0;
    if (!lines[0] || strcmp(lines[0], MAGIC "\t" VERSION) != 0)
        bad_line = 1;
    for (int i = 1; !bad_line && lines[i]; i++) {
        if (!*lines[i] || lines[i][0] == '#')
            continue;
        char **raw = g_strsplit(lines[i], "\t", -1);
        guint n = g_strv_length(raw);
        char **f = g_new0(char *, n + 1);
        for (guint k = 0; k < n; k++)
            f[k] = csb_field_unescape(raw[k]);
        if (!read_record(&r, f, n))
            bad_line = i + 1;
        g_strfreev(f);
        g_strfreev(raw);
    }
    g_strfreev(lines);
    if (bad_line) {
        csb_diag_warn(diag, m->path, bad_line, 0,
                      "not a csbrief manifest this version can read: %s", UNKNOWN_OUTPUTS);
        CsbManifest *empty = manifest_new(dir);
        csb_manifest_free(m);
        return empty;
    }
    return m;
}

/* ---- writing ------------------------------------------------------------ */

static int by_key(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static GPtrArray *sorted_keys(GHashTable *t)
{
    GPtrArray *keys = g_ptr_array_new();
    GHashTableIter it;
    gpointer k;
    g_hash_table_iter_init(&it, t);
    while (g_hash_table_iter_next(&it, &k, NULL))
        g_ptr_array_add(keys, k);
    g_ptr_array_sort(keys, by_key);
    return keys;
}

char *csb_manifest_format(const CsbManifest *m, gsize *len)
{
    GString *out = g_string_new(MAGIC "\t" VERSION "\n"
                                "# What shaped each briefing in this folder, written by csbrief "
                                "build (see docs/nightly.md).\n"
                                "# Safe to delete: the next run then rebuilds every briefing.\n");
    if (m->parser_key) {
        g_string_append(out, "parser");
        csb_field_append(out, m->parser_key);
        g_string_append_c(out, '\n');
    }
    GPtrArray *keys = sorted_keys(m->stamps);
    for (guint i = 0; i < keys->len; i++) {
        const CsbFileStamp *s = g_hash_table_lookup(m->stamps, keys->pdata[i]);
        g_string_append_printf(out, "stamp\t%s\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT
                                    "\t%" G_GINT64_FORMAT "\t%" G_GUINT64_FORMAT,
                               s->sha256, s->size, s->mtime_ns, s->ctime_ns, s->inode);
        csb_field_append(out, keys->pdata[i]);
        g_string_append_c(out, '\n');
    }
    g_ptr_array_free(keys, TRUE);
    keys = sorted_keys(m->notes);
    for (guint i = 0; i < keys->len; i++) {
        const CsbReportNote *n = g_hash_table_lookup(m->notes, keys->pdata[i]);
        g_string_append_printf(out, "note\t%s\t%s", (const char *)keys->pdata[i],
                               n->error ? "unreadable" : "ok");
        if (n->error)
            csb_field_append(out, csb_unread_reason_id(n->reason));
        csb_field_append(out, n->error ? n->error : n->authority);
        g_string_append_c(out, '\n');
    }
    g_ptr_array_free(keys, TRUE);
    keys = sorted_keys(m->entries);
    for (guint i = 0; i < keys->len; i++) {
        const CsbManifestEntry *e = g_hash_table_lookup(m->entries, keys->pdata[i]);
        g_string_append(out, "briefing");
        csb_field_append(out, e->output);
        csb_field_append(out, e->hash);
        csb_field_append(out, e->built_at);
        g_string_append_printf(out, "\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT
                                    "\t%" G_GUINT64_FORMAT,
                               e->stamp.size, e->stamp.mtime_ns, e->stamp.inode);
        if (e->stamp.sha256)
            g_string_append_printf(out, "\t%s", e->stamp.sha256);
        g_string_append_c(out, '\n');
        for (guint k = 0; k < e->inputs->len; k++) {
            const CsbInput *in = e->inputs->pdata[k];
            g_string_append_printf(out, "input\t%s", in->sha256);
            csb_field_append(out, in->label);
            g_string_append_c(out, '\n');
        }
    }
    g_ptr_array_free(keys, TRUE);
    keys = sorted_keys(m->pending);
    for (guint i = 0; i < keys->len; i++) {
        g_string_append(out, "pending");
        csb_field_append(out, keys->pdata[i]);
        g_string_append_c(out, '\n');
    }
    g_ptr_array_free(keys, TRUE);
    *len = out->len;
    return g_string_free(out, FALSE);
}

gboolean csb_manifest_save(const CsbManifest *m, CsbDiag *diag)
{
    gsize len = 0;
    char *text = csb_manifest_format(m, &len);
    gboolean ok = csb_build_atomic_bytes(m->dir, m->path, text, len, diag);
    g_free(text);
    return ok;
}
