/*
 * dirfmt.h - the compiled CP directory, as byte offsets.
 *
 * Written by dir_compile (host volume builder, later CMS DIRECT), read in
 * place by CP (dir_check, then the dir_get_* accessors). Big-endian, read
 * and written only through lib/bytes.h; names are EBCDIC, blank padded.
 *
 *   +--------------------+ 0
 *   | header             |  DIRH_SIZE bytes
 *   +--------------------+ DIRH_SIZE
 *   | user entries       |  nusers * DIRU_SIZE, sorted by EBCDIC userid
 *   +--------------------+
 *   | device entries     |  ndevs * DIRD_SIZE, each user's devices together
 *   +--------------------+  in source order, users in the order above
 *   | password slots     |  npw * DIRP_SIZE, used in order: a user's logon
 *   +--------------------+  password, then its MDISKs' R, W, M passwords
 *
 * The layout is dense and fixed: every offset in the header must be exactly
 * where the counts put it, and every password reference must be the next
 * slot, so dir_check can prove an image sound with a few comparisons.
 *
 * Passwords are never stored in clear. A slot is an 8-byte random salt and
 * h1024, where h0 = SHA-256(salt || upper-cased password) and
 * h(i+1) = SHA-256(h(i) || salt).
 *
 * The header holds the SHA-256 of the directory source text (so a tool can
 * tell which source an image came from) and the SHA-256 of the image
 * itself, computed with the DIRH_IMGSHA field zero.
 */
#ifndef CP_DIR_DIRFMT_H
#define CP_DIR_DIRFMT_H

#include <stdint.h>

#define DIRF_MAGIC   "CPDIRECT" /* EBCDIC in the image */
#define DIRF_VERSION 1
#define DIRF_ROUNDS  1024 /* password hash iterations */
#define DIRF_SALTLEN 8
#define DIRF_HASHLEN 32

/* Password references in user and device entries. */
#define DIRF_PW_NONE 0xFFFFFFFFu /* no password (user: NOLOG) */
#define DIRF_PW_ALL  0xFFFFFFFEu /* MDISK: ALL */

/* ---------------------------------------------------------------- header */
#define DIRH_MAGIC   0  /* 8  EBCDIC "CPDIRECT" */
#define DIRH_VERSION 8  /* 2  DIRF_VERSION */
#define DIRH_HDRLEN  10 /* 2  DIRH_SIZE */
#define DIRH_TOTAL   12 /* 4  image length in bytes */
#define DIRH_NUSERS  16 /* 4 */
#define DIRH_USEROFF 20 /* 4  = DIRH_SIZE */
#define DIRH_NDEVS   24 /* 4 */
#define DIRH_DEVOFF  28 /* 4  = USEROFF + NUSERS * DIRU_SIZE */
#define DIRH_NPW     32 /* 4 */
#define DIRH_PWOFF   36 /* 4  = DEVOFF + NDEVS * DIRD_SIZE; TOTAL = PWOFF + NPW * DIRP_SIZE */
#define DIRH_USERLEN 40 /* 2  DIRU_SIZE */
#define DIRH_DEVLEN  42 /* 2  DIRD_SIZE */
#define DIRH_PWLEN   44 /* 2  DIRP_SIZE */
#define DIRH_RES1    46 /* 2  zero */
#define DIRH_DIRCUU  48 /* 2  DIRECTORY cuu */
#define DIRH_DIRTYPE 50 /* 1  DIRECTORY device type, enum dir_devtype */
#define DIRH_RES2    51 /* 1  zero */
#define DIRH_DIRVOL  52 /* 6  DIRECTORY volser, EBCDIC */
#define DIRH_RES3    58 /* 6  zero */
#define DIRH_SRCSHA  64 /* 32 SHA-256 of the source text */
#define DIRH_IMGSHA  96 /* 32 SHA-256 of the image with this field zero */
#define DIRH_SIZE    128

