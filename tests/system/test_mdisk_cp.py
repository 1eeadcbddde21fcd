"""test_mdisk_cp.py - minidisks under CP: the guest's own channel programs
on minidisks (tests/guests/mdisk.S, the same program and parameter card
that pass natively on a whole volume of that size in test_minidisk.py),
random channel programs that must stay inside their minidisk
(dasdfuzz.S, with the cylinders around it checked byte for byte in the
volume image afterwards), LINK in every mode with and without passwords,
DETACH, two users on one minidisk at once, and temporary disks cleared
before another user gets their space.

The system runs with the default directory plus user MDTEST (written to
build/test-state/mdisk-cp.direct), whose disks are on CPUSR1 (3350, 30
heads, 555 cylinders):
  191  cylinders 100-104  W    a partial minidisk, read-write
  192  cylinders 0-554    W    the whole volume (a full pack)
  193  cylinders 110-114  RR   read-only, password ALL for read links
  194  cylinders 120-124  W    the fuzzer's disk
Programs are IPLed from the real reader 01C, which MAINT attaches to the
user that runs one as its 00C (and detaches again).
"""

import hashlib
import os
import re
import time

import harness
import guestrun
import test_guests
from harness import check

REPO = harness.REPO
DIRECT = os.path.join(REPO, "build", "test-state", "mdisk-cp.direct")
IMAGE = "cpusr1.3350"
HEADS, TRACK = 30, 19456          # 3350 (docs/volumes.md)
TDSK_FIRST = 357                  # CPSYS1's TDSK area (dasd/system/cpcms.spec)
FUZZ_CYLS = (120, 125)            # MDTEST 194: [first, end)
FUZZ_SECONDS = int(os.environ.get("CPCMS_MDFUZZ_SECONDS", "30"))

MDTEST = """USER MDTEST MDTEST 1M 16M G
 OPTION ECMODE REALTIMER
 CONSOLE 009 3215
 MDISK 191 3350 100 005 CPUSR1 W
 MDISK 192 3350 000 555 CPUSR1 W
 MDISK 193 3350 110 005 CPUSR1 RR ALL
 MDISK 194 3350 120 005 CPUSR1 W
"""


def make_system():
    os.makedirs(os.path.dirname(DIRECT), exist_ok=True)
    with open(os.path.join(REPO, "dasd", "system", "user.direct")) as f:
        text = f.read()
    with open(DIRECT, "w") as f:
        f.write(text.rstrip("\n") + "\n" + MDTEST)
    return harness.System("mdisk-cp", spec_changes={"DIRECT": DIRECT})


def term(system, userid, password=None):
    t = system.terminal()
    t.userid = userid
    t.logon(userid, password)
    return t


def after_echo(t, cmd):
    """The lines of the screen after the echo of cmd."""
    lines = [l.rstrip() for l in t.text().split("\n")]
    lines = [l for l in lines if l and not l.startswith(" " * 40)]
    i = max(i for i, l in enumerate(lines) if l.strip() == cmd) if cmd in lines else -1
    return lines[i + 1:]


def expect(t, cmd, pattern, timeout=10):
    """Give a CP command; a line of its response must match pattern."""
    t.clear()
    t.enter(cmd)
    deadline = time.time() + timeout
    while True:
        out = after_echo(t, cmd)
        if any(re.search(pattern, l) for l in out):
            return out
        check(time.time() < deadline, "%s: expected a line like %r, got %r" % (cmd, pattern, out))
        time.sleep(0.1)


def expect_silent(t, cmd):
    """A command that answers nothing: CP READ again, and no line after the echo."""
    t.clear()
    t.enter(cmd)
    time.sleep(1.0)
    t.wait_status("CP READ")
    out = after_echo(t, cmd)
    check(out == [], "%s: expected no response, got %r" % (cmd, out))


