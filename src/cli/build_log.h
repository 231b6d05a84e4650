/* build_log.h - how `csbrief build` and `csbrief fetch` tell what
 * happened: a progress bar on a terminal, one timestamped line per event
 * for a log file, or one JSON object per line for log collectors; --quiet
 * keeps only failures and, when something failed, the summary. Where each
 * goes is in docs/nightly.md.
 */
#ifndef CSB_BUILD_LOG_H
#define CSB_BUILD_LOG_H

#include "../build/build.h"
#include "../fetch/fetch.h"

typedef enum {
    CSB_LOG_TEXT, /* lines on stdout; details of errors on stderr */
    CSB_LOG_JSON, /* JSON lines on stdout, errors included; nothing on stderr */
} CsbLogFormat;

/* ---- the build's log (build_log.c) ------------------------------------------ */

typedef struct CsbBuildLog CsbBuildLog;

/* bar: draw a progress bar on err instead of event lines (text only). */
CsbBuildLog *csb_build_log_new(CsbLogFormat format, gboolean quiet, gboolean bar, FILE *out,
                               FILE *err);
void csb_build_log_free(CsbBuildLog *log);
/* The first line: the run started, with what. */
void csb_build_log_started(CsbBuildLog *log, guint configs, int jobs, gboolean force,
                           gboolean dry_run);
/* The signal the run's summary says stopped it, or 0. */
int csb_build_log_stopped_by(const CsbBuildLog *log);
/* A CsbEventSink. */
void csb_build_log_event(const CsbEvent *e, gpointer log);

/* ---- the fetch's log (fetch_log.c) -------------------------------------------- */

typedef struct CsbFetchLog CsbFetchLog;

CsbFetchLog *csb_fetch_log_new(CsbLogFormat format, gboolean quiet, gboolean bar, FILE *out,
                               FILE *err);
void csb_fetch_log_free(CsbFetchLog *log);
void csb_fetch_log_started(CsbFetchLog *log, guint configs);
/* A CsbFetchSink. */
void csb_fetch_log_event(const CsbFetchEvent *e, gpointer log);

/* ---- what both logs share (log_common.c) --------------------------------------- */

typedef struct {
    CsbLogFormat format;
    gboolean quiet;
    gboolean bar;   /* a progress bar on err instead of event lines */
    gboolean drawn; /* the bar is on the screen */
    FILE *out, *err;
    char *cwd;
} CsbLogOut;

void csb_log_out_init(CsbLogOut *o, CsbLogFormat format, gboolean quiet, gboolean bar,
                      FILE *out, FILE *err);
void csb_log_out_clear(CsbLogOut *o);
/* "2026-01-31T02:00:01+00:00" (owned). */
char *csb_log_timestamp(void);
/* A path as short as it can be said: relative to the current folder when
 * it is inside it. */
const char *csb_log_shown(const CsbLogOut *o, const char *path);
void csb_log_bar_clear(CsbLogOut *o);
/* [####......] done/total  counts  what */
void csb_log_bar_draw(CsbLogOut *o, guint done, guint total, const char *counts,
                      const char *what);
/* One event line: timestamped on out, "csbrief: " on err or under a bar. */
void csb_log_line(CsbLogOut *o, FILE *to, const char *fmt, ...) G_GNUC_PRINTF(3, 4);
/* Errors and warnings on err (warnings not when quiet). */
void csb_log_print_diag(CsbLogOut *o, const CsbDiag *d);
/* "TIMESTAMP finished: summary" on out. */
void csb_log_finished(CsbLogOut *o, const char *summary);
/* JSON lines: {"time":...,"event":EVENT, fields..., then end writes it. */
GString *csb_log_json_start(const char *event);
void csb_log_json_field(GString *s, const char *key, const char *value);
void csb_log_json_strings(GString *s, const char *key, const GPtrArray *a);
void csb_log_json_diag(GString *s, const CsbDiag *d);
void csb_log_json_end(CsbLogOut *o, GString *s);

#endif
