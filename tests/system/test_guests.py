"""test_guests.py - the S/370 guest test programs (tests/guests/), natively
and in a CP virtual machine.

Each program is IPLed from its card deck (build/guests/<name>.deck, made
by `make guests`) and ends in a disabled wait whose PSW instruction
address is its result code (tests/guests/s370.inc): X'0C0Dpp' pass,
X'BADnnn' check nnn failed, X'EEkccc' an unexpected interruption. A test
passes when the code is the program's own pass code, read from its
GUEST_START line.

run_native(name) runs one program on a private Hercules in ARCHMODE S/370
and returns (psw_text, code, log). run_under_cp(name) runs it in MAINT's
virtual machine on a cpcms system of this module (started at its first
use, reader 01C attached as 00C) and returns (psw_text, code, screen).
Every program has a test each way. The interactive programs (INTERACTIVE:
they never end by themselves) are driven from terminals by other modules
(test_vm.py, test_isolation.py).
"""

import atexit
import os
import re
import shutil
import signal
import subprocess
import time

import guestrun
import harness
from guestrun import deck_tape, explain, new_tape
from harness import check

SYSTEM = None          # every program gets a Hercules of its own
LAST_SYSTEM = None     # the last run, for the runner's diagnostics

REPO = harness.REPO
GUESTS = os.path.join(REPO, "tests", "guests")
CONFORMANCE = os.path.join(REPO, "diagnose", "conformance")
DECKS = os.path.join(REPO, "build", "guests")
STATE = os.path.join(REPO, "build", "test-state", "guests-native")
TIMEOUT = 30           # seconds from start to the disabled wait

WAIT_RX = re.compile(r"HHCCP011I CPU0000: Disabled wait state\s*\n\s*PSW=([0-9A-F]{8}) ([0-9A-F]{8})")
IPL_FAILED_RX = re.compile(r"HHCCP0(27|29|30)E.*")   # no device, bad status, bad IPL PSW

CONFIG = """\
# written by tests/system/test_guests.py
ARCHMODE S/370
MAINSIZE 2
NUMCPU   1
CNSLPORT {port}
HTTPPORT {http} noauth
OSTAILOR QUIET
PANRATE  SLOW
0009     3215-C noprompt
000C     3505 {deck} ebcdic eof
000D     3525 punch.txt ascii
000E     1403 printer.txt
0181     3420 tape.het
0190     3350 spare.3350
"""


def pass_code(name):
    """X'0C0Dpp', pp from the program's GUEST_START line."""
    return guestrun.pass_code(os.path.join(GUESTS, name + ".S"))


class NativeRun:
    """The log of the last run, for the runner's failure report."""

    def __init__(self, name, log):
        self.name, self.log = name, log

    def diagnostics(self):
        lines = [l for l in self.log.splitlines() if l.strip()]
        return "---- Hercules log of guest %s (last 40 lines) ----\n%s" % (
            self.name, "\n".join(lines[-40:]))


def new_volume(path):
    """A small empty 3350 volume SPARE1 (Hercules' dasdinit: 5 cylinders;
    track 0 holds IPL1, IPL2 and VOL1)."""
    if os.path.exists(path):
        os.remove(path)
    r = subprocess.run(["dasdinit", path, "3350", "SPARE1", "5"], capture_output=True, text=True)
    check(r.returncode == 0 and os.path.exists(path), "dasdinit %s: %s%s" % (path, r.stdout, r.stderr))


def _stop(proc):
    """End Hercules and everything it started (its own process group).
    SIGKILL: nothing of the run needs saving, and Hercules 3.13 now and
    then takes seconds to act on SIGTERM."""
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except OSError:
            pass
    proc.wait(timeout=10)


PSW_RX = re.compile(r"PSW=([0-9A-F]{8}) ([0-9A-F]{8})")


def _disabled_wait(http):
    """A match of PSW_RX when the CPU, asked through Hercules' HTTP port,
    is in a disabled wait (wait bit on; no I/O or external mask: BC mode
    system mask 0, EC mode bits 6-7 off); else None."""
    try:
        m = PSW_RX.search(harness.cpcms.http_get(http, "/cgi-bin/tasks/cmd?cmd=psw", 5))
    except OSError:
        return None
    if not m:
        return None
    w = int(m.group(1), 16)
    masks = 0x03000000 if w & 0x00080000 else 0xFF000000
    return m if w & 0x00020000 and not w & masks else None


