# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Odoo's own test suites that bin/test runs beside ours, found in either layout.

Usage:
  core_tests.py paths ODOO_PATH [full]   the test paths, one a line
  core_tests.py baseline ODOO_PATH ROOT  the Odoo modules a database without our addons
                                         needs to run them (comma-separated)

The packaged nightly keeps every addon in odoo/addons; a git checkout of the 18.0 branch
keeps most of them in addons/. A suite found in neither is an error, never a silent skip.
"""

import ast
import os
import sys

# The core modules our addons depend on or extend, account's suites on invoices, refunds
# and the portal, and those of sale and stock the canteen supply builds on. "full" adds
# the rest of account and mail.
SUITES = [
    "hr",
    "hr_contract",
    "hr_holidays",
    "maintenance",
    "fleet",
    "hr_skills",
    "membership",
    "portal",
    "account/tests/test_account_move_out_invoice.py",
    "account/tests/test_account_move_out_refund.py",
    "account/tests/test_account_move_in_invoice.py",
    "account/tests/test_account_move_in_refund.py",
    "account/tests/test_portal_invoice.py",
    "account/tests/test_portal_attachment.py",
    # the canteen supply: orders, their deliveries and invoices, lots and their expiry,
    # Factur-X and Chorus Pro (a class alone where the file also holds a slow tour)
    "sale/tests/test_sale_order.py::TestSaleOrder",
    "sale/tests/test_access_rights.py",
    "sale_stock/tests/test_sale_stock.py",
    "sale_stock/tests/test_sale_stock_access_rights.py",
    "stock/tests/test_stock_lot.py",
    "product_expiry",
    "account_edi_ubl_cii/tests/test_ubl_cii.py",
    "l10n_fr_facturx_chorus_pro",
]
FULL_SUITES = ["account", "mail"]
# Installed with the suite by bin/ (see SP_INSTALL in bin/_lib.sh).
EXTRA_MODULES = ["l10n_fr_account"]


def addons_dirs(odoo_path):
    candidates = [os.path.join(odoo_path, "addons"), os.path.join(odoo_path, "odoo", "addons")]
    return [path for path in candidates if os.path.isdir(path)]


def locate(odoo_path, suite):
    suite, sep, selector = suite.partition("::")  # a class of a file: pytest's node id
    module, _sep, rest = suite.partition("/")
    for folder in addons_dirs(odoo_path):
        if os.path.isfile(os.path.join(folder, module, "__manifest__.py")):
            path = os.path.join(folder, module, rest or "tests")
            if os.path.exists(path):
                return path + sep + selector
    raise SystemExit(
        f"Odoo's tests {suite} were not found under {' or '.join(addons_dirs(odoo_path))}: "
        "is ODOO_PATH the Odoo 18.0 Community source?"
    )


def paths(odoo_path, full=""):
    suites = SUITES + (FULL_SUITES if full == "full" else [])
    found = [locate(odoo_path, suite) for suite in suites]
    # a whole module's tests include its single files: keep each path once
    return [path for path in found if not any(path.startswith(f"{other}/") for other in found)]


def baseline(odoo_path, root):
    """Odoo modules our addons depend on, without ours or OCA's: the same Odoo as the
    tested database, minus us."""
    ours = set(os.listdir(os.path.join(root, "addons")))
    odoo_modules = {
        name
        for folder in addons_dirs(odoo_path)
        for name in os.listdir(folder)
        if os.path.isfile(os.path.join(folder, name, "__manifest__.py"))
    }
    modules = set(EXTRA_MODULES)
    for addon in ours:
        manifest = os.path.join(root, "addons", addon, "__manifest__.py")
        if os.path.isfile(manifest):
            with open(manifest, encoding="utf-8") as handle:
                depends = ast.literal_eval(handle.read()).get("depends", [])
            modules |= {name for name in depends if name in odoo_modules}
    modules |= {suite.partition("/")[0] for suite in SUITES}
    return ",".join(sorted(modules))


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    if command == "paths":
        print("\n".join(paths(*args)))
    elif command == "baseline":
        print(baseline(*args))
    else:
        raise SystemExit(__doc__)
