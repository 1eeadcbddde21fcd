/* main.c - TELL MODULE's entry: the program is tell.c. */
#include "cms/util/common/commands.h"

int main(int argc, char **argv) { return tell_main(argc, argv); }
