/* build_log.h - how `csbrief build` tells what happened: a progress bar on
 * a terminal, one timestamped line per event for a log file, or one JSON
 * object per line for log collectors; --quiet keeps only failures and, when
 * something failed, the summary. Where each goes is in docs/nightly.md.
 */
#ifndef CSB_BUILD_LOG_H
#define CSB_BUILD_LOG_H

#include "../build/build.h"

typedef enum {
    CSB_LOG_TEXT, /* lines on stdout; details of errors on stderr */
    CSB_LOG_JSON, /* JSON lines on stdout, errors included; nothing on stderr */
} CsbLogFormat;

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

#endif
