/*
 * dirtab.c - the directory's fixed tables: device types, access modes and
 * the character rules for names. Shared by the parser, the compiler and
 * the image reader, so a name or code means the same thing everywhere.
 *
 * Entry points: dir_devtype, dir_mode_name, dir_mode_password, dir_name_ok,
 * dir_char_ok.
 * Sources: shared/reference/vm370.md 4.2 (device types per statement) and
 * 4.3 (link modes).
 */
#include <string.h>
#include <ctype.h>
#include "dir.h"

static const struct dir_devtype_info devtypes[DIR_DT_COUNT] = {
    [DIR_DT_3215] = {"3215", 3215, DIR_STMT_CONSOLE, DIR_UC_CONSOLE},
    [DIR_DT_3210] = {"3210", 3210, DIR_STMT_CONSOLE, DIR_UC_CONSOLE},
    [DIR_DT_2540R] = {"2540 READER", 2540, DIR_STMT_SPOOL, DIR_UC_READER},
    [DIR_DT_2540P] = {"2540 PUNCH", 2540, DIR_STMT_SPOOL, DIR_UC_PUNCH},
    [DIR_DT_1403] = {"1403", 1403, DIR_STMT_SPOOL, DIR_UC_PRINTER},
    [DIR_DT_3211] = {"3211", 3211, DIR_STMT_SPOOL, DIR_UC_PRINTER},
    [DIR_DT_1443] = {"1443", 1443, DIR_STMT_SPOOL, DIR_UC_PRINTER},
    [DIR_DT_3505] = {"3505", 3505, DIR_STMT_SPOOL, DIR_UC_READER},
    [DIR_DT_3525] = {"3525", 3525, DIR_STMT_SPOOL, DIR_UC_PUNCH},
    [DIR_DT_2501] = {"2501", 2501, DIR_STMT_SPOOL, DIR_UC_READER},
    [DIR_DT_2305] = {"2305", 2305, DIR_STMT_MDISK, DIR_UC_DASD},
    [DIR_DT_2314] = {"2314", 2314, DIR_STMT_MDISK, DIR_UC_DASD},
    [DIR_DT_2319] = {"2319", 2319, DIR_STMT_MDISK, DIR_UC_DASD},
    [DIR_DT_3330] = {"3330", 3330, DIR_STMT_MDISK, DIR_UC_DASD},
    [DIR_DT_3340] = {"3340", 3340, DIR_STMT_MDISK, DIR_UC_DASD},
    [DIR_DT_3350] = {"3350", 3350, DIR_STMT_MDISK, DIR_UC_DASD},
    [DIR_DT_3375] = {"3375", 3375, DIR_STMT_MDISK, DIR_UC_DASD},
    [DIR_DT_3380] = {"3380", 3380, DIR_STMT_MDISK, DIR_UC_DASD},
    [DIR_DT_3390] = {"3390", 3390, DIR_STMT_MDISK, DIR_UC_DASD},
    [DIR_DT_3270] = {"3270", 3270, DIR_STMT_SPECIAL, DIR_UC_GRAF},
    [DIR_DT_CTCA] = {"CTCA", 0, DIR_STMT_SPECIAL, DIR_UC_CTCA},
    [DIR_DT_TIMER] = {"TIMER", 0, DIR_STMT_SPECIAL, DIR_UC_TIMER},
    [DIR_DT_IBM] = {"IBM", 0, DIR_STMT_SPECIAL, DIR_UC_LINE},
    [DIR_DT_TELE] = {"TELE", 0, DIR_STMT_SPECIAL, DIR_UC_LINE},
};

const struct dir_devtype_info *dir_devtype(unsigned type)
{
    if (type == DIR_DT_NONE || type >= DIR_DT_COUNT)
        return NULL;
    return &devtypes[type];
}

uint16_t dir_model_code(unsigned model)
{
    uint16_t v = 0;
    for (unsigned shift = 0; model && shift < 16; shift += 4, model /= 10)
        v |= (uint16_t)((model % 10) << shift);
    return v;
}

/* Mode names, and the password each asks for (reference 4.3: R and RR read,
 * W and WR write, M, MR and MW multi). */
static const struct {
    char name[3];
    char pw;
} modes[] = {
    [DIR_MODE_R] = {"R", 'R'},   [DIR_MODE_RR] = {"RR", 'R'}, [DIR_MODE_W] = {"W", 'W'},
    [DIR_MODE_WR] = {"WR", 'W'}, [DIR_MODE_M] = {"M", 'M'},   [DIR_MODE_MR] = {"MR", 'M'},
    [DIR_MODE_MW] = {"MW", 'M'},
};

const char *dir_mode_name(unsigned mode)
{
    if (mode == 0 || mode >= sizeof(modes) / sizeof(modes[0]))
        return NULL;
    return modes[mode].name;
}

char dir_mode_password(unsigned mode)
{
    mode &= DIR_MODE_MASK;
    return dir_mode_name(mode) ? modes[mode].pw : 0;
}

bool dir_name_ok(const char *s, size_t max)
{
    size_t n = strlen(s);
    if (n == 0 || n > max)
        return false;
    for (size_t i = 0; i < n; i++) {
        int c = (unsigned char)s[i];
        if (!(isupper(c) || isdigit(c) || c == '@' || c == '#' || c == '$'))
            return false;
    }
    return true;
}

bool dir_char_ok(int c) { return c >= 0x20 && c != 0x7F && !(c >= 0x80 && c < 0xA0) && c <= 0xFF; }
