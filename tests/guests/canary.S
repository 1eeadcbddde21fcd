/*
 * canary.S - a virtual machine that notices when anything else changes
 * its storage (tests/system/test_isolation.py): while another user's
 * machine fires random privileged instructions and channel programs at CP
 * (fuzz.S), this one checks that not one byte of its own storage, nor one
 * of its storage keys, changes behind its back.
 *
 * It fills X'10000'-X'FFFFF' (the users have 1M) with a pattern that
 * depends on the address, each fullword = its (real) address XOR
 * X'5A5AA5A5', and gives every 2K block of the area the storage key X'60'
 * (key 6, not fetch-protected). Then it loops for ever, disabled for
 * every interruption (it needs none) in the supervisor state with PSW key
 * 0. Each pass:
 *  - verifies every word of the area with DAT off (BC mode);
 *  - verifies it again in EC mode with DAT on (under CP: through CP's
 *    shadow tables, which the fuzzer's LCTL, PTLB and DAT switching keep
 *    busy in its own machine). The tables (CR0 4K pages, 64K segments)
 *    map segment 0 one to one and swap every pair of pages above it
 *    (virtual page n -> real page n XOR 1), so a translation that ignored
 *    them would be noticed: the word at virtual v is v XOR X'1000' XOR
 *    X'5A5AA5A5';
 *  - checks the key of every block (ISK in BC mode: key and fetch bit in
 *    bits 24-28, zeros in 29-31);
 *  - checks that its access registers are all zero where they exist (a
 *    z/Arch host runs EAR for the guest; natively EAR is an operation
 *    exception and the check is skipped): another machine's SAR or LAM
 *    must not reach them;
 *  - and adds 1 to the pass counter at X'1200'. CP's DISPLAY of the
 *    counter from the host shows that it runs.
 *
 *   X'1200'  passes completed (starts at 0)
 *   X'1204'  the failing address (0 until a mismatch; virtual in a DAT pass)
 *   X'1208'  what was found there (the word, or the ISK result)
 *   X'120C'  0: it failed with DAT off, 1: with DAT on
 *
 * A mismatch stops it in a disabled wait: X'BAD001' a word of the
 * pattern, X'BAD002' a storage key, X'BAD003' an access register (its
 * contents at X'1208'). It never ends otherwise; its pass
 * code X'0C0D1F' is only reserved.
 */
#include "s370.inc"

        GUEST_START 0x1F

        .equ    LOW, 0x10000            /* the checked area: X'10000'- */
        .equ    HIGH, 0x100000          /* X'FFFFF' */
        .equ    KEY, 0x60               /* key 6, F 0 */

        b       start-base(%r12)

        .org    _start+0x200
count:  .long   0                       /* X'1200' passes */
badaddr: .long  0                       /* X'1204' */
badword: .long  0                       /* X'1208' */
indat:  .long   0                       /* X'120C' */

start:  stctl   %c0,%c0,cr0-base(%r12)  /* the translation format */
        l       %r1,cr0-base(%r12)
        n       %r1,mcr0-base(%r12)
        o       %r1,cr0dat-base(%r12)
        st      %r1,cr0-base(%r12)
        lctl    %c0,%c1,cr0-base(%r12)
        l       %r5,pattern-base(%r12)
        l       %r3,high-base(%r12)
        l       %r2,low-base(%r12)
fill:   lr      %r4,%r2
        xr      %r4,%r5
        st      %r4,0(%r2)
        la      %r2,4(%r2)
        clr     %r2,%r3
        bl      fill-base(%r12)

        la      %r6,KEY
        l       %r7,blk-base(%r12)
        l       %r2,low-base(%r12)
keys:   .insn   rr,0x0800,%r6,%r2       /* SSK 6,2 */
        ar      %r2,%r7
        clr     %r2,%r3
        bl      keys-base(%r12)

/* ---- the checking loop, for ever -------------------------------------- */
verify: mvi     indat+3-base(%r12),0
        l       %r5,pattern-base(%r12)
        bal     %r14,check-base(%r12)   /* DAT off */
        GOPSW   PSW_EC+PSW_DAT, vdat
vdat:   mvi     indat+3-base(%r12),1
        l       %r5,patdat-base(%r12)
        bal     %r14,check-base(%r12)   /* DAT on, pages swapped */
        GOPSW   0, vkeys
vkeys:  l       %r2,low-base(%r12)
v2:     sr      %r4,%r4
        .insn   rr,0x0900,%r4,%r2       /* ISK 4,2 */
        cr      %r4,%r6
        bne     badkey-base(%r12)
        ar      %r2,%r7
        clr     %r2,%r3
        bl      v2-base(%r12)

        /* the access registers: S/370 has none (EAR is an operation
         * exception: skipped); on a z/Arch host the guest's EAR runs, and
         * the canary never set them, so they must still be zero */
        SETNEW  PGMNEW, noar
        .irp    n,0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
        .insn   rre,0xb24f0000,%r4,\n  /* EAR 4,n */
        ltr     %r4,%r4
        bnz     badar-base(%r12)
        .endr
noar:   DEFAULT_NEW

        l       %r4,count-base(%r12)
        al      %r4,one-base(%r12)
        st      %r4,count-base(%r12)
        b       verify-base(%r12)

/* check: every word from low to high must be its address XOR R5 */
check:  l       %r2,low-base(%r12)
1:      lr      %r4,%r2
        xr      %r4,%r5
        c       %r4,0(%r2)
        bne     badpat-base(%r12)
        la      %r2,4(%r2)
        clr     %r2,%r3
        bl      1b-base(%r12)
        br      %r14

badpat: st      %r2,badaddr-base(%r12)
        l       %r4,0(%r2)
        st      %r4,badword-base(%r12)
        FAIL    0x001
badkey: st      %r2,badaddr-base(%r12)
        st      %r4,badword-base(%r12)
        FAIL    0x002
badar:  st      %r4,badword-base(%r12)
        FAIL    0x003

        .balign 4
pattern: .long  0x5A5AA5A5
patdat: .long   0x5A5AA5A5 ^ 0x1000     /* a virtual page is the other real one */
cr0:    .long   0                       /* CR0 and CR1 */
        .long   segtab
mcr0:   .long   0xFF07FFFF              /* CR0 without bits 8-12 */
cr0dat: .long   0x00800000              /* 4K pages, 64K segments */
low:    .long   LOW
high:   .long   HIGH
blk:    .long   2048
one:    .long   1

/* The DAT tables: 16 segments of 64K, 16 pages of 4K each; segment 0
   one to one, above it page n -> real page n XOR 1. */
        .pushsection .text,2
        .balign 64
segtab:
        .irp    s, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
        .long   0xF0000000 + pt\s       /* PTL 15: 16 pages */
        .endr
        .irp    s, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
        .balign 8
pt\s:
        .irp    p, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
        .if     \s
        .short  (((\s * 16 + \p) ^ 1) << 4) /* frame address bits 8-19 */
        .else
        .short  (\p << 4)
        .endif
        .endr
        .endr
        .popsection

        GUEST_END
