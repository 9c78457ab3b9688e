# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The 18.0.1.1.0 migration, run on a database put back in the 18.0.1.0.0 shape: the
assignments' "hours_done" column, and tasks whose hours were typed apart from the team's."""

from odoo.fields import Command
from odoo.tests import tagged

from odoo.addons.seconde_pousse_base.tests.common import load_migration

from .common import PlanningCase


def load_script(name):
    return load_migration("seconde_pousse_planning", "18.0.1.1.0", name)


@tagged("post_install", "-at_install")
class TestMigration(PlanningCase):
    def columns(self):
        self.env.cr.execute(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_name = 'farm_intervention_assignment' AND column_name LIKE '%hours%'"
        )
        return {row[0] for row in self.env.cr.fetchall()}

    def as_in_version_1_0(self, typed, old_hours):
        """The old schema: no hours by task, the team's hours in "hours_done", and the tasks'
        hours typed on their own."""
        self.env.flush_all()
        cr = self.env.cr
        cr.execute("DELETE FROM farm_intervention_hours")
        cr.execute("UPDATE farm_intervention_line SET from_team = FALSE")
        for line, hours in typed.items():
            cr.execute(
                "UPDATE farm_intervention_line SET done_hours = %s WHERE id = %s", [hours, line.id]
            )
        cr.execute(
            "ALTER TABLE farm_intervention_assignment RENAME COLUMN done_hours TO hours_done"
        )
        cr.execute(
            "ALTER TABLE farm_intervention_assignment RENAME CONSTRAINT "
            "farm_intervention_assignment_done_hours_positive "
            "TO farm_intervention_assignment_hours_done_positive"
        )
        for assignment, hours in old_hours.items():
            cr.execute(
                "UPDATE farm_intervention_assignment SET hours_done = %s WHERE id = %s",
                [hours, assignment.id],
            )
        self.env.invalidate_all()
        self.assertIn("hours_done", self.columns())

    def migrate(self):
        load_script("pre-migration").migrate(self.env.cr, "18.0.1.0.0")
        self.assertEqual(self.columns(), {"done_hours"})
        load_script("post-migration").migrate(self.env.cr, "18.0.1.0.0")
        self.env.invalidate_all()

    def test_the_hours_typed_twice_become_hours_by_person_and_task(self):
        open_job = self.intervention
        open_job.write({"line_ids": [Command.create({"task_type_id": self.other_task_type.id})]})
        pruning, harvest = open_job.line_ids
        signed = self.make_intervention(day=3)
        amina, bruno = self.assign(self.amina), self.assign(self.bruno)
        chloe = self.assign(self.chloe, intervention=signed)
        self.env["farm.intervention"].flush_model()
        self.env.cr.execute(
            "UPDATE farm_intervention SET state = 'reviewed' WHERE id = %s", [signed.id]
        )
        self.as_in_version_1_0(
            typed={pruning: 6.0, harvest: 2.0, signed.line_ids: 3.0},
            old_hours={amina: 4.0, bruno: 2.0, chloe: 3.5},
        )
        # Chloé's month as version 1.0 made it: pointing to her assignment by a Reference
        self.env.cr.execute(
            "INSERT INTO insertion_work_hours (employee_id, month, hours, company_id, source) "
            "VALUES (%s, %s, 3.5, %s, %s)",
            [self.chloe.id, "2026-03-01", self.env.company.id, f"{chloe._name},{chloe.id}"],
        )
        self.migrate()

        def hours(assignment):
            return {h.line_id: h.hours for h in assignment.hours_ids}

        # shared in proportion to what the tasks had (6 and 2 hours)
        self.assertEqual(hours(amina), {pruning: 3.0, harvest: 1.0})
        self.assertEqual(hours(bruno), {pruning: 1.5, harvest: 0.5})
        self.assertEqual((amina.done_hours, bruno.done_hours), (4.0, 2.0))
        # the open job's tasks now say what the team worked, and the chatter says so
        self.assertEqual((pruning.done_hours, harvest.done_hours), (4.5, 1.5))
        self.assertTrue(pruning.from_team and harvest.from_team)
        messages = open_job.message_ids.mapped("body")
        self.assertTrue(
            any("deviennent 4,5 h" in body or "deviennent 4.5 h" in body for body in messages),
            messages,
        )
        # the reviewed job keeps what the farmer signed, and its person has their hours
        self.assertEqual(signed.line_ids.done_hours, 3.0)
        self.assertEqual(hours(chloe), {signed.line_ids: 3.5})
        monthly = self.env["insertion.work.hours"].search([("employee_id", "=", self.chloe.id)])
        self.assertEqual(monthly.mapped("hours"), [3.5])  # the same record, not a second one
        self.assertEqual(monthly.assignment_id, chloe)
        self.assertFalse(monthly.source)

    def test_run_twice_it_changes_nothing(self):
        amina = self.assign(self.amina)
        self.as_in_version_1_0(typed={self.intervention.line_ids: 5.0}, old_hours={amina: 4.0})
        self.migrate()
        self.assertEqual(amina.hours_ids.mapped("hours"), [4.0])
        load_script("pre-migration").migrate(self.env.cr, "18.0.1.0.0")
        load_script("post-migration").migrate(self.env.cr, "18.0.1.0.0")
        self.env.invalidate_all()
        self.assertEqual(amina.hours_ids.mapped("hours"), [4.0])
        self.assertEqual(self.intervention.line_ids.done_hours, 4.0)
