"""harness.py - system tests: a private cpcms system and real tn3270 clients.

A test module defines functions named test_* taking a `System`; the runner
(tests/system/run.py) starts one system per module with its own state
directory and ports, runs the module's tests in order, and stops it. A
Terminal is an s3270 process (the scriptable member of the x3270 family)
driven through its action language on stdin/stdout.

On failure the runner prints the end of the Hercules log and the last
screen of every terminal, so a failing test explains itself.
"""

import importlib.machinery
import importlib.util
import os
import re
import select
import socket
import subprocess
import time

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.realpath(__file__))))

_loader = importlib.machinery.SourceFileLoader("cpcms_tool", os.path.join(REPO, "tools", "cpcms"))
_spec = importlib.util.spec_from_loader("cpcms_tool", _loader)
cpcms = importlib.util.module_from_spec(_spec)
CMSFS = os.path.join(REPO, "build", "host", "cmsfs")
_loader.exec_module(cpcms)


class TestFailure(AssertionError):
    pass


def check(cond, what):
    if not cond:
        raise TestFailure(what)


def free_port_pair(start=20000, end=60000):
    """A console port p with p+1000 free as well (the HTTP port)."""
    import random
    rnd = random.Random(os.getpid() ^ int(time.time() * 1000))
    for _ in range(500):
        p = rnd.randrange(start, end - 1000)
        if not cpcms.port_in_use(p) and not cpcms.port_in_use(p + 1000):
            return p
    raise RuntimeError("no free ports")


