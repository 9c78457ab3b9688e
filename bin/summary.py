# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The closing lines of bin/test, from the JUnit XML and JSON files of its pytest runs.

Usage: summary.py LOGS_DIR CORE_MODE (0 when Odoo's own tests were not run)

Ours (seconde-pousse): any failure fails, and so does a run that ran no test.
Odoo's (odoo-core): a test that failed with our addons, failed again when run alone with
them, and passed on the same Odoo without them (odoo-core-baseline) fails the run: it
fails because of us. One that fails without our addons too is listed with its reason, and
so is one that failed once but passed when run again (flaky).
"""

import json
import os
import sys
import xml.etree.ElementTree as ET


def counts(logs, label):
    path = os.path.join(logs, f"{label}.xml")
    if not os.path.exists(path):
        return None
    root = ET.parse(path).getroot()
    suites = [root] if root.tag == "testsuite" else list(root)
    total = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for suite in suites:
        for key in total:
            total[key] += int(suite.get(key, 0))
    failed = total["failures"] + total["errors"]
    return {
        "passed": total["tests"] - failed - total["skipped"],
        "failed": failed,
        "skipped": total["skipped"],
    }


def failures(logs, label):
    path = os.path.join(logs, f"{label}.json")
    if not os.path.exists(path):
        return {}
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def exit_code(logs, label):
    path = os.path.join(logs, f"{label}.rc")
    with open(path, encoding="utf-8") as handle:
        return int(handle.read().strip() or 0)


def core_summary(logs):
    """(lines, passed, failed because of us, skipped, problems)"""
    result = counts(logs, "odoo-core")
    if not result or not (result["passed"] + result["failed"]):
        return [], 0, 0, 0, ["Odoo's core tests: the run collected no test."]
    first = failures(logs, "odoo-core")
    again = failures(logs, "odoo-core-again")
    without_us = failures(logs, "odoo-core-baseline")
    for label in ("odoo-core-again", "odoo-core-baseline") if first else ():
        rerun = counts(logs, label) or {"passed": 0, "failed": 0}
        if rerun["passed"] + rerun["failed"] != len(first):
            return [], 0, 0, 0, [f"{label}: the {len(first)} failed tests did not all run again."]
    ours, known, flaky = [], [], []
    for nodeid in sorted(first):
        if nodeid not in again:
            flaky.append((nodeid, first[nodeid]))
        elif nodeid in without_us:
            known.append((nodeid, without_us[nodeid]))
        else:
            ours.append((nodeid, again[nodeid]))
    lines = []
    for title, items in (
        ("FAILS BECAUSE OF OUR ADDONS (passes without them)", ours),
        ("fails without our addons too (not counted against us)", known),
        ("failed once with our addons, passed when run again (flaky)", flaky),
    ):
        lines += [f"odoo-core {title}: {nodeid} — {reason}" for nodeid, reason in items]
    lines.append(
        f"odoo-core: {result['passed']} passed, {len(ours)} failed because of us, "
        f"{len(known)} failing without us too, {len(flaky)} flaky, {result['skipped']} skipped"
    )
    problems = [f"{len(ours)} of Odoo's tests fail because of our addons."] if ours else []
    return lines, result["passed"], len(ours), result["skipped"], problems


def main(logs, core_mode):
    lines, problems = [], []
    passed = failed = skipped = 0
    if core_mode != "0":
        core_lines, passed, failed, skipped, problems = core_summary(logs)
        lines += core_lines
    ours = counts(logs, "seconde-pousse")
    if not ours or not ours["passed"] + ours["failed"]:
        problems.append("Seconde Pousse tests: the run collected no test.")
        ours = ours or {"passed": 0, "failed": 0, "skipped": 0}
    elif exit_code(logs, "seconde-pousse") not in (0, 1):
        problems.append("Seconde Pousse tests: pytest stopped before the end (see above).")
    lines.append(
        f"seconde-pousse: {ours['passed']} passed, {ours['failed']} failed, "
        f"{ours['skipped']} skipped"
    )
    passed, failed = passed + ours["passed"], failed + ours["failed"]
    skipped += ours["skipped"]
    print("\n".join(lines))
    for problem in problems:
        print(f"FAILED: {problem}")
    print(f"total: {passed} passed, {failed} failed, {skipped} skipped")
    return 1 if failed or problems or not passed else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
