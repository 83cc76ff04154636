#ifndef ISP_WIZARD_CNCURSES_SHIM_H
#define ISP_WIZARD_CNCURSES_SHIM_H

// SwiftPM drops the -D flags pkg-config prints, so the wide-character API is enabled here.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <stddef.h>
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <pty.h>
#include <ncurses.h>
#include <term.h>

// Macros and mutable globals that Swift cannot import (or rejects under strict concurrency).
static inline attr_t isp_attr_normal(void) { return A_NORMAL; }
static inline attr_t isp_attr_bold(void) { return A_BOLD; }
static inline attr_t isp_attr_reverse(void) { return A_REVERSE; }
static inline attr_t isp_attr_dim(void) { return A_DIM; }
static inline attr_t isp_attr_underline(void) { return A_UNDERLINE; }
static inline int isp_key_f(int n) { return KEY_F(n); }
static inline WINDOW *isp_stdscr(void) { return stdscr; }

// ioctl is variadic, which Swift does not import.
static inline int isp_set_window_size(int fd, unsigned short row_count, unsigned short column_count) {
    struct winsize size = { .ws_row = row_count, .ws_col = column_count };
    return ioctl(fd, TIOCSWINSZ, &size);
}

// A pseudo-terminal of a given size, for driving the backend in tests (glibc hides posix_openpt from Swift).
static inline int isp_open_pseudo_terminal(int *master, int *slave, unsigned short row_count,
                                           unsigned short column_count) {
    struct winsize size = { .ws_row = row_count, .ws_col = column_count };
    return openpty(master, slave, NULL, NULL, &size);
}

// tigetstr returns (char *)-1 for a name that is not a string capability.
static inline int isp_has_capability(const char *name) {
    char *value = tigetstr(name);
    return value != NULL && value != (char *)-1;
}

#endif
