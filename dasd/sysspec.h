/*
 * sysspec.h - the system specification: the text file that says what a
 * cpcms system is made of (its name, operator, system console, time zone,
 * initial log message, user directory source, and its volumes with the
 * areas of each). The volume builder reads it; see dasd/system/cpcms.spec
 * for the format, documented in its comments and in docs/volumes.md.
 */
#ifndef DASD_SYSSPEC_H
#define DASD_SYSSPEC_H

#include <stdbool.h>
#include <stdint.h>
#include "dasd/ckdgeom.h"
#include "dasd/volfmt.h"

#define SPEC_MAX_VOLUMES 16

struct spec_volume {
    char volser[7];
    const struct ckd_geom *g;
    uint16_t devno; /* Hercules device number the launcher attaches it at */
    bool sysres;
    struct vol_alloc alloc;
    int line; /* where the VOLUME statement was */
};

struct sysspec {
    char path[512];
    struct vol_sysrec sys; /* name, operator, console, zone, log message */
    char direct[512];      /* directory source, resolved against the spec's folder */
    int nvol;
    struct spec_volume vol[SPEC_MAX_VOLUMES];
};

/*
 * Parse and validate a specification file. On error returns -1, with every
 * problem found written to errs (one "file:line: text" line each, the
 * whole buffer NUL-terminated).
 */
int spec_load(const char *path, struct sysspec *spec, char *errs, size_t errlen);

const struct spec_volume *spec_sysres(const struct sysspec *spec);
const struct spec_volume *spec_find(const struct sysspec *spec, const char *volser);
/* The image file name of a volume: "<volser in lower case>.<type>" */
void spec_image_name(const struct spec_volume *v, char *out, size_t outlen);

#endif
