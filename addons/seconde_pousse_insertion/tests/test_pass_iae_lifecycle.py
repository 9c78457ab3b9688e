# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The PASS IAE's lifecycle: suspensions and prolongations move its end, each within the
rules of les emplois de l'inclusion, and what follows the end follows the moved one."""

import base64
from datetime import date

from freezegun import freeze_time
from psycopg2.errors import CheckViolation, ExclusionViolation

from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from .common import InsertionCommon

REPORT = base64.b64encode(b"%PDF-1.4 bilan")
END = date(2026, 12, 31)  # the PASS of InsertionCommon: 2025-01-01 to 2026-12-31


@tagged("post_install", "-at_install")
@freeze_time("2026-06-15")
class TestPassIaeLifecycle(InsertionCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="fr_FR"))  # what users read

    def suspend(self, start, end, reason="contract_suspended", employee=None, **values):
        return (
            self.env["insertion.pass.suspension"]
            .with_user(self.counsellor)
            .create(
                {
                    "employee_id": (employee or self.employee).id,
                    "date_start": start,
                    "date_end": end,
                    "reason": reason,
                    **values,
                }
            )
        )

    def prolong(self, end, reason="complete_training", employee=None, **values):
        return (
            self.env["insertion.pass.prolongation"]
            .with_user(self.counsellor)
            .create(
                {"employee_id": (employee or self.employee).id, "date_end": end, "reason": reason}
                | values
            )
        )

    def test_a_suspension_moves_the_end_by_its_length_and_back(self):
        suspension = self.suspend(date(2026, 6, 1), date(2026, 7, 31))  # 60 days
        employee = self.employee.with_user(self.counsellor)
        self.assertEqual(suspension.days, 60)
        self.assertEqual(employee.pass_iae_end, date(2027, 3, 1))
        self.assertEqual(employee.pass_iae_initial_end, END)
        self.assertEqual(employee.pass_iae_state, "suspended")
        suspension.action_lift()  # back at work today: 13 days
        self.assertEqual(
            (suspension.date_end, employee.pass_iae_end), (date(2026, 6, 14), date(2027, 1, 13))
        )
        self.assertEqual(employee.pass_iae_state, "valid")
        suspension.action_archive()
        self.assertEqual(employee.pass_iae_end, END)

    def test_the_suspension_rules_name_what_they_break(self):
        refusals = [
            (
                (date(2026, 6, 1), date(2029, 6, 1)),
                "dure 36 mois au plus : celle-ci doit finir le 31/05/2029",
            ),
            (
                (date(2025, 6, 1), date(2025, 7, 1)),
                "antidatée de 365 jours au plus : elle ne peut pas commencer avant le 15/06/2025",
            ),
            (
                (date(2026, 6, 20), date(2026, 7, 1)),
                "ne peut pas commencer dans le futur (Début : 20/06/2026)",
            ),
        ]
        for dates, message in refusals:
            with self.subTest(message=message), self.assertRefused(ValidationError, message):
                self.suspend(*dates)
        late = self.make_employee("Inès Garcia", pass_iae_start=date(2026, 6, 10))
        with self.assertRefused(
            ValidationError, "commence pendant le PASS IAE, du 10/06/2026 au 31/12/2026"
        ):
            self.suspend(date(2026, 6, 1), date(2026, 6, 30), employee=late)

    def test_the_contrat_passerelle_is_for_aci_and_ei(self):
        self.assertEqual(self.env.company.iae_structure_kind, "aci")
        self.suspend(date(2026, 6, 1), date(2026, 6, 10), reason="contrat_passerelle")
        self.env.company.iae_structure_kind = "ai"
        with self.assertRefused(ValidationError, "ouverte aux ACI et aux EI seulement (Motif)"):
            self.suspend(date(2026, 6, 11), date(2026, 6, 12), reason="contrat_passerelle")

    @mute_logger("odoo.sql_db")
    def test_the_database_refuses_backward_and_overlapping_periods(self):
        cases = [
            (
                CheckViolation,
                "insertion_pass_suspension_dates",
                self.suspend,
                (date(2026, 6, 10), date(2026, 6, 1)),
            ),
            (
                CheckViolation,
                "insertion_pass_prolongation_dates",
                self.prolong,
                (END,),
            ),  # a day at least
        ]
        for error, constraint, make, args in cases:
            with self.assertRaises(error) as caught, self.env.cr.savepoint():
                make(*args)
            self.assertEqual(caught.exception.diag.constraint_name, constraint)
        self.suspend(date(2026, 6, 1), date(2026, 6, 10))
        with self.assertRaises(ExclusionViolation) as caught, self.env.cr.savepoint():
            self.suspend(date(2026, 6, 10), date(2026, 6, 12))
        self.assertEqual(
            caught.exception.diag.constraint_name, "insertion_pass_suspension_no_overlap"
        )
        self.suspend(date(2026, 6, 11), date(2026, 6, 12))  # the next day is free

    def test_a_prolongation_starts_at_the_end_and_adds_its_days(self):
        prolongation = self.prolong(date(2027, 6, 30))
        self.assertEqual(prolongation.date_start, END)
        self.assertEqual(prolongation.days, 181)
        self.assertEqual(self.employee.with_user(self.counsellor).pass_iae_end, date(2027, 6, 30))
        with self.assertRefused(
            ValidationError, "commence le jour où le PASS IAE finit, le 30/06/2027 (Début)"
        ):
            self.prolong(date(2027, 8, 1), date_start=date(2027, 7, 1))

    def test_difficulties_are_for_aci_and_ai(self):
        """itou/approvals/models.py, CommonProlongation.clean: PARTICULAR_DIFFICULTIES
        "est réservé aux AI et ACI"; an ACI attaches no review (bilan)."""
        self.assertEqual(self.env.company.iae_structure_kind, "aci")
        aci = self.prolong(date(2027, 6, 30), reason="particular_difficulties")
        self.assertEqual(aci.state, "draft")
        aci.sudo().unlink()
        self.env.company.iae_structure_kind = "ei"
        with self.assertRefused(ValidationError, "est ouvert aux ACI et aux AI seulement (Motif)"):
            self.prolong(date(2027, 6, 30), reason="particular_difficulties")
        self.env.company.iae_structure_kind = "ai"
        self.prolong(date(2027, 6, 30), reason="particular_difficulties", document=REPORT)

    def test_a_prolongation_is_asked_in_its_window_and_never_while_suspended(self):
        early = self.make_employee("Paul Girard", pass_iae_end=date(2027, 7, 1))
        with self.assertRefused(
            ValidationError,
            "de 12 mois avant la fin du PASS IAE à 6 mois après : du 01/07/2026 au 01/01/2028",
        ):
            self.prolong(date(2027, 9, 1), employee=early)
        gone = self.make_employee("Éric Petit", pass_iae_end=date(2025, 12, 1))
        with self.assertRefused(ValidationError, "du 01/12/2024 au 01/06/2026"):
            self.prolong(date(2026, 9, 1), employee=gone)
        self.suspend(date(2026, 6, 1), date(2026, 6, 30))
        with self.assertRefused(
            ValidationError, "est suspendu : levez la suspension avant de le prolonger"
        ):
            self.prolong(date(2027, 6, 30), date_start=date(2027, 1, 29))

    def test_writing_the_end_sets_the_end_as_issued(self):
        """Clients that write pass_iae_end (its public name) keep working."""
        self.suspend(date(2026, 6, 1), date(2026, 6, 11))
        employee = self.employee.with_user(self.counsellor)
        employee.pass_iae_end = date(2027, 2, 10)
        self.assertEqual(employee.pass_iae_initial_end, date(2027, 1, 31))
        self.assertEqual(employee.pass_iae_end, date(2027, 2, 10))

    def test_hours_and_contracts_follow_the_moved_end(self):
        hours = self.env["insertion.work.hours"].create(
            {"employee_id": self.employee.id, "month": date(2027, 3, 1), "hours": 80}
        )
        self.assertTrue(hours.outside_pass_iae)
        self.prolong(date(2027, 6, 30))
        self.assertFalse(hours.outside_pass_iae)
        contract = self.make_contract(
            self.employee, date_start=date(2027, 3, 1), date_end=date(2027, 6, 30)
        )
        self.assertTrue(contract.is_cddi)

    def test_the_counsellor_reminder_follows_the_end(self):
        activity_type = self.env.ref("seconde_pousse_insertion.mail_activity_type_pass_end")
        soon = self.make_employee("Nadia Haddad", pass_iae_end=date(2026, 7, 1))

        def reminders():
            return soon.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)

        self.env["hr.employee"]._cron_insertion_deadlines()
        self.assertEqual(reminders().date_deadline, date(2026, 6, 15))
        prolongation = self.prolong(date(2026, 12, 31), employee=soon)
        self.assertFalse(reminders())  # no longer within 30 days
        prolongation.date_end = date(2026, 7, 10)
        self.assertEqual(reminders().date_deadline, date(2026, 6, 15))
        self.assertIn("10/07/2026", reminders().summary)
