/*
 * test_sha256.c - SHA-256 against the FIPS 180-2/NIST example digests and
 * against digests of messages around the padding boundaries (55, 56, 63,
 * 64, 65 ... bytes; taken from coreutils sha256sum), in one call and fed
 * in pieces of every awkward size.
 */
#include <stdio.h>
#include <string.h>
#include "lib/sha256.h"
#include "unit.h"

static void hex(const uint8_t d[SHA256_LEN], char out[2 * SHA256_LEN + 1])
{
    for (int i = 0; i < SHA256_LEN; i++)
        snprintf(out + 2 * i, 3, "%02x", d[i]);
}

/* ------------------------------------------------------- NIST examples */

static const struct {
    const char *msg;
    const char *digest;
} nist[] = {
    {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
    {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
    /* the 448-bit message: padding spills into a second block */
    {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
     "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
    /* the 896-bit message */
    {"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnop"
     "q"
     "rsmnopqrstnopqrstu",
     "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"},
};

static void test_nist(void)
{
    for (size_t k = 0; k < NELEM(nist); k++) {
        uint8_t d[SHA256_LEN];
        char h[2 * SHA256_LEN + 1];
        sha256(nist[k].msg, strlen(nist[k].msg), d);
        hex(d, h);
        CU_ASSERT_STRING_EQUAL(h, nist[k].digest);
    }
}

/* One million 'a': one call, and 1000 updates of 1000 bytes. */
static void test_million_a(void)
{
    static uint8_t a[1000000];
    static const char want[] = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
    uint8_t d[SHA256_LEN];
    char h[2 * SHA256_LEN + 1];
    memset(a, 'a', sizeof a);

    sha256(a, sizeof a, d);
    hex(d, h);
    CU_ASSERT_STRING_EQUAL(h, want);

    struct sha256 c;
    sha256_init(&c);
    for (int i = 0; i < 1000; i++)
        sha256_update(&c, a, 1000);
    sha256_final(&c, d);
    hex(d, h);
    CU_ASSERT_STRING_EQUAL(h, want);
}

/* ---------------------------------------------- padding boundary cases */

/* Message of n bytes: byte i is (7i + 3) mod 256. */
static const struct {
    size_t n;
    const char *digest;
} bounds[] = {
    {55, "e7313d333c272e639f790978283f9eb392e843d0f29b7016828bb1daa4aac70b"},
    {56, "4324d65f3c103567f5589c710bc08f8523f929a9272e3af36fc968e52abc6c27"},
    {63, "81c80242132f230c3bd41b3e63bbcff16107339549214a99614ff26664625055"},
    {64, "39e3d7b6b5d075d37d053ad89b24b41bef4f3c29760c84447cab3f3be1882241"},
    {65, "aacca6ff74fdbb296d165a45cecfa04e5127bc008770fbbdd48006f2d2fae95e"},
    {119, "9ce7368e4daf32341631b492e80359dc9f594b48453cd0dd5bf0b19279cc177e"},
    {120, "7836b787757e95e58b3ca5aec90b1b004e8deba1e50e9675af9cabf1a13a04b5"},
    {127, "a8d23e75d936f303d248888d9b165ee543f4cbafcad3c9dd2a79bd84faa11d07"},
    {128, "d2742f1f4ac6bb7ca2b239ee18402ba8b3f9f8e652d2a72973c2b9ba11c08cf6"},
    {1000, "1e9bc38cbf860b9ec31918b065f9b52476c549a782e0e7990bed8ce3868d2371"},
};

static void test_boundaries(void)
{
    static const size_t chunks[] = {1, 3, 55, 63, 64, 65, 200};
    uint8_t msg[1000];
    for (size_t i = 0; i < sizeof msg; i++)
        msg[i] = (uint8_t)(7 * i + 3);

    for (size_t k = 0; k < NELEM(bounds); k++) {
        uint8_t d[SHA256_LEN];
        char h[2 * SHA256_LEN + 1];
        sha256(msg, bounds[k].n, d);
        hex(d, h);
        CU_ASSERT_STRING_EQUAL(h, bounds[k].digest);

        /* The same message in pieces, with empty updates mixed in. */
        for (size_t ch = 0; ch < NELEM(chunks); ch++) {
            struct sha256 c;
            sha256_init(&c);
            for (size_t off = 0; off < bounds[k].n; off += chunks[ch]) {
                size_t len = bounds[k].n - off < chunks[ch] ? bounds[k].n - off : chunks[ch];
                sha256_update(&c, msg + off, len);
                sha256_update(&c, NULL, 0);
            }
            sha256_final(&c, d);
            hex(d, h);
            CU_ASSERT_STRING_EQUAL(h, bounds[k].digest);
        }
    }
}

static CU_TestInfo cases[] = {
    {"nist", test_nist},
    {"million_a", test_million_a},
    {"boundaries", test_boundaries},
    CU_TEST_INFO_NULL,
};

UNIT_SUITE("sha256", cases);
