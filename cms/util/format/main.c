/* main.c - FORMAT MODULE's entry: the program is format.c. */
#include "cms/util/common/commands.h"

int main(int argc, char **argv) { return format_main(argc, argv); }
