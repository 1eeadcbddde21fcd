/* main.c - QUERY MODULE's entry: the program is query.c. */
#include "cms/util/common/commands.h"

int main(int argc, char **argv) { return query_main(argc, argv); }
