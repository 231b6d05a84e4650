/* reader.h - private to src/config: the state shared by the files that read
 * one config (config.c, reports.c, briefings.c) and their helpers for
 * reporting a problem at a YAML node. Not part of the module's interface;
 * config.h is.
 */
#ifndef CSB_CONFIG_READER_H
#define CSB_CONFIG_READER_H

#include "config.h"

typedef struct {
    CsbYaml *y;
    CsbConfig *cfg;
    const CsbConfigRefs *refs;
    CsbDiag *diag;
} CfgReader;

/* An error at node n of the config being read. */
void cfg_error_at(CfgReader *r, yaml_node_t *n, const char *fmt, ...) G_GNUC_PRINTF(3, 4);
/* "unknown <what> '<value>'" at n, with the nearest of known, else
 * otherwise, else the whole list ("<what>s are: ..."). */
void cfg_unknown(CfgReader *r, yaml_node_t *n, const char *what, const char *value,
                 const char *const *known, guint n_known, const char *otherwise);
/* Unknown keys of map, each with the nearest valid one or the whole list. */
void cfg_check_keys(CfgReader *r, yaml_node_t *map, const char *where, const char *const *valid,
                    guint n);
/* n's text, or NULL with an error naming what it should be. */
const char *cfg_scalar(CfgReader *r, yaml_node_t *n, const char *what);
/* The optional scalar `key` of map, newly allocated, or NULL. */
char *cfg_optional_string(CfgReader *r, yaml_node_t *map, const char *key);
/* A path from the config, relative to the config's folder. */
char *cfg_resolve(CfgReader *r, const char *path);
/* Sorts a GPtrArray of strings. */
int cfg_strcmp_ptr(gconstpointer a, gconstpointer b);

/* reports.c: 'reports', 'sources', and whether 'reports' reads 'fetch'. */
void cfg_read_reports(CfgReader *r, yaml_node_t *n);
void cfg_read_sources(CfgReader *r, yaml_node_t *n);
void cfg_check_fetch_read(CfgReader *r, yaml_node_t *reports);

/* briefings.c: the 'briefings' list. */
void cfg_read_briefings(CfgReader *r, yaml_node_t *n, const char *default_org);

#endif