/* ---------------------------------------------------------------- user entry */
#define DIRU_USERID   0   /* 8  EBCDIC, blank padded */
#define DIRU_ACCOUNT  8   /* 8  EBCDIC, blanks = none */
#define DIRU_DIST     16  /* 8  EBCDIC */
#define DIRU_IPL      24  /* 8  EBCDIC IPL vaddr or name, blanks = none */
#define DIRU_STORAGE  32  /* 4  bytes */
#define DIRU_MAXSTOR  36  /* 4  bytes */
#define DIRU_FIRSTDEV 40  /* 4  index of the first device entry */
#define DIRU_NDEV     44  /* 2 */
#define DIRU_FLAGS    46  /* 1  DIR_USER_* */
#define DIRU_CLASSES  47  /* 1  DIR_CLASS() bits */
#define DIRU_PRIORITY 48  /* 1  1..99 */
#define DIRU_OPTIONS  49  /* 1  DIR_OPT_* */
#define DIRU_AFFINITY 50  /* 1 */
#define DIRU_CPUID    51  /* 3 */
#define DIRU_LINEND   54  /* 1  EBCDIC, 0 = system default */
#define DIRU_LINEDEL  55  /* 1 */
#define DIRU_CHARDEL  56  /* 1 */
#define DIRU_ESCAPE   57  /* 1 */
#define DIRU_PARMLEN  58  /* 1  0..48 */
#define DIRU_RES1     59  /* 1  zero */
#define DIRU_PW       60  /* 4  password slot, DIRF_PW_NONE for NOLOG */
#define DIRU_PARM     64  /* 48 EBCDIC IPL PARM text, blank padded */
#define DIRU_RES2     112 /* 16 zero */
#define DIRU_SIZE     128

/* ---------------------------------------------------------------- device entry */
#define DIRD_STMT    0  /* 1  enum dir_stmt */
#define DIRD_TYPE    1  /* 1  enum dir_devtype */
#define DIRD_VADDR   2  /* 2 */
#define DIRD_MODE    4  /* 1  enum dir_mode (| DIR_MODE_V), MDISK and LINK, else 0 */
#define DIRD_FLAGS   5  /* 1  DIR_DEV_* */
#define DIRD_SPCLASS 6  /* 1  EBCDIC spool class, CONSOLE and SPOOL, else 0 */
#define DIRD_RES1    7  /* 1  zero */
#define DIRD_CYL     8  /* 2  MDISK first cylinder */
#define DIRD_NCYL    10 /* 2  MDISK cylinders */
#define DIRD_TARGET  12 /* 2  LINK owner's vaddr, DEDICATE real address */
#define DIRD_RES2    14 /* 2  zero */
#define DIRD_VOLSER  16 /* 6  EBCDIC, MDISK and DEDICATE by volume */
#define DIRD_RES3    22 /* 2  zero */
#define DIRD_USERID  24 /* 8  EBCDIC, LINK owner */
#define DIRD_PWR     32 /* 4  MDISK read password slot, or DIRF_PW_NONE / DIRF_PW_ALL */
#define DIRD_PWW     36 /* 4  write */
#define DIRD_PWM     40 /* 4  multi */
#define DIRD_RES4    44 /* 4  zero */
#define DIRD_SIZE    48

/* ---------------------------------------------------------------- password slot */
#define DIRP_SALT 0 /* 8 */
#define DIRP_HASH 8 /* 32 */
#define DIRP_SIZE 40

_Static_assert(sizeof(DIRF_MAGIC) - 1 == DIRH_VERSION, "magic fills its field");
_Static_assert(DIRH_RES3 + 6 == DIRH_SRCSHA, "header: reserved before the hashes");
_Static_assert(DIRH_SRCSHA + DIRF_HASHLEN == DIRH_IMGSHA, "header: source hash");
_Static_assert(DIRH_IMGSHA + DIRF_HASHLEN == DIRH_SIZE, "header: image hash ends it");
_Static_assert(DIRU_CPUID + 3 == DIRU_LINEND, "user: CPUID is 3 bytes");
_Static_assert(DIRU_PW + 4 == DIRU_PARM, "user: password slot");
_Static_assert(DIRU_PARM + 48 == DIRU_RES2, "user: PARM text is DIR_PARM_MAX bytes");
_Static_assert(DIRU_RES2 + 16 == DIRU_SIZE, "user: size");
_Static_assert(DIRD_VOLSER + 6 == DIRD_RES3, "device: volser");
_Static_assert(DIRD_USERID + 8 == DIRD_PWR, "device: userid");
_Static_assert(DIRD_PWM + 4 == DIRD_RES4 && DIRD_RES4 + 4 == DIRD_SIZE, "device: size");
_Static_assert(DIRP_SALT + DIRF_SALTLEN == DIRP_HASH, "password: salt");
_Static_assert(DIRP_HASH + DIRF_HASHLEN == DIRP_SIZE, "password: size");

#endif
