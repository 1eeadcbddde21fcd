/*
 * dir.h - the CP user directory: source parser, compiler and reader.
 *
 * The directory source (USER DIRECT, card images) is parsed by dir_parse
 * into plain structs with no side effects, every statement checked and
 * every error reported. dir_compile turns a clean parse into the binary
 * image (cp/dir/dirfmt.h) that the volume builder writes to DASD and CP
 * keeps in storage. Readers open an image with dir_check, which checks it
 * completely, and then decode users and devices in place.
 *
 * Nothing here allocates: the caller supplies the tables (sized with
 * dir_measure) and the image buffer (sized with dir_image_size).
 *
 * VM/370 counterparts: DMKDIR (the directory program) for dir_parse and
 * dir_compile, DMKUDR (directory access at logon and LINK) for the reader.
 * Statements and operands: shared/reference/vm370.md section 4.
 */
#ifndef CP_DIR_DIR_H
#define CP_DIR_DIR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---------------------------------------------------------------- values */

#define DIR_NAME_MAX   8 /* userids, passwords, account, IPL name */
#define DIR_VOLSER_MAX 6
#define DIR_PARM_MAX   48 /* IPL ... PARM text */

#define DIR_STORAGE_MIN      4096u
#define DIR_STORAGE_MAX      (16u << 20)
#define DIR_STORAGE_DEFAULT  (256u << 10)
#define DIR_PRIORITY_DEFAULT 50

/* Privilege classes, as VM/370's UMACCLEV: A is X'80' ... H is X'01'. */
#define DIR_CLASS(letter) ((uint8_t)(0x80u >> ((letter) - 'A')))

/* OPTION flags, with VM/370's UMACOPT bit values. */
#define DIR_OPT_ISAM      0x80
#define DIR_OPT_ECMODE    0x40
#define DIR_OPT_REALTIMER 0x20
#define DIR_OPT_VIRTREAL  0x10
#define DIR_OPT_ACCT      0x08
#define DIR_OPT_SVCOFF    0x02
#define DIR_OPT_BMX       0x01
#define DIR_OPT_ALL       0xFB

/* struct dir_user.flags */
#define DIR_USER_NOLOG    0x80 /* password NOLOG: cannot log on */
#define DIR_USER_CPUID    0x40 /* OPTION CPUID given */
#define DIR_USER_AFFINITY 0x20 /* OPTION AFFINITY given */
#define DIR_USER_FLAGS    0xE0

/* Device statements (struct dir_dev.stmt); stored in the image. */
enum dir_stmt {
    DIR_STMT_CONSOLE = 1,
    DIR_STMT_SPOOL = 2,
    DIR_STMT_MDISK = 3,
    DIR_STMT_LINK = 4,
    DIR_STMT_DEDICATE = 5,
    DIR_STMT_SPECIAL = 6,
};

/* Device types (struct dir_dev.type); stored in the image: never renumber. */
enum dir_devtype {
    DIR_DT_NONE = 0, /* LINK and DEDICATE: the type comes from the real disk */
    DIR_DT_3215 = 1,
    DIR_DT_3210 = 2,
    DIR_DT_2540R = 3,
    DIR_DT_2540P = 4,
    DIR_DT_1403 = 5,
    DIR_DT_3211 = 6,
    DIR_DT_1443 = 7,
    DIR_DT_3505 = 8,
    DIR_DT_3525 = 9,
    DIR_DT_2501 = 10,
    DIR_DT_2305 = 11,
    DIR_DT_2314 = 12,
    DIR_DT_2319 = 13,
    DIR_DT_3330 = 14,
    DIR_DT_3340 = 15,
    DIR_DT_3350 = 16,
    DIR_DT_3375 = 17,
    DIR_DT_3380 = 18,
    DIR_DT_3390 = 19,
    DIR_DT_3270 = 20,
    DIR_DT_CTCA = 21,
    DIR_DT_TIMER = 22,
    DIR_DT_IBM = 23,
    DIR_DT_TELE = 24,
    DIR_DT_COUNT
};

/* What a device type is for (struct dir_devtype_info.uclass). */
enum dir_uclass {
    DIR_UC_CONSOLE = 1,
    DIR_UC_READER,
    DIR_UC_PUNCH,
    DIR_UC_PRINTER,
    DIR_UC_DASD,
    DIR_UC_GRAF,
    DIR_UC_CTCA,
    DIR_UC_TIMER,
    DIR_UC_LINE,
};

struct dir_devtype_info {
    const char *name; /* as written in the source: "3350", "2540 READER", "CTCA" */
    uint16_t model;   /* 3350, 2540 ...; 0 for CTCA, TIMER, IBM, TELE */
    uint8_t stmt;     /* the statement that may name it (enum dir_stmt) */
    uint8_t uclass;   /* enum dir_uclass */
};

