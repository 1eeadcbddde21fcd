"""test_cms.py - CMS: IPL from the system disk and from the saved system,
the command loop, and the file commands on a user's disks.

The build makes MAINT's 190 the CMS system disk and formats every user's
191 (tools/cpcms install_cms). A user IPLs 190 and gets the banner and,
after the first command, the A-disk; the file commands work on it and on
a temporary disk formatted by FORMAT.
"""

import re
import time

import harness
from harness import check

READY = r"\nReady(\(\d{5}\)|\(-\d{4}\))?; T=\d+\.\d\d/\d+\.\d\d \d\d:\d\d:\d\d"


# EXEC files put on USER04's A-disk with the host tool before CP starts
PROFILE = """&CONTROL OFF
&TYPE PROFILE EXEC RAN WITH &INDEX ARGS
"""
COUNT = """&CONTROL OFF
* COUNT EXEC: arguments, arithmetic and loops
&IF &INDEX LT 2 &GOTO -USAGE
&N = 0
&SUM = 0
&LOOP -ENDLOOP &1
&N = &N + 1
&SUM = &SUM + &2
-ENDLOOP
&TYPE COUNTED &N TIMES SUM &SUM
&I = 0
-AGAIN &I = &I + 1
&IF &I LT 3 &GOTO -AGAIN
&TYPE I IS &I FIRST &1 SECOND &2
&EXIT &SUM
-USAGE
&TYPE USAGE: COUNT N STEP
&EXIT 8
"""
FMT = """&CONTROL OFF
* FMT EXEC: answers FORMAT's two questions through the console stack
&STACK YES
&STACK &1
FORMAT 1A1 C
&TYPE FORMAT RC &RETCODE
"""
QUIET = """&CONTROL OFF NOMSG
STATE NOSUCH FILE A
&TYPE STATE &RETCODE
LISTFILE NOSUCH * A
&TYPE LISTFILE &RETCODE
&CONTROL MSG
ERASE NOSUCH FILE A
&TYPE ERASE &RETCODE
"""
NESTED = """&CONTROL OFF
&TYPE LEVEL &GLOBAL
&IF &GLOBAL LT 3 EXEC NESTED
STATE NOSUCH FILE A
&TYPE STATE RC &RETCODE
"""


DATA = "".join("LINE %02d OF THE DATA FILE\n" % i for i in range(1, 13))
BUFS = """&CONTROL OFF
&STACK FIRST
MAKEBUF
&TYPE BUF &RETCODE
&STACK SECOND
&STACK LIFO THIRD
SENTRIES
&TYPE ENTRIES &RETCODE
&READ VARS &A
&READ VARS &B
&TYPE READ &A &B
MAKEBUF
&TYPE BUF &RETCODE
&STACK GONE1
&STACK GONE2
DROPBUF
SENTRIES
&TYPE LEFT &RETCODE
&READ VARS &C
&TYPE LAST &C
"""
VARS = """&CONTROL OFF
&TYPE DISKA &DISKA DISKZ &DISKZ RW &DISK*
&STACK HT
&TYPE HIDDEN
&STACK RT
&TYPE SHOWN &TYPEFLAG
&EMSG ABC123E BAD THING
"""
LOOPY = """&CONTROL OFF
&N = 0
&TYPE LOOPING
-AGAIN &N = &N + 1
&GOTO -AGAIN
"""
MKFILE = """&CONTROL OFF
* MKFILE EXEC fn: makes fn DATA A with EDIT, its input stacked
&STACK INPUT
&STACK ALPHA ONE
&STACK BETA TWO
&STACK GAMMA THREE
&STACK
&STACK TOP
&STACK LOCATE /BETA/
&STACK CHANGE /TWO/2/
&STACK FILE
EDIT &1 DATA A
&TYPE EDIT RC &RETCODE
"""


