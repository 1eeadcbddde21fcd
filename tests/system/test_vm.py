"""test_vm.py - the CP commands of the virtual S/370, from real 3270
terminals: QUERY VIRTUAL and DEFINE STORAGE, DISPLAY and STORE, SYSTEM
RESET and CLEAR, the virtual console (#CP, REQUEST, attentions), PA1,
BEGIN and SET RUN, ADSTOP, EXTERNAL, TRACE, INDICATE, program
interruption loops, two CPU-bound machines sharing the processor, and
users that cannot stop each other.

The guests are the interactive programs of tests/guests/ (INTERACTIVE in
test_guests.py; what each does is in its header comment): echo, spin,
extwait and pgmloop. The system has one real card reader, 01C. ipl(term,
name) loads the program's deck into it (Hercules devinit) and gives IPL
00C; the reader must be attached to that user as 00C first (MAINT: ATTACH
01C * 00C; MAINT attaches it to other users, and detaches it again, since
a machine has read its whole deck once the IPL is over).

Trace lines are checked against the addresses of the programs' labels,
read from build/guests/NAME.elf (symbols()).

One system for the module ("vm", its own state directory and ports). Each
test logs on the users it needs and logs them off again; after a failure
the runner prints the end of the Hercules log and the last screen of every
terminal (with its user), and restarts the system.
"""

import os
import re
import struct
import time

import harness
from harness import check

REPO = harness.REPO
GUESTS = os.path.join(REPO, "tests", "guests")
DECKS = os.path.join(REPO, "build", "guests")
READER = "01C"          # the system's one real card reader (hercules-configs/cpcms.cnf)
RESPONSE_LIMIT = 3.0    # seconds a command may take while other machines run

# what each program shows once it runs, and the status area then
READY = {
    "echo": (r"^ECHO READY$", "VM READ"),
    "spin": (r"^SPIN STARTED$", "RUNNING"),
    "extwait": (r"^EXTWAIT READY$", "RUNNING"),
    "pgmloop": (r"^DMKDSP450W CP ENTERED; PROGRAM INTERRUPT LOOP$", "CP READ"),
}
SPIN_LOOP = (0x1100, 0x1104, 0x1108, 0x110C)  # spin.S: L, AL, ST, B
SPIN_COUNT = 0x1200


class VMSystem(harness.System):
    """The module's system; its diagnostics show every terminal's screen
    as it is now, with the user logged on there."""

    def diagnostics(self):
        out = ["---- Hercules log (last 60 lines) ----", self.sys.tail(60)]
        for t in self.terminals:
            try:
                t.screen()
            except Exception:
                pass
            out.append("---- last screen of %s's terminal ----" % getattr(t, "userid", "?"))
            out.append("\n".join(t.last_screen))
        return "\n".join(out)


def make_system():
    return VMSystem("vm")


# ---------------------------------------------------------------- helpers
def symbols(name):
    """The symbols of build/guests/NAME.elf (32-bit big-endian ELF): {label: address}."""
    path = os.path.join(DECKS, name + ".elf")
    check(os.path.exists(path), "%s is missing: run make guests" % path)
    with open(path, "rb") as f:
        elf = f.read()
    check(elf[:6] == b"\x7fELF\x01\x02", "%s is not a 32-bit big-endian ELF file" % path)
    shoff, = struct.unpack_from(">I", elf, 0x20)
    shentsize, shnum = struct.unpack_from(">HH", elf, 0x2E)
    secs = [struct.unpack_from(">10I", elf, shoff + i * shentsize) for i in range(shnum)]
    syms = {}
    for sec in secs:
        if sec[1] != 2:  # SHT_SYMTAB
            continue
        strtab = secs[sec[6]][4]
        for off in range(sec[4], sec[4] + sec[5], 16):
            st_name, st_value = struct.unpack_from(">II", elf, off)
            n = elf[strtab + st_name:elf.index(b"\0", strtab + st_name)].decode()
            if n:
                syms[n] = st_value
    return syms


def pass_code(name):
    """X'0C0Dpp', pp from the program's GUEST_START line."""
    with open(os.path.join(GUESTS, name + ".S")) as f:
        m = re.search(r"^\s*GUEST_START\s+(0x[0-9A-Fa-f]+|\d+)", f.read(), re.M)
    check(m, "%s.S has no GUEST_START line" % name)
    return 0x0C0D00 + int(m.group(1), 0)


def logon(sys, userid, password=None):
    t = sys.terminal()
    t.userid = userid
    t.logon(userid, password)
    return t


def maint(sys):
    """MAINT logged on, the real reader attached as its 00C."""
    t = logon(sys, "MAINT", "CPCMS")
    t.command("DETACH 00C", r"\nRDR 00C DETACHED$")      # the spooled reader
    t.command("ATTACH %s * 00C" % READER, r"\nRDR 00C ATTACHED$")
    return t


def logoff(*terms):
    for t in terms:
        t.clear()
        t.enter("#CP LOGOFF")
        t.wait(r"^LOGOFF AT \d\d:\d\d:\d\d")
        t.close()


