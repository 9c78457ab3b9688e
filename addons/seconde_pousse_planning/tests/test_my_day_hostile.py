# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
""" "Ma journée" against what a phone should never send, and a supervisor's typing errors:
an operation is answered "done" only when what it asked is stored; a wrong value is
refused on its own, with its reason in French, recorded as refused, and its neighbours
are applied. The public methods of the planning answer a clear error to bad arguments."""

import base64
import io
from datetime import timedelta

from PIL import Image, PngImagePlugin

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import tagged

from odoo.addons.seconde_pousse_base.tests.common import make_role_user

from .my_day_common import MyDayCase


def picture(kind, size=(8, 8), **save):
    buffer = io.BytesIO()
    mode = "RGBA" if kind == "PNG" else "RGB"
    Image.new(mode, size, (40, 120, 40)).save(buffer, kind, **save)
    return buffer.getvalue()


# an 8 x 8 WebP picture: a format Odoo does not let Pillow read (odoo.tools.image)
WEBP = "UklGRjgAAABXRUJQVlA4ICwAAACwAQCdASoIAAgAAUAmJaACdLoABGaAAP7wm0P+A3XxbTL/5BjyU9DWa4AAAA=="


def b64(content):
    return base64.b64encode(content).decode()


@tagged("post_install", "-at_install")
class TestMyDayHostile(MyDayCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.farmer = make_role_user(cls.env, "farmer", login="hostile_farmer")
        cls.line = cls.job.line_ids
        cls.amina_job = cls.team[cls.amina]
        cls.n = 0

    def op(self, kind, **values):
        TestMyDayHostile.n += 1
        return {
            "key": f"hostile-{self.n:06d}",
            "kind": kind,
            "intervention_id": self.job.id,
            **values,
        }

    def sync(self, *operations):
        return self.env["farm.my.day"].with_user(self.supervisor_user).sync(list(operations))

    def recorded(self, answer):
        return self.env["farm.my.day.operation"].search([("key", "=", answer["key"])])

    def assertRefused(self, answer, *fragments, status="error"):
        self.assertEqual(answer["status"], status, answer)
        for fragment in fragments:
            self.assertIn(fragment, answer["message"])

    # --- 1. "done" only when stored ---

    def test_a_value_failing_a_check_is_refused_and_recorded_never_done(self):
        amina = self.amina_job
        nan, inf = float("nan"), float("inf")
        answers = self.sync(
            self.op("attendance", assignment_id=amina.id, attendance="late", arrival_time=25.0),
            self.op("attendance", assignment_id=amina.id, attendance="late", departure_time=-1),
            self.op("attendance", assignment_id=amina.id, attendance="late", arrival_time=nan),
            self.op("hours", assignment_id=amina.id, line_id=self.line.id, hours=-2.0),
            self.op("hours", assignment_id=amina.id, line_id=self.line.id, hours=25),
            self.op("hours", assignment_id=amina.id, line_id=self.line.id, hours=inf),
            self.op("hours", assignment_id=amina.id, line_id=self.line.id, hours=nan),
        )
        self.assertRefused(answers[0], "Arrivée de Amina Salariée", "entre 00:00 et 23:59")
        self.assertRefused(answers[1], "Départ de Amina Salariée", "entre 00:00 et 23:59")
        self.assertRefused(answers[2], "Arrivée : un nombre est attendu, et non nan")
        self.assertRefused(
            answers[3], "Heures de Amina Salariée sur Taille test", "zéro heure ou plus"
        )
        self.assertRefused(answers[4], "Heures faites par Amina Salariée : 24 heures au plus sur 1")
        self.assertRefused(answers[5], "Heures : un nombre est attendu, et non inf")
        self.assertRefused(answers[6], "Heures : un nombre est attendu, et non nan")
        self.assertEqual(
            (amina.attendance, amina.arrival_time, amina.departure_time), (False, 0.0, 0.0)
        )
        self.assertFalse(amina.hours_ids)
        for answer in answers:
            self.assertEqual(
                self.recorded(answer).mapped("status"), ["error"], answer
            )  # kept as refused
        # sent again (the answer was lost): the same refusal, nothing applied
        again = self.sync({**self.op("attendance"), "key": answers[0]["key"], "arrival_time": 7.0})
        self.assertEqual((again[0]["status"], again[0]["again"]), ("error", True))
        self.assertEqual(again[0]["message"], answers[0]["message"])
        self.assertFalse(amina.attendance)

    def test_a_good_value_is_done_and_stored(self):
        amina = self.amina_job
        answers = self.sync(
            self.op(
                "attendance",
                assignment_id=amina.id,
                attendance="late",
                arrival_time=8.5,
                departure_time=12,
            ),
            self.op("hours", assignment_id=amina.id, line_id=self.line.id, hours=3.5),
        )
        self.assertEqual([a["status"] for a in answers], ["done", "done"])
        self.assertEqual((amina.attendance, amina.arrival_time), ("late", 8.5))
        self.assertEqual(amina.hours_ids.mapped("hours"), [3.5])

    # --- 2. each operation on its own ---

    def test_wrong_types_are_refused_one_by_one_and_their_neighbours_applied(self):
        amina, bruno = self.amina_job, self.team[self.bruno]
        other_job = self.make_job(self.tour_farm, 7, 12, day=self.today + timedelta(days=1))
        other_line = other_job.line_ids
        other_skill = self.env["hr.skill"].create(
            {"name": "Autre compétence test", "skill_type_id": self.skill.skill_type_id.id}
        )
        hostile = [
            self.op("hours", assignment_id=amina.id, line_id=self.line.id, hours="x"),
            self.op("attendance", assignment_id=amina.id, attendance="maybe"),
            self.op("photo", name="a.jpg", data=12345),
            self.op("observation", assignment_id=amina.id, comment="bien\x00"),
            {**self.op("observation", assignment_id=amina.id), "key": ["list", "of", "keys"]},
            self.op("observation", assignment_id=amina.id, comment="x", level_id=self.levels[0].id),
            self.op("hours", assignment_id=str(amina.id), line_id=self.line.id, hours=1.0),
            self.op("hours", assignment_id=True, line_id=self.line.id, hours=1.0),
            self.op("hours", assignment_id=2**40, line_id=self.line.id, hours=1.0),
            self.op("hours", assignment_id=amina.id, line_id=other_line.id, hours=1.0),
            self.op(
                "observation",
                assignment_id=amina.id,
                skill_id=other_skill.id,
                level_id=self.levels[0].id,
            ),
            self.op("progress", action="restart"),
            self.op("sign", signer_name=["Jeanne"], signature="x"),
            {**self.op("hours"), "kind": "delete_everything"},
        ]
        good_hours = self.op("hours", assignment_id=bruno.id, line_id=self.line.id, hours=4.0)
        good_note = self.op("observation", assignment_id=bruno.id, comment="Soigneux")
        answers = self.sync(good_hours, *hostile, good_note)
        self.assertEqual(answers[0]["status"], "done")
        self.assertEqual(answers[-1]["status"], "done")
        refused = answers[1:-1]
        self.assertEqual(
            [a["status"] for a in refused], ["error"] * 9 + ["conflict"] + ["error"] * 4
        )
        self.assertRefused(refused[0], "Heures : un nombre est attendu, et non 'x'")
        self.assertRefused(refused[1], "Appel : l'une des valeurs", "et non 'maybe'")
        self.assertRefused(refused[2], "Photo : un texte est attendu, et non 12345")
        self.assertRefused(refused[3], "Commentaire : le texte contient un caractère invalide")
        self.assertRefused(refused[4], "Clé de l'opération")
        self.assertEqual(refused[4]["key"], "")
        self.assertRefused(refused[5], "indiquez la compétence et son niveau")
        self.assertRefused(refused[6], "Membre de l'équipe : le numéro d'un enregistrement")
        self.assertRefused(refused[7], "Membre de l'équipe : le numéro d'un enregistrement")
        self.assertRefused(refused[8], "Membre de l'équipe : le numéro d'un enregistrement")
        self.assertRefused(
            refused[9], "Cette tâche n'est plus sur l'intervention", status="conflict"
        )
        self.assertRefused(refused[10], "seule une compétence pratiquée par les tâches")
        self.assertRefused(refused[11], "Action : l'une des valeurs start, done")
        self.assertRefused(refused[12], "Signé par : un texte est attendu")
        self.assertRefused(refused[13], "Type de l'opération")
        # the good neighbours are stored, nothing of the bad ones
        self.assertEqual(bruno.hours_ids.mapped("hours"), [4.0])
        self.assertEqual(bruno.observation, "Soigneux")
        self.assertFalse(amina.hours_ids)
        self.assertFalse(amina.attendance)
        self.assertFalse(amina.observation)
        self.assertFalse(other_line.hours_ids)
        self.assertFalse(
            self.env["insertion.skill.evaluation"].search([("employee_id", "=", self.amina.id)])
        )
        self.assertEqual(self.job.state, "planned")
        # refused with a key and a kind: recorded as refused; without them: only answered
        statuses = {a["key"]: self.recorded(a).status for a in refused if a["key"]}
        self.assertEqual(statuses[refused[0]["key"]], "error")
        self.assertFalse(statuses[refused[13]["key"]])

    def test_a_malformed_batch_is_refused_as_a_whole_with_a_clear_error(self):
        Day = self.env["farm.my.day"].with_user(self.supervisor_user)
        good = self.op("hours", assignment_id=self.amina_job.id, line_id=self.line.id, hours=1.0)
        for batch, message in (
            ("operations", "les opérations sont envoyées sous forme de liste"),
            (good, "les opérations sont envoyées sous forme de liste"),
            ([good, "hours"], "l'opération n° 2 n'est pas une opération"),
            ([good, [good]], "l'opération n° 2 n'est pas une opération"),
            ([good] * 201, "200 opérations au plus en un envoi"),
        ):
            with self.assertRaises(UserError) as caught:
                Day.sync(batch)
            self.assertIn(message, str(caught.exception))
        self.assertFalse(self.amina_job.hours_ids)
        self.assertFalse(self.recorded(good))
        self.assertEqual(Day.sync(None), [])

    def test_a_key_sent_twice_in_one_batch_is_answered_as_first_recorded(self):
        amina = self.amina_job
        bad = self.op("hours", assignment_id=amina.id, line_id=self.line.id, hours=-1.0)
        same_key = dict(bad, hours=2.0)
        first, second = self.sync(bad, same_key)
        self.assertEqual(first["status"], "error")
        self.assertEqual((second["status"], second["again"]), ("error", True))
        self.assertFalse(amina.hours_ids)

    def test_another_supervisors_key_is_refused_alone(self):
        theirs = self.op("progress", action="start")
        theirs["key"] = "someone-elses-key"
        self.env["farm.my.day.operation"].create(
            {
                "key": theirs["key"],
                "user_id": self.supervisor_user2.id,
                "kind": "progress",
                "status": "done",
            }
        )
        mine = self.op("hours", assignment_id=self.amina_job.id, line_id=self.line.id, hours=2.0)
        answers = self.sync(theirs, mine)
        self.assertRefused(answers[0], "Cette opération appartient à quelqu'un d'autre")
        self.assertEqual(answers[1]["status"], "done")
        self.assertEqual(self.amina_job.hours_ids.mapped("hours"), [2.0])

    # --- 3. equipment of another intervention ---

    def test_equipment_of_another_intervention_is_refused(self):
        other_job = self.make_job(self.tour_farm, 7, 12, day=self.today + timedelta(days=1))
        other_booking = self.env["farm.intervention.booking"].create(
            {
                "intervention_id": other_job.id,
                "equipment_id": self.trimmer.id,
                "resource_type": "equipment",
                "date_start": other_job.date_start,
                "date_end": other_job.date_end,
            }
        )
        (out,) = self.sync(self.op("equipment", booking_id=other_booking.id, action="out"))
        self.assertRefused(out, "Débroussailleuse test est réservé pour", status="conflict")
        self.assertEqual(other_booking.state, "reserved")
        other_booking.state = "checked_out"
        (back,) = self.sync(
            self.op(
                "equipment",
                booking_id=other_booking.id,
                action="in",
                condition="damaged",
                note="cassée",
            )
        )
        self.assertRefused(back, "pas pour cette intervention", status="conflict")
        self.assertEqual((other_booking.state, other_booking.condition), ("checked_out", False))
        # its own booking goes out and back, with a condition the list knows
        (bad,) = self.sync(
            self.op("equipment", booking_id=self.trimmer_booking.id, action="in", condition="??")
        )
        self.assertRefused(bad, "État au retour : l'une des valeurs")
        answers = self.sync(
            self.op("equipment", booking_id=self.trimmer_booking.id, action="out"),
            self.op("equipment", booking_id=self.trimmer_booking.id, action="in", condition="good"),
        )
        self.assertEqual([a["status"] for a in answers], ["done", "done"])
        self.assertEqual(self.trimmer_booking.state, "returned")

    # --- 4. 24 hours a day, over all of a person's assignments ---

    def afternoon(self, employee=None, day=None):
        """A second job the same day (13:00-17:00), one task, the person on it."""
        job = self.make_job(self.tour_farm, 13, 17, day=day)
        assignment = self.env["farm.intervention.assignment"].create(
            {
                "intervention_id": job.id,
                "employee_id": (employee or self.amina).id,
                "date_start": job.date_start,
                "date_end": job.date_end,
            }
        )
        return job, assignment

    def test_a_day_holds_24_hours_at_most_through_my_day(self):
        job, afternoon = self.afternoon()
        first = self.op("hours", assignment_id=self.amina_job.id, line_id=self.line.id, hours=23.0)
        second = self.op("hours", assignment_id=afternoon.id, line_id=job.line_ids.id, hours=23.0)
        second["intervention_id"] = job.id
        answers = self.sync(first, second)
        self.assertEqual(answers[0]["status"], "done")
        self.assertRefused(
            answers[1], "Heures faites par Amina Salariée le", "46.0 heures", "24 heures au plus"
        )
        self.assertEqual(self.amina_job.done_hours + afternoon.done_hours, 23.0)
        self.assertFalse(afternoon.hours_ids)

    def test_a_day_holds_24_hours_at_most_through_the_assignments_total(self):
        _job, afternoon = self.afternoon()
        self.amina_job.with_user(self.supervisor_user).done_hours = 23.0
        with self.assertRaises(ValidationError) as caught, self.cr.savepoint():
            afternoon.with_user(self.supervisor_user).done_hours = 23.0
        self.assertIn("sur l'ensemble de ses interventions de la journée", str(caught.exception))
        afternoon.with_user(self.supervisor_user).done_hours = 1.0  # the day is full
        self.assertEqual(self.amina_job.done_hours + afternoon.done_hours, 24.0)

    def test_a_day_holds_24_hours_at_most_through_the_task_lines(self):
        job, afternoon = self.afternoon()
        self.line.with_user(self.supervisor_user).write(
            {
                "hours_ids": [
                    Command.create(
                        {"assignment_id": self.amina_job.id, "line_id": self.line.id, "hours": 20}
                    )
                ]
            }
        )
        with self.assertRaises(ValidationError) as caught, self.cr.savepoint():
            job.line_ids.with_user(self.supervisor_user).write(
                {"hours_ids": [Command.create({"assignment_id": afternoon.id, "hours": 5})]}
            )
        self.assertIn("Heures faites par Amina Salariée le", str(caught.exception))
        with self.assertRaises(ValidationError) as caught, self.cr.savepoint():
            job.with_user(self.supervisor_user).write(
                {
                    "hours_ids": [
                        Command.create(
                            {
                                "assignment_id": afternoon.id,
                                "line_id": job.line_ids.id,
                                "hours": 4.5,
                            }
                        )
                    ]
                }
            )
        self.assertIn("24.5 heures sur l'ensemble", str(caught.exception))
        self.assertFalse(afternoon.hours_ids)

    def test_each_day_has_its_own_24_hours(self):
        _job, tomorrow = self.afternoon(day=self.today + timedelta(days=1))
        self.amina_job.with_user(self.supervisor_user).done_hours = 23.0
        tomorrow.with_user(self.supervisor_user).done_hours = 23.0
        self.assertEqual((self.amina_job.done_hours, tomorrow.done_hours), (23.0, 23.0))
        # another person's hours the same day do not count
        self.team[self.bruno].with_user(self.supervisor_user).done_hours = 23.0
        self.assertEqual(self.team[self.bruno].done_hours, 23.0)

    # --- 5. photos: the content decides ---

    def photos(self):
        return self.env["ir.attachment"].search(
            [("res_model", "=", "farm.intervention"), ("res_id", "=", self.job.id)]
        )

    def test_only_real_pictures_are_stored_encoded_again(self):
        svg = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script/></svg>'
        gif = io.BytesIO()
        Image.new("RGB", (8, 8)).save(gif, "GIF")
        answers = self.sync(
            self.op("photo", name="haie.jpg", data=b64(b"<html><script>alert(1)</script></html>")),
            self.op("photo", name="haie.png", data=b64(svg)),
            self.op("photo", name="haie.png", data=b64(gif.getvalue())),
            self.op("photo", name="haie.webp", data=WEBP),
            self.op("photo", name="haie.jpg", data=b64(picture("JPEG")[:40])),
            self.op("photo", name="haie.jpg", data="not base64!"),
        )
        for answer in answers:
            self.assertRefused(answer, "Photo")
        for answer in answers[:5]:
            self.assertIn("n'est pas une image (JPEG ou PNG)", answer["message"])
        self.assertIn("8 Mo au plus", answers[5]["message"])
        self.assertFalse(self.photos())

    def test_a_picture_is_kept_under_its_real_format_without_what_it_carried(self):
        info = PngImagePlugin.PngInfo()
        info.add_text("Comment", "<script>alert(1)</script>")
        png = picture("PNG", pnginfo=info)
        jpeg = picture("JPEG") + b"<script>alert(1)</script>"  # after the end of the image
        answers = self.sync(
            self.op("photo", name="haie.jpg", data=b64(png)),
            self.op("photo", name="taille", data=b64(jpeg)),
            self.op("photo", name="../" + "r" * 300 + ".svg", data=b64(picture("JPEG"))),
        )
        self.assertEqual([a["status"] for a in answers], ["done"] * 3)
        photos = {photo.name: photo for photo in self.photos()}
        self.assertEqual(
            {name: photo.mimetype for name, photo in photos.items()},
            {"haie.png": "image/png", "taille.jpg": "image/jpeg", "r" * 100 + ".jpg": "image/jpeg"},
        )
        for photo in photos.values():
            self.assertNotIn(b"<script>", photo.raw)
            with Image.open(io.BytesIO(photo.raw)) as image:
                self.assertEqual(image.size, (8, 8))

    # --- 6. the signature: one rule with the portal ---

    def test_a_signature_through_my_day_is_a_drawn_png(self):
        hours = self.op("hours", assignment_id=self.amina_job.id, line_id=self.line.id, hours=5)
        self.sync(hours, self.op("progress", action="start"), self.op("progress", action="done"))
        self.assertEqual(self.job.state, "done")
        svg = b'<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0L10 10"/></svg>'
        (answer,) = self.sync(self.op("sign", signer_name="Jeanne Martin", signature=b64(svg)))
        self.assertRefused(answer, "seule une image PNG dessinée est acceptée")
        self.assertEqual(self.job.state, "done")
        self.assertNotEqual(self.job.review_ids[:1].state, "signed")
        (answer,) = self.sync(
            self.op("sign", signer_name="Jeanne Martin", signature=b64(picture("PNG")))
        )
        self.assertEqual(answer["status"], "done")
        self.assertEqual((self.job.state, self.job.review_ids.state), ("reviewed", "signed"))

    # --- 7. public methods and their arguments ---

    def test_loading_a_day_checks_the_day(self):
        Day = self.env["farm.my.day"].with_user(self.supervisor_user)
        for day in ("2026-02-30", "abc", 12345, ["2026-03-02"], "9999-01-01", "2026-03-02\x00"):
            with self.assertRaises(UserError) as caught:
                Day.load(day)
            self.assertIn("le jour est une date écrite AAAA-MM-JJ", str(caught.exception))
        self.assertEqual(Day.load(str(self.today))["day"], str(self.today))
        self.assertEqual(Day.load(False)["day"], str(self.today))
        with self.assertRaises(AccessError) as caught:
            self.env["farm.my.day"].with_user(self.farmer).load("2026-02-30")
        self.assertIn("Seuls les encadrants techniques", str(caught.exception))

    def test_ranking_checks_its_arguments(self):
        Ranking = self.env["farm.team.ranking"].with_user(self.supervisor_user)
        missing = self.env["farm.intervention"].search([], order="id desc", limit=1).id + 1000
        for intervention in (missing, "18", None, True, [self.job.id], self.tour_farm):
            with self.assertRaises(UserError) as caught:
                Ranking.rank(intervention, 3)
            self.assertIn("indiquez une intervention qui existe", str(caught.exception))
        for count in ("3", -1, 51, 2.5, True):
            with self.assertRaises(UserError) as caught:
                Ranking.rank(self.job.id, count)
            self.assertIn("Salariés souhaités : un nombre entier de 0 à 50", str(caught.exception))
        lines = Ranking.rank(self.job.id, 2)
        self.assertIn(self.amina.id, [line["employee_id"] for line in lines])
        for user in (self.farmer, self.counsellor):
            with self.assertRaises(AccessError) as caught:
                self.env["farm.team.ranking"].with_user(user).rank(18, 3)
            self.assertIn("constituent l'équipe d'une intervention", str(caught.exception))

    def test_timeline_unavailability_checks_its_arguments(self):
        Assignment = self.env["farm.intervention.assignment"].with_user(self.supervisor_user)
        for employee_ids in (["x"], "x", [True], [2**40], [-1], None, [[self.amina.id]]):
            with self.assertRaises(UserError) as caught:
                Assignment.timeline_unavailability(employee_ids)
            self.assertIn("une liste d'au plus 1000 numéros de salariés", str(caught.exception))
        self.assertEqual(Assignment.timeline_unavailability([]), [])
        with self.assertRaises(AccessError) as caught:
            self.env["farm.intervention.assignment"].with_user(self.farmer).timeline_unavailability(
                ["x"]
            )
        self.assertIn("(farm.intervention.assignment)", str(caught.exception))