def put_execs(system):
    system.put_file("USER02", "191", "DATA FILE A1", DATA, recfm="F", lrecl=80)
    system.put_file("USER04", "191", "PROFILE EXEC A1", PROFILE)
    system.put_file("USER04", "191", "COUNT EXEC A1", COUNT, recfm="F", lrecl=80)
    system.put_file("USER04", "191", "FMT EXEC A1", FMT)
    system.put_file("USER04", "191", "NESTED EXEC A1", NESTED)
    system.put_file("USER04", "191", "BUFS EXEC A1", BUFS)
    system.put_file("USER04", "191", "LOOPY EXEC A1", LOOPY)
    system.put_file("USER04", "191", "VARS EXEC A1", VARS)
    system.put_file("USER04", "191", "QUIET EXEC A1", QUIET)
    system.put_file("USER07", "191", "MKFILE EXEC A1", MKFILE)
    system.put_file("USER06", "191", "ONE EXEC A1", "&TYPE ONE RAN\n")
    system.put_file("USER06", "191", "SECRET DATA A0", "PRIVATE\n")
    system.put_file("USER07", "191", "BIG DATA A1",
                    "".join("BIG RECORD %05d\n" % i for i in range(1, 8001)), recfm="F", lrecl=80)


def make_system():
    return harness.System("test_cms", prelaunch=put_execs)


def logon(system, userid, password=None):
    t = system.terminal()
    t.logon(userid, password)
    return t


def cms(t, cmd, expect=None, rc=0, timeout=30):
    """Run a CMS command on a cleared screen; wait for its Ready message
    and check the return code (and expect, a pattern of the response)."""
    t.clear()
    t.enter(cmd)
    t.wait(re.escape(cmd) + r"[\s\S]*?" + READY, timeout)
    text = t.text()
    m = re.search(re.escape(cmd) + r"([\s\S]*?)" + READY, text)
    out, code = m.group(1), m.group(2)
    got = 0 if not code else int(code.strip("()"))
    check(got == rc, "%s: return code %d, not %d:\n%s" % (cmd, got, rc, text))
    if expect:
        check(re.search(expect, out), "%s: no %r in:\n%s" % (cmd, expect, out))
    return out


def ipl_cms(t):
    t.clear()
    t.enter("IPL 190")
    t.wait(r"CMS VERSION 6\.0 - \d\d/\d\d/\d\d \d\d:\d\d", timeout=30)
    t.wait_status("VM READ")


def logon_tdisk(system, userid, vaddr, cyls):
    """userid logged on with a temporary disk at vaddr, CMS IPLed from 190."""
    t = logon(system, userid)
    t.clear()
    t.enter("DEFINE T3350 AS %s CYL %d" % (vaddr, cyls))
    t.wait(r"DASD %s DEFINED" % vaddr)
    ipl_cms(t)
    return t


def format_disk(t, vaddr, mode, label):
    """FORMAT vaddr mode, answering its two questions at the terminal."""
    t.clear()
    t.enter("FORMAT %s %s" % (vaddr, mode))
    t.wait(r"DMSFOR603R")
    t.enter("YES")
    t.wait(r"DMSFOR605R")
    t.enter(label)
    t.wait(READY, timeout=60)


def logon_cms(system, userid):
    """userid logged on, CMS IPLed from 190, its A-disk accessed."""
    t = logon(system, userid)
    ipl_cms(t)
    cms(t, "ACCESS")
    return t


def test_ipl_190_and_the_a_disk(system):
    t = logon(system, "USER01")
    ipl_cms(t)
    out = cms(t, "QUERY DISK", r"CMS191 191 A   R/W")
    check(re.search(r"CMS190 190 S   R/O", out), "the S-disk is accessed:\n" + out)
    cms(t, "LISTFILE", r"DMSLST002E FILE NOT FOUND", rc=28)
    cms(t, "XYZZY", r"Unknown CP/CMS command", rc=-3)
    cms(t, "CP QUERY TIME", r"TIME IS \d\d:\d\d:\d\d")
    cms(t, "Q USERS USER01", r"USER01 +- ")  # implied CP
    t.close()


