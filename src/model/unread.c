/* unread.c - why a report could not be read: the reasons' stable ids and
 * the reason an error's code gives.
 */
#include "model.h"

#include <string.h>

/* The reasons' stable ids, in CsbUnreadReason order. */
static const char *const ids[CSB_UNREAD_COUNT] = {
    [CSB_UNREAD_UNKNOWN] = "unknown",
    [CSB_UNREAD_HTML_PAGE] = "html-page",
    [CSB_UNREAD_EMPTY] = "empty",
    [CSB_UNREAD_NO_TEXT] = "no-text",
    [CSB_UNREAD_NO_TEXT_LAYER] = "no-text-layer",
    [CSB_UNREAD_DAMAGED] = "damaged",
    [CSB_UNREAD_TRUNCATED] = "truncated",
    [CSB_UNREAD_NOT_PDF] = "not-pdf",
    [CSB_UNREAD_BINARY] = "binary",
    [CSB_UNREAD_ENCRYPTED] = "encrypted",
    [CSB_UNREAD_NOT_INSPECTION] = "not-inspection",
    [CSB_UNREAD_TOO_LARGE] = "too-large",
    [CSB_UNREAD_TOO_SLOW] = "too-slow",
    [CSB_UNREAD_CANNOT_OPEN] = "cannot-open",
};

const char *csb_unread_reason_id(CsbUnreadReason r)
{
    return (guint)r < CSB_UNREAD_COUNT ? ids[r] : ids[CSB_UNREAD_UNKNOWN];
}

CsbUnreadReason csb_unread_reason_from_id(const char *id)
{
    for (guint i = 0; id && i < CSB_UNREAD_COUNT; i++)
        if (strcmp(id, ids[i]) == 0)
            return (CsbUnreadReason)i;
    return CSB_UNREAD_UNKNOWN;
}

CsbUnreadReason csb_unread_reason_of(const CsbError *e)
{
    return e && e->code > 0 && e->code < CSB_UNREAD_COUNT ? (CsbUnreadReason)e->code
                                                            : CSB_UNREAD_UNKNOWN;
}