class System:
    """A cpcms system of a test: its own state directory and ports."""

    def __init__(self, name, spec=None, storage=64, spec_changes=None, prelaunch=None):
        """spec_changes: {"KEYWORD": "operands"} replaces (or adds) statements
        of the default system specification for this system only.
        prelaunch(system) runs when the volumes are built, before Hercules
        starts (to put files on minidisks with the host tools)."""
        self.prelaunch = prelaunch
        self.name = name
        self.state = os.path.join(REPO, "build", "test-state", name)
        self.spec = spec or cpcms.DEFAULT_SPEC
        self.spec_changes = spec_changes or {}
        self.storage = storage
        self.sys = cpcms.System(self.state)
        self.sys.quiet = True
        self.port = None
        self.terminals = []

    def start(self, fresh=True, update=True):
        if fresh and os.path.isdir(self.state):
            self.sys.kill()
            subprocess.run(["rm", "-rf", self.state])
        self.port = free_port_pair()
        if self.spec_changes:
            self.spec = self._changed_spec()
        t0 = time.time()
        if self.prelaunch:
            ipl = self.sys.prepare(self.port, self.spec, self.storage, update)
            self.prelaunch(self)
            self.sys.launch(ipl)
            self.sys.wait_for(cpcms.READY, 90, "CP was starting")
        else:
            self.sys.start(self.port, self.spec, self.storage, update=update)
        self.boot_seconds = time.time() - t0
        return self

    def _changed_spec(self):
        os.makedirs(self.state, exist_ok=True)
        base = os.path.dirname(cpcms.DEFAULT_SPEC)
        changes = dict(self.spec_changes)
        out = []
        with open(cpcms.DEFAULT_SPEC) as f:
            for line in f:
                words = line.split()
                kw = words[0].upper() if words else ""
                if kw in changes:
                    line = "%s %s\n" % (kw, changes.pop(kw))
                elif kw == "DIRECT" and not os.path.isabs(words[1]):
                    line = "DIRECT %s\n" % os.path.join(base, words[1])
                out.append(line)
        head = ["%s %s\n" % kv for kv in changes.items()]
        path = os.path.join(self.state, "test.spec")
        with open(path, "w") as f:
            f.writelines(head + out)
        return path

    def put_file(self, userid, vaddr, fileid, data, recfm="V", lrecl=None, binary=False):
        """Write a file onto a user's CMS minidisk with the host tool while
        Hercules is down. data: text (ASCII lines, translated) or bytes."""
        path = os.path.join(self.state, "put-" + fileid.replace(" ", "."))
        with open(path, "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode("ascii"))
        argv = [CMSFS, "write", "--user", userid, vaddr, "--state", self.state,
                "--spec", self.spec] + fileid.split() + [path, "--recfm", recfm]
        if lrecl:
            argv += ["--lrecl", str(lrecl)]
        if binary:
            argv.append("--binary")
        r = subprocess.run(argv, capture_output=True, text=True)
        check(r.returncode == 0, "cmsfs write %s: %s" % (fileid, r.stdout + r.stderr))

    def put_module(self, userid, path, name, vaddr="191"):
        """Put a MODULE file (tools/cmscc's output) on a user's minidisk."""
        argv = [CMSFS, "write", "--user", userid, vaddr, "--state", self.state,
                "--spec", self.spec, name, "MODULE", "A1", path, "--module"]
        r = subprocess.run(argv, capture_output=True, text=True)
        check(r.returncode == 0, "cmsfs write %s MODULE: %s" % (name, r.stdout + r.stderr))

    def get_file(self, userid, vaddr, fileid, binary=False):
        """Read a file of a user's CMS minidisk with the host tool (Hercules down)."""
        argv = [CMSFS, "read", "--user", userid, vaddr, "--state", self.state,
                "--spec", self.spec] + fileid.split()[:2] + ["-"]
        if binary:
            argv.append("--binary")
        r = subprocess.run(argv, capture_output=True)
        check(r.returncode == 0, "cmsfs read %s: %s" % (fileid, r.stderr.decode(errors="replace")))
        return r.stdout if binary else r.stdout.decode("ascii", errors="replace")

    def stop(self):
        for t in list(self.terminals):
            t.close()
        return self.sys.stop()

    def kill(self):
        for t in list(self.terminals):
            t.close()
        self.sys.kill()

    def running(self):
        return self.sys.pid() is not None

    # ------------------------------------------------------------ the system console
    def log(self):
        return self.sys.log_text()

    def herc(self, command):
        """A Hercules panel command (devinit ...); returns its response."""
        return self.sys.herc(command)

    def console(self, line):
        """Type a line at the system console (the 3215 at 009)."""
        self.sys.herc("/" + line)

    def wait_log(self, pattern, timeout=10, after=0):
        """Wait for a regular expression in the Hercules log, from offset `after`."""
        rx = re.compile(pattern, re.M)
        deadline = time.time() + timeout
        while True:
            text = self.log()
            m = rx.search(text, after)
            if m:
                return m
            if time.time() > deadline:
                raise TestFailure("%r did not appear in the Hercules log within %ss" % (pattern, timeout))
            time.sleep(0.05)

    def log_mark(self):
        return len(self.log())

    # ------------------------------------------------------------ terminals
    def terminal(self, devno=None):
        t = Terminal(self, devno)
        self.terminals.append(t)
        return t

    def diagnostics(self):
        out = ["---- Hercules log (last 60 lines) ----", self.sys.tail(60)]
        for t in self.terminals:
            out.append("---- last screen of terminal %s ----" % (t.devno or "?"))
            out.append("\n".join(t.last_screen))
        return "\n".join(out)


class Terminal:
    """One s3270 client connected to the system's tn3270 port."""

    def __init__(self, system, devno=None, model="3279-2"):
        self.system = system
        self.devno = devno
        self.last_screen = []
        self.proc = subprocess.Popen(["s3270", "-model", model], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                     bufsize=0)
        host = "127.0.0.1:%d" % system.port
        if devno:
            host = "%s@%s" % (devno, host)
        self.action("Connect(%s)" % host, timeout=20)

    # ------------------------------------------------------------ s3270 protocol
    def action(self, text, timeout=20):
        """Run one s3270 action; returns its data lines. Raises if it fails."""
        if self.proc.poll() is not None:
            raise TestFailure("s3270 has ended")
        self.proc.stdin.write((text + "\n").encode("utf-8"))
        data, buf = [], b""
        deadline = time.time() + timeout
        while True:
            while b"\n" in buf:
                line, buf = buf.split(b"\n", 1)
                line = line.decode("utf-8", "replace")
                if line.startswith("data: "):
                    data.append(line[6:])
                elif line == "data:":
                    data.append("")
                elif line == "ok":
                    return data
                elif line == "error":
                    raise TestFailure("s3270 action %s failed: %s" % (text, " / ".join(data)))
            left = deadline - time.time()
            if left <= 0:
                raise TestFailure("s3270 action %s did not finish in %ss" % (text, timeout))
            r, _, _ = select.select([self.proc.stdout], [], [], left)
            if r:
                chunk = os.read(self.proc.stdout.fileno(), 65536)
                if not chunk:
                    raise TestFailure("s3270 ended during %s" % text)
                buf += chunk

    def screen(self):
        self.last_screen = self.action("Ascii()")
        return self.last_screen

    def text(self):
        """The screen as text, trailing blanks of each row removed."""
        return "\n".join(l.rstrip() for l in self.screen())

    def status(self):
        """The status area: row 24, columns 61-80."""
        s = self.screen()
        return s[23][60:80].strip() if len(s) >= 24 else ""

    def wait(self, pattern, timeout=10):
        """Wait until the screen matches a regular expression; returns the match."""
        rx = re.compile(pattern, re.M)
        deadline = time.time() + timeout
        while True:
            m = rx.search(self.text())
            if m:
                return m
            if time.time() > deadline:
                raise TestFailure("screen never showed %r; last screen:\n%s" % (pattern, "\n".join(self.last_screen)))
            time.sleep(0.05)

    def wait_status(self, word, timeout=10):
        deadline = time.time() + timeout
        while self.status() != word:
            if time.time() > deadline:
                raise TestFailure("status area never said %r (it says %r); screen:\n%s" % (word, self.status(), "\n".join(self.last_screen)))
            time.sleep(0.05)

    def type(self, text):
        esc = text.replace("\\", "\\\\").replace('"', '\\"')
        self.action('String("%s")' % esc)

    def enter(self, text=""):
        if text:
            self.type(text)
        self.action("Enter()")
        self.action("Wait(10,Unlock)", timeout=15)

    def key(self, name):
        """Clear, PA(1), PA(2), PF(3) ...; returns when the host has unlocked
        the keyboard again."""
        self.action("%s" % (name if "(" in name else name + "()"))
        self.action("Wait(10,Unlock)", timeout=15)

    def count(self, pattern):
        return len(re.findall(pattern, self.text(), re.M))

    # ------------------------------------------------------------ conversations
    def wake(self):
        """The logo screen: the first ENTER only wakes CP."""
        self.wait(r"VM/370 ONLINE")
        self.enter()
        self.wait_status("CP READ")

    def logon(self, userid, password=None):
        password = password if password is not None else userid
        self.wake()
        self.enter("LOGON %s" % userid)
        self.wait(r"ENTER PASSWORD:")
        self.enter(password)
        self.wait(r"(LOGON|RECONNECTED) AT \d\d:\d\d:\d\d")
        self.wait_status("CP READ")

    def clear(self):
        """CLEAR until no output is waiting: an empty output area."""
        for _ in range(50):
            self.key("Clear")
            if self.status() not in ("MORE...", "HOLDING"):
                return
        raise TestFailure("the screen never stopped showing MORE...")

    def command(self, cmd, expect, timeout=10):
        """On a cleared screen, type a command and wait for a response
        matching expect (after the echo of the command)."""
        self.clear()
        self.enter(cmd)
        return self.wait(re.escape(cmd) + r"[\s\S]*" + expect, timeout)

    def close(self):
        if self in self.system.terminals:
            self.system.terminals.remove(self)
        try:
            if self.proc.poll() is None:
                try:
                    self.action("Disconnect()", timeout=5)
                    self.action("Quit()", timeout=5)
                except Exception:
                    pass
                self.proc.wait(timeout=5)
        except Exception:
            self.proc.kill()
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
