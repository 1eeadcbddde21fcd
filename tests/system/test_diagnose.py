"""test_diagnose.py - the DIAGNOSE interface (diagnose/DIAGNOSE.md): the
conformance programs of diagnose/conformance/ in CP virtual machines,
and what a program alone cannot see.

Each conformance program checks one code (diaggen: the rules all share)
and ends in a disabled wait with its pass code X'0C0Dpp' (pp = X'40' +
code / 4; X'3F' diaggen, X'80' diagcls) or X'BADnnn'. They run on one
cpcms system of this module in MAINT's machine (classes A-G), reader 01C
attached as 00C, as test_guests.py runs its programs (guestrun.py);
diagcls runs as USER01 (class G only); diag18, diag20 and diag250 run as
DIAGIO, a user this module adds to the default directory (written to
build/test-state/diagnose-cp.direct), whose 3350 minidisk of 5 cylinders
(CPUSR1 cylinders 110-114) is 191, read-write, and again 192, linked
read-only from its own directory entry. Some tests then look at what the
program left: the screen (X'08' without a buffer), storage through
DISPLAY (X'04' against CP's nucleus, X'0C' against QUERY TIME), CP's
counters (INDICATE PRIVOPS); X'54' is driven with PA2; LOGOFF through
X'08' is tried by a program made with STORE.
"""

import atexit
import contextlib
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
DIRECT = os.path.join(REPO, "build", "test-state", "diagnose-cp.direct")

DIAGIO = """USER DIAGIO DIAGIO 1M 16M G
 OPTION ECMODE REALTIMER
 CONSOLE 009 3215
 MDISK 191 3350 110 005 CPUSR1 W
 LINK DIAGIO 191 192 RR
"""

_cp = None


def cp_run():
    global _cp, LAST_SYSTEM
    if _cp is None:
        os.makedirs(os.path.dirname(DIRECT), exist_ok=True)
        with open(os.path.join(REPO, "dasd", "system", "user.direct")) as f:
            text = f.read()
        with open(DIRECT, "w") as f:
            f.write(text.rstrip("\n") + "\n" + DIAGIO)
        _cp = guestrun.CPRun("diagnose-cp", spec_changes={"DIRECT": DIRECT})
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
    """DISPLAY <spec> (e.g. "20000.10") at terminal t: the bytes shown."""
    t.command("DISPLAY T%s" % spec, r"^%s  " % spec.split(".")[0].upper().zfill(6))
    data = bytearray()
    for m in re.finditer(r"^[0-9A-F]{6}  ((?:[0-9A-F]{8} ?){1,4})", t.text(), re.M):
        for word in m.group(1).split():
            data += bytes.fromhex(word)
    return bytes(data)


def user_terminal(userid):
    """A terminal logged on as userid, with the real reader 01C as its 00C
    (taken from MAINT for the time being)."""
    r = cp_run()
    r.term.command("DETACH 00C", r"RDR 00C DETACHED")
    t = r.system.terminal()
    t.logon(userid)
    r.term.command("ATTACH 01C TO %s AS 00C" % userid, r"RDR 01C ATTACHED TO %s 00C" % userid)
    return t


def user_done(t):
    """Log the user of t off and give the reader back to MAINT."""
    r = cp_run()
    t.command("LOGOFF", r"LOGOFF AT")
    t.close()
    r.term.command("ATTACH 01C * 00C", r"\nRDR 00C ATTACHED")


@contextlib.contextmanager
def as_user(userid):
    """user_terminal(userid) for a with block, user_done at its end."""
    t = user_terminal(userid)
    try:
        yield t
    finally:
        user_done(t)


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


def test_x00_identification(_):
    expect_pass("diag00")


def test_x04_examine_real_storage(_):
    """The words X'04' read are those of CP's nucleus, loaded at X'10000'."""
    expect_pass("diag04")
    with open(NUCLEUS, "rb") as f:
        want = f.read(16)
    got = display(cp_run().term, "20000.10")
    check(got == want, "X'04' read %s at X'10000', the nucleus has %s" % (got.hex(), want.hex()))


