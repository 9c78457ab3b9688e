# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import importlib.util
import threading

from odoo.modules.module import get_manifest
from odoo.tests import new_test_user
from odoo.tools.misc import file_path

ROLE_GROUPS = {
    "coordinator": "seconde_pousse_base.group_coordinator",
    "supervisor": "seconde_pousse_base.group_supervisor",
    "counsellor": "seconde_pousse_base.group_counsellor",
    "accountant": "account.group_account_invoice",
    "hr_officer": "hr.group_hr_user",
    "farmer": "base.group_portal",
    "canteen": "base.group_portal",
}
PORTAL_ROLES = ("farmer", "canteen")


def make_role_user(env, role, login=None, **values):
    """A user of one Seconde Pousse role, with nothing more than that role."""
    groups = ROLE_GROUPS[role]
    if role not in PORTAL_ROLES:
        groups = "base.group_user," + groups
    return new_test_user(env, login=login or f"sp_{role}", groups=groups, **values)


def load_migration(module, version, name):
    """A migration script of an addon (migrations/VERSION/NAME.py), as a module whose
    migrate(cr, version) a test can call."""
    path = file_path(f"{module}/migrations/{version}/{name}.py")
    spec = importlib.util.spec_from_file_location(name.replace("-", "_"), path)
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    return script


class InstallCheckMixin:
    """Proves an addon is installed and the role groups and menu root exist."""

    module = None

    def test_module_installed(self):
        """Installed at the version of its manifest (its migrations ran)."""
        module = self.env["ir.module.module"].search([("name", "=", self.module)])
        self.assertEqual(module.state, "installed")
        self.assertEqual(module.latest_version, get_manifest(self.module)["version"])
        self.assertTrue(module.latest_version.startswith("18.0."))

    def test_the_apps_list_describes_the_addon_in_french(self):
        """The manifest is in English, as OCA's are; the Apps list reads the addon's
        summary (and its name, where French differs) from the addon's catalogue."""
        module = self.env["ir.module.module"].search([("name", "=", self.module)])
        english = module.with_context(lang="en_US")
        french = module.with_context(lang="fr_FR")
        self.assertEqual(english.summary, get_manifest(self.module)["summary"])
        self.assertNotEqual(french.summary, english.summary)
        self.assertTrue(french.shortdesc.startswith("Seconde Pousse – "))

    def test_role_groups_exist(self):
        coordinator = self.env.ref("seconde_pousse_base.group_coordinator")
        supervisor = self.env.ref("seconde_pousse_base.group_supervisor")
        counsellor = self.env.ref("seconde_pousse_base.group_counsellor")
        self.assertIn(supervisor, coordinator.implied_ids)
        self.assertIn(counsellor, coordinator.implied_ids)
        self.assertNotIn(counsellor, supervisor.trans_implied_ids)
        self.assertEqual(coordinator.category_id.name, "Seconde Pousse")

    def test_menu_root_reserved_to_staff_roles(self):
        root = self.env.ref("seconde_pousse_base.menu_root")
        supervisor = self.env.ref("seconde_pousse_base.group_supervisor")
        counsellor = self.env.ref("seconde_pousse_base.group_counsellor")
        self.assertEqual(root.groups_id, supervisor | counsellor)
        farmer = make_role_user(self.env, "farmer", login="install_farmer")
        self.assertTrue(farmer._is_portal())
        self.assertFalse(farmer.groups_id & root.groups_id)
        self.assertFalse(farmer.has_group("seconde_pousse_base.group_supervisor"))


def race(target, runners=2, timeout=60):
    """Run target(index, barrier, outcomes) in `runners` threads that pass the barrier
    together, as clients sending at the same moment; return outcomes, where each
    runner records what it was told."""
    outcomes, barrier = {}, threading.Barrier(runners)
    threads = [
        threading.Thread(target=target, args=(index, barrier, outcomes)) for index in range(runners)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
    return outcomes
