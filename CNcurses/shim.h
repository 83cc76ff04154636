#ifndef ISP_WIZARD_CNCURSES_SHIM_H
#define ISP_WIZARD_CNCURSES_SHIM_H

// SwiftPM drops the -D flags pkg-config prints, so the wide-character API is enabled here.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
#include <wchar.h>
#include <ncurses.h>

// Macros and mutable globals that Swift cannot import (or rejects under strict concurrency).
static inline attr_t isp_attr_normal(void) { return A_NORMAL; }
static inline attr_t isp_attr_bold(void) { return A_BOLD; }
static inline attr_t isp_attr_reverse(void) { return A_REVERSE; }
static inline attr_t isp_attr_dim(void) { return A_DIM; }
static inline attr_t isp_attr_underline(void) { return A_UNDERLINE; }
static inline int isp_key_f(int n) { return KEY_F(n); }
static inline WINDOW *isp_stdscr(void) { return stdscr; }
static inline int isp_lines(void) { return LINES; }
static inline int isp_cols(void) { return COLS; }

#endif
