/* victim.c: the bystander instance B. It must keep answering correctly
 * whatever the attacker instance A does. */
#include "common.h"
PING
int add(int a, int b) { return a + b; }
