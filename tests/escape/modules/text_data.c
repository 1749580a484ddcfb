/* text_data.c: C source only, built by sfi-cc. Two const arrays placed in
 * section .text become part of the code segment: the verifier decodes
 * pre's 48 b8 and attack's eight bytes as one `movabs $imm64, %rax` (valid,
 * never reached), but attack is an exported STT_OBJECT, and sfi_call
 * accepts any .dynsym export inside an executable segment (call.c
 * is_export_fn; the verifier's function starts are STT_FUNC only). Called
 * as attack(t, v) it runs the hidden `mov %rsi,(%rdi); ret`: a raw 64-bit
 * store of v at host address t. Found by the adversarial review (branch
 * review); must be refused by the toolchain or the loader, or contained. */
#include "common.h"
PING
__attribute__((section(".text"), used)) const unsigned char pre[2] = {
    0x48, 0xb8};
__attribute__((section(".text"), used)) const unsigned char attack[8] = {
    0x48, 0x89, 0x37, 0xc3, 0xcc, 0xcc, 0xcc, 0xcc};
