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

typedef struct {
    char *template_id;  /* "briefing-pack", "members-summary" */
    char *output;       /* resolved path of the PDF */
    char *title;        /* overrides; NULL means the template's default */
    char *subtitle;
    char *organisation;
    char *logo;         /* resolved path of a PNG, or NULL */
    char *accent;       /* "#rrggbb" or NULL */
    CsbDate date;       /* the briefing's date; invalid means "from inputs" */
    char *authority;    /* canonical name; set when the config has 'all' */
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

typedef struct {
    char *path;          /* the config file */
    char *dir;           /* its directory, for relative paths */
    GPtrArray *reports;  /* char*: resolved report files, sorted, unique */
    GPtrArray *report_patterns; /* char*: as written, for messages */
    char *authority;     /* canonical name; NULL when 'all' */
    gboolean all_authorities;  /* authority: all, or regions: [...] */
    GPtrArray *regions;  /* char*: region names limiting 'all' */
    GPtrArray *compare_with; /* CsbComparator* */
    GPtrArray *theme_ids;    /* char*: selected theme ids, in order */
    GPtrArray *custom_themes; /* CsbTheme*: themes the config defines */
    GPtrArray *briefings;    /* CsbBriefingSpec* */
    char *cache_dir;     /* resolved; parsed-report cache */
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

/* Template ids available in dir (names of *.yaml that declare a template). */
GPtrArray *csb_config_template_ids(const char *templates_dir);

#endif
