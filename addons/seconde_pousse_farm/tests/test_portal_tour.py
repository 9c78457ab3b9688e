# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .portal_common import FarmPortalCase


@tagged("post_install", "-at_install")
class TestFarmerPortalTour(FarmPortalCase):
    def test_farmer_main_path(self):
        self.env["farm.task.type"].create({"name": "Désherbage tour", "hourly_rate": 20.0})
        self.start_tour("/my", "seconde_pousse_farmer_tour", login="farmer_a")
        new_request = self.env["farm.intervention.request"].search(
            [("description", "like", "carottes")]
        )
        self.assertEqual(len(new_request), 1)
        self.assertEqual(
            (new_request.partner_id, new_request.contact_id), (self.farm, self.contact_a)
        )
        self.assertEqual(new_request.state, "submitted")
        self.assertEqual(new_request.estimated_hours, 8.0)
        self.assertIn("<b>urgent</b>", new_request.description)
        self.assertEqual(self.review_a.state, "signed")
        self.assertEqual(self.review_a.signer_name, "Jeanne Exploitante")
        self.assertEqual(self.review_a.farmer_comment, "Très bon travail, merci à l'équipe.")
        self.assertTrue(self.review_a.signature)
        self.assertEqual(self.review_a.rating_punctuality, "5")
        self.assertEqual(self.intervention_a.state, "reviewed")
