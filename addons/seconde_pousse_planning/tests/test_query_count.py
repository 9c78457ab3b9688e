# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, timedelta

from odoo.fields import Command
from odoo.tests import tagged

from .common import PlanningCase

# measured, whatever the history: saving an assignment (overlap pre-check, savepoint,
# insert, leave, contract, weekly hours, seats), a booking (overlap, insert, maintenance,
# seats, licence) and proposing a team (candidates, facts, skills, licences, lines)
ASSIGNMENT_QUERIES = 14
BOOKING_QUERIES = 10
TEAM_BUILDER_QUERIES = 16


@tagged("post_install", "-at_install")
class TestQueryCount(PlanningCase):
    @classmethod
    def make_history(cls, employees, weeks):
        """One morning a day, Monday to Thursday, for each employee, the weeks before March."""
        start = datetime(2026, 1, 5, 7, 0)
        interventions = cls.env["farm.intervention"].create(
            [
                {
                    "partner_id": cls.farm.id,
                    "date_start": start + timedelta(weeks=week, days=day),
                    "date_end": start + timedelta(weeks=week, days=day, hours=4),
                    "line_ids": [Command.create({"task_type_id": cls.task_type.id})],
                }
                for week in range(weeks)
                for day in range(4)
            ]
        )
        cls.env["farm.intervention.assignment"].create(
            [
                {"intervention_id": intervention.id, "employee_id": employee.id, "done_hours": 4.0}
                for intervention in interventions
                for employee in employees
            ]
        )

    def _measure(self, warmup, function):
        """Queries of function, run right after warmup (the same operation on other
        records), with an empty record cache."""
        warmup()
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        function()
        self.env.flush_all()
        return self.env.cr.sql_log_count - before

    def test_assignment_check_takes_fixed_queries(self):
        days = iter(range(2, 7))
        interventions = [self.make_intervention(day=next(days)) for _i in range(5)]

        def assign(employee, index):
            return lambda: self.assign(employee, intervention=interventions[index])

        small = self._measure(assign(self.bruno, 0), assign(self.amina, 1))
        self.make_history(self.workers | self.sup_employee, weeks=8)
        large = self._measure(assign(self.bruno, 2), assign(self.amina, 3))
        self.assertEqual(small, large)
        self.assign(self.chloe, intervention=interventions[4])
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(ASSIGNMENT_QUERIES):
            self.assign(self.amina, intervention=interventions[4])

    def test_booking_check_takes_fixed_queries(self):
        interventions = [self.make_intervention(day=day) for day in (2, 3, 4, 5, 6, 9, 10)]
        for intervention in interventions:
            self.assign(self.sup_employee, intervention=intervention, role="supervisor")
        vehicles = [self.make_vehicle(f"QC-{index}", seats=5) for index in range(7)]

        def book(index):
            return lambda: self.book(vehicles[index], intervention=interventions[index])

        book(0)()
        small = self._measure(book(1), book(2))
        self.make_history(self.workers | self.sup_employee, weeks=8)
        large = self._measure(book(3), book(4))
        self.assertEqual(small, large)
        book(5)()
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(BOOKING_QUERIES):
            book(6)()

    def test_team_builder_takes_fixed_queries(self):
        def propose():
            builder = self.env(user=self.supervisor_user)["farm.team.builder"].create(
                {"intervention_id": self.intervention.id, "worker_count": 3}
            )
            builder.action_propose()

        # the best of three runs: the registry caches (access rules) may be reloaded once
        small = min(self._measure(propose, propose) for _run in range(3))
        self.make_history(self.workers | self.sup_employee, weeks=8)
        for index in range(10):
            self.make_employee(f"Renfort {index}")
        large = min(self._measure(propose, propose) for _run in range(3))
        self.assertEqual(small, large)
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(TEAM_BUILDER_QUERIES):
            propose()
