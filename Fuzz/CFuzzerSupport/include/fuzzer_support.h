#ifndef FUZZER_SUPPORT_H
#define FUZZER_SUPPORT_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver, for programs that have a main of their own (SwiftPM executables do).
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
