"""test_load.py - 16 terminals at once, and 1,000 commands across them.

Every command is "MSG * <token>": the user sends a message to itself, so
each response names the one command it answers. A response that goes
missing, turns up twice, or shows on another user's screen fails the test.
"""

import re
import threading
import time

import harness
from harness import check

TERMINALS = 16
COMMANDS = 1000


def make_system():
    return harness.System("load")


def test_sixteen_terminals_log_on_at_once(sys):
    terms = [sys.terminal() for _ in range(TERMINALS)]
    errors = []

    def logon(i):
        try:
            terms[i].logon("USER%02d" % (i + 1))
        except Exception as e:
            errors.append("USER%02d: %s" % (i + 1, e))

    threads = [threading.Thread(target=logon, args=(i,)) for i in range(TERMINALS)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    check(not errors, "; ".join(errors))
    m = terms[0].command("QUERY USERS", r"\n(\d\d\d) USERS")
    check(int(m.group(1)) == TERMINALS, "%d users are logged on, not %s" % (TERMINALS, m.group(1)))
    devices = set()
    for i, t in enumerate(terms):
        m = t.command("Q USERS USER%02d" % (i + 1), r"\nUSER%02d   - (0[CD][0-9A-F])" % (i + 1))
        devices.add(m.group(1))
    check(len(devices) == TERMINALS, "each user is on a terminal of its own")


def test_a_thousand_commands(sys):
    terms = sys.terminals
    check(len(terms) == TERMINALS, "the previous test left %d terminals" % TERMINALS)
    per_term = [COMMANDS // TERMINALS + (1 if i < COMMANDS % TERMINALS else 0) for i in range(TERMINALS)]
    errors = []
    done = [0] * TERMINALS
    foreign = re.compile(r"T(\d\d)-\d+")

    def worker(i):
        t = terms[i]
        me = "%02d" % (i + 1)
        try:
            for n in range(per_term[i]):
                token = "T%s-%04d" % (me, n)
                m = t.command("MSG * %s" % token, r"\nMSG FROM USER%s  :  %s$" % (me, re.escape(token)))
                screen = t.text()
                others = [x for x in foreign.findall(screen) if x != me]
                if others:
                    raise harness.TestFailure("USER%s sees another user's message: %s" % (me, others))
                if screen.count(token) != 2:  # the echo and the message, once each
                    raise harness.TestFailure("USER%s: %s appears %d times" % (me, token, screen.count(token)))
                done[i] += 1
        except Exception as e:
            errors.append("USER%s after %d commands: %s" % (me, done[i], e))

    t0 = time.time()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(TERMINALS)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    took = time.time() - t0
    check(not errors, "; ".join(errors[:4]))
    check(sum(done) == COMMANDS, "%d of %d commands answered" % (sum(done), COMMANDS))
    print("     %d commands on %d terminals in %.1f s" % (COMMANDS, TERMINALS, took))
    for i, t in enumerate(terms):
        t.enter("LOGOFF")
    for t in terms:
        t.wait(r"^VM/370 ONLINE")
