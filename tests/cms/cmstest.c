/*
 * cmstest.c - CMSTEST MODULE, the program tests/system/test_cmsprog.py
 * drives: the program interface (SVC 202 and 203 with good and bad
 * parameter lists, cmsapi.h, stdio) from inside CMS, and programs that
 * end in every way (a return code, exit() deep down, a loop for HX, a
 * program check).
 *
 *   CMSTEST RC n        return n                  CMSTEST EXIT n     exit(n) three calls deep
 *   CMSTEST WILD        store into low storage (a protection exception)
 *   CMSTEST LOOP        loop until HX             CMSTEST ABEND      write a record, then divide by 0
 *   CMSTEST PLIST       raw SVCs, bad plists      CMSTEST API        cmsapi.h, malloc, qsort ...
 *   CMSTEST COPY in-fileid out-fileid             text copy with fgets/fputs
 *   CMSTEST BCOPY in-fileid out-fileid [F|V n]    binary copy with fread/fwrite
 *   CMSTEST ASK         read a line from the console, type it back
 *
 * PLIST and API type one line a check and return the number that failed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cmsapi.h"
#include "cmslib.h"
#include "console/ebcdic.h"
#include "diagnose/diag.h"
#include "diagnose/diagcall.h"
#include "lib/bytes.h"

static int checks, failures;

/* A check: only a failure is typed, so that the screen stays short. */
static void check(const char *what, int got, int want)
{
    checks++;
    if (got != want) {
        printf("FAIL %s: RC %d, EXPECTED %d\n", what, got, want);
        failures++;
    }
}

static void check_true(const char *what, bool ok)
{
    checks++;
    if (!ok) {
        printf("FAIL %s\n", what);
        failures++;
    }
}

/* ---------------------------------------------------------------- raw SVCs */

/* SVC 202 with R1 = plist and DC AL4(error address): R15; *took says
 * whether control came back at the error address. */
static int svc_err(uint32_t plist, int *took)
{
    register uint32_t r1 __asm__("1") = plist;
    uint32_t sp;
    int t, rc;
    __asm__ volatile("lr %[sp],%%r15\n"
                     "\tsvc 202\n"
                     "\t.long 1f\n"
                     "\tlhi %[t],0\n"
                     "\tj 2f\n"
                     "1:\tlhi %[t],1\n"
                     "2:\tlr %[rc],%%r15\n"
                     "\tlr %%r15,%[sp]\n"
                     : [t] "=&d"(t), [rc] "=&d"(rc), [sp] "=&d"(sp), "+d"(r1)
                     :
                     : "0", "memory", "cc");
    *took = t;
    return rc;
}

/* SVC 202 followed directly by the next instruction (no error address). */
static int svc_plain(uint32_t plist)
{
    register uint32_t r1 __asm__("1") = plist;
    uint32_t sp;
    int rc;
    __asm__ volatile("lr %[sp],%%r15\n\tsvc 202\n\tlr %[rc],%%r15\n\tlr %%r15,%[sp]"
                     : [rc] "=&d"(rc), [sp] "=&d"(sp), "+d"(r1)
                     :
                     : "0", "memory", "cc");
    return rc;
}

static uint32_t addr(const void *p) { return (uint32_t)(uintptr_t)p; }

/* An FSCB in EBCDIC: func fn ft fm, buffer, size, recfm. */
static void fscb(uint8_t *p, const char *func, const char *fn, const char *ft, const char *fm,
                 uint32_t buf, uint32_t size, char recfm)
{
    cmslib_fscb(p, func, fn, ft, fm);
    put_be32(p + FSCB_BUFF, buf);
    put_be32(p + FSCB_SIZE, size);
    if (recfm)
        a2e(p + FSCB_FV, &recfm, 1);
    put_be16(p + FSCB_NOIT, 1);
}