def test_x08_cp_command(_):
    screen = expect_pass("diag08")
    # without a buffer the response went to the terminal
    check(re.search(r"^DMKCFC001E \?CP: XYZZYSHOW$", screen, re.M),
          "the response of X'08' without a buffer is not on the screen:\n%s" % screen)
    check(not re.search(r"^DMKCFC001E \?CP: XYZZY$", screen, re.M),
          "a response meant for the buffer reached the screen:\n%s" % screen)


def test_x08_logoff(_):
    """LOGOFF by X'08' logs the user off (the program does not resume) and
    CP goes on. The program is made with STORE: DIAGNOSE 2,3,X'08' at
    X'1000', the text LOGOFF at X'1100'."""
    r = cp_run()
    t = r.system.terminal()
    t.logon("USER02")
    for cmd in ("STORE S1100 D3D6C7D6C6C6", "STORE S1000 83230008", "STORE G2 1100",
                "STORE G3 6", "STORE PSW 00000000 00001000"):
        t.command(cmd, r"STORE COMPLETE")
    t.clear()
    t.enter("BEGIN")
    t.wait(r"LOGOFF AT \d\d:\d\d:\d\d")
    t.wait(r"VM/370 ONLINE")
    r.term.command("QUERY USER02", r"USER02 NOT LOGGED ON")
    t.close()


def test_x08_system_reset(_):
    """SYSTEM RESET by X'08' resets the machine, which stops in CP mode; the
    DIAGNOSE does not complete: Ry keeps the length, not a return code."""
    r = cp_run()
    t = r.system.terminal()
    t.logon("USER02")
    for cmd in ("STORE S1100 E2E8E2E3C5D440D9C5E2C5E3", "STORE S1000 83230008", "STORE G2 1100",
                "STORE G3 C", "STORE PSW 00000000 00001000"):
        t.command(cmd, r"STORE COMPLETE")
    t.clear()
    t.enter("BEGIN")
    t.wait(r"^SYSTEM RESET$")
    t.wait_status("CP READ")
    t.command("DISPLAY G3", r"GPR  3 =  0000000C")
    t.command("DISPLAY PSW", r"PSW = 00000000 00000000")
    t.command("LOGOFF", r"LOGOFF AT")
    t.close()


def test_x0c_pseudo_timer(_):
    """The date X'0C' stored is today's, as QUERY TIME says it."""
    expect_pass("diag0c")
    t = cp_run().term
    date = display(t, "20000.8").decode("cp037")
    t.command("QUERY TIME", r"TIME IS \d\d:\d\d:\d\d \S+ \S+ (\d\d/\d\d/\d\d)")
    today = re.search(r"TIME IS \d\d:\d\d:\d\d \S+ \S+ (\d\d/\d\d/\d\d)", t.text()).group(1)
    check(date == today, "X'0C' stored the date %r, QUERY TIME says %s" % (date, today))


def test_x10_release_pages(_):
    expect_pass("diag10")


def test_x1c_clear_error_recording(_):
    expect_pass("diag1c")


def test_x24_device_type(_):
    t = cp_run().term
    t.clear()
    t.enter("LINK USER01 191 192 RR READ")
    t.command("QUERY VIRTUAL 192", r"\nDASD 192 3350 CPUSR1 R/O")
    t.clear()
    t.enter("DEFINE T3350 AS 193 CYL 1")
    t.wait(r"DASD 193 DEFINED")
    try:
        expect_pass("diag24")
    finally:
        t.command("DETACH 192", r"DASD 192 DETACHED")
        t.command("DETACH 193", r"DASD 193 DETACHED")


def test_x54_pa2(_):
    """First PA2: the program's external interruption; after X'54' with 0,
    PA2 only clears, and the line entered ends the program's read."""
    r = cp_run()
    r.name = "diag54"
    t = guestrun.ipl_deck(r, os.path.join(DECKS, "diag54.deck"))
    t.wait_status("VM READ")
    t.key("PA(2)")
    time.sleep(1)            # the program turns PA2 back to clearing
    t.wait_status("VM READ")
    t.key("PA(2)")
    time.sleep(1)            # an external interruption now would end it (X'EE1040')
    check(not guestrun.CP_WAIT_RX.search(t.text()), "diag54 ended early:\n%s" % t.text())
    t.enter("GO")
    psw, code, screen = guestrun.wait_disabled(t, "diag54")
    want = guestrun.pass_code(os.path.join(SOURCES, "diag54.S"))
    check(code == want, "diag54 ended with PSW %s: %s" % (psw, explain(code)))
    # expect_pass("diag54") is this test


