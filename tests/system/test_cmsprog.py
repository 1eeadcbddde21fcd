"""test_cmsprog.py - C programs on CMS: MODULE files, SVC 202/203, the C
runtime, and files moving byte-exact between the host tool and CMS.

The build puts HELLO and UPPER MODULE (cms/examples) on the S-disk
(tools/cpcms install_cms). Before CP starts, the test program CMSTEST
MODULE (tests/cms/cmstest.c) and data files are written onto users'
A-disks with the host tool (build/host/cmsfs). Each test logs a user on,
IPLs 190 and runs programs; the screen shows what they did and the Ready
message their return code.
"""

import os
import re
import struct
import subprocess
import time

import harness
from harness import check
from test_cms import READY, cms, logon_cms  # a command and its Ready message; IPL 190
CMSTEST = os.path.join(harness.REPO, "build", "cms", "testmodules", "cmstest.module")

DATA = "".join("line %02d of the data file, in mixed Case\n" % i for i in range(1, 8))
TEXT = "".join("%s\n" % ("text line %d " % i) * (i % 5 + 1) for i in range(1, 40)).replace(
    "line 7", "line 7 with trailing blanks    ")
BINARY = bytes(range(256)) * 3 + bytes([0, 0x40, 0x15, 0x25, 0xFF])


# EXECs that run programs which do not come back: HX and an abend end the
# EXEC too, and the next EXEC is not nested in the abandoned one
LOOPX = "&CONTROL OFF\nCMSTEST LOOP\n&TYPE AFTER THE LOOP\n"
ABENDX = "&CONTROL OFF\nCMSTEST ABEND\n&TYPE AFTER THE ABEND\n"
LEVEL = "&CONTROL OFF\n&TYPE EXEC LEVEL &GLOBAL\n"


def module_image(code, first=0x50000, loccnt=None):
    """A MODULE image (tools/cmscc's format): the 80-byte header, then code."""
    head = bytearray(80)
    struct.pack_into(">IIII", head, 0, first, first, first + len(code),
                     loccnt if loccnt else first + len(code))
    head[0x2B] = 0x80
    return bytes(head) + code


# LA 15,7 / BR 14: a program in the R6 way, without the C runtime
TINY = bytes.fromhex("41F0000707FE")


def put_image(system, userid, name, image):
    path = os.path.join(system.state, "put-%s.module" % name)
    with open(path, "wb") as f:
        f.write(image)
    system.put_module(userid, path, name)


def prelaunch(system):
    for user in ("USER05", "USER06", "USER07", "USER08", "USER09"):
        system.put_module(user, CMSTEST, "CMSTEST")
    system.put_file("USER06", "191", "MIXED DATA A1", DATA, recfm="F", lrecl=80)
    system.put_file("USER06", "191", "WORK DATA A3", DATA, recfm="F", lrecl=80)
    system.put_file("USER08", "191", "LOOPX EXEC A1", LOOPX)
    system.put_file("USER08", "191", "ABENDX EXEC A1", ABENDX)
    system.put_file("USER08", "191", "LEVEL EXEC A1", LEVEL)
    put_image(system, "USER08", "TINY", module_image(TINY))
    put_image(system, "USER08", "HUGE", module_image(TINY, loccnt=0xFF0000))
    put_image(system, "USER08", "LOW", module_image(TINY, first=0x20000))


def make_system():
    return harness.System("test_cmsprog", prelaunch=prelaunch)


def logoff(t):
    t.clear()
    t.enter("#CP LOGOFF")
    t.wait(r"LOGOFF AT|VM/370 ONLINE", timeout=20)
    t.close()


def cms_pages(t, cmd, rc=0, timeout=30):
    """A command whose response fills more than a screen: CLEAR at each
    MORE...; returns all it typed (the Ready message's rc checked)."""
    t.clear()
    t.enter(cmd)
    seen = []
    deadline = time.time() + timeout
    while time.time() < deadline:
        text = t.text()
        m = re.search(READY, text)
        if m:
            seen.append(text)
            code = m.group(1)
            got = 0 if not code else int(code.strip("()"))
            check(got == rc, "%s: return code %d, not %d" % (cmd, got, rc))
            return "\n".join(seen)
        if t.status() == "MORE...":
            seen.append(text)
            t.key("Clear")
        time.sleep(0.1)
    check(False, "%s: no Ready message in %ds:\n%s" % (cmd, timeout, "\n".join(seen)))


