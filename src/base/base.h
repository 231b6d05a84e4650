/* base.h - the few things every stage of csbrief shares.
 *
 * Owns: error values (CsbError, CsbDiag), small text helpers (name
 * normalisation, edit distance, suggestions), a CSV reader for the data
 * files users edit, and a thin wrapper over libyaml's document API that
 * keeps line and column numbers for error messages.
 *
 * Nothing here knows about inspections, briefings or PDFs.
 */
#ifndef CSB_BASE_H
#define CSB_BASE_H

#include <glib.h>

#include <stdarg.h>
#include <stdio.h>
#include <yaml.h>

#define CSB_VERSION "0.1.0"

/* ---- errors ---------------------------------------------------------- */

/* An error is a value: where it happened and what a person can do about it.
 * line and column are 1-based; 0 means "not applicable". */
typedef enum { CSB_SEV_ERROR, CSB_SEV_WARNING } CsbSeverity;

typedef struct CsbError {
    CsbSeverity severity;
    char *file;
    int line;
    int column;
    char *message;
    /* What kind of problem it is, for code that must tell one from another
     * without reading the message: a value of the enum of what the error
     * is about (a report file not read: CsbUnreadReason, model.h; a parse
     * warning: CsbParseWarning, parse.h); 0 when not given. */
    int code;
} CsbError;

CsbError *csb_error_new(CsbSeverity sev, const char *file, int line, int column,
                        const char *fmt, ...) G_GNUC_PRINTF(5, 6);
void csb_error_free(CsbError *e);
/* "file:line:column: error: message" (parts that are unknown are left out),
 * as one printable line (csb_text_printable). */
char *csb_error_format(const CsbError *e);

/* A list of errors and warnings collected while working on one input. */
typedef struct CsbDiag {
    GPtrArray *items; /* CsbError*, owned */
} CsbDiag;

CsbDiag *csb_diag_new(void);
void csb_diag_free(CsbDiag *d);
void csb_diag_add(CsbDiag *d, CsbError *e); /* takes ownership */
void csb_diag_error(CsbDiag *d, const char *file, int line, int column,
                    const char *fmt, ...) G_GNUC_PRINTF(5, 6);
void csb_diag_warn(CsbDiag *d, const char *file, int line, int column,
                   const char *fmt, ...) G_GNUC_PRINTF(5, 6);
/* An error, and a warning, with its code (CsbError.code). */
void csb_diag_error_code(CsbDiag *d, int code, const char *file, int line, int column,
                         const char *fmt, ...) G_GNUC_PRINTF(6, 7);
void csb_diag_warn_code(CsbDiag *d, int code, const char *file, int line, int column,
                        const char *fmt, ...) G_GNUC_PRINTF(6, 7);
int csb_diag_count(const CsbDiag *d, CsbSeverity sev);
void csb_diag_print(const CsbDiag *d, FILE *out);
/* Move every item of src to the end of dst. */
void csb_diag_take(CsbDiag *dst, CsbDiag *src);
/* The same, each item filed under file (what a user knows the work by, say
 * the briefing's output), its own file kept in front of its message. */
void csb_diag_take_as(CsbDiag *dst, CsbDiag *src, const char *file);

/* ---- text ------------------------------------------------------------ */

/* Lower-case, '&' -> "and", punctuation, hyphens and apostrophes to spaces,
 * runs of space collapsed, trimmed. Used to compare names loosely. */
char *csb_text_fold(const char *s);
/* Collapse every run of whitespace to one space and trim. */
char *csb_text_squash(const char *s);
/* Levenshtein distance between two UTF-8 strings, in characters. */
int csb_text_distance(const char *a, const char *b);
/* The candidate closest to word (by folded edit distance), or NULL when none
 * is close enough to be a plausible typo. Candidates are const char*. */
const char *csb_text_nearest(const char *word, const char *const *candidates, int n);
/* A title as it reads inside a sentence: its first letter in lower case
 * unless the first word is an acronym ("Front door, thresholds and the
 * MASH/MACH" -> "front door, thresholds and the MASH/MACH"; "LADO" stays).
 * Newly allocated. */
char *csb_text_in_sentence(const char *title);
/* "a, b, c": n words, for a message listing what is valid (newly allocated). */
char *csb_join_words(const char *const *words, guint n);
/* Unicode's noncharacters (U+FDD0..U+FDEF, U+xFFFE and U+xFFFF in every
 * plane): valid UTF-8, but never text, and refused by Cairo. */
gboolean csb_unichar_is_noncharacter(gunichar c);
/* A copy of valid UTF-8 s without its noncharacters; *dropped (when not
 * NULL) gets how many there were. */
char *csb_text_drop_noncharacters(const char *s, gsize *dropped);
/* s as one printable line of valid UTF-8 (owned): newline, carriage
 * return and other control characters (line and paragraph separators
 * too) escaped as \n, \r, \uXXXX, bytes that are not UTF-8 as \xHH. For
 * logs and messages that carry names from outside (a file name with a
 * newline must not forge a log line). */
char *csb_text_printable(const char *s);
/* TRUE when s (case-insensitive) contains needle at word boundaries. */
gboolean csb_text_has_word(const char *haystack_lower, const char *needle_lower);