def test_x5c_error_message_editing(_):
    expect_pass("diag5c")


def test_x60_storage_size(_):
    expect_pass("diag60")


def test_x64_named_segments(_):
    """TESTSEG saved by MAINT with a word in each of its two segments,
    then diag64 loads, shares, purges and finds it in MAINT's 1M machine."""
    t = cp_run().term
    t.command("DEFINE STORAGE 2M", r"STORAGE = 02048K")
    t.command("STORE 100000 C1C2C3C4", r"\nSTORE COMPLETE$")
    t.command("STORE 110000 C5C6C7C8", r"\nSTORE COMPLETE$")
    t.command("SAVESYS TESTSEG", r"\nSYSTEM TESTSEG SAVED")
    t.command("DEFINE STORAGE 1M", r"STORAGE = 01024K")
    expect_pass("diag64")


def test_x8c_3270_characteristics(_):
    expect_pass("diag8c")


def test_privilege_classes(_):
    """As USER01 (class G): X'04' and X'1C' are specification exceptions."""
    with as_user("USER01") as t:
        expect_pass("diagcls", term=t)


def test_x18_standard_dasd_io(_):
    """As DIAGIO, on its minidisk 191 and the read-only link 192."""
    with as_user("DIAGIO") as t:
        t.command("QUERY VIRTUAL 192", r"^DASD 192 3350 CPUSR1 R/O 005 CYL")
        expect_pass("diag18", term=t)


def test_x20_general_io(_):
    with as_user("DIAGIO") as t:
        expect_pass("diag20", term=t)


def test_x250_block_io(_):
    """The first run ends with 191 bound. Started again without a reset
    (BEGIN at its entry) the program finds that binding and fails its first
    check; after an IPL (a system reset removes the binding) it begins with
    191 unbound and passes. diag250 links 192 again itself after DETACH."""
    with as_user("DIAGIO") as t:
        expect_pass("diag250", term=t)
        t.command("STORE PSW 00000000 00001000", r"STORE COMPLETE")
        t.clear()
        t.enter("BEGIN")
        psw, code, screen = guestrun.wait_disabled(t, "diag250")
        check(code == 0xBAD001, "diag250 begun again without a reset ended with PSW %s: X'%06X', %s "
              "(it should find 191 still bound: X'BAD001')" % (psw, code, explain(code)))
        expect_pass("diag250", term=t)
        t.command("QUERY VIRTUAL 192", r"^DASD 192 3350 CPUSR1 R/O 005 CYL")


def test_indicate_counts_the_codes(_):
    """INDICATE PRIVOPS lists each code used with its count."""
    t = cp_run().term
    t.command("INDICATE PRIVOPS", r"INSTR OPCD")
    screen = ""
    deadline = time.time() + 10
    while not re.search(r"^SIMULATED \d+", screen, re.M):   # (more than a screen: MORE...)
        if t.status() == "MORE...":
            screen += "\n" + t.text()
            t.key("Clear")
        elif re.search(r"^SIMULATED \d+", t.text(), re.M):
            screen += "\n" + t.text()
        check(time.time() < deadline, "INDICATE PRIVOPS did not end:\n%s%s" % (screen, t.text()))
        time.sleep(0.05)
    for code, name in (("0008", "CPCMD"), ("0024", "DEVTYPE"), ("0060", "STORSIZE"),
                       ("0018", "DASDIO"), ("0020", "GENIO"), ("0250", "BLOCKIO")):
        m = re.search(r"^DIAG  %s +(\d+)  %s$" % (code, name), screen, re.M)
        check(m and int(m.group(1)) > 0, "INDICATE PRIVOPS has no count for DIAG %s:\n%s" % (code, screen))


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