def test_hello_and_arguments(system):
    t = logon_cms(system, "USER05")
    out = cms_pages(t, "LISTFILE * MODULE S")
    check(re.search(r"HELLO +MODULE +S2[\s\S]*UPPER +MODULE +S2", out), "the examples:\n" + out)
    out = cms(t, "HELLO one two (three) FOURFIVESIX", r"HELLO FROM C ON CMS: 6 ARGUMENTS")
    for i, arg in enumerate(["ONE", "TWO", r"\(", "THREE", r"\)", "FOURFIVE"], 1):
        check(re.search(r"ARGUMENT %d: %s(\n|$)" % (i, arg), out), "argument %d:\n%s" % (i, out))
    cms(t, "HELLO", r"HELLO FROM C ON CMS: 0 ARGUMENTS")
    logoff(t)


def test_return_codes_and_exit(system):
    t = logon_cms(system, "USER05")
    cms(t, "CMSTEST RC 123", rc=123)
    cms(t, "CMSTEST RC -7", rc=-7)
    cms(t, "CMSTEST EXIT 4242", rc=4242)
    out = cms(t, "CMSTEST EXIT 0")
    check("NOT REACHED" not in out, "exit() came back:\n" + out)
    cms(t, "CMSTEST", r"USAGE: CMSTEST", rc=24)
    logoff(t)


def test_upper_reads_and_writes_a_file(system):
    t = logon_cms(system, "USER06")
    cms(t, "UPPER MIXED DATA", r"7 RECORDS COPIED FROM MIXED DATA A1 TO MIXED UPPER A1")
    cms(t, "LISTFILE MIXED * A ( FORMAT", r"MIXED +UPPER +A1 F +80")
    out = cms(t, "TYPE MIXED UPPER A", r"LINE 01 OF THE DATA FILE, IN MIXED CASE")
    check("Case" not in out and "LINE 07" in out, "not upper-cased:\n" + out)
    cms(t, "UPPER NOSUCH FILE", r"DMSUPP002E FILE 'NOSUCH FILE \*' NOT FOUND", rc=28)
    cms(t, "UPPER MIXED DATA A NEW COPY S", r"ERROR WRITING 'NEW COPY S': disk is read-only", rc=36)
    cms(t, "UPPER", r"USAGE: UPPER", rc=24)
    # a mode-3 file is erased once a program has read it
    cms(t, "LISTFILE WORK DATA A", r"WORK +DATA +A3")
    cms(t, "UPPER WORK DATA A", r"7 RECORDS COPIED FROM WORK DATA A3")
    cms(t, "STATE WORK DATA A", r"DMSSTT002E", rc=28)
    cms(t, "TYPE WORK UPPER A", r"LINE 07 OF THE DATA FILE")
    logoff(t)


def test_copyfile_sort_compare_as_modules(system):
    """COPYFILE, SORT and COMPARE (cms/util) are MODULEs on the S-disk,
    built with the C runtime: they run on real CMS files."""
    t = logon_cms(system, "USER06")
    out = cms_pages(t, "LISTFILE * MODULE S")
    check(re.search(r"COPYFILE +MODULE +S2[\s\S]*SORT +MODULE +S2", out), "the utilities:\n" + out)
    cms(t, "COPYFILE MIXED DATA A COPY DATA A")
    cms(t, "COMPARE MIXED DATA A COPY DATA A", r"COMPARING MIXED DATA A1 WITH COPY DATA A1")
    cms(t, "COPYFILE MIXED DATA A UP DATA A ( UPCASE")
    cms(t, "TYPE UP DATA A", r"LINE 03 OF THE DATA FILE, IN MIXED CASE")
    out = cms_pages(t, "COMPARE MIXED DATA A UP DATA A", rc=4)
    check("DMSCMP209W FILES DO NOT COMPARE" in out and "LINE 07 OF THE" in out, "COMPARE:\n" + out)
    t.clear()
    t.enter("SORT MIXED DATA A SORTED DATA A")
    t.wait(r"DMSSRT604R ENTER SORT FIELDS:")
    t.wait_status("VM READ")
    t.enter("6 7")
    t.wait(READY, timeout=30)
    check(re.search(r"\nReady;", t.text()), "SORT failed:\n" + t.text())
    cms(t, "COMPARE SORTED DATA A MIXED DATA A", r"COMPARING")
    cms(t, "COPYFILE NOSUCH DATA A X Y A", r"DMSCPY002E", rc=28)
    cms(t, "LISTFILE * CMSUT1 A", r"DMSLST002E FILE NOT FOUND", rc=28)  # no work file left
    for f in ("COPY", "UP", "SORTED"):
        cms(t, "ERASE %s DATA A" % f)
    logoff(t)


