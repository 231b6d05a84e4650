/* members.h - the members' summary's sections, spread over members.c
 * (masthead, latest inspection, grades, children in care, basis, words
 * used) and members_questions.c (questions members may wish to ask), and
 * what both use. Internal to the format stage.
 */
#ifndef CSB_MEMBERS_H
#define CSB_MEMBERS_H

#include "format.h"

void csb_members_questions(CsbFormatter *fm);

/* A finding's words without the national framework's tag ("(Outcome
 * three)", "Enabler three: National Framework."). A new string. */
char *csb_members_finding_words(const char *text);

/* How much a paragraph's reading says of the tone wanted, to rank the
 * paragraphs quoted on children in care: the weight its sentences give
 * that side (a negated, conceded or merely supposed cue gives little or
 * none), and, for a strength, less three times any concern weighed in it. */
double csb_members_care_weight(const CsbToneResult *rd, CsbTone want);

/* How many paragraphs of the inspection's sections on children in care
 * and care leavers are concerns or mixed: what the summary quotes under
 * "what must improve" when the report lists no area for improvement. */
int csb_members_care_points(CsbFormatter *fm, const CsbInspection *in);

/* "no", "one" ... "ten", else "many". Static. */
const char *csb_members_number_word(int n);

/* Is an area for improvement about children in care or care leavers (by
 * the template's care words and themes): the care section quotes those
 * of the latest inspection. */
gboolean csb_members_afi_about_care(const CsbFormatter *fm, const CsbAfiTrack *a);

/* An area for improvement named briefly in a list: its phrase (as asked
 * about: without the framework's tag and last full stop, lower case
 * first), when long cut at a clause (", ", "; ") or word within 90
 * characters, an ellipsis marking the rest. A new string. */
char *csb_members_finding_brief(const char *text);

#endif
