"""test_cmscrash.py - CMS files survive a crash: Hercules is killed at
random moments while CRASHW MODULE (tests/cms/crashw.c) rewrites files
on USER06's A-disk. After each kill the host tool must find the disk
consistent (cmsfs opens it with every check of ACCESS) and every file
whole at one generation: all its records from the same generation, as
many as that generation writes. CMS commits a file by writing its data,
chain links and directory blocks first and the master file directory
last, in one block write (docs/cms-disk.md)."""

import os
import random
import re
import subprocess
import time

import harness
from harness import check
from test_cms import logon_cms

USER = "USER06"
ROUNDS = 4
NFILES = 4


def records(g):
    return min(10 + 3 * g, 300)


CRASHW = os.path.join(harness.REPO, "build", "cms", "testmodules", "crashw.module")


def make_system():
    return harness.System("test_cmscrash",
                          prelaunch=lambda s: s.put_module(USER, CRASHW, "CRASHW"))


def generations(system):
    """The generation of each CRASHk DATA file (None if absent); checks
    that each is whole."""
    gens = {}
    r = subprocess.run([harness.CMSFS, "list", "--user", USER, "191", "--state",
                                system.state, "--spec", system.spec],
                               capture_output=True, text=True)
    check(r.returncode == 0, "the disk is not consistent after the crash:\n" + r.stdout + r.stderr)
    for k in range(NFILES):
        name = "CRASH%d DATA" % k
        if not re.search(r"^CRASH%d +DATA " % k, r.stdout, re.M):
            gens[k] = None
            continue
        text = system.get_file(USER, "191", name)
        lines = text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        m = re.match(r"CRASH%d GEN (\d+) REC 1$" % k, lines[0].rstrip())
        check(m, "%s starts with %r" % (name, lines[0]))
        g = int(m.group(1))
        want = ["CRASH%d GEN %d REC %d" % (k, g, i) for i in range(1, records(g) + 1)]
        got = [l.rstrip() for l in lines]
        check(got == want, "%s is not whole at generation %d: %d records, first difference %r" %
              (name, g, len(got), next((a for a, b in zip(got, want) if a != b), got[len(want):][:1])))
        gens[k] = g
    return gens


def test_files_survive_kills(system):
    rnd = random.Random()
    last = {k: 0 for k in range(NFILES)}
    for round_ in range(ROUNDS):
        if round_:
            system.start(fresh=False)
        t = logon_cms(system, USER)
        t.clear()
        t.enter("CRASHW")
        if round_ == 0:
            t.wait(r"CRASHW GENERATION 10", timeout=60)  # every file exists by now
        time.sleep(rnd.uniform(0.2, 2.0))
        check("CRASHW: FSWRITE" not in t.text(), "CRASHW failed:\n" + t.text())
        system.kill()
        gens = generations(system)
        check(sum(g or 0 for g in gens.values()) > sum(last.values()),
              "CRASHW wrote nothing in round %d: %r" % (round_ + 1, gens))
        for k, g in gens.items():
            check(g is not None, "CRASH%d DATA is gone after a crash" % k)
            check(g >= last[k], "CRASH%d DATA went back from generation %d to %d" % (k, last[k], g))
            last[k] = g
    # and CMS itself still reads what it wrote
    system.start(fresh=False)
    t = logon_cms(system, USER)
    t.clear()
    t.enter("LISTFILE CRASH* DATA A ( ALLOC")
    t.wait(r"CRASH3 +DATA +A1 F +80 +%d" % records(last[3]), timeout=30)
    t.close()
