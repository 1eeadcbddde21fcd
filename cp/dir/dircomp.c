/*
 * dircomp.c - the compiled directory: write it, check it, read it in place.
 *
 * Entry points:
 *   dir_image_size, dir_compile   a clean parse -> the image (dirfmt.h)
 *   dir_check                     prove an image sound and open it
 *   dir_find_user, dir_get_user, dir_get_dev, dir_find_dev
 *   dir_password_ok, dir_mdisk_password, dir_hash_password
 *
 * dir_check looks at every count, offset, code and name, so the accessors
 * that follow it can read without further checks and a damaged image is
 * refused with a reason instead of being trusted. Nothing here allocates:
 * CP reads the image where it lies in storage.
 *
 * VM/370 counterparts: DMKDIR writes the object directory (UDIRBLOK,
 * UMACBLOK, UDEVBLOK: DACB p.122); DMKUDR reads it at LOGON and LINK.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <ctype.h>
#include "lib/bytes.h"
#include "lib/sha256.h"
#include "console/ebcdic.h"
#include "dir.h"
#include "dirfmt.h"

/* ---------------------------------------------------------------- passwords */

void dir_hash_password(const uint8_t salt[8], const char *pw, uint8_t out[32])
{
    struct sha256 c;

    sha256_init(&c);
    sha256_update(&c, salt, DIRF_SALTLEN);
    for (const char *p = pw; *p; p++) {
        uint8_t ch = (uint8_t)toupper((unsigned char)*p);
        sha256_update(&c, &ch, 1);
    }
    sha256_final(&c, out);
    for (unsigned i = 0; i < DIRF_ROUNDS; i++) {
        sha256_init(&c);
        sha256_update(&c, out, DIRF_HASHLEN);
        sha256_update(&c, salt, DIRF_SALTLEN);
        sha256_final(&c, out);
    }
}

/* Does typed match password slot slot? Compares without an early exit. */
static bool slot_matches(const struct dir_image *img, uint32_t slot, const char *typed)
{
    uint8_t h[DIRF_HASHLEN];
    uint8_t diff = 0;

    if (slot >= img->npw)
        return false;
    const uint8_t *p =
        img->base + DIRH_SIZE + img->nusers * DIRU_SIZE + img->ndevs * DIRD_SIZE + slot * DIRP_SIZE;
    dir_hash_password(p + DIRP_SALT, typed, h);
    for (unsigned i = 0; i < DIRF_HASHLEN; i++)
        diff |= (uint8_t)(h[i] ^ p[DIRP_HASH + i]);
    return diff == 0;
}

/* ---------------------------------------------------------------- compiling */

static uint32_t count_passwords(const struct dir_src *src)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < src->nusers; i++)
        n += !(src->users[i].u.flags & DIR_USER_NOLOG);
    for (uint32_t i = 0; i < src->ndevs; i++)
        for (unsigned k = 0; k < 3; k++)
            n += src->devs[i].d.pw[k] == DIR_PW_SET;
    return n;
}

size_t dir_image_size(const struct dir_src *src)
{
    return DIRH_SIZE + (size_t)src->nusers * DIRU_SIZE + (size_t)src->ndevs * DIRD_SIZE +
           (size_t)count_passwords(src) * DIRP_SIZE;
}

/* Optional EBCDIC field: zeros when the string is empty. */
static void put_opt(uint8_t *f, size_t n, const char *s)
{
    if (s[0])
        a2e_field(f, n, s);
}

static uint8_t ebc_char(char c) { return c ? asc2ebc[(uint8_t)c] : 0; }

struct writer {
    uint8_t *b;
    uint32_t pwoff;
    uint32_t npw, maxpw;
    dir_salt_fn *salt;
    void *salt_ctx;
    long err; /* DIR_E_* once a put fails */
};

/* Store a password in the next slot; its index, or DIRF_PW_NONE with w->err set. */
static uint32_t put_password(struct writer *w, const char *pw)
{
    uint8_t *p = w->b + w->pwoff + w->npw * DIRP_SIZE;
    if (w->npw >= w->maxpw) {
        w->err = DIR_E_SOURCE;
        return DIRF_PW_NONE;
    }
    if (w->salt(w->salt_ctx, p + DIRP_SALT) != 0) {
        w->err = DIR_E_SALT;
        return DIRF_PW_NONE;
    }
    dir_hash_password(p + DIRP_SALT, pw, p + DIRP_HASH);
    return w->npw++;
}

