/* reference.c - the reference data a report is read against: the
 * authority table and the inspection frameworks, loaded together because
 * every parse needs both and a parsed record depends on both.
 */
#include "model.h"

CsbReference *csb_reference_load(const char *datadir, CsbDiag *diag)
{
    char *authorities = g_build_filename(datadir, "data", "authorities.csv", NULL);
    char *frameworks = g_build_filename(datadir, "data", "frameworks.yaml", NULL);
    CsbReference *ref = csb_reference_load_files(authorities, frameworks, diag);
    g_free(authorities);
    g_free(frameworks);
    return ref;
}

CsbReference *csb_reference_load_files(const char *authorities_path,
                                       const char *frameworks_path, CsbDiag *diag)
{
    CsbReference *ref = g_new0(CsbReference, 1);
    ref->authorities = csb_authorities_load(authorities_path, diag);
    ref->frameworks = csb_frameworks_load(frameworks_path, diag);
    if (!ref->authorities || !ref->frameworks) {
        csb_reference_free(ref);
        return NULL;
    }
    ref->checksum = g_strdup_printf("%.16s-%.16s", csb_authorities_checksum(ref->authorities),
                                    csb_frameworks_checksum(ref->frameworks));
    return ref;
}

void csb_reference_free(CsbReference *ref)
{
    if (!ref)
        return;
    csb_authorities_free(ref->authorities);
    csb_frameworks_free(ref->frameworks);
    g_free(ref->checksum);
    g_free(ref);
}
