#!/usr/bin/env python3
"""run.py - run system test modules (tests/system/test_*.py).

  run.py [-j N] [module ...]     run modules, N at a time (default 2)
  run.py --one module [test ...] run one module in this process

Each module gets its own cpcms system (harness.System) unless it defines
SYSTEM = None and starts its own. Tests run in file order; each prints
PASS or FAIL, a failure followed by the diagnostics (Hercules log, last
screens). The last line is "SYSTEM RESULT: N passed, M failed".
"""

import importlib
import os
import re
import subprocess
import sys
import time
import traceback

HERE = os.path.dirname(os.path.realpath(__file__))
sys.path.insert(0, HERE)

import harness  # noqa: E402


def tests_of(mod):
    with open(mod.__file__) as f:
        order = [m.group(1) for m in re.finditer(r"^def (test_\w+)\(", f.read(), re.M)]
    return [(n, getattr(mod, n)) for n in order]


def run_one(name, only):
    mod = importlib.import_module(name)
    passed = failed = 0
    system = None
    try:
        if getattr(mod, "SYSTEM", True) is not None:
            system = (mod.make_system() if hasattr(mod, "make_system") else harness.System(name))
            try:
                system.start()
            except Exception as e:
                print("FAIL %s: the system did not start: %s" % (name, e), flush=True)
                print("SYSTEM RESULT: 0 passed, %d failed" % len(tests_of(mod)), flush=True)
                return 1
        for tname, fn in tests_of(mod):
            if only and tname not in only:
                continue
            t0 = time.time()
            try:
                fn(system)
                passed += 1
                print("PASS %s.%s (%.1fs)" % (name, tname, time.time() - t0), flush=True)
            except Exception as e:
                failed += 1
                print("FAIL %s.%s (%.1fs): %s" % (name, tname, time.time() - t0, e), flush=True)
                if not isinstance(e, harness.TestFailure):
                    traceback.print_exc(file=sys.stdout)
                sysobj = system or getattr(mod, "LAST_SYSTEM", None)
                if sysobj:
                    print(sysobj.diagnostics(), flush=True)
                if system:
                    # the next test starts from a clean system
                    try:
                        system.stop()
                    except Exception:
                        system.kill()
                    system.start()
    finally:
        if system:
            try:
                system.stop()
            except Exception:
                system.kill()
            if system.running():
                system.kill()
    print("SYSTEM RESULT: %d passed, %d failed" % (passed, failed), flush=True)
    return 1 if failed else 0


def main():
    args = sys.argv[1:]
    if args and args[0] == "--one":
        return run_one(args[1], set(args[2:]))
    jobs = 2
    if args and args[0] == "-j":
        jobs = int(args[1])
        args = args[2:]
    modules = args or sorted(f[:-3] for f in os.listdir(HERE) if f.startswith("test_") and f.endswith(".py"))
    passed = failed = 0
    pending = list(modules)
    running = []
    while pending or running:
        while pending and len(running) < jobs:
            m = pending.pop(0)
            p = subprocess.Popen([sys.executable, __file__, "--one", m], stdout=subprocess.PIPE,
                                 stderr=subprocess.STDOUT, text=True)
            running.append((m, p))
        for m, p in list(running):
            if p.poll() is None:
                continue
            running.remove((m, p))
            out = p.stdout.read()
            sys.stdout.write(out)
            r = re.search(r"SYSTEM RESULT: (\d+) passed, (\d+) failed", out)
            if r:
                passed += int(r.group(1))
                failed += int(r.group(2))
            else:
                failed += 1
                print("FAIL %s: the module ended without a result" % m)
            sys.stdout.flush()
        time.sleep(0.1)
    print("SYSTEM RESULT: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
