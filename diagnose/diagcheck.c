/*
 * diagcheck.c - a compile check of diagcall.h: every wrapper called once,
 * built by `make` for the virtual machine (-m31) and never run. The
 * conformance programs (conformance/) test CP's side.
 */
#include "diagnose/diagcall.h"

void diagcheck(void);

static uint8_t area[4096] __attribute__((aligned(4096)));

void diagcheck(void)
{
    static const char cmd[] = "\xD8\xE4\xC5\xD9\xE8\x40\xE3\xC9\xD4\xC5"; /* QUERY TIME */
    uint32_t list[2] = {0, 4}, res[2], v, r, x;
    unsigned rc, count, reason, r15, sense, len = 20;
    const char *msg = (const char *)area;
    diag_ident(area, DIAG00_SIZE);
    diag_examine(list, 2, res);
    (void)diag_cp_command_count(cmd, sizeof(cmd) - 1, area, sizeof(area), &rc, &count);
    (void)diag_cp_command(cmd, sizeof(cmd) - 1, area, sizeof(area), &rc);
    (void)diag_cp_command_show(cmd, sizeof(cmd) - 1);
    diag_timer(area);
    diag_release(0x10000, 0x1F000);
    (void)diag_spool_reader(0x00C, DIAG14_READ, diag_addr(area), &reason);
    (void)diag_dasd_io(0x191, area, 1, &r15);
    diag_clear_errrec(DIAG1C_KEEPFRAMES);
    (void)diag_general_io(0x181, area, 0, &r15, &sense);
    (void)diag_devtype(0x009, &v, &r);
    (void)diag_devtype_console(&x, &v, &r);
    (void)diag_directory_update(area);
    diag_pa2(1);
    (void)diag_display(area, 0x009);
    (void)diag_display_read(area, 0x009, &count);
    diag_edit_emsg(&msg, &len);
    (void)diag_storage_size();
    (void)diag_segment(area, DIAG64_FIND, &x, &v);
    (void)diag_terminal(area, DIAG8C_SIZE);
    (void)diag_block_io(area, BIO_FN_INIT, &rc);
}