static int plist_tests(void)
{
    uint8_t p[64] __attribute__((aligned(8)));
    uint8_t buf[100];
    int took;

    /* the name */
    cmslib_tokens("NOSUCHCM", p, 8);
    check("UNKNOWN NAME", svc_err(addr(p), &took), -3);
    check_true("UNKNOWN NAME TAKES THE ERROR EXIT", took == 1);
    check("PLIST BEYOND STORAGE", svc_err(0x00FFFFFC, &took), -3);
    memcpy(p, "hello   ", 8); /* ASCII: not a CMS name */
    check("NAME NOT EBCDIC", svc_plain(addr(p)), -3);

    /* STATE */
    fscb(p, "STATE", "NOSUCH", "FILE", "*", 0, 0, 0);
    check("STATE NOSUCH FILE", svc_err(addr(p), &took), 28);
    check_true("STATE NOT FOUND TAKES THE ERROR EXIT", took == 1);
    fscb(p, "STATE", "A.B", "FILE", "*", 0, 0, 0);
    check("STATE INVALID CHARACTER", svc_plain(addr(p)), 20);
    fscb(p, "STATE", "CMSTEST", "MODULE", "Q", 0, 0, 0);
    check("STATE DISK NOT ACCESSED", svc_plain(addr(p)), 36);
    fscb(p, "STATE", "CMSTEST", "MODULE", "*", 0, 0, 0);
    check("STATE CMSTEST MODULE", svc_err(addr(p), &took), 0);
    check_true("RC 0 RETURNS AFTER THE ERROR ADDRESS", took == 0);
    const uint8_t *fst = (const uint8_t *)(uintptr_t)(get_be32(p + FSCB_BUFF) & 0xFFFFFF);
    char name[9];
    e2a_field(name, fst, 8);
    check_true("STATEFST HAS THE FILE NAME", strcmp(name, "CMSTEST") == 0);
    check_true("STATEFST SAYS RECFM V", fst[30] == 0xE5);
    cmslib_tokens("STATE NOSUCH FILE *", p, 7); /* a tokenised plist works too */
    check("STATE AS TOKENS", svc_plain(addr(p)), 28);
    check("STATE FROM CMSCMD", cmscmd("STATE NOSUCH FILE"), 28);

    /* RDBUF */
    fscb(p, "RDBUF", "CMSTEST", "MODULE", "*", 0x100, 80, 0);
    check("RDBUF INTO LOW STORAGE", svc_plain(addr(p)), 2);
    fscb(p, "RDBUF", "CMSTEST", "MODULE", "*", 0xFFFF00, 0x1000, 0);
    check("RDBUF BEYOND STORAGE", svc_plain(addr(p)), 2);
    fscb(p, "RDBUF", "NOSUCH", "FILE", "A1", addr(buf), sizeof(buf), 0);
    check("RDBUF FILE NOT FOUND", svc_plain(addr(p)), 1);
    fscb(p, "RDBUF", "CMSTEST", "MODULE", "*", addr(buf), 10, 0);
    check("RDBUF BUFFER TOO SMALL", svc_plain(addr(p)), 8);
    check_true("RDBUF NORD IS THE RECORD'S LENGTH", get_be32(p + FSCB_NORD) == 80);
    fscb(p, "FINIS", "CMSTEST", "MODULE", "*", 0, 0, 0);
    check("FINIS", svc_plain(addr(p)), 0);

    /* WRBUF */
    fscb(p, "WRBUF", "NEW", "FILE", "S1", addr(buf), 80, 'F');
    check("WRBUF TO THE READ-ONLY S-DISK", svc_plain(addr(p)), 12);
    fscb(p, "WRBUF", "NEW", "FILE", "A1", addr(buf), 80, 'X');
    check("WRBUF RECFM X", svc_plain(addr(p)), 11);
    fscb(p, "WRBUF", "NEW", "FILE", "A1", addr(buf), 0, 'F');
    check("WRBUF NO BYTES", svc_plain(addr(p)), 8);
    fscb(p, "WRBUF", "NEW", "FILE", "A1", 0xFFFFF0, 80, 'F');
    check("WRBUF BUFFER BEYOND STORAGE", svc_plain(addr(p)), 2);

    /* console functions */
    cmslib_field(p, "TYPLIN");
    put_be32(p + CONPL_ADDR, addr(buf));
    put_be32(p + CONPL_LEN, 5000);
    check("TYPLIN 5000 CHARACTERS", svc_plain(addr(p)), 24);

    /* SVC 203 */
    uint32_t r1 = 0;
    check("DMSFREE 0 DOUBLEWORDS", cmslib_svc203(-SVC203_DMSFREE, 0, &r1), 2);
    check("DMSFREE 16M", cmslib_svc203(-SVC203_DMSFREE, 0x1FFFFF, &r1), 1);
    r1 = addr(buf);
    check("DMSFRET OF A BLOCK NOT GOT", cmslib_svc203(-SVC203_DMSFRET, 8, &r1), 3);
    check("DMSFREE 8 DOUBLEWORDS", cmslib_svc203(-SVC203_DMSFREE, 8, &r1), 0);
    check("DMSFRET IT", cmslib_svc203(-SVC203_DMSFRET, 8, &r1), 0);
    check("DMSFRET IT AGAIN", cmslib_svc203(-SVC203_DMSFRET, 8, &r1), 3);

    /* the nucleus functions of the transient commands */
    memset(p, 0, 64);
    cmslib_field(p, "DISKINFO");
    a2e(p + DIPL_MODE, "S", 1);
    put_be32(p + DIPL_AREA, 0x100);
    check("DISKINFO INTO LOW STORAGE", svc_plain(addr(p)), 2);
    put_be32(p + DIPL_AREA, addr(buf));
    check("DISKINFO S", svc_plain(addr(p)), 0);
    check_true("DISKINFO S IS 190 R/O",
               get_be16(buf + DI_VADDR) == 0x190 && (buf[DI_FLAGS] & DI_RDONLY));
    a2e(p + DIPL_MODE, "Q", 1);
    check("DISKINFO OF A MODE NOT ACCESSED", svc_plain(addr(p)), 36);
    p[DIPL_MODE] = 0x5C; /* '*' */
    check("DISKINFO OF A BAD MODE", svc_plain(addr(p)), 24);
    memset(p, 0, 64);
    cmslib_field(p, "DISKACC");
    put_be16(p + DAPL_VADDR, 0x190);
    check("DISKACC WITH NO MODE", svc_plain(addr(p)), 24);
    a2e(p + DAPL_MODE, "QQ", 2); /* its own parent */
    check("DISKACC AS ITS OWN EXTENSION", svc_plain(addr(p)), 24);
    a2e(p + DAPL_PARENT, " ", 1);
    put_be16(p + DAPL_VADDR, 0xEEE);
    check("DISKACC OF NO DEVICE", svc_plain(addr(p)), DISKACC_NODEV);
    memset(p, 0, 64);
    cmslib_field(p, "DISKREL");
    a2e(p + DRPL_MODE, "Q", 1);
    check("DISKREL OF A MODE NOT ACCESSED", svc_plain(addr(p)), 36);
    memset(p, 0, 64);
    cmslib_field(p, "DISKFMT");
    put_be16(p + DFPL_VADDR, 0x190);
    a2e(p + DFPL_WHAT, "F", 1);
    put_be32(p + DFPL_AREA, addr(buf));
    check("DISKFMT OF THE R/O S-DISK", svc_plain(addr(p)), 36);
    a2e(p + DFPL_WHAT, "X", 1);
    check("DISKFMT OF AN UNKNOWN KIND", svc_plain(addr(p)), 24);
    check("FSRENAME OF NO FILE", fsrename("NOSUCH", "FILE", "A", "OTHER", "FILE", 0), 28);
    check("FSRENAME ON THE S-DISK", fsrename("CMSTEST", "MODULE", "S", "X", "MODULE", 0),
          fsstate("CMSTEST", "MODULE", "S", NULL) == 0 ? 12 : 28);
    check("FSRENAME TO ANOTHER DISK", fsrename("CMSTEST", "MODULE", "A", "X", "MODULE", '9'), 24);
    /* DIAGNOSE X'14' with an empty reader and on devices that are not one */
    static uint8_t page[8192];
    uint8_t *pg = (uint8_t *)(((uintptr_t)page + 4095) & ~(uintptr_t)4095);
    unsigned why = 0;
    check("DIAG 14 READ OF AN EMPTY READER", rdrdiag(DIAG14_READ, 0, pg, &why), 2);
    check("DIAG 14 PUNCH DESCRIPTOR, NO FILE", rdrdiag(DIAG14_PUNSFB, 0, pg, &why), 2);
    check("DIAG 14 SELECT OF NO FILE", rdrdiag(DIAG14_SELECT, 4321, NULL, &why), 2);
    check("DIAG 14 REPEAT, NO ACTIVE FILE", rdrdiag(DIAG14_REPEAT, 2, NULL, &why), 2);
    check("DIAG 14 ON THE PUNCH",
          diag_spool_reader(0x00D, DIAG14_READ, (diag_reg)(uintptr_t)pg, &why), 3);
    check("DIAG 14 ON THE PUNCH: NOT A READER", (int)why, DIAG14_RC_NOTRDR);
    check("DIAG 14 ON NO DEVICE",
          diag_spool_reader(0x0AB, DIAG14_READ, (diag_reg)(uintptr_t)pg, &why), 3);
    check("DIAG 14 ON NO DEVICE: REASON", (int)why, DIAG14_RC_NODEV);
    unsigned flags = 0;
    check("NUCON OF A BAD SETTING", cms_nucon("BLIP", "ON", &flags), 24);
    check("NUCON READS", cms_nucon(NULL, NULL, &flags), 0);

    /* commands from a program */
    check("NESTED LISTFILE", cmscmd("LISTFILE CMSTEST MODULE *"), 0);
    check("NESTED LISTFILE BY ITS ABBREVIATION", cmscmd("L CMSTEST MODULE *"), 0);
    check("A MODULE WHILE ONE RUNS", cmscmd("HELLO"), 104);
    check("UNKNOWN COMMAND", cmscmd("NOSUCHCM"), -3);
    printf("PLIST CHECKS %d FAILURES %d\n", checks, failures);
    return failures;
}

