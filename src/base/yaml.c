/* yaml.c - loading YAML files (config, templates, themes) with libyaml's
 * document API, keeping marks so every message can name a line and column.
 * What libyaml lets pass silently is refused: a key repeated in a mapping
 * and a second document. Files are read whole, up to a limit.
 */
#include "base.h"

#include <stdarg.h>
#include <string.h>

/* Every mapping's keys once each: YAML says a key may not repeat, and
 * libyaml keeps both (csbrief would read the first and ignore the rest,
 * silently). One error per repeated key, where it repeats. */
static void check_duplicate_keys(CsbYaml *y, CsbDiag *diag)
{
    for (yaml_node_t *n = y->doc.nodes.start; n < y->doc.nodes.top; n++) {
        if (n->type != YAML_MAPPING_NODE)
            continue;
        GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
        for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top;
             p++) {
            yaml_node_t *k = csb_yaml_node(y, p->key);
            const char *key = csb_yaml_scalar(k);
            if (!key)
                continue;
            yaml_node_t *first = g_hash_table_lookup(seen, key);
            if (first)
                csb_diag_error(diag, y->path, csb_yaml_line(k), csb_yaml_column(k),
                               "'%s' is given twice in the same mapping (first on line %d): "
                               "keep one",
                               key, csb_yaml_line(first));
            else
                g_hash_table_insert(seen, (gpointer)key, k);
        }
        g_hash_table_destroy(seen);
    }
}

/* A second document ("---" and more after the first) would be ignored:
 * it is an error instead. */
static void check_one_document(yaml_parser_t *parser, CsbYaml *y, CsbDiag *diag)
{
    yaml_document_t next;
    if (!yaml_parser_load(parser, &next)) {
        csb_diag_error(diag, y->path, (int)parser->problem_mark.line + 1,
                       (int)parser->problem_mark.column + 1, "YAML syntax after the first "
                                                             "document: %s",
                       parser->problem ? parser->problem : "invalid YAML");
        return;
    }
    yaml_node_t *root = yaml_document_get_root_node(&next);
    if (root)
        csb_diag_error(diag, y->path, (int)next.start_mark.line + 1, 1,
                       "a second YAML document starts here: a file is one document; remove "
                       "it, or give it a file of its own");
    yaml_document_delete(&next);
}

CsbYaml *csb_yaml_load(const char *path, CsbDiag *diag)
{
    gsize len = 0;
    char *err = NULL;
    char *text = csb_file_read_limited(path, CSB_YAML_MAX_BYTES, FALSE, &len, &err);
    if (!text) {
        csb_diag_error(diag, path, 0, 0, "cannot open: %s%s", err,
                       g_str_has_prefix(err, "the file is ") ? " (is it the right file?)" : "");
        g_free(err);
        return NULL;
    }
    CsbYaml *y = g_new0(CsbYaml, 1);
    y->path = g_strdup(path);
    yaml_parser_t parser;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
    if (!yaml_parser_load(&parser, &y->doc)) {
        const char *what = parser.problem ? parser.problem : "invalid YAML";
        csb_diag_error(diag, path, (int)parser.problem_mark.line + 1,
                       (int)parser.problem_mark.column + 1, "YAML syntax: %s%s%s", what,
                       parser.context ? " " : "", parser.context ? parser.context : "");
        yaml_parser_delete(&parser);
        g_free(text);
        csb_yaml_free(y);
        return NULL;
    }
    y->loaded = TRUE;
    int before = csb_diag_count(diag, CSB_SEV_ERROR);
    if (yaml_document_get_root_node(&y->doc)) {
        check_one_document(&parser, y, diag);
        check_duplicate_keys(y, diag);
    }
    yaml_parser_delete(&parser);
    g_free(text);
    if (!yaml_document_get_root_node(&y->doc)) {
        csb_diag_error(diag, path, 1, 1, "the file is empty; expected a YAML mapping");
        csb_yaml_free(y);
        return NULL;
    }
    if (csb_diag_count(diag, CSB_SEV_ERROR) > before) {
        csb_yaml_free(y);
        return NULL;
    }
    return y;
}

void csb_yaml_free(CsbYaml *y)
{
    if (!y)
        return;
    if (y->loaded)
        yaml_document_delete(&y->doc);
    g_free(y->path);
    g_free(y);
}

yaml_node_t *csb_yaml_root(CsbYaml *y)
{
    return yaml_document_get_root_node(&y->doc);
}