/* NULL for DIR_DT_NONE and unknown codes. */
const struct dir_devtype_info *dir_devtype(unsigned type);

/* A model number as the directory writes it (3350) as the device type
 * code SENSE ID and the geometry table give (X'3350'). */
uint16_t dir_model_code(unsigned model);

/* Link and MDISK access modes (struct dir_dev.mode); stored in the image. */
enum dir_mode {
    DIR_MODE_R = 1,
    DIR_MODE_RR = 2,
    DIR_MODE_W = 3,
    DIR_MODE_WR = 4,
    DIR_MODE_M = 5,
    DIR_MODE_MR = 6,
    DIR_MODE_MW = 7,
};
#define DIR_MODE_V    0x80 /* MDISK only: virtual reserve/release */
#define DIR_MODE_MASK 0x7F

/* "R", "MW" ... for a mode without DIR_MODE_V; NULL if not a mode. */
const char *dir_mode_name(unsigned mode);

/* The password a mode asks for: 'R', 'W' or 'M'; 0 if not a mode. */
char dir_mode_password(unsigned mode);

/* MDISK password state per access (struct dir_dev.pw[]). */
enum dir_pwstate {
    DIR_PW_NONE = 0, /* no password: nobody else may link this way */
    DIR_PW_ALL = 1,  /* ALL: anyone may link this way without one */
    DIR_PW_SET = 2,  /* a password is needed */
};
enum { DIR_PWR = 0, DIR_PWW = 1, DIR_PWM = 2 }; /* index into dir_dev.pw */

/* struct dir_dev.flags */
#define DIR_DEV_RO    0x80 /* DEDICATE ... R/O */
#define DIR_DEV_BYVOL 0x40 /* DEDICATE by volume serial, not real address */
#define DIR_DEV_FLAGS 0xC0

/* True if s is 1..max characters, each A-Z, 0-9, @, # or $. */
bool dir_name_ok(const char *s, size_t max);

/* True if c (ISO 8859-1) is a character a directory may hold: a blank or a
 * graphic, not a control character. */
bool dir_char_ok(int c);

/* ---------------------------------------------------------------- decoded entries */

/* The DIRECTORY statement: where the compiled directory goes. */
struct dir_directory {
    uint16_t cuu;
    uint8_t type; /* enum dir_devtype, a DASD type */
    char volser[DIR_VOLSER_MAX + 1];
};

struct dir_user {
    char userid[DIR_NAME_MAX + 1];
    uint8_t flags;                         /* DIR_USER_* */
    uint8_t classes;                       /* DIR_CLASS('A') ... DIR_CLASS('H') */
    uint8_t priority;                      /* 1..99 */
    uint8_t options;                       /* DIR_OPT_* */
    uint8_t affinity;                      /* OPTION AFFINITY, if DIR_USER_AFFINITY */
    uint32_t cpuid;                        /* OPTION CPUID, if DIR_USER_CPUID */
    uint32_t storage;                      /* bytes at logon */
    uint32_t maxstorage;                   /* bytes: the most DEFINE STORAGE may give */
    char linend, linedel, chardel, escape; /* '\0' = the system default */
    char account[DIR_NAME_MAX + 1];
    char dist[DIR_NAME_MAX + 1]; /* defaults to the userid */
    char ipl[DIR_NAME_MAX + 1];  /* IPL vaddr or system name; "" = none */
    char parm[DIR_PARM_MAX + 1]; /* IPL ... PARM text; "" = none */
    uint16_t ndev;               /* device statements that follow */
};

struct dir_dev {
    uint8_t stmt;                    /* enum dir_stmt */
    uint8_t type;                    /* enum dir_devtype (DIR_DT_NONE for LINK, DEDICATE) */
    uint16_t vaddr;                  /* the address in this user's machine, 000-FFF */
    char spclass;                    /* CONSOLE, SPOOL: spool class A-Z 0-9, '*' = any (readers) */
    uint8_t mode;                    /* MDISK, LINK: enum dir_mode, MDISK may add DIR_MODE_V */
    uint8_t flags;                   /* DIR_DEV_* */
    uint16_t cyl;                    /* MDISK: first cylinder */
    uint16_t ncyl;                   /* MDISK: number of cylinders */
    uint16_t target;                 /* LINK: the owner's vaddr; DEDICATE: real address */
    char volser[DIR_VOLSER_MAX + 1]; /* MDISK; DEDICATE with DIR_DEV_BYVOL */
    char userid[DIR_NAME_MAX + 1];   /* LINK: the owner */
    uint8_t pw[3];                   /* MDISK: enum dir_pwstate for read, write, multi */
};

/* ---------------------------------------------------------------- parsing */

