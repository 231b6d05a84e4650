/* build.h - running briefings: from config files to PDFs on disk.
 *
 * Owns: the resources every run loads once (authority table, theme library,
 * area map, glossary, grade meanings, recurrence data, templates and fonts
 * folders), reading
 * a config's reports, resolving its comparators and themes, producing each
 * briefing (compare -> format -> layout -> render) and writing it
 * atomically; and the batch around it: many configs and briefings per run,
 * one briefing per authority for 'authority: all', skipping briefings whose
 * inputs have not changed (a manifest beside the outputs), one run at a
 * time per output folder (a lock), reports parsed and analysed once on
 * threads and briefings rendered in child processes, in parallel, and
 * events a caller turns into a log. The batch is described in
 * docs/nightly.md.
 */
#ifndef CSB_BUILD_H
#define CSB_BUILD_H

#include "../config/config.h"
#include "../parse/parse.h"
#include "../format/format.h"
#include "../layout/layout.h"
#include "../render/render.h"

#include <signal.h>

/* ---- resources (resources.c) ------------------------------------------ */

typedef struct {
    char *datadir;
    char *templates_dir;
    char *fonts_dir;
    char *authorities_path;
    char *frameworks_path;
    CsbReference *reference;           /* authority table and frameworks, owned */
    const CsbAuthorities *authorities; /* reference->authorities */
    CsbThemeLibrary *themes;
    CsbAreaMap *areas;
    CsbCsv *glossary;
    CsbCsv *grades;
    CsbUnreadWords *unread_words; /* data/not-read-reasons.csv */
    CsbRecurrence *recurrence; /* data/recurrence.yaml */
    GPtrArray *data_files; /* char*: every data file loaded above, for fingerprints */
} CsbResources;

CsbResources *csb_resources_load(const char *datadir, CsbDiag *diag);
void csb_resources_free(CsbResources *r);
/* The config's references (authorities, themes, templates). */
CsbConfigRefs csb_resources_refs(const CsbResources *r);
/* Path of a template's file (owned). */
char *csb_resources_template_path(const CsbResources *r, const char *template_id);

/* ---- one briefing (briefing.c) ----------------------------------------- */

/* Parse one report through the parse cache when cache_dir is not NULL.
 * The one place reports are parsed for a build. */
CsbInspection *csb_build_parse_report(const char *path, const CsbReference *ref,
                                      const CsbSources *sources, const char *cache_dir,
                                      CsbDiag *diag);

/* Does a parse warning say a judgement's grade could not be read (its
 * code is CSB_PARSE_WARN_GRADE_UNREAD)? */
gboolean csb_build_grade_unread(const CsbError *warning);

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

/* analyses: the run's shared analyses of the reports (their library is
 * then the comparison's), or NULL (the config's library: the resources'
 * own, or a private copy extended by the config's themes). focus NULL: a
 * national comparison, every authority of the config's regions that an
 * inspection is about a peer. */
void csb_build_setup(CsbCompareSetup *s, const CsbConfig *cfg, const CsbResources *res,
                     const GPtrArray *inspections, const CsbAnalyses *analyses,
                     const char *focus);
void csb_build_setup_clear(CsbCompareSetup *s);
/* The focus and its comparators (const CsbAuthority*, focus first; new
 * array). Empty when focus is unknown. */
GPtrArray *csb_build_authorities_used(const CsbConfig *cfg, const CsbResources *res,
                                      const char *focus);

/* Every authority of the table in cfg's regions (all when it names none),
 * in the table's order: whom a national briefing may cover (new array). */
GPtrArray *csb_build_authorities_national(const CsbConfig *cfg, const CsbResources *res);
/* Does the template show its authority's reports alone, none of a peer's
 * (csb_format_focus_only: the members' summary)? A template that cannot be
 * read counts as showing every report: the briefing fails on it when it
 * is built. */
gboolean csb_build_template_focus_only(const CsbResources *res, const char *template_id);
/* The authorities whose reports a briefing may show (const CsbAuthority*,
 * new array), what the plan gives it and fetch downloads for it: for
 * focus NULL (a national briefing) every authority of cfg's regions;
 * else the focus and its comparators, or the focus alone when its
 * template is focus_only (csb_build_template_focus_only). */
