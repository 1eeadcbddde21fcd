/* compare.h - COMPARE (compare.c). */
#ifndef CMS_UTIL_COMPARE_H
#define CMS_UTIL_COMPARE_H

int compare_main(int argc, char **argv);

#endif
