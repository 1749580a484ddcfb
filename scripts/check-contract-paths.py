#!/usr/bin/env python3
"""check-contract-paths.py: docs/contract.md names files in backquotes; each
must exist, so that a reader (and this script) can follow it.

  `dir/file` whose first part is a top-level directory of the repository
     (or lit/, relative to tests/): that path, or any path its * matches;
  `file.ext` without a directory (a C, C++, assembly, lit or script file):
     a file of that name somewhere in the repository.
Other backquoted words (`%gs:disp`, `xsave/xrstor`) are not paths.
usage: check-contract-paths.py [REPO] (ctest: docs.contract-paths)."""
import glob
import os
import re
import sys

root = sys.argv[1] if len(sys.argv) > 1 else "."
doc = os.path.join(root, "docs", "contract.md")
text = open(doc, encoding="utf-8").read()
tops = {d for d in os.listdir(root)
        if os.path.isdir(os.path.join(root, d)) and not d.startswith(".")
        and d != "build" and not d.startswith("build-")}
names = set()
for dirpath, dirnames, filenames in os.walk(root):
    dirnames[:] = [d for d in dirnames if not d.startswith(".")
                   and d != "build" and not d.startswith("build-")]
    names.update(filenames)

bad, seen = [], 0
for n, line in enumerate(text.splitlines(), 1):
    for tok in re.findall(r"`([^`\s]+)`", line):
        tok = tok.rstrip(",.;:")
        first = tok.split("/", 1)[0]
        if "/" in tok and (first in tops or first == "lit"):
            seen += 1
            rel = tok if first in tops else "tests/" + tok
            if not glob.glob(os.path.join(root, rel.rstrip("/"))):
                bad.append(f"{doc}:{n}: `{tok}` does not exist")
        elif re.fullmatch(r"[\w.+-]+\.(c|cpp|h|S|s|ll|test|sh|py|ld|def)", tok):
            seen += 1
            if tok not in names:
                bad.append(f"{doc}:{n}: no file named `{tok}` in the tree")
for b in bad:
    print(b, file=sys.stderr)
if seen < 40:
    print(f"{doc}: only {seen} paths found: has the table's form changed?",
          file=sys.stderr)
    sys.exit(1)
print(f"check-contract-paths: {seen} paths, {len(bad)} missing")
sys.exit(1 if bad else 0)
