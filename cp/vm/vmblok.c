/*
 * vmblok.c - the list of logged-on users (see vmblok.h). Users are kept
 * in logon order, which is the order QUERY NAMES reports them in.
 */
#include <stdio.h>
#include <string.h>
#include "kern/alloc.h"
#include "lib/tod.h"
#include "machine/cpu.h"
#include "vm/vmblok.h"

static struct vmblok *users;

struct vmblok *vm_create(const char *userid)
{
    struct vmblok *vm = kmalloc(sizeof(*vm));
    if (!vm)
        return NULL;
    snprintf(vm->userid, sizeof(vm->userid), "%s", userid);
    vm->msg = vm->wng = vm->imsg = true;
    vm->emsg = EMSG_ON;
    vm->linend = DEFAULT_LINEND;
    vm->linedel = DEFAULT_LINEDEL;
    vm->chardel = DEFAULT_CHARDEL;
    vm->escape = DEFAULT_ESCAPE;
    struct vmblok **pp = &users;
    while (*pp)
        pp = &(*pp)->next;
    *pp = vm;
    return vm;
}

void vm_destroy(struct vmblok *vm)
{
    for (struct vmblok **pp = &users; *pp; pp = &(*pp)->next) {
        if (*pp == vm) {
            *pp = vm->next;
            break;
        }
    }
    kfree(vm);
}

struct vmblok *vm_find(const char *userid)
{
    for (struct vmblok *vm = users; vm; vm = vm->next)
        if (strcmp(vm->userid, userid) == 0)
            return vm;
    return NULL;
}

struct vmblok *vm_first(void) { return users; }

void vm_times_line(const struct vmblok *vm, char *buf, size_t len)
{
    char conn[16], vt[16], tt[16];
    fmt_elapsed_hms(conn, sizeof(conn), stck() - vm->logon_tod);
    fmt_elapsed_mshs(vt, sizeof(vt), vm->vtime);
    fmt_elapsed_mshs(tt, sizeof(tt), vm->ttime);
    snprintf(buf, len, "CONNECT= %s VIRTCPU= %s TOTCPU= %s", conn, vt, tt);
}

int vm_count(void)
{
    int n = 0;
    for (struct vmblok *vm = users; vm; vm = vm->next)
        n++;
    return n;
}