/* ---- files (file.c) --------------------------------------------------- */

/* The most csb_file_read reads: data files, templates, fonts, logos. */
#define CSB_FILE_MAX_BYTES (256u * 1024 * 1024)

/* Read a whole regular file (NUL-terminated; *len without the NUL). A
 * device, FIFO, socket or folder is refused before anything is read, and
 * so is a file larger than CSB_FILE_MAX_BYTES. Returns NULL and fills
 * *err_msg (when not NULL) on failure. */
char *csb_file_read(const char *path, gsize *len, char **err_msg);
/* The same with a limit of max bytes, and, when nofollow, refusing a
 * symbolic link (for files csbrief itself writes beside its outputs).
 * Both leave errno EFBIG on failure when the file is (or grew while it
 * was read) past the limit, and not EFBIG when it failed otherwise. */
char *csb_file_read_limited(const char *path, gsize max, gboolean nofollow, gsize *len,
                            char **err_msg);
/* Open a regular file for reading (O_CLOEXEC; O_NOFOLLOW when nofollow)
 * and fstat it into *st: the fd, or -1 with *err_msg (owned) saying why,
 * e.g. "a device, not a regular file". */
struct stat;
int csb_file_open_regular(const char *path, gboolean nofollow, struct stat *st, char **err_msg);
/* "12 MB", "300 KB", "17 bytes" (owned). */
char *csb_size_text(guint64 bytes);

/* ---- CSV ------------------------------------------------------------- */

/* RFC 4180 reader for the data files shipped in data/. Blank lines are
 * skipped; a quoted field may hold line breaks. */
typedef struct CsbCsv {
    GPtrArray *header; /* char*, owned */
    GPtrArray *rows;   /* GPtrArray* of char*, owned */
    int header_line;   /* the physical line (1-based) the header is on */
    GArray *lines;     /* int: the physical line each row starts on, as rows */
} CsbCsv;

CsbCsv *csb_csv_load(const char *path, CsbDiag *diag);
void csb_csv_free(CsbCsv *csv);
int csb_csv_column(const CsbCsv *csv, const char *name); /* -1 if absent */
const char *csb_csv_get(const CsbCsv *csv, guint row, int column);
/* The physical line (1-based) row starts on in its file, blank lines and
 * line breaks inside quoted fields counted: the line an error about the
 * row names. 0 for a row there is not. */
int csb_csv_line(const CsbCsv *csv, guint row);
/* Write one field, quoted when needed. */
void csb_csv_write_field(GString *out, const char *field);
/* Write n fields (NULL for an empty one) as one record, with its newline. */
void csb_csv_write_row(GString *out, const char *const *fields, guint n);
/* A copy of the field of column name in row, or NULL when empty or absent. */
char *csb_csv_dup(const CsbCsv *csv, guint row, const char *name);

/* ---- YAML ------------------------------------------------------------ */

/* A loaded YAML document with the file name kept for messages. */
typedef struct CsbYaml {
    char *path;
    yaml_document_t doc;
    gboolean loaded;
} CsbYaml;

/* The largest YAML file read (a config is a few KB). */
#define CSB_YAML_MAX_BYTES (1024u * 1024)

/* Parse a YAML file; on failure adds an error with line/column to diag and
 * returns NULL. An empty document is an error too, and so are a key given
 * twice in one mapping, a second document, and a file over
 * CSB_YAML_MAX_BYTES or not a regular file. */
CsbYaml *csb_yaml_load(const char *path, CsbDiag *diag);
void csb_yaml_free(CsbYaml *y);
yaml_node_t *csb_yaml_root(CsbYaml *y);
yaml_node_t *csb_yaml_node(CsbYaml *y, int index);
/* Scalar value of a node, or NULL if it is not a scalar. */
const char *csb_yaml_scalar(yaml_node_t *n);
/* Value node of key in a mapping node, or NULL. */
yaml_node_t *csb_yaml_get(CsbYaml *y, yaml_node_t *map, const char *key);
/* 1-based line and column of a node. */
int csb_yaml_line(const yaml_node_t *n);
int csb_yaml_column(const yaml_node_t *n);
const char *csb_yaml_type_name(const yaml_node_t *n);
/* Scalar, or the items of a sequence of scalars, appended to out (char*,
 * owned). Reports a type error naming what was expected. */
gboolean csb_yaml_string_list(CsbYaml *y, yaml_node_t *n, const char *what,
                              GPtrArray *out, CsbDiag *diag);
/* An error at a node of a YAML file (its line and column), for a person
 * to act on. */
void csb_yaml_error_at(CsbDiag *diag, CsbYaml *y, yaml_node_t *n, const char *fmt, ...)
    G_GNUC_PRINTF(4, 5);
void csb_yaml_error_atv(CsbDiag *diag, CsbYaml *y, yaml_node_t *n, const char *fmt, va_list ap)
    G_GNUC_PRINTF(4, 0);
/* Report keys of map that are not among valid (n of them), each with the
 * nearest valid key or the list of them; where names the mapping ("the
 * config", "'fetch'"). Used by every reader of a YAML file csbrief owns. */
void csb_yaml_check_keys(CsbYaml *y, yaml_node_t *map, const char *where,
                         const char *const *valid, guint n, CsbDiag *diag);

#endif