static bool put_user(struct writer *w, uint8_t *e, const struct dir_src_user *su, uint32_t first)
{
    const struct dir_user *u = &su->u;

    a2e_field(e + DIRU_USERID, 8, u->userid);
    put_opt(e + DIRU_ACCOUNT, 8, u->account);
    a2e_field(e + DIRU_DIST, 8, u->dist);
    put_opt(e + DIRU_IPL, 8, u->ipl);
    put_be32(e + DIRU_STORAGE, u->storage);
    put_be32(e + DIRU_MAXSTOR, u->maxstorage);
    put_be32(e + DIRU_FIRSTDEV, first);
    put_be16(e + DIRU_NDEV, u->ndev);
    e[DIRU_FLAGS] = u->flags;
    e[DIRU_CLASSES] = u->classes;
    e[DIRU_PRIORITY] = u->priority;
    e[DIRU_OPTIONS] = u->options;
    e[DIRU_AFFINITY] = u->affinity;
    put_be24(e + DIRU_CPUID, u->cpuid);
    e[DIRU_LINEND] = ebc_char(u->linend);
    e[DIRU_LINEDEL] = ebc_char(u->linedel);
    e[DIRU_CHARDEL] = ebc_char(u->chardel);
    e[DIRU_ESCAPE] = ebc_char(u->escape);
    e[DIRU_PARMLEN] = (uint8_t)strlen(u->parm);
    a2e_field(e + DIRU_PARM, DIR_PARM_MAX, u->parm);
    uint32_t pw = DIRF_PW_NONE;
    if (!(u->flags & DIR_USER_NOLOG) && (pw = put_password(w, su->password)) == DIRF_PW_NONE)
        return false;
    put_be32(e + DIRU_PW, pw);
    return true;
}

static bool put_dev(struct writer *w, uint8_t *e, const struct dir_src_dev *sd)
{
    static const unsigned pwoff[3] = {DIRD_PWR, DIRD_PWW, DIRD_PWM};
    const struct dir_dev *d = &sd->d;

    e[DIRD_STMT] = d->stmt;
    e[DIRD_TYPE] = d->type;
    put_be16(e + DIRD_VADDR, d->vaddr);
    e[DIRD_MODE] = d->mode;
    e[DIRD_FLAGS] = d->flags;
    e[DIRD_SPCLASS] = ebc_char(d->spclass);
    put_be16(e + DIRD_CYL, d->cyl);
    put_be16(e + DIRD_NCYL, d->ncyl);
    put_be16(e + DIRD_TARGET, d->target);
    put_opt(e + DIRD_VOLSER, 6, d->volser);
    put_opt(e + DIRD_USERID, 8, d->userid);
    for (unsigned k = 0; k < 3; k++) {
        uint32_t ref = DIRF_PW_NONE;
        if (d->pw[k] == DIR_PW_ALL)
            ref = DIRF_PW_ALL;
        else if (d->pw[k] == DIR_PW_SET && (ref = put_password(w, sd->pw[k])) == DIRF_PW_NONE)
            return false;
        put_be32(e + pwoff[k], ref);
    }
    return true;
}

/* The user whose EBCDIC userid comes next after key (or the first one);
 * key becomes that user's. Userids are unique after a clean parse. */
static uint32_t next_user(const struct dir_src *src, bool first, uint8_t key[8])
{
    uint32_t best = 0;
    uint8_t k[8], prev[8];
    bool found = false;

    memcpy(prev, key, 8);
    for (uint32_t i = 0; i < src->nusers; i++) {
        a2e_field(k, 8, src->users[i].u.userid);
        if (!first && memcmp(k, prev, 8) <= 0)
            continue;
        if (!found || memcmp(k, key, 8) < 0) {
            memcpy(key, k, 8);
            best = i;
            found = true;
        }
    }
    return best;
}

/* SHA-256 of an image with its own hash field taken as zero. */
static void image_sha(const uint8_t *b, uint32_t total, uint8_t out[32])
{
    static const uint8_t zero[DIRF_HASHLEN];
    struct sha256 c;
    sha256_init(&c);
    sha256_update(&c, b, DIRH_IMGSHA);
    sha256_update(&c, zero, sizeof(zero));
    sha256_update(&c, b + DIRH_SIZE, total - DIRH_SIZE);
    sha256_final(&c, out);
}