/* A parsed user; the clear password lives only in this transient form. */
struct dir_src_user {
    struct dir_user u;
    char password[DIR_NAME_MAX + 1]; /* "NOLOG" for DIR_USER_NOLOG */
    uint32_t first_dev;              /* index into dir_src.devs */
    unsigned line;
};

struct dir_src_dev {
    struct dir_dev d;
    char pw[3][DIR_NAME_MAX + 1]; /* MDISK passwords when pw[] is DIR_PW_SET */
    unsigned line;
};

/*
 * Called once per error. line is the source line (0: the file as a whole);
 * msg is the complete text, "line 12: MDISK 191: start cylinder 'X12' is
 * not a number".
 */
typedef void dir_report_fn(void *ctx, unsigned line, const char *msg);

struct dir_src {
    /* set by the caller */
    struct dir_src_user *users;
    uint32_t maxusers;
    struct dir_src_dev *devs;
    uint32_t maxdevs;
    dir_report_fn *report; /* may be NULL: errors are only counted */
    void *report_ctx;

    /* set by dir_parse */
    uint32_t nusers;
    uint32_t ndevs;
    unsigned nerrors;
    bool has_directory;
    struct dir_directory dir;
    unsigned dir_line;
    uint8_t source_sha[32]; /* SHA-256 of the source text as given */
};

struct dir_counts {
    uint32_t users; /* USER statements */
    uint32_t devs;  /* device statements */
};

/* Table sizes dir_parse needs for this text (upper bounds, never too small). */
struct dir_counts dir_measure(const char *text, size_t len);

/*
 * Parse a directory source of len bytes (lines end in \n; \r\n is fine).
 * Fills src's results, reports every error through src->report.
 * Returns the number of errors (0: the directory may be compiled).
 */
unsigned dir_parse(struct dir_src *src, const char *text, size_t len);

/* ---------------------------------------------------------------- compiling */

/* Fill salt with 8 unpredictable bytes; return 0, or nonzero on failure. */
typedef int dir_salt_fn(void *ctx, uint8_t salt[8]);

/* Bytes dir_compile will write for this parse. */
size_t dir_image_size(const struct dir_src *src);

#define DIR_E_SOURCE -1 /* the parse had errors, or src disagrees with itself */
#define DIR_E_SPACE  -2 /* buf is smaller than dir_image_size() */
#define DIR_E_SALT   -3 /* the salt callback failed */

/* Compile a clean parse into buf. Returns the image length, or DIR_E_*. */
long dir_compile(const struct dir_src *src, void *buf, size_t bufsz, dir_salt_fn *salt,
                 void *salt_ctx);

/* The iterated salted password hash (dirfmt.h); pw is upper-cased first. */
void dir_hash_password(const uint8_t salt[8], const char *pw, uint8_t out[32]);

/* ---------------------------------------------------------------- reading an image */

/* An opened (checked) image; the bytes stay where the caller keeps them. */
struct dir_image {
    const uint8_t *base;
    uint32_t len; /* the image length from its header (<= the buffer) */
    uint32_t nusers;
    uint32_t ndevs;
    uint32_t npw;
    struct dir_directory dir;
    uint8_t source_sha[32];
};

/*
 * Check every field, offset and count of an image in buf (len bytes: the
 * buffer may be longer than the image) and open it. Returns 0, or -1 with
 * the reason in why (why may be NULL). Reading a corrupt image this way
 * never reads outside buf.
 */
int dir_check(const void *buf, size_t len, struct dir_image *img, char *why, size_t whysz);

/* Find a userid (any case); true and *index if it is there. */
bool dir_find_user(const struct dir_image *img, const char *userid, uint32_t *index);

/* Decode user index (< img->nusers) and its n-th device (< ndev); out of
 * range gives a zeroed struct. */
void dir_get_user(const struct dir_image *img, uint32_t index, struct dir_user *u);
void dir_get_dev(const struct dir_image *img, uint32_t index, uint32_t n, struct dir_dev *d);

/* The n of the user's device at vaddr; true if there is one. */
bool dir_find_dev(const struct dir_image *img, uint32_t index, uint16_t vaddr, uint32_t *n);

/* Logon password check: false for NOLOG users and for any wrong password. */
bool dir_password_ok(const struct dir_image *img, uint32_t index, const char *typed);

enum dir_pwcheck {
    DIR_PWC_OK = 0,    /* right password, or the MDISK says ALL */
    DIR_PWC_NONE = 1,  /* no password for this access: the link is refused */
    DIR_PWC_WRONG = 2, /* a password is needed and typed is not it */
};

/* MDISK link password check; which is 'R', 'W' or 'M' (see dir_mode_password). */
enum dir_pwcheck dir_mdisk_password(const struct dir_image *img, uint32_t index, uint32_t n,
                                    char which, const char *typed);

#endif
