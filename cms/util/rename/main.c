/* main.c - RENAME MODULE's entry: the program is rename.c. */
#include "cms/util/common/commands.h"

int main(int argc, char **argv) { return rename_main(argc, argv); }
