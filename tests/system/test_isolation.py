"""test_isolation.py - a virtual machine cannot hurt CP or another machine.

The requirement: a guest issuing random privileged instructions and random
channel programs for several minutes never makes CP fail and never
changes a byte of another virtual machine's storage.

Two guest programs (tests/guests/, what each does is in its header):
fuzz.S fires random privileged and S/370-only instructions, invalid
opcodes and random channel programs (at the real reader 00C and random
device addresses) for ever, adding 1 to the word at X'1200' every 1000
iterations; canary.S fills its storage from X'10000' to X'FFFFF' with
a pattern that depends on the address and keys X'60', then checks it all
again and again (with DAT off, and with DAT on through tables that swap
pages: under CP through CP's shadow tables), adding 1 to X'1200' after
each clean pass, and stops in a disabled wait X'BADnnn' (failing address
at X'1204') when anything changed.

test_fuzz_and_canary_natively runs both on a private S/370 Hercules for
a few seconds: the fuzzer must keep running there, so that a failure
under CP is CP's. test_fuzzer_cannot_touch_the_canary runs them under
CP on one system ("isolation", its own state directory and ports):
USER01 runs the canary, MAINT the fuzzer, USER02 asks CP the time every
CHECK_EVERY seconds for FUZZ_SECONDS (default 150, environment variable
CPCMS_FUZZ_SECONDS). A stopped fuzzer (DMKDSP450W: a program
interruption loop, an invalid PSW ...) is a legitimate outcome of random
PSWs: it is recorded and IPLed again. The test fails when CP abends or
stops answering, when the canary stops, stops counting or shows a
changed word, or when the fuzzer cannot be kept running at all. At the
end CP must shut down in order with both machines still running.
"""

import os
import re
import shutil
import subprocess
import time
import urllib.parse

import harness
import test_guests
from harness import check

SYSTEM = None          # the tests start their own (CP and native Hercules)
LAST_SYSTEM = None     # for the runner's diagnostics

REPO = harness.REPO
DECKS = os.path.join(REPO, "build", "guests")
NATIVE_STATE = os.path.join(REPO, "build", "test-state", "isolation-native")
READER = "01C"         # the system's one real card reader
FUZZ_SECONDS = int(os.environ.get("CPCMS_FUZZ_SECONDS", "150"))
CHECK_EVERY = 10       # seconds between two rounds of checks
RESPONSE_LIMIT = 5.0   # seconds CP may take to answer QUERY TIME
COUNT = 0x1200         # both programs' counters
PATTERN = 0x5A5AA5A5   # canary.S: each word = its address XOR this
CANARY_FROM, CANARY_TO = 0x10000, 0x100000

ABEND_RX = re.compile(r"DMKDMP908I SYSTEM FAILURE.*|HHCCP011I CPU0000: Disabled wait state.*")
QUERY_TIME = r"\nTIME IS \d\d:\d\d:\d\d GMT \w+DAY \d\d/\d\d/\d\d\nCONNECT= \d\d:\d\d:\d\d VIRTCPU= "
STOPPED_RX = re.compile(r"^(DMKDSP450W CP ENTERED; .*|DMKCFG\d\d\d\w .*)$", re.M)

# fuzz.S's statistics: X'1220' ways back to resume, X'1240' program
# interruptions by code
WAYS = ("trailer", "restart", "external", "SVC", "program", "machine check", "I/O")


def abend(log):
    """The first line of a CP failure in a Hercules log, or None. A
    shutdown (DMKCPI960I) ends in a disabled wait too: only the log before
    it counts."""
    cut = log.find("DMKCPI960I")
    m = ABEND_RX.search(log if cut < 0 else log[:cut])
    return m.group(0) if m else None


def deck(name):
    path = os.path.join(DECKS, name + ".deck")
    check(os.path.exists(path), "%s is missing: run make guests" % path)
    return path