def test_transient_commands(system):
    """COMPARE and SORT run in the transient area: a program in the user
    area may call them; a user-area MODULE it calls is refused."""
    t = logon_cms(system, "USER06")
    cms(t, "COPYFILE MIXED DATA A TWIN DATA A")
    out = cms(t, "CMSTEST CMD COMPARE MIXED DATA A TWIN DATA A",
              r"COMPARING MIXED DATA A1 WITH TWIN DATA A1[\s\S]*CMSTEST: COMPARE MIXED DATA A TWIN "
              r"DATA A GAVE 0")
    cms(t, "CMSTEST CMD COMPARE MIXED DATA A NOSUCH DATA A", r"GAVE 28", rc=28)
    cms(t, "CMSTEST CMD HELLO", r"DMSMOD120S[\s\S]*GAVE 104", rc=104)
    cms(t, "COMPARE MIXED DATA A TWIN DATA A")  # from the command line as well
    cms(t, "ERASE TWIN DATA A")
    # R6's transient and user-area commands are MODULE files on the S-disk
    out = cms_pages(t, "LISTFILE * MODULE S")
    for name in ("ACCESS", "COMPARE", "COPYFILE", "EDIT", "FORMAT", "LISTFILE", "QUERY",
                 "RELEASE", "RENAME", "SET", "SORT", "TYPE"):
        check(re.search(r"^\s*%s +MODULE +S2\s*$" % name, out, re.M),
              "%s MODULE is not on the S-disk:\n%s" % (name, out))
    cms(t, "CMSTEST CMD L MIXED DATA", r"MIXED +DATA +A1[\s\S]*GAVE 0")
    cms(t, "CMSTEST CMD RENAME MIXED DATA A TWIN = = (TYPE", r"TWIN DATA A1[\s\S]*GAVE 0")
    cms(t, "Q SEARCH", r"CMS190 190 S   R/O")
    cms(t, "R TWIN DATA A MIXED DATA A")
    t.close()


def test_program_interface(system):
    """CMSTEST PLIST: raw SVC 202/203 with bad plists and error exits;
    CMSTEST API: every function of cmsapi.h, storage, formatting."""
    t = logon_cms(system, "USER07")
    out = cms(t, "CMSTEST PLIST", r"PLIST CHECKS \d+ FAILURES 0", timeout=60)
    check(re.search(r"DMSMOD120S 'HELLO MODULE S2' NOT LOADED", out),
          "no refusal of a nested MODULE:\n" + out)
    check(re.search(r"CMSTEST +MODULE +A1", out), "the nested LISTFILE typed nothing:\n" + out)
    out = cms(t, "CMSTEST API", r"API CHECKS \d+ FAILURES 0", timeout=60)
    check("WRTERM TYPES THIS LINE" in out, "WRTERM:\n" + out)
    cms(t, "LISTFILE APITEST * A", r"DMSLST002E FILE NOT FOUND", rc=28)
    out = cms(t, "QUERY SVC", r"SVC 202 \d+, SVC 203 \d+")
    m = re.search(r"RDBUF +(\d+)", out)
    check(m and int(m.group(1)) > 0, "QUERY SVC counts no RDBUF:\n" + out)
    logoff(t)


