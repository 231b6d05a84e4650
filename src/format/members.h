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

#endif
