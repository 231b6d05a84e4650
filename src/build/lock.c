/* lock.c - one run at a time per output folder: DIR/.csbrief-lock, held
 * with flock(2) for the whole run. The kernel drops the lock when its
 * process ends however it ends, so a lock left by a killed run is simply
 * free again; the file's text (pid, host, start time, command) says who
 * holds it, and when it is not empty on taking, that a run died holding it.
 * The file itself is never removed: removing a flock'ed file would let two
 * runs hold locks on two different files of the same name. It is never
 * opened through a symbolic link, and must be a plain file with one name.
 */
#include "build.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

struct CsbLock {
    int fd;
    char *path;
};

static char *read_all(int fd)
{
    GString *s = g_string_new(NULL);
    char buf[512];
    ssize_t n;
    off_t at = 0;
    while ((n = pread(fd, buf, sizeof buf, at)) > 0 && s->len < 4096) {
        g_string_append_len(s, buf, n);
        at += n;
    }
    return g_string_free(s, FALSE);
}

/* "pid 123 on host, started 2026-01-31T02:00:01+00:00 (csbrief build x.yaml)" */
static char *describe(const char *text)
{
    if (!text || !*text)
        return NULL;
    GString *out = g_string_new(NULL);
    char **lines = g_strsplit(text, "\n", -1);
    const char *pid = NULL, *host = NULL, *started = NULL, *command = NULL;
    for (char **l = lines; *l; l++) {
        if (g_str_has_prefix(*l, "pid "))
            pid = *l + 4;
        else if (g_str_has_prefix(*l, "host "))
            host = *l + 5;
        else if (g_str_has_prefix(*l, "started "))
            started = *l + 8;
        else if (g_str_has_prefix(*l, "command "))
            command = *l + 8;
    }
    g_string_append_printf(out, "pid %s on %s", pid ? pid : "?", host ? host : "?");
    if (started)
        g_string_append_printf(out, ", started %s", started);
    if (command)
        g_string_append_printf(out, " (%s)", command);
    g_strfreev(lines);
    return g_string_free(out, FALSE);
}

/* Open (or make) the lock file: never through a symbolic link, and only
 * a plain file with one name. Anyone who can write the output folder
 * could otherwise point .csbrief-lock at a file elsewhere (a link, or a
 * hard link on the same file system) and have the nightly run empty it.
 * O_NONBLOCK: a FIFO planted there must not hang the run. -1 with *detail. */
static int open_lock(const char *path, char **detail)
{
    int fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0666);
    if (fd < 0) {
        int saved = errno;
        *detail = saved == ELOOP
                      ? g_strdup_printf("the lock file %s is a symbolic link: csbrief never "
                                        "writes through one; remove it",
                                        path)
                      : g_strdup_printf("cannot open the lock file %s: %s", path,
                                        g_strerror(saved));
        return -1;
    }
    struct stat st;
    memset(&st, 0, sizeof st);
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_nlink != 1) {
        *detail = g_strdup_printf("the lock file %s is not a plain file of its own (%s): "
                                  "csbrief will not write to it; remove it",
                                  path,
                                  !S_ISREG(st.st_mode) ? "a device, FIFO or socket"
                                                       : "it has another name too (a hard "
                                                         "link)");
        close(fd);
        return -1;
    }
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    return fd;
}

CsbLockResult csb_lock_take(const char *dir, CsbLock **lock, char **detail)
{
    *lock = NULL;
    *detail = NULL;
    if (g_mkdir_with_parents(dir, 0777) != 0) {
        *detail = g_strdup_printf("cannot create the folder %s: %s", dir, g_strerror(errno));
        return CSB_LOCK_ERROR;
    }
    char *path = g_build_filename(dir, CSB_LOCK_NAME, NULL);
    int fd = open_lock(path, detail);
    if (fd < 0) {
        g_free(path);
        return CSB_LOCK_ERROR;
    }
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        int saved = errno;
        if (saved == EWOULDBLOCK) {
            char *text = read_all(fd);
            *detail = describe(text);
            if (!*detail)
                *detail = g_strdup("another csbrief run that is just starting");
            g_free(text);
        } else {
            *detail = g_strdup_printf("cannot lock %s: %s", path, g_strerror(saved));
        }
        close(fd);
        g_free(path);
        return saved == EWOULDBLOCK ? CSB_LOCK_HELD : CSB_LOCK_ERROR;
    }
    /* Ours. Text left in it means the run that wrote it ended without
     * releasing: it was killed or crashed. */
    char *left = read_all(fd);
    *detail = describe(left);
    g_free(left);
    *lock = g_new0(CsbLock, 1);
    (*lock)->fd = fd;
    (*lock)->path = path;
    return CSB_LOCK_TAKEN;
}

void csb_lock_describe(CsbLock *lock, const char *command)
{
    GDateTime *now = g_date_time_new_now_local();
    char *when = g_date_time_format(now, "%Y-%m-%dT%H:%M:%S%:z");
    char *text = g_strdup_printf("pid %ld\nhost %s\nstarted %s\ncommand %s\n", (long)getpid(),
                                 g_get_host_name(), when, command ? command : "csbrief build");
    if (ftruncate(lock->fd, 0) == 0 && pwrite(lock->fd, text, strlen(text), 0) < 0) {
        /* Only the description is lost; the lock itself holds. */
    }
    g_free(text);
    g_free(when);
    g_date_time_unref(now);
}

void csb_lock_release(CsbLock *lock)
{
    if (!lock)
        return;
    /* Empty means "released cleanly"; then unlock by closing. */
    if (ftruncate(lock->fd, 0) != 0) {
        /* A description stays behind; the next run calls it stale. */
    }
    close(lock->fd);
    g_free(lock->path);
    g_free(lock);
}
