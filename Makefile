# cpcms - a VM/370-style CP and CMS on Hercules.
#
#   make            build CP (s390x) and the host tools
#   make run        set up, build, make the volumes on first use, IPL CP, connect c3270
#   make test       set up and run every test; ends with "N passed, N failed"
#   make unit       only the CUnit suites
#   make bench      benchmarks (ratios measured side by side)
#   make clean
#
# Everything is built under build/. The running system's state lives elsewhere
# (tools/cpcms --state, default ~/.cpcms/default), so a rebuild never touches it.

CROSS   ?= s390x-linux-gnu-
S390CC  := $(CROSS)gcc
OBJCOPY := $(CROSS)objcopy
NM      := $(CROSS)nm
HOSTCC  ?= gcc
B       := build
# make V=1 shows the full commands
Q       := $(if $(V),,@)
say      = $(if $(V),,@echo "  $(1)	$(2)")

WARN := -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
        -Wno-unused-parameter

# ---------------------------------------------------------------- portable code
# Compiled for CP (s390x) and for the host (tools and unit tests).
LIB_SRC     := $(wildcard lib/*.c)
CONSOLE_SRC := $(wildcard console/*.c)
DIR_SRC     := $(wildcard cp/dir/*.c)
# The DASD formats CP itself needs (geometry, labels, allocation map).
DASD_PORT   := dasd/ckdgeom.c dasd/volfmt.c
PORTABLE    := $(LIB_SRC) $(CONSOLE_SRC) $(DIR_SRC) $(DASD_PORT)

# ---------------------------------------------------------------- CP
CP_INC   := -nostdinc -isystem $(shell $(S390CC) -print-file-name=include) \
            -Ilib/include -I. -Icp
CP_CFLAGS := -m64 -march=z900 -O2 -g -ffreestanding -msoft-float -mbackchain \
             -fno-pic -fno-pie -fno-common -fno-stack-protector \
             -fno-asynchronous-unwind-tables -fno-delete-null-pointer-checks \
             --param=min-pagesize=0 $(WARN) $(CP_INC)
CP_ASFLAGS := -m64 -march=z900 -g -Icp -I. -Wa,--noexecstack
CP_LDFLAGS := -m64 -nostdlib -static -no-pie -Wl,-T,cp/cp.ld -Wl,--build-id=none \
              -Wl,--no-warn-rwx-segments

CP_C   := $(sort $(wildcard cp/*/*.c)) $(PORTABLE) $(wildcard lib/libc/*.c)
CP_C   := $(filter-out $(DIR_SRC),$(CP_C)) $(DIR_SRC)
CP_ASM := $(sort $(wildcard cp/machine/*.S))
CP_OBJ := $(patsubst %.c,$(B)/s390/%.o,$(CP_C)) $(patsubst %.S,$(B)/s390/%.o,$(CP_ASM))

CPNUC := $(B)/cp/cpnuc.bin

# ---------------------------------------------------------------- host
HOST_CFLAGS := -O2 -g $(WARN) -D_DEFAULT_SOURCE -I. -Icp
SAN_CFLAGS  := -O1 -g $(WARN) -D_DEFAULT_SOURCE -I. -Icp -fsanitize=address,undefined \
               -fno-omit-frame-pointer -fno-sanitize-recover=all

CPVOL_SRC  := $(filter-out $(DASD_PORT),$(wildcard dasd/*.c)) $(PORTABLE)
CPVOL      := $(B)/host/cpvol

# cmsfs: CMS files in and out of minidisks of volume images. Its library
# part (everything but main.c) is in the unit tests too.
CMSFS_LIB  := $(filter-out tools/cmsfs/main.c,$(wildcard tools/cmsfs/*.c))
CMSFS_SRC  := tools/cmsfs/main.c $(CMSFS_LIB) $(wildcard cms/fs/*.c) \
              $(filter-out dasd/cpvol.c,$(CPVOL_SRC))
CMSFS      := $(B)/host/cmsfs

# CP modules written to run on the host too (no inline assembly, guest
# storage only through struct gmem): the unit tests run them there.
CP_PORTABLE := cp/kern/alloc.c cp/cons/lineedit.c $(wildcard cp/hw/*.c) \
               $(wildcard cp/mm/dat370.c cp/mm/shadow.c cp/io/ccwtrans.c cp/sim/insn.c) \
               cp/sim/diag_rules.c cp/spool/spoolfmt.c cp/spool/ckptfmt.c cp/spool/urccw.c \
               cp/spool/idcard.c
# CMS modules written to run on the host too: the file system, the EXEC
# interpreter and the editor (they do I/O only through their callers).
CMS_PORTABLE := $(wildcard cms/fs/*.c cms/exec/*.c cms/edit/*.c)
# The portable part of the C runtime of CMS programs (cms/lib): plists, fopen's arguments.
CMSLIB_PORTABLE := cms/lib/plist.c cms/lib/fmode.c
UNIT_SRC   := $(wildcard tests/unit/*.c) $(filter-out dasd/cpvol.c,$(CPVOL_SRC)) $(CP_PORTABLE) \
              $(CMS_PORTABLE) $(CMSFS_LIB) $(CMSLIB_PORTABLE) \
              $(filter-out %/main.c,$(wildcard cms/util/*/*.c))
