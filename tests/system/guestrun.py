"""guestrun.py - running stand-alone S/370 programs (card decks) in a CP
virtual machine, shared by test_guests.py (tests/guests/) and
test_diagnose.py (diagnose/conformance/).

A program ends in a disabled wait whose PSW instruction address is its
result code (tests/guests/s370.inc): X'0C0Dpp' pass, X'BADnnn' check nnn
failed, X'EEkccc' an unexpected interruption.

CPRun(name[, spec_changes]) is a cpcms system for a test module (started
at its first use; spec_changes as for harness.System): MAINT logged on
with the real reader 01C attached as its 00C, and the printer, punch,
tape drive and spare disk as 00E, 00D, 181, 190.
run_deck(run, deck) loads a deck into 01C (Hercules devinit), gives
"#CP IPL 00C" and waits for "DMKDSP450W CP ENTERED; DISABLED WAIT PSW".
"""

import os
import re
import subprocess
import time

import harness
from harness import check

CP_TIMEOUT = 30        # seconds from the IPL to CP's message
CP_WAIT_RX = re.compile(r"DMKDSP450W CP ENTERED; (?:DISABLED WAIT PSW '([0-9A-F]{8}) ([0-9A-F]{8})'|(.*))")


def pass_code(source):
    """X'0C0Dpp', pp from the GUEST_START line of the program's source file."""
    with open(source) as f:
        m = re.search(r"^\s*GUEST_START\s+(0x[0-9A-Fa-f]+|\d+)", f.read(), re.M)
    if not m:
        raise harness.TestFailure("%s has no GUEST_START line" % os.path.basename(source))
    return 0x0C0D00 + int(m.group(1), 0)


def explain(code):
    """A result code in words."""
    if code >> 8 == 0x0C0D:
        return "pass code of program %02X" % (code & 0xFF)
    if code >> 12 == 0xBAD:
        return "check %03X failed" % (code & 0xFFF)
    if code >> 16 == 0xEE:
        cls = {1: "external", 2: "SVC", 3: "program", 4: "machine-check", 5: "I/O"}
        return "unexpected %s interruption, code %03X" % (
            cls.get((code >> 12) & 0xF, "?"), code & 0xFFF)
    return "not a result code"


def new_tape(path):
    """An empty, unlabelled tape image for the 3420 (Hercules' hetinit)."""
    if os.path.exists(path):
        os.remove(path)
    r = subprocess.run(["hetinit", "-d", "-n", path], capture_output=True, text=True)
    check(r.returncode == 0 and os.path.exists(path), "hetinit %s: %s%s" % (path, r.stdout, r.stderr))


def deck_tape(deck, path):
    """A tape image (AWS blocks, which Hercules' HET format reads) holding
    the deck, one 80-byte block per card, then a tape mark: an IPL from
    it reads the same chain as from the card reader."""
    with open(deck, "rb") as f:
        data = f.read()
    out, prev = bytearray(), 0
    for i in range(0, len(data), 80):
        card = data[i:i + 80]
        out += len(card).to_bytes(2, "little") + prev.to_bytes(2, "little") + bytes([0xA0, 0])
        out += card
        prev = len(card)
    out += (0).to_bytes(2, "little") + prev.to_bytes(2, "little") + bytes([0x40, 0])
    with open(path, "wb") as f:
        f.write(out)


class CPRun:
    """A module's CP system and MAINT's terminal; also the diagnostics
    of a failed run: the last screen and the end of CP's Hercules log."""

    def __init__(self, name, spec_changes=None):
        self.system = harness.System(name, spec_changes=spec_changes)
        self.term = None
        self.name = None

    def start(self):
        self.system.start()
        self.term = self.system.terminal()
        self.term.logon("MAINT", "CPCMS")
        # the directory's spooled reader, punch and printer make room for the real ones
        for dev in ("RDR 00C", "PUN 00D", "PRT 00E"):
            self.term.command("DETACH " + dev[4:], r"\n%s DETACHED" % dev)
        self.term.command("ATTACH 01C * 00C", r"\nRDR 00C ATTACHED")
        # the real printer and punch, for unitrec; the tape drive with an
        # empty tape mounted (before the ATTACH: mounting makes status)
        self.term.command("ATTACH 00E * 00E", r"\nPRT 00E ATTACHED")
        self.term.command("ATTACH 00D * 00D", r"\nPUN 00D ATTACHED")
        tape = os.path.join(self.system.state, "tape.het")
        new_tape(tape)
        out = self.system.sys.herc("devinit 580 %s" % tape)
        check("HHCPN098I" in out or "initialized" in out, "devinit of the tape said: %s" % out)
        self.term.command("ATTACH 580 * 181", r"\n\w+ +181 ATTACHED")
        # MAINT's own 190 (the CMS system disk) makes room for the spare volume
        self.term.command("DETACH 190", r"\nDASD 190 DETACHED")
        self.term.command("ATTACH 132 * 190", r"\n\w+ +190 ATTACHED")

    def alive(self):
        return self.term is not None and self.system.running() and self.term.proc.poll() is None

    def ensure(self):
        """Started, and started again if it died."""
        if not self.alive():
            self.stop()
            self.start()
        return self

    def stop(self):
        if self.system.running():
            try:
                self.system.stop()
            except Exception:
                self.system.kill()
        self.term = None

    def diagnostics(self):
        if self.term is not None:
            try:
                self.term.screen()  # the screen as it is now
            except Exception:
                pass
        head = "---- guest %s under CP ----\n" % self.name if self.name else ""
        return head + self.system.diagnostics()


def ipl_deck(run, deck, term=None, ipl="00C"):
    """Load deck into the real reader 01C (or for ipl="181" onto the tape
    in the real drive 580) and IPL it from term (MAINT's by default)."""
    check(os.path.exists(deck), "%s is missing: run make" % deck)
    t = term or run.term
    t.clear()
    out = "initialized"   # another device: IPL what it holds
    if ipl == "181":
        tape = os.path.join(run.system.state, "tape.het")
        deck_tape(deck, tape)
        out = run.system.sys.herc("devinit 580 %s" % tape)
    elif ipl == "00C":
        out = run.system.sys.herc("devinit 01C %s ebcdic eof" % deck)
    check("HHCPN098I" in out or "initialized" in out, "devinit said: %s" % out)
    t.enter("#CP IPL %s" % ipl)
    return t


def wait_disabled(t, name, timeout=CP_TIMEOUT):
    """Wait for CP's disabled-wait message on terminal t. Returns
    (psw_text, code, screen)."""
    deadline = time.time() + timeout
    while True:
        screen = t.text()
        m = CP_WAIT_RX.search(screen)
        if m:
            break
        if t.status() == "MORE...":
            t.clear()   # more output than a screen: the message comes after
            continue
        if time.time() > deadline:
            raise harness.TestFailure("%s did not stop in a disabled wait under CP within %ds (status %s)"
                                      % (name, timeout, t.status()))
        time.sleep(0.05)
    if m.group(3) is not None:
        raise harness.TestFailure("%s under CP: DMKDSP450W CP ENTERED; %s" % (name, m.group(3)))
    return "%s %s" % (m.group(1), m.group(2)), int(m.group(2), 16) & 0xFFFFFF, screen


def run_deck(run, deck, name, timeout=CP_TIMEOUT, ipl="00C", term=None):
    """IPL a deck in a virtual machine of run's system (MAINT's, or the
    user's at term) and wait for its disabled wait: (psw_text, code, screen)."""
    run.name = name
    t = ipl_deck(run, deck, term, ipl)
    return wait_disabled(t, name, timeout)
