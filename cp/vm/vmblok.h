/*
 * vmblok.h - a logged-on user (≈ VMBLOK, built by DMKBLD at LOGON).
 *
 * This release gives a user a session: identity, privilege classes, the
 * terminal (or none, when disconnected), the SET and TERMINAL options and
 * the accounting times. The virtual machine itself (registers, storage,
 * devices) joins this block with the virtual S/370.
 */
#ifndef CP_VM_VMBLOK_H
#define CP_VM_VMBLOK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct term;

/* Privilege classes: bit per class, as the directory stores them */
#define CLASS_A 0x80
#define CLASS_B 0x40
#define CLASS_C 0x20
#define CLASS_D 0x10
#define CLASS_E 0x08
#define CLASS_F 0x04
#define CLASS_G 0x02
#define CLASS_H 0x01

enum emsg_mode { EMSG_ON, EMSG_TEXT, EMSG_CODE, EMSG_OFF };

struct vmblok {
    struct vmblok *next;
    char userid[9];
    uint8_t classes;
    int dir_index;     /* the user's directory entry */
    struct term *term; /* NULL while disconnected */
    uint64_t logon_tod;
    uint64_t vtime; /* virtual CPU time used (TOD units) */
    uint64_t ttime; /* total: virtual plus CP's time on its behalf */
    /* SET options */
    bool msg, wng, imsg, run;
    enum emsg_mode emsg;
    /* TERMINAL options: the line-editing characters, 0 when off */
    char linend, linedel, chardel, escape;
};

/* "CONNECT= hh:mm:ss VIRTCPU= mmm:ss.hs TOTCPU= mmm:ss.hs" (LOGOFF, QUERY TIME) */
void vm_times_line(const struct vmblok *vm, char *buf, size_t len);

/* Create a user's block and put it on the list (NULL: no storage). */
struct vmblok *vm_create(const char *userid);
void vm_destroy(struct vmblok *vm);
struct vmblok *vm_find(const char *userid);
struct vmblok *vm_first(void);
int vm_count(void);

/* The default line-editing characters (VM/370: # ¢ @ "). */
#define DEFAULT_LINEND  '#'
#define DEFAULT_LINEDEL '\xA2' /* the cent sign, EBCDIC X'4A' */
#define DEFAULT_CHARDEL '@'
#define DEFAULT_ESCAPE  '"'

#endif
