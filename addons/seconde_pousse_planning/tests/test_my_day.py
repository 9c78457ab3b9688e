# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
""" "Ma journée" as the phone calls it (XML-RPC here, JSON-RPC in the browser): what it
loads, each operation recorded exactly once, conflicts and refusals named, the roles that
may not use it, and a load whose query count does not grow with history."""

import base64
import io
from datetime import datetime, time, timedelta
from xmlrpc.client import Fault

from PIL import Image

from odoo.tests import HttpCase, tagged

from odoo.addons.seconde_pousse_base.tests.common import make_role_user

from .my_day_common import MyDayCase


def png():
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (40, 120, 40)).save(buffer, "PNG")
    return base64.b64encode(buffer.getvalue()).decode()


@tagged("post_install", "-at_install")
class TestMyDay(MyDayCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.accountant = make_role_user(cls.env, "accountant", login="day_acc")
        cls.farmer = make_role_user(cls.env, "farmer", login="day_farmer")
        cls.n = 0

    def call(self, user, method, *args, model="farm.my.day"):
        password = user.login.ljust(8, "x")  # as new_test_user makes it
        return self.xmlrpc_object.execute_kw(
            self.env.cr.dbname, user.id, password, model, method, list(args), {}
        )

    def op(self, kind, **values):
        TestMyDay.n += 1
        return {
            "key": f"test-key-{self.n:06d}",
            "kind": kind,
            "intervention_id": self.job.id,
            **values,
        }

    def sync(self, *operations, user=None):
        return self.call(user or self.supervisor_user, "sync", list(operations))

    def test_the_day_holds_the_job_its_team_tasks_equipment_and_skills(self):
        day = self.call(self.supervisor_user, "load")
        self.assertEqual(day["day"], str(self.today))
        (job,) = day["interventions"]
        self.assertEqual(
            (job["farm"], job["time"], job["state"]), ("Ferme du Tour", "07:00 – 12:00", "planned")
        )
        self.assertEqual(
            [(m["employee"], m["role"]) for m in job["team"]],
            [
                ("Marc Encadrant", "supervisor"),
                ("Amina Salariée", "worker"),
                ("Bruno Salarié", "worker"),
                ("Chloé Salariée", "worker"),
            ],
        )
        line = str(self.job.line_ids.id)
        self.assertEqual(job["team"][1]["planned"], {line: 5.0})  # the slot, on the one task
        self.assertEqual([b["name"] for b in job["bookings"]], ["Débroussailleuse test"])
        self.assertEqual(
            job["skills"],
            [
                {
                    "id": self.skill.id,
                    "name": "Taille des arbres test",
                    "levels": [{"id": lv.id, "name": lv.name} for lv in self.levels],
                }
            ],
        )
        self.assertIn("app_id=seconde_pousse_planning", day["install_url"])
        # another supervisor's day does not show this job
        self.assertEqual(self.call(self.supervisor_user2, "load")["interventions"], [])

    def test_an_operation_sent_twice_is_recorded_once(self):
        amina = self.team[self.amina]
        operations = [
            self.op("hours", assignment_id=amina.id, line_id=self.job.line_ids.id, hours=4.0),
            self.op(
                "observation",
                assignment_id=amina.id,
                comment="Soigneuse",
                skill_id=self.skill.id,
                level_id=self.levels[0].id,
            ),
        ]
        first = self.sync(*operations)
        again = self.sync(*operations)  # the answer was lost: the phone sends it all again
        self.assertEqual([r["status"] for r in first + again], ["done"] * 4)
        self.assertEqual([r.get("again", False) for r in again], [True, True])
        self.assertEqual(amina.hours_ids.mapped("hours"), [4.0])
        evaluations = self.env["insertion.skill.evaluation"].search(
            [("employee_id", "=", self.amina.id)]
        )
        self.assertEqual(len(evaluations), 1)
        self.assertEqual(evaluations.source, self.job)
        self.assertEqual(
            self.env["farm.my.day.operation"].search_count([("key", "like", "test-key-")]), 2
        )

    def test_the_same_key_arriving_twice_at_once_is_applied_once(self):
        """The second request looked for the key before the first one saved it: the unique
        key refuses its insert, and it answers without applying anything."""
        amina = self.team[self.amina]
        operation = self.op(
            "hours", assignment_id=amina.id, line_id=self.job.line_ids.id, hours=2.5
        )
        Operation = self.env["farm.my.day.operation"].with_user(self.supervisor_user)
        first = Operation._apply_once(operation, known=None)
        second = Operation._apply_once(
            dict(operation, hours=6.0), known=None
        )  # raced past the lookup
        self.assertEqual(
            (first["status"], second["status"], second["again"]), ("done", "done", True)
        )
        self.assertEqual(amina.hours_ids.mapped("hours"), [2.5])

    def test_a_worker_taken_off_the_team_meanwhile_is_a_conflict(self):
        bruno = self.team[self.bruno]
        bruno.with_user(self.coordinator).active = False
        (result,) = self.sync(
            self.op("hours", assignment_id=bruno.id, line_id=self.job.line_ids.id, hours=3.0)
        )
        self.assertEqual(result["status"], "conflict")
        self.assertIn("Bruno Salarié a été retiré de l'équipe", result["message"])
        self.assertIn(self.coordinator.name, result["message"])
        self.assertFalse(bruno.hours_ids)

    def test_a_refused_operation_leaves_nothing_half_saved(self):
        amina = self.team[self.amina]
        (result,) = self.sync(
            self.op(
                "attendance",
                assignment_id=amina.id,
                attendance="present",
                arrival_time=11.0,
                departure_time=9.0,
            )
        )
        self.assertEqual(result["status"], "error")
        self.assertIn("le départ doit suivre l'arrivée", result["message"])
        self.assertFalse(amina.attendance)
        (photo,) = self.sync(
            self.op("photo", name="notes.txt", data=base64.b64encode(b"hello").decode())
        )
        self.assertEqual(photo["status"], "error")
        self.assertIn("n'est pas une image", photo["message"])
        self.assertFalse(
            self.env["ir.attachment"].search(
                [("res_model", "=", "farm.intervention"), ("res_id", "=", self.job.id)]
            )
        )

    def test_a_photo_is_an_internal_note_the_farm_does_not_see(self):
        (result,) = self.sync(self.op("photo", name="haie.png", data=png()))
        self.assertEqual(result["status"], "done")
        message = self.job.message_ids.filtered(lambda m: m.attachment_ids)
        self.assertEqual(message.attachment_ids.mimetype, "image/png")
        self.assertTrue(message.subtype_id.internal)

    def test_only_supervisors_run_a_day(self):
        for user in (self.counsellor, self.accountant, self.farmer):
            for method, args in (("load", ()), ("sync", ([self.op("progress", action="start")],))):
                with self.assertRaises(Fault) as caught:
                    self.call(user, method, *args)
                self.assertIn(
                    "Seuls les encadrants techniques et les coordinateurs",
                    caught.exception.faultString,
                )
        self.assertEqual(self.job.state, "planned")
        # the farmer reads neither the team's observations nor their hours
        for model in (
            "farm.intervention.assignment",
            "farm.intervention.hours",
            "farm.my.day.operation",
        ):
            with self.assertRaises(Fault) as caught:
                self.call(self.farmer, "search_read", [], model=model)
            self.assertIn(f"({model})", caught.exception.faultString)

    def test_my_day_installs_as_odoo_web_app(self):
        self.authenticate("pl_sup", "pl_supxx")
        manifest = self.url_open("/web/manifest.webmanifest").json()
        self.assertEqual(manifest["shortcuts"][0]["url"], "/odoo/ma-journee")
        self.assertEqual(manifest["shortcuts"][0]["name"], "Ma journée")
        scoped = self.url_open(
            "/web/manifest.scoped_app_manifest?app_id=seconde_pousse_planning&path=/odoo/ma-journee"
        ).json()
        self.assertEqual((scoped["name"], scoped["start_url"]), ("Ma journée", "/odoo/ma-journee"))
        self.assertEqual(
            scoped["icons"][0]["src"], "/seconde_pousse_planning/static/description/icon.svg"
        )
        self.authenticate("pl_cip", "pl_cipxx")
        shortcuts = self.url_open("/web/manifest.webmanifest").json()["shortcuts"]
        self.assertNotIn("/odoo/ma-journee", [s["url"] for s in shortcuts])

    def test_the_timeline_shows_leave_and_contract_ends_without_the_kind_of_leave(self):
        contract = self.env["hr.contract"].search([("employee_id", "=", self.amina.id)])
        contract.date_end = self.today + timedelta(days=10)
        leave_day = self.today + timedelta(days=3)
        # a day the person works (Monday to Thursday on a 26 h week): a leave on another
        # day is empty, refused by Odoo's time off
        worked = {
            int(day) for day in self.bruno.resource_calendar_id.attendance_ids.mapped("dayofweek")
        }
        while leave_day.weekday() not in worked:
            leave_day += timedelta(days=1)
        leave_day = str(leave_day)
        self.approve_leave(self.bruno, leave_day, leave_day)
        Assignment = self.env["farm.intervention.assignment"].with_user(self.supervisor_user)
        items = Assignment.timeline_unavailability([self.amina.id, self.bruno.id])
        self.assertEqual(
            {(item["group"], item["kind"], item["label"]) for item in items},
            {
                (self.amina.id, "contract_end", "Contrat terminé"),
                (self.bruno.id, "contract_end", "Contrat terminé"),  # in 60 days (MyDayCase)
                (self.bruno.id, "leave", "Congé"),
            },
        )
        self.assertNotIn("Congés test", str(items))
        with self.assertRaises(Fault) as caught:
            self.call(
                self.farmer,
                "timeline_unavailability",
                [self.amina.id],
                model="farm.intervention.assignment",
            )
        self.assertIn("(farm.intervention.assignment)", caught.exception.faultString)

    def test_a_client_context_cannot_defer_the_planning_checks(self):
        """The slot checks are deferred only by an object a client's context cannot carry."""
        farther = self.today + timedelta(days=200)  # beyond the contracts (MyDayCase)
        start = datetime.combine(farther, time(7, 0))
        dates = {"date_start": str(start), "date_end": str(start + timedelta(hours=4))}
        for context in ({"planning_checks": True}, {"planning_checks": "DEFER_CHECKS"}):
            with self.assertRaises(Fault) as caught:
                self.xmlrpc_object.execute_kw(
                    self.env.cr.dbname,
                    self.supervisor_user.id,
                    "pl_supxx",
                    "farm.intervention.assignment",
                    "write",
                    [[self.team[self.amina].id], dates],
                    {"context": context},
                )
            self.assertIn("en dehors des dates de son contrat", caught.exception.faultString)

    def test_loading_the_day_does_not_grow_with_history(self):
        """3 interventions and 12 workers today; then a month of past jobs with hours."""
        for hour in (13, 14):
            job = self.make_job(self.tour_farm, hour, hour + 1)
            for employee in self.workers:
                self.assign(employee, intervention=job)
            job.with_user(self.supervisor_user).action_plan()
        Day = self.env["farm.my.day"].with_user(self.supervisor_user)

        def load():
            self.env.flush_all()
            self.env.invalidate_all()
            day = Day.load()
            self.assertEqual(len(day["interventions"]), 3)
            self.assertEqual(sum(len(i["team"]) for i in day["interventions"]), 12)
            return day

        load()  # warm the caches of the registry
        with self.assertQueryCount(25):
            load()
        for days_ago in range(1, 31):
            past = self.make_job(self.tour_farm, 8, 10, day=self.today - timedelta(days=days_ago))
            for employee in self.workers[:3]:
                self.assign(employee, intervention=past, done_hours=2.0)
            past.with_user(self.supervisor_user).action_plan()
        with self.assertQueryCount(25):
            load()