GPtrArray *csb_build_authorities_shown(const CsbConfig *cfg, const CsbResources *res,
                                       const CsbAuthority *focus, gboolean focus_only);

/* The date a briefing is given: the config's, else SOURCE_DATE_EPOCH's;
 * else none (not valid), and the formatter dates it by the reports it
 * shows (csb_format: among those the manifest records for it). Never the
 * clock, so output is reproducible. */
CsbDate csb_build_briefing_date(const CsbBriefingSpec *spec);

/* Render one briefing to spec->output atomically, in spec->format (focus
 * is ignored for a national briefing). inspections are the
 * reports it may use (the batch passes those about the focus and its
 * comparators; about the focus alone when its template's formatter shows
 * no other, csb_format_focus_only, and it then has no comparators either);
 * analyses, the run's analyses of them (csb_run_analyses);
 * not_read, what the batch could not read of those reports (CsbNotRead*,
 * or NULL; csb_build_not_read):
 * the briefing then compares only what its template can show. With
 * analyses NULL, it analyses every report it uses itself, the plain way
 * (csb_analysis_reference_rules), and compares everything: the slow
 * reference the shared path must give the same bytes as. Each call
 * builds its own font map and only reads res, cfg, inspections and
 * analyses; but Cairo's font caches are process-wide, so calls in
 * parallel threads may differ in line breaks: the batch renders in child
 * processes (workers.c). */
gboolean csb_build_briefing(const CsbBriefingSpec *spec, const CsbConfig *cfg,
                            const CsbResources *res, const GPtrArray *inspections,
                            const CsbAnalyses *analyses, const GPtrArray *not_read,
                            const char *focus, CsbDiag *diag);

/* ---- atomic writes (atomic.c) ------------------------------------------ */

/* Writes a new file's content to fd (open for reading and writing; name
 * for messages). FALSE with an error in diag on failure. */
typedef gboolean (*CsbWriteFn)(int fd, const char *name, gpointer data, CsbDiag *diag);

/* Write a file atomically: write() fills a new file in path's folder
 * (.NAME.tmp-PID-XXXXXX); on success it is flushed to disk and renamed to
 * path, and the folder is flushed. The old file stays on any failure, and
 * a crash at any moment leaves the old or the new file whole. root (or
 * NULL) is the output folder path is under: folders between it and path
 * are made as needed and never followed through a symbolic link; neither
 * is the temporary file, and the rename replaces a link at path instead of
 * writing where it points. */
gboolean csb_build_atomic(const char *root, const char *path, CsbWriteFn write, gpointer data,
                          CsbDiag *diag);
/* Write bytes to path atomically. */
gboolean csb_build_atomic_bytes(const char *root, const char *path, const char *bytes,
                                gsize len, CsbDiag *diag);
/* Write all of bytes to fd; FALSE with an error naming name (a full disk
 * said so) on failure. */
gboolean csb_build_write_all(int fd, const char *bytes, gsize len, const char *name,
                             CsbDiag *diag);
/* Remove temporary files csb_build_atomic left in dir when a run was
 * killed (those whose process is no longer running, or whose pid now
 * belongs to another program). Returns how many;
 * their names are appended to removed (char*) when not NULL. */
guint csb_build_clean_temps(const char *dir, GPtrArray *removed);

/* ---- content hashes with a stat shortcut (filehash.c) ------------------- */

/* What a file looked like when its hash was taken. */
typedef struct {
    char *sha256;
    gint64 size;
    gint64 mtime_ns;
    gint64 ctime_ns;
    guint64 inode;
} CsbFileStamp;

void csb_file_stamp_free(CsbFileStamp *s);

typedef struct CsbFileHashes CsbFileHashes;

CsbFileHashes *csb_file_hashes_new(void);
void csb_file_hashes_free(CsbFileHashes *h);
/* A stamp from an earlier run (copied). */
void csb_file_hashes_remember(CsbFileHashes *h, const char *path, const CsbFileStamp *stamp);
/* sha256 of a file's bytes: the remembered one when size, mtime, ctime and
 * inode all match, else read and hashed. NULL with *err_msg (owned) when
 * the file cannot be read (and errno EFBIG when it is past csb_file_read's
 * limit). The string belongs to h. */
