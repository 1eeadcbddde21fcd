"""test_console.py - the 3270 console manager, LOGON and the first CP commands.

One system for the whole module; tests run in order and each leaves the
users it logged on logged off again.
"""

import re
import time

import harness
from harness import check


def make_system():
    # a short MORE... timeout so the automatic clear can be seen
    return harness.System("console", spec_changes={"MORE": "2 1"})


def test_logo_screen(sys):
    t = sys.terminal()
    t.wait(r"^VM/370 ONLINE")
    check("CP/CMS" in t.text() or "CCCCCC" in t.text(), "the logo banner is shown")
    check(t.status() == "RUNNING", "the logo screen's status is RUNNING, not %r" % t.status())
    # the first ENTER only wakes CP: whatever was typed is thrown away
    t.enter("QUERY NAMES")
    t.wait_status("CP READ")
    check("QUERY NAMES" not in t.text(), "input typed on the logo screen is discarded")
    t.close()


def test_two_users_query_and_msg(sys):
    op = sys.terminal()
    user = sys.terminal()
    op.logon("OPERATOR")
    user.logon("CMSUSER")
    sys.wait_log(r"GRAF 0[CD][0-9A-F] LOGON  AS OPERATOR USERS = 00\d")
    sys.wait_log(r"GRAF 0[CD][0-9A-F] LOGON  AS CMSUSER  USERS = 00\d")

    user.command("QUERY USERS", r"\n002 USERS, 000 DIALED")
    m = user.command("Q NAMES", r"\n(OPERATOR - 0[CD][0-9A-F], CMSUSER  - 0[CD][0-9A-F]|CMSUSER  - 0[CD][0-9A-F], OPERATOR - 0[CD][0-9A-F])")
    check(m, "QUERY NAMES lists both users with their terminals")
    user.command("QUERY TIME", r"\nTIME IS \d\d:\d\d:\d\d GMT (MON|TUES|WEDNES|THURS|FRI|SATUR|SUN)DAY \d\d/\d\d/\d\d\n"
                 r"CONNECT= \d\d:\d\d:\d\d VIRTCPU= \d\d\d:\d\d\.\d\d TOTCPU= \d\d\d:\d\d\.\d\d")
    user.command("QUERY USERS OPERATOR", r"\nOPERATOR - 0[CD][0-9A-F]")
    user.command("QUERY NOBODY", r"\nDMKCQG045E NOBODY NOT LOGGED ON")

    user.enter("MSG OPERATOR Hello there, Operator")
    op.wait(r"^\d\d:\d\d:\d\d *\nMSG FROM CMSUSER :  Hello there, Operator")
    sys.wait_log(r"MSG FROM CMSUSER :  Hello there, Operator")  # and the hardcopy log
    op.enter("M CMSUSER and back to you")
    user.wait(r"MSG FROM OPERATOR:  and back to you")
    user.command("MSG NOBODY hi", r"\nDMKMSG045E NOBODY NOT LOGGED ON")

    op.enter("LOGOFF")
    op.wait(r"CONNECT= \d\d:\d\d:\d\d VIRTCPU= \d\d\d:\d\d\.\d\d TOTCPU= \d\d\d:\d\d\.\d\d\nLOGOFF AT \d\d:\d\d:\d\d GMT")
    op.wait(r"^VM/370 ONLINE", timeout=10)  # then the logo again
    sys.wait_log(r"LOGOFF AS OPERATOR USERS = 001")
    mark = sys.log_mark()
    user.enter("MSG OPERATOR are you there")  # no operator: the system console has it
    sys.wait_log(r"MSG FROM CMSUSER :  are you there", after=mark)
    user.enter("LOGOFF")
    user.wait(r"^VM/370 ONLINE")
    op.close()
    user.close()


