/* file.c - reading a whole file safely: only a regular file is read
 * (a device such as /dev/zero, a FIFO or a socket is refused before a
 * byte is read, so nothing blocks or reads forever), never more than a
 * limit, and, where asked, never through a symbolic link.
 */
#include "base.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

/* "12 MB", "300 KB", "17 bytes": a size a person reads. */
char *csb_size_text(guint64 bytes)
{
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0)
        return g_strdup_printf("%" G_GUINT64_FORMAT " MB", bytes / (1024 * 1024));
    if (bytes >= 1024 * 1024)
        return g_strdup_printf("%.1f MB", (double)bytes / (1024 * 1024));
    if (bytes >= 1024)
        return g_strdup_printf("%" G_GUINT64_FORMAT " KB", (bytes + 512) / 1024);
    return g_strdup_printf("%" G_GUINT64_FORMAT " bytes", bytes);
}

static char *kind_problem(mode_t mode)
{
    const char *what = S_ISDIR(mode)    ? "a folder"
                       : S_ISCHR(mode)  ? "a device"
                       : S_ISBLK(mode)  ? "a device"
                       : S_ISFIFO(mode) ? "a FIFO (named pipe)"
                       : S_ISSOCK(mode) ? "a socket"
                                        : "not a regular file";
    return g_strdup_printf("%s, not a regular file: csbrief reads only ordinary files", what);
}

int csb_file_open_regular(const char *path, gboolean nofollow, struct stat *st, char **err_msg)
{
    /* O_NONBLOCK: opening a FIFO must not wait for a writer. */
    int flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | (nofollow ? O_NOFOLLOW : 0);
    int fd = open(path, flags);
    if (fd < 0) {
        int saved = errno;
        if (nofollow && saved == ELOOP)
            *err_msg = g_strdup("a symbolic link, which csbrief does not follow here");
        else
            *err_msg = g_strdup(g_strerror(saved));
        return -1;
    }
    if (fstat(fd, st) != 0) {
        *err_msg = g_strdup(g_strerror(errno));
        close(fd);
        return -1;
    }
    if (!S_ISREG(st->st_mode)) {
        *err_msg = kind_problem(st->st_mode);
        close(fd);
        return -1;
    }
    /* Reads of a regular file never block; plain reads from here. */
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    return fd;
}

char *csb_file_read_limited(const char *path, gsize max, gboolean nofollow, gsize *len,
                            char **err_msg)
{
    char *msg = NULL;
    struct stat st;
    int fd = csb_file_open_regular(path, nofollow, &st, &msg);
    if (fd < 0) {
        int saved = errno;
        if (err_msg)
            *err_msg = msg;
        else
            g_free(msg);
        errno = saved == EFBIG ? EIO : saved;
        return NULL;
    }
    GString *data = NULL;
    gboolean over = (guint64)st.st_size > max;
    if (over) {
        char *limit = csb_size_text(max), *size = csb_size_text((guint64)st.st_size);
        msg = g_strdup_printf("the file is %s, more than the limit of %s", size, limit);
        g_free(limit);
        g_free(size);
    } else {
        /* The file may grow while it is read: never past the limit. */
        data = g_string_sized_new((gsize)st.st_size + 1);
        char buf[65536];
        for (;;) {
            ssize_t n = read(fd, buf, sizeof buf);
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0) {
                msg = g_strdup(g_strerror(errno));
                break;
            }
            if (n == 0)
                break;
            if (data->len + (gsize)n > max) {
                over = TRUE;
                char *limit = csb_size_text(max);
                msg = g_strdup_printf("the file grew past the limit of %s while it was read",
                                      limit);
                g_free(limit);
                break;
            }
            g_string_append_len(data, buf, n);
        }
    }
    close(fd);
    if (msg) {
        if (data)
            g_string_free(data, TRUE);
        if (err_msg)
            *err_msg = msg;
        else
            g_free(msg);
        /* Past the limit: say so to a caller that tells it from other
         * failures without reading the message. */
        errno = over ? EFBIG : EIO;
        return NULL;
    }
    if (len)
        *len = data->len;
    return g_string_free(data, FALSE);
}

char *csb_file_read(const char *path, gsize *len, char **err_msg)
{
    return csb_file_read_limited(path, CSB_FILE_MAX_BYTES, FALSE, len, err_msg);
}