def ipl(term, name):
    """Load build/guests/NAME.deck into the real reader and IPL it from the
    user's 00C (IPL from CP READ, #CP IPL while the machine runs); returns
    when the program shows it runs (READY)."""
    deck = os.path.join(DECKS, name + ".deck")
    check(os.path.exists(deck), "%s is missing: run make guests" % deck)
    out = term.system.herc("devinit %s %s ebcdic eof" % (READER, deck))
    check("HHCPN098I" in out or "initialized" in out, "devinit of the reader said: %s" % out)
    term.clear()
    cmd = "IPL 00C" if term.status() == "CP READ" else "#CP IPL 00C"
    term.enter(cmd)
    ready, status = READY[name]
    rx = re.compile(re.escape(cmd) + r"[\s\S]*" + ready, re.M)
    trouble = re.compile(r"^(DMKDSP450W CP ENTERED; .*|DMKCFG\d\d\d\w .*)$", re.M)  # (after READY: pgmloop's)
    deadline = time.time() + 15
    while True:
        text = term.text()
        if rx.search(text):
            break
        bad = trouble.search(text)
        check(not bad, "IPL of %s: %s" % (name, bad and bad.group(1)))
        check(time.time() < deadline, "%s did not show %r within 15s after %s (status %s)"
              % (name, ready, cmd, term.status()))
        time.sleep(0.05)
    term.wait_status(status)


