# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""pytest hooks for this repository's own tests (addons/ and tests/).

A skipped test of ours counts as a failure: a test that does not run proves nothing.
Odoo's own tests are collected from outside this folder and keep their normal skips,
which the test command lists with their reason (-rs).
"""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent


def pytest_collection_finish(session):
    """Headless Chromium's first start in a new profile can take more than Odoo's 10 s on
    two busy cores (seen here: the test is then skipped). Give it 30 s, for every test."""
    common = sys.modules.get("odoo.tests.common")
    if common is not None:
        common.CHECK_BROWSER_ITERATIONS = 300


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    ours = ROOT in Path(str(item.path)).resolve().parents
    if ours and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"A Seconde Pousse test was skipped, which counts as a failure: {reason}"