def ipl(system, t, name, card, user, timeout=60):
    """MAINT's reader into user's machine as 00C with the deck and card;
    IPL 00C there; the result code of the disabled wait."""
    m = system.maint
    deck = os.path.join(REPO, "build", "test-state", "mdisk-cp-%s-%s.deck" % (name, user))
    test_guests.deck_with_cards(os.path.join(test_guests.DECKS, name + ".deck"), [card], deck)
    t.command("DETACH 00C", r"RDR 00C DETACHED|DMKVDD040E DEV 00C DOES NOT EXIST")  # the spooled reader
    expect(m, "ATTACH 01C %s 00C" % user, r"RDR 01C ATTACHED TO")
    out = system.sys.herc("devinit 01C %s ebcdic eof" % deck)
    check("HHCPN098I" in out or "initialized" in out, "devinit said: %s" % out)
    t.clear()
    t.enter("IPL 00C")
    code = wait_code(t, name, timeout)
    expect(m, "DETACH 01C FROM %s" % user, r"DETACHED")
    return code


def wait_code(t, name, timeout):
    deadline = time.time() + timeout
    while True:
        m = guestrun.CP_WAIT_RX.search(t.text())
        if m:
            check(m.group(3) is None, "%s: DMKDSP450W CP ENTERED; %s" % (name, m.group(3)))
            return int(m.group(2), 16) & 0xFFFFFF
        if t.status() == "MORE...":
            t.clear()
            continue
        check(time.time() < deadline, "%s did not end within %ds" % (name, timeout))
        time.sleep(0.1)


def expect_pass(system, t, name, card, user):
    code = ipl(system, t, name, card, user)
    want = test_guests.pass_code(name)
    check(code == want, "%s with card %r under CP: X'%06X', %s (the pass code is X'%06X')"
          % (name, card, code, test_guests.explain(code), want))


def alive(t):
    return t is not None and t.proc.poll() is None


def setup(system):
    """MAINT logged on (again, after a restart of the system)."""
    if not alive(getattr(system, "maint", None)):
        system.mdt = None
        system.maint = term(system, "MAINT", "CPCMS")
    return system.maint


def mdtest(system):
    setup(system)
    if not alive(getattr(system, "mdt", None)):
        system.mdt = term(system, "MDTEST")
    return system.mdt


def logoff(t):
    t.enter("LOGOFF")
    t.wait(r"LOGOFF AT")


# ---------------------------------------------------------------- the guest's channel programs
def test_partial_minidisk(system):
    setup(system)
    expect_pass(system, mdtest(system), "mdisk", "0005 W P", "MDTEST")


def test_full_pack_minidisk(system):
    t = mdtest(system)
    # the full pack answers at 192: give the program its disk at 191
    expect(t, "DETACH 191", r"DASD 191 DETACHED")
    expect_silent(t, "LINK * 192 191 W")
    expect_pass(system, t, "mdisk", "0555 W F", "MDTEST")
    expect(t, "DETACH 191", r"DASD 191 DETACHED")
    expect_silent(t, "LINK * 191 191")


def test_read_only_minidisk(system):
    t = mdtest(system)
    expect(t, "DETACH 191", r"DASD 191 DETACHED")
    expect_silent(t, "LINK * 193 191")
    expect(t, "QUERY VIRTUAL 191", r"^DASD 191 3350 CPUSR1 R/O 005 CYL")
    expect_pass(system, t, "mdisk", "0005 R P", "MDTEST")
    expect(t, "DETACH 191", r"DASD 191 DETACHED")
    expect_silent(t, "LINK * 191 191")


