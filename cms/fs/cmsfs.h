/*
 * cmsfs.h - the CMS file system on a minidisk, in the VM/370 Release 6
 * format (800-byte blocks, label, master file directory, allocation map,
 * 40-byte FST entries, chain links: docs/cms-disk.md).
 *
 * Portable: the same code runs in the CMS nucleus (s390, -m31, over
 * DIAGNOSE X'18') and on the host (tools/cmsfs, the unit tests, over a
 * volume image). The caller supplies the block I/O (struct cmsfs_io) and
 * storage (cmsfs_alloc/cmsfs_free); nothing here does I/O of its own.
 *
 * Text (file names, the label) is EBCDIC on disk and in every structure
 * here: callers translate at their edges. File ids are 8-byte blank-padded
 * fields as in an FST; cmsfs_name() builds one from a C string.
 *
 * Crash safety: a file is never updated in place. Writing a file (new,
 * replaced, appended to, or changed at a record) writes new data blocks,
 * new chain links and new FST blocks, and then rewrites the MFD (block 4)
 * last; the blocks the old version used are freed only in the new
 * allocation map. A crash at any moment leaves the disk as it was before
 * the commit or as it is after it. RENAME and ERASE commit the same way.
 */
#ifndef CMS_FS_CMSFS_H
#define CMS_FS_CMSFS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CMSFS_BLKSIZE   800u
#define CMSFS_MAXBLOCKS 65531u /* ADTNUM cap on large disks (X'FFFB') */
#define CMSFS_MAXDATA   16060u /* data blocks per file: 60 + 40 * 400 */
#define CMSFS_MAXLRECL  65535u
#define CMSFS_MAXRECS   65534u /* FSTRECCT and the write pointer (records+1) are halfwords */

/* Errors: negative values, with the CMS return codes they become. */
enum cmsfs_err {
    CMSFS_OK = 0,
    CMSFS_EIO = -1,       /* the block I/O failed */
    CMSFS_ENOTCMS = -2,   /* no CMS label (not formatted) */
    CMSFS_ECORRUPT = -3,  /* the directory is inconsistent */
    CMSFS_ENOTFOUND = -4, /* no such file */
    CMSFS_ERDONLY = -5,   /* the disk is read-only */
    CMSFS_EFULL = -6,     /* no free block */
    CMSFS_EDIRFULL = -7,  /* the MFD cannot list another FST block */
    CMSFS_ENOMEM = -8,    /* cmsfs_alloc failed */
    CMSFS_EINVAL = -9,    /* a bad argument: record format, lengths, name */
    CMSFS_EEXIST = -10,   /* the new name of a RENAME exists */
    CMSFS_EEOF = -11,     /* a read past the last record */
    CMSFS_ETOOBIG = -12,  /* more than CMSFS_MAXDATA data blocks */
    CMSFS_EBUSY = -13,    /* the file is open */
    CMSFS_ETRUNC = -14,   /* the record did not fit the buffer (truncated) */
};
const char *cmsfs_strerror(int err);

/* ------------------------------------------------------------------ I/O */

/* One block of a vectored transfer. */
struct cmsfs_blk {
    uint32_t block; /* 1-based relative block number */
    void *buf;      /* CMSFS_BLKSIZE bytes */
};

/* The disk under a file system. blocks_per_track and tracks_per_cyl give
 * the geometry (R6: 19 800-byte records per 3350 track); cylinders is the
 * minidisk's size. io() transfers n blocks, in any order the driver likes
 * (it may sort them by cylinder); it returns 0 or CMSFS_EIO. */
struct cmsfs_io {
    void *ctx;
    unsigned blocks_per_track;
    unsigned tracks_per_cyl;
    unsigned cylinders;
    bool readonly;
    int (*io)(void *ctx, bool write, struct cmsfs_blk *v, unsigned n);
};

/* Storage, supplied by the program that links the file system. */
void *cmsfs_alloc(size_t size);
void cmsfs_free(void *p);

/* ------------------------------------------------------------------ time */