def test_unknown_and_unprivileged_commands(sys):
    t = sys.terminal()
    t.logon("CMSUSER")
    t.command("FOOBAR 1 2", r"\nDMKCFC001E \?CP: FOOBAR")
    # class A commands are unknown to a class G user
    t.command("SHUTDOWN", r"\nDMKCFC001E \?CP: SHUTDOWN")
    t.command("FORCE OPERATOR", r"\nDMKCFC001E \?CP: FORCE")
    t.command("SET LOGMSG hello", r"\nDMKCFC001E \?CP: SET")
    t.command("QUERY", r"\nDMKCQG026E OPERAND MISSING OR INVALID")
    t.command("Q NAMES EXTRA", r"\nDMKCQG003E INVALID OPTION - EXTRA")
    # SET EMSG changes how errors look
    t.enter("SET EMSG TEXT")
    t.command("FOOBAR", r"\n\?CP: FOOBAR")
    t.enter("SET EMSG ON")
    # several commands on one line, with the line-end character, and a comment
    t.command("* just a comment#Q USERS#Q N", r"\n\d\d\d USERS, \d\d\d DIALED\nCMSUSER  - 0")
    t.enter("LOGOFF")
    t.wait(r"^VM/370 ONLINE")
    t.close()


def test_prelogon_commands(sys):
    t = sys.terminal()
    t.wake()
    t.command("QUERY NAMES", r"\nDMKCFC001E \?CP: QUERY")
    t.command("LOGON", r"\nDMKLOG020E USERID MISSING OR INVALID")
    t.command("LOGON NOSUCHID", r"\nDMKLOG053E NOSUCHID NOT IN CP DIRECTORY")
    mark = sys.log_mark()
    t.enter("MSG OP help me")
    sys.wait_log(r"MSG FROM LOGON0[CD][0-9A-F]:  help me", after=mark)
    t.close()


def test_wrong_password_is_refused_and_throttled(sys):
    t = sys.terminal()
    t.wake()
    # each wrong password doubles the delay before CP answers: 1, 2, 4 s
    for n, delay in ((1, 1), (2, 2), (3, 4)):
        t.clear()
        t.enter("LOGON CMSUSER")
        t.wait("ENTER PASSWORD:")
        start = time.time()
        t.enter("WRONG%d" % n)
        if n == 3:
            # while the refusal is delayed, input is not accepted (4 s is
            # long enough for this to be seen on a slow machine)
            t.enter("LOGON CMSUSER")
            t.wait_status("NOT ACCEPTED", timeout=3)
        t.wait(r"DMKLOG050E LOGON UNSUCCESSFUL--INCORRECT PASSWORD", timeout=15)
        took = time.time() - start
        check(took >= delay - 0.3, "wrong password %d answered after %.1f s, not %d s" % (n, took, delay))
        t.wait_status("CP READ")
    sys.wait_log(r"DMKLOG051I .*: 3 CONSECUTIVE WRONG PASSWORDS FOR CMSUSER")
    check("CMSUSER" not in "".join(re.findall(r"LOGON AT.*", t.text())), "no logon happened")
    # the right password still works afterwards
    t.enter("LOGON CMSUSER CMSUSER")
    t.wait(r"LOGON AT \d\d:", timeout=15)
    t.enter("LOGOFF")
    t.wait(r"^VM/370 ONLINE")
    t.close()


def test_disconnect_and_reconnect(sys):
    t = sys.terminal()
    t.logon("USER01")
    t.enter("SET EMSG CODE")  # a setting of this session, to recognise it later
    t.enter("DISCONN")
    t.wait(r"DISCONNECT AT \d\d:\d\d:\d\d")
    sys.wait_log(r"DISCONNECT USER01   USERS = \d\d\d")
    t.wait(r"^VM/370 ONLINE")
    t.close()
    u = sys.terminal()
    u.logon("USER01")
    u.wait(r"RECONNECTED AT \d\d:\d\d:\d\d GMT")
    u.command("Q USERS USER01", r"\nUSER01   - 0[CD][0-9A-F]")
    u.command("NOSUCH", r"\nDMKCFC001E\n")  # the same session: still SET EMSG CODE
    u.enter("SET EMSG ON")
    sys.wait_log(r"RECONNECT AS USER01")
    # the client goes away without a word: the session is kept, disconnected
    u.proc.kill()
    u.proc.wait()
    sys.terminals.remove(u)
    sys.wait_log(r"DSCONNECT AS USER01   USERS = \d\d\d FORCED", timeout=15)
    v = sys.terminal()
    v.logon("USER01")
    v.wait(r"RECONNECTED AT")
    v.enter("LOGOFF")
    v.wait(r"^VM/370 ONLINE")
    v.close()


