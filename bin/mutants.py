# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Mutation harness: plants each curated bug of tests/mutants/mutants.toml, one at a
time, and runs the tests that should catch it on a kept database.

    bin/mutants                 every mutant
    bin/mutants ID [ID...]      only these

For each mutant: check its `old` text occurs once, write the change, update the module if
the change is data (XML, CSV) or adds a field, run the tests of its addon (the hinted
files first, then the addon, then the addons built on it) and stop at the first failure.
The mutant is killed if a test failed (the first failing test is named), survived if all
passed. The file is always restored, and the module updated back. Not part of CI: it is
long. Results go to the terminal and to .run/logs/mutants-<time>.txt.
"""

import argparse
import ast
import os
import signal
import subprocess
import sys
import time
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ADDONS = ROOT / "addons"
MUTANTS = ROOT / "tests" / "mutants" / "mutants.toml"


def dependents(addon):
    """The addon, then the addons of ours that depend on it, directly or not."""
    manifests = {
        path.parent.name: ast.literal_eval(path.read_text())
        for path in sorted(ADDONS.glob("*/__manifest__.py"))
    }
    found = [addon]
    changed = True
    while changed:
        changed = False
        for name, manifest in manifests.items():
            if name not in found and set(manifest.get("depends", [])) & set(found):
                found.append(name)
                changed = True
    return found


def test_paths(mutant):
    addon = Path(mutant["file"]).relative_to("addons").parts[0]
    paths = list(mutant.get("first", []))
    for name in dependents(addon):
        tests = f"addons/{name}/tests"
        if (ROOT / tests).is_dir():
            paths.append(tests)
    return addon, paths


def needs_update(mutant):
    return mutant.get("update", False) or not mutant["file"].endswith(".py")


class Runner:
    def __init__(self, args):
        self.args = args
        self.python = str(ROOT / ".venv" / "bin" / "python")
        self.odoo = [self.python, f"{args.odoo_path}/odoo-bin", "-c", args.config]
        self.logs = ROOT / ".run" / "logs"
        self.logs.mkdir(parents=True, exist_ok=True)

    def update(self, addon, log):
        with open(log, "a") as out:
            subprocess.run(
                [
                    *self.odoo,
                    "-d",
                    self.args.db,
                    "-u",
                    addon,
                    "--stop-after-init",
                    "--log-level=warn",
                ],
                stdout=out,
                stderr=subprocess.STDOUT,
                check=True,
                cwd=ROOT,
            )

    def pytest(self, paths, junit, log):
        command = [
            self.python,
            "-m",
            "pytest",
            "-x",
            "-q",
            "-p",
            "no:cacheprovider",
            f"--odoo-config={self.args.config}",
            f"--odoo-database={self.args.db}",
            "--odoo-http",
            "--odoo-log-level=critical",
            f"--junitxml={junit}",
            *paths,
        ]
        with open(log, "a") as out:
            return subprocess.run(command, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT)

    def killer(self, junit):
        try:
            tree = ET.parse(junit)
        except (OSError, ET.ParseError):
            return "(no report)"
        for case in tree.iter("testcase"):
            if case.find("failure") is not None or case.find("error") is not None:
                return f"{case.get('classname')}.{case.get('name')}"
        return "(collection error)"

    def run(self, mutant):
        path = ROOT / mutant["file"]
        original = path.read_text()
        if original.count(mutant["old"]) != 1:
            return "stale", f"`old` occurs {original.count(mutant['old'])} times", 0.0
        addon, paths = test_paths(mutant)
        log = self.logs / f"mutant-{mutant['id']}.log"
        log.write_text("")
        junit = self.logs / f"mutant-{mutant['id']}.xml"
        started = time.monotonic()
        try:
            path.write_text(original.replace(mutant["old"], mutant["new"]))
            if needs_update(mutant):
                self.update(addon, log)
            first = [p for p in paths if "::" in p or p.endswith(".py")]
            rest = [p for p in paths if p not in first]
            for group in (first, rest):
                if group and self.pytest(group, junit, log).returncode != 0:
                    return "killed", self.killer(junit), time.monotonic() - started
            return "survived", "", time.monotonic() - started
        finally:
            path.write_text(original)
            if needs_update(mutant):
                self.update(addon, log)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ids", nargs="*")
    parser.add_argument("--db", default=os.environ.get("SP_MUTANTS_DB", "sp_mutants"))
    parser.add_argument("--config", default=str(ROOT / ".run" / "odoo.conf"))
    parser.add_argument("--odoo-path", default=os.environ.get("ODOO_PATH", "/opt/odoo"))
    args = parser.parse_args()
    # Stopped from outside, it still restores the file it changed (the finally below).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    mutants = tomllib.loads(MUTANTS.read_text())["mutant"]
    if args.ids:
        mutants = [m for m in mutants if m["id"] in args.ids]
    runner = Runner(args)
    report = runner.logs / f"mutants-{time.strftime('%Y%m%d-%H%M%S')}.txt"
    results = []
    for number, mutant in enumerate(mutants, 1):
        outcome, detail, seconds = runner.run(mutant)
        line = f"{number:3}/{len(mutants)} {outcome:8} {mutant['id']:42} {seconds:6.0f} s  {detail}"
        print(line, flush=True)
        results.append((outcome, line))
        with open(report, "a") as out:
            out.write(line + "\n")
    killed = sum(outcome == "killed" for outcome, __ in results)
    summary = (
        f"mutants: {killed}/{len(results)} killed ({100 * killed / max(len(results), 1):.0f} %)"
    )
    for outcome, line in results:
        if outcome != "killed":
            summary += f"\n  NOT KILLED: {line.strip()}"
    print(summary)
    with open(report, "a") as out:
        out.write(summary + "\n")
    print(f"report: {report}")
    return 0 if killed == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
