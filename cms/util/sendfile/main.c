/* main.c - SENDFILE MODULE's entry: the program is sendfile.c. */
#include "cms/util/common/commands.h"

int main(int argc, char **argv) { return sendfile_main(argc, argv); }