def test_ipl_from_minidisks(system):
    """IPL from the full pack reads record 1 of the volume's cylinder 0
    head 0, CPUSR1's dummy IPL record: a PSW and no CCWs, so the chain
    goes on at 8 into zeros and ends with a program check, as on a real
    S/370; storage 0-7 holds the record's PSW. IPL from a partial
    minidisk whose first track has no record 1 ends with a unit check (no
    record found), and storage 0 is not touched: the arm stayed on the
    minidisk rather than going to the volume's cylinder 0."""
    t = mdtest(system)
    expect(t, "STORE 0 0 0", r".")
    t.clear()
    t.enter("IPL 192")
    t.wait(r"DMKDSP450W CP ENTERED; IPL UNIT ERROR; CSW 00000010 00200000")
    expect(t, "DISPLAY 0.8", r"000A0000 8000DEAD")
    expect(t, "STORE 0 0 0", r".")
    t.clear()
    t.enter("IPL 194")
    t.wait(r"DMKDSP450W CP ENTERED; IPL UNIT ERROR; CSW \w{8} 0E")
    expect(t, "DISPLAY 0.8", r"00000000 00000000")


# ---------------------------------------------------------------- fuzzing
def image_digest(system, first, end):
    """SHA-256 of cylinders [first, end) of CPUSR1's image file."""
    h = hashlib.sha256()
    with open(os.path.join(system.state, "dasd", IMAGE), "rb") as f:
        f.seek(512 + first * HEADS * TRACK)
        h.update(f.read((end - first) * HEADS * TRACK))
    return h.hexdigest()


def restart(system):
    """Stop CP (the volumes are written out) and start it again on the same volumes."""
    system.maint = system.mdt = None
    system.stop()
    system.start(fresh=False)


def test_fuzzed_channel_programs_stay_inside_the_minidisk(system):
    restart(system)
    lo, hi = FUZZ_CYLS
    before = (image_digest(system, 0, lo), image_digest(system, hi, 555))
    setup(system)
    t = mdtest(system)
    expect(t, "DETACH 191", r"DASD 191 DETACHED")
    expect_silent(t, "LINK * 194 191")
    card = "0005 0000%04X 00000000 %04d" % (int(time.time()) & 0xFFFF, FUZZ_SECONDS)
    code = ipl(system, t, "dasdfuzz", card, "MDTEST", timeout=FUZZ_SECONDS + 60)
    check(code == test_guests.pass_code("dasdfuzz"), "dasdfuzz with card %r: X'%06X', %s"
          % (card, code, test_guests.explain(code)))
    expect(system.maint, "QUERY USERS", r"USERS")   # CP is alive
    restart(system)
    after = (image_digest(system, 0, lo), image_digest(system, hi, 555))
    check(before[0] == after[0], "cylinders 0-%d of CPUSR1 changed during the fuzz run" % (lo - 1))
    check(before[1] == after[1], "cylinders %d-554 of CPUSR1 changed during the fuzz run" % hi)


