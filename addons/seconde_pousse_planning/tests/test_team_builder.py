# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime

from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tests import tagged

from .common import PlanningCase


@tagged("post_install", "-at_install")
class TestTeamBuilder(PlanningCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        skill_type = cls.env["hr.skill.type"].create(
            {
                "name": "Arboriculture test",
                "skill_ids": [Command.create({"name": "Taille test"})],
                "skill_level_ids": [
                    Command.create({"name": "Découverte", "level_progress": 0}),
                    Command.create({"name": "En cours", "level_progress": 50}),
                    Command.create({"name": "Autonome", "level_progress": 100}),
                ],
            }
        )
        cls.skill = skill_type.skill_ids
        levels = {level.level_progress: level for level in skill_type.skill_level_ids}
        cls.task_type.skill_target_ids = [
            Command.create({"skill_id": cls.skill.id, "target_level_id": levels[100].id})
        ]
        for employee, progress in (
            (cls.amina, 100),
            (cls.bruno, 0),
            (cls.chloe, 50),
            (cls.david, 100),
        ):
            cls.env["hr.employee.skill"].create(
                {
                    "employee_id": employee.id,
                    "skill_id": cls.skill.id,
                    "skill_type_id": skill_type.id,
                    "skill_level_id": levels[progress].id,
                }
            )
        cls.intervention.user_id = cls.supervisor_user
        cls.target = cls.make_intervention(day=4)
        cls.target.user_id = cls.supervisor_user

    def builder(self, intervention=None, count=2):
        env = self.env(user=self.supervisor_user)
        return env["farm.team.builder"].create(
            {"intervention_id": (intervention or self.target).id, "worker_count": count}
        )

    def lines(self, builder, role="worker"):
        return builder.line_ids.filtered(lambda line: line.role == role).sorted("rank")

    def test_proposes_supervisor_and_workers_with_reasons(self):
        # David is busy elsewhere at the same time
        self.assign(
            self.david, intervention=self.make_intervention(day=4, start_hour=9, end_hour=11)
        )
        builder = self.builder()
        builder.action_propose()
        supervisors = self.lines(builder, "supervisor")
        self.assertEqual(supervisors[0].employee_id, self.sup_employee)
        self.assertTrue(supervisors[0].selected)
        self.assertIn("encadrant responsable", supervisors[0].reason)
        self.assertFalse(supervisors[1].selected)
        workers = self.lines(builder)
        # learning goals first: Bruno (0 %), Chloé (50 %), then Amina already at the target
        self.assertEqual(workers.employee_id[:3], self.bruno | self.chloe | self.amina)
        self.assertIn("Taille test 0% → 100%", workers[0].reason)
        self.assertIn("peut transmettre", workers[2].reason)
        # a learner and a peer at the target level who passes the skill on
        self.assertEqual(workers.filtered("selected").employee_id, self.bruno | self.amina)
        self.assertIn("choisi(e) pour transmettre", workers[2].reason)
        david = workers.filtered(lambda line: line.employee_id == self.david)
        self.assertFalse(david.available)
        self.assertIn("déjà planifié(e) ailleurs", david.reason)

    def test_rotation_prefers_who_did_the_task_least(self):
        # Bruno pruned three times lately, Chloé never: with the same learning need, Chloé first
        for day in (9, 10, 11):
            past = self.make_intervention(day=day, month=2)
            self.assign(self.bruno, intervention=past)
        self.env["hr.employee.skill"].search(
            [("employee_id", "=", self.chloe.id)]
        ).skill_level_id = (
            self.env["hr.employee.skill"]
            .search([("employee_id", "=", self.bruno.id)])
            .skill_level_id
        )
        builder = self.builder(count=1)
        builder.action_propose()
        workers = self.lines(builder)
        self.assertEqual(workers[0].employee_id, self.chloe)
        self.assertIn("jamais sur Taille test", workers[0].reason)
        bruno = workers.filtered(lambda line: line.employee_id == self.bruno)
        self.assertIn("3 fois sur Taille test", bruno.reason)

    def test_leave_and_contract_make_people_unavailable(self):
        late = self.make_intervention(day=4)
        late.write(
            {"date_start": datetime(2027, 2, 1, 7, 0), "date_end": datetime(2027, 2, 1, 12, 0)}
        )
        builder = self.builder(intervention=late)
        builder.action_propose()
        self.assertFalse(builder.line_ids.filtered("available"))
        self.assertIn("aucun contrat", builder.line_ids[0].reason)
        with self.assertRaises(UserError) as caught:
            builder.action_confirm()
        self.assertIn("Sélectionnez au moins une personne à affecter", str(caught.exception))

    def test_approved_leave_makes_a_worker_unavailable(self):
        self.approve_leave(self.bruno, "2026-03-04", "2026-03-04")
        builder = self.builder()
        builder.action_propose()
        bruno = builder.line_ids.filtered(lambda line: line.employee_id == self.bruno)
        self.assertFalse(bruno.available)
        self.assertFalse(bruno.selected)
        self.assertIn("en congé validé", bruno.reason)
        self.assertTrue(self.lines(builder).filtered("available"))

    def test_licence_holder_is_chosen_to_drive(self):
        self.david.licence_ids = self.licence_c
        self.book(self.truck, intervention=self.target)  # team still empty
        builder = self.builder()
        builder.action_propose()
        selected = builder.line_ids.filtered("selected").employee_id
        self.assertIn(self.david, selected)
        self.assertIn(self.bruno, selected)
        david = builder.line_ids.filtered(lambda line: line.employee_id == self.david)
        self.assertIn("choisi(e) pour conduire (permis C)", david.reason)

    def test_confirm_creates_the_team(self):
        builder = self.builder()
        builder.action_propose()
        # the supervisor edits: Amina instead of Chloé
        builder.line_ids.filtered(lambda line: line.employee_id == self.chloe).selected = False
        builder.line_ids.filtered(lambda line: line.employee_id == self.amina).selected = True
        builder.action_confirm()
        team = self.target.assignment_ids
        self.assertEqual(team.employee_id, self.sup_employee | self.bruno | self.amina)
        self.assertEqual(
            team.filtered(lambda a: a.role == "supervisor").employee_id, self.sup_employee
        )
        self.assertEqual(set(team.mapped("date_start")), {self.target.date_start})
        self.assertEqual(self.target.team_size, 3)

    def test_open_from_the_intervention(self):
        action = self.target.with_user(self.supervisor_user).action_open_team_builder()
        builder = self.env["farm.team.builder"].browse(action["res_id"])
        self.assertTrue(builder.line_ids.filtered("selected"))