/* The date and time a file was written, as the FST keeps it. */
struct cmsfs_date {
    uint8_t year;  /* 0-99 */
    uint8_t month; /* 1-12 */
    uint8_t day;
    uint8_t hour;
    uint8_t min;
};
/* The clock, supplied by the program that links the file system. */
void cmsfs_now(struct cmsfs_date *d);

/* ------------------------------------------------------------------ disks */

/* FORMAT: write an empty file system on the first cyls cylinders (cyls <=
 * io->cylinders; fewer is RECOMP's use): label "CMS=" + label (6 EBCDIC
 * bytes, blank padded), an empty MFD. blocks 1-2 are left as they are
 * (the IPL records of an IPL-able disk). Does not write the track format:
 * the minidisk must already have 800-byte records R1-Rk on every track. */
int cmsfs_format(const struct cmsfs_io *io, const uint8_t label[6], unsigned cyls);
/* FORMAT n ( RECOMP: make the file system use the first cyls cylinders,
 * keeping every file (only the MFD is rewritten). EFULL if a block in use
 * lies beyond the new size; the disk is then unchanged. */
int cmsfs_recomp(const struct cmsfs_io *io, unsigned cyls);
/* FORMAT ( LABEL: rewrite only the label (block 3). */
int cmsfs_relabel(const struct cmsfs_io *io, const uint8_t label[6]);

struct cmsfs_disk; /* an accessed disk: its directory and allocation map in storage */

/* ACCESS: read the label, MFD, allocation map and FST blocks. The io
 * structure must live as long as the disk. Errors: ENOTCMS (no label),
 * ECORRUPT (a directory that does not hold together: block numbers out of
 * range or used twice, counts that disagree), EIO, ENOMEM. */
int cmsfs_open(const struct cmsfs_io *io, struct cmsfs_disk **diskp);
/* The same; on ENOTCMS or ECORRUPT why (if not NULL) says what is wrong,
 * e.g. "file PROFILE EXEC: data block 812 is used twice". */
int cmsfs_open_why(const struct cmsfs_io *io, struct cmsfs_disk **diskp, char *why, size_t whylen);
/* RELEASE: free the storage (nothing to write: every change is committed
 * when it is made). Fails with EBUSY while a file is open. */
int cmsfs_close(struct cmsfs_disk *d);

struct cmsfs_info {
    uint8_t label[6];
    unsigned cylinders;            /* ADTCYL: formatted cylinders */
    uint32_t total, used, left;    /* ADTNUM, ADTUSED, ADTLEFT (blocks) */
    unsigned files;
    unsigned blocks_per_track;
};
void cmsfs_disk_info(const struct cmsfs_disk *d, struct cmsfs_info *info);

/* ------------------------------------------------------------------ files */

/* A file's FST entry, decoded (names EBCDIC, blank padded). */
struct cmsfs_fst {
    uint8_t fn[8], ft[8];
    uint8_t fm_letter;   /* EBCDIC letter as written on disk */
    uint8_t fm_number;   /* 0-6 (binary) */
    uint8_t recfm;       /* 'F' or 'V' (EBCDIC X'C6' / X'E5') */
    uint32_t lrecl;      /* F: record length; V: longest record */
    uint32_t records;
    uint32_t datablocks; /* FSTBLKCT */
    struct cmsfs_date written;
};

/* A file's 40-byte FST entry (FSTD: docs/cms-disk.md), as on disk and as
 * R6's STATE gives a program a copy of it. cmsfs_fst_entry builds it from
 * a decoded FST: the mode letter is f->fm_letter, the write pointer
 * records + 1, the read pointer 1; the first chain link and the flags
 * byte are 0 (in storage CMS puts the disk's R/W state in the flags).
 * cmsfs_fst_decode reads one. */
#define CMSFS_FSTLEN    40u
#define CMSFS_FST_FLAGS 31u /* FSTFLAGS: X'80' R/W disk, X'C0'/X'40' extension of R/W/R/O */
void cmsfs_fst_entry(const struct cmsfs_fst *f, uint8_t e[CMSFS_FSTLEN]);
void cmsfs_fst_decode(const uint8_t e[CMSFS_FSTLEN], struct cmsfs_fst *f);