def word(t, addr, cp=False):
    """The fullword at addr, by DISPLAY (#CP DISPLAY while the machine runs)."""
    # a line is 16 bytes: "001100  wwwwwwww wwwwwwww ...", blanks for the words not asked for
    m = t.command("%sD %X" % ("#CP " if cp else "", addr),
                  r"\n%06X .{%d} ([0-9A-F]{8})" % (addr & ~15, 9 * ((addr & 15) // 4)))
    return int(m.group(1), 16)


def quiet(t, cmd):
    """A command that answers nothing, followed on the same line by one that
    does: its answer shows CP has done both."""
    t.command(cmd + "#QUERY VIRTUAL STORAGE", r"\nSTORAGE = \d{5}K$")


def psw(t, cp=False):
    m = t.command("%sD PSW" % ("#CP " if cp else ""), r"\nPSW = ([0-9A-F]{8}) ([0-9A-F]{8})$")
    return int(m.group(1), 16), int(m.group(2), 16)


def timed(t, cmd, expect):
    t0 = time.time()
    t.command(cmd, expect, timeout=15)
    took = time.time() - t0
    check(took < RESPONSE_LIMIT, "%s's %s took %.1fs (more than %.0fs)"
          % (getattr(t, "userid", "?"), cmd, took, RESPONSE_LIMIT))
    return took


QUERY_TIME = r"\nTIME IS \d\d:\d\d:\d\d GMT \w+DAY \d\d/\d\d/\d\d\nCONNECT= \d\d:\d\d:\d\d VIRTCPU= "


# ---------------------------------------------------------------- tests
def test_query_virtual_and_define_storage(sys):
    t = maint(sys)
    t.command("QUERY VIRTUAL", r"\nSTORAGE = 01024K\nCONS 009 ON GRAF 0[CD][0-9A-F]\nRDR  00C ON DEV 01C\nPUN  00D CL A NOCONT NOHOLD COPY 01 READY\n     00D FOR MAINT    DIST MAINT\nPRT  00E CL A NOCONT NOHOLD COPY 01 READY\n     00E FOR MAINT    DIST MAINT$")
    t.command("Q V STORAGE", r"\nSTORAGE = 01024K$")
    check("CONS 009" not in t.text(), "QUERY VIRTUAL STORAGE shows only the storage:\n%s" % t.text())
    t.command("Q V 00C", r"\nRDR  00C ON DEV 01C$")
    t.command("Q V 00E", r"\nPRT  00E CL A NOCONT NOHOLD COPY 01 READY\n     00E FOR MAINT    DIST MAINT$")
    t.command("Q V 00F", r"\nDMKCQV040E DEV 00F DOES NOT EXIST$")

    # a new size resets the machine and clears its storage; the devices stay
    t.command("STORE 1000 CAFEF00D", r"\nSTORE COMPLETE$")
    t.command("STORE G5 12345678", r"\nSTORE COMPLETE$")
    t.command("STORE PSW 00000000 00001000", r"\nSTORE COMPLETE$")
    t.command("DEFINE STORAGE 2M", r"\nSTORAGE = 02048K$")
    t.wait_status("CP READ")
    t.command("Q V", r"\nSTORAGE = 02048K\nCONS 009 ON GRAF 0[CD][0-9A-F]\nRDR  00C ON DEV 01C\nPUN  00D CL A NOCONT NOHOLD COPY 01 READY\n     00D FOR MAINT    DIST MAINT\nPRT  00E CL A NOCONT NOHOLD COPY 01 READY\n     00E FOR MAINT    DIST MAINT$")
    check(word(t, 0x1000) == 0, "DEFINE STORAGE did not clear storage (X'1000' still set)")
    check(psw(t) == (0, 0), "DEFINE STORAGE did not reset the PSW")
    t.command("D G5", r"\nGPR  5 =  00000000$")
    t.command("D 1FFFFC", r"\n1FFFF0 +00000000$")           # the last word of 2M exists
    t.command("D 200000", r"\nDMKCDB160E HEXLOC 200000 EXCEEDS STORAGE$")

    # sizes: rounded up to 4K, at least 8K, at most the directory's 16M
    t.command("DEFINE STORAGE 1001K", r"\nSTORAGE = 01004K$")
    t.command("DEFINE STORAGE 4K", r"\nSTORAGE = 00008K$")
    t.command("DEFINE STORAGE AS 16M", r"\nSTORAGE = 16384K$")
    t.command("DEFINE STORAGE 17M", r"\nDMKDEF094E STORAGE EXCEEDS ALLOWED MAXIMUM$")
    t.command("DEFINE STORAGE 32768K", r"\nDMKDEF094E STORAGE EXCEEDS ALLOWED MAXIMUM$")
    t.command("Q V STOR", r"\nSTORAGE = 16384K$")            # unchanged by the refusals
    t.command("DEFINE STORAGE 2X", r"\nDMKDEF026E OPERAND MISSING OR INVALID$")
    t.command("DEFINE STORAGE", r"\nDMKDEF026E OPERAND MISSING OR INVALID$")
    t.command("DEFINE FOO", r"\nDMKDEF003E INVALID OPTION - FOO$")
    t.command("DEFINE STORAGE 1M", r"\nSTORAGE = 01024K$")
    # on a running machine: it stops, reset, its storage cleared
    ipl(t, "spin")
    t.command("#CP DEFINE STORAGE 2M", r"\nSTORAGE = 02048K$")
    t.wait_status("CP READ")
    check(word(t, SPIN_COUNT) == 0 and word(t, SPIN_LOOP[0]) == 0, "DEFINE STORAGE did not clear the running program")
    check(psw(t) == (0, 0), "DEFINE STORAGE did not reset the running machine's PSW")
    time.sleep(0.2)
    check(t.status() == "CP READ", "the machine runs on after DEFINE STORAGE")
    logoff(t)


def test_display_and_store(sys):
    t = maint(sys)
    # storage: fullwords, byte strings, ranges, with EBCDIC
    t.command("STORE 2000 12345678 9ABCDEF0", r"\nSTORE COMPLETE$")
    t.command("DISPLAY 2000.8", r"\n002000  12345678 9ABCDEF0$")
    t.command("STORE L2008 0BADCAFE", r"\nSTORE COMPLETE$")
    t.command("D 2000-200F", r"\n002000  12345678 9ABCDEF0 0BADCAFE 00000000$")
    t.command("STORE S2021 C1C2C3", r"\nSTORE COMPLETE$")
    t.command("D T2020", r"\n002020  00C1C2C3 {29}\*\.ABC.{12}\*$")
    t.command("D L2020.4", r"\n002020  00C1C2C3$")
    # general, control and floating-point registers
    t.command("STORE G3 DEADBEEF 01020304", r"\nSTORE COMPLETE$")
    t.command("D G3", r"\nGPR  3 =  DEADBEEF$")
    t.command("D G3-4", r"\nGPR  3 =  DEADBEEF 01020304$")
    t.command("D G", r"\nGPR  0 =  00000000 00000000 00000000 DEADBEEF\nGPR  4 =  01020304 00000000 00000000 00000000\n"
              r"GPR  8 = ( 00000000){4}\nGPR 12 = ( 00000000){4}$")
    t.command("STORE X0 00800040", r"\nSTORE COMPLETE$")
    t.command("D X0", r"\nCR   0 =  00800040$")
    # CR2, CR14 and CR15 as the architecture resets them
    t.command("D X", r"\nCR   0 =  00800040 00000000 FFFFFFFF 00000000\n(.*\n){2}CR  12 =  00000000 00000000 C2000000 00000200$")
    t.command("STORE Y2 4110000000000000", r"\nSTORE COMPLETE$")
    t.command("D Y2", r"\nFPR  2 =  41100000 00000000$")
    # the PSW: both words, or the second only
    t.command("STORE PSW 00000000 00002000", r"\nSTORE COMPLETE$")
    t.command("D PSW", r"\nPSW = 00000000 00002000$")
    t.command("STORE PSW 2008", r"\nSTORE COMPLETE$")
    t.command("D PSW", r"\nPSW = 00000000 00002008$")
    # storage keys, per 2K block
    t.command("STORE K2000 F0", r"\nSTORE COMPLETE$")
    m = t.command("D K2000-2FFF", r"\n002000  F0 ([0-9A-F]{2})$")
    check(int(m.group(1), 16) & 0xF8 == 0, "the key of X'2800' changed with X'2000''s: %s" % m.group(0))
    # bad operands and addresses
    t.command("D ZZZ", r"\nDMKCDB026E OPERAND MISSING OR INVALID$")
    t.command("D G16", r"\nDMKCDB026E OPERAND MISSING OR INVALID$")
    t.command("D 100000", r"\nDMKCDB160E HEXLOC 100000 EXCEEDS STORAGE$")
    t.command("D", r"\nDMKCDB026E OPERAND MISSING OR INVALID$")
    t.command("STORE 2000 XYZ", r"\nDMKCDS026E OPERAND MISSING OR INVALID$")
    t.command("STORE S2000 ABC", r"\nDMKCDS026E OPERAND MISSING OR INVALID$")
    t.command("STORE G3", r"\nDMKCDS026E OPERAND MISSING OR INVALID$")
    t.command("STORE K2000", r"\nDMKCDS026E OPERAND MISSING OR INVALID$")
    t.command("STORE 100000 1", r"\nDMKCDS160E HEXLOC 100000 EXCEEDS STORAGE$")
    t.command("D 2000.8", r"\n002000  12345678 9ABCDEF0$")      # nothing changed by the errors
    logoff(t)


def test_system_reset_and_clear(sys):
    t = maint(sys)
    ipl(t, "spin")
    t.command("#CP SYSTEM RESET", r"\nSYSTEM RESET$")
    t.wait_status("CP READ")                                   # the machine stopped
    count = word(t, SPIN_COUNT)
    check(count > 0, "spin did not count before SYSTEM RESET")
    time.sleep(0.3)
    check(word(t, SPIN_COUNT) == count, "the count changed after SYSTEM RESET: the machine still runs")
    check(psw(t) == (0, 0), "SYSTEM RESET did not reset the PSW")
    t.command("STORE G7 00000077", r"\nSTORE COMPLETE$")
    t.command("STORE K3000 30", r"\nSTORE COMPLETE$")
    t.command("SYSTEM RESET", r"\nSYSTEM RESET$")
    check(word(t, SPIN_COUNT) == count, "SYSTEM RESET changed storage")
    t.command("D G7", r"\nGPR  7 =  00000077$")                  # a reset keeps the registers
    t.command("D K3000", r"\n003000  3[0-7]$")

    t.command("SYSTEM CLEAR", r"\nSTORAGE CLEARED - SYSTEM RESET$")
    t.wait_status("CP READ")
    check(word(t, SPIN_COUNT) == 0, "SYSTEM CLEAR did not zero storage")
    check(word(t, SPIN_LOOP[0]) == 0, "SYSTEM CLEAR did not zero the program")
    t.command("D G7", r"\nGPR  7 =  00000000$")
    m = t.command("D K3000", r"\n003000  ([0-9A-F]{2})$")
    check(int(m.group(1), 16) & 0xF8 == 0, "SYSTEM CLEAR did not zero the storage key: %s" % m.group(0))
    t.command("SYSTEM", r"\nDMKCPB026E OPERAND MISSING OR INVALID$")
    t.command("SYSTEM FOO", r"\nDMKCPB003E INVALID OPTION - FOO$")

    # RESTART: the current PSW goes to X'08', the new one comes from X'00'
    # (the IPL PSW: spin starts again, and counts on from where it was)
    ipl(t, "spin")
    t.command("#CP SYSTEM RESTART", r"\nSPIN STARTED$")
    t.wait_status("RUNNING")
    m = t.command("#CP D 0.10", r"\n000000  0000000C ([0-9A-F]{8}) ([0-9A-F]{8}) ([0-9A-F]{8})$")
    check(int(m.group(1), 16) == symbols("spin")["_start"], "the IPL PSW at 0 is not spin's entry: %s" % m.group(0))
    check(int(m.group(3), 16) & 0xFFFFFF in SPIN_LOOP, "the restart old PSW at X'08' is not in spin's loop: %s" % m.group(0))
    logoff(t)


def test_virtual_console_with_echo(sys):
    t = maint(sys)
    ipl(t, "echo")
    t.clear()
    t.enter("hello world")
    t.wait(r"^hello world\nECHO: hello world\nECHO READY$")
    t.wait_status("VM READ")
    # CP's line editing applies to the machine's reads: @ deletes a character, # ends a line
    t.clear()
    t.enter("abcx@d#second")
    t.wait(r"^ECHO: abcd\nECHO READY\nECHO: second\nECHO READY$")

    # #CP: a CP command while the machine goes on reading
    t.command("#CP QUERY TIME", QUERY_TIME)
    t.wait_status("VM READ")
    t.command("#CP QUERY VIRTUAL", r"\nSTORAGE = 01024K\nCONS 009 ON GRAF 0[CD][0-9A-F]\nRDR  00C ON DEV 01C\nPUN  00D CL A NOCONT NOHOLD COPY 01 READY\n     00D FOR MAINT    DIST MAINT\nPRT  00E CL A NOCONT NOHOLD COPY 01 READY\n     00E FOR MAINT    DIST MAINT$")
    t.clear()
    t.enter("still here")
    t.wait(r"^ECHO: still here\nECHO READY$")

    # PA1 while the machine reads: CP READ; BEGIN: the read is still there
    t.key("PA(1)")
    t.wait_status("CP READ")
    t.command("BEGIN", "")
    t.wait_status("VM READ")
    t.command("after PA1", r"\nECHO: after PA1\nECHO READY$")

    # attentions: REQUEST (or ATTN), and a line typed while no read is outstanding
    t.command("PAUSE", r"\nPAUSED$")
    t.wait_status("RUNNING")
    t.command("#CP REQUEST", r"\nATTENTION\nECHO READY$")
    t.wait_status("VM READ")
    t.command("PAUSE", r"\nPAUSED$")
    t.command("#CP ATTN", r"\nATTENTION\nECHO READY$")
    t.command("PAUSE", r"\nPAUSED$")
    t.wait_status("RUNNING")
    t.command("typed ahead", r"\nATTENTION\nECHO READY\nECHO: typed ahead\nECHO READY$")
    t.wait_status("VM READ")
    t.command("#CP REQUEST EXTRA", r"\nDMKCFC003E INVALID OPTION - EXTRA$")

    # END: the program's disabled wait, reported by CP
    code = pass_code("echo")
    t.command("END", r"\nDMKDSP450W CP ENTERED; DISABLED WAIT PSW '00020000 %08X'$" % code)
    t.wait_status("CP READ")
    check(psw(t) == (0x00020000, code), "the PSW after END is not the disabled wait PSW")
    logoff(t)


def test_pa1_begin_and_set_run_with_spin(sys):
    t = maint(sys)
    ipl(t, "spin")
    time.sleep(0.3)
    # PA1 stops the machine: CP READ, and the count stands still
    t.key("PA(1)")
    t.wait_status("CP READ")
    c1 = word(t, SPIN_COUNT)
    check(c1 > 0, "spin has not counted (X'1200' is 0)")
    time.sleep(0.3)
    check(word(t, SPIN_COUNT) == c1, "the count goes on after PA1: the machine was not stopped")
    w0, w1 = psw(t)
    check(w1 & 0xFFFFFF in SPIN_LOOP, "PA1 stopped spin at %06X, outside its loop" % (w1 & 0xFFFFFF))
    # BEGIN resumes; #CP DISPLAY looks while it runs
    t.command("BEGIN", "")
    t.wait_status("RUNNING")
    time.sleep(0.3)
    c2 = word(t, SPIN_COUNT, cp=True)
    check(c2 > c1, "BEGIN did not resume spin: the count %08X did not grow past %08X" % (c2, c1))
    time.sleep(0.3)
    c3 = word(t, SPIN_COUNT, cp=True)
    check(c3 > c2, "#CP DISPLAY stopped spin: the count stayed at %08X" % c2)
    t.wait_status("RUNNING")
    # #CP alone stops it too
    t.command("#CP", "")
    t.wait_status("CP READ")
    c4 = word(t, SPIN_COUNT)
    time.sleep(0.3)
    check(word(t, SPIN_COUNT) == c4, "#CP alone did not stop the machine")

    # SET RUN ON: after a command the machine goes on by itself
    t.command("SET RUN ON", "")
    t.wait_status("RUNNING")
    t.key("PA(1)")
    t.wait_status("CP READ")
    c5 = word(t, SPIN_COUNT)
    t.wait_status("RUNNING")
    time.sleep(0.3)
    c6 = word(t, SPIN_COUNT, cp=True)
    check(c6 > c5, "with SET RUN ON the machine did not run on after a command (%08X, %08X)" % (c5, c6))
    # SET RUN OFF: it stays in CP READ
    quiet(t, "#CP SET RUN OFF")
    t.key("PA(1)")
    t.wait_status("CP READ")
    c7 = word(t, SPIN_COUNT)
    time.sleep(0.3)
    check(t.status() == "CP READ" and word(t, SPIN_COUNT) == c7,
          "with SET RUN OFF the machine ran on after a command")
    # BEGIN at an address
    t.command("BEGIN 1100", "")
    t.wait_status("RUNNING")
    time.sleep(0.2)
    check(word(t, SPIN_COUNT, cp=True) > c7, "BEGIN 1100 did not resume spin")
    t.command("#CP BEGIN XYZ", r"\nDMKCFC026E OPERAND MISSING OR INVALID$")
    logoff(t)


def test_adstop(sys):
    t = maint(sys)
    ipl(t, "spin")
    al = word(t, 0x1104, cp=True)            # AL R3,one: as loaded
    st = word(t, 0x1108, cp=True)            # ST R3,count
    check(al >> 24 == 0x5E and st >> 24 == 0x50, "spin's loop is not at X'1100': %08X %08X" % (al, st))
    # set while the machine runs
    t.command("#CP ADSTOP 1104", r"\nADSTOP AT 001104$")
    t.wait_status("CP READ")
    w0, w1 = psw(t)
    check(w1 & 0xFFFFFF == 0x1104, "ADSTOP 1104 stopped with the PSW at %06X" % (w1 & 0xFFFFFF))
    check(word(t, 0x1104) == al, "the instruction at X'1104' was not put back after the stop")
    c1 = word(t, SPIN_COUNT)
    t.command("BEGIN", "")
    t.wait_status("RUNNING")
    time.sleep(0.3)
    check(t.status() == "RUNNING" and word(t, SPIN_COUNT, cp=True) > c1,
          "spin did not run on after the ADSTOP (it fires once)")
    # set in CP READ, then BEGIN
    t.key("PA(1)")
    t.wait_status("CP READ")
    quiet(t, "ADSTOP 110C")
    t.command("BEGIN", r"\nADSTOP AT 00110C$")
    t.wait_status("CP READ")
    check(psw(t)[1] & 0xFFFFFF == 0x110C, "ADSTOP 110C did not stop at X'110C'")
    # OFF takes it away again
    quiet(t, "ADSTOP 1108")
    quiet(t, "ADSTOP OFF")
    check(word(t, 0x1108) == st, "ADSTOP OFF did not put back the instruction at X'1108'")
    t.command("BEGIN", "")
    time.sleep(0.5)
    check(t.status() == "RUNNING" and "ADSTOP AT" not in t.text(), "ADSTOP OFF did not remove the stop:\n%s" % t.text())
    # errors
    t.command("#CP ADSTOP 1105", r"\nDMKCFD026E OPERAND MISSING OR INVALID$")
    t.command("#CP ADSTOP 100000", r"\nDMKCFD160E HEXLOC 100000 EXCEEDS STORAGE$")
    t.command("#CP ADSTOP", r"\nDMKCFD026E OPERAND MISSING OR INVALID$")
    t.wait_status("RUNNING")
    logoff(t)


def test_adstop_then_system_reset_keeps_the_program(sys):
    """SYSTEM RESET keeps storage: the instruction under an ADSTOP that has
    not fired must come back (or the ADSTOP stay in force), never the
    overlay CP put there."""
    t = maint(sys)
    ipl(t, "spin")
    al = word(t, 0x1104, cp=True)
    t.key("PA(1)")
    t.wait_status("CP READ")
    quiet(t, "ADSTOP 1104")
    t.command("SYSTEM RESET", r"\nSYSTEM RESET$")
    t.command("BEGIN 1100", "")
    time.sleep(0.5)
    text = t.text()
    if "DMKDSP450W" in text:
        now = word(t, 0x1104, cp=t.status() != "CP READ")
        t.clear()
        t.enter("BEGIN 1100")   # the failure again, for the diagnostics
        t.wait(r"DMKDSP450W")
        check(False, "after ADSTOP 1104, SYSTEM RESET and BEGIN 1100 the program failed:\n%s\n"
              "(the instruction at X'1104' is now %08X, it was %08X)" % (text, now, al))
    if "ADSTOP AT 001104" not in text:
        t.wait_status("RUNNING")
        t.key("PA(1)")
        t.wait_status("CP READ")
    check(word(t, 0x1104) == al, "the instruction at X'1104' was not put back")
    logoff(t)


def test_external_and_trace_external(sys):
    t = maint(sys)
    s = symbols("extwait")
    ipl(t, "extwait")
    t.command("#CP EXTERNAL", r"\nEXTERNAL 0040$")
    t.command("#CP EXTERNAL 1234", r"\nEXTERNAL 1234$")
    t.command("#CP EXT 41", r"\nEXTERNAL 0041$")
    t.command("#CP EXTERNAL XYZ", r"\nDMKCPB026E OPERAND MISSING OR INVALID$")
    t.command("#CP EXTERNAL 12345", r"\nDMKCPB026E OPERAND MISSING OR INVALID$")
    t.command("#CP EXTERNAL 40 EXTRA", r"\nDMKCPB003E INVALID OPTION - EXTRA$")
    time.sleep(0.2)
    check("\nEXTERNAL" not in t.text(), "a refused EXTERNAL made an interruption:\n%s" % t.text())
    t.wait_status("RUNNING")

    # TRACE EXTERNAL (NORUN): the trace line, then CP READ before the program sees it
    trace = r"\*\*\* %06X EXT  %%s ==> 00000000 %08X" % (s["w1"], s["ext"])
    t.command("#CP TRACE EXTERNAL", r"\nTRACE STARTED$")
    t.command("#CP EXTERNAL", r"\n%s$" % (trace % "0040"))
    t.wait_status("CP READ")
    check("EXTERNAL 0040" not in t.text(), "the program ran on after a NORUN trace stop:\n%s" % t.text())
    t.command("BEGIN", r"\nEXTERNAL 0040$")
    t.wait_status("RUNNING")
    # TRACE ... RUN: the trace line, and the program goes on
    quiet(t, "#CP TRACE EXT RUN")
    t.command("#CP EXTERNAL 0042", r"\n%s\nEXTERNAL 0042$" % (trace % "0042"))
    t.wait_status("RUNNING")
    # TRACE OFF: no more trace lines
    t.command("#CP TRACE OFF", r"\nTRACE ENDED$")
    t.command("#CP EXTERNAL", r"\nEXTERNAL 0040$")
    check("***" not in t.text(), "a trace line after TRACE OFF:\n%s" % t.text())
    # given in CP READ, the interruption waits for BEGIN
    t.key("PA(1)")
    t.wait_status("CP READ")
    quiet(t, "EXTERNAL 0043")
    time.sleep(0.2)
    check("\nEXTERNAL 0043" not in t.text(), "a stopped machine took an external interruption:\n%s" % t.text())
    t.command("BEGIN", r"\nEXTERNAL 0043$")
    t.command("#CP TRACE", r"\nDMKTRC026E OPERAND MISSING OR INVALID$")
    t.command("#CP TRACE FOO", r"\nDMKTRC003E INVALID OPTION - FOO$")
    t.wait_status("RUNNING")
    logoff(t)


def test_trace_svc_program_io_and_priv(sys):
    t = maint(sys)
    s = symbols("echo")
    ipl(t, "echo")
    # SVC, NORUN: stops after the event, BEGIN goes on
    t.command("#CP TRACE SVC", r"\nTRACE STARTED$")
    # the old PSW points after the SVC (dosvc: MVI, then SVC X'42')
    t.command("SVC", r"\n\*\*\* %06X SVC  0042 ==> 00000000 %08X$" % (s["dosvc"] + 6, s["svcint"]))
    t.wait_status("CP READ")
    check("ECHO: SVC" not in t.text(), "the program ran on after a NORUN trace stop:\n%s" % t.text())
    t.command("BEGIN", r"\nECHO: SVC\nECHO READY$")
    t.wait_status("VM READ")
    # PROGRAM, RUN: the line, and the program goes on
    quiet(t, "#CP TRACE PROGRAM RUN")
    t.command("PGM", r"\n\*\*\* %06X PRG  0001 ==> 00000000 %08X\nECHO: PGM\nECHO READY$" % (s["pgmret"], s["pgmint"]))
    t.wait_status("VM READ")
    t.command("#CP TRACE END", r"\nTRACE ENDED$")

    # I/O and privileged instructions for one line: the read's ending, then
    # the echo, the prompt and the next read, each an SIO, an LPSW to wait
    # and an I/O interruption
    t.command("#CP TRACE I/O PRIV RUN", r"\nTRACE STARTED$")
    t.clear()
    t.enter("abc")
    # the last line is the LPSW of the wait for the next read
    lpsw = r"::: %06X LPSW  82[0-9A-F]{6} ==> 80020000 %08X" % (s["iowait"], s["w1"])
    deadline = time.time() + 10
    while len(re.findall("^" + lpsw + "$", t.text(), re.M)) < 3 and time.time() < deadline:
        time.sleep(0.1)
    t.wait_status("VM READ")
    screen = t.text()
    lines = screen.splitlines()

    def expect(rx, what, n=None):
        found = [l for l in lines if re.fullmatch(rx, l)]
        check(found if n is None else len(found) == n,
              "%s: %d lines matching %r, not %s:\n%s" % (what, len(found), rx, n or "some", screen))
        return found
    ccw = {k: s[k] for k in ("ccwprompt", "ccwread", "ccwecho")}
    # the read ended: CSW = key 0, the CCW after the read, CE+DE, 130-3 left;
    # the echo and the prompt ended with nothing left
    expect(r"\*\*\* %06X I/O  009 CSW %08X 0C00%04X ==> 00000000 %08X" % (s["w1"], ccw["ccwread"] + 8, 130 - 3, s["ioint"]),
           "the interruption at the end of the read", 1)
    for k in ("ccwecho", "ccwprompt"):
        expect(r"\*\*\* %06X I/O  009 CSW %08X 0C000000 ==> 00000000 %08X" % (s["w1"], ccw[k] + 8, s["ioint"]),
               "the interruption at the end of %s" % k, 1)
    expect(r"ECHO: abc", "the echo", 1)
    sio = []
    for k in ("ccwecho", "ccwprompt", "ccwread"):
        l = expect(r"I/O ([0-9A-F]{6}) SIO   009 CC 0 CAW %08X" % ccw[k], "the SIO of %s" % k, 1)
        sio.append(int(l[0][4:10], 16))
    check(len(set(sio)) == 1 and s["doio"] <= sio[0] < s["iowait"],
          "the SIOs are not doio's (X'%X'-X'%X'): %s" % (s["doio"], s["iowait"], sio))
    expect(r"::: %06X SIO   9C000009 ==> [0-9A-F]{8} [0-9A-F]{2}%06X" % (sio[0], sio[0] + 4), "SIO as a privileged instruction", 3)
    expect(lpsw, "the LPSW of the wait", 3)
    t.command("#CP TRACE END", r"\nTRACE ENDED$")
    t.command("xyz", r"\nECHO: xyz\nECHO READY$")
    check("***" not in t.text() and ":::" not in t.text() and "\nI/O" not in t.text(),
          "trace lines after TRACE END:\n%s" % t.text())
    t.command("END", r"\nDMKDSP450W CP ENTERED; DISABLED WAIT PSW")
    logoff(t)


PRIVOP_RX = re.compile(r"^(\w+) +([0-9A-F]{4}) +(\d+) +\d+\.\d{3}$", re.M)
PRIVOP_TOTAL_RX = re.compile(r"^SIMULATED (\d+)  REFLECTED (\d+)  FAULTS (\d+)  TOTAL \d+\.\d{3} MSEC$", re.M)


def privops(t):
    """INDICATE PRIVOPS: ({name: (opcode, count)}, simulated)."""
    t.command("#CP INDICATE PRIVOPS", r"\nINSTR OPCD      COUNT   AVG USEC\n[\s\S]*^SIMULATED")
    text = t.text()
    ops = {m.group(1): (m.group(2), int(m.group(3))) for m in PRIVOP_RX.finditer(text)}
    total = PRIVOP_TOTAL_RX.search(text)
    check(total, "INDICATE PRIVOPS has no SIMULATED line:\n%s" % text)
    return ops, int(total.group(1))


def sio_of_user(t):
    m = t.command("#CP INDICATE", r"\nPAGES: RES-\d{4} WS-\d{4} READS=\d{6} WRITES=\d{6} MH-\d{4} FH-\d{4}\n"
                  r"VTIME=\d{3}:\d\d\.\d\d TTIME=\d{3}:\d\d\.\d\d SIO=(\d{6}) RDR-\d{6} PRT-\d{6} PCH-\d{6}$")
    return int(m.group(1))


def test_indicate_privops_counts_sio(sys):
    t = maint(sys)
    ipl(t, "echo")
    ops, sim1 = privops(t)
    check("SIO" in ops and ops["SIO"][0] == "9C00" and ops["SIO"][1] > 0,
          "INDICATE PRIVOPS shows no SIO (9C00) after echo ran:\n%s" % t.text())
    check("LPSW" in ops and ops["LPSW"][0] == "0082" and ops["LPSW"][1] > 0, "INDICATE PRIVOPS shows no LPSW (0082)")
    check(sim1 >= ops["SIO"][1] + ops["LPSW"][1], "SIMULATED %d is less than the SIO and LPSW counts" % sim1)
    user1 = sio_of_user(t)
    check(user1 >= 2, "INDICATE USER counts %d SIOs; echo has written and read" % user1)
    # each line: the echo, the prompt and the next read
    for n in range(3):
        t.command("line %d" % n, r"\nECHO: line %d\nECHO READY$" % n)
    ops2, sim2 = privops(t)
    check(ops2["SIO"][1] - ops["SIO"][1] == 9, "3 lines made %d SIOs, not 9" % (ops2["SIO"][1] - ops["SIO"][1]))
    check(sim2 - sim1 >= 9, "SIMULATED grew by %d for 9 SIOs" % (sim2 - sim1))
    user2 = sio_of_user(t)
    check(user2 - user1 == 9, "INDICATE USER: 3 lines made %d SIOs, not 9" % (user2 - user1))
    t.command("#CP INDICATE FOO", r"\nDMKTHI003E INVALID OPTION - FOO$")
    t.command("END", r"\nDMKDSP450W CP ENTERED; DISABLED WAIT PSW")
    logoff(t)


def test_program_interrupt_loop_is_stopped(sys):
    t = maint(sys)
    ipl(t, "pgmloop")                        # waits for the loop message and CP READ
    w0, w1 = psw(t)
    check(0x3000 <= w1 & 0xFFFFFF <= 0x3002, "the loop stopped with the PSW at %06X, not at X'3000'" % (w1 & 0xFFFFFF))
    t.command("D 68.8", r"\n000060 {20}00000000 00003000$")   # the program new PSW it set
    t.command("D 3000", r"\n003000  00000000$")
    t.command("QUERY TIME", QUERY_TIME)                       # CP still listens
    # BEGIN runs into the loop again, and is stopped again
    t.command("BEGIN", r"\nDMKDSP450W CP ENTERED; PROGRAM INTERRUPT LOOP$")
    t.wait_status("CP READ")
    check(t.count(r"DMKDSP450W") == 1, "one BEGIN, one loop message:\n%s" % t.text())
    # the machine is still good for another program
    ipl(t, "echo")
    t.command("after the loop", r"\nECHO: after the loop\nECHO READY$")
    t.command("END", r"\nDMKDSP450W CP ENTERED; DISABLED WAIT PSW '00020000 %08X'$" % pass_code("echo"))
    logoff(t)


def rate(t):
    """(count at X'1200', time): spin's counter while it runs."""
    return word(t, SPIN_COUNT, cp=True), time.time()


def test_two_spinning_machines_share_the_cpu(sys):
    m = maint(sys)
    o = logon(sys, "OPERATOR")
    u = logon(sys, "USER01")
    ipl(m, "spin")
    # one real reader: the deck is in storage once the IPL is over
    m.command("#CP DETACH 00C", r"\nRDR 00C DETACHED$")
    o.command("DETACH 00C", r"\nRDR 00C DETACHED$")      # its spooled reader
    m.command("#CP ATTACH 01C TO OPERATOR AS 00C", r"\nRDR 01C ATTACHED TO OPERATOR 00C$")
    o.wait(r"^RDR 00C ATTACHED$")
    ipl(o, "spin")
    a1, b1 = rate(m), rate(o)
    took = [timed(u, "QUERY TIME", QUERY_TIME) for _ in range(3)]
    time.sleep(max(0.0, 3.0 - sum(took)))
    a2, b2 = rate(m), rate(o)
    ra = (a2[0] - a1[0]) / (a2[1] - a1[1])
    rb = (b2[0] - b1[0]) / (b2[1] - b1[1])
    check(ra > 0 and rb > 0, "a machine did not run: counts/s MAINT %.0f, OPERATOR %.0f" % (ra, rb))
    share = ra / (ra + rb)
    check(0.4 <= share <= 0.6, "unfair shares: MAINT %.0f%%, OPERATOR %.0f%% (counts/s %.0f and %.0f)"
          % (100 * share, 100 - 100 * share, ra, rb))
    cpu = []
    for t in (m, o):
        q = t.command("#CP QUERY TIME", r"\nCONNECT= \d\d:\d\d:\d\d VIRTCPU= (\d{3}):(\d\d\.\d\d) TOTCPU= ")
        cpu.append(int(q.group(1)) * 60 + float(q.group(2)))
    check(min(cpu) > 0.1, "QUERY TIME shows no virtual CPU time for a spinning machine: %s" % cpu)
    m.wait_status("RUNNING")
    o.wait_status("RUNNING")
    logoff(m, o, u)


def test_a_stuck_machine_does_not_stop_other_users(sys):
    m = maint(sys)
    a = logon(sys, "USER01")
    b = logon(sys, "USER02")
    c = logon(sys, "USER03")
    # MAINT: a disabled wait
    ipl(m, "echo")
    m.command("END", r"\nDMKDSP450W CP ENTERED; DISABLED WAIT PSW")
    # USER01: a program interruption loop
    m.command("DETACH 00C", r"\nRDR 00C DETACHED$")
    a.command("DETACH 00C", r"\nRDR 00C DETACHED$")      # the spooled readers
    b.command("DETACH 00C", r"\nRDR 00C DETACHED$")
    m.command("ATTACH 01C TO USER01 AS 00C", r"\nRDR 01C ATTACHED TO USER01 00C$")
    a.wait(r"^RDR 00C ATTACHED$")
    ipl(a, "pgmloop")
    m.command("DETACH 01C FROM USER01", r"\nRDR 01C DETACHED USER01$")
    a.wait(r"^RDR 00C DETACHED BY MAINT$")
    # USER02: spinning
    m.command("ATTACH 01C TO USER02 AS 00C", r"\nRDR 01C ATTACHED TO USER02 00C$")
    ipl(b, "spin")

    # USER03 is answered at once, and gets its own errors
    timed(c, "QUERY TIME", QUERY_TIME)
    timed(c, "QUERY NAMES", r"\nMAINT    - 0[CD][0-9A-F], USER01   - 0[CD][0-9A-F], USER02   - 0[CD][0-9A-F], USER03   - 0[CD][0-9A-F]$")
    timed(c, "STORE 100000 1", r"\nDMKCDS160E HEXLOC 100000 EXCEEDS STORAGE$")
    timed(c, "STORE FFFFC 1", r"\nSTORE COMPLETE$")
    timed(c, "D FFFFC", r"\n0FFFF0 +00000001$")
    timed(c, "DETACH 00F", r"\nDMKVDD040E DEV 00F DOES NOT EXIST$")
    timed(c, "ATTACH 01C * 00C", r"\nDMKCFC001E \?CP: ATTACH$")       # class G
    # MAINT, in its disabled wait, is a class B user still
    timed(m, "DETACH 0AA", r"\nDMKVDD040E DEV 0AA DOES NOT EXIST$")
    timed(m, "ATTACH 0FF * 0FF", r"\nDMKVDA040E DEV 0FF DOES NOT EXIST$")
    timed(m, "ATTACH 130 * 130", r"\nDMKVDA122E DEV 130 IN USE BY SYSTEM$")
    timed(m, "ATTACH 01C TO USER03 AS 00C", r"\nDMKVDA121E DEV 01C ATTACHED TO USER02$")
    timed(m, "ATTACH 01C TO NOBODY AS 00C", r"\nDMKVDA045E NOBODY NOT LOGGED ON$")
    timed(m, "DETACH 01C FROM USER03", r"\nDMKVDD040E DEV 01C DOES NOT EXIST$")
    # the looping user's CP works, and the spinning machine still runs
    timed(a, "QUERY TIME", QUERY_TIME)
    timed(a, "BEGIN", r"\nDMKDSP450W CP ENTERED; PROGRAM INTERRUPT LOOP$")
    b1 = word(b, SPIN_COUNT, cp=True)
    timed(c, "QUERY USERS", r"\n004 USERS, 000 DIALED$")
    check(word(b, SPIN_COUNT, cp=True) > b1, "USER02's spin stopped")
    b.wait_status("RUNNING")
    logoff(m, a, b, c)