def _psw(http):
    """The current PSW, asked through Hercules' HTTP port."""
    try:
        page = harness.cpcms.http_get(http, "/cgi-bin/tasks/cmd?cmd=psw", 5)
        m = re.search(r"PSW=[0-9A-F]{8} [0-9A-F]{8}", page)
        return "it is at %s" % m.group(0) if m else "its PSW is unknown"
    except OSError as e:
        return "its PSW is unknown (%s)" % e


def _mkdeck():
    import importlib.util
    spec = importlib.util.spec_from_file_location("mkdeck", os.path.join(GUESTS, "mkdeck.py"))
    mkdeck = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mkdeck)
    return mkdeck


def deck_with_cards(deck, cards, path):
    """A copy of the deck with text cards after it (mkdeck.py --card):
    parameter cards the program reads after its IPL."""
    with open(deck, "rb") as f:
        data = f.read()
    with open(path, "wb") as f:
        f.write(data + b"".join(_mkdeck().text_card(c) for c in cards))


def run_native(name, timeout=TIMEOUT, ipl="000C", cards=(), devices=None, tag=None):
    """IPL guest `name` on a private S/370 Hercules; wait for its disabled
    wait. Returns (psw_text, code, log): the PSW as Hercules shows it, the
    result code (bits 40-63), the whole log. Hercules is always ended.
    ipl="0181": the deck is on the tape instead, IPLed from there.
    cards: text cards to put after the deck (parameter cards). devices: a
    function of the state directory that makes the run's own devices
    there and returns their configuration lines. tag: the state directory
    is <name>-<tag> (runs of one program with different cards)."""
    global LAST_SYSTEM
    LAST_SYSTEM = None
    deck = os.path.join(DECKS, name + ".deck")
    check(os.path.exists(deck), "%s is missing: run make guests" % deck)
    state = os.path.join(STATE, name if tag is None else "%s-%s" % (name, tag))
    shutil.rmtree(state, ignore_errors=True)
    os.makedirs(state)
    if cards:
        deck_with_cards(deck, cards, os.path.join(state, "deck"))
        deck = os.path.join(state, "deck")
    extra = devices(state) if devices else ""
    if ipl == "0181":
        deck_tape(deck, os.path.join(state, "tape.het"))
    else:
        new_tape(os.path.join(state, "tape.het"))
    new_volume(os.path.join(state, "spare.3350"))
    port = harness.free_port_pair()
    with open(os.path.join(state, "hercules.cnf"), "w") as f:
        f.write(CONFIG.format(port=port, http=port + 1000, deck=deck) + extra)
    with open(os.path.join(state, "hercules.rc"), "w") as f:
        f.write("ipl %s\n" % ipl)
    logpath = os.path.join(state, "hercules.log")
    env = dict(os.environ, HERCULES_RC=os.path.join(state, "hercules.rc"))
    log = ""
    with open(logpath, "wb") as out, open(os.devnull, "rb") as devnull:
        proc = subprocess.Popen(["hercules", "-d", "-f", "hercules.cnf"], cwd=state, env=env,
                                stdin=devnull, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
    try:
        deadline = time.time() + timeout
        next_ask = time.time() + 2
        while True:
            with open(logpath, "rb") as f:
                log = f.read().decode("latin-1")
            m = WAIT_RX.search(log)
            if m:
                break
            failed = IPL_FAILED_RX.search(log)
            if failed:
                LAST_SYSTEM = NativeRun(name, log)
                raise harness.TestFailure("the IPL of %s failed: %s" % (name, failed.group(0)))
            if proc.poll() is not None:
                LAST_SYSTEM = NativeRun(name, log)
                raise harness.TestFailure("Hercules ended before %s stopped" % name)
            if time.time() > next_ask:
                # Hercules now and then leaves the message in its buffer:
                # the PSW itself, asked through the HTTP port, tells too.
                m = _disabled_wait(port + 1000)
                if m:
                    break
                next_ask = time.time() + 1
            if time.time() > deadline:
                LAST_SYSTEM = NativeRun(name, log)
                raise harness.TestFailure("%s did not stop in a disabled wait within %ds; %s"
                                          % (name, timeout, _psw(port + 1000)))
            time.sleep(0.05)
    finally:
        _stop(proc)
    LAST_SYSTEM = NativeRun(name, log)
    psw = "%s %s" % (m.group(1), m.group(2))
    return psw, int(m.group(2), 16) & 0xFFFFFF, log


# ---------------------------------------------------------------- under CP
# The same decks in a CP virtual machine: one cpcms system for the whole
# module (started at the first use, stopped by the last test or at exit),
# MAINT logged on with the real reader 01C attached as its 00C. For each
# program the deck is loaded into 01C (Hercules devinit) and "#CP IPL 00C"
# given (the machine may still be running the previous one); CP reports the
# end as "DMKDSP450W CP ENTERED; DISABLED WAIT PSW 'pppppppp pppppppp'".
_cp = None             # the CPRun of this module


def _cp_run():
    global _cp
    if _cp is None:
        _cp = guestrun.CPRun("guests-cp")
        atexit.register(lambda: _cp.stop())
    return _cp.ensure()


def run_under_cp(name, timeout=guestrun.CP_TIMEOUT, ipl="00C"):
    """IPL guest `name` in MAINT's virtual machine; wait for CP's disabled
    wait message. Returns (psw_text, code, screen): the PSW as CP shows it,
    the result code (bits 40-63) and the screen's text. ipl="181": the
    deck is on a tape in the real drive 580 (MAINT's 181), IPLed from it."""
    global LAST_SYSTEM
    run = _cp_run()
    LAST_SYSTEM = run
    return guestrun.run_deck(run, os.path.join(DECKS, name + ".deck"), name, timeout, ipl)


def expect_pass_cp(name):
    psw, code, screen = run_under_cp(name)
    want = pass_code(name)
    check(code == want, "%s under CP ended with PSW %s: X'%06X', %s (the pass code is X'%06X')"
          % (name, psw, code, explain(code), want))
    check(psw.startswith("0002"), "%s under CP: the final PSW %s is not a disabled wait in BC mode" % (name, psw))
    return screen


# ---------------------------------------------------------------- tests
def expect_pass(name):
    psw, code, log = run_native(name)
    want = pass_code(name)
    check(code == want, "%s ended with PSW %s: X'%06X', %s (the pass code is X'%06X')"
          % (name, psw, code, explain(code), want))
    check(psw.startswith("0002"), "%s: the final PSW %s is not a disabled wait in BC mode" % (name, psw))
    return log


# Programs that never end by themselves: other test modules drive them
# from terminals under CP (test_vm.py: echo, spin, extwait, pgmloop;
# test_isolation.py: fuzz, canary). Their pass codes are reserved all the
# same.
INTERACTIVE = ("cardcopy", "urspool", "echo", "spin", "extwait", "pgmloop", "fuzz", "canary")

# Programs that need a disk of their own and a parameter card: their tests
# are in test_minidisk.py (natively on a small 3350; under CP on a
# minidisk, which CP does not have yet).
MINIDISK = ("mdisk", "dasdfuzz")


def test_every_program_has_a_test_and_its_own_pass_code(_):
    names = sorted(f[:-2] for f in os.listdir(GUESTS) if f.endswith(".S"))
    with open(os.path.realpath(__file__)) as f:
        text = f.read()
    native = set(re.findall(r'^    (?:log = )?expect_pass\("(\w+)"\)', text, re.M))
    under_cp = set(re.findall(r'^    (?:screen = )?expect_pass_cp\("(\w+)"\)', text, re.M))
    here = os.path.dirname(os.path.realpath(__file__))
    others = ""
    for m in sorted(os.listdir(here)):
        if m.startswith("test_") and m.endswith(".py") and m != os.path.basename(__file__):
            with open(os.path.join(here, m)) as f:
                others += f.read()
    alone = INTERACTIVE + MINIDISK
    missing = [n for n in names if n not in alone and n not in native]
    check(not missing, "guest programs without a native test here: %s" % ", ".join(missing))
    missing = [n for n in names if n not in alone and n not in under_cp]
    check(not missing, "guest programs without a test under CP here: %s" % ", ".join(missing))
    with open(os.path.join(here, "test_minidisk.py")) as f:
        minidisk = f.read()
    missing = [n for n in MINIDISK if n not in names or not re.search(r'^    (?:log = )?expect\("%s"' % n, minidisk, re.M)]
    check(not missing, "disk programs missing, or not run by test_minidisk.py: %s" % ", ".join(missing))
    # IPLed by some other module: ipl(term, "name"), or a devinit of its deck
    missing = [n for n in INTERACTIVE if n not in names or not re.search(
        r'\bipl\(\w+, *"%s"\)|\bdevinit [^\n]*\b%s\.deck\b' % (n, n), others)]
    check(not missing, "interactive programs missing, or not IPLed by any test module: %s" % ", ".join(missing))
    # pass codes are unique among these and the DIAGNOSE conformance programs
    codes = {}
    for n in names:
        codes.setdefault(pass_code(n), []).append(n)
    for f in sorted(os.listdir(CONFORMANCE)):
        if f.endswith(".S"):
            codes.setdefault(guestrun.pass_code(os.path.join(CONFORMANCE, f)), []).append(
                "diagnose/conformance/" + f[:-2])
    dup = [v for v in codes.values() if len(v) > 1]
    check(not dup, "programs sharing a pass code: %s" % dup)


def simulate_ipl(deck):
    """A channel IPLing a card deck: returns (storage, cards read)."""
    cards = [deck[i:i + 80] for i in range(0, len(deck), 80)]
    check(len(deck) % 80 == 0, "the deck is not made of 80-byte cards")
    mem = bytearray(0x40000)
    read = 0

    def card(addr, count, flags):
        nonlocal read
        check(read < len(cards), "the IPL chain reads past the deck")
        check(count == 80 or flags & 0x20, "a read of %d bytes without SLI" % count)
        n = min(count, 80)
        mem[addr:addr + n] = cards[read][:n]
        read += 1

    card(0, 24, 0x60)           # the IPL's own CCW
    at, chaining, tic = 8, True, False
    while chaining:
        ccw = mem[at:at + 8]
        cmd, addr, flags, count = ccw[0], int.from_bytes(ccw[1:4], "big"), ccw[4], int.from_bytes(ccw[6:8], "big")
        if cmd & 0x0F == 0x08:
            check(not tic, "TIC to TIC at %#x" % at)
            at, tic = addr, True
            continue
        tic = False
        check(cmd == 0x02, "CCW at %#x is %02X, not a read" % (at, cmd))
        check(flags & ~0x60 == 0 and count, "CCW at %#x: flags %02X count %d" % (at, flags, count))
        card(addr, count, flags)
        chaining = bool(flags & 0x40)
        at += 8
    return mem, read


def test_mkdeck_builds_a_chain_that_loads_the_program(_):
    mkdeck = _mkdeck()
    for cards in (1, 9, 10, 11, 19, 20, 21, 100):
        for load in (0x1000, 0x200):
            prog = bytes((i * 7 + cards) & 0xFF for i in range(cards * 80 - 3))
            deck = mkdeck.build(prog, load, load + 2, data_cards=2)
            mem, read = simulate_ipl(deck)
            what = "%d cards at %#x" % (cards, load)
            check(mem[load:load + len(prog)] == prog, "%s: the program is not loaded" % what)
            check(mem[0:8] == bytes(4) + (load + 2).to_bytes(4, "big"), "%s: IPL PSW %s" % (what, mem[0:8].hex()))
            rest = deck[read * 80:]
            check(len(rest) == 160, "%s: %d bytes left after the IPL, not 2 data cards" % (what, len(rest)))
            check(rest[:80].decode("cp037") == "CPCMS TEST CARD 0001".ljust(72) + "SEQ00001",
                  "%s: data card 1 is %r" % (what, rest[:80].decode("cp037")))
            check(rest[80:].decode("cp037").startswith("CPCMS TEST CARD 0002"), "%s: data card 2" % what)
    deck = mkdeck.build(bytes(100), 0x1000, 0x1000, data_cards=1, cards=["0005 W F", "X" * 80])
    mem, read = simulate_ipl(deck)
    rest = deck[read * 80:]
    check(len(rest) == 240, "text cards: %d bytes after the IPL, not 3 cards" % len(rest))
    check(rest[80:160].decode("cp037") == "0005 W F".ljust(80), "text card 1 is %r" % rest[80:160])
    check(rest[160:].decode("cp037") == "X" * 80, "text card 2 is %r" % rest[160:])
    for bad in ("X" * 81, "\u20ac"):
        try:
            mkdeck.build(bytes(100), 0x1000, 0x1000, cards=[bad])
        except ValueError:
            continue
        check(False, "mkdeck took the card %r" % bad)


# One test per program; what each checks is in its header comment.
def test_psw_interrupts(_):
    expect_pass("psw_interrupts")


def test_privop(_):
    expect_pass("privop")


def test_keys(_):
    expect_pass("keys")


def test_timers(_):
    expect_pass("timers")


def test_console(_):
    log = expect_pass("console")
    for n in (1, 2, 3):
        check("CONSOLE TEST LINE %d" % n in log, "line %d the guest wrote is not in the log" % n)


def test_reader(_):
    expect_pass("reader")


def expect_unitrec_files(state, what):
    """The lines unitrec printed and punched, in the host files the
    Hercules printer and punch wrote (in the state directory)."""
    want = {"printer.txt": "UNITREC PRINT LINE 1\nUNITREC PRINT LINE 2\n",
            "punch.txt": "UNITREC PUNCH CARD 1\nUNITREC PUNCH CARD 2\n"}
    for name, text in want.items():
        path = os.path.join(state, name)
        # a cpcms system's punch writes EBCDIC cards to punch.bin
        # (hercules-configs/cpcms.cnf): as text lines, to compare
        binary = name == "punch.txt" and not os.path.exists(path)
        if binary:
            path = os.path.join(state, "punch.bin")
        got = ""
        for _ in range(50):   # Hercules writes the file as the device works
            if os.path.exists(path):
                with open(path, "rb") as f:
                    got = f.read()
                if binary:
                    got = "".join(got[i:i + 80].decode("cp037").rstrip(" ") + "\n"
                                  for i in range(0, len(got) - 79, 80))
                else:
                    got = got.decode("latin-1")
                if got.endswith(text):
                    break
            time.sleep(0.1)
        check(got.endswith(text), "%s: %s holds %r, not the lines unitrec wrote" % (what, name, got[-200:]))


def test_unitrec(_):
    expect_pass("unitrec")
    expect_unitrec_files(os.path.join(STATE, "unitrec"), "natively")


def test_dat(_):
    expect_pass("dat")


def test_ecbc(_):
    expect_pass("ecbc")


# ---------------------------------------------------------------- the same under CP
# One test per program: the result code in MAINT's virtual machine must be
# the pass code too (all of them on one CP system, one after the other).
def test_under_cp_psw_interrupts(_):
    expect_pass_cp("psw_interrupts")


def test_under_cp_privop(_):
    expect_pass_cp("privop")


def test_under_cp_keys(_):
    expect_pass_cp("keys")


def test_tape(_):
    expect_pass("tape")


def test_ipl_from_tape(_):
    psw, code, log = run_native("psw_interrupts", ipl="0181")
    check(code == pass_code("psw_interrupts"), "IPL from tape: ended with PSW %s: %s" % (psw, explain(code)))


def test_under_cp_tape(_):
    expect_pass_cp("tape")


def test_under_cp_ipl_from_tape(_):
    psw, code, screen = run_under_cp("psw_interrupts", ipl="181")
    check(code == pass_code("psw_interrupts"), "IPL from tape under CP: ended with PSW %s: %s" % (psw, explain(code)))


def test_dasd(_):
    expect_pass("dasd")


def test_under_cp_dasd(_):
    expect_pass_cp("dasd")


# IPL from a disk: the IPL record dasdinit wrote on SPARE1 loads a
# disabled wait PSW. In BC mode the IPL stores the device address at
# locations 2-3, which are bits 16-31 of that PSW: the same under CP as
# natively.
def test_ipl_from_dasd(_):
    psw, code, log = run_native("dasd", ipl="0190")
    check(re.match(r"00060190 ", psw), "IPL from the disk natively: PSW %s" % psw)


def test_under_cp_ipl_from_dasd(_):
    native, code, log = run_native("dasd", ipl="0190")
    psw, code, screen = run_under_cp("dasd", ipl="190")
    check(psw == native, "IPL from the disk under CP: PSW %s, natively %s" % (psw, native))


def test_under_cp_unitrec(_):
    expect_pass_cp("unitrec")
    expect_unitrec_files(_cp.system.state, "under CP")


def test_under_cp_timers(_):
    expect_pass_cp("timers")


def test_under_cp_console(_):
    screen = expect_pass_cp("console")
    lines = screen.splitlines()
    for n in (1, 2, 3):
        check("CONSOLE TEST LINE %d" % n in lines,
              "line %d the guest wrote is not a line of the terminal:\n%s" % (n, screen))
    at = [lines.index("CONSOLE TEST LINE %d" % n) for n in (1, 2, 3)]
    check(at == sorted(at), "the guest's lines are out of order:\n%s" % screen)


def test_under_cp_reader(_):
    expect_pass_cp("reader")


def test_under_cp_dat(_):
    expect_pass_cp("dat")


def test_under_cp_ecbc(_):
    expect_pass_cp("ecbc")


def test_under_cp_system_stops(_):
    """The last test: CP shuts down in order with MAINT's machine there."""
    global LAST_SYSTEM
    if _cp is None or not _cp.alive():
        return  # no test under CP ran in this process
    LAST_SYSTEM = _cp
    _cp.name = None
    _cp.stop()
    log = _cp.system.log()
    check(not _cp.system.running(), "the CP system did not stop")
    check("DMKCPI961W SYSTEM SHUTDOWN COMPLETE" in log, "CP did not finish an orderly shutdown")