# ---------------------------------------------------------------- LINK
def test_link_modes_and_passwords(system):
    setup(system)
    a = term(system, "USER03")      # its own 191 R/W
    b = term(system, "USER04")
    # passwords: read for R and RR, write for W and WR, multiple for M, MR and MW
    expect(b, "LINK USER03 191 291 RR PASS=WRONG", r"^DMKLNK118E USER03 191 NOT LINKED; PASSWORD INCORRECT")
    expect(b, "LINK USER03 191 291 R READ", r"^DMKLNK104E USER03 191 NOT LINKED; R/W BY USER03")
    expect(b, "LINK USER03 191 291 RR READ", r"^DASD 291 LINKED R/O; R/W BY USER03")
    expect(b, "LINK USER03 191 292 W WRITE", r"^DMKLNK104E USER03 191 NOT LINKED; R/W BY USER03")
    expect(b, "LINK USER03 191 292 WR WRITE", r"^DMKLNK101W DASD 292 FORCED R/O; R/W BY USER03")
    expect(b, "LINK USER03 191 293 M MULT", r"^DMKLNK104E USER03 191 NOT LINKED; R/W BY USER03")
    expect(b, "LINK USER03 191 293 MR MULT", r"^DMKLNK101W DASD 293 FORCED R/O; R/W BY USER03")
    expect(b, "LINK USER03 191 294 MW MULT", r"^DASD 294 LINKED R/W; R/W BY USER03")
    expect(b, "LINK USER03 191 295 MW READ", r"^DMKLNK118E")
    expect(b, "LINK MAINT 191 295 R", r"^DMKLNK113E MAINT 191 NOT LINKED; NO READ PASSWD")
    expect(b, "LINK NOSUCH 191 295", r"^DMKLNK053E NOSUCH NOT IN CP DIRECTORY")
    expect(b, "LINK USER03 199 295 RR READ", r"^DMKLNK105E USER03 199 NOT LINKED; NOT IN CP DIRECTORY")
    expect(b, "LINK USER03 191 291 RR READ", r"^DMKLNK023E")
    expect(b, "QUERY DASD", r"^DASD 294 3350 CPUSR1 R/W 005 CYL")
    out = expect(a, "QUERY LINKS 191", r"USER03 191 R/W")
    check(any("USER04 294 R/W" in l for l in out), "QUERY LINKS 191: %r" % out)
    # the owner detaches: USER04's write link remains, so M is refused, MR gives R/O
    expect(a, "DETACH 191", r"DASD 191 DETACHED")
    expect(a, "LINK * 191 191 M", r"^DMKLNK104E USER03 191 NOT LINKED; R/W BY USER04")
    expect(a, "LINK * 191 191 MR", r"^DMKLNK101W DASD 191 FORCED R/O; R/W BY USER04")
    expect(b, "DETACH 294", r"DASD 294 DETACHED")
    # now only read-only links: W refused, M given (with the readers named)
    expect(a, "DETACH 191", r"DASD 191 DETACHED")
    expect(a, "LINK * 191 191 W", r"^DMKLNK104E USER03 191 NOT LINKED; R/O BY 003 USERS")
    expect(a, "LINK * 191 191 M", r"^DASD 191 LINKED R/W; R/O BY 003 USERS")
    expect(b, "DETACH 291", r"DETACHED")
    expect(b, "DETACH 292", r"DETACHED")
    expect(b, "DETACH 293", r"DETACHED")
    expect(a, "DETACH 191", r"DASD 191 DETACHED")
    expect_silent(a, "LINK * 191 191 W")
    # a password asked for (not shown), and ten wrong ones end LINK for the session
    b.clear()
    b.enter("LINK USER03 191 291 RR")
    b.wait(r"ENTER READ PASSWORD:")
    b.enter("READ")
    b.wait_status("CP READ")
    check("READ" not in [l.strip() for l in b.text().split("\n")], "the password was shown: %s" % b.text())
    expect(b, "QUERY VIRTUAL 291", r"^DASD 291 3350 CPUSR1 R/O")
    for i in range(8):
        expect(b, "LINK USER03 191 29%d RR PASS=NO" % (i % 8 + 2), r"^DMKLNK118E")
    expect(b, "LINK USER03 191 299 RR READ", r"^DMKLNK119E")
    logoff(a)
    logoff(b)


def test_directory_links_and_forced_read_only(system):
    setup(system)
    a = term(system, "USER05")
    expect(a, "QUERY DASD", r"^DASD 190 3350 CPSYS1 R/O 040 CYL")
    b = term(system, "USER06")
    expect(b, "DETACH 191", r"DETACHED")
    expect(b, "LINK USER05 191 191 MW MULT", r"^DASD 191 LINKED R/W; R/W BY USER05")
    logoff(a)
    # USER05 logs on again: its own W disk is linked by another writer
    a = term(system, "USER05")
    check(re.search(r"DMKLNK101W DASD 191 FORCED R/O; R/W BY USER06", a.text()),
          "no forced R/O at logon: %s" % a.text())
    expect(a, "QUERY VIRTUAL 191", r"^DASD 191 3350 CPUSR1 R/O")
    logoff(a)
    logoff(b)


