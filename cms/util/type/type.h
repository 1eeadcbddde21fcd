/* type.h - TYPE (cms/util/type/type.c). */
#ifndef CMS_UTIL_TYPE_TYPE_H
#define CMS_UTIL_TYPE_TYPE_H

int type_main(int argc, char **argv);

#endif
