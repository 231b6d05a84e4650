/* outputs.c - which files a run may write. Never one of its inputs (a
 * report some config reads or would read next time, a config, a logo,
 * the data files, templates and fonts), whether named as such or the same
 * file under another name; and never a file that is there but that
 * csbrief did not write, as its manifest records, unless --force. Build
 * (batch.c) and check (csb_build_check_outputs) ask the same questions.
 */
#include "build.h"

#include <string.h>
#include <sys/stat.h>

struct CsbInputSet {
    const GPtrArray *configs;
    GHashTable *paths; /* path -> what it is (owned strings) */
    GHashTable *ids;   /* "DEV:INODE" -> what it is */
};

static void add(CsbInputSet *s, const char *path, const char *what)
{
    if (!g_hash_table_contains(s->paths, path))
        g_hash_table_insert(s->paths, g_strdup(path), g_strdup(what));
    struct stat st;
    if (stat(path, &st) == 0) {
        char *id = g_strdup_printf("%ju:%ju", (uintmax_t)st.st_dev, (uintmax_t)st.st_ino);
        if (g_hash_table_contains(s->ids, id))
            g_free(id);
        else
            g_hash_table_insert(s->ids, id, g_strdup_printf("%s (%s)", what, path));
    }
}

static void add_folder(CsbInputSet *s, const char *dir, const char *what)
{
    GDir *d = g_dir_open(dir, 0, NULL);
    const char *name;
    while (d && (name = g_dir_read_name(d))) {
        char *path = g_build_filename(dir, name, NULL);
        add(s, path, what);
        g_free(path);
    }
    if (d)
        g_dir_close(d);
}

CsbInputSet *csb_input_set_new(const GPtrArray *configs, const CsbResources *res)
{
    CsbInputSet *s = g_new0(CsbInputSet, 1);
    s->configs = configs;
    s->paths = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    s->ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    for (guint c = 0; c < configs->len; c++) {
        const CsbConfig *cfg = configs->pdata[c];
        char *what = g_strdup_printf("the config %s", cfg->path);
        add(s, cfg->path, what);
        g_free(what);
        what = g_strdup_printf("a report %s reads", cfg->path);
        for (guint i = 0; i < cfg->reports->len; i++)
            add(s, cfg->reports->pdata[i], what);
        g_free(what);
        for (guint b = 0; b < cfg->briefings->len; b++) {
            const CsbBriefingSpec *spec = cfg->briefings->pdata[b];
            if (spec->logo)
                add(s, spec->logo, "a logo");
        }
    }
    for (guint i = 0; res && i < res->data_files->len; i++)
        add(s, res->data_files->pdata[i], "a data file of csbrief");
    if (res) {
        add_folder(s, res->templates_dir, "a template of csbrief");
        add_folder(s, res->fonts_dir, "a font of csbrief");
    }
    return s;
}

void csb_input_set_free(CsbInputSet *s)
{
    if (!s)
        return;
    g_hash_table_destroy(s->paths);
    g_hash_table_destroy(s->ids);
    g_free(s);
}

char *csb_input_set_conflict(const CsbInputSet *s, const char *output)
{
    const char *what = g_hash_table_lookup(s->paths, output);
    char *same = NULL;
    for (guint c = 0; !what && c < s->configs->len; c++) {
        const CsbConfig *cfg = s->configs->pdata[c];
        if (csb_config_reads(cfg, output))
            what = same = g_strdup_printf("a report %s would read (it is in one of its report "
                                          "folders or matches one of its patterns)",
                                          cfg->path);
    }
    struct stat st;
    if (!what && stat(output, &st) == 0) {
        char *id = g_strdup_printf("%ju:%ju", (uintmax_t)st.st_dev, (uintmax_t)st.st_ino);
        const char *other = g_hash_table_lookup(s->ids, id);
        if (other)
            what = same = g_strdup_printf("the same file as %s", other);
        g_free(id);
    }
    char *msg = what ? g_strdup_printf("the output %s is also an input: %s. csbrief never "
                                       "writes over its inputs; give the briefing another "
                                       "'output'",
                                       output, what)
                     : NULL;
    g_free(same);
    return msg;
}

char *csb_output_sha256(const char *path)
{
    gsize len = 0;
    char *data = csb_file_read_limited(path, CSB_FILE_MAX_BYTES, TRUE, &len, NULL);
    char *sum = data ? g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)data, len)
                     : NULL;
    g_free(data);
    return sum;
}

