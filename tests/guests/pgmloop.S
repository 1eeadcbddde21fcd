/*
 * pgmloop.S - a program that loses control for good: it points the
 * program new PSW at X'3000', where storage is zeros (not an instruction),
 * and branches there (it clears those bytes first). Every program interruption then loads the new PSW
 * and gets an operation exception at the same place again, a program
 * interruption loop. CP stops such a machine with
 * "DMKDSP450W CP ENTERED; PROGRAM INTERRUPT LOOP" (tests/system/
 * test_vm.py); on a real S/370 it runs for ever. Its pass code X'0C0D0C'
 * is only reserved.
 */
#include "s370.inc"

        GUEST_START 0x0C

        .equ    ZEROS, 0x3000

        LV      %r2, ZEROS
        xc      0(16,%r2),0(%r2)        /* zeros there, whatever ran before */
        SETNEW  PGMNEW, ZEROS
        br      %r2                     /* the wild branch */

        GUEST_END
