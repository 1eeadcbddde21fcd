/* main.c - COMPARE MODULE's entry: the program is compare.c. */
#include "cms/util/compare/compare.h"

int main(int argc, char **argv) { return compare_main(argc, argv); }
