/* atomic.c - writing an output so that, whatever happens (crash, kill,
 * full disk), the destination holds either the old complete file or the
 * new complete one: write a temporary file in the same folder, flush it to
 * disk, rename it over the destination, flush the folder. Temporary files
 * a killed run left behind are recognised by name and removed.
 */
#include "build.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define TEMP_MARK ".tmp-"

static gboolean fsync_path(const char *path, gboolean dir)
{
    int fd = open(path, (dir ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
    if (fd < 0)
        return FALSE;
    gboolean ok = fsync(fd) == 0;
    int saved = errno;
    close(fd);
    errno = saved;
    return ok;
}

/* A new, empty file DIR/.BASE.tmp-PID-RANDOM. Created with O_EXCL and mode
 * 0666 so the kernel applies the umask: no umask() call, which would race
 * with other threads creating files. */
static char *create_temp(const char *dir, const char *base)
{
    for (int attempt = 0; attempt < 100; attempt++) {
        char *path = g_strdup_printf("%s/.%s" TEMP_MARK "%ld-%06x", dir, base, (long)getpid(),
                                     (unsigned)g_random_int_range(0, 0x1000000));
        int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0) {
            close(fd);
            return path;
        }
        int saved = errno;
        g_free(path);
        if (saved != EEXIST) {
            errno = saved;
            return NULL;
        }
    }
    errno = EEXIST;
    return NULL;
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
    char *tmp = create_temp(dir, base);
    g_free(base);
    if (!tmp) {
        csb_diag_error(diag, path, 0, 0, "cannot create a temporary file in %s: %s", dir,
                       g_strerror(errno));
        g_free(dir);
        return FALSE;
    }
    /* A file someone gave other permissions keeps them. */
    struct stat old;
    if (stat(path, &old) == 0 && S_ISREG(old.st_mode))
        chmod(tmp, old.st_mode & 07777);
    gboolean ok = render(tmp, data, diag);
    if (ok && !fsync_path(tmp, FALSE)) {
        csb_diag_error(diag, path, 0, 0, "cannot flush the new file to disk (%s); the last "
                                         "good one was kept",
                       g_strerror(errno));
        ok = FALSE;
    }
    if (ok && rename(tmp, path) != 0) {
        csb_diag_error(diag, path, 0, 0, "cannot move the new file into place (%s); the last "
                                         "good one was kept",
                       g_strerror(errno));
        ok = FALSE;
    }
    if (ok && !fsync_path(dir, TRUE))
        csb_diag_warn(diag, path, 0, 0, "written, but the folder could not be flushed to "
                                        "disk: %s",
                      g_strerror(errno));
    if (!ok)
        unlink(tmp);
    g_free(tmp);
    g_free(dir);
    return ok;
}

typedef struct {
    const char *bytes;
    gsize len;
} Bytes;

static gboolean write_bytes(const char *tmp, gpointer data, CsbDiag *diag)
{
    const Bytes *b = data;
    FILE *f = fopen(tmp, "wb");
    gboolean ok = f && fwrite(b->bytes, 1, b->len, f) == b->len;
    int saved = errno;
    if (f && fclose(f) != 0 && ok) {
        saved = errno;
        ok = FALSE;
    }
    if (!ok)
        csb_diag_error(diag, tmp, 0, 0, "cannot write: %s", g_strerror(saved));
    return ok;
}

gboolean csb_build_atomic_bytes(const char *path, const char *bytes, gsize len, CsbDiag *diag)
{
    Bytes b = {bytes, len};
    return csb_build_atomic(path, write_bytes, &b, diag);
}

/* The pid in ".NAME.tmp-PID-RANDOM", or 0 when name is not one of ours. */
static long temp_owner(const char *name)
{
    if (name[0] != '.')
        return 0;
    const char *mark = g_strrstr(name, TEMP_MARK);
    if (!mark)
        return 0;
    char *end = NULL;
    long pid = strtol(mark + strlen(TEMP_MARK), &end, 10);
    if (pid <= 0 || !end || *end != '-' || strlen(end + 1) != 6)
        return 0;
    return pid;
}

/* From /proc/PID/stat, "PID (COMM) STATE ...": the program's name and its
 * state. FALSE where there is no /proc. */
static gboolean proc_stat(const char *pid, char **comm, char *state)
{
    char *path = g_strdup_printf("/proc/%s/stat", pid);
    char *text = NULL;
    gboolean ok = g_file_get_contents(path, &text, NULL, NULL);
    g_free(path);
    const char *open = ok ? strchr(text, '(') : NULL;
    const char *close = ok ? strrchr(text, ')') : NULL;
    ok = open && close && close > open && close[1] == ' ' && close[2];
    if (ok) {
        *comm = g_strndup(open + 1, (gsize)(close - open - 1));
        *state = close[2];
    }
    g_free(text);
    return ok;
}

/* Whether the process that made a temporary file may still be writing it:
 * it is running (not a zombie a killed run left behind) and, where /proc
 * says, runs the same program as this one (a pid reused by another program
 * does not keep a dead run's file). */
static gboolean writer_alive(long pid)
{
    if (kill((pid_t)pid, 0) != 0 && errno != EPERM)
        return FALSE;
    char *id = g_strdup_printf("%ld", pid);
    char *theirs = NULL, *mine = NULL;
    char state = 0, my_state = 0;
    gboolean alive = TRUE;
    if (proc_stat(id, &theirs, &state) && proc_stat("self", &mine, &my_state))
        alive = state != 'Z' && state != 'X' && strcmp(theirs, mine) == 0;
    g_free(theirs);
    g_free(mine);
    g_free(id);
    return alive;
}

guint csb_build_clean_temps(const char *dir, GPtrArray *removed)
{
    GDir *d = g_dir_open(dir, 0, NULL);
    if (!d)
        return 0;
    guint n = 0;
    const char *name;
    while ((name = g_dir_read_name(d))) {
        long pid = temp_owner(name);
        if (!pid || pid == (long)getpid() || writer_alive(pid))
            continue;
        char *path = g_build_filename(dir, name, NULL);
        if (unlink(path) == 0) {
            n++;
            if (removed)
                g_ptr_array_add(removed, g_strdup(path));
        }
        g_free(path);
    }
    g_dir_close(d);
    return n;
}
