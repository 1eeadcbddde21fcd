/* main.c - ACCESS MODULE's entry: the program is access.c. */
#include "cms/util/common/commands.h"

int main(int argc, char **argv) { return access_main(argc, argv); }
