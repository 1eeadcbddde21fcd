/*
 * vmblok.c - the list of logged-on users (see vmblok.h). Users are kept
 * in logon order, which is the order QUERY NAMES reports them in.
 */
#include <stdio.h>
#include <string.h>
#include "kern/alloc.h"
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

int vm_count(void)
{
    int n = 0;
    for (struct vmblok *vm = users; vm; vm = vm->next)
        n++;
    return n;
}
