/* bystander.c: linked into every stress batch so the monitor's second
 * instance can prove it still answers while the first runs random code. */
int add(int a, int b) { return a + b; }
