"""test_bridge.py - the real unit-record devices and the host file bridge
(docs/spool.md "Real printers, punches and readers", README.md "Moving
files between the host and CMS").

A host text file and a host binary file go to USER05's reader with
`tools/cpcms send` (a deck with an ID card through the real reader 01C);
CMS RECEIVE makes them. USER05 punches them back (PUNCH, DISK DUMP) and
prints the text with the punch and printer spooled TO SYSTEM; the
operator STARTs the real punch 00D and printer 00E; `tools/cpcms get`
turns the punch's cards back into the host files, byte for byte, and
finds the printed lines in printer.txt. A deck without a valid ID card
is discarded with an operator message and reaches no reader.
"""

import os
import re
import subprocess
import time

import harness
from harness import check
from test_cms import cms, logon_cms
from test_cmsprog import cms_pages, logoff

TOOL = os.path.join(harness.REPO, "tools", "cpcms")

TEXT = "".join("line %02d: the bridge carries {this} text [ok] |%s|\n" % (i, "x" * (i % 7))
               for i in range(1, 31))
BINARY = bytes(range(256)) * 6 + bytes([0x02, 0xC3, 0xD4, 0xE2, 0x40, 0x00, 0xFF]) * 150 + b"\x15\x25\n"


def make_system():
    return harness.System("test_bridge")


def tool(system, *args, ok=True, timeout=120):
    p = subprocess.run([TOOL] + list(args) + ["--state", system.state], capture_output=True,
                       text=True, timeout=timeout)
    out = p.stdout + p.stderr
    check((p.returncode == 0) == ok, "cpcms %s: rc %d:\n%s" % (" ".join(args), p.returncode, out))
    return out


def host_file(system, name, data):
    path = os.path.join(system.state, name)
    with open(path, "wb") as f:
        f.write(data)
    return path


def operator(system):
    t = system.terminal()
    t.logon("OPERATOR")
    return t


def test_send_text_and_binary_to_a_reader(system):
    txt = host_file(system, "notes.txt", TEXT.encode())
    binf = host_file(system, "blob.bin", BINARY)
    out = tool(system, "send", txt, "--to", "USER05")
    check(re.search(r"sent to USER05 as reader file \d{4}", out), out)
    system.wait_log(r"DMKRSP906I RDR 01C FILE \d{4} TO USER05 CARDS 000031")
    # the second while USER05 is logged on: CP tells it
    t = logon_cms(system, "USER05")
    t.clear()
    out = tool(system, "send", binf, "--to", "user05", "--name", "blob", "data", "--binary")
    spid = re.search(r"sent to USER05 as reader file (\d{4})", out)
    check(spid, out)
    t.wait(r"RDR FILE %s FROM SYSTEM" % spid.group(1))
    out = cms(t, "CP QUERY READER ALL")
    check(re.search(r"USER05 +\d{4} A RDR 000031 01 +NONE .* NOTES +TXT", out), "the reader:\n" + out)
    cms(t, "RECEIVE", r"DMSRDC738I RECORD LENGTH IS 80 BYTES")  # READCARD's, from the :READ card
    cms(t, "LISTFILE NOTES TXT A ( FORMAT", r"NOTES +TXT +A1 F +80")
    cms(t, "RECEIVE", r"BLOB DATA A1")
    out = cms_pages(t, "TYPE NOTES TXT A")
    seen = set(re.findall(r"line (\d\d): the bridge carries \{this\} text", out))
    check(len(seen) == 30, "TYPE NOTES TXT:\n" + out)
    cms(t, "LISTFILE BLOB DATA A ( FORMAT", r"BLOB +DATA +A1 V")
    logoff(t)