# ---------------------------------------------------------------- natively
class NativeRun:
    """A guest on a private S/370 Hercules (the configuration of
    test_guests.py: 2M, 3215 at 009, the deck in a 3505 at 00C)."""

    CONFIG = test_guests.CONFIG

    def __init__(self, name):
        self.name = name
        self.state = os.path.join(NATIVE_STATE, name)
        self.proc = None

    def start(self):
        shutil.rmtree(self.state, ignore_errors=True)
        os.makedirs(self.state)
        port = harness.free_port_pair()
        self.http = port + 1000
        with open(os.path.join(self.state, "hercules.cnf"), "w") as f:
            f.write(self.CONFIG.format(port=port, http=self.http, deck=deck(self.name)))
        with open(os.path.join(self.state, "hercules.rc"), "w") as f:
            f.write("ipl 000C\n")
        env = dict(os.environ, HERCULES_RC=os.path.join(self.state, "hercules.rc"))
        with open(os.path.join(self.state, "hercules.log"), "wb") as out:
            self.proc = subprocess.Popen(["hercules", "-d", "-f", "hercules.cnf"], cwd=self.state, env=env,
                                         stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                                         start_new_session=True)

    def cmd(self, command):
        page = harness.cpcms.http_get(self.http, "/cgi-bin/tasks/cmd?cmd=" + urllib.parse.quote(command), 5)
        m = re.search(r"<PRE>(.*?)</PRE>", page, re.S | re.I)
        return m.group(1) if m else page

    def words(self, addr, n):
        """n fullwords from addr (Hercules' r command), or None."""
        try:
            out = self.cmd("r %X.%X" % (addr, 4 * n))
        except OSError:
            return None
        found = {}
        for m in re.finditer(r"R:([0-9A-F]{8}):K:[0-9A-F]{2}=((?: ?[0-9A-F]{8}){1,4})", out):
            a = int(m.group(1), 16)
            for i, w in enumerate(m.group(2).split()):
                found[a + 4 * i] = int(w, 16)
        ws = [found.get(addr + 4 * i) for i in range(n)]
        return None if None in ws else ws

    def psw(self):
        try:
            m = re.search(r"PSW=([0-9A-F]{8}) ([0-9A-F]{8})", self.cmd("psw"))
        except OSError:
            return None
        return (int(m.group(1), 16), int(m.group(2), 16)) if m else None

    def stop(self):
        if self.proc and self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, 9)
            except OSError:
                pass
        if self.proc:
            self.proc.wait(timeout=10)

    def diagnostics(self):
        try:
            with open(os.path.join(self.state, "hercules.log"), "rb") as f:
                lines = [l for l in f.read().decode("latin-1").splitlines() if l.strip() and "SIGP" not in l]
        except OSError:
            lines = []
        return "---- Hercules log of %s natively (last 40 lines, no SIGP lines) ----\n%s" % (
            self.name, "\n".join(lines[-40:]))


def run_native(name, seconds):
    """Run a never-ending guest natively for `seconds`; returns the counter
    at X'1200' read every second or so (the first reading a few seconds
    after the IPL), and the last reading of X'1200'-X'12BF'."""
    global LAST_SYSTEM
    run = NativeRun(name)
    LAST_SYSTEM = run
    try:
        run.start()
        counts = []
        t0 = time.time()
        while time.time() - t0 < seconds + 2:
            time.sleep(1)
            check(run.proc.poll() is None, "Hercules ended while %s ran natively" % name)
            psw = run.psw()
            if psw and psw[0] & 0x00020000:
                raise harness.TestFailure("%s stopped natively: PSW %08X %08X" % (name, psw[0], psw[1]))
            w = run.words(COUNT, 1)
            if w and time.time() - t0 > 2:
                counts.append((time.time(), w[0]))
        stats = run.words(COUNT, 0x30)
        return counts, stats
    finally:
        run.stop()


def test_fuzz_and_canary_natively(_):
    counts, stats = run_native("canary", 4)
    check(len(counts) >= 2 and counts[-1][1] > counts[0][1] > 0,
          "the canary does not count its passes natively: %s" % [c for _, c in counts])
    check(stats[1] == 0, "the canary found X'%08X' at X'%06X' natively" % (stats[2], stats[1]))
    counts, stats = run_native("fuzz", 12)
    check(len(counts) >= 5, "could not read the fuzzer's counter natively")
    grew = [b[1] > a[1] for a, b in zip(counts, counts[1:])]
    check(all(grew), "the fuzzer stopped counting natively: %s" % [c for _, c in counts])
    rate = (counts[-1][1] - counts[0][1]) * 1000 * 60 / (counts[-1][0] - counts[0][0])
    print("fuzz natively: %d iterations, %.0f per minute; %s" % (stats[1], rate, describe_stats(stats)),
          flush=True)


