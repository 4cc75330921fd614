#!/usr/bin/env python3
"""Fails when Package.swift and the code disagree: every module a target's files import must be a declared
dependency of that target, and every declared dependency must be imported by at least one of its files.
The manifest is a design document (see ARCHITECTURE.md); this keeps it true. Run by `make test`."""
import json
import os
import re
import subprocess
import sys

# Modules of the toolchain and the platform: never declared in the manifest.
SYSTEM = {"Foundation", "FoundationEssentials", "FoundationNetworking", "Glibc", "Musl", "Darwin", "Dispatch",
          "XCTest", "Synchronization", "_Concurrency", "Observation", "os"}
# Dependencies that are there for the build, not for an import: (target, dependency) and the reason.
BUILD_ONLY = {("CLITests", "tgcron"): "the tests run the built binary"}
IMPORT = re.compile(r"^\s*(?:@\w+\s+)*(?:(?:public|internal|package|private|fileprivate)\s+)?import\s+"
                    r"(?:(?:struct|class|enum|func|protocol|typealias|var|let)\s+)?([A-Za-z_][A-Za-z0-9_]*)")


def main() -> int:
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    dump = subprocess.run(["swift", "package", "dump-package"], cwd=root, check=True, capture_output=True, text=True)
    package = json.loads(dump.stdout)
    problems = []
    for target in package["targets"]:
        name, kind = target["name"], target["type"]
        if kind == "system":
            continue
        default = os.path.join("Tests" if kind == "test" else "Sources", name)
        path = os.path.join(root, target.get("path") or default)
        declared = set()
        for dependency in target["dependencies"]:
            for key in ("byName", "target", "product"):
                if key in dependency:
                    declared.add(dependency[key][0])
        imported = {}
        for folder, _, files in os.walk(path):
            for file in files:
                if not file.endswith(".swift"):
                    continue
                with open(os.path.join(folder, file), encoding="utf-8") as handle:
                    for line in handle:
                        match = IMPORT.match(line)
                        if match and match.group(1) not in SYSTEM and match.group(1) != name:
                            imported.setdefault(match.group(1), os.path.relpath(os.path.join(folder, file), root))
        for module in sorted(set(imported) - declared):
            problems.append(f"{name}: imports {module} ({imported[module]}) without declaring it")
        for module in sorted(declared - set(imported) - {d for (t, d) in BUILD_ONLY if t == name}):
            problems.append(f"{name}: declares {module} but no file imports it")
    for problem in problems:
        print(f"Package.swift: {problem}")
    if problems:
        print(f"check-manifest: {len(problems)} difference(s) between Package.swift and the imports")
        return 1
    print("check-manifest: every target's dependencies equal its imports")
    return 0


if __name__ == "__main__":
    sys.exit(main())
