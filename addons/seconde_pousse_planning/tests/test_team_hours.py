# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""One source of truth for hours: a person's hours on a task, typed once, make the task's
invoiced hours and the person's monthly hours."""

from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.fields import Command
from odoo.tests import tagged

from odoo.addons.seconde_pousse_base.tests.common import make_role_user
from odoo.addons.seconde_pousse_farm.tests.common import SIGNATURE

from .common import PlanningCase


@tagged("post_install", "-at_install")
class TestTeamHours(PlanningCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.intervention.write(
            {"line_ids": [Command.create({"task_type_id": cls.other_task_type.id})]}
        )
        cls.pruning, cls.harvest = cls.intervention.line_ids
        cls.accountant = make_role_user(cls.env, "accountant", login="pl_compta")

    def record(self, assignment, line, hours):
        return (
            self.env["farm.intervention.hours"]
            .with_user(self.supervisor_user)
            .create({"assignment_id": assignment.id, "line_id": line.id, "hours": hours})
        )

    def test_the_invoice_quantity_is_the_sum_of_the_people_on_each_task(self):
        team = {
            self.sup_employee: (1.0, 3.5),
            self.amina: (2.5, 2.0),
            self.bruno: (4.0, 0.5),
            self.chloe: (0.0, 4.75),
        }
        for employee, (pruning, harvest) in team.items():
            role = "supervisor" if employee == self.sup_employee else "worker"
            assignment = self.assign(employee, role=role)
            self.record(assignment, self.pruning, pruning)
            self.record(assignment, self.harvest, harvest)
        self.assertEqual(self.pruning.done_hours, 7.5)
        self.assertEqual(self.harvest.done_hours, 10.75)
        self.assertEqual(self.intervention.done_hours, 18.25)
        intervention = self.intervention.with_user(self.supervisor_user)
        intervention.action_plan()
        intervention.action_start()
        intervention.action_done()
        review = self.env["farm.intervention.review"].create({"intervention_id": intervention.id})
        review.action_send()
        review._sign("Jeanne Martin", SIGNATURE)
        invoices = (
            self.env["farm.invoice.wizard"]
            .with_user(self.accountant)
            ._invoice_period(date(2026, 3, 1), date(2026, 3, 31))
        )
        quantities = {
            line.product_id: line.quantity
            for line in invoices.invoice_line_ids
            if line.product_id in (self.task_type | self.other_task_type).product_id
        }
        for line in self.intervention.line_ids:
            people = sum(line.hours_ids.mapped("hours"))
            self.assertEqual(quantities[line.task_type_id.product_id], people, line.display_name)
        self.assertEqual(list(quantities.values()), [7.5, 10.75])
        # and each person's month holds what they did on both tasks
        monthly = self.env["insertion.work.hours"].search([("employee_id", "in", self.workers.ids)])
        self.assertEqual(
            {(record.employee_id, record.hours) for record in monthly},
            {(self.amina, 4.5), (self.bruno, 4.5), (self.chloe, 4.75)},
        )

    def test_the_task_hours_follow_each_change_of_the_team(self):
        amina, bruno = self.assign(self.amina), self.assign(self.bruno)
        self.record(amina, self.pruning, 3.0)
        hours = self.record(bruno, self.pruning, 2.0)
        self.assertEqual(self.pruning.done_hours, 5.0)
        hours.with_user(self.supervisor_user).hours = 1.5
        self.assertEqual((self.pruning.done_hours, bruno.done_hours), (4.5, 1.5))
        bruno.with_user(self.supervisor_user).active = False
        self.assertEqual(self.pruning.done_hours, 3.0)
        amina.with_user(self.supervisor_user).unlink()
        self.assertEqual(self.pruning.done_hours, 0.0)
        self.assertFalse(
            self.env["insertion.work.hours"].search([("employee_id", "=", self.amina.id)])
        )

    def test_hours_from_the_team_are_not_typed_again_on_the_task(self):
        self.record(self.assign(self.amina), self.pruning, 3.0)
        self.assertTrue(self.pruning.from_team)
        with self.assertRaises(ValidationError) as caught:
            self.pruning.with_user(self.supervisor_user).done_hours = 8.0
        self.assertIn("Taille test : les heures réalisées sont la somme", str(caught.exception))
        self.assertEqual(self.pruning.done_hours, 3.0)
        # a task no one recorded hours on keeps what is typed
        self.harvest.with_user(self.supervisor_user).done_hours = 2.0
        self.assertEqual(self.harvest.done_hours, 2.0)

    def test_a_total_is_typed_only_when_there_is_one_task(self):
        assignment = self.assign(self.amina)
        with self.assertRaises(ValidationError) as caught:
            assignment.with_user(self.supervisor_user).done_hours = 4.0
        self.assertIn("l'intervention a 2 tâches, saisissez les heures", str(caught.exception))
        self.assertFalse(assignment.hours_ids)
        single = self.make_intervention(day=3)
        assignment = self.assign(self.amina, intervention=single)
        assignment.with_user(self.supervisor_user).done_hours = 4.0
        self.assertEqual(assignment.hours_ids.line_id, single.line_ids)
        self.assertEqual(single.line_ids.done_hours, 4.0)

    def test_the_same_person_and_task_are_recorded_once(self):
        assignment = self.assign(self.amina)
        self.record(assignment, self.pruning, 1.0)
        with self.assertRaises(IntegrityError) as caught, self.cr.savepoint():
            self.record(assignment, self.pruning, 1.0)
        self.assertIn("assignment_line_unique", str(caught.exception))

    def test_an_absent_person_has_no_hours(self):
        assignment = self.assign(self.amina)
        assignment.with_user(self.supervisor_user).attendance = "absent"
        with self.assertRaises(ValidationError) as caught:
            self.record(assignment, self.pruning, 2.0)
        self.assertIn("Absence à l'appel pour Amina Salariée", str(caught.exception))

    def test_hours_on_a_task_of_another_intervention_are_refused(self):
        other = self.make_intervention(day=3)
        with self.assertRaises(ValidationError) as caught:
            self.record(self.assign(self.amina), other.line_ids, 2.0)
        self.assertIn("appartient à une autre intervention", str(caught.exception))

    def test_a_worker_has_hours_bounded_by_the_slot(self):
        assignment = self.assign(self.amina)
        with self.assertRaises(ValidationError) as caught:
            self.record(assignment, self.pruning, 20.0)
            self.record(assignment, self.harvest, 20.0)
        self.assertIn("Amina Salariée : 24 heures au plus sur 1", str(caught.exception))