def describe_stats(stats):
    """fuzz.S's statistics words (from X'1200') in words."""
    ways = ", ".join("%s %d" % (n, stats[8 + i]) for i, n in enumerate(WAYS))
    codes = ", ".join("%02X: %d" % (i, c) for i, c in enumerate(stats[16:48]) if c)
    return "ways back: %s; program interruption codes: %s; seed %08X" % (ways, codes, stats[2])


# ---------------------------------------------------------------- under CP
class IsolationRun:
    """The CP system, the three users' terminals and what happened; the
    diagnostics of a failure: every screen, the fuzzer's last instruction,
    its restarts and the end of the Hercules log."""

    def __init__(self):
        self.system = harness.System("isolation")
        self.terms = {}
        self.events = []
        self.screens = {}

    def note(self, text):
        self.events.append("%s %s" % (time.strftime("%H:%M:%S"), text))

    def logon(self, role, userid, password):
        t = self.system.terminal()
        t.userid = userid
        self.terms[role] = t
        t.logon(userid, password)
        return t

    def keep_screens(self):
        for role, t in self.terms.items():
            try:
                t.screen()
            except Exception:
                pass
            self.screens[role] = "\n".join(t.last_screen)

    def cp_failed(self, running=True):
        """A CP abend, or CP in a disabled wait, in the Hercules log before
        any shutdown (which ends in a disabled wait), or Hercules gone."""
        m = abend(self.system.log())
        if m:
            return m
        if running and not self.system.running():
            return "Hercules has ended"
        return None

    def finish(self):
        """Keep the screens, then stop the system (in order if possible)."""
        self.keep_screens()
        if self.system.running():
            try:
                self.system.stop()
            except Exception:
                self.system.kill()
        if self.system.running():
            self.system.kill()

    def diagnostics(self):
        out = ["---- isolation under CP: events ----"] + self.events
        log = self.system.log()
        at = log.find("DMKDMP908I")
        if at >= 0:
            # CP's failure report (tools/cpcms dump adds the function names)
            lines = [l for l in log[at:].splitlines() if l.strip()]
            out += ["---- CP abend in the Hercules log ----"] + lines[:60]
        lines = [l for l in log.splitlines() if l.strip() and "HHCCF047I" not in l]
        out += ["---- Hercules log (last 60 lines, no HHCCF047I) ----"] + lines[-60:]
        for role, text in self.screens.items():
            out += ["---- last screen of the %s (%s) ----" % (role, self.terms[role].userid), text]
        return "\n".join(out)


def ipl(term, name):
    """Load build/guests/NAME.deck into the real reader and IPL it from the
    user's 00C (IPL from CP READ, #CP IPL while the machine runs); returns
    the screen once CP says RUNNING, or None when the machine stopped at
    once (a DMKDSP450W message, its text in the screen)."""
    out = term.system.herc("devinit %s %s ebcdic eof" % (READER, deck(name)))
    check("HHCPN098I" in out or "initialized" in out, "devinit of the reader said: %s" % out)
    term.clear()
    cmd = "IPL 00C" if term.status() == "CP READ" else "#CP IPL 00C"
    term.enter(cmd)
    deadline = time.time() + 15
    while True:
        text = term.text()
        status = term.status()
        if status == "RUNNING":
            return text
        stopped = STOPPED_RX.search(text)
        if stopped and status == "CP READ":
            return None
        check(time.time() < deadline, "%s did not run within 15s after %s (status %s)" % (name, cmd, status))
        time.sleep(0.1)


