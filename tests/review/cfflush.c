/* cfflush.c: C source only (sfi-cc -shared). The module's "fflush" is two
 * exported const arrays in section .text. The verifier decodes pre+fflush
 * as two movabs instructions; entered at fflush (an STT_OBJECT export,
 * accepted by sfi_lookup/sfi_call_addr) the CPU runs the hidden
 *   mov $42,%edi; jmp +3; mov $231,%eax; syscall
 * i.e. exit_group(42). sfi_instance_free calls the module's fflush export
 * for any instance the host has called: an honest host that only calls
 * ping() and frees the instance exits with status 42 (cfflush_host.c). */
__attribute__((section(".text"), used, aligned(1))) const unsigned char pre[2] = {
    0x48, 0xb8};
__attribute__((section(".text"), used, aligned(1))) const unsigned char fflush[18] = {
    0xbf, 0x2a, 0x00, 0x00, 0x00, 0xeb, 0x03, 0xcc, 0x48,
    0xb8, 0xb8, 0xe7, 0x00, 0x00, 0x00, 0x0f, 0x05, 0xcc};
long ping(long x) { return x + 1; }
