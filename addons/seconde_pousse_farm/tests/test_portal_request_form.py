# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The portal's request form: creating a request, bad input, CSRF, who may send it."""

from datetime import date, timedelta

from odoo.tests import tagged

from odoo.addons.seconde_pousse_base.tests.common import make_role_user

from .portal_common import FarmPortalCase


@tagged("post_install", "-at_install")
class TestFarmPortalNewRequest(FarmPortalCase):
    def form(self, **values):
        today = date.today()
        return {
            "task_type_ids": str(self.weeding.id),
            "date_from": (today + timedelta(days=7)).isoformat(),
            "date_to": (today + timedelta(days=10)).isoformat(),
            "estimated_hours": "12,5",
            "description": "Désherbage des fraisiers",
            "farm_equipment": "Binettes",
            "recurrence": "punctual",
            **values,
        }

    def requests(self):
        return self.env["farm.intervention.request"].search(
            [("id", "not in", (self.request_a | self.request_b).ids)]
        )

    def test_form_page(self):
        self.authenticate("farmer_a", "farmer_a")
        page = self.get("/my/requests/new")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Weeding test", page.text)
        self.assertIn('name="csrf_token"', page.text)

    def test_create_request(self):
        self.authenticate("farmer_a", "farmer_a")
        data = self.form(
            partner_id=str(self.other_farm.id), state="accepted"
        )  # tampered fields are ignored
        response = self.url_open(
            "/my/requests/new", data={**data, "csrf_token": self.csrf()}, allow_redirects=False
        )
        self.assertEqual(response.status_code, 303, response.text[:1000])
        new = self.requests()
        self.assertEqual(len(new), 1)
        self.assertEqual(new.partner_id, self.farm)
        self.assertEqual(new.contact_id, self.contact_a)
        self.assertEqual(new.state, "submitted")
        self.assertEqual(new.task_type_ids, self.weeding)
        self.assertEqual(new.estimated_hours, 12.5)
        self.assertEqual(new.farm_equipment, "Binettes")
        self.assertTrue(
            response.headers["Location"].endswith(f"/my/requests/{new.id}?message=created")
        )
        page = self.get(f"/my/requests/{new.id}?message=created")
        self.assertEqual(page.status_code, 200)
        self.assertIn("alert-success", page.text)
        # the other contact of the farm sees it, the other farm does not
        self.authenticate("farmer_a2", "farmer_a2")
        self.assertEqual(self.get(f"/my/requests/{new.id}").status_code, 200)
        self.authenticate("farmer_b", "farmer_b")
        self.assertRedirectsHome(self.get(f"/my/requests/{new.id}"))

    def test_create_recurring_request_with_several_tasks(self):
        self.authenticate("farmer_a2", "farmer_a2")
        data = self.form(recurrence="recurring", frequency="weekly")
        data["task_type_ids"] = [str(self.weeding.id), str(self.pruning.id)]
        response = self.post("/my/requests/new", data)
        self.assertEqual(response.status_code, 303, response.text[:1000])
        new = self.requests()
        self.assertEqual(new.task_type_ids, self.weeding | self.pruning)
        self.assertEqual(
            (new.recurrence, new.frequency, new.contact_id),
            ("recurring", "weekly", self.contact_a2),
        )

    def test_html_in_text_is_escaped(self):
        self.authenticate("farmer_a", "farmer_a")
        response = self.post(
            "/my/requests/new", self.form(description='<img src=x onerror="alert(1)"> <b>gras</b>')
        )
        self.assertEqual(response.status_code, 303)
        new = self.requests()
        self.assertEqual(new.description, '<img src=x onerror="alert(1)"> <b>gras</b>')
        page = self.get(f"/my/requests/{new.id}")
        self.assertNotIn("<img src=x", page.text)
        self.assertNotIn("<b>gras</b>", page.text)
        self.assertIn("&lt;b&gt;gras&lt;/b&gt;", page.text)

    def test_bad_input_saves_nothing_and_keeps_values(self):
        today = date.today()
        cases = {
            "no task": ({"task_type_ids": ""}, "task_type_ids"),
            "unknown task": ({"task_type_ids": "999999"}, "task_type_ids"),
            "task not a number": ({"task_type_ids": "abc"}, "task_type_ids"),
            "no description": ({"description": "   "}, "description"),
            "long description": ({"description": "x" * 2001}, "description"),
            "long equipment": ({"farm_equipment": "x" * 2001}, "farm_equipment"),
            "no dates": ({"date_from": "", "date_to": ""}, "dates"),
            "bad date": ({"date_from": "31/02/2027"}, "dates"),
            "past": ({"date_from": (today - timedelta(days=1)).isoformat()}, "dates"),
            "reversed": (
                {
                    "date_from": (today + timedelta(days=9)).isoformat(),
                    "date_to": (today + timedelta(days=8)).isoformat(),
                },
                "dates",
            ),
            "too far": ({"date_to": (today + timedelta(days=800)).isoformat()}, "dates"),
            "hours not a number": ({"estimated_hours": "beaucoup"}, "estimated_hours"),
            "negative hours": ({"estimated_hours": "-3"}, "estimated_hours"),
            "too many hours": ({"estimated_hours": "5000"}, "estimated_hours"),
            "nan hours": ({"estimated_hours": "nan"}, "estimated_hours"),
            "recurring without frequency": ({"recurrence": "recurring"}, "recurrence"),
            "bad recurrence": ({"recurrence": "daily"}, "recurrence"),
        }
        self.authenticate("farmer_a", "farmer_a")
        for label, (values, _field) in cases.items():
            with self.subTest(label):
                response = self.post(
                    "/my/requests/new",
                    self.form(**{"farm_equipment": "Tracteur <i>rouge</i>", **values}),
                )
                self.assertEqual(response.status_code, 400)
                self.assertIn("alert-danger", response.text)
                self.assertIn("is-invalid", response.text)
                if label not in ("long equipment",):
                    self.assertIn(
                        "Tracteur &lt;i&gt;rouge&lt;/i&gt;", response.text
                    )  # kept, escaped
                self.assertFalse(self.requests())

    def test_form_without_csrf_token(self):
        self.authenticate("farmer_a", "farmer_a")
        # Odoo's own check (the route keeps the default csrf=True) refuses the post
        response = self.post("/my/requests/new", self.form(), csrf=False)
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self.requests())
        response = self.post(
            "/my/requests/new", {**self.form(), "csrf_token": "forged"}, csrf=False
        )
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self.requests())

    def test_anonymous_and_non_farmer_cannot_create(self):
        self.authenticate(None, None)
        response = self.url_open("/my/requests/new", allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertIn("/web/login", response.headers["Location"])
        make_role_user(self.env, "farmer", login="not_a_farmer")
        self.authenticate("not_a_farmer", "not_a_farmer")
        self.assertNotIn('name="description"', self.get("/my/requests/new").text)
        response = self.post("/my/requests/new", self.form())
        self.assertEqual(response.status_code, 403)
        self.assertFalse(self.requests())