def test_reconnect_from_a_vanished_client_at_once(sys):
    """A user whose client disappeared logs on again before CP noticed."""
    t = sys.terminal()
    t.logon("USER02")
    t.proc.kill()
    t.proc.wait()
    sys.terminals.remove(t)
    u = sys.terminal()
    u.logon("USER02")  # CP probes the old terminal, finds it gone, reconnects
    u.wait(r"RECONNECTED AT")
    u.enter("LOGOFF")
    u.wait(r"^VM/370 ONLINE")
    u.close()


def test_already_logged_on(sys):
    a = sys.terminal()
    a.logon("USER03")
    b = sys.terminal()
    b.wake()
    b.enter("LOGON USER03 USER03")
    b.wait(r"DMKLOG054E ALREADY LOGGED ON GRAF 0[CD][0-9A-F]")
    a.enter("LOGOFF")
    a.wait(r"^VM/370 ONLINE")
    a.close()
    b.close()


def test_more_holding_and_clear(sys):
    t = sys.terminal()
    t.logon("USER04")
    many = "#".join(["Q T"] * 16)  # 16 x 2 lines and the echo: more than 22 rows
    t.enter(many)
    t.wait_status("MORE...", timeout=5)
    # ENTER with nothing typed holds the screen
    t.enter()
    t.wait_status("HOLDING")
    time.sleep(4)  # longer than the MORE timeout (2 + 1 s): held screens stay
    check(t.status() == "HOLDING", "a held screen is not cleared by the timeout")
    # CLEAR releases it: the rest of the output appears from the top
    t.key("Clear")
    t.wait_status("CP READ", timeout=10)
    check(t.screen()[0].startswith(("TIME IS", "CONNECT=")), "output continues at row 1 after CLEAR")
    # MORE... without HOLDING clears itself after the timeout
    t.enter(many)
    t.wait_status("MORE...", timeout=5)
    t.wait_status("CP READ", timeout=15)
    # PA2 erases the output area
    t.key("PA(2)")
    t.wait_status("CP READ")
    check(all(not l.strip() for l in t.screen()[:22]), "PA2 leaves the output area empty")
    t.enter("LOGOFF")
    t.wait(r"^VM/370 ONLINE")
    t.close()


def test_logmsg_warning_and_force(sys):
    op = sys.terminal()
    op.logon("OPERATOR")
    op.enter("SET LOGMSG NULL")
    op.enter("SET LOGMSG * System test message")
    op.enter("SET LOGMSG not shown at logon")
    op.command("QUERY LOGMSG", r"\nLOGMSG- \d\d:\d\d:\d\d \d\d/\d\d/\d\d\n\* System test message\nnot shown at logon")
    u = sys.terminal()
    u.logon("USER05")
    check("* System test message" in u.text(), "lines starting with * are shown at logon")
    check("not shown at logon" not in u.text(), "other log message lines are not")
    op.enter("WARNING USER05 the system goes down soon")
    u.wait(r"WNG FROM OPERATOR:  the system goes down soon")
    op.command("FORCE NOBODY", r"\nDMKUSO045E NOBODY NOT LOGGED ON")
    op.enter("FORCE USER05")
    u.wait(r"LOGOFF AT \d\d:\d\d:\d\d GMT \w+ \d\d/\d\d/\d\d BY SYSTEM")
    sys.wait_log(r"LOGOFF AS USER05   USERS = \d\d\d FORCED")
    u.wait(r"^VM/370 ONLINE")
    op.enter("SET LOGMSG NULL")
    op.command("Q LOGMSG", r"\nNO LOGMSG")
    op.enter("LOGOFF")
    op.wait(r"^VM/370 ONLINE")
    op.close()
    u.close()