const char *csb_file_hashes_get(CsbFileHashes *h, const char *path, char **err_msg);
/* Bytes read to hash files so far (to show that an unchanged run is cheap). */
guint64 csb_file_hashes_bytes_read(const CsbFileHashes *h);
/* Stamps worth keeping for the next run: each one used this run whose
 * file was not modified in the last seconds (a change within the same
 * clock tick would not show in mtime), and each remembered one whose file
 * still exists. */
void csb_file_hashes_foreach(CsbFileHashes *h,
                             void (*fn)(const char *path, const CsbFileStamp *s, gpointer data),
                             gpointer data);

/* ---- the manifest (manifest.c) -------------------------------------------- */

#define CSB_MANIFEST_NAME ".csbrief-manifest"

/* One thing that shaped a briefing: "report /path/x.pdf", "template
 * briefing-pack", "setting title", "font NotoSans-Regular.ttf", ... and
 * the sha256 of its content. */
typedef struct {
    char *label;
    char *sha256;
} CsbInput;

CsbInput *csb_input_new(const char *label, const char *sha256);
void csb_input_free(CsbInput *in);

typedef struct {
    char *output;        /* relative to the manifest's folder */
    char *hash;          /* sha256 over every input */
    char *built_at;      /* ISO 8601 local time */
    CsbFileStamp stamp;  /* of the PDF as written (ctime unused; sha256 of its
                            content, NULL in older manifests) */
    GPtrArray *inputs;   /* CsbInput*, sorted by label */
} CsbManifestEntry;

void csb_manifest_entry_free(CsbManifestEntry *e);

/* What an earlier run learnt about a report's content (by sha256), so an
 * unchanged report need not be parsed to know whom it is about. */
typedef struct {
    char *authority; /* canonical name; NULL when unreadable or about no known one */
    char *error;     /* why it could not be read, or NULL */
    CsbUnreadReason reason; /* and the kind of problem (unknown in older manifests) */
} CsbReportNote;

typedef struct {
    char *dir;
    char *path;              /* dir/.csbrief-manifest */
    char *parser_key;        /* the notes hold for this csbrief and authority table */
    GHashTable *entries;     /* output (relative) -> CsbManifestEntry* */
    GHashTable *stamps;      /* absolute path -> CsbFileStamp* */
    GHashTable *notes;       /* sha256 -> CsbReportNote* */
    GHashTable *pending;     /* outputs (relative) a run began to write: set */
} CsbManifest;

/* The manifest in dir; empty when there is none. A manifest that cannot
 * be read gives a warning and an empty manifest (everything is rebuilt). */
CsbManifest *csb_manifest_load(const char *dir, CsbDiag *diag);
void csb_manifest_free(CsbManifest *m);
/* Serialise (the format is in docs/nightly.md). */
char *csb_manifest_format(const CsbManifest *m, gsize *len);
gboolean csb_manifest_save(const CsbManifest *m, CsbDiag *diag);
/* A tab, then s with backslash, tab, newline and carriage return escaped
 * (the manifest's fields; also the messages of render processes). */
void csb_field_append(GString *out, const char *s);
char *csb_field_unescape(const char *s);
void csb_manifest_put_note(CsbManifest *m, const char *sha256, const char *authority,
                           const char *error, CsbUnreadReason reason);
/* Replace the entry for e->output (takes ownership). */
void csb_manifest_put_entry(CsbManifest *m, CsbManifestEntry *e);

/* ---- outputs a run may write (outputs.c) --------------------------------- */

/* Every input of a run: the configs, their reports and logos, the data
 * files, templates and fonts, by path and by file identity. */
typedef struct CsbInputSet CsbInputSet;

CsbInputSet *csb_input_set_new(const GPtrArray *configs, const CsbResources *res);
void csb_input_set_free(CsbInputSet *s);
/* Why output must not be written (owned): it is an input, the same file
 * as one, or a report some config would read next time; NULL when it is
 * none of these. */
char *csb_input_set_conflict(const CsbInputSet *s, const char *output);
/* Whether the file at path (key: relative to m's folder) may be replaced:
 * nothing is there, or a regular file csbrief wrote (its stamp or content
 * as recorded, or a write of it was under way when a run was killed). A
 * symbolic link or any other file is not. */
