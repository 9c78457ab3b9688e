"""Print one closing line per pytest run and a total, from their JUnit XML files."""

import sys
import xml.etree.ElementTree as ET


def counts(path):
    root = ET.parse(path).getroot()
    suites = [root] if root.tag == "testsuite" else list(root)
    total = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for suite in suites:
        for key in total:
            total[key] += int(suite.get(key, 0))
    return total


def main(paths):
    grand = {"passed": 0, "failed": 0, "skipped": 0}
    for path in paths:
        c = counts(path)
        failed = c["failures"] + c["errors"]
        passed = c["tests"] - failed - c["skipped"]
        label = path.rsplit("/", 1)[-1].removesuffix(".xml")
        print(f"{label}: {passed} passed, {failed} failed, {c['skipped']} skipped")
        grand["passed"] += passed
        grand["failed"] += failed
        grand["skipped"] += c["skipped"]
    print(f"total: {grand['passed']} passed, {grand['failed']} failed, {grand['skipped']} skipped")
    return 1 if grand["failed"] or not grand["passed"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
