/* config.h - the YAML config a user writes: which reports, which
 * authority, which comparators and themes, which briefings to render.
 *
 * Owns: reading the config with libyaml, validating every key and value
 * against what exists (authorities, templates, themes, files), and errors
 * that name file, line and column, what is wrong and what would be right.
 * Relative paths in a config are relative to the config file's directory.
 * The schema is documented in docs/config.md.
 */
#ifndef CSB_CONFIG_H
#define CSB_CONFIG_H

#include "../model/model.h"
#include "../themes/themes.h"

/* What a briefing is written as: its 'format', else its output's extension. */
typedef enum { CSB_FORMAT_PDF, CSB_FORMAT_XLSX, CSB_FORMAT_HTML } CsbFormat;

const char *csb_format_id(CsbFormat f); /* "pdf", "xlsx", "html" */

typedef struct {
    char *template_id;  /* "briefing-pack", "members-summary" */
    CsbFormat format;
    gboolean national;  /* its template's scope is national: one briefing over every
                           authority of the reports, whatever 'authority' says */
    char *output;       /* resolved path of the file; with 'authority: all' a
                           pattern with placeholders (see csb_output_expand) */
    char *root;         /* its output folder: the folders before the first
                           placeholder (csb_output_fixed_dir of the pattern) */
    char *title;        /* overrides; NULL means the template's default */
    char *subtitle;
    char *organisation;
    char *logo;         /* resolved path of a PNG, or NULL */
    char *accent;       /* "#rrggbb" or NULL */
    CsbDate date;       /* the briefing's date; invalid means "from inputs" */
    char *authority;    /* canonical name; set in the per-authority copies
                           csb_briefing_spec_for makes (NULL when national) */
    int line, column;   /* where it was declared, for messages */
} CsbBriefingSpec;

typedef enum {
    CSB_COMPARE_NAMED,
    CSB_COMPARE_NEIGHBOURS, /* statistical-neighbours */
    CSB_COMPARE_REGION,     /* region */
} CsbCompareKind;

typedef struct {
    CsbCompareKind kind;
    char *authority; /* canonical name, for CSB_COMPARE_NAMED */
} CsbComparator;

/* The 'fetch' section: where and how `csbrief fetch` downloads Ofsted's
 * publications for the authorities the config needs (fetch.c). */
typedef struct {
    char *into;            /* resolved folder the downloads and index.csv go in */
    guint kinds;           /* bit (1 << CsbKind) per kind wanted; 0 means every kind */
    char *contact;         /* e-mail or web address sent in the User-Agent */
    char *site;            /* resolved path of a site description; NULL: the data folder's */
    double delay;          /* seconds between requests (default 1) */
    double timeout;        /* seconds a response may stall before it is given up */
    double budget;         /* seconds the whole run may take */
    guint64 max_file_size; /* bytes; a larger file is refused */
    int retries;           /* attempts after the first, on timeouts, 429 and 5xx */
    double backoff;        /* wait before the first retry, doubled for each next one */
    int line, column;      /* where the section is, for messages */
} CsbFetchSpec;

typedef struct {
    char *path;          /* the config file */
    char *dir;           /* its directory, for relative paths */
    GPtrArray *reports;  /* char*: resolved report files, sorted, unique */
    GPtrArray *report_patterns; /* char*: as written, for messages */
    GPtrArray *report_sources;  /* char*: the same resolved (files, folders, patterns) */
    char *authority;     /* canonical name; NULL when 'all' */
    gboolean all_authorities;  /* authority: all, or regions: [...] */
    GPtrArray *regions;  /* char*: region names limiting 'all' */
    GPtrArray *compare_with; /* CsbComparator* */
    GPtrArray *theme_ids;    /* char*: selected theme ids, in order */
    GPtrArray *custom_themes; /* CsbTheme*: themes the config defines */
    GPtrArray *briefings;    /* CsbBriefingSpec* */
    char *cache_dir;     /* resolved; parsed-report cache */
    GPtrArray *sources;  /* char*: resolved index files (publication dates, addresses) */
    CsbFetchSpec *fetch; /* NULL when the config has no 'fetch' section */
} CsbConfig;

/* What a config may refer to. All borrowed. */
typedef struct {
    const CsbAuthorities *authorities;
    const CsbThemeLibrary *themes;
    const char *templates_dir; /* templates/NAME.yaml are the templates */
} CsbConfigRefs;

/* Load and validate. Returns NULL (with every problem found in diag, not
 * just the first) when the config is invalid. */
CsbConfig *csb_config_load(const char *path, const CsbConfigRefs *refs, CsbDiag *diag);
void csb_config_free(CsbConfig *cfg);

/* Whether the config reads path as a report: one of its reports, or a
 * report name in one of its report folders or matching one of its
 * patterns (so a file written there would be read by the next run). */
gboolean csb_config_reads(const CsbConfig *cfg, const char *path);

/* Template ids available in dir (names of *.yaml that declare a template). */
GPtrArray *csb_config_template_ids(const char *templates_dir);

/* ---- the fetch section (fetch.c) ---------------------------------------- */

/* Read and check 'fetch:' (n) of the config at path, whose relative paths
 * are relative to dir. NULL (errors in diag) when it is invalid. */
CsbFetchSpec *csb_fetch_spec_read(CsbYaml *y, yaml_node_t *n, const char *dir, CsbDiag *diag);
void csb_fetch_spec_free(CsbFetchSpec *f);
/* Whether a kind is among those the section wants. */
gboolean csb_fetch_spec_wants(const CsbFetchSpec *f, CsbKind kind);
/* "1.5s", "500ms", "30m", "2h" or a number of seconds; FALSE if not one. */
gboolean csb_config_parse_duration(const char *text, double *seconds);
/* "25MB", "500kB", "1GiB" or a number of bytes; FALSE if not one. */
gboolean csb_config_parse_size(const char *text, guint64 *bytes);

/* ---- output placeholders (output.c) ----------------------------------- */

/* Whom a briefing's files are for: the config's one authority, each
 * authority of 'authority: all', or all of them in one (national). */
typedef enum { CSB_OUTPUT_ONE, CSB_OUTPUT_EACH, CSB_OUTPUT_NATIONAL } CsbOutputScope;

/* An output may contain {authority} (the name as a slug:
 * redcar-and-cleveland), {code} (DfE code: 807), {region} (slug: north-east)
 * and {template} (briefing-pack). FALSE with *problem (owned) when a
 * placeholder is unknown or a brace unclosed, when scope is EACH and
 * neither {authority} nor {code} is used (every briefing would overwrite
 * the last), or when it is NATIONAL and one of them or {region} is. */
gboolean csb_output_check(const char *pattern, CsbOutputScope scope, char **problem);
gboolean csb_output_has_placeholder(const char *pattern);
char *csb_output_expand(const char *pattern, const CsbAuthority *authority,
                        const char *template_id);
/* Lower-case ASCII words joined by '-': "St. Helens" -> "st-helens". */
char *csb_output_slug(const char *name);
/* The folder a pattern always writes under: its folder, or for
 * out/{authority}/pack.pdf the folders before the first placeholder (out). */
char *csb_output_fixed_dir(const char *pattern);
/* A copy of spec for one authority (NULL for a national briefing): output
 * expanded, authority set. */
CsbBriefingSpec *csb_briefing_spec_for(const CsbBriefingSpec *spec,
                                       const CsbAuthority *authority);
void csb_briefing_spec_free(CsbBriefingSpec *spec);

#endif
