/*
 * init.c - CMS initialisation (the job of R6's DMSINI and DMSINS): the
 * new PSWs, the console, the banner, free storage, the S-disk, and then
 * the command loop (dmsint.c).
 *
 * IPL PARM SAVESYS name saves the system at the point where nothing
 * depends yet on the machine's storage size or devices: everything after
 * that runs again in each machine that IPLs the saved system.
 */
#include <stdio.h>
#include <string.h>
#include "cms/nucleus/cms.h"
#include "cms/nucleus/lowcore.h"
#include "console/ebcdic.h"
#include "diagnose/diagcall.h"
#include "lib/bytes.h"

struct nucon nucon;

extern char _nuc_end[];

static void new_psw(uint32_t at, void (*handler)(void))
{
    uint8_t *p = (uint8_t *)(uintptr_t)at;
    put_be32(p, 0x00000000); /* BC, disabled, key 0, supervisor state */
    put_be32(p + 4, (uint32_t)(uintptr_t)handler & 0xFFFFFF);
}

/* The IPL PARM text (EBCDIC, in the registers the bootstrap kept at
 * X'300'), in ASCII, trailing blanks removed. */
static void ipl_parm(char *out)
{
    e2a_field(out, (const void *)(uintptr_t)0x300, 64);
}

/* Storage keys (docs/cms.md, "Storage"): segment 0 (low storage, the
 * nucleus's data and stacks) keeps key 0; the user area and free storage
 * get the user key E, which programs run with (start.S), so that a
 * program's wild store there is a protection exception (DMSABN148T 0C4)
 * instead of a broken CMS. The nucleus's code is protected by its
 * segments in a saved system; after IPL 190 it is key 0 too. Keys are
 * per 2K block. */
static void storage_keys(void)
{
    for (uint32_t a = 0; a < nucon.storage; a += 2048) {
        if (a >= CMS_NUC_ENTRY && a < CMS_TRANS_AREA)
            continue; /* the shared segments of a saved system: not ours to key */
        unsigned key = a < CMS_TRANS_AREA ? 0 : CMS_USER_KEY;
        __asm__ volatile(".insn rr,0x0800,%0,%1" /* SSK */ : : "d"(key), "a"(a) : "memory");
    }
}

static void savesys(const char *parm)
{
    /* PARM SAVESYS name */
    char cmd[80];
    const char *p = parm;
    while (*p == ' ')
        p++;
    if (strncmp(p, "SAVESYS ", 8) != 0)
        return;
    p += 8;
    while (*p == ' ')
        p++;
    snprintf(cmd, sizeof(cmd), "SAVESYS %.8s", p);
    uint8_t e[80];
    size_t n = strlen(cmd);
    a2e(e, cmd, n);
    /* CP saves the machine and stops it; an IPL of the name (or BEGIN)
     * goes on here */
    (void)diag_cp_command_show(e, (unsigned)n);
}

_Noreturn void cms_main(unsigned ipldev)
{
    char parm[65];
    ipl_parm(parm);
    memset((void *)(uintptr_t)0x300, 0, 64);
    new_psw(LC_IONEW, cms_io_entry);
    new_psw(LC_PGMNEW, cms_pgm_entry);
    new_psw(LC_SVCNEW, cms_svc_entry);
    new_psw(LC_EXTNEW, cms_ext_entry);
    nucon.ipldev = (uint16_t)ipldev;
    nucon.impcp = nucon.impex = true;
    savesys(parm);

    /* from here on, again in every machine that IPLs a saved CMS */
    con_init();
    nucon.storage = diag_storage_size();
    storage_keys();
    free_init(CMS_USER_AREA, nucon.storage);
    uint8_t ident[40];
    diag_ident(ident, sizeof(ident));
    con_type("CMS VERSION 6.0 - " CMS_GENDATE);
    cms_loop();
}