long dir_compile(const struct dir_src *src, void *buf, size_t bufsz, dir_salt_fn *salt,
                 void *salt_ctx)
{
    uint8_t *b = buf;
    size_t size = dir_image_size(src);

    if (src->nerrors || !src->has_directory || src->nusers == 0)
        return DIR_E_SOURCE;
    if (bufsz < size || size > 0x7FFFFFFF)
        return DIR_E_SPACE;
    memset(b, 0, size);
    uint32_t npw = count_passwords(src);

    uint32_t useroff = DIRH_SIZE;
    uint32_t devoff = useroff + src->nusers * DIRU_SIZE;
    uint32_t pwoff = devoff + src->ndevs * DIRD_SIZE;
    a2e_field(b + DIRH_MAGIC, 8, DIRF_MAGIC);
    put_be16(b + DIRH_VERSION, DIRF_VERSION);
    put_be16(b + DIRH_HDRLEN, DIRH_SIZE);
    put_be32(b + DIRH_TOTAL, (uint32_t)size);
    put_be32(b + DIRH_NUSERS, src->nusers);
    put_be32(b + DIRH_USEROFF, useroff);
    put_be32(b + DIRH_NDEVS, src->ndevs);
    put_be32(b + DIRH_DEVOFF, devoff);
    put_be32(b + DIRH_NPW, npw);
    put_be32(b + DIRH_PWOFF, pwoff);
    put_be16(b + DIRH_USERLEN, DIRU_SIZE);
    put_be16(b + DIRH_DEVLEN, DIRD_SIZE);
    put_be16(b + DIRH_PWLEN, DIRP_SIZE);
    put_be16(b + DIRH_DIRCUU, src->dir.cuu);
    b[DIRH_DIRTYPE] = src->dir.type;
    a2e_field(b + DIRH_DIRVOL, 6, src->dir.volser);
    memcpy(b + DIRH_SRCSHA, src->source_sha, DIRF_HASHLEN);

    struct writer w = {b, pwoff, 0, npw, salt, salt_ctx, 0};
    uint8_t key[8];
    uint32_t dev = 0;
    for (uint32_t k = 0; k < src->nusers; k++) {
        const struct dir_src_user *su = &src->users[next_user(src, k == 0, key)];
        /* A hand-built dir_src could disagree with itself: never write past buf. */
        if (su->first_dev > src->ndevs || su->u.ndev > src->ndevs - su->first_dev ||
            su->u.ndev > src->ndevs - dev)
            return DIR_E_SOURCE;
        if (!put_user(&w, b + useroff + k * DIRU_SIZE, su, dev))
            return w.err;
        for (uint32_t i = 0; i < su->u.ndev; i++, dev++)
            if (!put_dev(&w, b + devoff + dev * DIRD_SIZE, &src->devs[su->first_dev + i]))
                return w.err;
    }
    image_sha(b, (uint32_t)size, b + DIRH_IMGSHA);

    /* What CP will refuse must not leave here. */
    struct dir_image img;
    if (dir_check(b, size, &img, NULL, 0) != 0)
        return DIR_E_SOURCE;
    return (long)size;
}

/* ---------------------------------------------------------------- checking */

struct checker {
    const uint8_t *b;
    char *why;
    size_t whysz;
    char where[64]; /* "user 3 (MAINT) device 2" */
};

