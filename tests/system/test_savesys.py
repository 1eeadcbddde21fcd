"""test_savesys.py - saved systems: SAVESYS name and IPL name.

MAINT IPLs spin (tests/guests/spin.S: it writes SPIN STARTED and then
counts in the word at X'1200' forever) from the real reader, stops it and
saves it as TESTSYS (a NAMESYS of dasd/system/cpcms.spec: pages 0-31).
Other users IPL TESTSYS: their machines go on counting from where MAINT's
stopped, with the same storage, and never print SPIN STARTED (they do not
start over). The saved system is on the volume: it is still there after
CP is shut down and IPLed again. The errors: no such system, one never
saved, a user without class C or E, too little storage.
"""

import os
import re
import time

import harness
from harness import check

DECKS = os.path.join(harness.REPO, "build", "guests")
COUNT = 0x1200      # spin.S: the counter


def display_word(t, addr):
    t.clear()
    t.enter("DISPLAY %X.4" % addr)
    t.wait(r"\n%06X +([0-9A-F]{8})" % addr)
    return int(re.search(r"\n%06X +([0-9A-F]{8})" % addr, t.text()).group(1), 16)


def display_text(t, addr, n):
    t.clear()
    t.enter("DISPLAY %X.%X" % (addr, n))
    t.wait(r"\n%06X " % addr)
    return [l.strip() for l in t.text().split("\n") if re.match(r"%06X " % addr, l)]


def logon(system, userid, password=None):
    t = system.terminal()
    t.userid = userid
    t.logon(userid, password)
    return t


def test_savesys_and_ipl_by_name(system):
    m = logon(system, "MAINT", "CPCMS")
    m.command("DETACH 00C", r"\nRDR 00C DETACHED")     # the spooled reader
    m.command("ATTACH 01C * 00C", r"\nRDR 00C ATTACHED")
    out = system.sys.herc("devinit 01C %s ebcdic eof" % os.path.join(DECKS, "spin.deck"))
    check("HHCPN098I" in out or "initialized" in out, "devinit said: %s" % out)
    m.clear()
    m.enter("IPL 00C")
    m.wait(r"SPIN STARTED")
    time.sleep(0.5)
    m.clear()
    m.enter("#CP SAVESYS TESTSYS")
    m.wait(r"SYSTEM TESTSYS SAVED")
    m.wait_status("CP READ")
    saved = display_word(m, COUNT)
    check(saved > 0, "spin had not counted before it was saved")
    code = display_text(m, 0x1000, 0x40)
    m.command("DETACH 00C", r"DETACHED")

    u = logon(system, "USER02")
    u.clear()
    u.enter("IPL TESTSYS")
    u.wait_status("RUNNING")
    time.sleep(1)
    check("SPIN STARTED" not in u.text(), "IPL TESTSYS started spin over: %s" % u.text())
    u.enter("#CP")
    u.wait_status("CP READ")
    now = display_word(u, COUNT)
    check(now > saved, "USER02's spin is at %d, not past the %d it was saved at" % (now, saved))
    check(display_text(u, 0x1000, 0x40) == code, "the program in USER02's storage differs")

    # errors
    u.command("IPL NOSUCH", r"DMKCFG044E SYSTEM NOSUCH DOES NOT EXIST")
    u.command("IPL CMS", r"DMKCFG439E SYSTEM CMS CANNOT BE IPLED; NOT SAVED")
    u.command("SAVESYS TESTSYS", r"DMKCFC001E")
    u.command("DEFINE STORAGE 64K", r"STORAGE = 00064K")
    u.command("IPL TESTSYS", r"DMKCFG439E SYSTEM TESTSYS CANNOT BE IPLED; NEEDS MORE STORAGE")
    m.command("SAVESYS NOSUCH", r"DMKCFH435E SYSTEM NOSUCH DOES NOT EXIST")
    u.close()
    m.close()


def test_saved_system_survives_a_restart_of_cp(system):
    system.stop()
    system.start(fresh=False)
    u = logon(system, "USER03")
    u.clear()
    u.enter("IPL TESTSYS")
    u.wait_status("RUNNING")
    time.sleep(0.5)
    u.enter("#CP")
    u.wait_status("CP READ")
    check(display_word(u, COUNT) > 0, "the saved counter is not there after the restart")
    check("SPIN STARTED" not in u.text(), "IPL TESTSYS started spin over")
    u.close()
