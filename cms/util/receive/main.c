/* main.c - RECEIVE MODULE's entry: the program is receive.c. */
#include "cms/util/common/commands.h"

int main(int argc, char **argv) { return receive_main(argc, argv); }
