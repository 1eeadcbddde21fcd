/* main.c - SORT MODULE's entry: the program is sort.c. */
#include "cms/util/sort/sort.h"

int main(int argc, char **argv) { return sort_main(argc, argv); }
