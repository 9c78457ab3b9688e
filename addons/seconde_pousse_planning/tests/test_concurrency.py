# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import threading
from datetime import date, datetime
from functools import partial

import psycopg2

from odoo import api
from odoo.exceptions import ValidationError
from odoo.fields import Command
from odoo.modules.registry import Registry
from odoo.service.model import retrying
from odoo.tests import tagged
from odoo.tests.common import BaseCase, get_db_name

from odoo.addons.seconde_pousse_base.tests.common import race

REFUSALS = (
    ValidationError,
    psycopg2.errors.ExclusionViolation,
    psycopg2.errors.SerializationFailure,
)


@tagged("post_install", "-at_install")
class TestConcurrentPlanning(BaseCase):
    """Two planners in two real database transactions: the exclusion constraint lets only
    one of them commit. Setup data is committed, and deleted again afterwards."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.registry = Registry(get_db_name())
        with cls.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            cls.uid = env.ref("base.user_admin").id
            task_type = env["farm.task.type"].create(
                {"name": "Concurrence test", "hourly_rate": 10.0}
            )
            farm = env["res.partner"].create(
                {"name": "Ferme Concurrence", "is_farm": True, "is_company": True}
            )
            employee = env["hr.employee"].create(
                {"name": "Zoé Concurrence", "is_insertion_employee": True}
            )
            contract = env["hr.contract"].create(
                {
                    "name": "Contrat Zoé",
                    "employee_id": employee.id,
                    "date_start": date(2026, 1, 1),
                    "wage": 1500.0,
                    "state": "open",
                }
            )
            interventions = env["farm.intervention"].create(
                [
                    {
                        "partner_id": farm.id,
                        "date_start": datetime(2026, 6, 1, 7, 0),
                        "date_end": datetime(2026, 6, 1, 12, 0),
                        "line_ids": [Command.create({"task_type_id": task_type.id})],
                    },
                    {
                        "partner_id": farm.id,
                        "date_start": datetime(2026, 6, 1, 9, 0),
                        "date_end": datetime(2026, 6, 1, 11, 0),
                        "line_ids": [Command.create({"task_type_id": task_type.id})],
                    },
                ]
            )
            brand = env["fleet.vehicle.model.brand"].create({"name": "Marque concurrence"})
            model = env["fleet.vehicle.model"].create(
                {"name": "Fourgon concurrence", "brand_id": brand.id}
            )
            vehicle = env["fleet.vehicle"].create(
                {"model_id": model.id, "license_plate": "CO-NCU-RR", "seats": 6}
            )
            cls.ids = {
                "brand": brand.id,
                "vehicle_model": model.id,
                "vehicle": vehicle.id,
                "task_type": task_type.id,
                "product": task_type.product_id.id,
                "farm": farm.id,
                "employee": employee.id,
                "contract": contract.id,
                "interventions": interventions.ids,
            }
        cls.addClassCleanup(cls._delete_committed_data)

    @classmethod
    def _delete_committed_data(cls):
        with cls.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {"active_test": False})
            ids = cls.ids
            env["farm.intervention.assignment"].search(
                [("employee_id", "=", ids["employee"])]
            ).unlink()
            env["farm.intervention.booking"].search([("vehicle_id", "=", ids["vehicle"])]).unlink()
            env["farm.intervention"].browse(ids["interventions"]).unlink()
            env["fleet.vehicle"].browse(ids["vehicle"]).unlink()
            env["fleet.vehicle.model"].browse(ids["vehicle_model"]).unlink()
            env["fleet.vehicle.model.brand"].browse(ids["brand"]).unlink()
            env["hr.contract"].browse(ids["contract"]).unlink()
            env["hr.employee"].browse(ids["employee"]).unlink()
            env["farm.task.type"].browse(ids["task_type"]).unlink()
            env["product.product"].browse(ids["product"]).product_tmpl_id.unlink()
            env["res.partner"].browse(ids["farm"]).unlink()

    def _values(self, index):
        intervention_id = self.ids["interventions"][index]
        start, end = (datetime(2026, 6, 1, 7, 0), datetime(2026, 6, 1, 12, 0))
        if index:
            start, end = datetime(2026, 6, 1, 9, 0), datetime(2026, 6, 1, 11, 0)
        return {
            "intervention_id": intervention_id,
            "employee_id": self.ids["employee"],
            "date_start": start,
            "date_end": end,
        }

    def _assignment_count(self):
        with self.registry.cursor() as cr:
            cr.execute(
                "SELECT COUNT(*) FROM farm_intervention_assignment WHERE employee_id = %s",
                [self.ids["employee"]],
            )
            return cr.fetchone()[0]

    def _cleanup_assignments(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {"active_test": False})
            env["farm.intervention.assignment"].search(
                [("employee_id", "=", self.ids["employee"])]
            ).unlink()

    def test_two_planners_saving_at_once_cannot_both_commit(self):
        """Planner 2 opened the planning before planner 1 committed: its Python check sees a
        free slot, and only the PostgreSQL exclusion constraint can refuse it."""
        self.addCleanup(self._cleanup_assignments)
        cr1, cr2 = self.registry.cursor(), self.registry.cursor()
        try:
            env1 = api.Environment(cr1, self.uid, {})
            env2 = api.Environment(cr2, self.uid, {"lang": "fr_FR"})
            Assignment2 = env2["farm.intervention.assignment"]
            # planner 2's transaction starts: nothing planned yet in its snapshot
            self.assertEqual(
                Assignment2.search_count([("employee_id", "=", self.ids["employee"])]), 0
            )
            env1["farm.intervention.assignment"].create(self._values(0))
            cr1.commit()
            # still invisible to planner 2 (repeatable read): the Python pre-check passes
            self.assertEqual(
                Assignment2.search_count([("employee_id", "=", self.ids["employee"])]), 0
            )
            with self.assertRaises(REFUSALS) as catcher:
                Assignment2.create(self._values(1))
                cr2.commit()
            cr2.rollback()
            if isinstance(catcher.exception, ValidationError):
                self.assertIn("Zoé Concurrence", str(catcher.exception))
        finally:
            cr1.close()
            cr2.close()
        self.assertEqual(self._assignment_count(), 1)

    def test_second_planner_waits_for_the_first_then_fails(self):
        """Both save before either commits: the second insert waits on the first one's
        uncommitted slot, and fails as soon as the first commits."""
        self.addCleanup(self._cleanup_assignments)
        outcome = {}

        def second_planner():
            with self.registry.cursor() as cr2:
                env2 = api.Environment(cr2, self.uid, {})
                try:
                    env2["farm.intervention.assignment"].create(self._values(1))
                    cr2.commit()
                    outcome["committed"] = True
                except REFUSALS as error:
                    cr2.rollback()
                    outcome["error"] = error

        cr1 = self.registry.cursor()
        try:
            env1 = api.Environment(cr1, self.uid, {})
            env1["farm.intervention.assignment"].create(self._values(0))
            thread = threading.Thread(target=second_planner)
            thread.start()
            thread.join(1.5)
            self.assertTrue(thread.is_alive(), "the second planner should wait for the first one")
            cr1.commit()
            thread.join(20)
            self.assertFalse(thread.is_alive())
        finally:
            cr1.close()
        self.assertNotIn("committed", outcome)
        self.assertIsInstance(outcome.get("error"), REFUSALS)
        self.assertEqual(self._assignment_count(), 1)

    def _race(self, index, barrier, outcomes):
        """One planner, as the server runs a call: retried on concurrency errors, then
        committed. Records what the planner is told."""
        with self.registry.cursor() as cr:
            env = api.Environment(cr, self.uid, {"lang": "fr_FR"})
            create = partial(env["farm.intervention.assignment"].create, self._values(index))
            barrier.wait(10)
            try:
                retrying(create, env)
                outcomes[index] = "saved"
            except ValidationError as error:
                outcomes[index] = str(error)

    def test_repeated_races_tell_each_planner_the_truth(self):
        """Thirty races of two planners saving overlapping slots of one person at the same
        moment: each time exactly one is told it saved, and that one is what PostgreSQL
        kept; the other is told the person is already planned."""
        self.addCleanup(self._cleanup_assignments)
        for attempt in range(30):
            outcomes = race(self._race)
            saved = [index for index, told in outcomes.items() if told == "saved"]
            self.assertEqual(len(saved), 1, f"race {attempt}: {outcomes}")
            loser = outcomes[1 - saved[0]]
            self.assertIn("Zoé Concurrence", loser, f"race {attempt}")
            self.assertIn("déjà planifié", loser, f"race {attempt}")
            with self.registry.cursor() as cr:
                cr.execute(
                    "SELECT intervention_id FROM farm_intervention_assignment "
                    "WHERE employee_id = %s",
                    [self.ids["employee"]],
                )
                kept = [row[0] for row in cr.fetchall()]
            self.assertEqual(kept, [self.ids["interventions"][saved[0]]], f"race {attempt}")
            self._cleanup_assignments()

    def test_two_planners_booking_one_vehicle_cannot_both_commit(self):
        def cleanup():
            with self.registry.cursor() as cr:
                env = api.Environment(cr, api.SUPERUSER_ID, {"active_test": False})
                env["farm.intervention.booking"].search(
                    [("vehicle_id", "=", self.ids["vehicle"])]
                ).unlink()

        self.addCleanup(cleanup)
        values = [
            {**self._values(index), "vehicle_id": self.ids["vehicle"], "resource_type": "vehicle"}
            for index in (0, 1)
        ]
        for vals in values:
            del vals["employee_id"]
        cr1, cr2 = self.registry.cursor(), self.registry.cursor()
        try:
            env1 = api.Environment(cr1, self.uid, {})
            env2 = api.Environment(cr2, self.uid, {"lang": "fr_FR"})
            Booking2 = env2["farm.intervention.booking"]
            self.assertEqual(Booking2.search_count([("vehicle_id", "=", self.ids["vehicle"])]), 0)
            env1["farm.intervention.booking"].create(values[0])
            cr1.commit()
            with self.assertRaises(REFUSALS) as catcher:
                Booking2.create(values[1])
                cr2.commit()
            cr2.rollback()
            if isinstance(catcher.exception, ValidationError):
                self.assertIn("CO-NCU-RR", str(catcher.exception))
        finally:
            cr1.close()
            cr2.close()
        with self.registry.cursor() as cr:
            cr.execute(
                "SELECT COUNT(*) FROM farm_intervention_booking WHERE vehicle_id = %s",
                [self.ids["vehicle"]],
            )
            self.assertEqual(cr.fetchone()[0], 1)