gboolean csb_output_is_ours(const char *path, const CsbManifest *m, const char *key);
/* "PATH is there, but csbrief did not write it ... --force" (owned). */
char *csb_output_not_ours_message(const char *path, const CsbManifest *m);
/* sha256 of a file csbrief wrote (never through a link), or NULL. */
char *csb_output_sha256(const char *path);
/* For `check`: each of cfg's outputs (with 'authority: all', one per
 * authority the inspections are about) checked as build would: an error
 * in diag for an output that is an input, or a file csbrief did not write.
 * TRUE when an output is an input (build refuses the whole run then). */
gboolean csb_build_check_outputs(const CsbConfig *cfg, const CsbInputSet *inputs,
                                 const CsbResources *res, const GPtrArray *inspections,
                                 CsbDiag *diag);

/* ---- one run at a time per output folder (lock.c) ----------------------- */

#define CSB_LOCK_NAME ".csbrief-lock"

typedef struct CsbLock CsbLock;

typedef enum {
    CSB_LOCK_TAKEN, /* ours until csb_lock_release (or the process ends) */
    CSB_LOCK_HELD,  /* another live run holds it; *detail says who */
    CSB_LOCK_ERROR, /* could not be created; *detail says why */
} CsbLockResult;

/* Take dir/.csbrief-lock without waiting. On CSB_LOCK_TAKEN, *detail is
 * NULL, or describes the run that left the lock behind when it died. */
CsbLockResult csb_lock_take(const char *dir, CsbLock **lock, char **detail);
/* Write who holds it (pid, host, start time, command). */
void csb_lock_describe(CsbLock *lock, const char *command);
void csb_lock_release(CsbLock *lock);

/* ---- the batch (reports.c, plan.c, batch.c) ----------------------------- */

typedef enum {
    CSB_EVENT_START,       /* the plan is made: total, summary->planned to build */
    CSB_EVENT_LOCK_STALE,  /* took over a dead run's lock: folder, detail */
    CSB_EVENT_TEMP_REMOVED, /* removed a dead run's temporary file: output */
    CSB_EVENT_READ,        /* a report was parsed: report, authority, diag; done/total
                              count reports */
    CSB_EVENT_REPORT,      /* a report cannot be used (every run): report, detail */
    CSB_EVENT_ANALYSED,    /* the reports the briefings to build use were analysed, once
                              each: done reports, total briefings sharing them, seconds */
    CSB_EVENT_PROBLEM,     /* about the run, not one briefing: diag */
    CSB_EVENT_SKIPPED,     /* up to date: output */
    CSB_EVENT_PLANNED,     /* --dry-run: would build output, reasons */
    CSB_EVENT_BUILDING,    /* a worker started output, reasons */
    CSB_EVENT_BUILT,       /* output, seconds */
    CSB_EVENT_FAILED,      /* output, diag; the last good file was kept */
    CSB_EVENT_LOCKED,      /* another run holds folder: detail; nothing done */
    CSB_EVENT_FINISH,      /* the summary */
} CsbEventKind;

typedef struct {
    guint total;       /* briefings in the plan */
    guint built, skipped, failed, planned;
    guint reports, unreadable; /* reports named by the configs; unreadable ones */
    double seconds;
    GPtrArray *failures; /* char*: "OUTPUT: first error" */
    GPtrArray *new_reports;     /* char*: reports fetched before the build (--fetch), or NULL */
    GPtrArray *rebuilt_for_new; /* char*: "OUTPUT (a.pdf, b.pdf)": built briefings that use
                                   new reports; NULL without --fetch */
    int stopped_by;      /* the signal that stopped the run (SIGTERM...), or 0 */
} CsbBatchSummary;

typedef struct {
    CsbEventKind kind;
    const char *output;      /* the PDF */
    const char *authority;   /* its focus */
    const char *template_id;
    const char *report;      /* CSB_EVENT_REPORT */
    const char *folder;      /* CSB_EVENT_LOCKED, CSB_EVENT_LOCK_STALE */
    const char *detail;      /* who holds a lock */
    const GPtrArray *reasons; /* char*: why it is (or would be) built */
    const CsbDiag *diag;     /* errors and warnings */
    double seconds;
    guint done, total;       /* briefings finished (built, skipped or failed) so far */
    const CsbBatchSummary *summary;
} CsbEvent;