def test_two_users_read_one_minidisk_at_once(system):
    setup(system)
    users = [term(system, u) for u in ("USER07", "USER08")]
    card = "0005 00001234 00000000 0008"
    for t in users:
        expect(t, "DETACH 191", r"DETACHED")
        expect_silent(t, "LINK MDTEST 193 191 RR")
    # both IPLed one after the other from the one reader; each then runs 8 s
    m = system.maint
    deck = os.path.join(REPO, "build", "test-state", "mdisk-cp-shared.deck")
    test_guests.deck_with_cards(os.path.join(test_guests.DECKS, "dasdfuzz.deck"), [card], deck)
    for t in users:
        t.command("DETACH 00C", r"RDR 00C DETACHED|DMKVDD040E DEV 00C DOES NOT EXIST")  # the spooled reader
        expect(m, "ATTACH 01C %s 00C" % t.userid, r"RDR 01C ATTACHED TO")
        system.sys.herc("devinit 01C %s ebcdic eof" % deck)
        t.clear()
        t.enter("IPL 00C")
        t.wait_status("RUNNING")
        time.sleep(1)
        expect(m, "DETACH 01C FROM %s" % t.userid, r"DETACHED")
    for t in users:
        code = wait_code(t, "dasdfuzz", 60)
        check(code == test_guests.pass_code("dasdfuzz"), "%s: dasdfuzz ended X'%06X', %s"
              % (t.userid, code, test_guests.explain(code)))
        logoff(t)


# ---------------------------------------------------------------- temporary disks
def tdisk_track(system, cyl, head):
    with open(os.path.join(system.state, "dasd", "cpsys1.3350"), "rb") as f:
        f.seek(512 + (cyl * HEADS + head) * TRACK)
        return f.read(TRACK)


def records(track):
    """The record numbers on a track image (after R0)."""
    out, pos = [], 5 + 8 + 8
    while track[pos:pos + 8] != b"\xff" * 8 and pos + 8 <= len(track):
        kl, dl = track[pos + 5], int.from_bytes(track[pos + 6:pos + 8], "big")
        out.append(track[pos + 4])
        pos += 8 + kl + dl
    return out


def test_temporary_disk_is_cleared_before_reuse(system):
    setup(system)
    a = term(system, "USER09")
    expect(a, "DETACH 191", r"DETACHED")
    a.clear()
    a.enter("DEFINE T3350 AS 191 CYL 1")
    a.wait(r"DASD 191 DEFINED")
    expect(a, "QUERY VIRTUAL 191", r"^DASD 191 3350 \(TEMP\) R/W 001 CYL")
    expect_pass(system, a, "mdisk", "0001 W P", "USER09")
    logoff(a)          # its cylinder is free again, with USER09's records on it
    restart(system)
    check(records(tdisk_track(system, TDSK_FIRST, 1)) == [1, 2, 3],
          "USER09's records are not on the T-disk's track: %r" % records(tdisk_track(system, TDSK_FIRST, 1)))
    setup(system)
    b = term(system, "USER10")
    b.clear()
    b.enter("DEFINE T3350 AS 1A0 CYL 1")
    b.wait(r"DASD 1A0 DEFINED")
    expect(b, "QUERY VIRTUAL 1A0", r"^DASD 1A0 3350 \(TEMP\) R/W 001 CYL")
    logoff(b)
    restart(system)
    for h in range(HEADS):
        check(records(tdisk_track(system, TDSK_FIRST, h)) == [],
              "head %d of the T-disk still has records %r" % (h, records(tdisk_track(system, TDSK_FIRST, h))))
    setup(system)
    c = term(system, "USER11")
    expect(c, "DEFINE T3350 AS 1A0 CYL 200", r"^DMKDEF095E DEV 1A0 NOT DEFINED; TEMP SPACE NOT AVAILABLE")
    expect(c, "DEFINE T3350 AS 191 CYL 1", r"^DMKDEF092E")
    logoff(c)
