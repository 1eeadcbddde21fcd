"""test_spool.py - spooling: virtual readers, punches and printers, spool
files and their commands, the checkpoint and warm start.

The cards come from a guest program: tests/guests/cardcopy.S, IPLed by
MAINT from the real reader 01C, copies the cards behind it in its deck to
its spooled punch 00D and prints two lines on its spooled printer 00E.
Behind it in the deck is the deck of tests/guests/reader.S, so the punch
file is an IPL deck: a user whose reader gets it IPLs 00C and reader.S
checks every byte of its data cards, the end of file (unit exception)
and the CSWs, ending with its pass code. So a file is checked byte for
byte after SPOOL TO, TRANSFER, SHUTDOWN and a killed Hercules.
tests/guests/urspool.S (devinit of urspool.deck) drives the spooled
devices with channel programs they must refuse or flag. (MAINT
loads the real reader with devinit 01C of a file made of cardcopy.deck
and the decks behind it: run_cardcopy.)"""

import os
import re
import subprocess
import time

import harness
from harness import check

SYSTEM = None
LAST_SYSTEM = None

DECKS = os.path.join(harness.REPO, "build", "guests")
CARDCOPY_PASS = "000C0D31"
READER_PASS = "000C0D06"


def deck_of(system, name, *parts):
    """A deck file in the system's state directory: the decks of parts."""
    path = os.path.join(system.state, name)
    with open(path, "wb") as out:
        for p in parts:
            with open(os.path.join(DECKS, p + ".deck"), "rb") as f:
                out.write(f.read())
    return path


def cards(system, *parts):
    return sum(os.path.getsize(os.path.join(DECKS, p + ".deck")) for p in parts) // 80


def run_cardcopy(system, m, *parts, expect=CARDCOPY_PASS):
    """MAINT IPLs cardcopy from 01C with the decks of parts behind it."""
    path = deck_of(system, "copy.deck", "cardcopy", *parts)
    out = system.herc("devinit 01C %s ebcdic eof" % path)
    check("HHCPN098I" in out or "initialized" in out, "devinit said: %s" % out)
    m.command("IPL 01C", r"DMKDSP450W CP ENTERED; DISABLED WAIT PSW '00020000 %s'" % expect, timeout=60)


def ipl_reader(t):
    """The user IPLs its spooled reader: reader.S must pass."""
    t.command("IPL 00C", r"DMKDSP450W CP ENTERED; DISABLED WAIT PSW '00020000 ([0-9A-F]{8})'", timeout=60)
    m = re.search(r"DISABLED WAIT PSW '00020000 ([0-9A-F]{8})'", t.text())
    check(m.group(1) == READER_PASS, "reader.S from the spool ended with %s, not %s" % (m.group(1), READER_PASS))


def maint(system):
    m = system.terminal()
    m.logon("MAINT", "CPCMS")
    m.command("ATTACH 01C * 01C", r"\nRDR 01C ATTACHED$")
    return m


def logon(system, userid):
    t = system.terminal()
    t.logon(userid)
    return t


def close_punch(m, to):
    r = m.command("CLOSE 00D NAME READER DECK", r"\nPUN FILE (\d{4}) TO  %-8s COPY 01 (NO)?HOLD" % to)
    return int(r.group(1))


def queue_lines(t, cmd):
    """The file lines of a QUERY READER|PRINTER|PUNCH response."""
    t.command(cmd, r"\n(OWNERID  FILE CLASS|NO \w{3} FILES)")
    text = t.text()
    text = text[text.rindex(cmd):]
    return [l for l in text.split("\n") if re.match(r"^[A-Z0-9$#@]+ +\d{4} ", l)]


