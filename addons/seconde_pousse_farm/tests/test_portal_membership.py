# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The farm's membership as its farmers see it on the portal: the status and the dates
on the home page, and the certificate, for their own farm only."""

from odoo.tests import tagged

from .portal_common import FarmPortalCase


@tagged("post_install", "-at_install")
class TestPortalMembership(FarmPortalCase):
    def test_the_farmer_sees_the_membership_and_downloads_the_certificate(self):
        self.authenticate("farmer_a", "farmer_a")
        home = self.url_open("/my").text
        self.assertIn("devient adhérente de l'association à la signature", home)
        self.assertEqual(self.url_open("/my/membership/certificate").url.split("/")[-1], "my")

        self.make_signed_review(self.make_intervention(day=9))
        home = self.url_open("/my").text
        start = self.farm.farm_membership_start.strftime("%d/%m/%Y")
        end = self.farm.farm_membership_end.strftime("%d/%m/%Y")
        self.assertIn("Ferme des Tests</span> est adhérente de l'association</strong>", home)
        self.assertIn(start, home)
        self.assertIn(end, home)
        self.assertIn("/my/membership/certificate", home)
        response = self.url_open("/my/membership/certificate")
        self.assertEqual(response.headers["Content-Type"], "application/pdf")

        # the neighbour's farmer sees their own farm, which is not a member
        self.authenticate("farmer_b", "farmer_b")
        self.assertNotIn("Ferme des Tests", self.url_open("/my").text)
        response = self.url_open("/my/membership/certificate")
        self.assertNotEqual(response.headers.get("Content-Type"), "application/pdf")
