/* main.c - TYPE MODULE's entry: the program is type.c. */
#include "cms/util/type/type.h"

int main(int argc, char **argv) { return type_main(argc, argv); }