gboolean csb_output_is_ours(const char *path, const CsbManifest *m, const char *key)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return TRUE; /* nothing there to lose */
    if (!S_ISREG(st.st_mode))
        return FALSE;
    if (g_hash_table_contains(m->pending, key))
        return TRUE; /* a run killed while writing it: the old file or its new one */
    const CsbManifestEntry *e = g_hash_table_lookup(m->entries, key);
    if (!e)
        return FALSE;
    if (e->stamp.size == (gint64)st.st_size &&
        e->stamp.mtime_ns == (gint64)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec &&
        e->stamp.inode == (guint64)st.st_ino)
        return TRUE;
    /* Copied back or touched, but the same bytes csbrief wrote. */
    char *sum = e->stamp.sha256 ? csb_output_sha256(path) : NULL;
    gboolean same = sum && strcmp(sum, e->stamp.sha256) == 0;
    g_free(sum);
    return same;
}

char *csb_output_not_ours_message(const char *path, const CsbManifest *m)
{
    return g_strdup_printf("%s is there, but csbrief did not write it, or it was changed since "
                           "(%s has no matching record): not replaced. Move it away, or run "
                           "build with --force to replace it",
                           path, m->path);
}

/* The authorities a config's briefings are for, as `check` can tell from
 * the reports it read (const CsbAuthority*). */
static GPtrArray *focus_of(const CsbConfig *cfg, const CsbResources *res,
                           const GPtrArray *inspections)
{
    GPtrArray *out = g_ptr_array_new();
    if (!cfg->all_authorities) {
        const CsbAuthority *a = csb_authorities_find(res->authorities, cfg->authority);
        if (a)
            g_ptr_array_add(out, (gpointer)a);
        return out;
    }
    for (guint i = 0; i < inspections->len; i++) {
        const CsbInspection *in = inspections->pdata[i];
        const CsbAuthority *a =
            in->authority ? csb_authorities_find(res->authorities, in->authority) : NULL;
        gboolean wanted = a && cfg->regions->len == 0;
        for (guint k = 0; a && k < cfg->regions->len && !wanted; k++)
            wanted = strcmp(cfg->regions->pdata[k], a->region) == 0;
        for (guint k = 0; wanted && k < out->len; k++)
            wanted = out->pdata[k] != a;
        if (wanted)
            g_ptr_array_add(out, (gpointer)a);
    }
    return out;
}

gboolean csb_build_check_outputs(const CsbConfig *cfg, const CsbInputSet *inputs,
                                 const CsbResources *res, const GPtrArray *inspections,
                                 CsbDiag *diag)
{
    gboolean over_input = FALSE;
    GPtrArray *focus = focus_of(cfg, res, inspections);
    GHashTable *manifests = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                                  (GDestroyNotify)csb_manifest_free);
    CsbDiag *quiet = csb_diag_new(); /* a manifest's own problems are build's to tell */
    for (guint b = 0; b < cfg->briefings->len; b++) {
        const CsbBriefingSpec *pattern = cfg->briefings->pdata[b];
        char *root = csb_output_fixed_dir(pattern->output);
        CsbManifest *m = g_hash_table_lookup(manifests, root);
        if (!m) {
            m = csb_manifest_load(root, quiet);
            g_hash_table_insert(manifests, g_strdup(root), m);
        }
        guint each = pattern->national ? 1 : focus->len; /* a national briefing is one file */
        for (guint a = 0; a < each; a++) {
            CsbBriefingSpec *spec =
                csb_briefing_spec_for(pattern, pattern->national ? NULL : focus->pdata[a]);
            char *key = csb_path_relative(root, spec->output);
            char *conflict = csb_input_set_conflict(inputs, spec->output);
            over_input |= conflict != NULL;
            if (conflict)
                csb_diag_error(diag, cfg->path, spec->line, spec->column, "%s", conflict);
            else if (!csb_output_is_ours(spec->output, m, key)) {
                char *msg = csb_output_not_ours_message(spec->output, m);
                csb_diag_error(diag, cfg->path, spec->line, spec->column, "%s", msg);
                g_free(msg);
            }
            g_free(conflict);
            g_free(key);
            csb_briefing_spec_free(spec);
        }
        g_free(root);
    }
    csb_diag_free(quiet);
    g_hash_table_destroy(manifests);
    g_ptr_array_free(focus, TRUE);
    return over_input;
}
