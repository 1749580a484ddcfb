/* x87cbcw.c: a module without any x87/MMX instruction. host_env is a
 * host-granted import (thunk in the region: skips its x87 checks while the
 * thread is unmarked); cb is a callback the host made with sfi_callback_new
 * (thunk in host pages: always reloads its own constants, captured when
 * the instance's callback thunks were made).
 *   direct():  host_env() only
 *   via_cb(cb): calls the callback first (which returns normally), then
 *               host_env() in the same call in
 *   via_imp(): calls the host import host_round(1) (a host function that
 *               changes the x87 rounding, e.g. an fesetround wrapper),
 *               then host_env() */
int host_env(void);
int host_round(int up);

int direct(void) { return host_env(); }

int via_cb(int (*cb)(void)) {
  cb();
  return host_env();
}

int via_imp(void) {
  host_round(1);
  int r = host_env();
  host_round(0);
  return r;
}
