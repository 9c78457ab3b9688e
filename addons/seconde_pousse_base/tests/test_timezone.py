# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""One time zone for the programme's times: the company's, then the user's, then
Provence's; a time that binds everyone never follows a user's own setting."""

from odoo.tests import TransactionCase, tagged

from ..models.timezone import PROGRAMME_TZ, local_tz
from .common import make_role_user


@tagged("post_install", "-at_install")
class TestLocalTimeZone(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user = make_role_user(cls.env, "supervisor", login="tz_reader", tz="Asia/Tokyo")
        cls.company = cls.env.company
        cls.env_user = cls.env(user=cls.user, context={})

    def test_company_first_then_user_then_provence(self):
        self.company.partner_id.tz = "Europe/Paris"
        self.assertEqual(local_tz(self.env_user), "Europe/Paris")
        self.assertEqual(local_tz(self.env_user(context={"tz": "America/Lima"})), "Europe/Paris")
        self.company.partner_id.tz = False
        self.assertEqual(local_tz(self.env_user), "Asia/Tokyo")
        self.assertEqual(local_tz(self.env_user(context={"tz": "America/Lima"})), "America/Lima")
        self.user.tz = False
        self.assertEqual(local_tz(self.env_user), PROGRAMME_TZ)

    def test_a_rule_never_follows_the_user(self):
        self.company.partner_id.tz = False
        self.assertEqual(local_tz(self.env_user, rule=True), PROGRAMME_TZ)
        self.company.partner_id.tz = "Indian/Reunion"
        self.assertEqual(local_tz(self.env_user, rule=True), "Indian/Reunion")
        other = self.env["res.company"].create({"name": "Autre structure"})
        other.partner_id.tz = "America/Cayenne"
        self.assertEqual(local_tz(self.env_user, other, rule=True), "America/Cayenne")

    def test_a_context_zone_that_is_not_one_is_ignored(self):
        """A client's context may name no zone at all ("Mars/Olympus", a number): the
        user's zone counts then, as if the context named none (Ma journée's day bounds
        raised UnknownTimeZoneError)."""
        self.company.partner_id.tz = False
        for junk in ("Mars/Olympus", 12, ["Europe/Paris"]):
            self.assertEqual(local_tz(self.env_user(context={"tz": junk})), "Asia/Tokyo")
        self.user.tz = False
        self.assertEqual(local_tz(self.env_user(context={"tz": "Mars/Olympus"})), PROGRAMME_TZ)
