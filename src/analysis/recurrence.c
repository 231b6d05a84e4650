/* recurrence.c - what csbrief reads areas for improvement by when it asks
 * whether one was raised before (data/recurrence.yaml): the issues
 * inspectors name again and again, each with its phrases (and the phrases
 * that are not it), the words that end what a finding is mainly about,
 * the sentences in which a report says a weakness was raised before, and
 * the words too common to link two findings on their own. Loading, and
 * finding the issues a text names and the sentences that say so.
 */
#include "analysis.h"

#include <string.h>

struct CsbRecurrence {
    GPtrArray *issues;       /* CsbIssue* */
    GPtrArray *subject_ends; /* char*, match form */
    GPtrArray *declared;     /* GRegex* */
    GPtrArray *undeclared;   /* GRegex*: a sentence matching one says no such thing */
    GRegex *refers_back;
    GPtrArray *common;       /* char*, folded */
};

static void issue_free(gpointer p)
{
    CsbIssue *i = p;
    g_free(i->id);
    g_free(i->title);
    g_ptr_array_free(i->phrases, TRUE);
    g_ptr_array_free(i->not, TRUE);
    g_free(i);
}

void csb_recurrence_free(CsbRecurrence *r)
{
    if (!r)
        return;
    g_ptr_array_free(r->issues, TRUE);
    g_ptr_array_free(r->subject_ends, TRUE);
    g_ptr_array_free(r->declared, TRUE);
    g_ptr_array_free(r->undeclared, TRUE);
    if (r->refers_back)
        g_regex_unref(r->refers_back);
    g_ptr_array_free(r->common, TRUE);
    g_free(r);
}

/* The strings under key (a scalar or a list), each put through form (a
 * function making a new string), into out. Absent: nothing, unless
 * required. */
static gboolean strings(CsbYaml *y, yaml_node_t *map, const char *key, gboolean required,
                        char *(*form)(const char *), GPtrArray *out, CsbDiag *diag)
{
    yaml_node_t *n = csb_yaml_get(y, map, key);
    if (!n) {
        if (required)
            csb_diag_error(diag, y->path, csb_yaml_line(map), csb_yaml_column(map),
                           "'%s' is missing", key);
        return !required;
    }
    GPtrArray *raw = g_ptr_array_new_with_free_func(g_free);
    char *what = g_strdup_printf("'%s'", key);
    gboolean ok = csb_yaml_string_list(y, n, what, raw, diag);
    g_free(what);
    for (guint i = 0; i < raw->len; i++)
        g_ptr_array_add(out, form(raw->pdata[i]));
    g_ptr_array_free(raw, TRUE);
    return ok;
}

static char *lower(const char *s)
{
    return csb_themes_match_form(s);
}

static gboolean load_issues(CsbRecurrence *r, CsbYaml *y, CsbDiag *diag)
{
    yaml_node_t *list = csb_yaml_get(y, csb_yaml_root(y), "issues");
    if (!list || list->type != YAML_SEQUENCE_NODE) {
        csb_diag_error(diag, y->path, 1, 1, "expected 'issues:' with a list of issues");
        return FALSE;
    }
    gboolean ok = TRUE;
    GHashTable *ids = g_hash_table_new(g_str_hash, g_str_equal);
    for (yaml_node_item_t *i = list->data.sequence.items.start; i < list->data.sequence.items.top;
         i++) {
        yaml_node_t *n = csb_yaml_node(y, *i);
        const char *id = csb_yaml_scalar(csb_yaml_get(y, n, "id"));
        const char *title = csb_yaml_scalar(csb_yaml_get(y, n, "title"));
        if (!id || !title || g_hash_table_contains(ids, id)) {
            csb_diag_error(diag, y->path, csb_yaml_line(n), csb_yaml_column(n),
                           id && title ? "issue id '%s' is used twice"
                                       : "each issue needs an 'id' and a 'title'",
                           id);
            ok = FALSE;
            continue;
        }
        CsbIssue *is = g_new0(CsbIssue, 1);
        is->id = g_strdup(id);
        is->title = g_strdup(title);
        const char *broad = csb_yaml_scalar(csb_yaml_get(y, n, "broad"));
        const char *alone = csb_yaml_scalar(csb_yaml_get(y, n, "alone"));
        is->broad = broad && strcmp(broad, "true") == 0;
        is->alone = is->broad && alone && strcmp(alone, "true") == 0;
        is->phrases = g_ptr_array_new_with_free_func(g_free);
        is->not = g_ptr_array_new_with_free_func(g_free);
        ok &= strings(y, n, "phrases", TRUE, lower, is->phrases, diag);
        ok &= strings(y, n, "not", FALSE, lower, is->not, diag);
        g_hash_table_add(ids, is->id);
        g_ptr_array_add(r->issues, is);
    }
    g_hash_table_destroy(ids);
    return ok;
}

