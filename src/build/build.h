/* build.h - running briefings: from config files to PDFs on disk.
 *
 * Owns: the resources every run loads once (authority table, theme library,
 * area map, glossary, grade meanings, templates and fonts folders), reading
 * a config's reports, resolving its comparators and themes, and producing
 * each briefing: compare -> format -> layout -> render, written to a
 * temporary file in the output's folder, flushed and renamed into place so
 * a crash never leaves a half-written PDF where the last good one was.
 */
#ifndef CSB_BUILD_H
#define CSB_BUILD_H

#include "../config/config.h"
#include "../render/render.h"

typedef struct {
    char *datadir;
    char *templates_dir;
    char *fonts_dir;
    char *authorities_path;
    CsbAuthorities *authorities;
    CsbThemeLibrary *themes;
    CsbAreaMap *areas;
    CsbCsv *glossary;
    CsbCsv *grades;
} CsbResources;

CsbResources *csb_resources_load(const char *datadir, CsbDiag *diag);
void csb_resources_free(CsbResources *r);
/* The config's references (authorities, themes, templates). */
CsbConfigRefs csb_resources_refs(const CsbResources *r);

/* Parse every report a config names. Unreadable files give one error each
 * in diag and are skipped. Returns CsbInspection* (owned). */
GPtrArray *csb_build_read_reports(const CsbConfig *cfg, const CsbResources *res, CsbDiag *diag);

/* Everything one briefing's comparison needs, resolved from a config. */
typedef struct {
    CsbCompareInput input;
    GPtrArray *themes;      /* const CsbTheme* */
    GPtrArray *comparators; /* const CsbAuthority* */
    CsbThemeLibrary *custom; /* NULL, or the library plus the config's own themes */
} CsbCompareSetup;

void csb_build_setup(CsbCompareSetup *s, const CsbConfig *cfg, const CsbResources *res,
                     const GPtrArray *inspections, const char *focus);
void csb_build_setup_clear(CsbCompareSetup *s);

/* The date a briefing carries: the config's, else SOURCE_DATE_EPOCH's,
 * else the newest report's. Never the clock, so output is reproducible. */
CsbDate csb_build_briefing_date(const CsbBriefingSpec *spec, const GPtrArray *inspections);

/* Render one briefing to spec->output atomically. */
gboolean csb_build_briefing(const CsbBriefingSpec *spec, const CsbConfig *cfg,
                            const CsbResources *res, const GPtrArray *inspections,
                            const char *focus, CsbDiag *diag);

/* Write a file atomically: render() writes tmp_path; on success it is
 * flushed to disk and renamed to path. The old file stays on any failure. */
gboolean csb_build_atomic(const char *path,
                          gboolean (*render)(const char *tmp_path, gpointer data, CsbDiag *diag),
                          gpointer data, CsbDiag *diag);

#endif
