/*
 * ckptfmt.c - the spool page map and the checkpoint image (see
 * ckptfmt.h). Portable.
 *
 * Entry points: spm_init, spm_alloc, spm_free_chain, spm_walk;
 * ckpt_encode_body, ckpt_encode_hdr, ckpt_decode_hdr, ckpt_body_ok,
 * ckpt_load. The loader proves every chain before it keeps a file: pages
 * in range, in use, each owned by one file only, as many as the entry
 * says, ending where it says.
 */
#include <stdio.h>
#include <string.h>
#include "console/ebcdic.h"
#include "lib/bytes.h"
#include "lib/sha256.h"
#include "spool/ckptfmt.h"

/* ---------------------------------------------------------------- the page map */

void spm_init(struct spmap *m, uint32_t npages, uint32_t *next)
{
    m->npages = npages;
    m->next = next;
    memset(next, 0, (npages + 1u) * sizeof(*next));
    m->nfree = npages;
    m->cursor = 1;
}

uint32_t spm_alloc(struct spmap *m)
{
    if (m->nfree == 0)
        return 0;
    uint32_t p = m->cursor;
    for (uint32_t i = 0; i < m->npages; i++, p++) {
        if (p < 1 || p > m->npages)
            p = 1;
        if (m->next[p] == SPM_FREE) {
            m->next[p] = SPM_END;
            m->nfree--;
            m->cursor = p + 1;
            return p;
        }
    }
    return 0;
}

void spm_free_chain(struct spmap *m, uint32_t first)
{
    uint32_t p = first;
    for (uint32_t guard = 0; guard <= m->npages && p >= 1 && p <= m->npages; guard++) {
        uint32_t n = m->next[p];
        if (n == SPM_FREE)
            return;
        m->next[p] = SPM_FREE;
        m->nfree++;
        if (n == SPM_END)
            return;
        p = n;
    }
}

int spm_walk(const struct spmap *m, uint32_t first, uint8_t *seen, uint32_t *pages, uint32_t *last,
             char *why, size_t whylen)
{
    uint32_t p = first, n = 0;
    for (;;) {
        const char *bad = p < 1 || p > m->npages   ? "out of range"
                          : m->next[p] == SPM_FREE ? "not in use"
                          : seen[p]                ? "in two chains"
                                                   : NULL;
        if (bad) {
            snprintf(why, whylen, "page %u %s", p, bad);
            /* give back what this walk marked */
            for (uint32_t q = first; n > 0; n--, q = m->next[q])
                seen[q] = 0;
            return -1;
        }
        seen[p] = 1;
        n++;
        if (m->next[p] == SPM_END)
            break;
        p = m->next[p];
    }
    *pages = n;
    *last = p;
    return 0;
}

/* ---------------------------------------------------------------- the checkpoint */

size_t ckpt_body_len(uint32_t npages, uint32_t nfiles)
{
    return (size_t)npages * 4 + (size_t)nfiles * SPE_LEN;
}

uint32_t ckpt_body_pages(uint32_t npages, uint32_t nfiles)
{
    return (uint32_t)((ckpt_body_len(npages, nfiles) + SPL_PAGE - 1) / SPL_PAGE);
}

uint32_t ckpt_max_files(uint32_t slot_pages, uint32_t npages)
{
    if (slot_pages < 2)
        return 0;
    size_t room = (size_t)(slot_pages - 1) * SPL_PAGE;
    size_t map = (size_t)npages * 4;
    if (map >= room)
        return 0;
    size_t n = (room - map) / SPE_LEN;
    return n > SPF_MAXID ? SPF_MAXID : (uint32_t)n;
}

void ckpt_encode_body(uint8_t *body, const struct spmap *m, const struct spf *const *files,
                      uint32_t nfiles)
{
    memset(body, 0, (size_t)ckpt_body_pages(m->npages, nfiles) * SPL_PAGE);
    for (uint32_t i = 0; i < nfiles; i++) {
        uint32_t p = files[i]->first;
        for (uint32_t guard = 0; guard < m->npages && p >= 1 && p <= m->npages; guard++) {
            uint32_t n = m->next[p];
            if (n == SPM_FREE)
                break;
            put_be32(body + (size_t)(p - 1) * 4, n);
            if (n == SPM_END)
                break;
            p = n;
        }
        spe_encode(body + (size_t)m->npages * 4 + (size_t)i * SPE_LEN, files[i]);
    }
}

static const char magic[8] = {'C', 'P', 'S', 'P', 'L', 'C', 'K', 'P'};

void ckpt_encode_hdr(uint8_t *pg, struct ckpt_hdr *h, const uint8_t *body)
{
    memset(pg, 0, SPL_PAGE);
    a2e(pg + CKPTH_MAGIC, magic, 8);
    put_be16(pg + CKPTH_VER, CKPT_VERSION);
    put_be32(pg + CKPTH_FILES, h->nfiles);
    put_be64(pg + CKPTH_GEN, h->gen);
    put_be32(pg + CKPTH_PAGES, h->npages);
    h->body_pages = ckpt_body_pages(h->npages, h->nfiles);
    put_be32(pg + CKPTH_BODY, h->body_pages);
    put_be16(pg + CKPTH_CURSOR, h->cursor);
    put_be16(pg + CKPTH_NAREA, h->narea);
    for (unsigned i = 0; i < h->narea && i < CKPT_AREAS; i++) {
        uint8_t *a = pg + CKPTH_AREA + i * CKPTH_AREALEN;
        a2e_field(a, 6, h->area[i].volser);
        put_be16(a + 8, h->area[i].first);
        put_be16(a + 10, h->area[i].last);
        put_be32(a + 12, h->area[i].pages);
    }
    sha256(body, ckpt_body_len(h->npages, h->nfiles), h->body_sum);
    memcpy(pg + CKPTH_BSUM, h->body_sum, 32);
    uint8_t sum[32];
    sha256(pg, SPL_PAGE, sum);
    memcpy(pg + CKPTH_HSUM, sum, 32);
}

