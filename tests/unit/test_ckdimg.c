/*
 * test_ckdimg.c - Hercules CKD image files and track images (dasd/ckdimg.c).
 *
 * Track buffers: records appended with and without keys come back from
 * ckdtrk_parse byte for byte; a track refuses a record the real device
 * could not hold; every kind of damage a track image can have is refused
 * with a reason. Image files: create, open, read and write tracks in a
 * temporary directory, and ckdimg_open refusing files that are not
 * uncompressed CKD images of a supported device.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "lib/bytes.h"
#include "dasd/ckdimg.h"
#include "unit.h"

/* ---------------------------------------------------------------- helpers */

static const struct ckd_geom *geom(const char *name)
{
    const struct ckd_geom *g = ckd_geom_by_name(name);
    CU_ASSERT_PTR_NOT_NULL(g);
    return g;
}

/* Data bytes that differ per record and per position. */
static void pattern(uint8_t *p, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (uint8_t)(seed * 31 + i * 7 + (i >> 8));
}

static bool has_pattern(const uint8_t *p, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != (uint8_t)(seed * 31 + i * 7 + (i >> 8)))
            return false;
    return true;
}

/* All words of `words` (separated by '|') occur in text. */
static bool mentions(const char *text, const char *words)
{
    char buf[256];
    snprintf(buf, sizeof(buf), "%s", words);
    for (char *w = strtok(buf, "|"); w; w = strtok(NULL, "|"))
        if (!strstr(text, w))
            return false;
    return true;
}

/* ---------------------------------------------------------------- track buffers */

