/*
 * ckdgeom.h - CKD DASD geometry: the one table of device types.
 *
 * Track capacity is computed the way the device's reference manual gives
 * it (per-record overhead, rounded to cells on 3380/3390), so volumes we
 * build hold exactly what the real device would: 3 page-sized records per
 * track on a 3330, 4 on a 3350, 10 on a 3380, 12 on a 3390.
 * Portable: used by the volume builder and by CP.
 */
#ifndef DASD_CKDGEOM_H
#define DASD_CKDGEOM_H

#include <stdbool.h>
#include <stdint.h>

struct ckd_geom {
    const char *name; /* "3350", "3390-3" ... */
    uint16_t devtype; /* 0x3350 */
    uint8_t model;    /* model byte as Sense ID reports it */
    uint16_t cyls;    /* primary cylinders */
    uint16_t heads;   /* tracks per cylinder */
    uint32_t maxr1;   /* largest data length of a single key-less record */
    uint32_t trklen;  /* track length for the capacity formula */
    int formula;      /* 1: 3330/3340/3350 style, 2: 3380, 3: 3390 */
    uint16_t f[6];    /* formula factors */
    const char *cu;   /* control unit type, e.g. "3830" */
};

/* Look a device type up by name ("3350", "3390-9", "3380-K"); NULL if unknown. */
const struct ckd_geom *ckd_geom_by_name(const char *name);
/* The base model of a device type (0x3350); NULL if not a supported CKD type. */
const struct ckd_geom *ckd_geom_by_type(uint16_t devtype);

/* Space one record takes on a track (capacity-formula bytes). */
uint32_t ckd_record_space(const struct ckd_geom *g, unsigned keylen, unsigned datalen);
/* How many records of this size fit on one track (R0 excluded). */
unsigned ckd_recs_per_track(const struct ckd_geom *g, unsigned keylen, unsigned datalen);
/* True if a record fits on a track of which `used` bytes are taken;
 * *newused then becomes the space used including it. */
bool ckd_record_fits(const struct ckd_geom *g, uint32_t used, unsigned keylen, unsigned datalen,
                     uint32_t *newused);

/* Bytes per track in a Hercules CKD image file of this type. */
uint32_t ckd_image_track_size(const struct ckd_geom *g);
/* The device-type byte in a Hercules image header (low byte of the type). */
static inline uint8_t ckd_image_devcode(const struct ckd_geom *g) { return g->devtype & 0xFF; }

/* The table itself, for listings; ends with a NULL name. */
extern const struct ckd_geom ckd_geom_table[];

#endif
