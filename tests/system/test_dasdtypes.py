"""test_dasdtypes.py - CP IPLs from a system residence volume of every
device type the geometry table has (3330, 3380, 3390; the 3350 is the
default every other test uses), and a 3270 can be the system console."""

import os

import harness
from harness import check

SYSTEM = None
LAST_SYSTEM = None

LAYOUTS = {
    # type: (NUCLEUS, DRCT, WARM, PAGE, SPOOL, TDSK, PERM) as (first, last)
    "3330": ((1, 6), (7, 8), (9, 9), (10, 100), (101, 200), (201, 300), (301, 403)),
    "3380": ((1, 1), (2, 2), (3, 3), (4, 200), (201, 400), (401, 600), (601, 884)),
    "3390": ((1, 1), (2, 2), (3, 3), (4, 200), (201, 400), (401, 600), (601, 1112)),
}
AREAS = ("NUCLEUS", "DRCT", "WARM", "PAGE", "SPOOL", "TDSK", "PERM")


def write_system(state, devtype, syscons="009"):
    os.makedirs(state, exist_ok=True)
    with open(os.path.join(harness.REPO, "dasd", "system", "user.direct")) as f:
        direct = f.read().replace("DIRECTORY 130 3350 CPSYS1", "DIRECTORY 130 %s CPSYS1" % devtype)
    # the default minidisks are 3350 extents on CPSYS1 and CPUSR1: not here
    direct = "\n".join(l for l in direct.split("\n") if l.split()[:1] not in (["MDISK"], ["LINK"]))
    # instead a minidisk of this type, in the PERM area
    perm = LAYOUTS[devtype][AREAS.index("PERM")][0]
    direct += ("\nUSER DISKUSER DISKUSER 1M 16M G\n OPTION ECMODE\n CONSOLE 009 3215\n"
               " MDISK 191 %s %d 002 CPSYS1 W\n" % (devtype, perm))
    with open(os.path.join(state, "user.direct"), "w") as f:
        f.write(direct)
    lines = ["SYSNAME TEST%s" % devtype, "SYSOPER OPERATOR", "SYSCONS %s" % syscons,
             "SYSTIME EST -05:00", "DIRECT user.direct", "VOLUME CPSYS1 %s 130 SYSRES" % devtype]
    lines += ["%s %d %d" % (a, r[0], r[1]) for a, r in zip(AREAS, LAYOUTS[devtype])]
    spec = os.path.join(state, "sys.spec")
    with open(spec, "w") as f:
        f.write("\n".join(lines) + "\n")
    return spec


def boot_and_logon(devtype):
    global LAST_SYSTEM
    state = os.path.join(harness.REPO, "build", "test-state", "dasd-%s" % devtype)
    os.system("rm -rf %s" % state)
    spec = write_system(state, devtype)
    sys = harness.System("dasd-%s" % devtype, spec=spec)
    LAST_SYSTEM = sys
    try:
        sys.start(fresh=False)
        sys.wait_log(r"DMKCPI959I SYSRES CPSYS1 ON DASD 130")
        t = sys.terminal()
        t.logon("CMSUSER")
        t.command("QUERY TIME", r"\nTIME IS \d\d:\d\d:\d\d EST ")
        t.command("QUERY NAMES", r"\nCMSUSER  - 0[CD][0-9A-F]")
        t.close()
        # a minidisk and a temporary disk (cleared track by track) of this type
        d = sys.terminal()
        d.logon("DISKUSER")
        d.command("QUERY DASD", r"\nDASD 191 %s CPSYS1 R/W 002 CYL" % devtype)
        d.clear()
        d.enter("DEFINE T%s AS 192 CYL 1" % devtype)
        d.wait(r"DASD 192 DEFINED", timeout=30)
        d.command("QUERY VIRTUAL 192", r"\nDASD 192 %s \(TEMP\) R/W 001 CYL" % devtype)
        d.close()
    finally:
        sys.stop()


def test_sysres_3330(_):
    boot_and_logon("3330")


def test_sysres_3380(_):
    boot_and_logon("3380")


def test_sysres_3390(_):
    boot_and_logon("3390")


def test_3270_system_console(_):
    """SYSCONS can be a 3270: CP's messages then appear on its screen."""
    global LAST_SYSTEM
    state = os.path.join(harness.REPO, "build", "test-state", "syscons3270")
    os.system("rm -rf %s" % state)
    spec = write_system(state, "3390", syscons="0DF")
    sys = harness.System("syscons3270", spec=spec)
    LAST_SYSTEM = sys
    try:
        sys.start(fresh=False)
        con = sys.terminal("00DF")
        con.wait(r"^VM/370 ONLINE")
        user = sys.terminal()
        user.logon("CMSUSER")
        # the logon notice goes to the system console's screen, which leaves the logo
        con.wait(r"GRAF 0[CD][0-9A-E] LOGON  AS CMSUSER  USERS = 001")
        con.wait_status("CP READ")
        user.enter("MSG OPERATOR hello console")
        con.wait(r"MSG FROM CMSUSER :  hello console")
        check("hello console" not in sys.log(), "nothing of it is on the 3215")
        user.close()
        con.close()
    finally:
        sys.stop()
