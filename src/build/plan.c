/* plan.c - what a run will build: one job per briefing (one per authority
 * found in the reports for 'authority: all', one over all of them for a
 * national template), each with the list of
 * everything that shapes its PDF and a hash over it, and the decision to
 * build it or skip it, with the reasons a person can read ("report x.pdf
 * changed", "output missing").
 *
 * A briefing's inputs: csbrief itself, the data files and fonts, its
 * template, its format, the settings of its config that reach it, its
 * logo, the reports about its authority and its comparators (and those of
 * them that cannot be read, with why: the briefing names them; a national
 * briefing: every report about a known authority in the config's regions),
 * and SOURCE_DATE_EPOCH when the briefing has no date of its own. A
 * briefing whose template shows its authority's reports alone (the
 * members' summary: csb_format_focus_only) is given only those, and
 * neither they nor 'compare_with' are among its inputs: a comparator's
 * new report does not rebuild it.
 */
#include "build.h"

#include <string.h>
#include <sys/stat.h>

#define MAX_REASONS 6

void csb_job_free(CsbJob *j)
{
    if (!j)
        return;
    csb_briefing_spec_free(j->spec);
    g_free(j->root);
    g_free(j->key);
    g_ptr_array_free(j->reports, TRUE);
    g_ptr_array_free(j->unread, TRUE);
    if (j->not_read)
        g_ptr_array_free(j->not_read, TRUE);
    g_ptr_array_free(j->inputs, TRUE);
    g_free(j->hash);
    g_ptr_array_free(j->reasons, TRUE);
    if (j->inspections)
        g_ptr_array_free(j->inspections, TRUE);
    csb_diag_free(j->diag);
    g_free(j);
}

static char *sha_of(const char *text)
{
    return g_compute_checksum_for_string(G_CHECKSUM_SHA256, text ? text : "\x01(none)", -1);
}

static void add_input(GPtrArray *inputs, const char *label, const char *sha256)
{
    g_ptr_array_add(inputs, csb_input_new(label, sha256));
}

static void add_setting(GPtrArray *inputs, const char *name, const char *value)
{
    char *label = g_strdup_printf("setting %s", name);
    char *sha = sha_of(value);
    add_input(inputs, label, sha);
    g_free(sha);
    g_free(label);
}

/* A file's hash as an input; a file that cannot be read is an input too
 * (its hash then says so), and the briefing fails on it later. */
static void add_file(GPtrArray *inputs, CsbFileHashes *hashes, const char *label,
                     const char *path)
{
    char *err = NULL;
    const char *sha = csb_file_hashes_get(hashes, path, &err);
    char *missing = sha ? NULL : sha_of(err);
    add_input(inputs, label, sha ? sha : missing);
    g_free(missing);
    g_free(err);
}

static int by_label(gconstpointer a, gconstpointer b)
{
    const CsbInput *x = *(CsbInput *const *)a, *y = *(CsbInput *const *)b;
    return strcmp(x->label, y->label);
}

char *csb_plan_hash(const GPtrArray *inputs)
{
    GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
    for (guint i = 0; i < inputs->len; i++) {
        const CsbInput *in = inputs->pdata[i];
        g_checksum_update(sum, (const guchar *)in->label, (gssize)strlen(in->label) + 1);
        g_checksum_update(sum, (const guchar *)in->sha256, (gssize)strlen(in->sha256) + 1);
    }
    char *out = g_strdup(g_checksum_get_string(sum));
    g_checksum_free(sum);
    return out;
}

/* ---- inputs every briefing shares ----------------------------------------- */

void csb_shared_inputs_free(CsbSharedInputs *s)
{
    if (!s)
        return;
    g_ptr_array_free(s->inputs, TRUE);
    g_hash_table_destroy(s->templates);
    g_hash_table_destroy(s->focus_only);
    g_free(s->tool);
    g_free(s);
}

char *csb_path_relative(const char *base, const char *path)
{
    gsize n = strlen(base);
    if (strncmp(path, base, n) == 0 && path[n] == '/')
        return g_strdup(path + n + 1);
    return g_strdup(path);
}

