# lit configuration: IR tests of the pass (tests/lit) and end-to-end tests
# that build with sfi-cc and run with sfi-run (tests/e2e).
import os
import lit.formats

config.name = "libsfi"
config.test_format = lit.formats.ShTest(True)
config.suffixes = [".ll", ".c", ".test"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.sfi_obj_root, "tests")
config.excludes = ["runtime", "common", "bindgen", "escape", "verify", "review", "diff", "stress", "CMakeLists.txt", "Inputs",
                   "lit.cfg.py", "fuzz"]

bindir = os.path.join(config.sfi_obj_root, "bin")
tools = config.llvm_tools_dir
config.environment["PATH"] = os.pathsep.join(
    [bindir, tools, config.environment.get("PATH", os.environ["PATH"])])

plugin = config.sfi_plugin
config.substitutions.append(("%plugin", plugin))
config.substitutions.append(
    ("%opt", "%s/opt -load-pass-plugin=%s" % (tools, plugin)))
config.substitutions.append(("%clang", "%s/clang" % tools))
config.substitutions.append(
    ("%sfi-clang", "%s/clang -fpass-plugin=%s -fplugin=%s" % (tools, plugin, plugin)))
config.substitutions.append(("%llc", "%s/llc" % tools))
config.substitutions.append(("%objdump", "%s/llvm-objdump" % tools))
config.substitutions.append(("%FileCheck", "%s/FileCheck" % tools))
config.substitutions.append(("%not", "%s/not" % tools))
config.substitutions.append(("%srcroot", config.sfi_src_root))
config.substitutions.append(("%bindir", bindir))
