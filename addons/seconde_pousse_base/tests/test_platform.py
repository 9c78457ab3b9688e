# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The platform the suite runs on: every Python package that an installed module needs
is importable, and staff land on the Seconde Pousse app."""

import importlib
import importlib.metadata
import io

from packaging.requirements import Requirement

from odoo.modules.module import check_python_external_dependency, get_manifest
from odoo.tests import TransactionCase, tagged
from odoo.tools.pdf import PdfFileReader

from .common import make_role_user


def import_names(distribution):
    """The top-level modules a distribution provides (pyOpenSSL provides OpenSSL)."""
    provided = importlib.metadata.packages_distributions()
    names = [
        name for name, dists in provided.items() if distribution.lower() in map(str.lower, dists)
    ]
    return names or [distribution]


@tagged("post_install", "-at_install")
class TestPlatform(TransactionCase):
    def test_external_python_dependencies_of_installed_modules_import(self):
        """An auto-installed module (account_peppol needs phonenumbers) must not break a
        fresh install: requirements/ provides what every installed module declares."""
        modules = self.env["ir.module.module"].search([("state", "=", "installed")])
        checked = {}
        for module in modules:
            python = get_manifest(module.name).get("external_dependencies", {}).get("python", [])
            for dependency in python:
                checked.setdefault(dependency, module.name)
        self.assertIn("phonenumbers", checked)  # the one that broke the nightly
        for dependency, module in sorted(checked.items()):
            with self.subTest(dependency=dependency, module=module):
                check_python_external_dependency(dependency)
                name = Requirement(dependency).name
                for import_name in import_names(name):
                    importlib.import_module(import_name)

    def test_staff_land_on_the_seconde_pousse_app(self):
        """The web client opens the first app of the menu: ours, before Discuss."""
        root = self.env.ref("seconde_pousse_base.menu_root")
        for role in ("coordinator", "supervisor", "counsellor"):
            user = make_role_user(self.env, role, login=f"landing_{role}")
            menus = self.env["ir.ui.menu"].with_user(user).load_menus(debug=False)
            self.assertEqual(menus["root"]["children"][0], root.id, role)

    def test_a_report_of_several_records_prints_on_any_wkhtmltopdf(self):
        """Debian's wkhtmltopdf prints one input document a run: two records still make
        one PDF with a page each (one run each there, one run on the patched binary)."""
        modules = self.env["ir.module.module"].search([("name", "in", ("base", "mail"))])
        report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        pdf, kind = report._render_qweb_pdf("base.ir_module_reference_print", modules.ids)
        self.assertEqual(kind, "pdf")
        pages = len(PdfFileReader(io.BytesIO(pdf)).pages)
        self.assertGreaterEqual(pages, 2)


@tagged("post_install", "-at_install")
class TestCreationMessage(TransactionCase):
    def test_a_record_made_without_a_language_is_announced_in_one_language(self):
        """Data loading and some jobs run with no language: Odoo then named the model in
        English inside a French sentence ("Mail Blacklist créé")."""
        self.env.user.lang = "fr_FR"
        record = self.env(context={})["mail.blacklist"].create({"email": "x@example.com"})
        self.assertIn("Liste noire des e-mails créé", record.message_ids[-1].body)
