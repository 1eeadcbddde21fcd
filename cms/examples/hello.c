/*
 * hello.c - HELLO MODULE: the smallest C program on CMS. It types a
 * greeting and its arguments, one a line, and returns 0.
 *
 *   hello one two (three
 *   HELLO FROM C ON CMS: 4 ARGUMENTS
 *   ARGUMENT 1: ONE
 *   ...
 */
#include <stdio.h>

int main(int argc, char **argv)
{
    printf("HELLO FROM C ON CMS: %d ARGUMENT%s\n", argc - 1, argc == 2 ? "" : "S");
    for (int i = 1; i < argc; i++)
        printf("ARGUMENT %d: %s\n", i, argv[i]);
    return 0;
}
