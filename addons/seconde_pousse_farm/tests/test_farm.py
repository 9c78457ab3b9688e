# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from contextlib import contextmanager

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import FarmCase


@tagged("post_install", "-at_install")
class TestFarm(FarmCase):
    def test_profile_and_counts(self):
        self.farm.write(
            {"farm_surface": 12.5, "farm_organic": "certified", "siret": "73282932000074"}
        )
        self.make_request()
        self.make_signed_review(self.make_intervention())
        self.make_intervention(day=3, state="planned")
        self.farm.invalidate_recordset()
        self.assertEqual(self.farm.farm_request_count, 1)
        self.assertEqual(self.farm.farm_intervention_count, 2)
        self.assertEqual(self.farm.farm_review_count, 1)
        self.assertEqual(self.other_farm.farm_intervention_count, 0)

    def test_invalid_siret_refused(self):
        with self.assertRaises(ValidationError) as caught:
            self.farm.siret = "12345678901234"
        self.assertIn("SIRET 12345678901234", str(caught.exception))
        self.assertFalse(self.farm.siret)

    def test_negative_surface_refused(self):
        with self.assertRaises(ValidationError) as caught:
            self.farm.farm_surface = -3
        self.assertIn("ne peut pas être négative", str(caught.exception))

    def test_smart_button_opens_farm_records(self):
        intervention = self.make_intervention()
        action = self.farm.with_context(
            farm_action="seconde_pousse_farm.farm_intervention_action", farm_default=True
        ).action_view_farm_records()
        self.assertEqual(self.env["farm.intervention"].search(action["domain"]), intervention)
        self.assertEqual(action["context"]["default_partner_id"], self.farm.id)

    def test_smart_button_opens_only_the_farms_own_lists(self):
        farm = self.farm.with_user(self.supervisor)
        with self.assertRaises(UserError) as caught:
            farm.action_view_farm_records()
        self.assertIn("doit dire lesquels dans farm_action", str(caught.exception))
        for named in ("base.action_res_users", ["x"], "seconde_pousse_farm.nothing"):
            with self.assertRaises(UserError) as caught:
                farm.with_context(farm_action=named).action_view_farm_records()
            self.assertIn(f"farm_action ne peut pas désigner {named}", str(caught.exception))
        action = farm.with_context(
            farm_action="seconde_pousse_farm.farm_intervention_review_action"
        ).action_view_farm_records()
        self.assertEqual(action["res_model"], "farm.intervention.review")
        self.assertEqual(action["context"], {})

    def test_supervisor_reads_farms_but_cannot_configure_productions(self):
        self.assertEqual(self.farm.with_user(self.supervisor).name, "Ferme des Tests")
        with self.assertRaises(AccessError) as caught:
            self.env["farm.production"].with_user(self.supervisor).create({"name": "Safran"})
        self.assertIn(
            "créer des enregistrements 'Farm production' (farm.production)", str(caught.exception)
        )
        production = (
            self.env["farm.production"].with_user(self.coordinator).create({"name": "Safran"})
        )
        self.assertTrue(production.exists())

    def test_creating_farms_runs_no_membership_search_per_farm(self):
        queries = []
        with contextmanager(self._patchExecute)(queries):
            farms = self.env["res.partner"].create(
                [{"name": f"Ferme {n}", "is_farm": True, "is_company": True} for n in range(20)]
            )
            farms.flush_recordset()
        on_lines = [q for q in queries if "membership_membership_line" in str(q)]
        self.assertLessEqual(len(on_lines), 1, on_lines[:3])
        self.assertEqual(set(farms.mapped("membership_state")), {"none"})
        self.assertFalse(any(farms.mapped("membership_start")))
        # a free member still goes through Odoo's rules, with no line at all
        free = self.env["res.partner"].create({"name": "Ferme offerte", "free_member": True})
        self.assertEqual(free.membership_state, "free")
