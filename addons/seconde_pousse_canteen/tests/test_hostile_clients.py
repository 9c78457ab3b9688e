# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The hostile-client harness (seconde_pousse_base/tests/hostile.py) over every model and
public method of the canteen addon and every route of its portal, as each role."""

from odoo.tests import tagged

from odoo.addons.seconde_pousse_base.tests.common import make_role_user
from odoo.addons.seconde_pousse_base.tests.hostile import HostileHttpMixin

from .test_portal import CanteenPortalCase


@tagged("post_install", "-at_install")
class TestCanteenHostileClients(HostileHttpMixin, CanteenPortalCase):
    """Two public canteens with their cooks, the week's offer, harvests, an order of each
    canteen, one of them delivered. Every role calls everything."""

    hostile_modules = ("seconde_pousse_canteen",)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.hostile_setup("Hostile clients: canteen")
        cls.counsellor = make_role_user(cls.env, "counsellor", login="hx_cip")
        cls.hostile_roles = {
            "coordinator": cls.coordinator,
            "supervisor": cls.supervisor,
            "counsellor": cls.counsellor,
            "accountant": cls.accountant,
            "farmer": cls.farmer,
            "canteen": cls.cook,
        }
        cls.harvest(cls.tomato, 30)
        cls.harvest(cls.apple, 40)
        order = cls.place(cls.cook, {cls.tomato: 12, cls.apple: 20})
        cls.place(cls.college_cook, {cls.tomato: 10})
        cls.deliver(order)

    def test_models_and_methods(self):
        """Every public method, create, write and unlink of every model of the canteen,
        as each role: refused cleanly or stored and valid."""
        failures = self.explore_models()
        self.assertGreaterEqual(self.hostile_outcomes.counts["methods"], 8)
        self.assertFalse(failures, "\n".join(failures))

    def test_routes(self):
        """Every route of the canteen's portal, as each role and as a visitor: a page or
        a clean error, never a 500."""
        failures = self.explore_routes()
        self.assertGreaterEqual(self.hostile_outcomes.counts["routes"], 5)
        self.assertFalse(failures, "\n".join(failures))