yaml_node_t *csb_yaml_node(CsbYaml *y, int index)
{
    return yaml_document_get_node(&y->doc, index);
}

const char *csb_yaml_scalar(yaml_node_t *n)
{
    if (!n || n->type != YAML_SCALAR_NODE)
        return NULL;
    return (const char *)n->data.scalar.value;
}

yaml_node_t *csb_yaml_get(CsbYaml *y, yaml_node_t *map, const char *key)
{
    if (!map || map->type != YAML_MAPPING_NODE)
        return NULL;
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
         p++) {
        const char *k = csb_yaml_scalar(csb_yaml_node(y, p->key));
        if (k && strcmp(k, key) == 0)
            return csb_yaml_node(y, p->value);
    }
    return NULL;
}

int csb_yaml_line(const yaml_node_t *n)
{
    return n ? (int)n->start_mark.line + 1 : 0;
}

int csb_yaml_column(const yaml_node_t *n)
{
    return n ? (int)n->start_mark.column + 1 : 0;
}

const char *csb_yaml_type_name(const yaml_node_t *n)
{
    if (!n)
        return "nothing";
    switch (n->type) {
    case YAML_SCALAR_NODE:
        return n->data.scalar.length ? "a single value" : "an empty value";
    case YAML_SEQUENCE_NODE:
        return "a list";
    case YAML_MAPPING_NODE:
        return "a mapping";
    default:
        return "nothing";
    }
}

gboolean csb_yaml_string_list(CsbYaml *y, yaml_node_t *n, const char *what, GPtrArray *out,
                              CsbDiag *diag)
{
    if (n && n->type == YAML_SCALAR_NODE && n->data.scalar.length) {
        g_ptr_array_add(out, g_strdup(csb_yaml_scalar(n)));
        return TRUE;
    }
    if (!n || n->type != YAML_SEQUENCE_NODE) {
        csb_diag_error(diag, y->path, csb_yaml_line(n), csb_yaml_column(n),
                       "%s should be a value or a list of values, not %s", what,
                       csb_yaml_type_name(n));
        return FALSE;
    }
    gboolean ok = TRUE;
    for (yaml_node_item_t *i = n->data.sequence.items.start; i < n->data.sequence.items.top;
         i++) {
        yaml_node_t *item = csb_yaml_node(y, *i);
        const char *s = csb_yaml_scalar(item);
        if (!s || !*s) {
            csb_diag_error(diag, y->path, csb_yaml_line(item), csb_yaml_column(item),
                           "each item of %s should be a single value, not %s", what,
                           csb_yaml_type_name(item));
            ok = FALSE;
            continue;
        }
        g_ptr_array_add(out, g_strdup(s));
    }
    return ok;
}

void csb_yaml_error_atv(CsbDiag *diag, CsbYaml *y, yaml_node_t *n, const char *fmt, va_list ap)
{
    char *msg = g_strdup_vprintf(fmt, ap);
    csb_diag_error(diag, y->path, csb_yaml_line(n), csb_yaml_column(n), "%s", msg);
    g_free(msg);
}

void csb_yaml_error_at(CsbDiag *diag, CsbYaml *y, yaml_node_t *n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    csb_yaml_error_atv(diag, y, n, fmt, ap);
    va_end(ap);
}

void csb_yaml_check_keys(CsbYaml *y, yaml_node_t *map, const char *where,
                           const char *const *valid, guint n, CsbDiag *diag)
{
    if (!map || map->type != YAML_MAPPING_NODE)
        return;
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
         p++) {
        yaml_node_t *k = csb_yaml_node(y, p->key);
        const char *key = csb_yaml_scalar(k);
        gboolean known = FALSE;
        for (guint i = 0; key && i < n; i++)
            known |= strcmp(key, valid[i]) == 0;
        if (known)
            continue;
        const char *near = key ? csb_text_nearest(key, valid, (int)n) : NULL;
        if (near) {
            csb_diag_error(diag, y->path, csb_yaml_line(k), csb_yaml_column(k),
                           "unknown key '%s' in %s; did you mean '%s'?", key ? key : "?",
                           where, near);
        } else {
            char *all = csb_join_words(valid, n);
            csb_diag_error(diag, y->path, csb_yaml_line(k), csb_yaml_column(k),
                           "unknown key '%s' in %s; valid keys are: %s", key ? key : "?",
                           where, all);
            g_free(all);
        }
    }
}