CsbSharedInputs *csb_plan_shared_inputs(const CsbResources *res, const GPtrArray *configs,
                                        CsbFileHashes *hashes, const char *exe_path)
{
    CsbSharedInputs *s = g_new0(CsbSharedInputs, 1);
    s->inputs = g_ptr_array_new_with_free_func((GDestroyNotify)csb_input_free);
    s->templates = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    s->focus_only = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    /* csbrief itself: its version and, when known, the program's bytes. */
    char *err = NULL;
    const char *exe_sha = exe_path ? csb_file_hashes_get(hashes, exe_path, &err) : NULL;
    g_free(err);
    char *tool = g_strdup_printf("csbrief %s %s", CSB_VERSION, exe_sha ? exe_sha : "");
    s->tool = sha_of(tool);
    g_free(tool);
    add_input(s->inputs, "csbrief", s->tool);
    for (guint i = 0; i < res->data_files->len; i++) {
        const char *path = res->data_files->pdata[i];
        char *rel = csb_path_relative(res->datadir, path);
        char *label = g_strdup_printf("data %s", rel);
        add_file(s->inputs, hashes, label, path);
        g_free(label);
        g_free(rel);
    }
    GDir *d = g_dir_open(res->fonts_dir, 0, NULL);
    GPtrArray *fonts = g_ptr_array_new_with_free_func(g_free);
    const char *name;
    while (d && (name = g_dir_read_name(d)))
        if (g_str_has_suffix(name, ".ttf") || g_str_has_suffix(name, ".otf"))
            g_ptr_array_add(fonts, g_strdup(name));
    if (d)
        g_dir_close(d);
    for (guint i = 0; i < fonts->len; i++) {
        char *path = g_build_filename(res->fonts_dir, fonts->pdata[i], NULL);
        char *label = g_strdup_printf("font %s", (const char *)fonts->pdata[i]);
        add_file(s->inputs, hashes, label, path);
        g_free(label);
        g_free(path);
    }
    g_ptr_array_free(fonts, TRUE);
    for (guint c = 0; c < configs->len; c++) {
        const CsbConfig *cfg = configs->pdata[c];
        for (guint b = 0; b < cfg->briefings->len; b++) {
            const CsbBriefingSpec *spec = cfg->briefings->pdata[b];
            if (g_hash_table_contains(s->templates, spec->template_id))
                continue;
            char *path = csb_resources_template_path(res, spec->template_id);
            GPtrArray *one = g_ptr_array_new_with_free_func((GDestroyNotify)csb_input_free);
            add_file(one, hashes, "template", path);
            const CsbInput *in = one->pdata[0];
            g_hash_table_insert(s->templates, g_strdup(spec->template_id), g_strdup(in->sha256));
            g_ptr_array_free(one, TRUE);
            if (csb_build_template_focus_only(res, spec->template_id))
                g_hash_table_add(s->focus_only, g_strdup(spec->template_id));
            g_free(path);
        }
    }
    return s;
}

/* ---- one job ------------------------------------------------------------ */

static char *comparators_text(const CsbConfig *cfg)
{
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < cfg->compare_with->len; i++) {
        const CsbComparator *c = cfg->compare_with->pdata[i];
        g_string_append_printf(s, "%d:%s\n", c->kind, c->authority ? c->authority : "");
    }
    return g_string_free(s, FALSE);
}

static char *themes_text(const CsbConfig *cfg)
{
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < cfg->theme_ids->len; i++)
        g_string_append_printf(s, "%s\n", (const char *)cfg->theme_ids->pdata[i]);
    for (guint i = 0; i < cfg->custom_themes->len; i++) {
        const CsbTheme *t = cfg->custom_themes->pdata[i];
        g_string_append_printf(s, "theme %s\n%s\n%s\n", t->id, t->title, t->description);
        for (guint k = 0; k < t->phrases->len; k++)
            g_string_append_printf(s, "phrase %s\n", (const char *)t->phrases->pdata[k]);
        for (guint k = 0; k < t->not_phrases->len; k++)
            g_string_append_printf(s, "not %s\n", (const char *)t->not_phrases->pdata[k]);
    }
    return g_string_free(s, FALSE);
}

/* A report that cannot be read, about the focus or a comparator (as an
 * index or its file's name says): the briefing names it, so it is an
 * input, with why and what is known of it. */
