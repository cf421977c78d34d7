/* Test scaffolding for Wine only, never shipped: Qt6Core.dll imports these ICU converter
 * functions from Windows 10's system icuuc.dll, which Wine 8 lacks. Every converter is
 * "unavailable", so Qt falls back to its own codecs. Built by scripts/windows-test.sh with
 * x86_64-w64-mingw32-gcc -shared and placed in the Wine prefix's system32. */
#include <stddef.h>

#define EXPORT __declspec(dllexport)
#define U_FILE_ACCESS_ERROR 4

typedef int UErrorCode;

static void fail(UErrorCode *err) { if (err && *err <= 0) *err = U_FILE_ACCESS_ERROR; }

EXPORT void *ucnv_open(const char *name, UErrorCode *err) { (void)name; fail(err); return NULL; }
EXPORT void ucnv_close(void *cnv) { (void)cnv; }
EXPORT void ucnv_reset(void *cnv) { (void)cnv; }
EXPORT int ucnv_countAvailable(void) { return 0; }
EXPORT const char *ucnv_getAvailableName(int n) { (void)n; return NULL; }
EXPORT const char *ucnv_getStandardName(const char *name, const char *standard,
                                        UErrorCode *err) {
  (void)name; (void)standard; fail(err); return NULL;
}
EXPORT const char *ucnv_getName(const void *cnv, UErrorCode *err) { (void)cnv; fail(err); return NULL; }
EXPORT signed char ucnv_getMaxCharSize(const void *cnv) { (void)cnv; return 1; }
EXPORT void ucnv_getToUCallBack(const void *c, void **a, const void **b) { (void)c; (void)a; (void)b; }
EXPORT void ucnv_getFromUCallBack(const void *c, void **a, const void **b) { (void)c; (void)a; (void)b; }
EXPORT void ucnv_setToUCallBack(void *c, void *a, const void *b, void **d, const void **e,
                                UErrorCode *err) { (void)c; (void)a; (void)b; (void)d; (void)e; fail(err); }
EXPORT void ucnv_setFromUCallBack(void *c, void *a, const void *b, void **d, const void **e,
                                  UErrorCode *err) { (void)c; (void)a; (void)b; (void)d; (void)e; fail(err); }
EXPORT void ucnv_toUnicode(void *c, void **t, const void *tl, const char **s, const char *sl,
                           int *o, signed char f, UErrorCode *err) {
  (void)c; (void)t; (void)tl; (void)s; (void)sl; (void)o; (void)f; fail(err);
}
EXPORT void ucnv_fromUnicode(void *c, char **t, const char *tl, const void **s, const void *sl,
                             int *o, signed char f, UErrorCode *err) {
  (void)c; (void)t; (void)tl; (void)s; (void)sl; (void)o; (void)f; fail(err);
}
EXPORT int ucnv_toUCountPending(const void *c, UErrorCode *err) { (void)c; fail(err); return 0; }
EXPORT int ucnv_fromUCountPending(const void *c, UErrorCode *err) { (void)c; fail(err); return 0; }
EXPORT void ucnv_cbToUWriteUChars(void *a, const void *s, int l, int o, UErrorCode *err) {
  (void)a; (void)s; (void)l; (void)o; fail(err);
}
EXPORT void ucnv_cbFromUWriteUChars(void *a, const void **s, const void *sl, int o, UErrorCode *err) {
  (void)a; (void)s; (void)sl; (void)o; fail(err);
}
EXPORT void UCNV_FROM_U_CALLBACK_SUBSTITUTE(void) {}
EXPORT void UCNV_TO_U_CALLBACK_SUBSTITUTE(void) {}