def test_punch_spool_to_and_read_back(_):
    global LAST_SYSTEM
    system = LAST_SYSTEM = harness.System("spool")
    system.start()
    try:
        m = maint(system)
        u2 = logon(system, "USER02")
        # the directory's devices: SPOOL 00C 2540 READER *, 00D 2540 PUNCH A, 00E 1403 A
        m.command("QUERY VIRTUAL UR", r"\nRDR  00C CL \* NOCONT NOHOLD EOF READY\n"
                  r"PUN  00D CL A NOCONT NOHOLD COPY 01 READY\n     00D FOR MAINT    DIST MAINT\n"
                  r"PRT  00E CL A NOCONT NOHOLD COPY 01 READY\n     00E FOR MAINT    DIST MAINT\n"
                  r"RDR  01C ON DEV 01C")
        m.command("SPOOL 00D TO USER02", r"\n")
        m.command("QUERY VIRTUAL 00D", r"\nPUN  00D CL A NOCONT NOHOLD COPY 01 READY\n     00D TO  USER02   DIST MAINT$")
        run_cardcopy(system, m, "reader")
        n = cards(system, "reader")
        pun = close_punch(m, "USER02")
        u2.wait(r"PUN FILE %04d FROM MAINT" % pun)
        prt = int(m.command("CLOSE PRINTER", r"\nPRT FILE (\d{4}) TO  MAINT    COPY 01 NOHOLD").group(1))
        check(prt != pun, "two files share spoolid %d" % pun)
        # the attributes
        lines = queue_lines(u2, "QUERY READER ALL")
        check(len(lines) == 1, "USER02's reader: %s" % lines)
        want = r"^USER02   %04d A PUN %06d 01  NONE \d\d/\d\d \d\d:\d\d:\d\d READER   DECK     MAINT$" % (pun, n)
        check(re.match(want, lines[0]), "QUERY READER ALL shows %r, not %r" % (lines[0], want))
        u2.command("QUERY FILES", r"\nFILES: 001 RDR,  NO PRT,  NO PUN$")
        lines = queue_lines(m, "QUERY PRINTER")
        check(lines == ["MAINT    %04d A PRT 000003 01  NONE" % prt], "MAINT's printer files: %s" % lines)
        m.command("QUERY PUNCH", r"\nNO PUN FILES$")
        # read back: reader.S checks its cards byte for byte and the end of file
        ipl_reader(u2)
        u2.command("QUERY READER", r"\nNO RDR FILES$")     # purged at the end of the file
        # nothing left to read: unit check (intervention required), nothing read
        u2.command("IPL 00C", r"DMKDSP450W CP ENTERED; IPL UNIT ERROR; CSW 00000008 0E000018")
        u2.command("IPL 00C", r"DMKDSP450W CP ENTERED; IPL UNIT ERROR")
        # NOEOF: after the last card, unit check instead of unit exception
        run_cardcopy(system, m, "reader")
        close_punch(m, "USER02")
        u2.command("SPOOL READER NOEOF", r"\n")
        u2.command("QUERY VIRTUAL 00C", r"\nRDR  00C CL \* NOCONT NOHOLD NOEOF READY$")
        u2.command("IPL 00C", r"DMKDSP450W CP ENTERED; DISABLED WAIT PSW '00020000 00BAD043'", timeout=60)
        u2.command("QUERY READER", r"\nNO RDR FILES$")
        u2.command("SPOOL READER EOF", r"\n")
    finally:
        pass


