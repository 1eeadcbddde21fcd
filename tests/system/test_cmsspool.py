"""test_cmsspool.py - CMS and the spool: PUNCH, PRINT and READCARD on the
virtual punch, printer and reader that CP spools (docs/spool.md).

A text file is put on USER05's A-disk with the host tool before CP
starts. USER05 punches it to USER06 (SPOOL PUNCH TO), USER06 reads it
with READCARD * (the name from PUNCH's :READ card), and the host tool
finds it byte-exact on USER06's disk afterwards. PRINT goes to USER05's
own reader (SPOOL PRINTER TO *) and READCARD reads the printed lines
back.
"""

import re

import harness
from harness import check
from test_cms import cms, logon_cms
from test_cmsprog import cms_pages, logoff

NOTES = "".join("note %d: the spool carries this line\n" % i for i in range(1, 7))


BINARY = bytes(range(256)) + bytes([0x02, 0xC3, 0xD4, 0xE2]) * 40


LONG = "".join("long file line %03d\n" % i for i in range(1, 101))


def prelaunch(system):
    system.put_file("USER05", "191", "NOTES DATA A1", NOTES, recfm="F", lrecl=80)
    system.put_file("USER05", "191", "LONG DATA A1", LONG, recfm="F", lrecl=80)
    system.put_file("USER05", "191", "BIN DATA A1", BINARY, binary=True)


def make_system():
    return harness.System("test_cmsspool", prelaunch=prelaunch)


def reader_files(t):
    """USER's reader as QUERY READER ALL lists it: the file lines."""
    out = cms(t, "CP QUERY READER ALL")
    return [l.strip() for l in out.splitlines() if re.match(r"^\s*USER\d\d +\d{4} ", l)]


def test_punch_to_another_user_and_readcard(system):
    t = logon_cms(system, "USER05")
    cms(t, "CP SPOOL PUNCH TO USER06")
    out = cms(t, "PUNCH NOTES DATA A", r"PUN FILE (\d{4}) TO +USER06")
    spoolid = re.search(r"PUN FILE (\d{4})", out).group(1)
    cms(t, "PUNCH NOSUCH FILE", r"DMSPUN002E FILE 'NOSUCH FILE \*' NOT FOUND", rc=28)
    logoff(t)
    t = logon_cms(system, "USER06")
    files = reader_files(t)
    check(len(files) == 1 and re.match(r"USER06 +%s A PUN 0+7 01 +NONE" % spoolid, files[0]),
          "USER06's reader: %s" % files)
    cms(t, "READCARD *", r"DMSRDC738I RECORD LENGTH IS 80 BYTES")
    out = cms(t, "TYPE NOTES DATA A")
    check(out.count("the spool carries this line") == 6, "TYPE after READCARD:\n" + out)
    cms(t, "LISTFILE NOTES DATA A ( FORMAT", r"NOTES +DATA +A1 F +80")
    check(reader_files(t) == [], "the file read is still in the reader")
    cms(t, "READCARD *", r"DMSRDC702E NO FILE IN THE READER", rc=8)
    logoff(t)
    system.stop()
    got = system.get_file("USER06", "191", "NOTES DATA A1")
    check([l.rstrip() for l in got.splitlines()] == NOTES.splitlines(),
          "the file came back changed:\n%r" % got)
    system.start(fresh=False, update=False)


def test_print_to_own_reader(system):
    t = logon_cms(system, "USER05")
    cms(t, "CP SPOOL PRINTER TO *")
    cms(t, "PRINT NOTES DATA A ( UPCASE", r"PRT FILE \d{4} TO +USER05")
    files = reader_files(t)
    check(len(files) == 1 and re.match(r"USER05 +\d{4} A PRT 0+6 01 +NONE", files[0]),
          "USER05's reader after PRINT: %s" % files)
    cms(t, "READCARD PRINTED LINES A", r"DMSRDC738I")
    out = cms(t, "TYPE PRINTED LINES A")
    check(out.count("THE SPOOL CARRIES THIS LINE") == 6, "the printed lines:\n" + out)
    cms(t, "PRINT NOTES DATA A ( LINECOUN X", r"DMSPRT029E", rc=24)
    logoff(t)