static int bad(struct checker *ck, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int bad(struct checker *ck, const char *fmt, ...)
{
    if (ck->why && ck->whysz) {
        size_t n = 0;
        if (ck->where[0])
            n = (size_t)snprintf(ck->why, ck->whysz, "%s: ", ck->where);
        if (n < ck->whysz) {
            va_list ap;
            va_start(ap, fmt);
            vsnprintf(ck->why + n, ck->whysz - n, fmt, ap);
            va_end(ap);
        }
    }
    return -1;
}

static bool all_zero(const uint8_t *p, size_t n)
{
    uint8_t acc = 0;
    for (size_t i = 0; i < n; i++)
        acc |= p[i];
    return acc == 0;
}

/*
 * An EBCDIC field of n bytes holding a left-justified, blank-padded value
 * into out (n+1 bytes). name: 1..n of A-Z 0-9 @ # $; otherwise any
 * non-blank directory characters. An all-zero field is "" when optional.
 */
static bool get_field(const uint8_t *f, size_t n, bool name, bool optional, char *out)
{
    size_t len = 0;
    if (optional && all_zero(f, n)) {
        out[0] = '\0';
        return true;
    }
    while (len < n && f[len] != EBCDIC_BLANK)
        len++;
    for (size_t i = len; i < n; i++)
        if (f[i] != EBCDIC_BLANK)
            return false;
    for (size_t i = 0; i < len; i++) {
        out[i] = (char)ebc2asc[f[i]];
        if (!dir_char_ok((unsigned char)out[i]))
            return false;
    }
    out[len] = '\0';
    return len > 0 && (!name || dir_name_ok(out, n));
}

/* A line-edit or spool class byte: 0 or an EBCDIC non-blank graphic. */
static bool get_char(uint8_t e, char *out)
{
    *out = e ? (char)ebc2asc[e] : '\0';
    return e == 0 || (e != EBCDIC_BLANK && dir_char_ok((unsigned char)*out));
}

static int check_header(struct checker *ck, size_t len, struct dir_image *img)
{
    const uint8_t *b = ck->b;
    uint8_t magic[8];

    if (len < DIRH_SIZE)
        return bad(ck, "image is %u bytes, shorter than its %u-byte header", (unsigned)len,
                   DIRH_SIZE);
    a2e_field(magic, 8, DIRF_MAGIC);
    if (memcmp(b + DIRH_MAGIC, magic, 8) != 0)
        return bad(ck, "not a directory image (no CPDIRECT magic)");
    if (get_be16(b + DIRH_VERSION) != DIRF_VERSION)
        return bad(ck, "format version %u, expected %u", get_be16(b + DIRH_VERSION), DIRF_VERSION);
    if (get_be16(b + DIRH_HDRLEN) != DIRH_SIZE || get_be16(b + DIRH_USERLEN) != DIRU_SIZE ||
        get_be16(b + DIRH_DEVLEN) != DIRD_SIZE || get_be16(b + DIRH_PWLEN) != DIRP_SIZE)
        return bad(ck, "header or entry lengths do not match format version %u", DIRF_VERSION);
    if (get_be16(b + DIRH_RES1) || b[DIRH_RES2] || !all_zero(b + DIRH_RES3, 6))
        return bad(ck, "reserved header fields are not zero");

    uint32_t total = get_be32(b + DIRH_TOTAL);
    if (total > len)
        return bad(ck, "image length %u is more than the %u bytes given", (unsigned)total,
                   (unsigned)len);
    img->nusers = get_be32(b + DIRH_NUSERS);
    img->ndevs = get_be32(b + DIRH_NDEVS);
    img->npw = get_be32(b + DIRH_NPW);
    uint64_t devoff = DIRH_SIZE + (uint64_t)img->nusers * DIRU_SIZE;
    uint64_t pwoff = devoff + (uint64_t)img->ndevs * DIRD_SIZE;
    uint64_t end = pwoff + (uint64_t)img->npw * DIRP_SIZE;
    if (get_be32(b + DIRH_USEROFF) != DIRH_SIZE || get_be32(b + DIRH_DEVOFF) != devoff ||
        get_be32(b + DIRH_PWOFF) != pwoff || end != total)
        return bad(ck,
                   "table offsets and counts (%u users, %u devices, %u passwords) do not "
                   "add up to the image length %u",
                   (unsigned)img->nusers, (unsigned)img->ndevs, (unsigned)img->npw,
                   (unsigned)total);
    if (img->nusers == 0)
        return bad(ck, "the directory has no users");

    uint8_t sha[DIRF_HASHLEN];
    image_sha(b, total, sha);
    if (memcmp(sha, b + DIRH_IMGSHA, DIRF_HASHLEN) != 0)
        return bad(ck, "image checksum does not match: the image is damaged");

    const struct dir_devtype_info *dt = dir_devtype(b[DIRH_DIRTYPE]);
    img->dir.cuu = get_be16(b + DIRH_DIRCUU);
    img->dir.type = b[DIRH_DIRTYPE];
    if (!dt || dt->uclass != DIR_UC_DASD || img->dir.cuu > 0xFFF ||
        !get_field(b + DIRH_DIRVOL, 6, true, false, img->dir.volser))
        return bad(ck, "the DIRECTORY location is not valid");
    img->base = b;
    img->len = total;
    memcpy(img->source_sha, b + DIRH_SRCSHA, DIRF_HASHLEN);
    return 0;
}

/* A password reference: the next unused slot, or ALL / NONE where allowed. */
static bool pw_ref(uint32_t ref, bool special_ok, uint32_t *next)
{
    if (ref == DIRF_PW_NONE || ref == DIRF_PW_ALL)
        return special_ok;
    if (ref != *next)
        return false;
    (*next)++;
    return true;
}

static int check_dev(struct checker *ck, const uint8_t *e, uint32_t *pw)
{
    static const unsigned pwoff[3] = {DIRD_PWR, DIRD_PWW, DIRD_PWM};
    unsigned stmt = e[DIRD_STMT], type = e[DIRD_TYPE];
    unsigned mode = e[DIRD_MODE], flags = e[DIRD_FLAGS];
    uint16_t vaddr = get_be16(e + DIRD_VADDR), target = get_be16(e + DIRD_TARGET);
    uint16_t cyl = get_be16(e + DIRD_CYL), ncyl = get_be16(e + DIRD_NCYL);
    const struct dir_devtype_info *dt = dir_devtype(type);
    char s[9];
    bool mdisk = stmt == DIR_STMT_MDISK, link = stmt == DIR_STMT_LINK;
    bool byvol = stmt == DIR_STMT_DEDICATE && (flags & DIR_DEV_BYVOL);

    if (stmt < DIR_STMT_CONSOLE || stmt > DIR_STMT_SPECIAL)
        return bad(ck, "statement code %u is not valid", stmt);
    if ((link || stmt == DIR_STMT_DEDICATE) ? type != DIR_DT_NONE : (!dt || dt->stmt != stmt))
        return bad(ck, "device type code %u is not valid here", type);
    if (vaddr > 0xFFF)
        return bad(ck, "virtual address %04X is more than FFF", vaddr);
    if (mdisk ? !dir_mode_name(mode & ~DIR_MODE_V) : link ? !dir_mode_name(mode) : mode != 0)
        return bad(ck, "access mode code %02X is not valid", mode);
    if (stmt == DIR_STMT_DEDICATE ? (flags & ~DIR_DEV_FLAGS) != 0 : flags != 0)
        return bad(ck, "flags %02X are not valid", flags);
    if (stmt == DIR_STMT_CONSOLE || stmt == DIR_STMT_SPOOL) {
        char c;
        bool reader = dt->uclass == DIR_UC_READER;
        if (!get_char(e[DIRD_SPCLASS], &c) || !(isupper(c) || isdigit(c) || (reader && c == '*')))
            return bad(ck, "spool class is not valid");
    } else if (e[DIRD_SPCLASS]) {
        return bad(ck, "spool class on a device that has none");
    }
    if (mdisk ? ncyl == 0 || (uint32_t)cyl + ncyl > 65536 : cyl || ncyl)
        return bad(ck, "cylinder extent %u+%u is not valid", cyl, ncyl);
    if ((link || (stmt == DIR_STMT_DEDICATE && !byvol)) ? target > 0xFFF : target != 0)
        return bad(ck, "target address %04X is not valid", target);
    if ((mdisk || byvol) ? !get_field(e + DIRD_VOLSER, 6, true, false, s)
                         : !all_zero(e + DIRD_VOLSER, 6))
        return bad(ck, "volume serial is not valid");
    if (link ? !get_field(e + DIRD_USERID, 8, true, false, s) : !all_zero(e + DIRD_USERID, 8))
        return bad(ck, "LINK userid is not valid");
    for (unsigned k = 0; k < 3; k++) {
        uint32_t ref = get_be32(e + pwoff[k]);
        if (mdisk ? !pw_ref(ref, true, pw) : ref != DIRF_PW_NONE)
            return bad(ck, "password reference %08X is not valid", (unsigned)ref);
    }
    if (e[DIRD_RES1] || get_be16(e + DIRD_RES2) || get_be16(e + DIRD_RES3) ||
        !all_zero(e + DIRD_RES4, 4))
        return bad(ck, "reserved fields are not zero");
    return 0;
}

static int check_user(struct checker *ck, const struct dir_image *img, uint32_t i, uint32_t *dev,
                      uint32_t *pw)
{
    const uint8_t *e = ck->b + DIRH_SIZE + i * DIRU_SIZE;
    const uint8_t *devs = ck->b + DIRH_SIZE + img->nusers * DIRU_SIZE;
    char s[DIR_PARM_MAX + 1];
    uint32_t first = get_be32(e + DIRU_FIRSTDEV), ndev = get_be16(e + DIRU_NDEV);
    uint32_t stor = get_be32(e + DIRU_STORAGE), max = get_be32(e + DIRU_MAXSTOR);
    unsigned flags = e[DIRU_FLAGS];

    snprintf(ck->where, sizeof(ck->where), "user %u", (unsigned)i);
    if (!get_field(e + DIRU_USERID, 8, true, false, s))
        return bad(ck, "userid is not valid");
    snprintf(ck->where, sizeof(ck->where), "user %u (%.8s)", (unsigned)i, s);
    if (i > 0 && memcmp(e - DIRU_SIZE + DIRU_USERID, e + DIRU_USERID, 8) >= 0)
        return bad(ck, "users are not in ascending order of userid");
    if (!get_field(e + DIRU_ACCOUNT, 8, false, true, s) ||
        !get_field(e + DIRU_DIST, 8, false, false, s) || !get_field(e + DIRU_IPL, 8, true, true, s))
        return bad(ck, "account, distribution or IPL field is not valid");
    if (stor % 4096 || max % 4096 || stor < DIR_STORAGE_MIN || stor > max || max > DIR_STORAGE_MAX)
        return bad(ck, "storage sizes %u and %u are not valid", (unsigned)stor, (unsigned)max);
    if (flags & ~DIR_USER_FLAGS || e[DIRU_OPTIONS] & ~DIR_OPT_ALL)
        return bad(ck, "flags %02X or options %02X are not valid", flags, e[DIRU_OPTIONS]);
    if (e[DIRU_PRIORITY] < 1 || e[DIRU_PRIORITY] > 99)
        return bad(ck, "priority %u is not 1-99", e[DIRU_PRIORITY]);
    if ((!(flags & DIR_USER_CPUID) && get_be24(e + DIRU_CPUID)) ||
        (!(flags & DIR_USER_AFFINITY) && e[DIRU_AFFINITY]))
        return bad(ck, "CPUID or AFFINITY value without its flag");
    for (unsigned k = DIRU_LINEND; k <= DIRU_ESCAPE; k++)
        if (!get_char(e[k], s))
            return bad(ck, "line-edit character %02X is not valid", e[k]);
    unsigned plen = e[DIRU_PARMLEN];
    if (plen > DIR_PARM_MAX || (plen && all_zero(e + DIRU_IPL, 8)))
        return bad(ck, "IPL PARM length %u is not valid", plen);
    /* The text: plen characters, not starting or ending in a blank, then blanks. */
    for (unsigned k = 0; k < DIR_PARM_MAX; k++) {
        uint8_t c = e[DIRU_PARM + k];
        bool edge = k == 0 || k + 1 == plen;
        if (k < plen ? !dir_char_ok(ebc2asc[c]) || (edge && c == EBCDIC_BLANK) : c != EBCDIC_BLANK)
            return bad(ck, "IPL PARM text is not valid");
    }
    if (e[DIRU_RES1] || !all_zero(e + DIRU_RES2, 16))
        return bad(ck, "reserved fields are not zero");
    uint32_t ref = get_be32(e + DIRU_PW);
    if ((flags & DIR_USER_NOLOG) ? ref != DIRF_PW_NONE : !pw_ref(ref, false, pw))
        return bad(ck, "password reference %08X is not valid", (unsigned)ref);
    if (first != *dev || ndev > img->ndevs - *dev)
        return bad(ck, "devices %u+%u are not the next ones (%u of %u)", (unsigned)first,
                   (unsigned)ndev, (unsigned)*dev, (unsigned)img->ndevs);

    char where[sizeof(ck->where)];
    memcpy(where, ck->where, sizeof(where));
    for (uint32_t n = 0; n < ndev; n++) {
        const uint8_t *d = devs + (first + n) * DIRD_SIZE;
        snprintf(ck->where, sizeof(ck->where), "%.28s device %u", where, (unsigned)n);
        if (check_dev(ck, d, pw))
            return -1;
        for (uint32_t m = 0; m < n; m++)
            if (get_be16(devs + (first + m) * DIRD_SIZE + DIRD_VADDR) == get_be16(d + DIRD_VADDR))
                return bad(ck, "virtual address %03X is used twice", get_be16(d + DIRD_VADDR));
    }
    *dev += ndev;
    return 0;
}

static const uint8_t *user_entry(const struct dir_image *img, uint32_t index)
{
    return img->base + DIRH_SIZE + index * DIRU_SIZE;
}

static const uint8_t *dev_entry(const struct dir_image *img, uint32_t index, uint32_t n)
{
    return img->base + DIRH_SIZE + img->nusers * DIRU_SIZE +
           (get_be32(user_entry(img, index) + DIRU_FIRSTDEV) + n) * DIRD_SIZE;
}

static bool find_key(const struct dir_image *img, const uint8_t key[8], uint32_t *index)
{
    uint32_t lo = 0, hi = img->nusers;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        int c = memcmp(key, user_entry(img, mid) + DIRU_USERID, 8);
        if (c == 0) {
            *index = mid;
            return true;
        }
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return false;
}

/* Every LINK names a user in the image and an MDISK of that user. */
static int check_links(struct checker *ck, const struct dir_image *img)
{
    for (uint32_t i = 0; i < img->nusers; i++) {
        uint32_t ndev = get_be16(user_entry(img, i) + DIRU_NDEV);
        for (uint32_t n = 0; n < ndev; n++) {
            const uint8_t *d = dev_entry(img, i, n);
            uint32_t owner, m;
            if (d[DIRD_STMT] != DIR_STMT_LINK)
                continue;
            snprintf(ck->where, sizeof(ck->where), "user %u device %u", (unsigned)i, (unsigned)n);
            if (!find_key(img, d + DIRD_USERID, &owner))
                return bad(ck, "LINK to a user who is not in the directory");
            if (!dir_find_dev(img, owner, get_be16(d + DIRD_TARGET), &m) ||
                dev_entry(img, owner, m)[DIRD_STMT] != DIR_STMT_MDISK)
                return bad(ck, "LINK to a device that is not an MDISK");
        }
    }
    return 0;
}

int dir_check(const void *buf, size_t len, struct dir_image *img, char *why, size_t whysz)
{
    struct checker ck = {buf, why, whysz, ""};
    struct dir_image tmp;
    uint32_t dev = 0, pw = 0;

    memset(&tmp, 0, sizeof(tmp));
    if (why && whysz)
        why[0] = '\0';
    if (check_header(&ck, len, &tmp))
        return -1;
    for (uint32_t i = 0; i < tmp.nusers; i++)
        if (check_user(&ck, &tmp, i, &dev, &pw))
            return -1;
    ck.where[0] = '\0';
    if (dev != tmp.ndevs)
        return bad(&ck, "%u devices belong to users, the header says %u", (unsigned)dev,
                   (unsigned)tmp.ndevs);
    if (pw != tmp.npw)
        return bad(&ck, "%u passwords are used, the header says %u", (unsigned)pw,
                   (unsigned)tmp.npw);
    if (check_links(&ck, &tmp))
        return -1;
    *img = tmp;
    return 0;
}

/* ---------------------------------------------------------------- reading */

bool dir_find_user(const struct dir_image *img, const char *userid, uint32_t *index)
{
    char up[DIR_NAME_MAX + 1];
    uint8_t key[8];
    size_t n = strlen(userid);

    if (n == 0 || n > DIR_NAME_MAX)
        return false;
    for (size_t i = 0; i <= n; i++)
        up[i] = (char)toupper((unsigned char)userid[i]);
    if (!dir_name_ok(up, DIR_NAME_MAX))
        return false;
    a2e_field(key, 8, up);
    return find_key(img, key, index);
}

void dir_get_user(const struct dir_image *img, uint32_t index, struct dir_user *u)
{
    memset(u, 0, sizeof(*u));
    if (index >= img->nusers)
        return;
    const uint8_t *e = user_entry(img, index);
    e2a_field(u->userid, e + DIRU_USERID, 8);
    e2a_field(u->account, e + DIRU_ACCOUNT, 8);
    e2a_field(u->dist, e + DIRU_DIST, 8);
    e2a_field(u->ipl, e + DIRU_IPL, 8);
    u->storage = get_be32(e + DIRU_STORAGE);
    u->maxstorage = get_be32(e + DIRU_MAXSTOR);
    u->ndev = get_be16(e + DIRU_NDEV);
    u->flags = e[DIRU_FLAGS];
    u->classes = e[DIRU_CLASSES];
    u->priority = e[DIRU_PRIORITY];
    u->options = e[DIRU_OPTIONS];
    u->affinity = e[DIRU_AFFINITY];
    u->cpuid = get_be24(e + DIRU_CPUID);
    get_char(e[DIRU_LINEND], &u->linend);
    get_char(e[DIRU_LINEDEL], &u->linedel);
    get_char(e[DIRU_CHARDEL], &u->chardel);
    get_char(e[DIRU_ESCAPE], &u->escape);
    e2a(u->parm, e + DIRU_PARM, e[DIRU_PARMLEN]);
    u->parm[e[DIRU_PARMLEN]] = '\0';
}

void dir_get_dev(const struct dir_image *img, uint32_t index, uint32_t n, struct dir_dev *d)
{
    static const unsigned pwoff[3] = {DIRD_PWR, DIRD_PWW, DIRD_PWM};

    memset(d, 0, sizeof(*d));
    if (index >= img->nusers || n >= get_be16(user_entry(img, index) + DIRU_NDEV))
        return;
    const uint8_t *e = dev_entry(img, index, n);
    d->stmt = e[DIRD_STMT];
    d->type = e[DIRD_TYPE];
    d->vaddr = get_be16(e + DIRD_VADDR);
    get_char(e[DIRD_SPCLASS], &d->spclass);
    d->mode = e[DIRD_MODE];
    d->flags = e[DIRD_FLAGS];
    d->cyl = get_be16(e + DIRD_CYL);
    d->ncyl = get_be16(e + DIRD_NCYL);
    d->target = get_be16(e + DIRD_TARGET);
    e2a_field(d->volser, e + DIRD_VOLSER, 6);
    e2a_field(d->userid, e + DIRD_USERID, 8);
    for (unsigned k = 0; k < 3; k++) {
        uint32_t ref = get_be32(e + pwoff[k]);
        d->pw[k] = ref == DIRF_PW_NONE ? DIR_PW_NONE : ref == DIRF_PW_ALL ? DIR_PW_ALL : DIR_PW_SET;
    }
}

bool dir_find_dev(const struct dir_image *img, uint32_t index, uint16_t vaddr, uint32_t *n)
{
    if (index >= img->nusers)
        return false;
    uint32_t ndev = get_be16(user_entry(img, index) + DIRU_NDEV);
    for (uint32_t k = 0; k < ndev; k++) {
        if (get_be16(dev_entry(img, index, k) + DIRD_VADDR) == vaddr) {
            *n = k;
            return true;
        }
    }
    return false;
}

bool dir_password_ok(const struct dir_image *img, uint32_t index, const char *typed)
{
    if (index >= img->nusers)
        return false;
    const uint8_t *e = user_entry(img, index);
    if (e[DIRU_FLAGS] & DIR_USER_NOLOG)
        return false;
    return slot_matches(img, get_be32(e + DIRU_PW), typed);
}

enum dir_pwcheck dir_mdisk_password(const struct dir_image *img, uint32_t index, uint32_t n,
                                    char which, const char *typed)
{
    unsigned off;
    switch (which) {
    case 'R': off = DIRD_PWR; break;
    case 'W': off = DIRD_PWW; break;
    case 'M': off = DIRD_PWM; break;
    default: return DIR_PWC_NONE;
    }
    if (index >= img->nusers || n >= get_be16(user_entry(img, index) + DIRU_NDEV))
        return DIR_PWC_NONE;
    const uint8_t *e = dev_entry(img, index, n);
    uint32_t ref = get_be32(e + off);
    if (e[DIRD_STMT] != DIR_STMT_MDISK || ref == DIRF_PW_NONE)
        return DIR_PWC_NONE;
    if (ref == DIRF_PW_ALL)
        return DIR_PWC_OK;
    return slot_matches(img, ref, typed) ? DIR_PWC_OK : DIR_PWC_WRONG;
}