def test_system_console(sys):
    mark = sys.log_mark()
    sys.console("LOGON MAINT CPCMS")
    sys.wait_log(r"LINE 009 LOGON  AS MAINT    USERS = \d\d\d", after=mark)
    sys.console("QUERY USERS MAINT")
    sys.wait_log(r"MAINT    - 009", after=mark)
    sys.console("LOGOFF")
    sys.wait_log(r"LINE 009 LOGOFF AS MAINT    USERS = \d\d\d", after=mark)


def test_password_is_not_displayed(sys):
    t = sys.terminal()
    t.wake()
    t.enter("L USER06")  # L is the shortest LOGON
    t.wait("ENTER PASSWORD:")
    t.type("USER06")
    check("USER06\n" not in t.text().replace("L USER06", ""), "the password is not shown while typed")
    t.action("Enter()")
    t.wait(r"LOGON AT \d\d:")
    lines = t.text().splitlines()
    i = next(n for n, l in enumerate(lines) if l.startswith("ENTER PASSWORD:"))
    check(lines[i + 1].strip() == "", "the password line is echoed as a blank line")
    t.enter("LOG")  # for a logged-on user LOG is LOGOFF
    t.wait(r"LOGOFF AT \d\d:")
    t.wait(r"^VM/370 ONLINE")
    t.close()


def test_abbreviations(sys):
    t = sys.terminal()
    t.wake()
    t.enter("LOGI USER07 USER07")  # LOGIN
    t.wait(r"LOGON AT \d\d:")
    t.command("Q U", r"\n\d\d\d USERS, \d\d\d DIALED")
    t.command("Q N", r"\nUSER07   - 0")
    t.command("Q T", r"\nTIME IS ")
    t.command("Q LOG", r"\n(LOGMSG- |NO LOGMSG)")
    t.command("ME * one", r"\nMSG FROM USER07  :  one")
    t.command("MSG * two", r"\nMSG FROM USER07  :  two")
    t.command("M * three", r"\nMSG FROM USER07  :  three")
    t.command("LOGO", r"\nLOGOFF AT")  # LOGOUT/LOGOFF
    t.wait(r"^VM/370 ONLINE")
    t.close()


def test_pa_keys(sys):
    t = sys.terminal()
    t.logon("USER08")
    t.key("PA(1)")  # attention to CP while in CP READ: nothing changes
    t.wait_status("CP READ")
    t.enter("#".join(["Q T"] * 16))
    t.wait_status("MORE...", timeout=5)
    t.enter()
    t.wait_status("HOLDING")
    t.key("PA(2)")  # PA2 releases a held screen like CLEAR
    t.wait_status("CP READ", timeout=10)
    t.enter("LOGOFF")
    t.wait(r"^VM/370 ONLINE")
    t.close()


def test_lines_typed_ahead_run_in_order(sys):
    """The keyboard unlocks with the echo, before CP has run the command:
    lines typed at once wait their turn (up to four), none is refused."""
    t = sys.terminal()
    t.logon("USER03")
    t.clear()
    for cmd in ("QUERY TIME", "MSG USER03 FIRST", "MSG USER03 SECOND", "QUERY NAMES"):
        t.enter(cmd)   # returns as soon as the keyboard is unlocked again
        check(t.status() != "NOT ACCEPTED", "%r was not accepted:\n%s" % (cmd, t.text()))
    t.wait(r"TIME IS [\s\S]*MSG FROM USER03 *: +FIRST[\s\S]*MSG FROM USER03 *: +SECOND[\s\S]*USER03 +-", timeout=10)
    t.enter("LOGOFF")
    t.wait(r"^VM/370 ONLINE")
    t.close()