/* Called on the thread that called csb_batch_run, one event at a time. */
typedef void (*CsbEventSink)(const CsbEvent *e, gpointer data);

typedef struct {
    int jobs;             /* briefings rendered at once; 0 means the number of cores */
    gboolean force;       /* rebuild even when nothing changed */
    gboolean dry_run;     /* say what would be built, and why; write nothing */
    const char *command;  /* the command line, recorded in the lock */
    const char *exe_path; /* the running csbrief, whose hash is an input; NULL: none */
    const GPtrArray *new_reports; /* char*: paths fetched just before (--fetch), or NULL */
    gboolean reference;   /* no shared analyses: each briefing analyses its reports the
                             plain way (csb_build_briefing with analyses NULL), to check
                             that sharing changes nothing */
} CsbBatchOptions;

typedef enum {
    CSB_BATCH_OK,
    CSB_BATCH_FAILED,  /* some briefings failed or reports were unreadable */
    CSB_BATCH_INVALID, /* the configs together are invalid: nothing written */
    CSB_BATCH_LOCKED,  /* another run holds an output folder: nothing written */
    CSB_BATCH_STOPPED, /* SIGTERM, SIGINT or SIGHUP: stopped in order, summary.stopped_by */
} CsbBatchStatus;

CsbBatchStatus csb_batch_run(const GPtrArray *configs, const CsbResources *res,
                             const CsbBatchOptions *opt, CsbEventSink sink, gpointer sink_data);

/* ---- batch internals (shared by the files of src/build) ------------------ */

/* A report named by some config. */
typedef struct {
    char *path;
    const char *cache_dir;    /* the first config's, borrowed */
    char *sha256;             /* NULL when the file cannot be read */
    char *authority;          /* canonical name, or NULL */
    char *error;              /* why it cannot be used, or NULL */
    CsbUnreadReason reason;   /* the kind of problem the error is */
    gboolean known;           /* authority/error known (from a note or a parse) */
    CsbInspection *inspection; /* parsed this run, or NULL */
    CsbDiag *diag;            /* what parsing said */
} CsbReport;

typedef struct {
    GPtrArray *all;        /* CsbReport*, owned, sorted by path */
    GHashTable *by_path;   /* path -> CsbReport* */
    CsbSources *sources;   /* where the files came from: the index.csv beside them
                              and the configs' sources, owned */
} CsbReportSet;

/* The reports of every config, each once, with the indexes of where they
 * came from (problems reading an index go to diag). */
CsbReportSet *csb_report_set_new(const GPtrArray *configs, const char *const *cache_dirs,
                                 CsbDiag *diag);
void csb_report_set_free(CsbReportSet *s);
/* Whose report r is when it could not be read (its authority is then
 * not known from its words): the authority the indexes (or its file's
 * name) give by URN, or NULL; what they say of it in facts. */
const CsbAuthority *csb_report_owner(const CsbReportSet *set, const CsbReport *r,
                                     const CsbAuthorities *authorities, CsbSourceFacts *facts);

/* Parse the given reports (CsbReport*) on up to jobs threads, through
 * the parse cache when use_cache. parsed() is called on the calling
 * thread as each one is done. */
void csb_report_set_parse(GPtrArray *which, const CsbReference *ref, const CsbSources *sources,
                          int jobs,
                          gboolean use_cache,
                          void (*parsed)(CsbReport *r, guint done, guint total, gpointer data),
                          gpointer data);

/* One briefing of the run. */
typedef struct {
    const CsbConfig *config;
    CsbBriefingSpec *spec;   /* owned: concrete output, authority set */
    char *root;              /* folder of its manifest and lock */
    char *key;               /* output relative to root */
    GPtrArray *reports;      /* const CsbReport*: those it uses */
    GPtrArray *unread;       /* const CsbReport*: those it could not read, about the
                                focus or a comparator (as an index or the file's name
                                says) */
    GPtrArray *not_read;     /* CsbNotRead*, owned: the unread ones, and the reports it
                                read without (some of) their grades; made before the
                                build (csb_build_not_read) */
    GPtrArray *inputs;       /* CsbInput*, sorted by label */
    char *hash;
    gboolean build;
    GPtrArray *reasons;      /* char* */
    /* results */
    GPtrArray *inspections;  /* const CsbInspection*: what the worker reads */
    const CsbAnalyses *analyses; /* their analyses (the run's), or NULL */
    gboolean ok;
    gboolean started;        /* a worker began it */
    gboolean killed;         /* its worker died of a signal: the new file may be in place */
    double seconds;
    CsbDiag *diag;
} CsbJob;

