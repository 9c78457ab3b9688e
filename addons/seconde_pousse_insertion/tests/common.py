# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from contextlib import contextmanager
from datetime import date, timedelta

from odoo.addons.seconde_pousse_base.tests.common import make_role_user


class InsertionCommon:
    """Builds a small insertion world: role users, a skill type, an employee with a
    PASS IAE, a CDDI contract and a running pathway. Never relies on demo data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.coordinator = make_role_user(env, "coordinator", login="ins_coordinator")
        cls.counsellor = make_role_user(env, "counsellor", login="ins_counsellor")
        cls.supervisor = make_role_user(env, "supervisor", login="ins_supervisor")
        cls.supervisor2 = make_role_user(env, "supervisor", login="ins_supervisor2")
        # Export rights (base.group_allow_export) so that tests prove the field rules,
        # not the lack of the export right.
        export = env.ref("base.group_allow_export")
        (cls.counsellor | cls.supervisor).write({"groups_id": [(4, export.id)]})
        cls.skill_type = env["hr.skill.type"].create(
            {
                "name": "Maraîchage (test)",
                "skill_level_ids": [
                    (0, 0, {"name": "Débutant", "level_progress": 20}),
                    (0, 0, {"name": "Autonome", "level_progress": 60}),
                    (0, 0, {"name": "Expert", "level_progress": 100}),
                ],
                "skill_ids": [(0, 0, {"name": "Désherbage"}), (0, 0, {"name": "Récolte"})],
            }
        )
        cls.level_beginner, cls.level_autonomous, cls.level_expert = (
            cls.skill_type.skill_level_ids.sorted("level_progress")
        )
        cls.skill_weeding = cls.skill_type.skill_ids.filtered(lambda s: s.name == "Désherbage")
        cls.skill_harvest = cls.skill_type.skill_ids - cls.skill_weeding
        cls.other_type = env["hr.skill.type"].create(
            {
                "name": "Langues (test)",
                "skill_level_ids": [(0, 0, {"name": "A1", "level_progress": 10})],
                "skill_ids": [(0, 0, {"name": "Français"})],
            }
        )
        cls.employee = cls.make_employee("Karim Benali")
        cls.contract = cls.make_contract(cls.employee)
        cls.pathway = cls.make_pathway(cls.employee, date(2025, 1, 6), stage="pathway")

    @contextmanager
    def assertRefused(self, exception, message):
        """Like assertRaisesRegex, inside Odoo's savepoint (so nothing is saved)."""
        with self.assertRaises(exception) as error:
            yield error
        self.assertIn(message, str(error.exception))

    @classmethod
    def make_employee(cls, name, **values):
        return cls.env["hr.employee"].create(
            {
                "name": name,
                "is_insertion_employee": True,
                "pass_iae_number": "999992512345",
                "pass_iae_start": date(2025, 1, 1),
                "pass_iae_end": date(2026, 12, 31),
                "referent_counsellor_id": cls.counsellor.id,
                "social_situation": "Hébergé chez un proche",
                **values,
            }
        )

    @classmethod
    def make_pass_history(cls, employee, env=None):
        """A PASS IAE ending in two months, suspended ten days last month and prolonged
        by three months, dated from today so that the rules always allow them."""
        env = env or cls.env
        today = date.today()
        employee.sudo().write(
            {
                "pass_iae_start": today - timedelta(days=400),
                "pass_iae_end": today + timedelta(days=60),
            }
        )
        suspension = env["insertion.pass.suspension"].create(
            {
                "employee_id": employee.id,
                "date_start": today - timedelta(days=30),
                "date_end": today - timedelta(days=20),
                "reason": "contract_suspended",
            }
        )
        prolongation = env["insertion.pass.prolongation"].create(
            {
                "employee_id": employee.id,
                "date_end": today + timedelta(days=160),
                "reason": "complete_training",
            }
        )
        return suspension, prolongation

    @classmethod
    def link_annex_2025(cls):
        """The 2025 annexe financière (Bouches-du-Rhône, 8.5 posts) of the CDDI contract."""
        cls.annex = cls.env["insertion.financial.annex"].create(
            {
                "department": "013",
                "year": 2025,
                "structure_number": "0042",
                "date_start": date(2025, 1, 1),
                "date_end": date(2025, 12, 31),
                "funded_fte": 8.5,
            }
        )
        cls.contract.financial_annex_id = cls.annex

    @staticmethod
    def make_funding_records(env, employee, year):
        """An annexe financière of the year and a statement with a line for employee, so
        that a world holds one record of each (the per-role tests read them)."""
        annex = env["insertion.financial.annex"].create(
            {
                "structure_number": "0042",
                "year": year,
                "date_start": date(year, 1, 1),
                "date_end": date(year, 12, 31),
                "funded_fte": 8,
            }
        )
        statement = env["insertion.asp.statement"].create(
            {"annex_id": annex.id, "month": date(year, 3, 1)}
        )
        env["insertion.asp.statement.line"].create(
            {
                "statement_id": statement.id,
                "employee_id": employee.id,
                "employee_name": employee.sudo().name,
                "hours_worked": 80,
            }
        )
        return annex, statement

    @classmethod
    def make_contract(cls, employee, env=None, **values):
        return (env or cls.env)["hr.contract"].create(
            {
                "name": f"CDDI {employee.name}",
                "employee_id": employee.id,
                "contract_type_id": cls.env.ref("seconde_pousse_insertion.contract_type_cddi").id,
                "date_start": date(2025, 1, 6),
                "date_end": date(2025, 7, 5),
                "wage": 1500,
                "state": "open",
                **values,
            }
        )

    @classmethod
    def make_pathway(cls, employee, start, **values):
        return cls.env["insertion.pathway"].create(
            {
                "employee_id": employee.id,
                "date_start": start,
                "professional_goal": "Ouvrier agricole",
                **values,
            }
        )
