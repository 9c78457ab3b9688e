# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.seconde_pousse_base.tests.common import make_role_user

from .common import PlanningCase


@tagged("post_install", "-at_install")
class TestAssignment(PlanningCase):
    def _count(self, employee):
        self.env.invalidate_all(flush=False)
        return self.env["farm.intervention.assignment"].search_count(
            [("employee_id", "=", employee.id)]
        )

    def test_supervisor_plans_a_team(self):
        self.assign(self.sup_employee, role="supervisor")
        self.assign(self.amina)
        self.assign(self.bruno)
        self.assertEqual(self.intervention.team_size, 3)
        self.assertEqual(self.intervention.assignment_ids.mapped("duration"), [5.0, 5.0, 5.0])

    def test_farmer_never_reads_the_team(self):
        self.assign(self.amina)
        contact = self.env["res.partner"].create({"name": "Exploitant", "parent_id": self.farm.id})
        farmer = make_role_user(self.env, "farmer", login="pl_farmer", partner_id=contact.id)
        mine = self.intervention.with_user(farmer)
        self.assertEqual(mine.team_size, 1)
        for field in ("assignment_ids", "booking_ids"):
            with self.assertRaises(AccessError) as caught:
                mine.read([field])
            self.assertIn(f'champs "{field}" sur Farm intervention', str(caught.exception))

    def test_person_booked_twice_at_once_is_refused(self):
        self.assign(self.amina)
        other = self.make_intervention(day=2, start_hour=10, end_hour=15)
        with self.assertRaisesRegex(
            ValidationError, "Conflit de planning : Amina Salariée est déjà planifié"
        ):
            self.assign(self.amina, intervention=other)
        self.assertEqual(self._count(self.amina), 1)
        # back to back is fine
        later = self.make_intervention(day=2, start_hour=12, end_hour=14)
        self.assign(self.amina, intervention=later)
        self.assertEqual(self._count(self.amina), 2)

    def test_overlap_inside_one_batch_is_refused(self):
        other = self.make_intervention(day=2, start_hour=8, end_hour=9)
        env = self.env(user=self.supervisor_user)
        with self.assertRaisesRegex(ValidationError, "Bruno Salarié"):
            env["farm.intervention.assignment"].create(
                [
                    {"intervention_id": self.intervention.id, "employee_id": self.bruno.id},
                    {"intervention_id": other.id, "employee_id": self.bruno.id},
                ]
            )
        self.assertEqual(self._count(self.bruno), 0)

    def test_moving_onto_another_slot_is_refused(self):
        first = self.assign(self.amina)
        other = self.make_intervention(day=3)
        second = self.assign(self.amina, intervention=other)
        with self.assertRaises(ValidationError) as caught:
            second.write(
                {"date_start": datetime(2026, 3, 2, 11, 0), "date_end": datetime(2026, 3, 2, 13, 0)}
            )
        self.assertIn(
            "Conflit de planning : Amina Salariée est déjà planifié(e)", str(caught.exception)
        )
        self.env.invalidate_all(flush=False)
        self.assertEqual(second.date_start, datetime(2026, 3, 3, 7, 0))
        self.assertTrue(first.active)

    def test_end_before_start_or_zero_length_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "Chloé Salariée : la fin"):
            self.assign(
                self.chloe,
                date_start=datetime(2026, 3, 2, 12, 0),
                date_end=datetime(2026, 3, 2, 8, 0),
            )
        with self.assertRaisesRegex(ValidationError, "Chloé Salariée"):
            self.assign(
                self.chloe,
                date_start=datetime(2026, 3, 2, 8, 0),
                date_end=datetime(2026, 3, 2, 8, 0),
            )
        self.assertEqual(self._count(self.chloe), 0)

    def test_approved_leave_is_refused(self):
        leave = self.approve_leave(self.david, "2026-03-02", "2026-03-03")
        with self.assertRaisesRegex(ValidationError, "David Salarié est en congé validé"):
            self.assign(self.david)
        self.assertEqual(self._count(self.david), 0)
        # a refused leave does not block
        leave.action_refuse()
        self.assign(self.david)

    def test_outside_contract_dates_is_refused(self):
        later = self.make_intervention(day=2, month=3)
        later.write(
            {"date_start": datetime(2027, 1, 4, 7, 0), "date_end": datetime(2027, 1, 4, 12, 0)}
        )
        with self.assertRaisesRegex(
            ValidationError,
            r"Amina Salariée travaillerait .* en dehors des dates de son contrat "
            r"\(du 01/01/2026 au 31/12/2026\)",  # the periods in French too
        ):
            self.assign(self.amina, intervention=later)
        nobody = self.make_employee("Eve Sans Contrat", contract=False)
        with self.assertRaisesRegex(
            ValidationError, "Eve Sans Contrat n'a pas de contrat en cours"
        ):
            self.assign(nobody)
        self.assertEqual(self._count(self.amina) + self._count(nobody), 0)

    @freeze_time("2026-03-10")
    def test_an_insertion_employee_works_within_the_pass_as_moved(self):
        """The PASS IAE, suspended or prolonged by the counsellor, bounds the planning."""
        self.amina.sudo().write(
            {"pass_iae_start": date(2025, 3, 1), "pass_iae_end": date(2026, 3, 2)}
        )
        later = self.make_intervention(day=9)
        with self.assertRaisesRegex(
            ValidationError,
            r"Amina Salariée ne peut pas travailler sur .* le 09/03/2026 08:00 : son PASS IAE "
            r"court "
            r"du 01/03/2025 au 02/03/2026",
        ):
            self.assign(self.amina, intervention=later)
        self.env["insertion.pass.prolongation"].create(
            {
                "employee_id": self.amina.id,
                "date_end": date(2026, 9, 1),
                "reason": "complete_training",
            }
        )
        self.assign(self.amina, intervention=later)
        suspension = self.env["insertion.pass.suspension"].create(
            {
                "employee_id": self.amina.id,
                "date_start": date(2026, 3, 3),
                "date_end": date(2026, 3, 6),
                "reason": "contract_suspended",
            }
        )
        with self.assertRaisesRegex(
            ValidationError,
            r"le 05/03/2026 08:00 : son PASS IAE est suspendu du 03/03/2026 au 06/03/2026",
        ):
            self.assign(self.amina, intervention=self.make_intervention(day=5))
        suspension.action_archive()
        self.assign(self.amina, intervention=self.make_intervention(day=5))

    def test_week_over_contract_hours_is_refused(self):
        # 26 h a week: 4 mornings of 6 h are 24 h, a fifth one of 5 h is too much
        for day in (2, 3, 4, 5):
            self.assign(
                self.amina, intervention=self.make_intervention(day=day, start_hour=7, end_hour=13)
            )
        friday = self.make_intervention(day=6, start_hour=7, end_hour=12)
        with self.assertRaisesRegex(
            ValidationError,
            r"Amina Salariée travaillerait 29.0 h la semaine du 02/03/2026, au-delà des 26.0 h",
        ):
            self.assign(self.amina, intervention=friday)
        self.assertEqual(self._count(self.amina), 4)
        # two hours still fit, and the next week is a new week
        self.assign(self.amina, intervention=friday, date_end=datetime(2026, 3, 6, 9, 0))
        self.assign(self.amina, intervention=self.make_intervention(day=9))

    def test_done_hours_feed_monthly_hours(self):
        assignment = self.assign(self.amina)
        sup_assignment = self.assign(self.sup_employee, role="supervisor")
        WorkHours = self.env["insertion.work.hours"]
        self.assertFalse(WorkHours.search([("employee_id", "=", self.amina.id)]))
        (assignment | sup_assignment).write({"done_hours": 4.5})
        hours = WorkHours.search([("employee_id", "=", self.amina.id)])
        self.assertEqual(hours.hours, 4.5)
        self.assertEqual(str(hours.month), "2026-03-01")
        self.assertEqual(hours.assignment_id, assignment)
        self.assertTrue(hours.pathway_id or True)
        # supervisors are not in a pathway: no hours record for them
        self.assertFalse(WorkHours.search([("employee_id", "=", self.sup_employee.id)]))
        assignment.done_hours = 3.0
        self.assertEqual(hours.hours, 3.0)
        assignment.unlink()
        self.assertFalse(hours.exists())

    def test_moving_the_intervention_moves_its_team(self):
        whole = self.assign(self.amina)
        part = self.assign(self.bruno, date_end=datetime(2026, 3, 2, 9, 0))
        self.intervention.write(
            {"date_start": datetime(2026, 3, 3, 7, 0), "date_end": datetime(2026, 3, 3, 12, 0)}
        )
        self.assertEqual(whole.date_start, datetime(2026, 3, 3, 7, 0))
        self.assertEqual(whole.date_end, datetime(2026, 3, 3, 12, 0))
        self.assertEqual(part.date_start, datetime(2026, 3, 2, 7, 0))
        # onto a day where Amina already works elsewhere: refused, nothing moves
        self.assign(self.amina, intervention=self.make_intervention(day=4))
        with self.assertRaisesRegex(ValidationError, "Amina Salariée"):
            self.intervention.write(
                {"date_start": datetime(2026, 3, 4, 7, 0), "date_end": datetime(2026, 3, 4, 12, 0)}
            )
        self.env.invalidate_all(flush=False)
        self.assertEqual(self.intervention.date_start, datetime(2026, 3, 3, 7, 0))
        self.assertEqual(whole.date_start, datetime(2026, 3, 3, 7, 0))

    def test_cancelled_intervention_frees_the_team(self):
        self.assign(self.amina)
        self.intervention.action_cancel()
        self.assertFalse(
            self.intervention.with_context(active_test=False).assignment_ids.filtered("active")
        )
        self.assign(self.amina, intervention=self.make_intervention(day=2))

    def test_cancelling_releases_the_team_and_the_accountant_cannot_cancel(self):
        self.assign(self.sup_employee, role="supervisor")
        self.assign(self.amina)
        self.book(self.van)
        accountant = make_role_user(self.env, "accountant", login="pl_acc")
        with self.assertRaisesRegex(UserError, "peut annuler une intervention"):
            self.intervention.with_user(accountant).action_cancel()
        self.assertEqual(len(self.intervention.assignment_ids), 2)
        self.intervention.with_user(self.coordinator).action_cancel()
        self.assertFalse(self.intervention.assignment_ids)
        self.assertFalse(self.intervention.booking_ids)

    def test_counsellor_reads_but_cannot_plan(self):
        self.assign(self.amina)
        with self.assertRaises(AccessError) as caught:
            self.assign(self.bruno, user=self.counsellor)
        self.assertIn(
            "créer des enregistrements 'Assignment to an intervention'", str(caught.exception)
        )
        self.assertEqual(
            self.env(user=self.counsellor)["farm.intervention.assignment"].search_count(
                [("intervention_id", "=", self.intervention.id)]
            ),
            1,
        )

    def test_conflict_message_in_french(self):
        self.assign(self.amina)
        other = self.make_intervention(day=2, start_hour=9, end_hour=10)
        env = self.env(user=self.supervisor_user, context={"lang": "fr_FR", "tz": "Europe/Paris"})
        with self.assertRaisesRegex(
            ValidationError, "Conflit de planning : Amina Salariée est déjà planifié"
        ) as catcher:
            env["farm.intervention.assignment"].create(
                {"intervention_id": other.id, "employee_id": self.amina.id}
            )
        # when, in the planner's time zone
        self.assertIn("02/03/2026 08:00", str(catcher.exception))
        with self.assertRaisesRegex(ValidationError, "la fin .* doit être après le début"):
            env["farm.intervention.assignment"].create(
                {
                    "intervention_id": other.id,
                    "employee_id": self.bruno.id,
                    "date_start": datetime(2026, 3, 2, 10, 0),
                    "date_end": datetime(2026, 3, 2, 9, 0),
                }
            )

    def test_done_hours_are_bounded_by_the_slot(self):
        assignment = self.assign(self.amina)
        with self.assertRaisesRegex(ValidationError, r"Amina Salariée : 24 heures au plus sur 1"):
            assignment.with_user(self.supervisor_user).write({"done_hours": 10000})
        assignment.with_user(self.supervisor_user).write({"done_hours": 5.0})
        self.assertEqual(assignment.done_hours, 5.0)