int ckpt_decode_hdr(const uint8_t *pg, struct ckpt_hdr *h, bool *blank, char *why, size_t whylen)
{
    uint8_t m[8], copy_sum[32], sum[32];
    static uint8_t tmp[SPL_PAGE];
    memset(h, 0, sizeof(*h));
    a2e(m, magic, 8);
    *blank = memcmp(pg, m, 8) != 0;
    if (*blank) {
        snprintf(why, whylen, "no checkpoint");
        return -1;
    }
    memcpy(tmp, pg, SPL_PAGE);
    memcpy(copy_sum, tmp + CKPTH_HSUM, 32);
    memset(tmp + CKPTH_HSUM, 0, 32);
    sha256(tmp, SPL_PAGE, sum);
    if (memcmp(sum, copy_sum, 32) != 0) {
        snprintf(why, whylen, "header checksum wrong");
        return -1;
    }
    if (get_be16(pg + CKPTH_VER) != CKPT_VERSION) {
        snprintf(why, whylen, "version %u", get_be16(pg + CKPTH_VER));
        return -1;
    }
    h->nfiles = get_be32(pg + CKPTH_FILES);
    h->gen = get_be64(pg + CKPTH_GEN);
    h->npages = get_be32(pg + CKPTH_PAGES);
    h->body_pages = get_be32(pg + CKPTH_BODY);
    h->cursor = get_be16(pg + CKPTH_CURSOR);
    h->narea = get_be16(pg + CKPTH_NAREA);
    memcpy(h->body_sum, pg + CKPTH_BSUM, 32);
    if (h->narea > CKPT_AREAS || h->nfiles > SPF_MAXID ||
        h->body_pages != ckpt_body_pages(h->npages, h->nfiles)) {
        snprintf(why, whylen, "counts out of range");
        return -1;
    }
    for (unsigned i = 0; i < h->narea; i++) {
        const uint8_t *a = pg + CKPTH_AREA + i * CKPTH_AREALEN;
        e2a_field(h->area[i].volser, a, 6);
        h->area[i].first = get_be16(a + 8);
        h->area[i].last = get_be16(a + 10);
        h->area[i].pages = get_be32(a + 12);
    }
    return 0;
}

bool ckpt_body_ok(const struct ckpt_hdr *h, const uint8_t *body)
{
    uint8_t sum[32];
    sha256(body, ckpt_body_len(h->npages, h->nfiles), sum);
    return memcmp(sum, h->body_sum, 32) == 0;
}

bool ckpt_same_areas(const struct ckpt_hdr *a, const struct ckpt_hdr *b)
{
    if (a->narea != b->narea || a->npages != b->npages)
        return false;
    for (unsigned i = 0; i < a->narea; i++)
        if (strcmp(a->area[i].volser, b->area[i].volser) != 0 ||
            a->area[i].first != b->area[i].first || a->area[i].last != b->area[i].last ||
            a->area[i].pages != b->area[i].pages)
            return false;
    return true;
}

uint32_t ckpt_load(const struct ckpt_hdr *h, const uint8_t *body, struct spmap *m, uint8_t *seen,
                   ckpt_ok_fn ok, ckpt_bad_fn bad, void *arg)
{
    char why[96], msg[128];
    uint8_t ids[SPID_MAPLEN];
    memset(ids, 0, sizeof(ids));
    spm_init(m, h->npages, m->next);
    memset(seen, 0, h->npages + 1u);
    uint32_t used = 0;
    for (uint32_t p = 1; p <= h->npages; p++) {
        uint32_t n = get_be32(body + (size_t)(p - 1) * 4);
        if (n != SPM_FREE && n != SPM_END && n > h->npages)
            n = SPM_END; /* a damaged link: the walk will find the chain short */
        m->next[p] = n;
        used += n != SPM_FREE;
    }
    m->nfree = h->npages - used;
    uint32_t kept = 0;
    for (uint32_t i = 0; i < h->nfiles; i++) {
        struct spf f;
        uint32_t pages, last;
        const uint8_t *e = body + (size_t)h->npages * 4 + (size_t)i * SPE_LEN;
        if (spe_decode(e, &f, why, sizeof(why)) != 0) {
            snprintf(msg, sizeof(msg), "entry %u: %s", i, why);
            bad(arg, msg);
            continue;
        }
        if (spid_used(ids, f.spid)) {
            snprintf(msg, sizeof(msg), "file %u: spoolid used twice", f.spid);
            bad(arg, msg);
            continue;
        }
        if (spm_walk(m, f.first, seen, &pages, &last, why, sizeof(why)) != 0) {
            snprintf(msg, sizeof(msg), "file %u: %s", f.spid, why);
            bad(arg, msg);
            continue;
        }
        if (pages != f.pages || last != f.last) {
            for (uint32_t q = f.first; pages > 0; pages--, q = m->next[q])
                seen[q] = 0;
            snprintf(msg, sizeof(msg), "file %u: chain is not %u pages ending at %u", f.spid,
                     f.pages, f.last);
            bad(arg, msg);
            continue;
        }
        spid_mark(ids, f.spid, true);
        ok(arg, &f);
        kept++;
    }
    /* pages no kept file owns are free */
    for (uint32_t p = 1; p <= h->npages; p++) {
        if (!seen[p] && m->next[p] != SPM_FREE) {
            m->next[p] = SPM_FREE;
            m->nfree++;
        }
    }
    return kept;
}