/* ---------------------------------------------------------------- cmsapi.h */

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return x < y ? -1 : x > y;
}

static int api_tests(void)
{
    uint8_t rec[100];
    size_t len;
    const char *lines[] = {"FIRST RECORD", "SECOND", "THE THIRD AND LONGEST RECORD"};
    fserase("APITEST", "DATA", "A1");
    for (int i = 0; i < 3; i++) {
        a2e(rec, lines[i], strlen(lines[i]));
        check("FSWRITE V", fswrite("APITEST", "DATA", "A1", 0, 'V', rec, strlen(lines[i])), 0);
    }
    check("FSSTATE WHILE BEING WRITTEN", fsstate("APITEST", "DATA", "A", NULL), 28);
    check("FSCLOSE", fsclose("APITEST", "DATA", "A1"), 0);
    struct cms_fst st;
    check("FSSTATE", fsstate("APITEST", "DATA", "A", &st), 0);
    check_true("FSSTATE FIELDS", st.records == 3 && st.recfm == 'V' && st.lrecl == 28 &&
                                     !strcmp(st.fm, "A1") && !strcmp(st.ft, "DATA") &&
                                     !st.readonly);
    check("FSREAD RECORD 2", fsread("APITEST", "DATA", "A", 2, rec, sizeof(rec), &len), 0);
    check_true("FSREAD DATA", len == 6 && memcmp(rec, "\xE2\xC5\xC3\xD6\xD5\xC4", 6) == 0);
    check("FSREAD NEXT", fsread("APITEST", "DATA", "A", 0, rec, sizeof(rec), &len), 0);
    check_true("FSREAD NEXT IS RECORD 3", len == 28);
    check("FSREAD AT THE END", fsread("APITEST", "DATA", "A", 0, rec, sizeof(rec), &len), 12);
    check("FSREAD SHORT BUFFER", fsread("APITEST", "DATA", "A", 1, rec, 4, &len), 8);
    check_true("FSREAD SHORT BUFFER LENGTH", len == 12);
    check("FSWRITE WHILE READING", fswrite("APITEST", "DATA", "A1", 0, 'V', rec, 4), 9);
    fsclose("APITEST", "DATA", "A");
    memset(rec, 0x40, 80);
    check("FSWRITE F", fswrite("APITEST", "FDATA", "A1", 0, 'F', rec, 80), 0);
    check("FSWRITE F WRONG LENGTH", fswrite("APITEST", "FDATA", "A1", 0, 'F', rec, 40), 15);
    check("FSWRITE RECFM DIFFERS", fswrite("APITEST", "FDATA", "A1", 0, 'V', rec, 80), 16);
    check("FSCLOSE *", fsclose("*", "*", "*"), 0);
    uint32_t cursor = 0;
    int n = 0;
    while (fslist("APITEST", "*", "A", &cursor, &st) == 0)
        n++;
    check("FSLIST FOUND", n, 2);
    check("FSLIST *", fslist("*", "*", "*", &(uint32_t){0}, &st), 0);
    check("FSERASE", fserase("APITEST", "*", "A1"), 0);
    check("FSSTATE ERASED", fsstate("APITEST", "DATA", "*", &st), 28);
    check("FSERASE AGAIN", fserase("APITEST", "DATA", "A1"), 28);
    check("FSSTATE BAD MODE", fsstate("APITEST", "DATA", "A12", &st), 24);
    check("FSSTATE LONG NAME", fsstate("APITESTXX", "DATA", "A", &st), 20);

    check("ATTN", attn("A STACKED LINE", false), 0);
    check("SENTRIES", sentries(), 1);
    char line[140];
    check("RDTERM", rdterm(line, sizeof(line), false), 14);
    check_true("RDTERM LINE", strcmp(line, "A STACKED LINE") == 0);
    check("SENTRIES AFTER", sentries(), 0);
    check("WRTERM", wrterm("WRTERM TYPES THIS LINE", 22), 0);

    char resp[200];
    check("CP QUERY TIME", cp_command("QUERY TIME", resp, sizeof(resp)), 0);
    check_true("CP RESPONSE", strstr(resp, "TIME IS") != NULL);

    void *d = dmsfree(1000);
    check_true("DMSFREE", d != NULL);
    dmsfret(d, 1000);

    int *v = malloc(1000 * sizeof(int));
    check_true("MALLOC", v != NULL);
    for (int i = 0; i < 1000; i++)
        v[i] = (i * 7919) % 1000;
    qsort(v, 1000, sizeof(int), cmp_int);
    bool sorted = true;
    for (int i = 0; i < 1000; i++)
        sorted &= v[i] == i;
    check_true("QSORT", sorted);
    int *w = realloc(v, 50000 * sizeof(int)); /* an arena of its own */
    check_true("REALLOC KEEPS THE DATA", w && w[999] == 999);
    free(w ? w : v);
    char *s = strdup("A STRING");
    check_true("STRDUP", s && !strcmp(s, "A STRING"));
    free(s);
    check_true("STRTOL", strtol("-0x1F", NULL, 0) == -31 && atoi("  42X") == 42);
    char fmt[40];
    snprintf(fmt, sizeof(fmt), "%05d|%-4s|%X", 42, "AB", 0xBEEFu);
    check_true("SNPRINTF", strcmp(fmt, "00042|AB  |BEEF") == 0);
    FILE *f = fopen("NOSUCH FILE A", "r");
    check_true("FOPEN OF A MISSING FILE", f == NULL);
    if (f)
        fclose(f);
    f = fopen("SOME FILE A", "r+");
    check_true("FOPEN BAD MODE", f == NULL);
    if (f)
        fclose(f);
    printf("API CHECKS %d FAILURES %d\n", checks, failures);
    return failures;
}

