/* pdf.h - internals of the PDF device, shared by its files:
 *   pdf.c        the Cairo PDF surface: every box drawn, links, outline
 *   tags.c       marking what is drawn with the structure element it belongs to
 *   marked.c     a page's content stream re-marked (artifacts, sequences)
 *   structure.c  the structure tree written into the PDF
 *   edit.c       Cairo's file with objects replaced and added, written again
 *   finish.c     the file finished (read with libqpdf, edited), and its check
 * Not part of the writers' interface (render.h).
 */
#ifndef CSB_PDF_H
#define CSB_PDF_H

#include "render.h"
#include "../layout/layout.h"

#include <qpdf/qpdf-c.h>

/* How a briefing's structure was drawn (tags.c), for the finishing to
 * build the PDF's structure tree from. Cairo 1.16 marks content only in a
 * leaf of its structure tree, and makes a new element of every tag: so the
 * device wraps each run of boxes of one element in a tag of its own under
 * the Document (MCIDs count from 0 on each page, in drawing order), and
 * this plan says which element of the layout's structure each one, and
 * each link annotation, belongs to. */
typedef struct {
    const GPtrArray *structure; /* CsbStructNode*: the layout's, borrowed */
    const GPtrArray *outline;   /* CsbOutlineEntry*: the layout's, borrowed */
    double page_h;              /* points, for figures' boxes */
    GPtrArray *mcids;           /* per page, GArray of int: the element of each
                                   MCID, or CSB_ARTIFACT */
    GPtrArray *links;           /* per page, GArray of int: the element of each
                                   link annotation, in the order drawn */
    GPtrArray *link_words;      /* per page, GPtrArray of char*: what each link
                                   annotation leads to, for a reader */
} CsbTagPlan;

CsbTagPlan *csb_tag_plan_new(const CsbLayout *layout);
void csb_tag_plan_free(CsbTagPlan *p);

/* ---- finishing (finish.c) --------------------------------------------- */

/* Cairo's PDF with what Cairo 1.16 cannot write, edited in its bytes
 * (edit.c: every object Cairo wrote that is kept, kept as it is): the
 * structure tree built from tags (structure.c), with artifacts,
 * alternative text of figures and the scope of header cells; the document
 * language (en-GB), /MarkInfo, DisplayDocTitle, and XMP metadata with the
 * PDF/UA identifier (from meta); a sound cross-reference table and a
 * deterministic /ID (a hash of the bytes). NULL with an error in diag. */
GBytes *csb_render_finish(const guchar *pdf, gsize len, const CsbTagPlan *tags,
                          const CsbPdfMeta *meta, const char *name, CsbDiag *diag);

/* Cairo's PDF edited (edit.c): objects replaced or added, each number
 * written at most once, as "NUM 0 obj" with what the caller appends; then
 * the file again with what its catalog and Info still reach. */
typedef struct CsbPdfEdit CsbPdfEdit;

/* NULL when pdf has no classic cross-reference table where its startxref
 * says (Cairo always writes one). pdf is borrowed until the edit is freed. */
CsbPdfEdit *csb_pdf_edit_new(const guchar *pdf, gsize len);
void csb_pdf_edit_free(CsbPdfEdit *e);
/* A number no object of the original or of the edit has. */
int csb_pdf_edit_number(CsbPdfEdit *e);
/* Object num begins: append its value to the string returned, then end it. */
GString *csb_pdf_edit_begin(CsbPdfEdit *e, int num);
void csb_pdf_edit_end(CsbPdfEdit *e, int num);
/* Object num, a stream of data whose dictionary has /Length and keys. */
void csb_pdf_edit_stream(CsbPdfEdit *e, int num, const char *keys, const void *data,
                         gsize len);
/* The edited file: the objects root (the catalog) and info (the Info
 * dictionary, 0 for none) reach, a cross-reference table, and a trailer
 * with /ID. */
GBytes *csb_pdf_edit_finish(CsbPdfEdit *e, int root, int info);
/* utf8 as a PDF text string (UTF-16BE with its byte order mark, in hex:
 * nothing to escape). */
void csb_pdf_text_string(GString *out, const char *utf8);
/* data deflated (FlateDecode) at zlib's fastest level: what csbrief writes
 * is written again on every build, so speed beats the last few bytes. */
GString *csb_pdf_deflate(const char *data, gsize len);
/* name as a PDF name: the slash, and #xx for what is not regular. */
void csb_pdf_name(GString *out, const char *name);

/* ---- internals of the renderer ------------------------------------------ */

/* Marking what the device draws (tags.c). */
typedef struct {
    cairo_t *cr;
    CsbTagPlan *plan;
    GArray *mcids, *links;  /* the current page's, in plan */
    GPtrArray *link_words;  /* the current page's, in plan */
    int open;               /* the element of the open sequence, or CSB_TAGS_NONE */
} CsbTagger;

#define CSB_TAGS_NONE (-2)

void csb_tags_start(CsbTagger *t, cairo_t *cr, CsbTagPlan *plan);
void csb_tags_page(CsbTagger *t);
/* What is drawn next belongs to node (CSB_ARTIFACT: decoration). */
void csb_tags_content(CsbTagger *t, int node);
/* Close the open sequence (before a page ends, a link or a destination). */
void csb_tags_close(CsbTagger *t);
/* A link annotation of node over the box, to target ("uri:..." or "dest:NAME"). */
void csb_tags_link(CsbTagger *t, int node, const CsbBox *b);
void csb_tags_finish(CsbTagger *t);
/* A value for a Cairo tag attribute: quotes and backslashes escaped. */
char *csb_render_tag_string(const char *s);
/* One marked-content sequence an element keeps on a page (marked.c). */
typedef struct {
    int mcid;
    int node;
} CsbMarked;

typedef struct {
    const GPtrArray *structure; /* CsbStructNode* */
    const GArray *plan;         /* the page's: the element of each MCID drawn */
    int page;                   /* 0-based, for messages */
    int *next_mcid;             /* the next MCID free on the page (in, out) */
    guint *seen;                /* per MCID of plan: how many times it begins */
} CsbRemarkPage;

/* A page's content stream (data) into out with its artifacts marked and
 * no marked content nested in an element's sequence; each sequence an
 * element keeps appended to seqs (CsbMarked) in order. FALSE with a
 * message in problem when the stream does not match the plan. */
gboolean csb_render_remark(const char *data, gsize len, const CsbRemarkPage *page,
                           GArray *seqs, GString *out, GString *problem);
/* The end of the PDF token at p (marked.c): a string, hex string, name,
 * comment, "<<" or ">>" whole. */
const char *csb_pdf_token_end(const char *p, const char *end);
/* The structure tree of plan for the PDF q has read (structure.c), written
 * into edit: its elements, parent tree, the pages and link annotations that
 * refer to them, the content streams with their artifacts marked; *root
 * the number of its StructTreeRoot. FALSE with a message in problem when
 * what Cairo wrote does not match the plan. */
gboolean csb_render_structure(qpdf_data q, CsbPdfEdit *edit, const CsbTagPlan *plan, int *root,
                              GString *problem);

#endif
