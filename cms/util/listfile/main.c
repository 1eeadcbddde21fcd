/* main.c - LISTFILE MODULE's entry: the program is listfile.c. */
#include "cms/util/common/commands.h"

int main(int argc, char **argv) { return listfile_main(argc, argv); }