static GRegex *compile(CsbYaml *y, yaml_node_t *n, const char *pattern, CsbDiag *diag)
{
    GError *err = NULL;
    GRegex *re = g_regex_new(pattern, 0, 0, &err);
    if (!re) {
        csb_diag_error(diag, y->path, csb_yaml_line(n), csb_yaml_column(n),
                       "not a regular expression: %s", err->message);
        g_error_free(err);
    }
    return re;
}

static char *copy(const char *s)
{
    return g_strdup(s);
}

/* The regular expressions listed under key of map, each with "{earlier}"
 * standing for earlier (when not NULL), compiled into out. */
static gboolean compile_list(CsbYaml *y, yaml_node_t *map, const char *key, gboolean required,
                             const char *earlier, GPtrArray *out, CsbDiag *diag)
{
    GPtrArray *sources = g_ptr_array_new_with_free_func(g_free);
    gboolean ok = strings(y, map, key, required, copy, sources, diag);
    yaml_node_t *n = csb_yaml_get(y, map, key);
    for (guint i = 0; i < sources->len; i++) {
        char **parts = g_strsplit(sources->pdata[i], "{earlier}", -1);
        char *full = earlier ? g_strjoinv(earlier, parts) : g_strdup(sources->pdata[i]);
        GRegex *re = compile(y, n, full, diag);
        if (re)
            g_ptr_array_add(out, re);
        ok &= re != NULL;
        g_free(full);
        g_strfreev(parts);
    }
    g_ptr_array_free(sources, TRUE);
    return ok;
}

static gboolean load_declared(CsbRecurrence *r, CsbYaml *y, CsbDiag *diag)
{
    yaml_node_t *d = csb_yaml_get(y, csb_yaml_root(y), "declared");
    const char *earlier = d ? csb_yaml_scalar(csb_yaml_get(y, d, "earlier")) : NULL;
    yaml_node_t *back = d ? csb_yaml_get(y, d, "refers_back") : NULL;
    if (!d || !earlier || !csb_yaml_scalar(back)) {
        csb_diag_error(diag, y->path, d ? csb_yaml_line(d) : 1, d ? csb_yaml_column(d) : 1,
                       "'declared' needs 'earlier', 'refers_back' and 'patterns'");
        return FALSE;
    }
    r->refers_back = compile(y, back, csb_yaml_scalar(back), diag);
    char *group = g_strdup_printf("(?:%s)", earlier);
    gboolean ok = r->refers_back != NULL;
    ok &= compile_list(y, d, "patterns", TRUE, group, r->declared, diag);
    /* Optional: sentences that name an earlier report's recommendations
     * as acted on ("Action taken in response to one of the recommendations
     * made at the last inspection means ..."). */
    ok &= compile_list(y, d, "not", FALSE, NULL, r->undeclared, diag);
    g_free(group);
    return ok;
}

CsbRecurrence *csb_recurrence_load(const char *path, CsbDiag *diag)
{
    CsbYaml *y = csb_yaml_load(path, diag);
    if (!y)
        return NULL;
    CsbRecurrence *r = g_new0(CsbRecurrence, 1);
    r->issues = g_ptr_array_new_with_free_func(issue_free);
    r->subject_ends = g_ptr_array_new_with_free_func(g_free);
    r->declared = g_ptr_array_new_with_free_func((GDestroyNotify)g_regex_unref);
    r->undeclared = g_ptr_array_new_with_free_func((GDestroyNotify)g_regex_unref);
    r->common = g_ptr_array_new_with_free_func(g_free);
    gboolean ok = load_issues(r, y, diag);
    ok &= strings(y, csb_yaml_root(y), "subject_ends", TRUE, lower, r->subject_ends, diag);
    ok &= load_declared(r, y, diag);
    ok &= strings(y, csb_yaml_root(y), "common", FALSE, csb_text_fold, r->common, diag);
    csb_yaml_free(y);
    if (!ok) {
        csb_recurrence_free(r);
        return NULL;
    }
    return r;
}

