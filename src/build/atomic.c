/* atomic.c - writing an output so that, whatever happens (crash, kill,
 * full disk), the destination holds either the old complete file or the
 * new complete one: write a temporary file in the same folder, flush it to
 * disk, rename it over the destination, flush the folder.
 */
#include "build.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <string.h>
#include <unistd.h>

static gboolean fsync_path(const char *path, gboolean dir)
{
    int fd = open(path, dir ? O_RDONLY | O_DIRECTORY : O_RDONLY);
    if (fd < 0)
        return FALSE;
    gboolean ok = fsync(fd) == 0;
    close(fd);
    return ok;
}

gboolean csb_build_atomic(const char *path,
                          gboolean (*render)(const char *tmp_path, gpointer data, CsbDiag *diag),
                          gpointer data, CsbDiag *diag)
{
    char *dir = g_path_get_dirname(path);
    if (g_mkdir_with_parents(dir, 0777) != 0) {
        csb_diag_error(diag, path, 0, 0, "cannot create the folder %s: %s", dir,
                       g_strerror(errno));
        g_free(dir);
        return FALSE;
    }
    char *base = g_path_get_basename(path);
    char *tmpl = g_strdup_printf("%s/.%s.tmp-XXXXXX", dir, base);
    g_free(base);
    int fd = g_mkstemp(tmpl);
    if (fd < 0) {
        csb_diag_error(diag, path, 0, 0, "cannot create a temporary file in %s: %s", dir,
                       g_strerror(errno));
        g_free(tmpl);
        g_free(dir);
        return FALSE;
    }
    /* mkstemp makes the file private; a briefing is as readable as any
     * other file the user creates. */
    mode_t mask = umask(0);
    umask(mask);
    if (fchmod(fd, 0666 & ~mask) != 0)
        csb_diag_warn(diag, path, 0, 0, "cannot set the file's permissions: %s",
                      g_strerror(errno));
    close(fd);
    gboolean ok = render(tmpl, data, diag);
    if (ok && !fsync_path(tmpl, FALSE)) {
        csb_diag_error(diag, path, 0, 0, "cannot flush the new file to disk: %s",
                       g_strerror(errno));
        ok = FALSE;
    }
    if (ok && rename(tmpl, path) != 0) {
        csb_diag_error(diag, path, 0, 0, "cannot move the new file into place: %s",
                       g_strerror(errno));
        ok = FALSE;
    }
    if (ok)
        fsync_path(dir, TRUE);
    else
        unlink(tmpl);
    g_free(tmpl);
    g_free(dir);
    return ok;
}
