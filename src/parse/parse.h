/* parse.h - turning a CsbDocument into a CsbInspection.
 *
 * Owns: recognising the kind of report, reading its header (authority,
 * dates, lead inspector), its judgements (by cell position, never guessed),
 * its areas for improvement / recommendations / priority actions, and its
 * numbered paragraphs with their section headings and pages.
 *
 * Pipeline inside the stage: lines -> blocks (paragraph-sized runs of text,
 * furniture dropped) -> header, judgements, findings, paragraphs.
 */
#ifndef CSB_PARSE_H
#define CSB_PARSE_H

#include "../ingest/ingest.h"
#include "../model/model.h"

/* Parse a document. Never fails on content: what cannot be read is left
 * empty and reported as a warning in diag naming where. Returns NULL only
 * when the document is not a report at all (an error is added then). */
CsbInspection *csb_parse_document(const CsbDocument *doc, const CsbAuthorities *authorities,
                                  CsbDiag *diag);

/* Ingest and parse one file. NULL (with one error in diag) when the file
 * cannot be read as a report. */
CsbInspection *csb_parse_file(const char *path, const CsbAuthorities *authorities,
                              CsbDiag *diag);

/* ---- stage internals (shared by the files of src/parse) -------------- */

typedef enum {
    CSB_BLOCK_TEXT,    /* a paragraph of prose */
    CSB_BLOCK_HEADING, /* a heading line */
    CSB_BLOCK_BULLET,  /* a list item, marker removed */
    CSB_BLOCK_ROW,     /* a line of two or more cells (a table row) */
} CsbBlockType;

typedef struct {
    CsbBlockType type;
    char *text;       /* whitespace squashed */
    int number;       /* "12. ..." paragraphs: 12 and text without it */
    int page;
    guint first_line; /* index into doc->lines */
    guint last_line;
} CsbBlock;

GPtrArray *csb_parse_blocks(const CsbDocument *doc); /* CsbBlock*, owned */

CsbKind csb_parse_kind(const GPtrArray *blocks);
void csb_parse_header(CsbInspection *in, const CsbDocument *doc, const GPtrArray *blocks,
                      const CsbAuthorities *authorities, CsbDiag *diag);
void csb_parse_judgements(CsbInspection *in, const CsbDocument *doc, const GPtrArray *blocks,
                          CsbDiag *diag);
void csb_parse_findings(CsbInspection *in, const GPtrArray *blocks);
void csb_parse_paragraphs(CsbInspection *in, const GPtrArray *blocks);

/* Dates written in reports: "1 to 12 December 2025", "21 May - 01 June
 * 2012", "6 July 2015 – 30 July 2015", "4 and 5 July 2023", "7th to 9th
 * November 2023". Returns TRUE when a range (or single date) was read. */
gboolean csb_parse_date_range(const char *text, CsbDate *start, CsbDate *end);

#endif