static void unread_input(CsbJob *j, const CsbReportSet *reports, const CsbResources *res,
                         GHashTable *names, const CsbReport *r)
{
    CsbSourceFacts facts;
    const CsbAuthority *owner = csb_report_owner(reports, r, res->authorities, &facts);
    if (owner && g_hash_table_contains(names, owner->name)) {
        g_ptr_array_add(j->unread, (gpointer)r);
        char *label = g_strdup_printf("report %s", r->path);
        char *sha = r->sha256 ? NULL : sha_of(r->error);
        add_input(j->inputs, label, r->sha256 ? r->sha256 : sha);
        g_free(label);
        g_free(sha);
        char iso[11];
        char *what = g_strdup_printf("%s\n%s\n%s\n%s\n%s", r->error, owner->name,
                                     csb_date_iso(facts.published, iso),
                                     facts.title ? facts.title : "", facts.kind ? facts.kind : "");
        label = g_strdup_printf("unread %s", r->path);
        add_setting(j->inputs, label, what);
        g_free(label);
        g_free(what);
    }
    csb_source_facts_clear(&facts);
}

static CsbJob *job_new(const CsbConfig *cfg, const CsbBriefingSpec *pattern,
                       const CsbAuthority *focus, const CsbResources *res,
                       const CsbReportSet *reports, const CsbSharedInputs *shared,
                       CsbFileHashes *hashes)
{
    CsbJob *j = g_new0(CsbJob, 1);
    j->config = cfg;
    j->spec = csb_briefing_spec_for(pattern, focus);
    j->root = csb_output_fixed_dir(pattern->output);
    j->key = csb_path_relative(j->root, j->spec->output);
    j->reports = g_ptr_array_new();
    j->unread = g_ptr_array_new();
    j->reasons = g_ptr_array_new_with_free_func(g_free);
    j->diag = csb_diag_new();
    GPtrArray *in = g_ptr_array_new_with_free_func((GDestroyNotify)csb_input_free);
    j->inputs = in;
    for (guint i = 0; i < shared->inputs->len; i++) {
        const CsbInput *s = shared->inputs->pdata[i];
        add_input(in, s->label, s->sha256);
    }
    char *label = g_strdup_printf("template %s", pattern->template_id);
    add_input(in, label, g_hash_table_lookup(shared->templates, pattern->template_id));
    g_free(label);
    add_setting(in, "authority", focus ? focus->name : "all");
    add_setting(in, "format", csb_format_id(pattern->format));
    /* Whom it compares with, unless it shows its authority alone. */
    gboolean alone = focus && g_hash_table_contains(shared->focus_only, pattern->template_id);
    char *text = NULL;
    if (!alone) {
        text = comparators_text(cfg);
        add_setting(in, "compare_with", text);
        g_free(text);
    }
    text = themes_text(cfg);
    add_setting(in, "themes", text);
    g_free(text);
    add_setting(in, "title", pattern->title);
    add_setting(in, "subtitle", pattern->subtitle);
    add_setting(in, "organisation", pattern->organisation);
    add_setting(in, "accent", pattern->accent);
    char iso[11];
    add_setting(in, "date", csb_date_valid(pattern->date) ? csb_date_iso(pattern->date, iso)
                                                         : NULL);
    add_setting(in, "logo", pattern->logo);
    if (pattern->logo) {
        label = g_strdup_printf("logo %s", pattern->logo);
        add_file(in, hashes, label, pattern->logo);
        g_free(label);
    }
    if (!csb_date_valid(pattern->date))
        add_setting(in, "SOURCE_DATE_EPOCH", g_getenv("SOURCE_DATE_EPOCH"));
    /* The reports about the focus and its comparators (the focus alone
     * when that is all it shows); with no focus, about any authority of
     * the config's regions. */
    GPtrArray *used = csb_build_authorities_shown(cfg, res, focus, alone);
    GHashTable *names = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < used->len; i++)
        g_hash_table_add(names, ((const CsbAuthority *)used->pdata[i])->name);
    for (guint i = 0; i < cfg->reports->len; i++) {
        const CsbReport *r = g_hash_table_lookup(reports->by_path, cfg->reports->pdata[i]);
        if (r && r->error)
            unread_input(j, reports, res, names, r);
        if (!r || !r->authority || !g_hash_table_contains(names, r->authority))
            continue;
        g_ptr_array_add(j->reports, (gpointer)r);
        label = g_strdup_printf("report %s", r->path);
        add_input(in, label, r->sha256);
        g_free(label);
        /* Where it came from shapes it too (its publication date). */
        char *source = csb_sources_describe(reports->sources, r->path, r->sha256);
        if (source) {
            label = g_strdup_printf("source of %s", r->path);
            add_setting(in, label, source);
            g_free(label);
            g_free(source);
        }
    }
    g_hash_table_destroy(names);
    g_ptr_array_free(used, TRUE);
    g_ptr_array_sort(in, by_label);
    j->hash = csb_plan_hash(in);
    return j;
}

