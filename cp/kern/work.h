/*
 * work.h - deferred work: things an interruption handler wants done once
 * the interruption has been dealt with (process an input line, restart a
 * device queue). The dispatcher runs the queue before it waits again.
 */
#ifndef CP_KERN_WORK_H
#define CP_KERN_WORK_H

#include <stdbool.h>

struct work {
    struct work *next;
    void (*fn)(struct work *w);
    void *arg;
    bool queued;
};

void work_init(struct work *w, void (*fn)(struct work *), void *arg);
/* Queue w unless it is queued already (so a burst of events runs it once). */
void work_queue(struct work *w);
void work_cancel(struct work *w);
/* True if anything is queued. */
bool work_pending(void);
/* Run everything queued (including work queued meanwhile); returns the count. */
int work_run(void);

#endif
