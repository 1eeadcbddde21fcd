"""test_volumes.py - the volume builder and CP against bad input: a corrupt
image or a bad statement is reported clearly, naming the problem, and
nothing is written or trusted."""

import os
import re
import shutil
import subprocess

import harness
from harness import check

SYSTEM = None
LAST_SYSTEM = None

REPO = harness.REPO
CPVOL = os.path.join(REPO, "build", "host", "cpvol")
NUCLEUS = os.path.join(REPO, "build", "cp", "cpnuc.bin")
SPEC = os.path.join(REPO, "dasd", "system", "cpcms.spec")
WORK = os.path.join(REPO, "build", "test-state", "volumes")


def cpvol(*args):
    p = subprocess.run([CPVOL] + list(args), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return p.returncode, p.stdout


def fresh_dir(name):
    d = os.path.join(WORK, name)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    return d


def build(d, spec=SPEC):
    rc, out = cpvol("build", spec, d, "--nucleus", NUCLEUS)
    check(rc == 0, "cpvol build failed:\n" + out)
    return os.path.join(d, "cpsys1.3350")


def patch(path, offset, data):
    with open(path, "r+b") as f:
        f.seek(offset)
        f.write(data)


TRACK = 19456  # a 3350 track image
HEADS = 30


def track_offset(cyl, head):
    return 512 + (cyl * HEADS + head) * TRACK


def test_good_volume_checks_clean(_):
    img = build(fresh_dir("good"))
    rc, out = cpvol("check", img)
    check(rc == 0, "check of a fresh volume failed:\n" + out)
    check("no problems found" in out and "19 users" in out, out)
    rc, out = cpvol("list", os.path.join(os.path.dirname(img), "cpusr1.3350"))
    check(rc == 0 and "label CPUSR1" in out and "PERM" in out, out)


def test_damaged_track_header(_):
    img = build(fresh_dir("trackhdr"))
    patch(img, track_offset(100, 7) + 1, b"\x00\x63")  # says cylinder 99
    rc, out = cpvol("check", img)
    check(rc == 1, "a damaged image is reported with exit status 1")
    check("cylinder 100 head 7: the track header says cylinder 99 head 7" in out, out)


def test_damaged_directory(_):
    img = build(fresh_dir("directory"))
    # the DRCT area starts at cylinder 4: page 1 is the first page of the image
    patch(img, track_offset(4, 0) + 5 + 16 + 8 + 4096 + 8 + 200, b"GARBAGE!")
    rc, out = cpvol("check", img)
    check(rc == 1 and "directory image does not match its checksum" in out, out)


def test_cp_refuses_a_damaged_directory(_):
    global LAST_SYSTEM
    sys = harness.System("volumes-cp")
    LAST_SYSTEM = sys
    try:
        sys.start()
        sys.stop()
        img = os.path.join(sys.state, "dasd", "cpsys1.3350")
        patch(img, track_offset(4, 0) + 5 + 16 + 8 + 4096 + 8 + 200, b"GARBAGE!")
        try:
            sys.start(fresh=False, update=False)
            started = True
        except Exception as e:
            started = False
            msg = str(e)
        check(not started, "CP must not come up with a damaged directory")
        check("DMKUDR475E DIRECTORY ON VOLUME CPSYS1 IS DAMAGED (CHECKSUM)" in msg, msg)
    finally:
        sys.kill()


def test_not_an_image(_):
    d = fresh_dir("notimage")
    junk = os.path.join(d, "junk.3350")
    with open(junk, "wb") as f:
        f.write(b"hello world" * 100)
    rc, out = cpvol("check", junk)
    check(rc == 1 and "not a CKD image (no CKD_P370 header)" in out, out)
    img = build(fresh_dir("truncated"))
    with open(img, "r+b") as f:
        f.truncate(track_offset(300, 5))
    rc, out = cpvol("check", img)
    check(rc == 1 and "is not a whole number of 3350 cylinders" in out, out)


def _write(d, name, text):
    p = os.path.join(d, name)
    with open(p, "w") as f:
        f.write(text)
    return p


def test_bad_directory_statement(_):
    d = fresh_dir("baddir")
    with open(os.path.join(REPO, "dasd", "system", "user.direct")) as f:
        lines = f.read().splitlines()
    # line 30 of the directory becomes a broken MDISK statement
    lines.insert(29, " MDISK 191 3350 X12 10 CPUSR1 W")
    _write(d, "user.direct", "\n".join(lines) + "\n")
    spec = open(SPEC).read()
    spec_path = _write(d, "cpcms.spec", spec)
    rc, out = cpvol("build", spec_path, d, "--nucleus", NUCLEUS)
    check(rc == 1, "a bad directory statement fails the build")
    check(re.search(r"user\.direct: line 30: MDISK 191: .*X12", out), out)
    check("nothing was written" in out and not os.path.exists(os.path.join(d, "cpsys1.3350")), out)


def test_bad_specification(_):
    d = fresh_dir("badspec")
    spec = open(SPEC).read().replace("PAGE       7  186", "PAGE       7  999")
    spec = spec.replace("SYSNAME  CPCMS", "SYSNAME  CPCMS\nFROBNICATE 1")
    spec = spec.replace("DIRECT   user.direct", "DIRECT   %s" % os.path.join(REPO, "dasd", "system", "user.direct"))
    p = _write(d, "cpcms.spec", spec)
    rc, out = cpvol("build", p, d, "--nucleus", NUCLEUS)
    check(rc == 1, "a bad specification fails the build")
    check(re.search(r"cpcms\.spec:\d+: unknown statement FROBNICATE", out), out)
    check(re.search(r"cpcms\.spec:\d+: PAGE 7-999: cylinders must lie within 1-554", out), out)
    check(not os.path.exists(os.path.join(d, "cpsys1.3350")), "nothing was written")


def test_update_keeps_data_and_refuses_layout_changes(_):
    d = fresh_dir("update")
    img = build(d)
    usr = os.path.join(d, "cpusr1.3350")
    patch(usr, track_offset(200, 3) + 100, b"USERDATA")  # stands for a user's minidisk
    rc, out = cpvol("update", SPEC, d, "--nucleus", NUCLEUS)
    check(rc == 0 and "nucleus updated" in out, out)
    check("directory rewritten" not in out, "an unchanged directory source is not rewritten")
    with open(usr, "rb") as f:
        f.seek(track_offset(200, 3) + 100)
        check(f.read(8) == b"USERDATA", "update leaves user data alone")
    spec = open(SPEC).read().replace("PERM       1  554", "PERM       1  500")
    spec = spec.replace("DIRECT   user.direct", "DIRECT   %s" % os.path.join(REPO, "dasd", "system", "user.direct"))
    p = _write(d, "changed.spec", spec)
    rc, out = cpvol("update", p, d, "--nucleus", NUCLEUS)
    check(rc == 1 and "changes the layout of volume CPUSR1" in out, out)
    rc, out = cpvol("build", SPEC, d, "--nucleus", NUCLEUS)
    check(rc == 1 and "exists; use update" in out, "build refuses to overwrite volumes:\n" + out)
