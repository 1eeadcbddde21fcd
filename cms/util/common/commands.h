/*
 * commands.h - the entries of the CMS commands that are MODULE files on
 * the S-disk with a directory each in cms/util (their main.c calls the
 * entry; the unit tests call it on the host). Each takes the command's
 * tokens as argv (argv[0] the name as typed) and returns its return code.
 */
#ifndef CMS_UTIL_COMMON_COMMANDS_H
#define CMS_UTIL_COMMON_COMMANDS_H

int access_main(int argc, char **argv);   /* ACCESS (DMSACC), transient */
int release_main(int argc, char **argv);  /* RELEASE (DMSARE), transient */
int listfile_main(int argc, char **argv); /* LISTFILE (DMSLST), transient */
int rename_main(int argc, char **argv);   /* RENAME (DMSRNM), transient */
int query_main(int argc, char **argv);    /* QUERY (DMSQRY), transient */
int set_main(int argc, char **argv);      /* SET (DMSSET), transient */
int format_main(int argc, char **argv);   /* FORMAT (DMSFOR), user area */
int punch_main(int argc, char **argv);    /* PUNCH (DMSPUN), transient */
int print_main(int argc, char **argv);    /* PRINT (DMSPRT), transient */
int readcard_main(int argc, char **argv); /* READCARD (DMSRDC), transient */
int disk_main(int argc, char **argv);     /* DISK DUMP/LOAD (DMSDSK), transient */
int sendfile_main(int argc, char **argv); /* SENDFILE (VM/SP's), user area */
int receive_main(int argc, char **argv);  /* RECEIVE (VM/SP's), user area */
int tell_main(int argc, char **argv);     /* TELL (VM/SP's), transient */
int peek_main(int argc, char **argv);     /* PEEK (VM/SP's, line mode), transient */

#endif
