/* bad.h: does not parse: sfi-bindgen must fail, writing nothing. */
int ok(int);
int broken(int x;
