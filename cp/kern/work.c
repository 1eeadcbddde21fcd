/*
 * work.c - the deferred-work queue (see work.h), first in first out.
 */
#include <stddef.h>
#include "kern/work.h"

static struct work *head, *tail;

void work_init(struct work *w, void (*fn)(struct work *), void *arg)
{
    w->next = NULL;
    w->fn = fn;
    w->arg = arg;
    w->queued = false;
}

void work_queue(struct work *w)
{
    if (w->queued)
        return;
    w->queued = true;
    w->next = NULL;
    if (tail)
        tail->next = w;
    else
        head = w;
    tail = w;
}

void work_cancel(struct work *w)
{
    if (!w->queued)
        return;
    struct work *prev = NULL;
    for (struct work *p = head; p; prev = p, p = p->next) {
        if (p == w) {
            if (prev)
                prev->next = p->next;
            else
                head = p->next;
            if (tail == p)
                tail = prev;
            break;
        }
    }
    w->queued = false;
    w->next = NULL;
}

int work_run(void)
{
    int n = 0;
    while (head) {
        struct work *w = head;
        head = w->next;
        if (!head)
            tail = NULL;
        w->next = NULL;
        w->queued = false;
        w->fn(w);
        n++;
    }
    return n;
}

bool work_pending(void) { return head != NULL; }
