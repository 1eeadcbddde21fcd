/*
 * options.c - the options after "(" on a command line (util.h): matched
 * by minimum abbreviation as R6's commands do, with their numbers and
 * words, and the pairs that may not be given together.
 */
#include <string.h>
#include "lib/cmdscan.h"
#include "cms/util/common/util.h"

int util_paren(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "(") == 0)
            return i;
    return argc;
}

bool util_number(const char *s, uint32_t *v) { return parse_dec32(s, v) && *v > 0; }

int util_options(const char *mod, int argc, char **argv, int first, const struct util_opt *tab,
                 int n, struct util_optval *val)
{
    memset(val, 0, (size_t)n * sizeof(*val));
    for (int i = first; i < argc && strcmp(argv[i], ")") != 0; i++) {
        int k = 0;
        while (k < n && !abbrev(argv[i], tab[k].name, tab[k].min))
            k++;
        if (k == n) {
            util_msg(mod, "003E", "INVALID OPTION '%s'", argv[i]);
            return 24;
        }
        struct util_optval *v = &val[k];
        v->set = true;
        if (tab[k].arg == UTIL_ARG_NONE)
            continue;
        if (i + 1 >= argc || strcmp(argv[i + 1], ")") == 0) {
            util_msg(mod, "005E", "NO '%s' SPECIFIED", tab[k].name);
            return 24;
        }
        const char *p = argv[++i];
        if (tab[k].arg == UTIL_ARG_NUM && !util_number(p, &v->num)) {
            util_msg(mod, "029E", "INVALID PARAMETER '%s' IN THE OPTION '%s' FIELD", p,
                     tab[k].name);
            return 24;
        }
        size_t l = strlen(p);
        if (l > 8)
            l = 8;
        memcpy(v->word, p, l);
        v->word[l] = 0;
    }
    return 0;
}

int util_conflicts(const char *mod, const struct util_opt *tab, const struct util_optval *val,
                   const uint8_t (*pairs)[2], int npairs)
{
    for (int k = 0; k < npairs; k++)
        if (val[pairs[k][0]].set && val[pairs[k][1]].set) {
            util_msg(mod, "066E", "'%s' AND '%s' ARE CONFLICTING OPTIONS", tab[pairs[k][0]].name,
                     tab[pairs[k][1]].name);
            return 24;
        }
    return 0;
}

bool util_vaddr(const char *s, unsigned *v)
{
    unsigned x = 0;
    size_t n = strlen(s);
    if (n == 0 || n > 4)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0)
            return false;
        x = x * 16 + (unsigned)d;
    }
    *v = x;
    return true;
}

bool util_nomsg(void)
{
    unsigned flags = 0;
    return cms_nucon(NULL, NULL, &flags) == 0 && (flags & CMS_NOMSG);
}