/* Iterate: *cursor = 0 to start; returns false after the last file. Files
 * come in directory order. The entry is a copy. */
bool cmsfs_next(const struct cmsfs_disk *d, unsigned *cursor, struct cmsfs_fst *f);
/* Find fn ft (8-byte EBCDIC fields). 0 or ENOTFOUND. */
int cmsfs_find(const struct cmsfs_disk *d, const uint8_t fn[8], const uint8_t ft[8],
               struct cmsfs_fst *f);

/* Reading. */
struct cmsfs_rfile;
int cmsfs_ropen(struct cmsfs_disk *d, const uint8_t fn[8], const uint8_t ft[8],
                struct cmsfs_rfile **fp);
/* Read record recno (1-based; 0 = the next one) into buf. *len = the
 * record's length. A record longer than buflen fills buf and gives ETRUNC
 * (*len is still the full length). EEOF past the last record. */
int cmsfs_read(struct cmsfs_rfile *f, uint32_t recno, void *buf, size_t buflen, size_t *len);
void cmsfs_rclose(struct cmsfs_rfile *f);

/* Writing. cmsfs_wopen starts a new version of fn ft: with
 * CMSFS_W_REPLACE the file starts empty, with CMSFS_W_APPEND (the default
 * of FSWRITE) it starts as a copy of the existing file, if any, whose
 * record format and length must then agree (EINVAL otherwise). For
 * recfm 'F' every record must be lrecl bytes; for 'V' lrecl is ignored on
 * open and the FST gets the longest record. fm_number 0-6. */
enum { CMSFS_W_REPLACE = 0, CMSFS_W_APPEND = 1 };
struct cmsfs_wfile;
int cmsfs_wopen(struct cmsfs_disk *d, const uint8_t fn[8], const uint8_t ft[8], uint8_t fm_letter,
                uint8_t fm_number, uint8_t recfm, uint32_t lrecl, int how, struct cmsfs_wfile **fp);
/* Write record recno (1-based; 0 = after the last one; recno <= records+1;
 * a V record may be replaced only by one of the same length). Records are
 * 1 to 65535 bytes. ETOOBIG past CMSFS_MAXDATA blocks or CMSFS_MAXRECS
 * records (nothing written). After EFULL, EIO or ENOMEM the new version
 * can only be dropped: cmsfs_wclose returns that error and the file stays
 * as it was. EFULL comes a few blocks early: 1 + (QMSK extensions the
 * disk can need) blocks stay free so that ERASE and RENAME always work. */
int cmsfs_write(struct cmsfs_wfile *f, uint32_t recno, const void *rec, size_t len);
/* Commit (the new version becomes the file: data, chain links, FST
 * blocks, then the MFD) or, with commit false, drop it (the file stays as
 * it was). The handle is freed either way. An empty new file is not
 * created (committing it erases an existing one). With keepdate the old
 * version's date is kept (COPYFILE OLDDATE). */
int cmsfs_wclose(struct cmsfs_wfile *f, bool commit);
void cmsfs_wkeepdate(struct cmsfs_wfile *f, const struct cmsfs_date *date);

int cmsfs_erase(struct cmsfs_disk *d, const uint8_t fn[8], const uint8_t ft[8]);
/* RENAME on the same disk: new name, and a new mode number (0-6) or -1 to keep it. */
int cmsfs_rename(struct cmsfs_disk *d, const uint8_t fn[8], const uint8_t ft[8],
                 const uint8_t nfn[8], const uint8_t nft[8], int fm_number);

/* Build an 8-byte EBCDIC field from an ASCII C string (upper-cased,
 * blank padded, at most 8 characters). false if it has a character CMS
 * does not allow in a file id (valid: A-Z 0-9 $ # @ + - : _) or is empty
 * or longer than 8. */
bool cmsfs_name(uint8_t out[8], const char *ascii);

#endif
