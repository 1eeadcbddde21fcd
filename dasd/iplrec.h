/*
 * iplrec.h - IPL records of the system residence volume (see iplrec.c).
 */
#ifndef DASD_IPLREC_H
#define DASD_IPLREC_H

#include <stddef.h>
#include <stdint.h>
#include "dasd/ckdgeom.h"

#define IPL1_LEN 24

/* Build IPL1 (24 bytes) and the IPL2 program (<= VOLFMT_IPL2_MAX bytes). */
int ipl_build(const struct ckd_geom *g, unsigned nuc_cyl, unsigned nuc_pages,
              uint8_t ipl1[IPL1_LEN], uint8_t *ipl2, size_t *ipl2len, char *why, size_t whylen);

/* IPL1 of a volume that is not the system residence volume. */
void ipl_build_dummy(uint8_t ipl1[IPL1_LEN]);

#endif
