/*
 * copyfile.h - COPYFILE's parts (cms/util/README.md): the command
 * (copyfile.c) and the SPECS and TRANS lists typed after its prompts
 * (cpyspec.c).
 */
#ifndef CMS_UTIL_COPYFILE_H
#define CMS_UTIL_COPYFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

int copyfile_main(int argc, char **argv);

/* One pair of a specification list: input columns or a literal, and the
 * output column it goes to. */
struct cpy_spec {
    bool lit;
    uint32_t from, to; /* input columns (1-based, inclusive) */
    uint32_t off, len; /* a literal: its bytes in cpy_specs.lits */
    uint32_t col;      /* output column */
};

#define CPY_MAXSPEC 20   /* pairs in a list (R6) */
#define CPY_MAXLIST 1040 /* characters of a list: 8 lines of 130 */

struct cpy_specs {
    int n;
    struct cpy_spec s[CPY_MAXSPEC];
    uint32_t nlit;
    uint8_t lits[CPY_MAXLIST]; /* EBCDIC */
};

/* Read a list after the prompt "DMSCPY<id> text" (when prompt): lines
 * ending in "++" go on on the next line. line gets CPY_MAXLIST bytes. */
void cpy_read_list(bool prompt, const char *id, const char *text, char *line);
/* Parse a specification list: 0, or 24 after a message. */
int cpy_parse_specs(const char *line, struct cpy_specs *sp);
/* Parse a translation list into t (pairs: a character or two hex digits,
 * then what it becomes): 0, or 24 after a message. */
int cpy_parse_trans(const char *line, uint8_t t[256]);
/* Build an output record from rec (len bytes) by the list into out
 * (cap bytes, already holding *olen bytes: an OVLY base); columns left
 * between pieces get fill. */
void cpy_apply_specs(const struct cpy_specs *sp, const uint8_t *rec, size_t len, uint8_t *out,
                     size_t cap, size_t *olen, uint8_t fill);

#endif
