# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""pytest plugin (-p sp_outcomes): writes the failed tests of a run, with the reason, to
the JSON file named by SP_OUTCOMES, so that bin/test can run them again elsewhere. Each
test is named by its absolute file path, which any later run accepts as an argument."""

import json
import os

import pytest

FAILED = {}


def _reason(report):
    crash = getattr(report.longrepr, "reprcrash", None)
    text = crash.message if crash else str(report.longrepr)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return (lines[-1] if lines else "failed")[:300]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.failed:
        name = "::".join([str(item.path), *report.nodeid.split("::")[1:]])
        FAILED.setdefault(name, _reason(report))


def pytest_sessionfinish(session):
    target = os.environ.get("SP_OUTCOMES")
    if target:
        with open(target, "w", encoding="utf-8") as handle:
            json.dump(FAILED, handle, indent=1, sort_keys=True)
