/*
 * ProcessPrng for Wine 8 (Debian 12), which lacks bcryptprimitives.dll. Rust's standard library
 * for Windows draws its random numbers from ProcessPrng, which every Windows since 10 provides;
 * Wine added it in version 9. This stand-in forwards to BCryptGenRandom, which Wine 8 has, so the
 * test suite can run under Wine. It is used by .ci/windows/test only, never shipped.
 */
#include <windows.h>
#include <bcrypt.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    return BCryptGenRandom(NULL, data, (ULONG)length, BCRYPT_USE_SYSTEM_PREFERRED_RNG) == 0;
}
