# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The hostile-client harness (seconde_pousse_base/tests/hostile.py) over every model and
public method of base, farm, insertion and planning, and every route of their
controllers, as each role."""

from datetime import date, datetime, timedelta

import psycopg2

from odoo import http
from odoo.exceptions import AccessError
from odoo.fields import Command
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.seconde_pousse_base.tests.common import make_role_user
from odoo.addons.seconde_pousse_base.tests.hostile import HostileHttpMixin
from odoo.addons.seconde_pousse_insertion.tests.common import InsertionCommon

from .my_day_common import MyDayCase

MODULES = (
    "seconde_pousse_base",
    "seconde_pousse_farm",
    "seconde_pousse_insertion",
    "seconde_pousse_planning",
)


@tagged("post_install", "-at_install")
class TestHostileClients(HostileHttpMixin, MyDayCase, HttpCase):
    """Two farms, each with its farmer, request, done intervention and review sent to
    sign; today's job of Ma journée; an insertion employee's pathway with a barrier, an
    action, a skill evaluation, hours and an ASP statement. Every role calls everything."""

    hostile_modules = MODULES

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.hostile_setup("Hostile clients: base, farm, insertion, planning")
        env = cls.env
        cls.accountant = make_role_user(env, "accountant", login="hx_acc")
        cls.farmer = cls._farmer(cls.tour_farm, "hx_farmer")
        cls._farmer(cls.farm, "hx_farmer_other")
        cls.cook = make_role_user(env, "canteen", login="hx_canteen")
        cls.hostile_roles = {
            "coordinator": cls.coordinator,
            "supervisor": cls.supervisor_user,
            "counsellor": cls.counsellor,
            "accountant": cls.accountant,
            "farmer": cls.farmer,
            "canteen": cls.cook,
        }
        for farm in (cls.tour_farm, cls.farm):
            cls._farm_world(farm)
        cls._insertion_world(cls.amina)

    @classmethod
    def _farmer(cls, farm, login):
        contact = cls.env["res.partner"].create(
            {"name": f"Contact {login}", "parent_id": farm.id, "email": f"{login}@example.com"}
        )
        return make_role_user(cls.env, "farmer", login=login, partner_id=contact.id)

    @classmethod
    def _farm_world(cls, farm):
        env = cls.env
        env["farm.intervention.request"].create(
            {
                "partner_id": farm.id,
                "description": "Taille des pommiers",
                "task_type_ids": [Command.set(cls.task_type.ids)],
                "date_from": date(2026, 3, 2),
                "date_to": date(2026, 3, 6),
                "estimated_hours": 12.0,
            }
        )
        done = env["farm.intervention"].create(
            {
                "partner_id": farm.id,
                "date_start": datetime(2026, 3, 4, 7, 0),
                "date_end": datetime(2026, 3, 4, 12, 0),
                "line_ids": [
                    Command.create(
                        {"task_type_id": cls.task_type.id, "planned_hours": 4, "done_hours": 4}
                    )
                ],
            }
        )
        done.write({"state": "done"})
        review = env["farm.intervention.review"].create(
            {"intervention_id": done.id, "rating_quality": "4", "supervisor_notes": "Propre"}
        )
        review.action_send()
        env["farm.closed.period"].create(
            {
                "partner_id": farm.id,
                "name": "Récolte",
                "date_from": date(2026, 8, 1),
                "date_to": date(2026, 8, 15),
            }
        )

    @classmethod
    def _insertion_world(cls, employee):
        env = cls.env
        employee.write(
            {
                "pass_iae_number": "999992512345",
                "pass_iae_start": date(2025, 1, 1),
                "pass_iae_end": date(2027, 12, 31),
                "referent_counsellor_id": cls.counsellor.id,
            }
        )
        pathway = env["insertion.pathway"].create(
            {
                "employee_id": employee.id,
                "date_start": cls.today - timedelta(days=30),
                "professional_goal": "Ouvrier agricole",
            }
        )
        env["insertion.barrier"].create(
            {"pathway_id": pathway.id, "name": "Pas de permis", "barrier_type": "mobility"}
        )
        env["insertion.action"].create({"pathway_id": pathway.id, "name": "Entretien"})
        env["insertion.skill.evaluation"].create(
            {
                "employee_id": employee.id,
                "skill_id": cls.skill.id,
                "skill_level_id": cls.levels[0].id,
                "evaluator_id": cls.supervisor_user.id,
            }
        )
        env["insertion.work.hours"].create(
            {"employee_id": employee.id, "month": date(2026, 3, 1), "hours": 80}
        )
        InsertionCommon.make_funding_records(env, employee, 2026)

    def test_models_and_methods(self):
        """Every public method, create, write and unlink of every model, as each role:
        refused cleanly or stored and valid."""
        failures = self.explore_models()
        self.assertGreater(self.hostile_outcomes.counts["methods"], 20)
        self.assertFalse(failures, "\n".join(failures))

    def test_routes(self):
        """Every route of the farmer's portal and of the planning, as each role and as a
        visitor: a page or a clean error, never a 500."""
        failures = self.explore_routes()
        self.assertGreater(self.hostile_outcomes.counts["routes"], 10)
        self.assertFalse(failures, "\n".join(failures))

    def test_planning_checks_come_after_the_access_check(self):
        """A farmer's assignment is refused for want of the right, before the overlap
        checks put the values it sent in a query (a list for a person was a
        DatatypeMismatch)."""
        values = {
            "intervention_id": self.job.id,
            "employee_id": [None, False, -1.5],
            "date_start": self.job.date_start,
            "date_end": self.job.date_end,
        }
        with self.assertRaises(AccessError) as created:
            self.env["farm.intervention.assignment"].with_user(self.farmer).create(values)
        with self.assertRaises(AccessError) as written:
            self.team[self.amina].with_user(self.farmer).write({"employee_id": "x"})
        # Odoo's refusal of the right (its message names the model), not a check's
        for caught in (created, written):
            self.assertIn("farm.intervention.assignment", str(caught.exception))

    def test_a_token_that_is_not_ascii_is_a_wrong_token(self):
        """A visitor's token with an accent was a 500 (Odoo's comparison of tokens
        raises on it): it is refused like a wrong token, the visitor sent home."""
        review = self.env["farm.intervention.review"].search(
            [("partner_id", "=", self.farm.id)], limit=1
        )
        request = self.env["farm.intervention.request"].search(
            [("partner_id", "=", self.farm.id)], limit=1
        )
        self.authenticate(self.farmer.login, self.farmer.login)
        for url in (f"/my/reviews/{review.id}", f"/my/requests/{request.id}"):
            response = self.url_open(f"{url}?access_token=%C3%A9t%C3%A9", allow_redirects=False)
            self.assertIn(response.status_code, (301, 302, 303), url)
            self.assertTrue(response.headers["Location"].endswith("/my"), url)
        response = self.url_open(
            f"/my/reviews/{review.id}/assess?access_token=%C2%A5",
            data={"csrf_token": http.Request.csrf_token(self), "farmer_comment": "x"},
            allow_redirects=False,
        )
        self.assertIn(response.status_code, (301, 302, 303))

    def test_an_invoice_naming_no_intervention_has_no_work_date(self):
        """A client creating an invoice may put anything in its interventions' list (0,
        False): the service date reads only the interventions (an AttributeError on
        the client's False before)."""
        move = (
            self.env["account.move"]
            .with_user(self.accountant)
            .create(
                {
                    "move_type": "out_invoice",
                    "partner_id": self.farm.id,
                    "farm_intervention_ids": [0],
                }
            )
        )
        self.assertFalse(move._farm_work_days())

    def test_a_request_without_its_end_is_refused_by_the_database(self):
        """Clearing a request's wished end reaches the database's NOT NULL (the RPC
        layer names the field), not a comparison of a date with nothing."""
        request = self.env["farm.intervention.request"].search(
            [("partner_id", "=", self.farm.id)], limit=1
        )
        with (
            self.assertRaises(psycopg2.errors.NotNullViolation) as caught,
            mute_logger("odoo.sql_db"),
        ):
            request.with_user(self.coordinator).write({"date_to": False})
            request.flush_recordset()
        self.assertEqual(caught.exception.diag.column_name, "date_to")