UNITTESTS  := $(B)/host/unittests

.PHONY: all cp cms cmsprogs tools guests diagnose unit test systest bench run setup clean format
all: cp cms tools guests

cp: $(CPNUC)
tools: $(CPVOL) $(CMSFS)

$(B)/s390/%.o: %.c
	@mkdir -p $(dir $@)
	$(call say,CC,$<)
	$(Q)$(S390CC) $(CP_CFLAGS) -MMD -MP -c $< -o $@

$(B)/s390/%.o: %.S
	@mkdir -p $(dir $@)
	$(call say,AS,$<)
	$(Q)$(S390CC) $(CP_ASFLAGS) -MMD -MP -c $< -o $@

$(B)/cp/cp.elf: $(CP_OBJ) cp/cp.ld
	@mkdir -p $(dir $@)
	$(call say,LD,$@)
	$(Q)$(S390CC) $(CP_LDFLAGS) -o $@ $(CP_OBJ) -lgcc
	$(Q)$(NM) -n $@ > $(B)/cp/cp.map

$(CPNUC): $(B)/cp/cp.elf
	$(Q)$(OBJCOPY) -O binary $< $@

# ---------------------------------------------------------------- CMS
# The nucleus: 31-bit code for the virtual machine (cms/nucleus/cms.ld),
# the portable CMS modules, and the shared runtime. Its image goes on the
# system disk (MAINT 190) after the file system, with the IPL records
# (cms/nucleus/boot.S) in blocks 1 and 2.
CMS_GENDATE := $(shell date -u +'%m/%d/%y %H:%M')
CMS_INC    := -nostdinc -isystem $(shell $(S390CC) -print-file-name=include) -Ilib/include -I.
CMS_CFLAGS := -m31 -march=z900 -mesa -O2 -g -ffreestanding -msoft-float -fno-pic -fno-pie \
              -fno-common -fno-stack-protector -fno-asynchronous-unwind-tables \
              -fno-delete-null-pointer-checks --param=min-pagesize=0 $(WARN) $(CMS_INC) \
              -DCMS_GENDATE='"$(CMS_GENDATE)"'