/* The authorities a config's briefings are for: its one authority, or for
 * 'authority: all' each one (in its regions) some report is about. */
static GPtrArray *focus_list(const CsbConfig *cfg, const CsbResources *res,
                             const CsbReportSet *reports)
{
    GPtrArray *out = g_ptr_array_new();
    if (!cfg->all_authorities) {
        g_ptr_array_add(out, (gpointer)csb_authorities_find(res->authorities, cfg->authority));
        return out;
    }
    GPtrArray *candidates = csb_build_authorities_national(cfg, res);
    for (guint k = 0; k < candidates->len; k++) {
        const CsbAuthority *a = candidates->pdata[k];
        for (guint i = 0; i < cfg->reports->len; i++) {
            const CsbReport *r = g_hash_table_lookup(reports->by_path, cfg->reports->pdata[i]);
            if (r && r->authority && strcmp(r->authority, a->name) == 0) {
                g_ptr_array_add(out, (gpointer)a);
                break;
            }
        }
    }
    g_ptr_array_free(candidates, TRUE);
    return out;
}

/* One error per output two or more briefings write (not one per pair:
 * ten thousand briefings on one output are one mistake). */
static void report_shared_outputs(GHashTable *by_output, CsbDiag *diag)
{
    GList *outputs = g_list_sort(g_hash_table_get_keys(by_output), (GCompareFunc)strcmp);
    for (GList *o = outputs; o; o = o->next) {
        GPtrArray *same = g_hash_table_lookup(by_output, o->data);
        if (same->len < 2)
            continue;
        const CsbJob *first = same->pdata[0], *second = same->pdata[1];
        GString *where = g_string_new(NULL);
        for (guint i = 0; i < same->len && i < 4; i++) {
            const CsbJob *j = same->pdata[i];
            g_string_append_printf(where, "%s%s:%d (%s)", i ? ", " : "", j->config->path,
                                   j->spec->line,
                                   j->spec->authority ? j->spec->authority : "national");
        }
        if (same->len > 4)
            g_string_append_printf(where, " and %u more", same->len - 4);
        csb_diag_error(diag, second->config->path, second->spec->line, second->spec->column,
                       "%u briefings write %s: %s; give each its own 'output'", same->len,
                       first->spec->output, where->str);
        g_string_free(where, TRUE);
    }
    g_list_free(outputs);
}

GPtrArray *csb_plan_jobs(const GPtrArray *configs, const CsbResources *res,
                         const CsbReportSet *reports, const CsbSharedInputs *shared,
                         CsbFileHashes *hashes, CsbDiag *diag)
{
    GPtrArray *jobs = g_ptr_array_new_with_free_func((GDestroyNotify)csb_job_free);
    GHashTable *by_output = g_hash_table_new_full(g_str_hash, g_str_equal, NULL,
                                                  (GDestroyNotify)g_ptr_array_unref);
    CsbInputSet *inputs = csb_input_set_new(configs, res);
    for (guint c = 0; c < configs->len; c++) {
        const CsbConfig *cfg = configs->pdata[c];
        GPtrArray *focus = focus_list(cfg, res, reports);
        /* Each authority's briefings, then the national ones (one each). */
        for (guint a = 0; a <= focus->len; a++) {
            for (guint b = 0; b < cfg->briefings->len; b++) {
                const CsbBriefingSpec *pattern = cfg->briefings->pdata[b];
                if (pattern->national != (a == focus->len))
                    continue;
                CsbJob *j = job_new(cfg, pattern, a < focus->len ? focus->pdata[a] : NULL, res,
                                    reports, shared, hashes);
                char *conflict = csb_input_set_conflict(inputs, j->spec->output);
                if (conflict)
                    csb_diag_error(diag, cfg->path, j->spec->line, j->spec->column, "%s",
                                   conflict);
                g_free(conflict);
                GPtrArray *same = g_hash_table_lookup(by_output, j->spec->output);
                if (!same) {
                    same = g_ptr_array_new();
                    g_hash_table_insert(by_output, j->spec->output, same);
                }
                g_ptr_array_add(same, j);
                g_ptr_array_add(jobs, j);
            }
        }
        g_ptr_array_free(focus, TRUE);
    }
    report_shared_outputs(by_output, diag);
    csb_input_set_free(inputs);
    g_hash_table_destroy(by_output);
    return jobs;
}

