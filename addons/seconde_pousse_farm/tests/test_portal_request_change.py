# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The farmer changes or cancels a request from the portal while it waits for an answer,
with the reason kept and the coordinator told; once accepted, it is refused."""

from datetime import date, timedelta

from odoo.tests import tagged

from .portal_common import FarmPortalCase


@tagged("post_install", "-at_install")
class TestPortalRequestChange(FarmPortalCase):
    def form(self, **values):
        today = date.today()
        return {
            "task_type_ids": str(self.weeding.id),
            "date_from": (today + timedelta(days=14)).isoformat(),
            "date_to": (today + timedelta(days=18)).isoformat(),
            "estimated_hours": "20",
            "description": "Taille des pommiers du verger A, et des poiriers",
            "recurrence": "punctual",
            **values,
        }

    def coordinator_told(self, request, words):
        """An activity for a coordinator, and a message that reaches them (an email)."""
        activity = request.activity_ids.filtered(lambda a: words in (a.summary or ""))
        message = request.message_ids.filtered(lambda m: words in (m.body or ""))
        coordinator = activity.user_id
        return (
            len(coordinator) == 1
            and coordinator.has_group("seconde_pousse_base.group_coordinator")
            and coordinator.partner_id in message.partner_ids
        )

    def test_change_while_submitted(self):
        self.request_a.user_id = self.coordinator
        self.authenticate("farmer_a", "farmer_a")
        page = self.get(f"/my/requests/{self.request_a.id}/edit")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Taille des pommiers du verger A", page.text)
        refused = self.post(f"/my/requests/{self.request_a.id}/edit", self.form())
        self.assertEqual(refused.status_code, 400)
        self.assertIn("Dites ce qui change et pourquoi", refused.text)
        response = self.post(
            f"/my/requests/{self.request_a.id}/edit",
            self.form(change_reason="Les poiriers aussi"),
        )
        self.assertEqual(response.status_code, 303)
        self.assertEqual(self.request_a.estimated_hours, 20)
        self.assertIn("et des poiriers", self.request_a.description)
        self.assertTrue(self.coordinator_told(self.request_a, "Les poiriers aussi"))

    def test_cancel_with_a_reason(self):
        self.authenticate("farmer_a", "farmer_a")
        response = self.post(f"/my/requests/{self.request_a.id}/cancel", {"reason": " "})
        self.assertEqual(response.status_code, 400)
        self.assertIn("Motif : dites pourquoi vous annulez", response.text)
        self.assertEqual(self.request_a.state, "submitted")
        self.post(f"/my/requests/{self.request_a.id}/cancel", {"reason": "Récolte avancée"})
        self.assertEqual(
            (self.request_a.state, self.request_a.cancel_reason), ("cancelled", "Récolte avancée")
        )
        self.assertTrue(self.coordinator_told(self.request_a, "Récolte avancée"))
        page = self.get(f"/my/requests/{self.request_a.id}")
        self.assertIn("Récolte avancée", page.text)

    def test_refused_once_accepted(self):
        self.request_a.with_user(self.coordinator).action_accept()
        self.authenticate("farmer_a", "farmer_a")
        page = self.get(f"/my/requests/{self.request_a.id}")
        self.assertNotIn("/edit", page.text)
        for url, data in (
            (f"/my/requests/{self.request_a.id}/cancel", {"reason": "Plus besoin"}),
            (f"/my/requests/{self.request_a.id}/edit", self.form(change_reason="Autre")),
        ):
            with self.subTest(url=url):
                response = self.post(url, data)
                self.assertEqual(response.status_code, 400)
                self.assertIn("n&#39;attend plus de réponse (acceptée)", response.text)
        self.assertEqual(self.request_a.state, "accepted")
        self.assertNotIn("Plus besoin", self.request_a.cancel_reason or "")

    def test_another_farm_cannot_touch_it(self):
        self.authenticate("farmer_b", "farmer_b")
        self.assertRedirectsHome(
            self.post(f"/my/requests/{self.request_a.id}/cancel", {"reason": "x"})
        )
        self.assertRedirectsHome(self.get(f"/my/requests/{self.request_a.id}/edit"))
        self.assertEqual(self.request_a.state, "submitted")

    def test_a_new_portal_request_tells_the_coordinator(self):
        self.authenticate("farmer_a", "farmer_a")
        self.post("/my/requests/new", {**self.form(), "submission_key": "a" * 32})
        new = self.env["farm.intervention.request"].search([("submission_key", "=", "a" * 32)])
        self.assertTrue(new)
        self.assertTrue(self.coordinator_told(new, "Nouvelle demande"))
