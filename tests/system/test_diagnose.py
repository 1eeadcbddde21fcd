"""test_diagnose.py - the DIAGNOSE interface (diagnose/DIAGNOSE.md): the
conformance programs of diagnose/conformance/ in CP virtual machines,
and what a program alone cannot see.

Each conformance program checks one code (diaggen: the rules all share)
and ends in a disabled wait with its pass code X'0C0Dpp' (pp = X'40' +
code / 4; X'3F' diaggen, X'80' diagcls) or X'BADnnn'. They run on one
cpcms system of this module in MAINT's machine (classes A-G), reader 01C
attached as 00C, as test_guests.py runs its programs (guestrun.py);
diagcls runs as USER01 (class G only). Some tests then look at what the
program left: the screen (X'08' without a buffer), storage through
DISPLAY (X'04' against CP's nucleus, X'0C' against QUERY TIME), CP's
counters (INDICATE PRIVOPS); X'54' is driven with PA2; LOGOFF through
X'08' is tried by a program made with STORE.
"""

import atexit
import os
import re
import time

import guestrun
import harness
from guestrun import explain
from harness import check

SYSTEM = None          # the module's system is started at the first use
LAST_SYSTEM = None

REPO = harness.REPO
SOURCES = os.path.join(REPO, "diagnose", "conformance")
DECKS = os.path.join(REPO, "build", "diagnose")
NUCLEUS = os.path.join(REPO, "build", "cp", "cpnuc.bin")

_cp = None


def cp_run():
    global _cp, LAST_SYSTEM
    if _cp is None:
        _cp = guestrun.CPRun("diagnose-cp")
        atexit.register(lambda: _cp.stop())
    LAST_SYSTEM = _cp
    return _cp.ensure()


def run(name, term=None, timeout=guestrun.CP_TIMEOUT):
    """Run conformance program `name`; (psw, code, screen)."""
    r = cp_run()
    return guestrun.run_deck(r, os.path.join(DECKS, name + ".deck"), name, timeout, term=term)


def expect_pass(name, term=None):
    psw, code, screen = run(name, term)
    want = guestrun.pass_code(os.path.join(SOURCES, name + ".S"))
    check(code == want, "%s ended with PSW %s: X'%06X', %s (the pass code is X'%06X')"
          % (name, psw, code, explain(code), want))
    check(psw.startswith("0002"), "%s: the final PSW %s is not a disabled wait in BC mode" % (name, psw))
    return screen


def display(t, spec):
    """DISPLAY T<spec> at terminal t: the bytes shown, in order."""
    t.clear()
    screen = t.command("DISPLAY T%s" % spec, r"\*\s*$")
    data = bytearray()
    for m in re.finditer(r"^[0-9A-F]{6}  ((?:[0-9A-F]{8} ?){1,4})", screen, re.M):
        for word in m.group(1).split():
            data += bytes.fromhex(word)
    return bytes(data)


# ---------------------------------------------------------------- the programs
def test_every_program_has_a_test(_):
    names = sorted(f[:-2] for f in os.listdir(SOURCES) if f.endswith(".S"))
    with open(os.path.realpath(__file__)) as f:
        text = f.read()
    tested = set(re.findall(r'expect_pass\("(\w+)"', text))
    missing = [n for n in names if n not in tested]
    check(not missing, "conformance programs without a test: %s" % ", ".join(missing))


def test_general_rules(_):
    expect_pass("diaggen")


def test_x08_cp_command(_):
    screen = expect_pass("diag08")
    # without a buffer the response went to the terminal
    check(re.search(r"^DMKCFC001E \?CP: XYZZYSHOW$", screen, re.M),
          "the response of X'08' without a buffer is not on the screen:\n%s" % screen)
    check("?CP: XYZZY\n" not in screen + "\n", "a response meant for the buffer reached the screen:\n%s" % screen)


def test_system_stops(_):
    """The last test: CP shuts down in order with the machines there."""
    global LAST_SYSTEM
    if _cp is None or not _cp.alive():
        return
    LAST_SYSTEM = _cp
    _cp.name = None
    _cp.stop()
    check(not _cp.system.running(), "the CP system did not stop")
    check("DMKCPI961W SYSTEM SHUTDOWN COMPLETE" in _cp.system.log(), "CP did not finish an orderly shutdown")