void csb_job_free(CsbJob *j);
/* The job's not_read list: its unread reports, and those it read whose
 * grades (some) could not be. */
void csb_build_not_read(CsbJob *job, const CsbReportSet *set, const CsbAuthorities *authorities);

/* Render jobs (CsbJob*, with inspections set) in up to max child
 * processes at once; started() and finished() are called in this process
 * as each starts and ends, with job->ok, seconds and diag set. When a
 * signal arrives on stop_fd (-1: none), the running children are killed
 * (their jobs fail saying so), no other starts, and the signal's number
 * is returned; else 0. */
int csb_workers_run(GPtrArray *jobs, int max, const CsbResources *res, int stop_fd,
                    void (*started)(CsbJob *job, gpointer data),
                    void (*finished)(CsbJob *job, gpointer data), gpointer data);
/* The signals that stop a run in order: SIGTERM, SIGINT, SIGHUP. */
void csb_workers_stop_signals(sigset_t *set);
/* "SIGTERM", "SIGINT", "SIGHUP" (or "a signal"). */
const char *csb_workers_signal_name(int signo);
/* The signal read from stop_fd (a non-blocking signalfd for them), or 0. */
int csb_workers_stop_requested(int stop_fd);

/* The run's shared analyses (analyse.c): one set per theme library the
 * configs of the jobs to build use (the resources', or one extended by a
 * config's own themes), with evidence for the themes they select; every
 * report in those jobs' inspections analysed once, on up to threads
 * threads, all joined before it returns. Sets each such job's analyses. */
typedef struct CsbRunAnalyses CsbRunAnalyses;

CsbRunAnalyses *csb_run_analyses_new(GPtrArray *jobs, const CsbResources *res, int threads);
void csb_run_analyses_free(CsbRunAnalyses *r);
/* Reports analysed (over all sets). */
guint csb_run_analyses_count(const CsbRunAnalyses *r);

/* The fixed inputs every briefing shares (csbrief itself, data files,
 * fonts, SOURCE_DATE_EPOCH), with their hashes. */
typedef struct {
    GPtrArray *inputs;       /* CsbInput* */
    GHashTable *templates;   /* template id -> sha256 */
    GHashTable *focus_only;  /* template ids whose formatter shows its authority's reports
                                alone (csb_format_focus_only: the members' summary) */
    char *tool;              /* sha256 standing for this csbrief (version and program) */
} CsbSharedInputs;

CsbSharedInputs *csb_plan_shared_inputs(const CsbResources *res, const GPtrArray *configs,
                                        CsbFileHashes *hashes, const char *exe_path);
void csb_shared_inputs_free(CsbSharedInputs *s);

/* Jobs for every briefing of every config (CsbJob*, owned), each with its
 * inputs and hash. Two briefings with one output are an error in diag. */
GPtrArray *csb_plan_jobs(const GPtrArray *configs, const CsbResources *res,
                         const CsbReportSet *reports, const CsbSharedInputs *shared,
                         CsbFileHashes *hashes, CsbDiag *diag);
/* Decide: build or skip, and why, against the manifest entry (NULL if
 * none). */
void csb_plan_decide(CsbJob *job, const CsbManifestEntry *entry, gboolean force);
/* path relative to base when it is under it, else path (owned). */
char *csb_path_relative(const char *base, const char *path);
/* sha256 over the labels and hashes of inputs (sorted). */
char *csb_plan_hash(const GPtrArray *inputs);
/* The file names of the job's reports that are in fresh (a set of
 * paths), joined with ", "; NULL when it uses none of them. */
char *csb_plan_fresh_reports(const CsbJob *job, GHashTable *fresh);

#endif
