// The declaration in include/fuzzer_support.h is all this target provides; libFuzzer itself comes with
// -sanitize=fuzzer.
#include "fuzzer_support.h"