/* ---- build or skip ---------------------------------------------------------- */

/* "report x.pdf", "template briefing-pack", "'title' in the config", ... */
static char *display(const char *label)
{
    if (g_str_has_prefix(label, "report ") || g_str_has_prefix(label, "logo ")) {
        const char *space = strchr(label, ' ');
        char *base = g_path_get_basename(space + 1);
        char *out = g_strdup_printf("%.*s %s", (int)(space - label), label, base);
        g_free(base);
        return out;
    }
    if (g_str_has_prefix(label, "setting SOURCE_DATE_EPOCH"))
        return g_strdup("SOURCE_DATE_EPOCH");
    if (g_str_has_prefix(label, "setting "))
        return g_strdup_printf("'%s' in the config", label + 8);
    if (g_str_has_prefix(label, "data "))
        return g_strdup(label + 5);
    return g_strdup(label);
}

static void add_reason(CsbJob *j, const char *label, const char *what)
{
    char *d = display(label);
    g_ptr_array_add(j->reasons, g_strdup_printf("%s %s", d, what));
    g_free(d);
}

static void diff_inputs(CsbJob *j, const GPtrArray *old)
{
    guint a = 0, b = 0;
    while (a < j->inputs->len || b < old->len) {
        const CsbInput *now = a < j->inputs->len ? j->inputs->pdata[a] : NULL;
        const CsbInput *was = b < old->len ? old->pdata[b] : NULL;
        int cmp = !now ? 1 : !was ? -1 : strcmp(now->label, was->label);
        if (cmp == 0) {
            if (strcmp(now->sha256, was->sha256) != 0)
                add_reason(j, now->label, "changed");
            a++, b++;
        } else if (cmp < 0) {
            add_reason(j, now->label, g_str_has_prefix(now->label, "report ") ? "is new"
                                                                              : "added");
            a++;
        } else {
            add_reason(j, was->label, g_str_has_prefix(was->label, "report ")
                                          ? "is no longer among the reports used"
                                          : "removed");
            b++;
        }
    }
}

void csb_plan_decide(CsbJob *j, const CsbManifestEntry *entry, gboolean force)
{
    struct stat st;
    gboolean exists = stat(j->spec->output, &st) == 0;
    if (!entry) {
        g_ptr_array_add(j->reasons, g_strdup(exists ? "no record of how the existing PDF was "
                                                      "built"
                                                    : "new briefing"));
    } else {
        if (!exists)
            g_ptr_array_add(j->reasons, g_strdup("output missing"));
        else if (entry->stamp.size != (gint64)st.st_size ||
                 entry->stamp.mtime_ns !=
                     (gint64)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec ||
                 entry->stamp.inode != (guint64)st.st_ino)
            g_ptr_array_add(j->reasons, g_strdup("output changed since csbrief wrote it"));
        if (strcmp(entry->hash, j->hash) != 0) {
            guint before = j->reasons->len;
            diff_inputs(j, entry->inputs);
            if (j->reasons->len == before)
                g_ptr_array_add(j->reasons, g_strdup("inputs changed"));
        }
    }
    if (j->reasons->len > MAX_REASONS) {
        guint more = j->reasons->len - (MAX_REASONS - 1);
        g_ptr_array_set_size(j->reasons, MAX_REASONS - 1);
        g_ptr_array_add(j->reasons, g_strdup_printf("%u more changes", more));
    }
    if (!j->reasons->len && force)
        g_ptr_array_add(j->reasons, g_strdup("--force"));
    j->build = j->reasons->len > 0;
}

char *csb_plan_fresh_reports(const CsbJob *j, GHashTable *fresh)
{
    GString *names = NULL;
    for (guint i = 0; i < j->reports->len; i++) {
        const CsbReport *r = j->reports->pdata[i];
        if (!g_hash_table_contains(fresh, r->path))
            continue;
        char *base = g_path_get_basename(r->path);
        if (!names)
            names = g_string_new(base);
        else
            g_string_append_printf(names, ", %s", base);
        g_free(base);
    }
    return names ? g_string_free(names, FALSE) : NULL;
}
