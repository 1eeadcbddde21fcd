/*
 * fileid.h - file identifiers on the command line (fn ft fm, with `*`
 * patterns) and the search for them over the accessed disks, in the
 * search order with each disk's extensions (reference vm370.md 5.3).
 */
#ifndef CMS_NUCLEUS_FILEID_H
#define CMS_NUCLEUS_FILEID_H

#include <stdbool.h>
#include "cms/nucleus/disk.h"

struct fileid {
    char fn[9], ft[9]; /* ASCII; "*" or "xx*" patterns allowed where said */
    char mode;         /* 'A'-'Z', '*' any; 0 none given */
    char num;          /* '0'-'6', '*' any; 0 none given */
};

/* Parse up to three tokens from tok[i] (stopping at "("): fn, ft, fm.
 * Returns how many were present; -1 and *err = a message for a bad one:
 * the caller types it with its own module id. */
int fileid_parse(char (*tok)[8], int ntok, int i, struct fileid *f, const char **err);

/* Is s a valid file name or type (1-8 of A-Z 0-9 $ # @ + - : _), or with
 * pattern also "*" or a prefix and "*"? */
bool fileid_valid(const char *s, bool pattern);

/* 8-byte EBCDIC name field from an ASCII name; false if invalid. */
bool fileid_field(uint8_t out[8], const char *name);

/* Does a file (its FST) match the pattern fn/ft (with '*' suffixes)? */
bool fileid_match(const struct fileid *f, const struct cmsfs_fst *fst);

/* Iterate over the files matching f on the disks f->mode selects: the
 * disk of that letter and its extensions ('*': every disk). Mode-0 files
 * of read-only disks are hidden. *d and *cursor start at NULL / 0. */
bool fileid_next(const struct fileid *f, struct adt **d, unsigned *cursor, struct cmsfs_fst *fst);

/* The first file matching f in the search order (f->mode 0: A and its
 * extensions... as fileid_next with '*' restricted to the first hit). */
bool fileid_find(const struct fileid *f, struct adt **d, struct cmsfs_fst *fst);

/* "FN FT A1" text of a file found on disk d. */
void fileid_text(char *out, size_t size, const struct adt *d, const struct cmsfs_fst *fst);

/* The mode of a file on a disk: the disk's letter (an extension shows its own). */
char fileid_mode_of(const struct adt *d);

/* ERASE (fsfunc.c): erase the files matching f (its mode: a letter and
 * its extensions, or '*'), closing them if they are active; with type
 * each one is typed. A read-only disk named by the letter is
 * CMSFS_ERDONLY; other read-only disks are passed over. Returns 0 or the
 * cmsfs error, with *mode the disk it happened on. */
int afile_erase(const struct fileid *f, bool type, unsigned *erased, char *mode);

#endif
