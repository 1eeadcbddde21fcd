"""test_shutdown.py - ending the system: SHUTDOWN by the operator, and a
shutdown from the hardware console (tools/cpcms stop: Hercules quit).
Each test has its own system, since each ends it."""

import time

import harness
from harness import check

SYSTEM = None
LAST_SYSTEM = None


def _system(name):
    global LAST_SYSTEM
    LAST_SYSTEM = harness.System(name)
    return LAST_SYSTEM.start()


def test_shutdown_by_the_operator(_):
    sys = _system("shutdown-cmd")
    try:
        op = sys.terminal()
        op.logon("OPERATOR")
        user = sys.terminal()
        user.logon("CMSUSER")
        op.enter("SHUTDOWN")
        user.wait(r"LOGOFF AT \d\d:\d\d:\d\d GMT \w+ \d\d/\d\d/\d\d BY SYSTEM")
        sys.wait_log(r"DMKCPI960I SYSTEM SHUTDOWN STARTED BY OPERATOR")
        sys.wait_log(r"LOGOFF AS CMSUSER  USERS = \d\d\d FORCED")
        sys.wait_log(r"DMKCPI961W SYSTEM SHUTDOWN COMPLETE")
        sys.wait_log(r"PSW=00020001 80000000 0000000000000006")  # wait code 006
        # and Hercules ends by itself once CP has stopped
        deadline = time.time() + 20
        while sys.running() and time.time() < deadline:
            time.sleep(0.1)
        check(not sys.running(), "Hercules ended after SHUTDOWN")
    finally:
        sys.kill()


def test_stop_from_the_hardware_console(_):
    sys = _system("shutdown-quit")
    try:
        user = sys.terminal()
        user.logon("CMSUSER")
        check(sys.sys.stop(timeout=20), "cpcms stop found the system")
        log = sys.log()
        check("DMKCPI960I SYSTEM SHUTDOWN STARTED BY THE HARDWARE CONSOLE" in log,
              "signal quiesce starts an orderly shutdown")
        check("LOGOFF AS CMSUSER  USERS = 000 FORCED" in log, "the user was logged off")
        check("DMKCPI961W SYSTEM SHUTDOWN COMPLETE" in log, "CP finished its shutdown")
        check(not sys.running(), "Hercules has ended")
    finally:
        sys.kill()


def test_shutdown_refused_to_a_general_user(_):
    sys = _system("shutdown-refused")
    try:
        user = sys.terminal()
        user.logon("CMSUSER")
        user.command("SHUTDOWN", r"\nDMKCFC001E \?CP: SHUTDOWN")
        user.command("Q USERS", r"\n001 USERS")  # still running
        check(sys.running(), "the system is still up")
    finally:
        sys.stop()


def test_abend_report(_):
    """The RESTART key makes CP stop with a readable report (a CP abend),
    which tools/cpcms dump annotates with function names."""
    sys = _system("abend")
    try:
        sys.sys.herc("restart")
        sys.wait_log(r"DMKDMP908I SYSTEM FAILURE, CODE - RST000")
        sys.wait_log(r"PSW = [0-9A-F]{16} [0-9A-F]{16}")
        sys.wait_log(r"GR12 [0-9A-F]{16} [0-9A-F]{16} [0-9A-F]{16} [0-9A-F]{16}")
        sys.wait_log(r"CALLED FROM [0-9A-F]{16}")
        sys.wait_log(r"PSW=00020001 80000000 0000000000000908")
        out = harness.subprocess.run([harness.os.path.join(harness.REPO, "tools", "cpcms"), "dump",
                                      "--state", sys.state], stdout=harness.subprocess.PIPE, text=True).stdout
        check("cp_main+0x" in out and "CALLED FROM" in out,
              "the dump names the functions CP was in:\n" + out)
    finally:
        sys.kill()