def test_format_a_temporary_disk_and_file_commands(system):
    t = logon_tdisk(system, "USER02", "1A0", 2)
    cms(t, "ACCESS (NOPROF")
    t.clear()
    t.enter("FORMAT 1A0 B")
    t.wait(r"DMSFOR603R FORMAT WILL ERASE ALL FILES ON DISK 'B\(1A0\)'")
    t.enter("YES")
    t.wait(r"DMSFOR605R ENTER DISK LABEL:")
    t.enter("TMP1A0")
    t.wait(r"DMSFOR732I '2' CYLINDERS FORMATTED ON DISK 'B\(1A0\)'" + r"[\s\S]*" + READY, timeout=60)
    cms(t, "QUERY DISK B", r"TMP1A0 1A0 B   R/W    2 3350")
    cms(t, "FORMAT 1A0 B 1 ( RECOMP", r"DMSFOR732I '1' CYLINDERS FORMATTED")
    cms(t, "QUERY DISK B", r"TMP1A0 1A0 B   R/W    1 3350")
    cms(t, "FORMAT 1A0 B ( RECOMP")
    cms(t, "QUERY DISK B", r"TMP1A0 1A0 B   R/W    2 3350")
    # a file made by LISTFILE ( EXEC, then the file commands on it
    cms(t, "TYPE DATA FILE A 3 4", r"^\s*LINE 03 OF THE DATA FILE\s*\nLINE 04 OF THE DATA FILE\s*$")
    cms(t, "TYPE DATA FILE A 12 * ( HEX", r"D3C9D5C5 40F1F2")
    cms(t, "LISTFILE DATA FILE A ( ALLOC", r"DATA +FILE +A1 F +80 +12 +3")
    cms(t, "ERASE DATA FILE S", r"DMSERS002E FILE 'DATA FILE S' NOT FOUND", rc=28)
    cms(t, "LISTFILE * * A ( EXEC")
    cms(t, "LISTFILE CMS EXEC A ( FORMAT", r"CMS +EXEC +A1 F +80")
    cms(t, "STATE CMS EXEC A")
    cms(t, "TYPE CMS EXEC", r"&1 &2")
    cms(t, "RENAME CMS EXEC A FIRST EXEC A")
    cms(t, "STATE CMS EXEC A", r"DMSSTT002E FILE 'CMS EXEC A' NOT FOUND", rc=28)
    cms(t, "LISTFILE FIRST * A", r"FIRST +EXEC +A1")
    cms(t, "ERASE FIRST EXEC A")
    cms(t, "ERASE FIRST EXEC A", r"DMSERS002E FILE 'FIRST EXEC A' NOT FOUND", rc=28)
    cms(t, "RELEASE B")
    cms(t, "QUERY DISK B", r"DMSQRY069E DISK 'B' NOT ACCESSED", rc=36)
    t.close()


def test_bad_commands(system):
    t = logon(system, "USER03")
    ipl_cms(t)
    cms(t, "ACCESS (NOPROF")
    cms(t, "LISTFILE * * A ( BOGUS", r"DMSLST003E INVALID OPTION 'BOGUS'", rc=24)
    cms(t, "TYPE ONLYONE", r"DMSTYP054E INCOMPLETE FILEID SPECIFIED", rc=24)
    cms(t, "TYPE NO SUCH FILE", r"DMSTYP048E INVALID MODE", rc=24)
    cms(t, "ACCESS 999 C", r"DMSACC113S C\(999\) NOT ATTACHED", rc=100)
    cms(t, "FORMAT 190 C", r"DMSFOR037E DISK 'C\(190\)' IS READ/ONLY", rc=36)
    cms(t, "QUERY DISK S", r"CMS190 190 S   R/O")
    # CP's logical line editing: # ends a line, " takes the next character as it is
    t.clear()
    t.enter("QUERY RDYMSG#QUERY IMPCP")
    t.wait(r"RDYMSG = LMSG\s*\n" + READY[2:] + r"\s*\nIMPCP = ON\s*\n" + READY[2:])
    cms(t, 'STATE "#X FILE', r"DMSSTT002E FILE '#X FILE A' NOT FOUND", rc=28)
    t.clear()
    t.enter("SET RDYMSG SMSG")
    t.wait(r"SET RDYMSG SMSG\s*\nR;")
    t.clear()
    t.enter("QUERY RDYMSG")
    t.wait(r"RDYMSG = SMSG\s*\nR;")
    t.clear()
    t.enter("STATE NOSUCH FILE A")
    t.wait(r"DMSSTT002E FILE 'NOSUCH FILE A' NOT FOUND\s*\nR\(00028\);")
    t.close()