/* ---------------------------------------------------------------- copies */

static int copy(char **argv, int argc, bool binary)
{
    char in[40], out[40], mode[40];
    if (argc < 8) {
        printf("USAGE: CMSTEST %s FN FT FM FN FT FM\n", binary ? "BCOPY" : "COPY");
        return 24;
    }
    snprintf(in, sizeof(in), "%s %s %s", argv[2], argv[3], argv[4]);
    snprintf(out, sizeof(out), "%s %s %s", argv[5], argv[6], argv[7]);
    if (binary && argc >= 10)
        snprintf(mode, sizeof(mode), "wb,recfm=%s,lrecl=%s", argv[8], argv[9]);
    else
        snprintf(mode, sizeof(mode), binary ? "wb" : "w");
    FILE *r = fopen(in, binary ? "rb" : "r");
    if (!r) {
        printf("CANNOT OPEN %s\n", in);
        return 28;
    }
    FILE *w = fopen(out, mode);
    if (!w) {
        fclose(r);
        printf("CANNOT OPEN %s\n", out);
        return 36;
    }
    unsigned long bytes = 0, lines = 0;
    unsigned long long sum = 0;
    if (binary) {
        unsigned char b[37]; /* an odd size: pieces across records */
        size_t n;
        while ((n = fread(b, 1, sizeof(b), r)) > 0) {
            for (size_t i = 0; i < n; i++)
                sum = (sum * 31 + b[i]) % 1000000007ull;
            bytes += n;
            fwrite(b, 1, n, w);
        }
    } else {
        char line[300];
        while (fgets(line, sizeof(line), r)) {
            bytes += strlen(line);
            lines++;
            fputs(line, w);
        }
    }
    fclose(r);
    int rc = fclose(w);
    if (binary)
        printf("BYTES %lu SUM %lu\n", bytes, (unsigned long)sum);
    else
        printf("LINES %lu CHARACTERS %lu\n", lines, bytes);
    return rc ? 100 : 0;
}