static void test_empty_track(void)
{
    const struct ckd_geom *g = geom("3350");
    uint32_t ts = ckd_image_track_size(g);
    uint8_t *buf = malloc(ts);
    memset(buf, 0xEE, ts);
    ckdtrk_init(buf, ts, 300, 17);
    /* header: 0 CC HH; R0 count CCHH 0 0 0008; eight data bytes of zero; end marker */
    static const uint8_t want[] = {0x00, 0x01, 0x2C, 0x00, 0x11, 0x01, 0x2C, 0x00, 0x11, 0x00,
                                   0x00, 0x00, 0x08, 0,    0,    0,    0,    0,    0,    0,
                                   0,    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
    CU_ASSERT_EQUAL(memcmp(buf, want, sizeof(want)), 0);
    bool zero = true;
    for (uint32_t i = sizeof(want); i < ts; i++)
        zero = zero && buf[i] == 0;
    CU_ASSERT_TRUE(zero);
    struct ckdrec recs[4];
    char why[200] = "";
    CU_ASSERT_EQUAL(ckdtrk_parse(buf, ts, 300, 17, recs, 4, why, sizeof(why)), 0);
    free(buf);
}

/* A track's records as appended: key length, data length, record number. */
static const struct {
    const char *dev;
    unsigned cyl, head;
    int nrec;
    struct {
        uint8_t r, kl;
        uint16_t dl;
    } rec[6];
} tracks[] = {
    {"3350", 0, 0, 5, {{1, 4, 24}, {2, 4, 1000}, {3, 4, 80}, {4, 0, 4096}, {5, 0, 4096}}},
    {"3350", 554, 29, 4, {{1, 0, 4096}, {2, 0, 4096}, {3, 0, 4096}, {4, 0, 4096}}},
    {"3390", 1112, 14, 3, {{1, 0, 0}, {2, 8, 0}, {9, 255, 700}}},
    {"3380", 5, 3, 2, {{7, 0, 47476 / 2 - 400}, {7, 0, 47476 / 2 - 400}}},
    {"3330", 403, 18, 1, {{1, 0, 13030}}},
    {"3390", 1, 1, 1, {{1, 0, 56664}}},
};

static void test_append_parse(void)
{
    for (size_t t = 0; t < NELEM(tracks); t++) {
        const struct ckd_geom *g = geom(tracks[t].dev);
        CU_ASSERT_PTR_NOT_NULL_FATAL(g);
        uint32_t ts = ckd_image_track_size(g);
        uint8_t *buf = malloc(ts);
        uint8_t key[255], data[60000];
        unsigned c = tracks[t].cyl, h = tracks[t].head;
        ckdtrk_init(buf, ts, c, h);
        for (int i = 0; i < tracks[t].nrec; i++) {
            pattern(key, tracks[t].rec[i].kl, 100 + i);
            pattern(data, tracks[t].rec[i].dl, i);
            int rc = ckdtrk_append(buf, ts, g, c, h, tracks[t].rec[i].r, key, tracks[t].rec[i].kl,
                                   data, tracks[t].rec[i].dl);
            CU_ASSERT_EQUAL(rc, 0);
        }
        struct ckdrec recs[8];
        char why[200] = "";
        int n = ckdtrk_parse(buf, ts, c, h, recs, 8, why, sizeof(why));
        if (n != tracks[t].nrec)
            printf("\n    row %zu: %d records (%s)", t, n, why);
        CU_ASSERT_EQUAL_FATAL(n, tracks[t].nrec);
        for (int i = 0; i < n; i++) {
            CU_ASSERT_EQUAL(recs[i].cyl, c);
            CU_ASSERT_EQUAL(recs[i].head, h);
            CU_ASSERT_EQUAL(recs[i].r, tracks[t].rec[i].r);
            CU_ASSERT_EQUAL(recs[i].kl, tracks[t].rec[i].kl);
            CU_ASSERT_EQUAL(recs[i].dl, tracks[t].rec[i].dl);
            CU_ASSERT_TRUE(has_pattern(recs[i].key, recs[i].kl, 100 + i));
            CU_ASSERT_TRUE(has_pattern(recs[i].data, recs[i].dl, i));
            /* the count field in the buffer, as the device format has it */
            const uint8_t *cnt = recs[i].key - CKD_COUNT_LEN;
            CU_ASSERT_EQUAL(get_be16(cnt), c);
            CU_ASSERT_EQUAL(get_be16(cnt + 2), h);
            CU_ASSERT_EQUAL(cnt[4], tracks[t].rec[i].r);
            CU_ASSERT_EQUAL(cnt[5], tracks[t].rec[i].kl);
            CU_ASSERT_EQUAL(get_be16(cnt + 6), tracks[t].rec[i].dl);
        }
        /* the first record follows R0 directly; the end marker follows the last */
        CU_ASSERT_PTR_EQUAL(recs[0].key, buf + CKDTRK_HDR_LEN + CKD_COUNT_LEN + 8 + CKD_COUNT_LEN);
        const uint8_t *end = recs[n - 1].data + recs[n - 1].dl;
        static const uint8_t ff[8] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
        CU_ASSERT_EQUAL(memcmp(end, ff, 8), 0);
        /* a table too small for the records is refused, not overrun */
        if (n > 1)
            CU_ASSERT_EQUAL(ckdtrk_parse(buf, ts, c, h, recs, n - 1, why, sizeof(why)), -1);
        free(buf);
    }
}

/* Appending stops where the real device's track is full. */
static const struct {
    const char *dev;
    uint8_t kl;
    uint16_t dl;
    int fits;
} capacity[] = {
    {"3330", 0, 4096, 3},  {"3350", 0, 4096, 4},  {"3380", 0, 4096, 10}, {"3390", 0, 4096, 12},
    {"3380", 8, 4096, 9},  {"3390", 0, 27998, 2}, {"3390", 0, 27999, 1}, {"3350", 0, 19069, 1},
    {"3350", 0, 19070, 0}, {"3390", 0, 56665, 0}, {"3380", 0, 47477, 0},
};

static void test_capacity(void)
{
    static uint8_t data[65535];
    for (size_t i = 0; i < NELEM(capacity); i++) {
        const struct ckd_geom *g = geom(capacity[i].dev);
        CU_ASSERT_PTR_NOT_NULL_FATAL(g);
        uint32_t ts = ckd_image_track_size(g);
        uint8_t *buf = malloc(ts);
        ckdtrk_init(buf, ts, 2, 3);
        int n = 0;
        while (n < 100 && ckdtrk_append(buf, ts, g, 2, 3, (uint8_t)(n + 1), "KEYKEYKE",
                                        capacity[i].kl, data, capacity[i].dl) == 0)
            n++;
        if (n != capacity[i].fits)
            printf("\n    %s KL %u DL %u: %d fit, expected %d", capacity[i].dev, capacity[i].kl,
                   capacity[i].dl, n, capacity[i].fits);
        CU_ASSERT_EQUAL(n, capacity[i].fits);
        /* the refused record left the track as it was */
        struct ckdrec recs[CKDTRK_MAX_RECS];
        CU_ASSERT_EQUAL(ckdtrk_parse(buf, ts, 2, 3, recs, CKDTRK_MAX_RECS, NULL, 0), n);
        free(buf);
    }
}

/* A record the device would take but the buffer cannot hold is refused. */
static void test_small_buffer(void)
{
    const struct ckd_geom *g = geom("3390");
    uint8_t buf[1024], data[1024] = {0};
    ckdtrk_init(buf, sizeof(buf), 0, 1);
    CU_ASSERT_EQUAL(ckdtrk_append(buf, sizeof(buf), g, 0, 1, 1, NULL, 0, data, 900), 0);
    CU_ASSERT_EQUAL(ckdtrk_append(buf, sizeof(buf), g, 0, 1, 2, NULL, 0, data, 100), -1);
    struct ckdrec recs[4];
    CU_ASSERT_EQUAL(ckdtrk_parse(buf, sizeof(buf), 0, 1, recs, 4, NULL, 0), 1);
}

/* ---------------------------------------------------------------- damaged tracks */

/*
 * The base track is cylinder 7 head 2 of a 3350 with R1 (key 4, data 100)
 * and R2 (data 4096). Offsets: header 0-4, R0 count 5-12, R0 data 13-20,
 * R1 count 21-28, key 29-32, data 33-132, R2 count 133-140, data 141-4236,
 * end marker 4237-4244.
 */
#define BASE_CYL  7
#define BASE_HEAD 2
#define R1_COUNT  21
#define R2_COUNT  133
#define EOT_OFF   4237

static const struct {
    const char *what;
    size_t off;
    uint8_t bytes[8];
    size_t n;
    const char *words; /* '|'-separated words the reason must contain */
} damage[] = {
    {"track header cylinder", 1, {0x00, 0x08}, 2, "track header|cylinder 8"},
    {"track header head", 3, {0x00, 0x03}, 2, "track header|head 3"},
    {"track header flag byte", 0, {0x01}, 1, "track header"},
    {"R0 count cylinder", 5, {0x00, 0x09}, 2, "record 0"},
    {"R0 count head", 7, {0x00, 0x00}, 2, "record 0"},
    {"R0 record number", 9, {0x01}, 1, "record 0"},
    {"R0 with a key", 10, {0x04}, 1, "record 0"},
    {"R0 data length", 11, {0x00, 0x10}, 2, "record 0"},
    {"R1 names another cylinder", R1_COUNT, {0x00, 0x06}, 2, "record 1|cylinder 6 head 2"},
    {"R2 names another head", R2_COUNT + 2, {0x00, 0x1D}, 2, "record 2|cylinder 7 head 29"},
    {"R2 runs past the end", R2_COUNT + 6, {0xFF, 0xFF}, 2, "record 2|past the end"},
    {"R1 key runs past the end", R1_COUNT + 5, {0xFF}, 1, ""}, /* R2's count moves: any reason */
    {"no end-of-track marker", EOT_OFF, {0, 0, 0, 0, 0, 0, 0, 0}, 8, "end-of-track"},
    {"end marker damaged", EOT_OFF + 3, {0x00}, 1, ""},
};

static void test_damaged_tracks(void)
{
    const struct ckd_geom *g = geom("3350");
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    uint32_t ts = ckd_image_track_size(g);
    uint8_t *base = malloc(ts), *buf = malloc(ts);
    uint8_t data[4096];
    pattern(data, sizeof(data), 1);
    ckdtrk_init(base, ts, BASE_CYL, BASE_HEAD);
    CU_ASSERT_EQUAL(ckdtrk_append(base, ts, g, BASE_CYL, BASE_HEAD, 1, "KEY1", 4, data, 100), 0);
    CU_ASSERT_EQUAL(ckdtrk_append(base, ts, g, BASE_CYL, BASE_HEAD, 2, NULL, 0, data, 4096), 0);
    /* the offsets above are where the format puts things */
    CU_ASSERT_EQUAL(base[R1_COUNT + 4], 1);
    CU_ASSERT_EQUAL(base[R2_COUNT + 4], 2);
    CU_ASSERT_EQUAL(base[EOT_OFF], 0xFF);
    CU_ASSERT_EQUAL(base[EOT_OFF - 1], data[4095]);

    struct ckdrec recs[CKDTRK_MAX_RECS];
    char why[300];
    CU_ASSERT_EQUAL(
        ckdtrk_parse(base, ts, BASE_CYL, BASE_HEAD, recs, CKDTRK_MAX_RECS, why, sizeof(why)), 2);
    for (size_t i = 0; i < NELEM(damage); i++) {
        memcpy(buf, base, ts);
        memcpy(buf + damage[i].off, damage[i].bytes, damage[i].n);
        strcpy(why, "(none)");
        int n = ckdtrk_parse(buf, ts, BASE_CYL, BASE_HEAD, recs, CKDTRK_MAX_RECS, why, sizeof(why));
        bool ok = n == -1 && strcmp(why, "(none)") != 0 && mentions(why, damage[i].words);
        if (!ok)
            printf("\n    %s: %d, \"%s\"", damage[i].what, n, why);
        CU_ASSERT_TRUE(ok);
        /* a reason always names the track */
        CU_ASSERT_TRUE(mentions(why, "cylinder 7 head 2"));
        /* and without a reason buffer it is refused all the same */
        CU_ASSERT_EQUAL(ckdtrk_parse(buf, ts, BASE_CYL, BASE_HEAD, recs, CKDTRK_MAX_RECS, NULL, 0),
                        -1);
    }
    /* the undamaged track read as another track is refused */
    CU_ASSERT_EQUAL(
        ckdtrk_parse(base, ts, BASE_CYL, BASE_HEAD + 1, recs, CKDTRK_MAX_RECS, why, sizeof(why)),
        -1);
    CU_ASSERT_TRUE(mentions(why, "track header"));
    /* an end marker missing on track 0 0 (whose zero padding looks like counts) */
    ckdtrk_init(base, ts, 0, 0);
    CU_ASSERT_EQUAL(ckdtrk_append(base, ts, g, 0, 0, 1, NULL, 0, data, 80), 0);
    memset(base + 21 + 8 + 80, 0, 8); /* R1 count at 21, data 29-108 */
    CU_ASSERT_EQUAL(ckdtrk_parse(base, ts, 0, 0, recs, CKDTRK_MAX_RECS, why, sizeof(why)), -1);
    CU_ASSERT_TRUE(mentions(why, "end-of-track"));
    /* nothing can be appended to a track without an end marker */
    CU_ASSERT_EQUAL(ckdtrk_append(base, ts, g, 0, 0, 2, NULL, 0, data, 80), -1);
    free(base);
    free(buf);
}

/* ---------------------------------------------------------------- image files */

static char tmpdir[64];

static void make_tmpdir(void)
{
    snprintf(tmpdir, sizeof(tmpdir), "/tmp/ckdimgXXXXXX");
    CU_ASSERT_PTR_NOT_NULL(mkdtemp(tmpdir));
}

static void remove_tmpdir(const char *const *files, size_t n)
{
    char path[128];
    for (size_t i = 0; i < n; i++) {
        snprintf(path, sizeof(path), "%s/%s", tmpdir, files[i]);
        unlink(path);
    }
    CU_ASSERT_EQUAL(rmdir(tmpdir), 0);
}

static unsigned progress_calls, progress_last, progress_total;

static void progress(void *ctx, unsigned done, unsigned total)
{
    (*(int *)ctx)++;
    progress_calls++;
    CU_ASSERT_EQUAL(done, progress_last + 1);
    progress_last = done;
    progress_total = total;
}

static const struct {
    const char *dev;
    unsigned cyls;
} images[] = {{"3350", 3}, {"3390", 2}, {"3380", 1}, {"3330", 2}};

static void test_create_open(void)
{
    make_tmpdir();
    char path[128], why[300];
    for (size_t i = 0; i < NELEM(images); i++) {
        const struct ckd_geom *g = geom(images[i].dev);
        CU_ASSERT_PTR_NOT_NULL_FATAL(g);
        snprintf(path, sizeof(path), "%s/vol%zu", tmpdir, i);
        struct ckdimg im;
        int ctx = 0;
        progress_calls = progress_last = progress_total = 0;
        int rc = ckdimg_create(&im, path, g, images[i].cyls, progress, &ctx, why, sizeof(why));
        CU_ASSERT_EQUAL_FATAL(rc, 0);
        CU_ASSERT_EQUAL(ctx, (int)images[i].cyls);
        CU_ASSERT_EQUAL(progress_total, images[i].cyls);
        uint32_t ts = im.trksize;
        CU_ASSERT_EQUAL(ts, ckd_image_track_size(g));
        ckdimg_close(&im);

        /* the file: a 512-byte header and whole tracks */
        FILE *f = fopen(path, "rb");
        uint8_t hdr[512];
        CU_ASSERT_EQUAL(fread(hdr, 1, 512, f), 512);
        CU_ASSERT_EQUAL(fseek(f, 0, SEEK_END), 0);
        long size = ftell(f);
        fclose(f);
        CU_ASSERT_EQUAL(size, 512 + (long)images[i].cyls * g->heads * ts);
        CU_ASSERT_EQUAL(memcmp(hdr, "CKD_P370", 8), 0);
        /* Hercules keeps the header's numbers little-endian */
        CU_ASSERT_EQUAL(hdr[8] | hdr[9] << 8 | hdr[10] << 16 | hdr[11] << 24, g->heads);
        CU_ASSERT_EQUAL((uint32_t)(hdr[12] | hdr[13] << 8 | hdr[14] << 16 | hdr[15] << 24), ts);
        CU_ASSERT_EQUAL(hdr[16], g->devtype & 0xFF);

        rc = ckdimg_open(&im, path, true, why, sizeof(why));
        CU_ASSERT_EQUAL_FATAL(rc, 0);
        CU_ASSERT_EQUAL(im.cyls, images[i].cyls);
        CU_ASSERT_EQUAL(im.heads, g->heads);
        CU_ASSERT_EQUAL(im.trksize, ts);
        CU_ASSERT_EQUAL(im.g->devtype, g->devtype);
        CU_ASSERT_EQUAL(im.g->heads, g->heads);

        /* every track starts empty: R0 only */
        uint8_t *buf = malloc(ts), *back = malloc(ts);
        struct ckdrec recs[16];
        for (unsigned c = 0; c < im.cyls; c++)
            for (unsigned h = 0; h < im.heads; h++) {
                CU_ASSERT_EQUAL(ckdimg_read_track(&im, c, h, buf), 0);
                CU_ASSERT_EQUAL(ckdtrk_parse(buf, ts, c, h, recs, 16, why, sizeof(why)), 0);
            }
        /* write the last track of the last cylinder and one in the middle */
        unsigned lc = im.cyls - 1, lh = im.heads - 1;
        uint8_t data[4096];
        pattern(data, sizeof(data), 9);
        ckdtrk_init(buf, ts, lc, lh);
        CU_ASSERT_EQUAL(ckdtrk_append(buf, ts, g, lc, lh, 1, "K", 1, data, 4096), 0);
        CU_ASSERT_EQUAL(ckdimg_write_track(&im, lc, lh, buf), 0);
        ckdtrk_init(buf, ts, 0, 1);
        CU_ASSERT_EQUAL(ckdtrk_append(buf, ts, g, 0, 1, 3, NULL, 0, data, 10), 0);
        CU_ASSERT_EQUAL(ckdimg_write_track(&im, 0, 1, buf), 0);
        /* outside the volume */
        CU_ASSERT_EQUAL(ckdimg_read_track(&im, im.cyls, 0, back), -1);
        CU_ASSERT_EQUAL(ckdimg_read_track(&im, 0, im.heads, back), -1);
        CU_ASSERT_EQUAL(ckdimg_write_track(&im, im.cyls, 0, buf), -1);
        CU_ASSERT_EQUAL(ckdimg_write_track(&im, 0, im.heads, buf), -1);
        ckdimg_close(&im);

        /* read back through a read-only open */
        CU_ASSERT_EQUAL_FATAL(ckdimg_open(&im, path, false, why, sizeof(why)), 0);
        CU_ASSERT_EQUAL(ckdimg_read_track(&im, lc, lh, back), 0);
        CU_ASSERT_EQUAL(ckdtrk_parse(back, ts, lc, lh, recs, 16, why, sizeof(why)), 1);
        CU_ASSERT_EQUAL(recs[0].kl, 1);
        CU_ASSERT_EQUAL(recs[0].key[0], 'K');
        CU_ASSERT_EQUAL(recs[0].dl, 4096);
        CU_ASSERT_TRUE(has_pattern(recs[0].data, 4096, 9));
        CU_ASSERT_EQUAL(ckdimg_read_track(&im, 0, 1, back), 0);
        CU_ASSERT_EQUAL(memcmp(back, buf, ts), 0);
        CU_ASSERT_EQUAL(ckdtrk_parse(back, ts, 0, 1, recs, 16, why, sizeof(why)), 1);
        CU_ASSERT_EQUAL(recs[0].r, 3);
        /* the neighbours were not touched */
        CU_ASSERT_EQUAL(ckdimg_read_track(&im, 0, 0, back), 0);
        CU_ASSERT_EQUAL(ckdtrk_parse(back, ts, 0, 0, recs, 16, why, sizeof(why)), 0);
        CU_ASSERT_EQUAL(ckdimg_read_track(&im, 0, 2, back), 0);
        CU_ASSERT_EQUAL(ckdtrk_parse(back, ts, 0, 2, recs, 16, why, sizeof(why)), 0);
        /* a read-only image refuses writes */
        CU_ASSERT_EQUAL(ckdimg_write_track(&im, 0, 1, buf), -1);
        ckdimg_close(&im);
        ckdimg_close(&im); /* closing twice is harmless */
        free(buf);
        free(back);
    }
    static const char *const files[] = {"vol0", "vol1", "vol2", "vol3"};
    remove_tmpdir(files, NELEM(files));
}

/* ---------------------------------------------------------------- files ckdimg_open refuses */

enum damage_kind { WRITE_BYTES, TRUNCATE_BY, TEXT_FILE, HEADER_ONLY };

static const struct {
    const char *what;
    enum damage_kind kind;
    long off; /* WRITE_BYTES: where; TRUNCATE_BY: bytes cut off the end */
    uint8_t bytes[8];
    size_t n;
    const char *words;
} bad_files[] = {
    {"a text file", TEXT_FILE, 0, {0}, 0, "not a CKD image"},
    {"shorter than the header", TRUNCATE_BY, -100, {0}, 0, "not a CKD image"},
    {"another magic",
     WRITE_BYTES,
     0,
     {'F', 'B', 'A', '_', 'P', '3', '7', '0'},
     8,
     "not a CKD image"},
    {"compressed CCKD", WRITE_BYTES, 0, {'C', 'K', 'D', '_', 'C', '3', '7', '0'}, 8, "compressed"},
    {"cut by one track", TRUNCATE_BY, 19456, {0}, 0, "whole number"},
    {"cut by one byte", TRUNCATE_BY, 1, {0}, 0, "whole number"},
    {"no tracks at all", HEADER_ONLY, 0, {0}, 0, "whole number"},
    {"heads not a 3350's", WRITE_BYTES, 8, {31, 0, 0, 0}, 4, "does not match|3350"},
    {"heads of a 3390", WRITE_BYTES, 8, {15, 0, 0, 0}, 4, "does not match"},
    {"track size not a 3350's", WRITE_BYTES, 12, {0x00, 0x4E, 0x00, 0x00}, 4, "does not match"},
    {"track size big-endian", WRITE_BYTES, 12, {0x00, 0x00, 0x4C, 0x00}, 4, "does not match"},
    {"a device code of a 3390", WRITE_BYTES, 16, {0x90}, 1, "does not match"},
    {"an unknown device code", WRITE_BYTES, 16, {0x40}, 1, "device code"},
};

static void test_open_refuses(void)
{
    make_tmpdir();
    const struct ckd_geom *g = geom("3350");
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    char path[128], why[400];
    snprintf(path, sizeof(path), "%s/bad", tmpdir);
    for (size_t i = 0; i < NELEM(bad_files); i++) {
        struct ckdimg im;
        CU_ASSERT_EQUAL_FATAL(ckdimg_create(&im, path, g, 2, NULL, NULL, why, sizeof(why)), 0);
        ckdimg_close(&im);
        long size = 512 + 2L * 30 * 19456;
        int fd = open(path, O_RDWR);
        CU_ASSERT_FATAL(fd >= 0);
        switch (bad_files[i].kind) {
        case WRITE_BYTES:
            CU_ASSERT_EQUAL(pwrite(fd, bad_files[i].bytes, bad_files[i].n, bad_files[i].off),
                            (ssize_t)bad_files[i].n);
            break;
        case TRUNCATE_BY:
            CU_ASSERT_EQUAL(
                ftruncate(fd, bad_files[i].off < 0 ? -bad_files[i].off : size - bad_files[i].off),
                0);
            break;
        case HEADER_ONLY: CU_ASSERT_EQUAL(ftruncate(fd, 512), 0); break;
        case TEXT_FILE: {
            char text[2000];
            memset(text, 'x', sizeof(text));
            CU_ASSERT_EQUAL(ftruncate(fd, 0), 0);
            CU_ASSERT_EQUAL(pwrite(fd, text, sizeof(text), 0), (ssize_t)sizeof(text));
            break;
        }
        }
        close(fd);
        strcpy(why, "(none)");
        memset(&im, 0x55, sizeof(im));
        int rc = ckdimg_open(&im, path, false, why, sizeof(why));
        bool ok = rc == -1 && mentions(why, bad_files[i].words) && strstr(why, path);
        if (!ok)
            printf("\n    %s: %d, \"%s\"", bad_files[i].what, rc, why);
        CU_ASSERT_TRUE(ok);
        CU_ASSERT_EQUAL(im.fd, -1);
        ckdimg_close(&im); /* safe after a failed open */
    }
    /* a file that is not there */
    struct ckdimg im;
    snprintf(path, sizeof(path), "%s/missing", tmpdir);
    CU_ASSERT_EQUAL(ckdimg_open(&im, path, false, why, sizeof(why)), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(why, "missing"));
    /* the untouched image opens (the table's damage is what was refused) */
    snprintf(path, sizeof(path), "%s/bad", tmpdir);
    CU_ASSERT_EQUAL_FATAL(ckdimg_create(&im, path, g, 2, NULL, NULL, why, sizeof(why)), 0);
    ckdimg_close(&im);
    CU_ASSERT_EQUAL(ckdimg_open(&im, path, false, why, sizeof(why)), 0);
    CU_ASSERT_EQUAL(im.cyls, 2);
    ckdimg_close(&im);
    /* creating where no file can be made */
    snprintf(path, sizeof(path), "%s/no/such/dir", tmpdir);
    CU_ASSERT_EQUAL(ckdimg_create(&im, path, g, 1, NULL, NULL, why, sizeof(why)), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(why, path));
    static const char *const files[] = {"bad"};
    remove_tmpdir(files, NELEM(files));
}

static CU_TestInfo cases[] = {
    {"empty track layout", test_empty_track},
    {"append and parse, with and without keys", test_append_parse},
    {"capacity of the real device", test_capacity},
    {"record larger than the buffer", test_small_buffer},
    {"damaged tracks refused with a reason", test_damaged_tracks},
    {"create, open, read and write an image", test_create_open},
    {"open refuses bad files", test_open_refuses},
    CU_TEST_INFO_NULL,
};

UNIT_SUITE("ckdimg", cases);