def test_disk_dump_and_load(system):
    """A binary V file through DISK DUMP and DISK LOAD comes back byte-exact."""
    t = logon_cms(system, "USER05")
    cms(t, "CP SPOOL PUNCH TO USER07")
    cms(t, "DISK DUMP BIN DATA A", r"PUN FILE \d{4} TO +USER07")
    logoff(t)
    t = logon_cms(system, "USER07")
    cms(t, "DISK LOAD", r"BIN DATA A1")
    cms(t, "DISK LOAD", r"DMSDSK702E NO FILE IN THE READER", rc=8)
    logoff(t)
    system.stop()
    got = system.get_file("USER07", "191", "BIN DATA A1", binary=True)
    check(got == BINARY, "DISK LOAD gave %d bytes, not the %d dumped" % (len(got), len(BINARY)))
    system.start(fresh=False, update=False)


def test_sendfile_receive_and_tell(system):
    """SENDFILE to another user, RECEIVE there; the punch's route is put
    back; TELL is CP MSG."""
    t = logon_cms(system, "USER05")
    cms(t, "SENDFILE NOTES DATA A TO USER08", r"DMSSND705I FILE 'NOTES DATA A1' SENT TO USER08")
    cms(t, "CP QUERY VIRTUAL 00D", r"PUN +00D")
    out = cms(t, "CP QUERY VIRTUAL 00D")
    check("USER08" not in out, "the punch is still spooled to USER08:\n" + out)
    cms(t, "SENDFILE NOTES DATA A TO NOBODY9", r"DMSSND020E", rc=40)
    cms(t, "TELL USER05 HELLO MYSELF", r"MSG FROM USER05 +: +HELLO MYSELF")
    logoff(t)
    t = logon_cms(system, "USER08")
    cms(t, "RECEIVE", r"NOTES DATA A1")
    out = cms(t, "TYPE NOTES DATA A")
    check(out.count("the spool carries this line") == 6, "TYPE after RECEIVE:\n" + out)
    cms(t, "RECEIVE", r"DMSRCV702E NO FILE IN THE READER", rc=8)
    logoff(t)


def test_peek_with_diagnose_14(system):
    """PEEK reads reader files with DIAGNOSE X'14' (several 4K buffers)
    and leaves them whole: RECEIVE reads them afterwards."""
    t = logon_cms(system, "USER05")
    cms(t, "CP SPOOL PUNCH TO USER09")
    short = re.search(r"PUN FILE (\d{4})", cms(t, "PUNCH NOTES DATA A")).group(1)
    long_ = re.search(r"PUN FILE (\d{4})", cms(t, "PUNCH LONG DATA A")).group(1)
    logoff(t)
    t = logon_cms(system, "USER09")
    out = cms(t, "PEEK ( FOR 2", r"FILE %s: 2 RECORDS SHOWN" % short)
    check(re.search(r":READ  NOTES +DATA +A1\s*\nnote 1: the spool carries this line", out),
          "PEEK's first records:\n" + out)
    out = cms_pages(t, "PEEK %s ( ALL" % long_)
    check("long file line 100" in out and "FILE %s: 101 RECORDS SHOWN" % long_ in out,
          "PEEK ALL did not reach the last buffer:\n" + out)
    out = cms(t, "PEEK %s ( FOR 1" % long_, r"FILE %s: 1 RECORDS SHOWN" % long_)
    check(":READ  LONG" in out, "a second PEEK does not start at the first record:\n" + out)
    cms(t, "PEEK 9999", r"DMSPEK042E SPOOLID 9999 IS NOT IN YOUR READER", rc=28)
    check(len(reader_files(t)) == 2, "PEEK took a file away: %s" % reader_files(t))
    cms(t, "RECEIVE %s" % long_, r"DMSRDC738I")
    out = cms(t, "TYPE LONG DATA A 100 100", r"long file line 100")
    cms(t, "RECEIVE", r"DMSRDC738I")
    cms(t, "LISTFILE NOTES DATA A", r"NOTES +DATA +A1")
    cms(t, "PEEK", r"DMSPEK702E NO FILE IN THE READER", rc=8)
    logoff(t)