/* ---------------------------------------------------------------- endings */

static void deep3(int rc) { exit(rc); }

static void deep2(int rc)
{
    deep3(rc);
    printf("NOT REACHED\n");
}

static void deep(int rc)
{
    deep2(rc);
    printf("NOT REACHED\n");
}

static int abend(void)
{
    uint8_t rec[80];
    a2e(rec, "WRITTEN BEFORE THE ABEND", 24);
    memset(rec + 24, 0x40, 56);
    fserase("ABEND", "FILE", "A1");
    fswrite("ABEND", "FILE", "A1", 0, 'F', rec, 80); /* no FINIS: the abend closes it */
    volatile int zero = 0, many = 1000;
    printf("DIVIDING BY ZERO\n");
    return many / zero; /* cppcheck-suppress zerodiv ; the point of the test */
}

int main(int argc, char **argv)
{
    const char *what = argc > 1 ? argv[1] : "";
    if (!strcmp(what, "RC") && argc > 2)
        return (int)strtol(argv[2], NULL, 10);
    if (!strcmp(what, "EXIT") && argc > 2)
        deep((int)strtol(argv[2], NULL, 10));
    if (!strcmp(what, "LOOP")) {
        printf("LOOPING\n");
        for (volatile unsigned long i = 0;; i++)
            ;
    }
    if (!strcmp(what, "ABEND"))
        return abend();
    if (!strcmp(what, "WILD")) { /* a store into CMS's low storage: the key protects it */
        printf("STORING INTO LOW STORAGE\n");
        memset((void *)(uintptr_t)0x60, 0, 0x40); /* the new PSWs */
        printf("NOT PROTECTED\n");
        return 0;
    }
    if (!strcmp(what, "PLIST"))
        return plist_tests();
    if (!strcmp(what, "API"))
        return api_tests();
    if (!strcmp(what, "COPY") || !strcmp(what, "BCOPY"))
        return copy(argv, argc, what[0] == 'B');
    if (!strcmp(what, "CMD") && argc > 2) { /* CMSTEST CMD cmd args: a command from a program */
        char line[130] = "";
        for (int i = 2; i < argc; i++)
            snprintf(line + strlen(line), sizeof(line) - strlen(line), "%s%s", i > 2 ? " " : "",
                     argv[i]);
        int rc = cmscmd(line);
        printf("CMSTEST: %s GAVE %d\n", line, rc);
        return rc;
    }
    if (!strcmp(what, "ASK")) {
        char line[140];
        printf("TYPE A LINE:\n");
        if (!fgets(line, sizeof(line), stdin)) {
            printf("END OF FILE\n");
            return 4;
        }
        printf("YOU TYPED: %s", line);
        return 0;
    }
    printf("USAGE: CMSTEST RC|EXIT|LOOP|ABEND|PLIST|API|COPY|BCOPY|ASK|CMD ...\n");
    return 24;
}
