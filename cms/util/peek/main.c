/* main.c - PEEK MODULE's entry: the program is peek.c. */
#include "cms/util/common/commands.h"

int main(int argc, char **argv) { return peek_main(argc, argv); }
