# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Ma journée's rules pinned at their edges: a key is answered again to the user who
recorded it, and refused to anyone else (never with the first user's answer); a person
marked absent keeps no hours, and no way in gives hours to an absent person."""

from odoo.exceptions import ValidationError
from odoo.fields import Command
from odoo.tests import tagged

from .my_day_common import MyDayCase

SOMEONE_ELSE = "Cette opération appartient à quelqu'un d'autre"
ABSENT = "Absence à l'appel pour Amina Salariée"


@tagged("post_install", "-at_install")
class TestMyDayEdges(MyDayCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.line = cls.job.line_ids
        cls.amina_job = cls.team[cls.amina]
        cls.n = 0

    def op(self, kind, **values):
        TestMyDayEdges.n += 1
        return {
            "key": f"edges-{self.n:06d}",
            "kind": kind,
            "intervention_id": self.job.id,
            **values,
        }

    def hours_op(self, hours):
        return self.op("hours", assignment_id=self.amina_job.id, line_id=self.line.id, hours=hours)

    def absent_op(self):
        return self.op("attendance", assignment_id=self.amina_job.id, attendance="absent")

    def sync(self, *operations, user=None):
        user = user or self.supervisor_user
        return self.env["farm.my.day"].with_user(user).sync(list(operations))

    def work_hours(self):
        return (
            self.env["insertion.work.hours"]
            .sudo()
            .search([("assignment_id", "=", self.amina_job.id)])
        )

    # --- a key belongs to the user who recorded it ---

    def test_the_same_user_sending_a_key_again_is_answered(self):
        operation = self.hours_op(2.0)
        (first,) = self.sync(operation)
        (again,) = self.sync(operation)
        self.assertEqual((first["status"], again["status"], again["again"]), ("done", "done", True))
        self.assertEqual(self.amina_job.hours_ids.mapped("hours"), [2.0])

    def test_another_user_sending_a_recorded_key_is_refused(self):
        operation = self.hours_op(2.0)
        self.sync(operation)
        theirs = dict(operation, hours=5.0)
        (answer,) = self.sync(theirs, user=self.supervisor_user2)
        self.assertEqual(answer["status"], "error")
        self.assertIn(SOMEONE_ELSE, answer["message"])
        self.assertNotIn("again", answer)
        self.assertEqual(self.amina_job.hours_ids.mapped("hours"), [2.0])  # nothing applied
        recorded = self.env["farm.my.day.operation"].search([("key", "=", operation["key"])])
        self.assertEqual((recorded.user_id, recorded.status), (self.supervisor_user, "done"))

    def test_another_user_never_reads_the_first_user_s_refusal(self):
        operation = self.hours_op(-3.0)
        (first,) = self.sync(operation)
        self.assertEqual(first["status"], "error")
        (answer,) = self.sync(operation, user=self.supervisor_user2)
        self.assertEqual(answer["message"], f"{SOMEONE_ELSE}.")
        self.assertNotEqual(answer["message"], first["message"])

    def test_a_key_recorded_meanwhile_by_another_user_is_refused(self):
        """Two requests at once: the other one recorded the key (the unique constraint)."""
        operation = self.hours_op(2.0)
        self.sync(operation)
        Operation = self.env["farm.my.day.operation"].with_user(self.supervisor_user2)
        answer = Operation._answer_twice(operation["key"])
        self.assertEqual(answer["status"], "error")
        self.assertIn(SOMEONE_ELSE, answer["message"])

    # --- an absent person keeps no hours ---

    def test_marking_absent_in_my_day_removes_the_hours(self):
        self.sync(self.hours_op(3.0))
        self.assertEqual(self.amina_job.done_hours, 3.0)
        self.assertEqual(self.work_hours().hours, 3.0)
        (answer,) = self.sync(self.absent_op())
        self.assertEqual(answer["status"], "done", answer)
        self.assertEqual(self.amina_job.attendance, "absent")
        self.assertFalse(self.amina_job.hours_ids)
        self.assertEqual((self.amina_job.done_hours, self.line.done_hours), (0.0, 0.0))
        self.assertFalse(self.work_hours())

    def test_hours_sent_for_an_absent_person_are_refused(self):
        self.sync(self.absent_op())
        (answer,) = self.sync(self.hours_op(2.0))
        self.assertEqual(answer["status"], "error")
        self.assertIn(ABSENT, answer["message"])
        self.assertFalse(self.amina_job.hours_ids)

    def test_absent_then_hours_in_one_batch(self):
        absent, hours = self.sync(self.absent_op(), self.hours_op(2.0))
        self.assertEqual((absent["status"], hours["status"]), ("done", "error"))
        self.assertFalse(self.amina_job.hours_ids or self.work_hours())

    def test_hours_then_absent_in_one_batch(self):
        hours, absent = self.sync(self.hours_op(2.0), self.absent_op())
        self.assertEqual((hours["status"], absent["status"]), ("done", "done"))
        self.assertFalse(self.amina_job.hours_ids or self.work_hours())

    def test_zero_hours_may_stay_but_not_become_more(self):
        self.amina_job.attendance = "absent"
        Hours = self.env["farm.intervention.hours"].with_user(self.supervisor_user)
        record = Hours.create(
            {"assignment_id": self.amina_job.id, "line_id": self.line.id, "hours": 0.0}
        )
        with self.assertRaises(ValidationError) as caught:
            record.hours = 0.25
        self.assertIn(ABSENT, str(caught.exception))

    def test_no_hours_typed_on_the_team_for_an_absent_person(self):
        assignment = self.amina_job.with_user(self.supervisor_user)
        assignment.attendance = "absent"
        with self.assertRaises(ValidationError) as caught:
            assignment.done_hours = 2.0
        self.assertIn(ABSENT, str(caught.exception))
        with self.assertRaises(ValidationError) as caught:
            self.env["farm.intervention.hours"].with_user(self.supervisor_user).create(
                {"assignment_id": assignment.id, "line_id": self.line.id, "hours": 2.0}
            )
        self.assertIn(ABSENT, str(caught.exception))
        self.assertFalse(self.amina_job.hours_ids)

    def test_a_person_with_hours_is_not_marked_absent_on_the_team(self):
        self.sync(self.hours_op(2.0))
        with self.assertRaises(ValidationError) as caught:
            self.amina_job.with_user(self.supervisor_user).attendance = "absent"
        self.assertIn(ABSENT, str(caught.exception))
        self.assertEqual(self.amina_job.done_hours, 2.0)

    def test_an_absent_person_is_not_added_with_hours(self):
        with self.assertRaises(ValidationError) as caught:
            self.env["farm.intervention.assignment"].create(
                {
                    "intervention_id": self.job.id,
                    "employee_id": self.david.id,
                    "role": "worker",
                    "date_start": self.job.date_start,
                    "date_end": self.job.date_end,
                    "attendance": "absent",
                    "hours_ids": [Command.create({"line_id": self.line.id, "hours": 2.0})],
                }
            )
        self.assertIn("Absence à l'appel pour David Salarié", str(caught.exception))