def test_punch_and_print_back_to_the_host(system):
    t = logon_cms(system, "USER05")
    cms(t, "CP SPOOL PUNCH TO SYSTEM")
    cms(t, "CP SPOOL PRINTER TO SYSTEM")
    out = cms(t, "PUNCH NOTES TXT A", r"PUN FILE (\d{4}) TO +USER05")
    text_id = int(re.search(r"PUN FILE (\d{4})", out).group(1))
    out = cms(t, "DISK DUMP BLOB DATA A", r"PUN FILE (\d{4}) TO +USER05")
    bin_id = int(re.search(r"PUN FILE (\d{4})", out).group(1))
    out = cms(t, "PRINT NOTES TXT A", r"PRT FILE (\d{4}) TO +USER05")
    prt_id = int(re.search(r"PRT FILE (\d{4})", out).group(1))
    logoff(t)
    op = operator(system)
    op.command("QUERY PUNCH USER05 ALL", r"USER05 +%04d A PUN" % bin_id)
    back = os.path.join(system.state, "notes.back")
    # get --start types START at the system console: nobody is logged on there yet
    out = tool(system, "get", "--punch", back, "--start", ok=False)
    check("a class D user must be logged on there" in out, "get --start:\n" + out)
    mark = system.log_mark()
    system.console("LOGON MAINT CPCMS")
    system.wait_log(r"LINE 009 LOGON  AS MAINT", after=mark)
    # back to the host
    tool(system, "get", "--punch", back, "--spoolid", str(text_id), "--start", "--wait", "30")
    system.wait_log(r"PUN 00D STARTED CLASS \*", after=mark)
    system.wait_log(r"DMKRSP901I PUN 00D FILE %04d USER05 +DONE" % bin_id, timeout=60)
    # the files are gone from the queue once they are out
    op.command("QUERY PUNCH USER05 ALL", r"NO PUN FILES")
    with open(back, "rb") as f:
        got = f.read().decode()
    check(got == TEXT, "the text came back changed:\n%r\n%r" % (got[:300], TEXT[:300]))
    back = os.path.join(system.state, "blob.back")
    tool(system, "get", "--punch", back, "--binary", "--spoolid", str(bin_id), "--wait", "30")
    with open(back, "rb") as f:
        got = f.read()
    check(got == BINARY, "the binary file came back with %d bytes, not %d (or changed)" % (len(got), len(BINARY)))
    # the printer: a class it is not started for stays in the queue
    op.command("START 00E CLASS B9", r"PRT 00E STARTED CLASS B9")
    time.sleep(2.5)
    op.command("QUERY PRINTER USER05 ALL", r"USER05 +%04d A PRT" % prt_id)
    op.command("START 00E CLASS A", r"PRT 00E STARTED CLASS A")
    back = os.path.join(system.state, "printed.back")
    tool(system, "get", "--printer", back, "--spoolid", str(prt_id), "--wait", "60")
    with open(back, encoding="latin-1") as f:
        lines = f.read().splitlines()
    want = [l.rstrip() for l in TEXT.splitlines()]
    check([l for l in lines if l.strip()] == want, "printed lines:\n%s" % "\n".join(lines[:40]))
    with open(os.path.join(system.state, "printer.txt"), encoding="latin-1") as f:
        printed = f.read()
    check(re.search(r"\*  USERID   USER05 +SPOOLID %04d" % prt_id, printed),
          "no separator in printer.txt:\n" + printed[:800])
    check("line 17: the bridge carries {this} text [ok]" in printed, "PRINT's text not in printer.txt")
    # DRAIN: nothing is being written, so at once
    op.command("QUERY 00D", r"\nPUN 00D STARTED CLASS \*\n")
    op.command("DRAIN 00D", r"PUN 00D DRAINED")
    op.command("QUERY 00D", r"\nPUN 00D DRAINED CLASS \*\n")
    op.command("QUERY 01C", r"\nRDR 01C STARTED\n")
    op.command("DRAIN 00E", r"PRT 00E DRAINED")
    op.command("START 00F", r"DMKCSO040E DEV 00F DOES NOT EXIST")
    op.command("START 009", r"DMKCSO047E DEV 009 NOT A SPOOLING DEVICE")
    op.command("FLUSH 00D", r"DMKCSO140E PUN 00D NO FILE ACTIVE")
    op.command("START 00E CLASS ABCDE", r"DMKCSO026E")
    op.command("START 00E NOW", r"DMKCSO003E INVALID OPTION - NOW")
    op.command("START", r"DMKCSO022E")
    op.close()
    system.console("LOGOFF")


def test_deck_without_id_card(system):
    op = operator(system)
    before = op.command("QUERY FILES", r"FILES: +\S+ RDR").group(0)
    nrdr = re.findall(r"FILES: +(\S+) RDR", before)[-1]
    # no ID card at all
    deck = os.path.join(system.state, "noid.deck")
    with open(deck, "wb") as f:
        f.write("HELLO THERE".encode("cp037").ljust(80, b"\x40") + b"\x40" * 80)
    mark = system.log_mark()
    system.herc("devinit 01C %s ebcdic eof" % deck)
    system.wait_log(r"DMKRSP907E RDR 01C NO ID CARD; DECK DISCARDED", after=mark, timeout=30)
    # an ID card and nothing after it
    with open(deck, "wb") as f:
        f.write("ID USER06 NAME EMPTY DECK".encode("cp037").ljust(80, b"\x40"))
    mark = system.log_mark()
    system.herc("devinit 01C %s ebcdic eof" % deck)
    system.wait_log(r"DMKRSP907E RDR 01C NO CARDS AFTER THE ID CARD; DECK DISCARDED", after=mark, timeout=30)
    out = tool(system, "send", host_file(system, "empty.txt", b""), "--to", "USER06", ok=False)
    check("is empty" in out, out)
    # an ID card naming nobody: the host tool says so
    txt = host_file(system, "small.txt", b"one line\n")
    out = tool(system, "send", txt, "--to", "NOBODY9", ok=False)
    check("USERID NOBODY9 NOT IN DIRECTORY" in out, "cpcms send to NOBODY9:\n" + out)
    out = tool(system, "send", txt, "--to", "USER07", "--name", "bad.name", "x", ok=False)
    check("not a CMS file name" in out, out)
    after = op.command("QUERY FILES", r"FILES: +\S+ RDR").group(0)
    check(re.findall(r"FILES: +(\S+) RDR", after)[-1] == nrdr,
          "a reader file was made:\n%s\n%s" % (before, after))
    # a real device attached to a user is the user's: START refuses it;
    # detached, the reader is CP's again
    op.command("DETACH 00C", r"RDR 00C DETACHED")
    op.command("ATTACH 01C * 00C", r"RDR 00C ATTACHED")
    op.command("START 01C", r"DMKCSO121E DEV 01C ATTACHED TO OPERATOR")
    op.command("ATTACH 00E * 00F", r"PRT 00F ATTACHED")
    op.command("START 00E", r"DMKCSO121E DEV 00E ATTACHED TO OPERATOR")
    op.command("QUERY 00E", r"\nPRT 00E ATTACHED TO OPERATOR 00F")
    op.command("DETACH 00F", r"PRT 00F DETACHED")
    op.command("DETACH 00C", r"RDR 00C DETACHED")
    op.close()
    # CP is still well: the reader takes a good deck after the bad ones
    out = tool(system, "send", txt, "--to", "USER06", "--class", "B")
    spid = re.search(r"sent to USER06 as reader file (\d{4})", out)
    check(spid, out)
    op = operator(system)
    op.command("QUERY READER USER06 ALL", r"USER06 +%s B RDR 000002 01 +NONE .* SMALL +TXT" % spid.group(1))
    op.close()


