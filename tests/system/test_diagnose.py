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

The module's directory is the default one with MAINT owning the
directory area of the system residence volume as its minidisk 1FF (as
VM/370's MAINT owns the system volumes): diag3c, a directory program in
miniature, writes directory areas made by `cpvol direct --drct` there
and switches CP to them with X'3C'.
"""

import atexit
import contextlib
import hashlib
import os
import re
import struct
import subprocess
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
CPVOL = os.path.join(REPO, "build", "host", "cpvol")
SPEC = os.path.join(REPO, "dasd", "system", "cpcms.spec")
USER_DIRECT = os.path.join(REPO, "dasd", "system", "user.direct")
DIRECT = os.path.join(REPO, "build", "test-state", "diagnose-cp.direct")
WORK = os.path.join(REPO, "build", "test-state", "diagnose-dir")
DRCT_DISK = 0x1FF               # MAINT's minidisk on the directory area
RECORDS = {"3330": (3, 19), "3350": (4, 30), "3380": (10, 15), "3390": (12, 15)}

DIAGIO = """USER DIAGIO DIAGIO 1M 16M G
 OPTION ECMODE REALTIMER
 CONSOLE 009 3215
 MDISK 191 3350 110 005 CPUSR1 W
 LINK DIAGIO 191 192 RR
"""

_cp = None


def volumes():
    """The volumes of the default system: [(label, type, sysres, {area: (first, last)})]."""
    vols = []
    with open(SPEC) as f:
        for line in f:
            w = line.split()
            if not w or w[0].startswith("*"):
                continue
            if w[0].upper() == "VOLUME":
                vols.append((w[1].upper(), w[2].split("-")[0], "SYSRES" in (x.upper() for x in w), {}))
            elif vols and len(w) == 3 and w[1].isdigit():
                vols[-1][3][w[0].upper()] = (int(w[1]), int(w[2]))
    return vols


def sysres():
    return [v for v in volumes() if v[2]][0]


def module_directory():
    """The default directory, MAINT with the directory area as 1FF, and
    user DIAGIO."""
    label, dtype, _, areas = sysres()
    first, last = areas["DRCT"]
    mdisk = " MDISK %03X %s %03d %03d %s W\n" % (DRCT_DISK, dtype, first, last - first + 1, label)
    out, in_maint = [], False
    with open(USER_DIRECT) as f:
        for line in f:
            if line.startswith("USER "):
                if in_maint:
                    out.append(mdisk)
                in_maint = line.split()[1] == "MAINT"
            out.append(line)
    if in_maint:
        out.append(mdisk)
    return "".join(out).rstrip("\n") + "\n" + DIAGIO


def cp_run():
    global _cp, LAST_SYSTEM
    if _cp is None:
        os.makedirs(WORK, exist_ok=True)
        with open(DIRECT, "w") as f:
            f.write(module_directory())
        _cp = guestrun.CPRun("diagnose-cp", spec_changes={"DIRECT": DIRECT})
        atexit.register(lambda: _cp.stop())
    LAST_SYSTEM = _cp
    return _cp.ensure()


def run(name, term=None, timeout=guestrun.CP_TIMEOUT, cards=b""):
    """Run conformance program `name`, with cards after its deck; (psw, code, screen)."""
    r = cp_run()
    deck = os.path.join(DECKS, name + ".deck")
    if cards:
        with open(deck, "rb") as f:
            data = f.read()
        deck = os.path.join(r.system.state, name + "-cards.deck")
        with open(deck, "wb") as f:
            f.write(data + cards)
    return guestrun.run_deck(r, deck, name, timeout, term=term)


def expect_pass(name, term=None, cards=b""):
    psw, code, screen = run(name, term, cards=cards)
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
    t.command("DETACH 00C", r"RDR 00C DETACHED|DMKVDD040E DEV 00C DOES NOT EXIST")  # a spooled reader
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


# ---------------------------------------------------------------- X'3C'
def directory_pages(text, name):
    """The directory area cpvol makes of directory source `text`."""
    src = os.path.join(WORK, name + ".direct")
    spec = os.path.join(WORK, name + ".spec")
    out = os.path.join(WORK, name + ".drct")
    with open(src, "w", encoding="latin-1") as f:
        f.write(text)
    with open(SPEC) as f:
        lines = ["DIRECT %s\n" % src if l.split()[:1] == ["DIRECT"] else l for l in f]
    with open(spec, "w") as f:
        f.writelines(lines)
    p = subprocess.run([CPVOL, "direct", spec, "--drct", out], capture_output=True, text=True)
    check(p.returncode == 0, "cpvol direct: %s%s" % (p.stdout, p.stderr))
    with open(out, "rb") as f:
        return f.read()


def drct_cards(pages, before, after):
    """diag3c's control card and the pages: X'3C' is to give cc `before`
    (None: any) and `after` the pages are written."""
    label, dtype, _, _ = sysres()
    other = [v for v in volumes() if not v[2] and "DRCT" not in v[3]][0][0]
    recs, heads = RECORDS[dtype]
    ctl = bytearray(80)
    ctl[0:4] = "DRCT".encode("cp037")
    struct.pack_into(">IIIH", ctl, 4, len(pages) // 4096, recs, heads, DRCT_DISK)
    ctl[18:24] = label.ljust(6).encode("cp037")
    ctl[24:30] = other.ljust(6).encode("cp037")
    struct.pack_into(">II", ctl, 32, 0xFFFFFFFF if before is None else before, after)
    data = pages + bytes(-len(pages) % 80)
    return bytes(ctl) + data


def users(text):
    return sum(1 for l in text.splitlines() if l.startswith("USER "))


def edit_directory(text, add="", drop=(), change=None):
    """Users added (source text), dropped (userids), or USER lines changed
    ({userid: new line})."""
    out, skip = [], False
    for line in text.splitlines(True):
        if line.startswith("USER "):
            who = line.split()[1]
            skip = who in drop
            if change and who in change:
                line = change[who] + "\n"
        if not skip:
            out.append(line)
    return "".join(out) + add


def logon_refused(t, userid):
    """LOGON userid at terminal t (on the logo screen, or before logon):
    not in the directory."""
    if t.status() != "CP READ":
        t.wake()
    t.clear()
    t.enter("LOGON %s" % userid)
    t.wait(r"DMKLOG053E %s NOT IN CP DIRECTORY" % userid)


def logon_logoff(r, userid):
    t = r.system.terminal()
    t.logon(userid)
    t.command("LOGOFF", r"LOGOFF AT")
    t.close()


DIRTEST = """USER DIRTEST1 DIRTEST1 1M 16M G
 CONSOLE 009 3215
 MDISK 191 3350 500 001 CPUSR1 RR ALL
"""
DIRTEST2 = """USER DIRTEST2 DIRTEST2 1M 16M G
 CONSOLE 009 3215
"""


def restore_directory(base):
    """The module's directory again (after any failure before)."""
    r = cp_run()
    mark = r.system.log_mark()
    expect_pass("diag3c", cards=drct_cards(directory_pages(base, "base"), None, 0))
    r.system.wait_log(r"DMKUDR476I SYSTEM DIRECTORY LOADED FROM VOLUME %s, %d USERS"
                      % (sysres()[0], users(base)), after=mark)


def test_x3c_directory_update(_):
    """A new directory while the system runs: written to the directory
    area by diag3c (in MAINT's machine, which stays logged on), switched to
    by X'3C'. It adds DIRTEST1 (LOGON and LINK find it), drops USER16 (its
    session goes on; it cannot log on again), and gives USER07 other
    line-editing characters; DIRTEST1 sorts before the USER0n, so every
    later user's place in the directory moves: USER08, disconnected before
    the switch, reconnects with its own characters (#), not USER07's (!).
    Then two damaged directories (the area's checksum; the image's own,
    with the area's checksum made right) are refused with cc 2 and the one
    in use stays; the module's directory goes back at the end."""
    r = cp_run()
    base = module_directory()
    t8 = r.system.terminal()
    t8.logon("USER08")
    t8.enter("DISCONN")
    t8.wait(r"VM/370 ONLINE", timeout=15)
    t16 = r.system.terminal()
    t16.logon("USER16")
    try:
        new = edit_directory(base, add=DIRTEST, drop=("USER16",),
                             change={"USER07": 'USER USER07 USER07 1M 16M G 50 ! % @ "'})
        mark = r.system.log_mark()
        expect_pass("diag3c", cards=drct_cards(directory_pages(new, "new"), 0, 0))
        label = sysres()[0]
        r.system.wait_log(r"DMKUDR476I SYSTEM DIRECTORY LOADED FROM VOLUME %s, %d USERS"
                          % (label, users(new)), after=mark)
        logon_logoff(r, "DIRTEST1")
        r.term.command("LINK DIRTEST1 191 391 RR", r"CP READ|DMK\w+")
        r.term.command("QUERY VIRTUAL 391", r"DASD 391 3350 CPUSR1 R/O +0*1 CYL")
        r.term.command("DETACH 391", r"DASD 391 DETACHED")
        # a session of a user the directory no longer has goes on
        t16.command("QUERY USER16", r"USER16   - \w+")
        t16.command("LOGOFF", r"LOGOFF AT")
        logon_refused(t16, "USER16")
        # USER08's line-editing characters come from its own entry
        t8.logon("USER08")
        t8.command("QUERY TIME#QUERY USER08", r"TIME IS [\s\S]*USER08   - ")
        t8.command("LOGOFF", r"LOGOFF AT")

        # damaged: the area's checksum does not match
        bad = bytearray(directory_pages(edit_directory(new, add=DIRTEST2), "bad"))
        bad[4096 + 200] ^= 0x01
        mark = r.system.log_mark()
        expect_pass("diag3c", cards=drct_cards(bytes(bad), 0, 2))
        r.system.wait_log(r"DMKUDR475E DIRECTORY ON VOLUME %s IS DAMAGED \(CHECKSUM\)" % label,
                          after=mark)
        # damaged: the image's own checksum (the area's is right)
        length = struct.unpack_from(">I", bad, 12)[0]
        bad[16:48] = hashlib.sha256(bytes(bad[4096:4096 + length])).digest()
        mark = r.system.log_mark()
        expect_pass("diag3c", cards=drct_cards(bytes(bad), 2, 2))
        r.system.wait_log(r"DMKUDR475E DIRECTORY ON VOLUME %s IS INVALID: " % label, after=mark)
        logon_refused(t16, "DIRTEST2")
        logon_logoff(r, "DIRTEST1")
    except BaseException:
        try:
            restore_directory(base)
        except BaseException:
            pass
        raise
    restore_directory(base)
    t16.clear()
    logon_refused(t16, "DIRTEST1")
    t16.close()
    t8.close()
    logon_logoff(r, "USER16")


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


def screen_rows(t):
    """The 24 rows of t's screen, trailing blanks removed."""
    return [l.rstrip() for l in t.screen()]


def test_x58_3270_console(_):
    """diag58's steps (diagnose/conformance/diag58.S), the screen checked at
    each: its displays in CP's output area and CP's line below them; its
    full screen, typed into; PA1 stopping the machine (CP READ takes the
    screen back), then PA1 as the program's key; CP taking the screen back
    for the program's console line and for a message from another user,
    who goes on working meanwhile."""
    r = cp_run()
    r.name = "diag58"
    t = guestrun.ipl_deck(r, os.path.join(DECKS, "diag58.deck"))
    # 2. displays, then a console read
    t.wait_status("VM READ")
    rows = screen_rows(t)
    text = "\n".join(rows)
    check(rows[0] == "DIAG58 LINE 1", "line 0 of the output area: %r\n%s" % (rows[0], text))
    check(rows[3] == "DIAG58 CHAINED", "line 3 (data chained): %r\n%s" % (rows[3], text))
    check(rows[5] == "DIAG58 FIRST", "line 5: %r\n%s" % (rows[5], text))
    check(rows[6].strip() == "DIAG58 BRIGHT", "line 6 (HIDDEN not shown): %r\n%s" % (rows[6], text))
    for gone in ("GONE", "BAD", "HIDDEN"):
        check(gone not in text, "%s is on the screen:\n%s" % (gone, text))
    t.enter("GO")
    t.wait(r"^GO$")
    rows = screen_rows(t)
    check(rows[7] == "GO", "CP's next line is not below the program's:\n%s" % "\n".join(rows))
    # 3. full screen: CP's fields are gone; HELLO typed into the program's field
    t.wait(r"DIAG58 WRITE")
    rows = screen_rows(t)
    check(rows[1] == "DIAG58 FULL SCREEN" and rows[12] == "DIAG58 WRITE" and rows[23] == "",
          "the program's full screen:\n%s" % "\n".join(rows))
    t.type("HELLO")
    t.enter()
    # PA1 stops the machine: CP READ brings back CP's layout
    t.wait(r"DIAG58 STOP ME")
    t.key("PA(1)")
    t.wait_status("CP READ")
    check("DIAG58" not in t.text(), "CP READ did not bring back CP's screen:\n%s" % t.text())
    t.enter("BEGIN")
    t.wait_status("RUNNING")
    t.enter("Y")
    # 4. PA1 is the program's
    t.wait(r"DIAG58 PA1 PLEASE")
    check("FULL SCREEN" not in t.text(), "an erase/write left the old screen:\n%s" % t.text())
    t.key("PA(1)")
    # 5. the program's console line takes the screen back
    t.wait_status("VM READ")
    rows = screen_rows(t)
    check(rows[0] == "DIAG58 LINE MODE" and "PA1 PLEASE" not in "\n".join(rows),
          "CP's layout, erased, with the program's line:\n%s" % "\n".join(rows))
    t.enter("OK")
    # 6. a message from another user takes it back too
    t.wait(r"DIAG58 WAITING")
    u = r.system.terminal()
    try:
        u.logon("USER01")
        u.command("MSG MAINT HI", r"CP READ")
        t.wait(r"MSG FROM USER01 *: +HI")
        check(t.status() == "RUNNING" and "DIAG58 WAITING" not in t.text(),
              "the message did not bring back CP's screen:\n%s" % t.text())
        u.command("QUERY NAMES", r"MAINT +- \w+")
        t.enter("X")
        psw, code, screen = guestrun.wait_disabled(t, "diag58")
        want = guestrun.pass_code(os.path.join(SOURCES, "diag58.S"))
        check(code == want, "diag58 ended with PSW %s: %s" % (psw, explain(code)))
        t.wait_status("CP READ")
        u.command("LOGOFF", r"LOGOFF AT")
    finally:
        u.close()
    # expect_pass("diag58") is this test


def test_x58_typewriter(_):
    """On the 3215 system console diag58 checks the errors and gets cc 3
    for every form of X'58', as USER02 logged on there."""
    r = cp_run()
    mark = r.system.log_mark()
    r.system.console("LOGON USER02 USER02")
    r.system.wait_log(r"LINE 009 LOGON  AS USER02 ", after=mark)
    try:
        r.term.command("DETACH 00C", r"RDR 00C DETACHED")
        r.system.console("DETACH 00C")                        # USER02's spooled reader
        r.system.wait_log(r"RDR 00C DETACHED", after=mark)
        r.term.command("ATTACH 01C TO USER02 AS 00C", r"RDR 01C ATTACHED TO USER02 00C")
        out = r.system.herc("devinit 01C %s ebcdic eof" % os.path.join(DECKS, "diag58.deck"))
        check("HHCPN098I" in out or "initialized" in out, "devinit said: %s" % out)
        r.system.console("IPL 00C")
        m = r.system.wait_log(r"DMKDSP450W CP ENTERED; DISABLED WAIT PSW '([0-9A-F]{8}) ([0-9A-F]{8})'",
                              timeout=guestrun.CP_TIMEOUT, after=mark)
        code = int(m.group(2), 16) & 0xFFFFFF
        want = guestrun.pass_code(os.path.join(SOURCES, "diag58.S"))
        check(code == want, "diag58 on the 3215 ended with %s %s: %s" % (m.group(1), m.group(2), explain(code)))
    finally:
        r.system.console("LOGOFF")
        r.system.wait_log(r"LINE 009 LOGOFF AS USER02 ", after=mark)
        r.term.command("ATTACH 01C * 00C", r"\nRDR 00C ATTACHED")


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
    """As USER01 (class G): X'04', X'1C' and X'3C' are specification exceptions."""
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
