/* sort.h - SORT (sort.c). */
#ifndef CMS_UTIL_SORT_H
#define CMS_UTIL_SORT_H

int sort_main(int argc, char **argv);

#endif