def test_change_order_hold_transfer_purge(_):
    system = LAST_SYSTEM
    m = system.terminals[0]
    u2 = system.terminals[1]
    u3 = logon(system, "USER03")
    m.command("SPOOL PUNCH TO USER03 CLASS B", r"\n")
    run_cardcopy(system, m, "reader")
    b = close_punch(m, "USER03")
    m.command("CLOSE 00E", r"\nPRT FILE \d{4} TO  MAINT    COPY 01 NOHOLD$")
    m.command("SPOOL 00D CLASS C HOLD", r"\n")
    run_cardcopy(system, m, "reader")
    c = close_punch(m, "USER03")
    m.command("CLOSE 00E", r"\nPRT FILE \d{4} TO  MAINT    COPY 01 NOHOLD$")
    n = cards(system, "reader")
    lines = queue_lines(u3, "Q RDR")
    check(lines == ["USER03   %04d B PUN %06d 01  NONE" % (b, n), "USER03   %04d C PUN %06d 01  USER" % (c, n)],
          "USER03's reader: %s" % lines)
    # ORDER puts C first; CHANGE; a held file is not read
    u3.command("ORDER RDR %d" % c, r"\n0001 FILE ORDERED$")
    lines = queue_lines(u3, "Q RDR")
    check([int(l.split()[1]) for l in lines] == [c, b], "after ORDER: %s" % lines)
    u3.command("CHANGE RDR %d CLASS D NAME NEW NAME COPY 3" % b, r"\n0001 FILE CHANGED$")
    lines = queue_lines(u3, "Q RDR ALL")
    check(re.match(r"^USER03   %04d D PUN %06d 03  NONE .* NEW      NAME     MAINT$" % (b, n), lines[1]),
          "after CHANGE: %s" % lines)
    # TAG: the text goes with the file
    u3.command("TAG FILE %d  LOCID1 USER09 50" % b, r"\n")
    u3.command("TAG QUERY FILE %d" % b, r"\nLOCID1 USER09 50$")
    m.command("TAG DEV 00D NODE2 USER07", r"\n")
    m.command("TAG QUERY DEV 00D", r"\nNODE2 USER07$")
    u3.command("TAG QUERY FILE 9998", r"\nDMKCST042E SPOOLID 9998 DOES NOT EXIST$")
    u3.command("SPOOL READER CLASS C", r"\n")
    u3.command("IPL 00C", r"DMKDSP450W CP ENTERED; IPL UNIT ERROR")   # C is held: nothing to read
    u3.command("CHANGE RDR %d NOHOLD" % c, r"\n0001 FILE CHANGED$")
    ipl_reader(u3)                                   # now C is read (class C only)
    u3.command("Q RDR", r"\nUSER03   %04d D PUN" % b)
    # TRANSFER to USER02: no longer USER03's
    u3.command("TRANSFER %d TO USER02" % b, r"\n0001 FILE TRANSFERRED$")
    u2.wait(r"PUN FILE %04d FROM USER03" % b)
    u3.command("PURGE RDR %d" % b, r"\nDMKCSV042E SPOOLID %d DOES NOT EXIST$" % b)
    u3.command("Q RDR", r"\nNO RDR FILES$")
    lines = queue_lines(u2, "Q RDR")
    check(lines == ["USER02   %04d D PUN %06d 03  NONE" % (b, n)], "USER02's reader: %s" % lines)
    # bad operands change nothing
    for cmd, err in [("SPOOL 00D CLASS %", "DMKCSP028E CLASS MISSING OR INVALID"),
                     ("SPOOL 0FF CLASS A", "DMKCSP040E DEV 0FF DOES NOT EXIST"),
                     ("SPOOL 00D TO NOBODY", "DMKCSP020E USERID MISSING OR INVALID"),
                     ("SPOOL 00D FROBNICATE", "DMKCSP003E INVALID OPTION - FROBNICATE"),
                     ("CLOSE 00D DIST TOOLONGXX", "DMKCSQ032E DISTCODE MISSING OR INVALID"),
                     ("TRANSFER 9999 TO USER02", "DMKCSV042E SPOOLID 9999 DOES NOT EXIST"),
                     ("CHANGE RDR ALL COPY 100", "DMKCSU026E OPERAND MISSING OR INVALID"),
                     ("PURGE RDR CLASS", "DMKCSV028E CLASS MISSING OR INVALID")]:
        u2.command(cmd, r"\n%s$" % re.escape(err))
    lines2 = queue_lines(u2, "Q RDR")
    check(lines2 == lines, "bad commands changed the reader: %s" % lines2)
    # class D: the operator purges any user's file by spoolid
    op = logon(system, "OPERATOR")
    op.command("PURGE RDR %d" % b, r"\n0001 FILE PURGED$")
    u2.command("Q RDR", r"\nNO RDR FILES$")
    op.command("LOGOFF", r"LOGOFF AT")
    # DEFINE and DETACH
    u2.command("DEFINE PUNCH 01D", r"\nPUN 01D DEFINED$")
    u2.command("DEFINE 3211 AS 01E", r"\nPRT 01E DEFINED$")
    u2.command("DEFINE READER 01D", r"\nDMKDEF092E DEV 01D NOT DEFINED; DEV 01D ALREADY DEFINED$")
    u2.command("QUERY VIRTUAL 01E", r"\nPRT  01E CL A NOCONT NOHOLD COPY 01 READY$")
    u2.command("DETACH 01D", r"\nPUN 01D DETACHED$")
    u2.command("DETACH 01E", r"\nPRT 01E DETACHED$")
    u3.command("LOGOFF", r"LOGOFF AT")


