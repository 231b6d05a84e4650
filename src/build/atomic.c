/* atomic.c - writing an output so that, whatever happens (crash, kill,
 * full disk), the destination holds either the old complete file or the
 * new complete one: write a temporary file in the same folder, flush it to
 * disk, rename it over the destination, flush the folder. Everything is
 * done through the folder's descriptor, and nothing below the output
 * folder is reached through a symbolic link: a link planted there (as the
 * destination, a temporary name or a sub-folder) is never written
 * through. Temporary files a killed run left behind are recognised by
 * name and removed.
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

/* The folder dir, opened (and made where missing). The part of dir that is
 * root, or above it, is the user's choice and may pass through symbolic
 * links; every folder below root (those placeholders make, such as
 * out/{authority}/) is made or opened with O_NOFOLLOW, so a link someone
 * planted inside the output folder is never followed. -1 with *err_msg. */
static int open_dir(const char *root, const char *dir, char **err_msg)
{
    gsize n = root ? strlen(root) : 0;
    gboolean below = root && strncmp(dir, root, n) == 0 && dir[n] == '/';
    const char *top = below ? root : dir;
    if (g_mkdir_with_parents(top, 0777) != 0) {
        *err_msg = g_strdup_printf("cannot create the folder %s: %s", top, g_strerror(errno));
        return -1;
    }
    int fd = open(top, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        *err_msg = g_strdup_printf("cannot open the folder %s: %s", top, g_strerror(errno));
        return -1;
    }
    char **parts = below ? g_strsplit(dir + n + 1, "/", -1) : g_new0(char *, 1);
    GString *at = g_string_new(top);
    for (char **p = parts; fd >= 0 && *p; p++) {
        if (!**p || strcmp(*p, ".") == 0)
            continue;
        g_string_append_printf(at, "/%s", *p);
        if (strcmp(*p, "..") == 0) {
            *err_msg = g_strdup_printf("%s: '..' below the output folder", at->str);
            close(fd);
            fd = -1;
            break;
        }
        if (mkdirat(fd, *p, 0777) != 0 && errno != EEXIST) {
            *err_msg = g_strdup_printf("cannot create the folder %s: %s", at->str,
                                       g_strerror(errno));
            close(fd);
            fd = -1;
            break;
        }
        int next = openat(fd, *p, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        int saved = errno;
        close(fd);
        fd = next;
        if (fd < 0)
            *err_msg = saved == ELOOP || saved == ENOTDIR
                           ? g_strdup_printf("%s is a symbolic link or not a folder: csbrief "
                                             "never writes through a link inside the output "
                                             "folder; remove it",
                                             at->str)
                           : g_strdup_printf("cannot open the folder %s: %s", at->str,
                                             g_strerror(saved));
    }
    g_string_free(at, TRUE);
    g_strfreev(parts);
    return fd;
}

/* A new, empty file .BASE.tmp-PID-RANDOM in the folder dirfd, opened for
 * reading and writing. O_EXCL and O_NOFOLLOW: it is always a new file of
 * ours, never something a name already pointed at. Mode 0666 so the
 * kernel applies the umask: no umask() call, which would race with other
 * threads creating files. */
static int create_temp(int dirfd, const char *base, char **name)
{
    for (int attempt = 0; attempt < 100; attempt++) {
        *name = g_strdup_printf(".%s" TEMP_MARK "%ld-%06x", base, (long)getpid(),
                                (unsigned)g_random_int_range(0, 0x1000000));
        int fd = openat(dirfd, *name, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
        if (fd >= 0)
            return fd;
        int saved = errno;
        g_free(*name);
        *name = NULL;
        if (saved != EEXIST) {
            errno = saved;
            return -1;
        }
    }
    errno = EEXIST;
    return -1;
}

gboolean csb_build_atomic(const char *root, const char *path, CsbWriteFn write, gpointer data,
                          CsbDiag *diag)
{
    char *dir = g_path_get_dirname(path);
    char *base = g_path_get_basename(path);
    char *err = NULL, *tmp = NULL;
    int dirfd = open_dir(root, dir, &err);
    int fd = dirfd < 0 ? -1 : create_temp(dirfd, base, &tmp);
    if (dirfd < 0) {
        csb_diag_error(diag, path, 0, 0, "%s", err);
    } else if (fd < 0) {
        csb_diag_error(diag, path, 0, 0, "cannot create a temporary file in %s: %s", dir,
                       g_strerror(errno));
    }
    gboolean ok = fd >= 0;
    if (ok) {
        /* A file someone gave other permissions keeps them. */
        struct stat old;
        if (fstatat(dirfd, base, &old, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(old.st_mode) &&
            fchmod(fd, old.st_mode & 07777) != 0) {
            /* The umask's permissions then. */
        }
        ok = write(fd, tmp, data, diag);
    }
    if (ok && fsync(fd) != 0) {
        csb_diag_error(diag, path, 0, 0, "cannot flush the new file to disk (%s); the last "
                                         "good one was kept",
                       g_strerror(errno));
        ok = FALSE;
    }
    if (fd >= 0 && close(fd) != 0 && ok) {
        csb_diag_error(diag, path, 0, 0, "cannot write the new file (%s); the last good one "
                                         "was kept",
                       g_strerror(errno));
        ok = FALSE;
    }
    if (ok && renameat(dirfd, tmp, dirfd, base) != 0) {
        csb_diag_error(diag, path, 0, 0, "cannot move the new file into place (%s); the last "
                                         "good one was kept",
                       g_strerror(errno));
        ok = FALSE;
    }
    if (ok && fsync(dirfd) != 0)
        csb_diag_warn(diag, path, 0, 0, "written, but the folder could not be flushed to "
                                        "disk: %s",
                      g_strerror(errno));
    if (!ok && tmp)
        unlinkat(dirfd, tmp, 0);
    if (dirfd >= 0)
        close(dirfd);
    g_free(tmp);
    g_free(err);
    g_free(base);
    g_free(dir);
    return ok;
}

gboolean csb_build_write_all(int fd, const char *bytes, gsize len, const char *name,
                             CsbDiag *diag)
{
    while (len > 0) {
        ssize_t n = write(fd, bytes, MIN(len, (gsize)G_MAXSSIZE));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            int saved = n < 0 ? errno : ENOSPC;
            csb_diag_error(diag, name, 0, 0, "cannot write: %s%s; the last good file was kept",
                           g_strerror(saved),
                           saved == ENOSPC || saved == EDQUOT || saved == EFBIG
                               ? " (the disk or the quota is full)"
                               : "");
            return FALSE;
        }
        bytes += n;
        len -= (gsize)n;
    }
    return TRUE;
}

typedef struct {
    const char *bytes;
    gsize len;
} Bytes;

static gboolean write_bytes(int fd, const char *tmp, gpointer data, CsbDiag *diag)
{
    const Bytes *b = data;
    return csb_build_write_all(fd, b->bytes, b->len, tmp, diag);
}

gboolean csb_build_atomic_bytes(const char *root, const char *path, const char *bytes,
                                gsize len, CsbDiag *diag)
{
    Bytes b = {bytes, len};
    return csb_build_atomic(root, path, write_bytes, &b, diag);
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
