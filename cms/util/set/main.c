/* main.c - SET MODULE's entry: the program is set.c. */
#include "cms/util/common/commands.h"

int main(int argc, char **argv) { return set_main(argc, argv); }
