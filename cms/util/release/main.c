/* main.c - RELEASE MODULE's entry: the program is release.c. */
#include "cms/util/common/commands.h"

int main(int argc, char **argv) { return release_main(argc, argv); }