guint csb_recurrence_count(const CsbRecurrence *r)
{
    return r->issues->len;
}

const CsbIssue *csb_recurrence_issue(const CsbRecurrence *r, guint i)
{
    return r->issues->pdata[i];
}

const GPtrArray *csb_recurrence_common(const CsbRecurrence *r)
{
    return r->common;
}

/* Offsets where phrase starts a word of form, appended as [start, end)
 * pairs of gsize to spans (or only counted when spans is NULL). */
static void occurrences(const char *form, const char *phrase, GArray *spans)
{
    size_t n = strlen(phrase);
    if (!n)
        return;
    for (const char *s = strstr(form, phrase); s; s = strstr(s + 1, phrase)) {
        const char *prev = s > form ? g_utf8_find_prev_char(form, s) : NULL;
        if (prev && g_unichar_isalnum(g_utf8_get_char(prev)))
            continue;
        gsize span[2] = {(gsize)(s - form), (gsize)(s - form) + n};
        g_array_append_vals(spans, span, 2);
    }
}

static gint by_offset(gconstpointer a, gconstpointer b)
{
    const CsbIssueHit *x = a, *y = b;
    if (x->offset != y->offset)
        return x->offset < y->offset ? -1 : 1;
    return x->issue < y->issue ? -1 : x->issue > y->issue;
}

GArray *csb_recurrence_find(const CsbRecurrence *r, const char *form)
{
    GArray *hits = g_array_new(FALSE, FALSE, sizeof(CsbIssueHit));
    GArray *blocked = g_array_new(FALSE, FALSE, sizeof(gsize));
    GArray *found = g_array_new(FALSE, FALSE, sizeof(gsize));
    for (guint i = 0; r && i < r->issues->len; i++) {
        const CsbIssue *is = r->issues->pdata[i];
        g_array_set_size(blocked, 0);
        for (guint k = 0; k < is->not->len; k++)
            occurrences(form, is->not->pdata[k], blocked);
        /* A phrase that is not the issue runs to the end of its word:
         * "pathway plan" blocks "plans" in "pathway plans". */
        for (guint x = 1; x < blocked->len; x += 2) {
            gsize *end = &g_array_index(blocked, gsize, x);
            while (form[*end] && g_unichar_isalnum(g_utf8_get_char(form + *end)))
                *end = (gsize)(g_utf8_next_char(form + *end) - form);
        }
        gsize first = G_MAXSIZE;
        for (guint k = 0; k < is->phrases->len; k++) {
            g_array_set_size(found, 0);
            occurrences(form, is->phrases->pdata[k], found);
            for (guint h = 0; h < found->len; h += 2) {
                gsize a = g_array_index(found, gsize, h), b = g_array_index(found, gsize, h + 1);
                gboolean inside = FALSE;
                for (guint x = 0; x < blocked->len && !inside; x += 2)
                    inside = g_array_index(blocked, gsize, x) <= a &&
                             b <= g_array_index(blocked, gsize, x + 1);
                if (!inside && a < first)
                    first = a;
            }
        }
        if (first != G_MAXSIZE) {
            CsbIssueHit hit = {i, first};
            g_array_append_val(hits, hit);
        }
    }
    g_array_sort(hits, by_offset);
    g_array_free(blocked, TRUE);
    g_array_free(found, TRUE);
    return hits;
}

gsize csb_recurrence_subject_end(const CsbRecurrence *r, const char *form)
{
    gsize first = G_MAXSIZE;
    for (guint i = 0; r && i < r->subject_ends->len; i++) {
        const char *at = strstr(form, r->subject_ends->pdata[i]);
        if (at && (gsize)(at - form) < first)
            first = (gsize)(at - form);
    }
    /* An opening "In order to ..." says nothing about the subject. */
    return first != G_MAXSIZE && first > 15 ? first : strlen(form);
}

gboolean csb_recurrence_declares(const CsbRecurrence *r, const char *form)
{
    for (guint i = 0; r && i < r->undeclared->len; i++)
        if (g_regex_match(r->undeclared->pdata[i], form, 0, NULL))
            return FALSE;
    for (guint i = 0; r && i < r->declared->len; i++)
        if (g_regex_match(r->declared->pdata[i], form, 0, NULL))
            return TRUE;
    return FALSE;
}

gboolean csb_recurrence_refers_back(const CsbRecurrence *r, const char *form)
{
    return r && g_regex_match(r->refers_back, form, 0, NULL);
}
