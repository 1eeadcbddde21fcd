/*
 * iplfloor.S - the floor of the IPL benchmark: the least a system IPLed
 * from our volumes can do before a terminal shows something. Loaded by
 * the same IPL records as CP, it switches to z/Architecture, enables the
 * subchannel of terminal 0C0 (subchannel 1 in the cpcms configuration),
 * writes "VM/370 ONLINE" there with one Erase/Write, and stops.
 * tests/bench/run compares CP's IPL-to-logo time with this program's.
 */
        .section .text
        .globl  _start
_start:
        la      %r1,1
        sigp    %r1,%r0,0x12            /* to z/Architecture */
        sam64
        larl    %r2,sid
        l       %r1,0(%r2)
        larl    %r3,schib
        stsch   0(%r3)
        oi      5(%r3),0x80             /* enable */
        msch    0(%r3)
        larl    %r4,orb
        ssch    0(%r4)
        larl    %r5,irb
1:      tsch    0(%r5)
        jnz     1b                      /* cc 1: not yet */
        larl    %r6,done
        lpswe   0(%r6)

        .balign 8
done:   .quad   0x0002000180000000, 0x0000000000000FFF
sid:    .long   0x00010001
        .balign 4
orb:    .long   0
        .byte   0x00, 0x80, 0xFF, 0x00  /* format-1 CCWs, any path */
        .long   ccw
        .skip   20
        .balign 8
ccw:    .byte   0x05, 0x20              /* erase/write, SLI */
        .short  dataend - data
        .long   data
data:   .byte   0xC3, 0x11, 0x40, 0x40  /* WCC restore+reset MDT, SBA 0 */
        .byte   0xE5, 0xD4, 0x61, 0xF3, 0xF7, 0xF0, 0x40  /* VM/370 */
        .byte   0xD6, 0xD5, 0xD3, 0xC9, 0xD5, 0xC5        /* ONLINE */
dataend:
        .balign 4
schib:  .skip   52
        .balign 4
irb:    .skip   96
