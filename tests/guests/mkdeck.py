#!/usr/bin/env python3
"""mkdeck.py - turn a flat S/370 program into an IPL card deck for a 3505 reader.

  mkdeck.py BINARY DECK [--load ADDR] [--entry ADDR] [--ccw-area ADDR] [--data-cards N]
                        [--card TEXT ...]

The deck is a file of 80-byte card images in EBCDIC (binary) form, for a
Hercules reader defined as `000C 3505 DECK ebcdic eof`. Numbers may be
given in hex (0x1000) or decimal.

Deck format (all CCWs format 0: command, 24-bit address, flags, 0, count):

  card 1      IPL card. The IPL's implied CCW (read 24 bytes into 0) puts
              bytes 0-23 of this card at absolute 0:
                0-7   IPL PSW: BC mode, disabled, key 0, supervisor state,
                      instruction address = entry          00000000 00eeeeee
                8-15  CCW1: read the next card (80 bytes) into the CCW area,
                      command chaining + SLI                02 aaaaaa 60 00 0050
                16-23 CCW2: TIC to the CCW area             08 aaaaaa 00 00 0000
              bytes 24-79 are zero (the read is 24 bytes with SLI).
  CCW card k  10 CCWs (k = 1, 2, ...), read into CCW area + 80*(k-1). The
              first ones each read one program card (count 80) into the
              next 80 bytes of the program, command-chained. If program
              cards remain, CCW 10 reads the next CCW card (count 80,
              command chaining) into the 80 bytes just after this one, so
              the channel goes on fetching CCWs it has itself just read
              (a self-modifying IPL chain, as real loaders build them);
              that card follows the 9 program cards this one reads. The
              last CCW card reads up to 10 program cards and its last
              CCW has no chaining: channel end + device end of that read
              end the IPL, and the CPU loads the PSW from 0.
  program     80 bytes of the binary each, the last padded with zeros;
  cards       interleaved with the CCW cards as described: CCW card 1,
              up to 9 program cards, CCW card 2, ...
  data cards  (--data-cards N) N cards the program can read itself after
              the IPL. Card n (1-based) is, in EBCDIC,
                columns  1-20  "CPCMS TEST CARD nnnn" (n in 4 decimal digits)
                columns 21-72  blanks
                columns 73-80  "SEQ" + n in 5 decimal digits
              tests/guests/reader.S checks exactly this text.
  text cards  (--card TEXT, repeatable) one card each, after the data
              cards: TEXT in EBCDIC, padded with blanks to 80 columns
              (a parameter card, e.g. "0005 W F" for mdisk.S).

The CCW area defaults to X'200' (above the PSA's fixed fields); if it
would overlap the program, it goes right after the program's last card.
"""

import argparse
import struct
import sys

CARD = 80


def ccw(cmd, addr, flags, count):
    return struct.pack(">B3sBBH", cmd, addr.to_bytes(3, "big"), flags, 0, count)


READ, TIC = 0x02, 0x08
CC, SLI = 0x40, 0x20


def data_card(n):
    text = ("CPCMS TEST CARD %04d" % n).ljust(72) + "SEQ%05d" % n
    return text.encode("cp037")


def text_card(text):
    if len(text) > CARD:
        raise ValueError("a card holds 80 columns, not %d" % len(text))
    try:
        return text.ljust(CARD).encode("cp037")
    except UnicodeEncodeError:
        raise ValueError("%r has characters EBCDIC (code page 037) lacks" % text)


def build(prog, load, entry, ccw_area=None, data_cards=0, cards=()):
    if load > 0xFFFFFF or entry > 0xFFFFFF:
        raise ValueError("addresses must be 24-bit")
    pcards = [prog[i:i + CARD].ljust(CARD, b"\0") for i in range(0, len(prog), CARD)]
    if not pcards:
        raise ValueError("the program is empty")
    # CCW cards: 9 program reads + a read of the next CCW card, the last up to 10
    groups, rest = [], list(range(len(pcards)))
    while len(rest) > 10:
        groups.append(rest[:9])
        rest = rest[9:]
    groups.append(rest)
    need = CARD * len(groups)
    end = load + CARD * len(pcards)
    if ccw_area is None:
        ccw_area = 0x200
        if ccw_area + need > load and ccw_area < end:
            ccw_area = (end + 7) & ~7
    if ccw_area % 8:
        raise ValueError("the CCW area must be doubleword-aligned")
    if ccw_area < 24 or (ccw_area < end and ccw_area + need > load):
        raise ValueError("the CCW area %#x overlaps the program or the IPL PSW/CCWs" % ccw_area)
    if ccw_area + need > 0x1000000:
        raise ValueError("the CCW area does not fit in 24 bits")

    ipl = struct.pack(">II", 0, entry) + ccw(READ, ccw_area, CC | SLI, CARD) + ccw(TIC, ccw_area, 0, 0)
    deck = [ipl.ljust(CARD, b"\0")]
    for k, group in enumerate(groups):
        last = k == len(groups) - 1
        ccws = b""
        for j, i in enumerate(group):
            final = last and j == len(group) - 1
            ccws += ccw(READ, load + CARD * i, 0 if final else CC, CARD)
        if not last:
            ccws += ccw(READ, ccw_area + CARD * (k + 1), CC, CARD)
        deck.append(ccws.ljust(CARD, b"\0"))
        deck.extend(pcards[i] for i in group)
    deck.extend(data_card(n) for n in range(1, data_cards + 1))
    deck.extend(text_card(t) for t in cards)
    assert all(len(c) == CARD for c in deck)
    return b"".join(deck)


def number(s):
    return int(s, 0)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("binary")
    ap.add_argument("deck")
    ap.add_argument("--load", type=number, default=0x1000, help="load address (default 0x1000)")
    ap.add_argument("--entry", type=number, help="entry address (default: the load address)")
    ap.add_argument("--ccw-area", type=number, help="where the IPL CCWs are read (default 0x200)")
    ap.add_argument("--data-cards", type=int, default=0, help="data cards after the program")
    ap.add_argument("--card", action="append", default=[], metavar="TEXT",
                    help="a card holding TEXT after the data cards (repeatable)")
    a = ap.parse_args()
    with open(a.binary, "rb") as f:
        prog = f.read()
    try:
        deck = build(prog, a.load, a.load if a.entry is None else a.entry, a.ccw_area, a.data_cards,
                     a.card)
    except ValueError as e:
        print("mkdeck: %s" % e, file=sys.stderr)
        return 1
    with open(a.deck, "wb") as f:
        f.write(deck)
    return 0


if __name__ == "__main__":
    sys.exit(main())