BIG = "".join("big %04d: a long print file for FLUSH and DRAIN\n" % i for i in range(1, 301))


def print_big(system, userid, copies):
    """userid prints BIG TXT once per entry of copies, with that COPY; the spoolids."""
    big = host_file(system, "big.txt", BIG.encode())
    tool(system, "send", big, "--to", userid, "--name", "BIG", "TXT")
    t = logon_cms(system, userid)
    cms(t, "RECEIVE", r"DMSRDC738I")
    ids = []
    for n in copies:
        out = cms(t, "PRINT BIG TXT A", r"PRT FILE (\d{4}) TO +%s" % userid)
        ids.append(int(re.search(r"PRT FILE (\d{4})", out).group(1)))
        if n != 1:
            cms(t, "CP CHANGE PRINTER %04d COPY %d" % (ids[-1], n), r"0001 FILE CHANGED")
    cms(t, "ERASE BIG TXT A")
    logoff(t)
    return ids


def test_flush_and_drain(system):
    big1, big2 = print_big(system, "USER07", [60, 1])
    op = operator(system)
    op.command("DRAIN 00E", r"PRT 00E DRAINED")
    mark = system.log_mark()
    # on one input line: FLUSH finds the first file being printed
    op.command("START 00E#FLUSH 00E", r"PRT 00E STARTED CLASS (A|\*)")
    system.wait_log(r"DMKRSP903I PRT 00E FILE %04d FLUSHED; HELD" % big1, after=mark, timeout=30)
    # the printer goes on with the next file
    system.wait_log(r"DMKRSP901I PRT 00E FILE %04d USER07 +DONE" % big2, after=mark, timeout=60)
    op.command("QUERY PRINTER USER07 ALL", r"USER07 +%04d A PRT \d{6} 60 +USER" % big1)
    # released with two copies, it is printed whole, twice
    op.command("CHANGE USER07 PRINTER %04d COPY 2 NOHOLD" % big1, r"0001 FILE CHANGED")
    system.wait_log(r"DMKRSP901I PRT 00E FILE %04d USER07 +DONE" % big1, after=mark, timeout=60)
    back = os.path.join(system.state, "big.back")
    tool(system, "get", "--printer", back, "--spoolid", str(big1))
    with open(back, encoding="latin-1") as f:
        lines = [l for l in f.read().splitlines() if l.strip()]
    check(lines == [l for l in BIG.splitlines()] * 2, "the two copies: %d lines, first %r" % (len(lines), lines[:2]))
    # DRAIN while a file is being printed: that file ends, the next waits
    op.command("DRAIN 00E", r"PRT 00E DRAINED")
    big3, big4 = print_big(system, "USER07", [60, 1])
    mark = system.log_mark()
    op.command("START 00E#DRAIN 00E#QUERY 00E",
               r"PRT 00E STARTED.*\n(.*\n)?PRT 00E DRAINING\n(.*\n)?PRT 00E DRAINING CLASS \S+ FILE %04d USER07" % big3)
    system.wait_log(r"DMKRSP901I PRT 00E FILE %04d USER07 +DONE" % big3, after=mark, timeout=120)
    system.wait_log(r"DMKRSP904I PRT 00E DRAINED", after=mark, timeout=10)
    time.sleep(2)
    op.command("QUERY PRINTER USER07 ALL", r"USER07 +%04d A PRT \d{6} 01 +NONE" % big4)
    # a printer being written is CP's: ATTACH finds it in use; idle, it may be attached
    op.command("PURGE USER07 PRINTER ALL", r"FILES? PURGED")
    op.close()