CMS_ASFLAGS := -m31 -march=z900 -g -I. -Wa,--noexecstack
CMS_C      := $(sort $(wildcard cms/nucleus/*.c cms/cmd/*.c)) $(filter-out cms/edit/%,$(CMS_PORTABLE)) cms/lib/plist.c \
              $(LIB_SRC) $(CONSOLE_SRC) $(wildcard lib/libc/*.c)
CMS_OBJ    := $(patsubst %.c,$(B)/cms/%.o,$(CMS_C)) $(B)/cms/cms/nucleus/start.o
CMSNUC     := $(B)/cms/cmsnuc.bin
CMSBOOT    := $(B)/cms/cmsboot.bin

cms: $(CMSNUC) $(CMSBOOT) cmsprogs

$(B)/cms/%.o: %.c
	@mkdir -p $(dir $@)
	$(call say,CC31,$<)
	$(Q)$(S390CC) $(CMS_CFLAGS) -MMD -MP -c $< -o $@

$(B)/cms/cms/nucleus/start.o: cms/nucleus/start.S cms/nucleus/lowcore.h
	@mkdir -p $(dir $@)
	$(call say,AS31,$<)
	$(Q)$(S390CC) $(CMS_ASFLAGS) -c $< -o $@

$(B)/cms/cms.elf: $(CMS_OBJ) cms/nucleus/cms.ld
	$(call say,LD,$@)
	$(Q)$(S390CC) -m31 -nostdlib -static -no-pie -Wl,-T,cms/nucleus/cms.ld -Wl,--build-id=none \
	    -Wl,--no-warn-rwx-segments -o $@ $(CMS_OBJ) -lgcc
	$(Q)$(NM) -n $@ > $(B)/cms/cms.map

$(CMSNUC): $(B)/cms/cms.elf
	$(Q)$(OBJCOPY) -O binary $< $@

$(CMSBOOT): cms/nucleus/boot.S
	@mkdir -p $(dir $@)
	$(call say,AS31,$<)
	$(Q)$(S390CC) $(CMS_ASFLAGS) -c $< -o $(B)/cms/boot.o
	$(Q)$(OBJCOPY) -O binary $(B)/cms/boot.o $@

# ---------------------------------------------------------------- CMS programs
# C programs that run on CMS as MODULE files (cms/lib/README.md): the C
# runtime (cms/lib: crt0, the program interface, stdio, stdlib, with the
# shared lib/ and console/ code), linked at X'40000' by cms/lib/module.ld
# and made into a MODULE file by tools/cmscc. Every cms/examples/NAME.c
# and every directory cms/util/NAME/ (its .c files and cms/util/common/*.c)
# becomes $(B)/cms/modules/name.module, which tools/cpcms install_cms puts
# on the system disk as NAME MODULE; the test programs tests/cms/NAME.c
# become $(B)/cms/testmodules/name.module for the system tests.
CMSPROG_INC    := -nostdinc -isystem $(shell $(S390CC) -print-file-name=include) \
                  -Icms/lib/include -Ilib/include -Icms/lib -I.
CMSPROG_CFLAGS := -m31 -march=z900 -mesa -O2 -g -ffreestanding -msoft-float -fno-pic -fno-pie \
                  -fno-common -fno-stack-protector -fno-asynchronous-unwind-tables \
                  -ffunction-sections -fdata-sections --param=min-pagesize=0 $(WARN) $(CMSPROG_INC)
CMSLIB_C   := $(sort $(wildcard cms/lib/*.c)) $(LIB_SRC) lib/libc/string.c console/ebcdic.c \
              cms/fs/fsfst.c
CMSLIB_OBJ := $(patsubst %.c,$(B)/cmsprog/%.o,$(CMSLIB_C))
CMSLIB     := $(B)/cmsprog/libcms.a
CMSCRT0    := $(B)/cmsprog/cms/lib/crt0.o
CMSPROG_LD := $(S390CC) -m31 -nostdlib -static -no-pie -Wl,-T,cms/lib/module.ld -Wl,--gc-sections \
              -Wl,--build-id=none -Wl,--no-warn-rwx-segments
EXAMPLES   := $(patsubst cms/examples/%.c,%,$(wildcard cms/examples/*.c))
UTIL_DIRS  := $(filter-out common,$(patsubst cms/util/%/,%,$(wildcard cms/util/*/)))
UTIL_COMMON := $(wildcard cms/util/common/*.c)
CMSTESTS   := $(patsubst tests/cms/%.c,%,$(wildcard tests/cms/*.c))
MODULES    := $(patsubst %,$(B)/cms/modules/%.module,$(EXAMPLES) $(UTIL_DIRS))
TESTMODULES := $(patsubst %,$(B)/cms/testmodules/%.module,$(CMSTESTS))

cmsprogs: $(CMSLIB) $(CMSCRT0) $(MODULES) $(TESTMODULES)

$(B)/cmsprog/%.o: %.c
	@mkdir -p $(dir $@)
	$(call say,CC31,$<)
	$(Q)$(S390CC) $(CMSPROG_CFLAGS) -MMD -MP -c $< -o $@

$(CMSCRT0): cms/lib/crt0.S
	@mkdir -p $(dir $@)
	$(call say,AS31,$<)
	$(Q)$(S390CC) $(CMS_ASFLAGS) -c $< -o $@

$(CMSLIB): $(CMSLIB_OBJ)
	$(call say,AR,$@)
	$(Q)rm -f $@ && $(CROSS)ar rcs $@ $^

# link(elf, objects[, the name of a variable of more flags])
define cmsprog_link
	@mkdir -p $(dir $(1))
	$(call say,LD,$(1))
	$(Q)$(CMSPROG_LD) $(if $(3),$($(3))) -o $(1) $(CMSCRT0) $(2) $(CMSLIB) -lgcc
endef

# R6's transient commands: linked for the transient area X'40000' (16K
# stack), so a program in the user area may call them (docs/cms.md)
TRANSIENT := access compare disk listfile peek print punch query readcard release rename set \
             sort tell type
TRANSIENT_LD := -Wl,--defsym=__cms_origin=0x40000 -Wl,--defsym=__cms_stack_size=0x4000

$(B)/cms/modules/%.elf: $(B)/cmsprog/cms/examples/%.o $(CMSCRT0) $(CMSLIB) cms/lib/module.ld
	$(call cmsprog_link,$@,$<)

$(B)/cms/testmodules/%.elf: $(B)/cmsprog/tests/cms/%.o $(CMSCRT0) $(CMSLIB) cms/lib/module.ld
	$(call cmsprog_link,$@,$<)

# a utility's sources beyond its directory: EDIT is the editor of cms/edit
UTIL_EXTRA_edit := $(wildcard cms/edit/*.c)
UTIL_EXTRA_sendfile := cms/util/disk/disk.c
UTIL_EXTRA_receive := cms/util/disk/disk.c cms/util/readcard/readcard.c
define util_module
$(B)/cms/modules/$(1).elf: $(patsubst %.c,$(B)/cmsprog/%.o,$(wildcard cms/util/$(1)/*.c) $(UTIL_COMMON) \
                             $(UTIL_EXTRA_$(1))) $(CMSCRT0) $(CMSLIB) cms/lib/module.ld
	$$(call cmsprog_link,$$@,$(patsubst %.c,$(B)/cmsprog/%.o,$(wildcard cms/util/$(1)/*.c) \
	                           $(UTIL_COMMON) $(UTIL_EXTRA_$(1))),$(if $(filter $(1),$(TRANSIENT)),TRANSIENT_LD))
endef
$(foreach d,$(UTIL_DIRS),$(eval $(call util_module,$(d))))

$(B)/cms/%.module: $(B)/cms/%.elf tools/cmscc
	$(Q)python3 tools/cmscc --module $< $@

.SECONDARY: $(MODULES:.module=.elf) $(TESTMODULES:.module=.elf) \
            $(patsubst %,$(B)/cmsprog/cms/examples/%.o,$(EXAMPLES)) \
            $(patsubst %,$(B)/cmsprog/tests/cms/%.o,$(CMSTESTS))

$(CPVOL): $(CPVOL_SRC) $(wildcard */*.h cp/*/*.h lib/*.h)
	@mkdir -p $(dir $@)
	$(call say,HOSTCC,$@)
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -o $@ $(CPVOL_SRC)

$(CMSFS): $(CMSFS_SRC) $(wildcard */*.h cms/*/*.h tools/*/*.h lib/*.h)
	@mkdir -p $(dir $@)
	$(call say,HOSTCC,$@)
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -o $@ $(CMSFS_SRC)

# ---------------------------------------------------------------- guest tests
# Stand-alone S/370 programs (tests/guests/*.S), each assembled at X'1000'
# and made into an IPL card deck $(B)/guests/<name>.deck for a 3505 reader.
GUEST_SRC   := $(wildcard tests/guests/*.S)
GUEST_DECKS := $(patsubst tests/guests/%.S,$(B)/guests/%.deck,$(GUEST_SRC))
GUEST_FLAGS := -m31 -march=z900 -nostdlib -static -no-pie -Wa,--noexecstack \
               -Wl,-Ttext=0x1000 -Wl,--build-id=none -Wl,--no-warn-rwx-segments
# the reader test reads data cards that follow the program in its deck
$(B)/guests/reader.deck: DECKFLAGS := --data-cards 5
# the fuzzer's random channel programs read cards into storage
$(B)/guests/fuzz.deck: DECKFLAGS := --data-cards 2000

guests: $(GUEST_DECKS) diagnose

# ---------------------------------------------------------------- the DIAGNOSE interface
# The conformance programs (diagnose/conformance/*.S) are guest decks like
# the test programs; diagcheck.c compiles every wrapper of diagcall.h for
# the virtual machine (-m31), as CMS will.
DIAG_SRC   := $(wildcard diagnose/conformance/*.S)
DIAG_DECKS := $(patsubst diagnose/conformance/%.S,$(B)/diagnose/%.deck,$(DIAG_SRC))
GUEST_CFLAGS := -m31 -march=z900 -mesa -ffreestanding -O2 $(WARN) -I.

diagnose: $(DIAG_DECKS) $(B)/diagnose/diagcheck.o

$(B)/diagnose/%.deck: diagnose/conformance/%.S diagnose/conformance/diag.inc tests/guests/s370.inc tests/guests/mkdeck.py
	@mkdir -p $(dir $@)
	$(call say,GUEST,$@)
	$(Q)$(S390CC) $(GUEST_FLAGS) -Itests/guests -o $(B)/diagnose/$*.elf $<
	$(Q)$(OBJCOPY) -O binary $(B)/diagnose/$*.elf $(B)/diagnose/$*.bin
	$(Q)python3 tests/guests/mkdeck.py $(B)/diagnose/$*.bin $@ --load 0x1000

$(B)/diagnose/diagcheck.o: diagnose/diagcheck.c diagnose/diagcall.h diagnose/diag.h
	@mkdir -p $(dir $@)
	$(call say,CC31,$<)
	$(Q)$(S390CC) $(GUEST_CFLAGS) -c $< -o $@

$(B)/guests/%.deck: tests/guests/%.S tests/guests/s370.inc tests/guests/mkdeck.py
	@mkdir -p $(dir $@)
	$(call say,GUEST,$@)
	$(Q)$(S390CC) $(GUEST_FLAGS) -o $(B)/guests/$*.elf $<
	$(Q)$(OBJCOPY) -O binary $(B)/guests/$*.elf $(B)/guests/$*.bin
	$(Q)python3 tests/guests/mkdeck.py $(B)/guests/$*.bin $@ --load 0x1000 $(DECKFLAGS)

$(UNITTESTS): $(UNIT_SRC) $(wildcard */*.h cp/*/*.h cms/*/*.h cms/util/*/*.h tools/*/*.h lib/*.h tests/unit/*.h \
                                       tests/unit/*/*.h)
	@mkdir -p $(dir $@)
	$(call say,HOSTCC,$@)
	$(Q)$(HOSTCC) $(SAN_CFLAGS) -o $@ $(UNIT_SRC) -lcunit

