/*
 * assert.h - for C programs on CMS: a failed assertion types what failed
 * and abends (abort, SYSTEM ABEND 0C1).
 */
#ifndef CMS_LIB_ASSERT_H
#define CMS_LIB_ASSERT_H

_Noreturn void __cms_assert(const char *what, const char *file, int line);

#ifdef NDEBUG
#define assert(e) ((void)0)
#else
#define assert(e) ((e) ? (void)0 : __cms_assert(#e, __FILE__, __LINE__))
#endif

#endif