def test_console_input(system):
    t = logon_cms(system, "USER07")
    t.clear()
    t.enter("CMSTEST ASK")
    t.wait(r"TYPE A LINE:")
    t.wait_status("VM READ")
    t.enter("a line Typed")
    t.wait(r"YOU TYPED: a line Typed" + READY)
    t.clear()
    t.enter("CMSTEST ASK")
    t.wait(r"TYPE A LINE:")
    t.wait_status("VM READ")
    t.enter("/*")
    t.wait(r"END OF FILE" + r"\s*\nReady\(00004\);")
    logoff(t)


def test_hx_ends_a_looping_program(system):
    t = logon_cms(system, "USER08")
    t.clear()
    t.enter("CMSTEST LOOP")
    t.wait(r"LOOPING")
    t.enter("HX")
    t.wait(r"\nCMS" + READY, timeout=20)
    t.wait_status("VM READ")
    cms(t, "HELLO AFTER HX", r"ARGUMENT 2: HX")
    # a looping program in an EXEC: HX ends both
    t.clear()
    t.enter("LOOPX")
    t.wait(r"LOOPING")
    t.enter("HX")
    t.wait(r"\nCMS" + READY, timeout=20)
    t.wait_status("VM READ")
    check("AFTER THE LOOP" not in t.text(), "the EXEC went on after HX:\n" + t.text())
    cms(t, "LEVEL", r"EXEC LEVEL 1")
    logoff(t)


def test_svctrace_and_its_immediate_commands(system):
    """SVCTRACE ON types each SVC 202/203 and its return; SO suspends and
    RO resumes it, HO ends it (typed while a program runs)."""
    t = logon_cms(system, "USER09")

    def hello(word):
        return cms(t, "HELLO " + word, r"ARGUMENT 1: " + word)

    def immediate(cmd):
        t.clear()
        t.enter("CMSTEST LOOP")
        t.wait(r"LOOPING")
        t.enter(cmd)
        t.enter("HX")  # at once: its attention may come while CMS reads the first line
        t.wait(r"\nCMS" + READY, timeout=20)
        t.wait_status("VM READ")

    cms(t, "SVCTRACE BOGUS", r"DMSOVR070E INVALID PARAMETER 'BOGUS'", rc=24)
    cms(t, "SVCTRACE ON")
    out = hello("ONE")
    check(re.search(r"SVC 202 TYPLIN +FROM [0-9A-F]{6} R0 [0-9A-F]{8} R1 [0-9A-F]{8}", out) and
          re.search(r"SVC 202 TYPLIN +RETURNS R15 0", out), "no trace of TYPLIN:\n" + out)
    immediate("SO")
    check("SVC 202" not in hello("TWO"), "SO did not suspend the trace")
    immediate("RO")
    check("SVC 202 TYPLIN" in hello("THREE"), "RO did not resume the trace")
    immediate("HO")
    check("SVC 202" not in hello("FOUR"), "HO did not end the trace")
    cms(t, "SVCT ON")
    cms(t, "SVCTRACE OFF")
    check("SVC 202" not in hello("FIVE"), "SVCTRACE OFF did not end the trace")
    logoff(t)


def test_program_check(system):
    t = logon_cms(system, "USER08")
    out = cms(t, "CMSTEST ABEND", r"DMSABN148T SYSTEM ABEND 0C9 CALLED FROM 05[0-9A-F]{4}", rc=201)
    check("DIVIDING BY ZERO" in out, "the program did not run:\n" + out)
    # the file the program was writing was closed (committed) by the abend
    cms(t, "TYPE ABEND FILE A", r"WRITTEN BEFORE THE ABEND")
    cms(t, "HELLO STILL WORKS", r"ARGUMENT 2: WORKS")
    cms(t, "ERASE ABEND FILE A")
    # in an EXEC: the abend ends the EXEC too
    out = cms(t, "ABENDX", r"DMSABN148T SYSTEM ABEND 0C9", rc=201)
    check("AFTER THE ABEND" not in out, "the EXEC went on after the abend:\n" + out)
    cms(t, "LEVEL", r"EXEC LEVEL 1")
    cms(t, "ERASE ABEND FILE A")
    # a store into low storage: the user key protects CMS
    out = cms(t, "CMSTEST WILD", r"DMSABN148T SYSTEM ABEND 0C4 CALLED FROM 05[0-9A-F]{4}", rc=196)
    check("NOT PROTECTED" not in out, "the store went through:\n" + out)
    cms(t, "HELLO AGAIN", r"ARGUMENT 1: AGAIN")
    logoff(t)


