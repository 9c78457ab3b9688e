# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import TransactionCase, tagged

from .common import InsertionCommon


@tagged("post_install", "-at_install")
class TestInsertionAction(InsertionCommon, TransactionCase):
    def test_pmsmp_needs_host_company_and_dates(self):
        Action = self.env["insertion.action"].with_user(self.counsellor).with_context(lang="fr_FR")
        with self.assertRefused(ValidationError, "PMSMP"):
            Action.create({"pathway_id": self.pathway.id, "action_type": "pmsmp", "name": "Stage"})
        host = self.env["res.partner"].create({"name": "GAEC du Lubéron", "is_company": True})
        placement = Action.create(
            {
                "pathway_id": self.pathway.id,
                "action_type": "pmsmp",
                "name": "Immersion maraîchage",
                "host_company_id": host.id,
                "placement_start": date(2025, 4, 7),
                "placement_end": date(2025, 4, 18),
            }
        )
        self.assertIn(placement, self.pathway.with_user(self.counsellor).placement_ids)

    def test_training_listed_with_trainings(self):
        training = self.env["insertion.action"].create(
            {
                "pathway_id": self.pathway.id,
                "action_type": "training",
                "name": "CACES",
                "duration": 21,
            }
        )
        self.assertEqual(self.pathway.training_ids, training)

    def test_supervisor_cannot_read_actions(self):
        action = self.env["insertion.action"].create(
            {"pathway_id": self.pathway.id, "action_type": "interview", "name": "Entretien"}
        )
        with self.assertRaises(AccessError) as caught:
            action.with_user(self.supervisor).read(["name"])
        self.assertIn("(insertion.action)", str(caught.exception))
