/* main.c - COPYFILE MODULE's entry: the program is copyfile.c. */
#include "cms/util/copyfile/copyfile.h"

int main(int argc, char **argv) { return copyfile_main(argc, argv); }