def test_programs_in_the_saved_system(system):
    """The saved system CMS shares the nucleus's code read-only: programs,
    their SVCs and an abend work there as after IPL 190."""
    m = system.terminal()
    m.logon("MAINT", "CPCMS")
    m.clear()
    m.enter("IPL 190 PARM SAVESYS CMS")
    m.wait(r"SYSTEM CMS SAVED", timeout=60)
    m.wait_status("CP READ")
    m.enter("LOGOFF")
    m.close()
    t = system.terminal()
    t.logon("USER05")
    t.clear()
    t.enter("IPL CMS")
    t.wait(r"CMS VERSION 6\.0", timeout=30)
    t.wait_status("VM READ")
    cms(t, "ACCESS")
    cms(t, "HELLO SHARED", r"ARGUMENT 1: SHARED")
    cms(t, "CMSTEST API", r"API CHECKS \d+ FAILURES 0", timeout=60)
    cms(t, "CMSTEST ABEND", r"DMSABN148T SYSTEM ABEND 0C9", rc=201)
    cms(t, "ERASE ABEND FILE A")
    logoff(t)


def test_bad_module_files(system):
    t = logon_cms(system, "USER08")
    # a MODULE that is not one: a text file called MODULE
    cms(t, "LISTFILE * * S ( EXEC")
    cms(t, "RENAME CMS EXEC A BOGUS MODULE A")
    cms(t, "BOGUS", r"DMSMOD032E 'BOGUS MODULE A1' IS NOT A VALID MODULE FILE", rc=32)
    cms(t, "ERASE BOGUS MODULE A")
    cms(t, "NOMODULE", r"Unknown CP/CMS command", rc=-3)
    cms(t, "TINY", rc=7)  # no C runtime: R15 comes back as the return code
    cms(t, "HUGE", r"DMSMOD109S VIRTUAL STORAGE CAPACITY EXCEEDED", rc=104)
    cms(t, "LOW", r"DMSMOD032E 'LOW MODULE A1' IS NOT A VALID MODULE FILE", rc=32)
    cms(t, "TINY", rc=7)
    logoff(t)


def test_host_tool_and_cms_byte_exact(system):
    """Files written by the host tool while the system is down are read by
    a C program in CMS; the files it writes come back byte for byte."""
    system.stop()
    system.put_file("USER06", "191", "TEXTIN FILE A1", TEXT)
    system.put_file("USER06", "191", "BININ DATA A1", BINARY, recfm="V", binary=True)
    system.put_file("USER06", "191", "BINF DATA A1", BINARY, recfm="F", lrecl=80, binary=True)
    system.start(fresh=False, update=False)
    t = logon_cms(system, "USER06")
    lines = TEXT.count("\n")
    cms(t, "CMSTEST COPY TEXTIN FILE A TEXTOUT FILE A",
        r"LINES %d CHARACTERS %d" % (lines, len(TEXT)))

    def digest(data):
        s = 0
        for b in data:
            s = (s * 31 + b) % 1000000007
        return s

    cms(t, "CMSTEST BCOPY BININ DATA A BINOUT DATA A",
        r"BYTES %d SUM %d" % (len(BINARY), digest(BINARY)))
    padded = BINARY + bytes(-len(BINARY) % 80)
    cms(t, "CMSTEST BCOPY BINF DATA A BINFOUT DATA A F 80",
        r"BYTES %d SUM %d" % (len(padded), digest(padded)))
    cms(t, "LISTFILE B* DATA A ( FORMAT", r"BINFOUT +DATA +A1 F +80")
    logoff(t)
    system.stop()
    got = system.get_file("USER06", "191", "TEXTOUT FILE A1")
    check(got == TEXT, "the text file came back changed:\n%r\n%r" % (got, TEXT))
    got = system.get_file("USER06", "191", "BINOUT DATA A1", binary=True)
    check(got == BINARY, "the binary file came back changed: %d bytes, not %d" % (len(got), len(BINARY)))
    got = system.get_file("USER06", "191", "BINFOUT DATA A1", binary=True)
    check(got == padded, "the F binary file came back changed")
    system.start(fresh=False, update=False)