def words(term, addr, n=1):
    """n fullwords from addr of the user's machine, by DISPLAY (#CP DISPLAY
    while it runs). A line is "001200  wwwwwwww wwwwwwww ...", blanks for
    words not asked for."""
    prefix = "#CP " if term.status() != "CP READ" else ""
    cmd = "%sD %X.%X" % (prefix, addr, 4 * n)
    term.command(cmd, r"\n%06X " % (addr & ~15), timeout=15)
    text = term.text()
    at = text.rfind(cmd)
    found = {}
    for m in re.finditer(r"^([0-9A-F]{6}) ((?: (?:[0-9A-F]{8}| {8})){1,4})", text[at:], re.M):
        line = int(m.group(1), 16)
        for i in range(4):
            w = m.group(2)[9 * i + 1:9 * i + 9]
            if w.strip():
                found[line + 4 * i] = int(w, 16)
    ws = [found.get(addr + 4 * i) for i in range(n)]
    check(None not in ws, "DISPLAY of %X.%X shows no such words:\n%s" % (addr, 4 * n, text))
    return ws


def output(term, cmd, last, screens=10):
    """All the lines a command writes, over as many screens as it takes
    (CLEAR at MORE...), up to the line matching `last`."""
    term.clear()
    term.enter(cmd)
    rx = re.compile(last, re.M)
    lines = []
    for _ in range(screens):
        deadline = time.time() + 15
        while True:
            text = term.text()
            status = term.status()
            if rx.search(text) or status == "MORE...":
                break
            check(time.time() < deadline, "%s: no end of its output (status %s)" % (cmd, status))
            time.sleep(0.1)
        rows = [l for l in text.splitlines()[:-1] if l.strip() and l.strip() != cmd]
        lines += rows
        if rx.search(text):
            return lines
        term.key("Clear")
    raise harness.TestFailure("%s: more than %d screens of output" % (cmd, screens))


def test_fuzzer_cannot_touch_the_canary(_):
    global LAST_SYSTEM
    run = IsolationRun()
    LAST_SYSTEM = run
    try:
        _fuzz_under_cp(run)
    finally:
        run.finish()
    failed = run.cp_failed(running=False)
    check(not failed, "CP failed: %s" % failed)
    check("DMKCPI961W SYSTEM SHUTDOWN COMPLETE" in run.system.log(),
          "CP did not finish an orderly shutdown with the fuzzer and the canary running")


