# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, TransactionCase, tagged

from .common import InsertionCommon


@tagged("post_install", "-at_install")
class TestInsertionSkillEvaluation(InsertionCommon, TransactionCase):
    def evaluate(self, user, level, day, skill=None, **values):
        return (
            self.env["insertion.skill.evaluation"]
            .with_user(user)
            .create(
                {
                    "employee_id": self.employee.id,
                    "skill_id": (skill or self.skill_weeding).id,
                    "skill_level_id": level.id,
                    "date": day,
                    **values,
                }
            )
        )

    def current_level(self, skill=None):
        line = self.employee.employee_skill_ids.filtered(
            lambda s: s.skill_id == (skill or self.skill_weeding)
        )
        return line.skill_level_id

    def test_supervisor_evaluation_sets_current_level_and_keeps_history(self):
        first = self.evaluate(self.supervisor, self.level_beginner, date(2025, 2, 3))
        self.assertEqual(first.evaluator_id, self.supervisor)
        self.assertEqual(first.pathway_id, self.pathway)
        self.assertEqual(self.current_level(), self.level_beginner)
        self.evaluate(self.supervisor, self.level_autonomous, date(2025, 4, 3))
        self.assertEqual(self.current_level(), self.level_autonomous)
        # an older observation recorded late does not lower the current level
        self.evaluate(self.supervisor2, self.level_beginner, date(2025, 3, 1))
        self.assertEqual(self.current_level(), self.level_autonomous)
        self.assertEqual(len(self.employee.skill_evaluation_ids), 3)
        self.assertEqual(len(self.pathway.evaluation_ids), 3)

    def test_supervisor_reads_skills_of_the_employee(self):
        self.evaluate(self.supervisor, self.level_expert, date(2025, 2, 3))
        public = self.env["hr.employee.public"].with_user(self.supervisor2).browse(self.employee.id)
        self.assertEqual(public.employee_skill_ids.skill_level_id, self.level_expert)
        evaluations = (
            self.env["insertion.skill.evaluation"]
            .with_user(self.supervisor2)
            .search_read(
                [("employee_id", "=", self.employee.id)],
                ["skill_id", "skill_level_id", "employee_id"],
            )
        )
        self.assertEqual(evaluations[0]["employee_id"][1], "Karim Benali")

    def test_level_of_another_skill_type_is_refused(self):
        level = self.other_type.skill_level_ids
        with self.assertRefused(ValidationError, "n'appartient pas au type de compétence"):
            self.evaluate(self.supervisor.with_context(lang="fr_FR"), level, date(2025, 2, 3))
        self.assertFalse(self.employee.skill_evaluation_ids)
        self.assertFalse(self.employee.employee_skill_ids)

    def test_supervisor_changes_only_own_evaluations(self):
        evaluation = self.evaluate(self.supervisor, self.level_beginner, date(2025, 2, 3))
        evaluation.with_user(self.supervisor).comment = "Soigneux"
        with self.assertRaises(AccessError) as caught:
            evaluation.with_user(self.supervisor2).write({"comment": "Autre"})
        self.assertIn("ins_supervisor2", str(caught.exception))
        evaluation.with_user(self.counsellor).write({"skill_level_id": self.level_expert.id})
        self.assertEqual(self.current_level(), self.level_expert)

    def test_supervisor_cannot_give_an_evaluation_to_another_evaluator(self):
        """The record rules hold after the write: a supervisor's evaluation stays theirs,
        and none is created in another's name."""
        evaluation = self.evaluate(self.supervisor, self.level_beginner, date(2025, 2, 3))
        with self.assertRaises(AccessError) as caught:
            with self.env.cr.savepoint():
                evaluation.with_user(self.supervisor).with_context(lang="fr_FR").write(
                    {"evaluator_id": self.supervisor2.id}
                )
        self.assertIn("ne peut pas en attribuer une à un autre évaluateur", str(caught.exception))
        self.assertEqual(evaluation.evaluator_id, self.supervisor)
        with self.assertRaises(AccessError) as caught:
            with self.env.cr.savepoint():
                self.evaluate(
                    self.supervisor,
                    self.level_beginner,
                    date(2025, 2, 4),
                    evaluator_id=self.supervisor2.id,
                )
        self.assertIn("ins_supervisor", str(caught.exception))
        # a counsellor, who changes every evaluation, may correct its evaluator
        evaluation.with_user(self.counsellor).write({"evaluator_id": self.supervisor2.id})
        self.assertEqual(evaluation.evaluator_id, self.supervisor2)

    def test_form_clears_level_of_another_type(self):
        with Form(self.env["insertion.skill.evaluation"].with_user(self.supervisor)) as form:
            form.employee_id = self.employee
            form.skill_id = self.skill_harvest
            form.skill_level_id = self.level_autonomous
            form.skill_id = self.other_type.skill_ids
            self.assertFalse(form.skill_level_id)
            form.skill_level_id = self.other_type.skill_level_ids
        self.assertEqual(form.record.evaluator_id, self.supervisor)

    def test_source_selection_is_extensible(self):
        selection = (
            self.env["insertion.skill.evaluation"]
            ._fields["source"]
            ._description_selection(self.env)
        )
        self.assertIn("insertion.action", dict(selection))
        action = self.env["insertion.action"].create(
            {"pathway_id": self.pathway.id, "action_type": "training", "name": "Taille"}
        )
        evaluation = self.evaluate(
            self.counsellor,
            self.level_beginner,
            date(2025, 2, 3),
            source=f"insertion.action,{action.id}",
        )
        self.assertEqual(evaluation.source, action)
        values = evaluation.with_user(self.supervisor).read(["source"])[0]
        self.assertEqual(values["source"], f"insertion.action,{action.id}")