def test_files_survive_shutdown_and_a_kill(_):
    system = LAST_SYSTEM
    m = system.terminals[0]
    before = queue_lines(m, "QUERY PRINTER ALL")
    check(len(before) == 3, "MAINT has three printer files: %s" % before)
    # a file for USER04, closed just before the kill
    m.command("SPOOL 00D TO USER04", r"\n")
    op = logon(system, "OPERATOR")
    op.enter("SHUTDOWN")
    system.wait_log(r"DMKCKT960I SYSTEM WARM START DATA SAVED", timeout=30)
    system.wait_log(r"DMKCPI961W SYSTEM SHUTDOWN COMPLETE", timeout=30)
    time.sleep(2)
    system.kill()
    system.terminals.clear()
    system.start(fresh=False)
    system.wait_log(r"DMKWRM902I WARM START: 3 SPOOL FILES RECOVERED")
    m = maint(system)
    after = queue_lines(m, "QUERY PRINTER ALL")
    check(after == before, "after SHUTDOWN and IPL MAINT's printer files are %s, not %s" % (after, before))
    # a file closed, then Hercules killed at once
    m.command("SPOOL 00D TO USER04", r"\n")
    run_cardcopy(system, m, "reader")
    d = close_punch(m, "USER04")
    system.kill()
    system.terminals.clear()
    system.start(fresh=False)
    system.wait_log(r"DMKWRM902I WARM START: 4 SPOOL FILES RECOVERED")
    # killed while a long file is being punched: the others stay whole
    m = maint(system)
    m.command("SPOOL 00D TO USER05", r"\n")
    path = deck_of(system, "copy.deck", "cardcopy", "fuzz", "fuzz")
    system.herc("devinit 01C %s ebcdic eof" % path)
    m.enter("IPL 01C")
    time.sleep(1.5)
    system.kill()
    system.terminals.clear()
    system.start(fresh=False)
    system.wait_log(r"DMKWRM902I WARM START: 4 SPOOL FILES RECOVERED")
    u4 = logon(system, "USER04")
    lines = queue_lines(u4, "Q RDR")
    check([int(l.split()[1]) for l in lines] == [d], "USER04's reader after the kill: %s" % lines)
    ipl_reader(u4)
    u5 = logon(system, "USER05")
    u5.command("Q RDR", r"\nNO RDR FILES$")        # the file being written is gone
    m = maint(system)
    after = queue_lines(m, "QUERY PRINTER ALL")
    check(after[:3] == before, "after the kills MAINT's printer files are %s" % after)
    # a cold start is asked for explicitly, and discards every spool file
    system.stop()
    system.terminals.clear()
    r = subprocess.run([os.path.join(harness.REPO, "build", "host", "cpvol"), "coldstart",
                        os.path.join(system.state, "dasd", "cpsys1.3350")], capture_output=True, text=True)
    check(r.returncode == 0 and "the next IPL is a cold start" in r.stdout, "cpvol coldstart: %s" % r)
    system.start(fresh=False)
    system.wait_log(r"DMKWRM903I COLD START: NO WARM START DATA")
    m = maint(system)
    m.command("QUERY PRINTER", r"\nNO PRT FILES$")
    system.stop()


def test_full_spool_area(_):
    """One cylinder of spool (120 pages): a long file fills it, is closed
    and held with a message; the other files are whole."""
    global LAST_SYSTEM
    system = LAST_SYSTEM = harness.System("spool-full", spec_changes={"SPOOL": "207 207"})
    system.start()
    try:
        full_spool_area(system)
    finally:
        system.kill()


def full_spool_area(system):
    m = maint(system)
    u2 = logon(system, "USER02")
    # channel programs the spooled devices refuse or flag (tests/guests/urspool.S
    # checks every CSW and sense byte); what they did write is in the files
    path = deck_of(system, "urspool.deck", "urspool")
    system.herc("devinit 01C %s ebcdic eof" % path)
    m.command("IPL 01C", r"DMKDSP450W CP ENTERED; DISABLED WAIT PSW '00020000 000C0D32'", timeout=60)
    pun = int(m.command("CLOSE 00D", r"\nPUN FILE (\d{4}) TO  MAINT    COPY 01 NOHOLD$").group(1))
    prt = int(m.command("CLOSE 00E", r"\nPRT FILE (\d{4}) TO  MAINT    COPY 01 NOHOLD$").group(1))
    check(queue_lines(m, "QUERY PUNCH") == ["MAINT    %04d A PUN 000002 01  NONE" % pun],
          "the punch file of urspool: %s" % m.text())
    check(queue_lines(m, "QUERY PRINTER") == ["MAINT    %04d A PRT 000001 01  NONE" % prt],
          "the printer file of urspool: %s" % m.text())
    m.command("PURGE ALL", r"\n0002 FILES PURGED$")
    m.command("SPOOL 00D TO USER02", r"\n")
    run_cardcopy(system, m, "reader")
    small = close_punch(m, "USER02")
    run_cardcopy(system, m, "fuzz", "fuzz", "fuzz", expect="00BAD006")   # the punch stops
    big = int(m.wait(r"DMKVSP912E SYSTEM SPOOL SPACE FULL; PUN FILE (\d{4}) CLOSED AND HELD").group(1))
    system.wait_log(r"DMKPGT400I SYSTEM SPOOL SPACE FULL")
    u2.wait(r"PUN FILE %04d FROM MAINT" % big)
    lines = queue_lines(u2, "Q RDR")
    check(len(lines) == 2 and int(lines[0].split()[1]) == small and lines[1].endswith("USER"),
          "USER02's reader with a full spool: %s" % lines)
    m.command("SPOOL 00D TO MAINT", r"\n")
    m.command("IPL 01C", r"DMKDSP450W CP ENTERED")              # nothing more can be punched
    ipl_reader(u2)                                              # the small file is whole
    u2.command("PURGE RDR ALL", r"\n0001 FILE PURGED$")
    u2.command("Q FILES", r"\nFILES:  NO RDR,  NO PRT,  NO PUN$")
    run_cardcopy(system, m, "reader")                           # room again
    close_punch(m, "MAINT")