def test_exec_profile_arguments_loops_and_stack(system):
    t = logon_tdisk(system, "USER04", "1A1", 1)
    t.clear()
    t.enter("")  # the first command: default start-up, PROFILE EXEC runs
    t.wait(r"PROFILE EXEC RAN WITH 0 ARGS[\s\S]*" + READY)
    cms(t, "EXEC COUNT 4 5", r"COUNTED 4 TIMES SUM 20\s*\nI IS 3 FIRST 4 SECOND 5", rc=20)
    cms(t, "COUNT 2 7", r"COUNTED 2 TIMES SUM 14", rc=14)  # implied EXEC
    cms(t, "COUNT", r"USAGE: COUNT N STEP", rc=8)
    out = cms(t, "FMT SCRATCH", r"FORMAT RC 0")
    check("DMSFOR603R" in out and "DMSFOR605R" in out, "FORMAT asked its questions:\n" + out)
    cms(t, "QUERY DISK C", r"SCRATC 1A1 C   R/W    1 3350")
    out = cms(t, "EXEC NESTED", r"LEVEL 1\s*\nLEVEL 2\s*\nLEVEL 3")
    check(len(re.findall(r"DMSSTT002E", out)) == 3 and
          len(re.findall(r"STATE RC 28", out)) == 3, "each level ran STATE:\n" + out)
    cms(t, "EXEC BUFS", r"BUF 1\s*\nENTRIES 3\s*\nREAD THIRD SECOND\s*\nBUF 1\s*\nLEFT 1\s*\n"
                        r"LAST FIRST")
    out = cms(t, "EXEC VARS", r"DISKA CMS DISKZ NA RW A\s*\nSHOWN RT\s*\nDMSABC123E BAD THING")
    check("HIDDEN" not in out, "HT did not halt typing:\n" + out)
    out = cms(t, "EXEC QUIET", r"^\s*STATE 28\s*\nLISTFILE 28\s*\nDMSERS002E FILE 'NOSUCH FILE A' NOT FOUND"
                                r"\s*\nERASE 28\s*$")
    # HX typed while an EXEC loops ends it
    t.clear()
    t.enter("EXEC LOOPY")
    t.wait(r"LOOPING")
    time.sleep(0.5)
    check("Ready" not in t.text(), "LOOPY EXEC ended by itself:\n" + t.text())
    t.enter("HX")
    t.wait(READY, timeout=20)
    cms(t, "QUERY RDYMSG", r"RDYMSG = LMSG")
    cms(t, "EXEC NOSUCH", r"DMSEXT072E ERROR IN EXEC FILE NOSUCH, LINE 0 - FILE NOT FOUND", rc=801)
    t.close()


def test_edit_copyfile_disk_full_and_read_only(system):
    t = logon_tdisk(system, "USER07", "1B0", 1)
    cms(t, "ACCESS (NOPROF")
    # EDIT at the terminal: a new file, input, a change, FILE
    t.clear()
    t.enter("EDIT NOTES TEXT A")
    t.wait(r"NEW FILE:\s*\nEDIT:")
    for line, want in (("INPUT", r"INPUT:"), ("first line", None), ("second line", None),
                       ("", r"EDIT:"), ("UP 1", r"FIRST LINE"), ("CHANGE /FIRST/1ST/", r"1ST LINE")):
        t.enter(line)
        if want:
            t.wait(want)
        t.wait_status("VM READ")
    t.enter("FILE")
    t.wait(READY)
    cms(t, "TYPE NOTES TEXT A", r"^\s*1ST LINE\s*\nSECOND LINE\s*$")
    # an EXEC that stacks EDIT's input and subcommands
    cms(t, "EXEC MKFILE GREEK", r"EDIT RC 0")
    cms(t, "TYPE GREEK DATA A", r"ALPHA ONE\s*\nBETA 2\s*\nGAMMA THREE")
    # COPYFILE: another name, patterns with =, APPEND, RECFM V
    cms(t, "COPYFILE GREEK DATA A LETTERS DATA A")
    cms(t, "COPYFILE * TEXT A = COPY A")
    cms(t, "TYPE NOTES COPY A", r"1ST LINE")
    cms(t, "COPYFILE NOTES TEXT A LETTERS DATA A ( APPEND")
    cms(t, "TYPE LETTERS DATA A", r"GAMMA THREE\s*\n1ST LINE\s*\nSECOND LINE")
    cms(t, "COPYFILE LETTERS DATA A VLET DATA A ( RECFM V")
    cms(t, "LISTFILE VLET DATA A ( FORMAT", r"VLET +DATA +A1 V +\d+")
    cms(t, "COPYFILE GREEK DATA A LETTERS DATA A", r"DMSCPY024E", rc=28)  # exists: no REPLACE
    # a full disk: the copy fails, the file there before is whole
    format_disk(t, "1B0", "C", "SMALL")
    cms(t, "COPYFILE GREEK DATA A = = C")
    cms(t, "COPYFILE BIG DATA A = = C", r"DMSCPY105S ERROR '13' WRITING FILE 'BIG DATA C1' ON DISK",
        rc=100)
    cms(t, "LISTFILE * * C", r"^\s*GREEK +DATA +C1\s*$")
    cms(t, "COMPARE GREEK DATA A = = C")
    # a read-only disk: nothing written
    out = cms(t, "COPYFILE GREEK DATA A = = S", r"READ/ONLY|R/O", rc=36)
    cms(t, "STATE GREEK DATA S", r"DMSSTT002E", rc=28)
    t.close()


