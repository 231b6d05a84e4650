/* ingest.h - reading a report file into a CsbDocument: lines of text in
 * physical order, each split into cells by position, with page numbers.
 *
 * Owns: file sniffing (PDF, text, or something else such as an HTML error
 * page saved as .pdf), PDF text extraction with poppler-glib from glyph
 * boxes (so tables read by position, not by the order text comes out in),
 * text input (.txt, .md: tab-separated cells), page furniture and
 * footnotes (layout.c), and the content hash.
 *
 * The parse stage reads a CsbDocument and never the file itself.
 */
#ifndef CSB_INGEST_H
#define CSB_INGEST_H

#include "../base/base.h"
#include "../model/model.h"

#include <qpdf/qpdf-c.h>

typedef enum { CSB_SOURCE_TEXT, CSB_SOURCE_PDF } CsbSourceType;

/* A run of text on one line separated from its neighbours by a wide gap
 * (PDF) or a tab (text): a table cell, or the whole line. */
typedef struct {
    char *text;
    double x0, x1; /* points from the left edge; text input: column index */
    double y0, y1; /* points from the top (PDF); text input: the line's */
} CsbCell;

typedef struct {
    int page;        /* 1-based; 0 for text input */
    double y0, y1;   /* points from the top of the page; text: line index */
    double size;     /* font size in points; 0 for text input */
    gboolean bold;   /* most of the line's glyphs are in a bold face */
    gboolean furniture; /* running header, footer or page number */
    gboolean footnote;  /* a footnote at the foot of the page */
    char *text;      /* the whole line, cells joined by a tab */
    GPtrArray *cells; /* CsbCell*, left to right */
} CsbLine;

typedef struct {
    char *path;
    CsbSourceType type;
    char *sha256;     /* of the file's bytes */
    int n_pages;      /* 0 for text input */
    double page_width, page_height; /* of the first page, points */
    double body_size; /* font size of most of the text; 0 for text input */
    GPtrArray *lines; /* CsbLine*, in reading order; blank lines kept for text */
} CsbDocument;

/* Read path. On failure returns NULL and adds one error whose message is the
 * reason a person can act on ("an HTML page saved with a .pdf name, not a
 * report: download it again") and whose code is its kind (CsbUnreadReason:
 * CSB_UNREAD_HTML_PAGE), the same for every function here that refuses a
 * report. */
CsbDocument *csb_ingest_file(const char *path, CsbDiag *diag);
/* A report file's bytes (NUL-terminated, caller frees), or NULL with one
 * error: a directory, or the reason the file cannot be read. */
char *csb_ingest_read(const char *path, gsize *len, CsbDiag *diag);
/* NULL when data looks like a whole PDF (it starts with %PDF- and ends
 * with %%EOF), else why not, for a person (a static string): an HTML
 * page, empty, not a PDF, truncated. Opening it is left to poppler. */
const char *csb_ingest_pdf_problem(const char *data, gsize len);
/* The same for a file's bytes already in memory (sniffed like a file). */
CsbDocument *csb_ingest_data(const char *path, const char *data, gsize len, CsbDiag *diag);
/* Build a document from text already in memory (tests, .txt/.md input). */
CsbDocument *csb_ingest_text(const char *path, const char *data, gsize len);
void csb_document_free(CsbDocument *doc);

/* Building documents: used by the readers (text.c, pdf.c) and by tests. */
CsbDocument *csb_document_new(const char *path, CsbSourceType type);
CsbLine *csb_document_add_line(CsbDocument *doc, int page, double y0, double y1);
void csb_line_add_cell(CsbLine *line, const char *text, double x0, double x1);
void csb_line_finish(CsbLine *line); /* sets line->text from its cells */
CsbDocument *csb_ingest_pdf(const char *path, const char *data, gsize len, CsbDiag *diag);
/* Mark furniture and footnotes and set body_size (layout.c). */
void csb_layout_annotate(CsbDocument *doc);
/* A text line that is a footnote: it starts with a superscript number
 * ("¹ The areas for improvement ...") or a Markdown "[^1]:". */
