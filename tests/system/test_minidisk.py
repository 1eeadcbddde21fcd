"""test_minidisk.py - the disk programs that read a parameter card
(tests/guests/mdisk.S, dasdfuzz.S), natively on a small Hercules 3350.

Each run gets its own Hercules (test_guests.run_native) with a fresh 3350
of N cylinders made by dasdinit at X'191', and the program's deck followed
by its parameter card (mkdeck.py --card). A whole volume of N cylinders is
what a minidisk of N cylinders must look like under CP: the same program
and card must pass both ways.

Natively a whole volume is always a full pack, so mdisk's 'P' (partial)
card cannot pass here; and a Hercules drive opened read-only (`ro`)
rejects a write with equipment check + write inhibited (sense bytes
10 02 00 00), not the command reject (80 00 00 00) a read-only link gives,
so 'R' cannot pass here either. Both are run all the same, and must fail
exactly at the check that tells the difference.
"""

import os
import re
import subprocess

import harness
import test_guests
from harness import check

SYSTEM = None          # every run gets a Hercules of its own
LAST_SYSTEM = None     # the last run, for the runner's diagnostics


def disk(cyls, options=""):
    """The devices function for run_native: an empty 3350 volume MDISK1
    of `cyls` cylinders at X'191' (dasdinit; track 0 holds IPL1, IPL2 and
    VOL1, every other track R0 alone)."""
    def make(state):
        path = os.path.join(state, "mdisk.3350")
        r = subprocess.run(["dasdinit", path, "3350", "MDISK1", str(cyls)],
                           capture_output=True, text=True)
        check(r.returncode == 0 and os.path.exists(path),
              "dasdinit %s: %s%s" % (path, r.stdout, r.stderr))
        return "0191     3350 mdisk.3350 %s\n" % options
    return make


def run(name, card, cyls, options="", tag="run", timeout=test_guests.TIMEOUT):
    """Program `name` with one parameter card on a 3350 of `cyls`
    cylinders: (psw, code, log)."""
    global LAST_SYSTEM
    try:
        return test_guests.run_native(name, timeout=timeout, cards=[card],
                                      devices=disk(cyls, options), tag=tag)
    finally:
        LAST_SYSTEM = test_guests.LAST_SYSTEM


def expect(name, card, cyls, want, options="", tag="run", timeout=test_guests.TIMEOUT):
    """The run must end with result code `want` (default: the pass code)."""
    psw, code, log = run(name, card, cyls, options, tag, timeout)
    want = test_guests.pass_code(name) if want is None else want
    check(code == want, "%s with card %r on %d cylinders ended with PSW %s: X'%06X', %s (expected X'%06X', %s)"
          % (name, card, cyls, psw, code, test_guests.explain(code), want, test_guests.explain(want)))
    check(psw.startswith("0002"), "%s: the final PSW %s is not a disabled wait in BC mode" % (name, psw))
    return log


# ---------------------------------------------------------------- mdisk
def test_mdisk_five_cylinders(_):
    expect("mdisk", "0005 W F", 5, None, tag="w5")


def test_mdisk_one_cylinder(_):
    expect("mdisk", "0001 W F", 1, None, tag="w1")


def test_mdisk_twelve_cylinders(_):
    expect("mdisk", "0012 W F", 12, None, tag="w12")


def test_mdisk_notices_a_disk_of_another_size(_):
    # a seek to cylinder 4 works on 5 cylinders: check 203 (the unit status)
    expect("mdisk", "0004 W F", 5, 0xBAD203, tag="small")
    # cylinder 5 does not exist: the records cannot be written there
    expect("mdisk", "0006 W F", 5, 0xBAD183, tag="big")


def test_mdisk_partial_card_on_a_whole_volume(_):
    # a whole volume takes Write R0 after Set File Mask X'C0': check 543
    # (unit status CE+DE, not CE+DE+UC) is the one that tells
    expect("mdisk", "0005 W P", 5, 0xBAD543, tag="p")


def test_mdisk_read_only_volume_natively(_):
    # Hercules' own read-only drive: Write R0 ends CE+DE+UC with sense
    # byte 0 X'10' (equipment check), not X'80': check 546
    log = expect("mdisk", "0005 R F", 5, 0xBAD546, options="ro", tag="ro")
    check(re.search(r"HHCDA004I opening \S*mdisk.3350 readonly", log), "the disk was not opened read-only")


def test_mdisk_bad_cards(_):
    expect("mdisk", "05 W F", 5, 0xBAD004, tag="card1")
    expect("mdisk", "0005 X F", 5, 0xBAD005, tag="card2")
    expect("mdisk", "0005 W Q", 5, 0xBAD006, tag="card3")


# ---------------------------------------------------------------- dasdfuzz
def test_dasdfuzz_iterations(_):
    log = expect("dasdfuzz", "0005 0000BEEF 00020000 0000", 5, None, tag="it", timeout=60)
    check("DASDFUZZ SEED 0000BEEF\n" in log, "the start line is not in the log")
    check("DASDFUZZ SEED 0000BEEF DONE 00004E20" in log, "the end line (20000 iterations) is not in the log")


def test_dasdfuzz_seconds(_):
    log = expect("dasdfuzz", "0005 00000000 00000000 0003", 5, None, tag="sec", timeout=60)
    m = re.search(r"DASDFUZZ SEED ([0-9A-F]{8}) DONE ([0-9A-F]{8})", log)
    check(m, "the end line is not in the log")
    check(m.group(1) != "00000000" and int(m.group(2), 16) > 0,
          "seed %s, %s iterations in 3 seconds" % (m.group(1), m.group(2)))


def test_dasdfuzz_bad_cards(_):
    expect("dasdfuzz", "0005 0000BEEG 00000100 0000", 5, 0xBAD005, tag="card1")
    expect("dasdfuzz", "0000 0000BEEF 00000100 0000", 5, 0xBAD004, tag="card2")