def test_access_extensions_filters_and_mode_0(system):
    t = logon_tdisk(system, "USER06", "1C0", 1)
    cms(t, "ACCESS (NOPROF")
    format_disk(t, "1C0", "C", "TDISK")
    cms(t, "COPYFILE ONE EXEC A TWO EXEC C")
    cms(t, "COPYFILE ONE EXEC A NOTES DATA C")
    cms(t, "RELEASE C")
    # a read-only extension of A: searched with A, written never
    cms(t, "ACCESS 1C0 D/A", r"DMSACC723I D \(1C0\) R/O")
    cms(t, "QUERY DISK D", r"TDISK  1C0 D/A R/O")
    cms(t, "LISTFILE * EXEC A", r"ONE +EXEC +A1\s*\nTWO +EXEC +D1")
    cms(t, "EXEC TWO", r"ONE RAN")
    # only some files of a disk: its EXECs as E (read-only, D released)
    cms(t, "ACCESS 1C0 E * EXEC", r"DMSACC726I 1C0 D RELEASED\s*\nDMSACC723I E \(1C0\) R/O")
    out = cms(t, "LISTFILE * * E", r"TWO +EXEC +E1")
    check("NOTES" not in out, "only EXECs are seen on E:\n" + out)
    cms(t, "STATE NOTES DATA E", r"DMSSTT002E", rc=28)
    cms(t, "ACCESS 190 G * MODULE 2", r"DMSACC726I 190 S RELEASED")
    cms(t, "LISTFILE EDIT * G", r"EDIT +MODULE +G2")
    # mode 0: seen by the owner with the disk R/W, not through a R/O link
    cms(t, "LISTFILE SECRET DATA A", r"SECRET +DATA +A0")
    cms(t, "CP LINK USER06 191 2C0 RR")
    cms(t, "ACCESS 2C0 F", r"DMSACC723I F \(2C0\) R/O")
    cms(t, "LISTFILE * * F", r"^\s*ONE +EXEC +F1\s*$")
    cms(t, "STATE SECRET DATA F", r"DMSSTT002E", rc=28)
    t.close()


def test_saved_system_cms(system):
    """MAINT saves CMS (IPL 190 PARM SAVESYS CMS); a user IPLs it by name."""
    m = logon(system, "MAINT", "CPCMS")
    m.clear()
    m.enter("IPL 190 PARM SAVESYS CMS")
    m.wait(r"SYSTEM CMS SAVED", timeout=60)
    m.wait_status("CP READ")
    m.close()
    t = logon(system, "USER05")
    t.clear()
    t.enter("IPL CMS")
    t.wait(r"CMS VERSION 6\.0 - \d\d/\d\d/\d\d \d\d:\d\d", timeout=30)
    t.wait_status("VM READ")
    cms(t, "QUERY DISK", r"CMS191 191 A   R/W")
    cms(t, "QUERY SEARCH", r"CMS190 190 S   R/O")
    t.close()
