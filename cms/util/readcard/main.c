/* main.c - READCARD MODULE's entry: the program is readcard.c. */
#include "cms/util/common/commands.h"

int main(int argc, char **argv) { return readcard_main(argc, argv); }
