/* main.c - DISK MODULE's entry: the program is disk.c. */
#include "cms/util/common/commands.h"

int main(int argc, char **argv) { return disk_main(argc, argv); }