gboolean csb_layout_is_footnote_text(const char *text);

/* ---- limits (limits.c) --------------------------------------------------- */

/* What csbrief reads of one report, at most. A report past a limit is
 * refused with an error naming the limit, never read in part. */
typedef struct {
    guint64 file_bytes;     /* the file: 64 MB (CSBRIEF_MAX_REPORT_MB) */
    guint64 text_bytes;     /* a text report: 8 MB (CSBRIEF_MAX_TEXT_MB) */
    int pages;              /* a PDF's pages: 1000 (CSBRIEF_MAX_PAGES) */
    guint64 inflated_bytes; /* a PDF's compressed streams, decompressed:
                               128 MB (CSBRIEF_MAX_INFLATED_MB) */
    double seconds;         /* reading one report: 120 (CSBRIEF_MAX_REPORT_SECONDS) */
} CsbIngestLimits;

/* The defaults above, each replaced by its environment variable when that
 * holds a positive number. */
CsbIngestLimits csb_ingest_limits(void);

/* ---- PDF soundness (inflate.c, pdf_check.c) ---------------------------- */

/* Whether every zlib stream in a PDF's bytes (found lexically, chains of
 * FlateDecode followed) decompresses to at most budget bytes in all;
 * *total gets what was counted (at most budget + 64 KB). */
gboolean csb_pdf_inflated_within(const char *data, gsize len, guint64 budget, guint64 *total);
/* Count what one stream's zlib data inflates to (nested zlib layers too)
 * against *budget, which is lowered by it: FALSE when it is spent. *whole
 * (when not NULL) tells whether the data is one whole zlib stream, to its
 * end with its checksum matching (which libqpdf and poppler do not check). */
gboolean csb_zlib_count(const guchar *data, gsize len, guint64 *budget, gboolean *whole);
typedef enum {
    CSB_PDF_SOUND,      /* libqpdf reads it without one complaint */
    CSB_PDF_DAMAGED,    /* it reads it, but with complaints: damage repaired */
    CSB_PDF_UNREADABLE, /* it cannot read it at all */
    CSB_PDF_ENCRYPTED,  /* it needs a password */
    CSB_PDF_TOO_LARGE,  /* its streams decompress to more than the budget */
} CsbPdfSoundness;

/* Whether libqpdf reads the PDF without one complaint: header,
 * cross-reference table, every object reachable from the trailer (the
 * logical structure tree aside), every stream's data through its
 * general-purpose filters (and FlateDecode data whole, to its checksum),
 * the page tree; decompressing at most budget bytes in all. *problem
 * (when not NULL) gets the first complaint (owned) or NULL; *pages (when
 * not NULL) the page count, or -1. libqpdf itself decompresses object and
 * cross-reference streams as it reads: call csb_pdf_inflated_within
 * first. */
CsbPdfSoundness csb_pdf_check(const char *data, gsize len, guint64 budget, int *pages,
                              char **problem);
/* A libqpdf handle that prints nothing (warnings and errors are read with
 * csb_qpdf_problem); free with qpdf_cleanup. */
qpdf_data csb_qpdf_new(void);
/* libqpdf's error, else its first warning, as a message (owned), or NULL
 * when it has neither. */
char *csb_qpdf_problem(qpdf_data q);

/* sha256 of a file's bytes, or NULL with *err_msg set (and errno as
 * csb_file_read leaves it). */
char *csb_ingest_hash_file(const char *path, char **err_msg);
/* Why a report file could not be read, by the errno a failed read left:
 * past the size limit (EFBIG, csb_file_read_limited) or not opened. */
CsbUnreadReason csb_ingest_read_reason(int err);

/* Inputs csbrief reads: .pdf, .txt, .md (case-insensitive). */
gboolean csb_ingest_is_report_name(const char *path);

#endif