unit: $(UNITTESTS)
	$(UNITTESTS)

setup:
	@tools/setup

test: setup
	@$(MAKE) --no-print-directory all $(UNITTESTS)
	@tests/run

systest: all
	@tests/run --system

IPLFLOOR := $(B)/bench/iplfloor.bin
$(IPLFLOOR): tests/bench/iplfloor.S
	@mkdir -p $(dir $@)
	$(call say,AS,$<)
	$(Q)$(S390CC) $(CP_ASFLAGS) -nostdlib -static -no-pie -Wl,-Ttext=0x10000 -Wl,--build-id=none \
	    -o $(B)/bench/iplfloor.elf $<
	$(Q)$(OBJCOPY) -O binary $(B)/bench/iplfloor.elf $@

# the guest benchmarks: decks run natively and under CP (guestbench: the
# virtual machine's traps; mdbench: minidisk throughput)
BENCH_DECKS := $(B)/bench/guestbench.deck $(B)/bench/mdbench.deck
$(B)/bench/%.deck: tests/bench/%.S tests/guests/s370.inc tests/guests/mkdeck.py
	@mkdir -p $(dir $@)
	$(call say,GUEST,$@)
	$(Q)$(S390CC) $(GUEST_FLAGS) -o $(B)/bench/$*.elf $<
	$(Q)$(OBJCOPY) -O binary $(B)/bench/$*.elf $(B)/bench/$*.bin
	$(Q)python3 tests/guests/mkdeck.py $(B)/bench/$*.bin $@ --load 0x1000

bench: setup
	@$(MAKE) --no-print-directory all $(IPLFLOOR) $(BENCH_DECKS)
	@tests/bench/run

run: setup
	@$(MAKE) --no-print-directory all
	@tools/cpcms run

clean:
	rm -rf $(B)

format:
	clang-format -i $(filter-out console/ebcdic.c,$(shell git ls-files '*.c' '*.h'))

-include $(shell find $(B)/s390 $(B)/cms $(B)/cmsprog -name '*.d' 2>/dev/null)
