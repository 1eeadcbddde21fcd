/* main.c - PUNCH MODULE's entry: the program is punch.c. */
#include "cms/util/common/commands.h"

int main(int argc, char **argv) { return punch_main(argc, argv); }
