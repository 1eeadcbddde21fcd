/* main.c - PRINT MODULE's entry: the program is print.c. */
#include "cms/util/common/commands.h"

int main(int argc, char **argv) { return print_main(argc, argv); }
