# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import TransactionCase, tagged

from .common import InsertionCommon


@tagged("post_install", "-at_install")
class TestInsertionWorkHours(InsertionCommon, TransactionCase):
    def test_month_is_normalised_and_pathway_linked(self):
        hours = (
            self.env["insertion.work.hours"]
            .with_user(self.supervisor)
            .create({"employee_id": self.employee.id, "month": date(2025, 3, 17), "hours": 98})
        )
        self.assertEqual(hours.month, date(2025, 3, 1))
        self.assertEqual(hours.pathway_id, self.pathway)

    def test_first_month_counts_in_pathway_started_mid_month(self):
        hours = self.env["insertion.work.hours"].create(
            {"employee_id": self.employee.id, "month": date(2025, 1, 1), "hours": 60}
        )
        self.assertEqual(hours.pathway_id, self.pathway)

    def test_negative_hours_refused(self):
        with self.assertRaises(ValidationError) as caught:
            self.env["insertion.work.hours"].create(
                {"employee_id": self.employee.id, "month": date(2025, 3, 1), "hours": -3}
            )
        self.assertIn("ne peuvent pas être négatives", str(caught.exception))

    def test_supervisor_cannot_delete(self):
        hours = self.env["insertion.work.hours"].create(
            {"employee_id": self.employee.id, "month": date(2025, 3, 1), "hours": 3}
        )
        with self.assertRaises(AccessError) as caught:
            hours.with_user(self.supervisor).unlink()
        self.assertIn(
            "supprimer les enregistrements 'Hours worked in a month'", str(caught.exception)
        )

    def test_hours_recorded_before_the_pathway_follow_it(self):
        employee = self.make_employee("Léa Blanc")
        hours = self.env["insertion.work.hours"].create(
            {"employee_id": employee.id, "month": date(2025, 4, 1), "hours": 80}
        )
        self.assertFalse(hours.pathway_id)
        pathway = self.make_pathway(employee, date(2025, 4, 7))
        self.assertEqual(hours.pathway_id, pathway)
        pathway.date_start = date(2025, 5, 5)
        self.assertFalse(hours.pathway_id)

    def test_hours_outside_the_pass_are_flagged(self):
        Hours = self.env["insertion.work.hours"]
        inside = Hours.create(
            {"employee_id": self.employee.id, "month": date(2026, 12, 1), "hours": 90}
        )
        outside = Hours.create(
            {"employee_id": self.employee.id, "month": date(2027, 1, 1), "hours": 90}
        )
        self.assertFalse(inside.outside_pass_iae)
        self.assertTrue(outside.outside_pass_iae)
        self.employee.with_user(self.counsellor).pass_iae_end = date(2027, 6, 30)
        self.assertFalse(outside.outside_pass_iae)
        flagged = Hours.with_user(self.counsellor).search([("outside_pass_iae", "=", True)])
        self.assertFalse(flagged)
        with self.assertRaises(AccessError) as caught:
            outside.with_user(self.supervisor).read(["outside_pass_iae"])
        self.assertIn('champs "outside_pass_iae"', str(caught.exception))
