/* pack.h - the sections of the pre-inspection briefing pack, one function
 * each, spread over pack.c (cover, contents, summary, timeline),
 * pack_grades.c (grades and changes, areas for improvement), pack_themes.c
 * (one section per theme) and pack_peers.c (peers, what it is based on,
 * sources). pack.c maps the template's section ids to them. Internal to
 * the format stage.
 */
#ifndef CSB_PACK_H
#define CSB_PACK_H

#include "format.h"

/* The heading of the section listing every report's areas for improvement
 * (csb_pack_improvement), which the summary points to. */
#define CSB_PACK_TRACKER_TITLE "Areas for improvement tracker"

void csb_pack_grades(CsbFormatter *fm);
void csb_pack_improvement(CsbFormatter *fm);
void csb_pack_themes(CsbFormatter *fm);
void csb_pack_peers(CsbFormatter *fm);
void csb_pack_basis(CsbFormatter *fm);
void csb_pack_sources(CsbFormatter *fm);

/* "1 to 12 December 2025", "28 November to 2 December 2025", or the one
 * date known, or "dates not stated". */
char *csb_pack_date_range(CsbDate start, CsbDate end);
/* When an inspection was held: csb_pack_date_range of its span, or of each
 * part when it was held in two ("30 September to 11 October 2024 and 13 to
 * 16 January 2025"; the year written once when both parts are in it). */
char *csb_pack_inspection_dates(const CsbInspection *in);
/* A cell naming a report, linked to its source when the address is known. */
CsbTableCell *csb_pack_report_cell(CsbFormatter *fm, GPtrArray *row, const CsbInspection *in,
                                   const char *text);
/* Themes of a story, most concerns at its latest inspection first, then
 * most in its older reports (then as the config listed them). */
GPtrArray *csb_pack_themes_by_concern(const CsbStory *s);
/* "latest inspection (ILACS, March 2026): 2 concerns, 1 mixed, 5
 * strengths; earlier: 13 concerns ... in 4 reports, 2014 to 2019",
 * appended to r (the latest inspection named when name_latest). */
void csb_pack_add_theme_counts(CsbFormatter *fm, CsbRich *r, const CsbThemeStory *t,
                               gboolean name_latest);
/* A span of time in a reader's words: "about 3 years", "about a year",
 * "about 8 months" (a new string). */
char *csb_pack_about_years(double years);
/* The changes of an area's history in words, appended to r, each sentence
 * after a space: a run of inspections that kept one grade as one sentence
 * ("Stayed Inadequate for about 10 years, at 3 inspections (March 2015 to
 * January 2025)."), each move as one ("Declined from Requires improvement
 * to Inadequate between March 2015 and January 2020."). */
void csb_pack_add_movements(CsbRich *r, const CsbAreaHistory *h);

#endif