def _fuzz_under_cp(run):
    run.system.start()
    canary = run.logon("canary", "USER01", "USER01")
    maint = run.logon("fuzzer", "MAINT", "CPCMS")
    watch = run.logon("watcher", "USER02", "USER02")

    # the canary first, on USER01 (the spooled readers make room)
    canary.command("DETACH 00C", r"\nRDR 00C DETACHED$")
    maint.command("DETACH 00C", r"\nRDR 00C DETACHED$")
    maint.command("ATTACH %s TO USER01 AS 00C" % READER, r"\nRDR %s ATTACHED TO USER01 00C$" % READER)
    canary.wait(r"^RDR 00C ATTACHED$")
    check(ipl(canary, "canary") is not None, "the canary stopped at once:\n%s" % canary.text())
    deadline = time.time() + 60
    while words(canary, COUNT)[0] < 1:
        check(time.time() < deadline, "the canary made no pass in 60s")
        time.sleep(1)
    # the reader goes to MAINT, and the fuzzer runs there
    maint.command("DETACH %s FROM USER01" % READER, r"\nRDR %s DETACHED USER01$" % READER)
    canary.wait(r"^RDR 00C DETACHED BY MAINT$")
    maint.command("ATTACH %s * 00C" % READER, r"\nRDR 00C ATTACHED$")
    restarts = []

    def start_fuzz():
        for _ in range(5):
            if ipl(maint, "fuzz") is not None:
                run.note("fuzz IPLed")
                return
            why = STOPPED_RX.search(maint.text())
            restarts.append(why.group(1) if why else "?")
            run.note("fuzz stopped at once: %s" % restarts[-1])
        raise harness.TestFailure("the fuzzer stops at once at every IPL: %s" % restarts[-5:])

    start_fuzz()
    fuzz_base = 0          # iterations / 1000 of the fuzzer's earlier IPLs
    fuzz_last = 0
    canary_first = words(canary, COUNT)[0]
    canary_last = canary_first
    slowest = 0.0
    t_start = time.time()
    rounds = 0
    while time.time() - t_start < FUZZ_SECONDS:
        time.sleep(CHECK_EVERY)
        rounds += 1
        failed = run.cp_failed()
        check(not failed, "CP failed: %s" % failed)

        # CP answers another user at once
        t0 = time.time()
        try:
            watch.command("QUERY TIME", QUERY_TIME, timeout=30)
        except harness.TestFailure as e:
            raise harness.TestFailure("CP did not answer QUERY TIME within 30s while the fuzzer ran: %s" % e)
        took = time.time() - t0
        slowest = max(slowest, took)
        check(took < RESPONSE_LIMIT, "QUERY TIME took %.1fs while the fuzzer ran" % took)

        # the canary runs, counts, and found nothing changed
        ctext, cstatus = canary.text(), canary.status()
        stopped = STOPPED_RX.search(ctext)
        count, bad_at, bad_word, in_dat = words(canary, COUNT, 4)
        found = " found X'%08X' at X'%06X' (DAT %s)" % (
            bad_word, bad_at, "on: a virtual address" if in_dat else "off") if bad_at else ""
        check(cstatus == "RUNNING" and not stopped, "the canary stopped (status %s): %s%s"
              % (cstatus, stopped.group(1) if stopped else ctext, "; it" + found if found else ""))
        check(not bad_at, "the canary" + found)
        check(count > canary_last, "the canary's pass counter stays at %d" % count)
        canary_last = count

        # the fuzzer runs, or is started again
        ftext, fstatus = maint.text(), maint.status()
        why = None
        if fstatus == "CP READ":
            m = STOPPED_RX.search(ftext)
            why = m.group(1) if m else "the machine stopped (no message)"
        else:
            stats = words(maint, COUNT, 8)
            if stats[0] <= fuzz_last:
                why = "no progress: counter %d, last instruction %08X %08X" % (stats[0], stats[4], stats[5])
            else:
                fuzz_last = stats[0]
        if why:
            regs = words(maint, 0x800, 18)
            run.note("fuzz restart after %d iterations: %s; last instruction %08X %08X, GPRs %s, "
                     "PSW for it %08X %08X" % (1000 * fuzz_last, why, *words(maint, 0x1210, 2),
                                               " ".join("%08X" % r for r in regs[:16]), regs[16], regs[17]))
            restarts.append(why)
            fuzz_base += fuzz_last
            fuzz_last = 0
            check(len(restarts) <= max(3, rounds // 2),
                  "the fuzzer cannot be kept running: %d restarts in %d rounds: %s"
                  % (len(restarts), rounds, restarts))
            start_fuzz()
        run.note("round %d: QUERY TIME %.2fs, canary %d passes, fuzz %d iterations, %d restarts"
                 % (rounds, took, canary_last, 1000 * (fuzz_base + fuzz_last), len(restarts)))

    # the end: the canary's storage as it should be, the fuzzer's statistics
    elapsed = time.time() - t_start
    check(canary_last > canary_first, "the canary did not count during the run")
    for addr in (CANARY_FROM, 0x80000, CANARY_TO - 4):
        w = words(canary, addr)[0]
        check(w == addr ^ PATTERN, "the canary's word at X'%06X' is %08X, not %08X" % (addr, w, addr ^ PATTERN))
    check(canary.status() == "RUNNING", "the canary stopped at the end")
    stats = words(maint, COUNT, 0x30) if maint.status() != "CP READ" else None
    total = fuzz_base + fuzz_last
    print("fuzz under CP: %d iterations in %.0fs (%.0f per minute), %d restarts%s; canary %d passes; "
          "slowest QUERY TIME %.2fs%s"
          % (1000 * total, elapsed, total * 1000 * 60 / elapsed, len(restarts),
             (" (%s)" % "; ".join(restarts)) if restarts else "", canary_last - canary_first, slowest,
             ("; last run: " + describe_stats(stats)) if stats else ""), flush=True)
    print("CP's simulation counters (INDICATE PRIVOPS):\n" + "\n".join(
        output(maint, "#CP INDICATE PRIVOPS", r"^SIMULATED \d+ ")), flush=True)
    failed = run.cp_failed()
    check(not failed, "CP failed: %s" % failed)
