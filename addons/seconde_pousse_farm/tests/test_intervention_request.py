# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import FarmCase


@tagged("post_install", "-at_install")
class TestInterventionRequest(FarmCase):
    def test_accept_tells_the_farmer(self):
        request = self.make_request()
        self.assertTrue(request.name.startswith("DEM/"))
        request.with_user(self.coordinator).action_accept()
        self.assertEqual(request.state, "accepted")
        self.assertEqual(request.user_id, self.coordinator)
        message = request.message_ids.filtered(lambda m: m.message_type == "comment")[:1]
        self.assertIn("acceptée", message.body)
        self.assertIn(self.farm, message.notification_ids.res_partner_id)

    def test_refuse_needs_a_reason_and_sends_it(self):
        request = self.make_request()
        wizards = self.env["farm.request.refuse.wizard"].with_user(self.coordinator)
        with self.assertRaises(UserError) as caught:
            wizards.create({"request_ids": request.ids, "reason": "   "}).action_confirm()
        self.assertIn("Indiquez pourquoi la demande est refusée", str(caught.exception))
        self.assertEqual(request.state, "submitted")
        wizard = Form(wizards.with_context(default_request_ids=request.ids))
        wizard.reason = "Aucune équipe disponible en mars."
        wizard.save().action_confirm()
        self.assertEqual(request.state, "refused")
        message = request.message_ids.filtered(lambda m: m.message_type == "comment")[:1]
        self.assertIn("Aucune équipe disponible en mars.", message.body)

    def test_supervisor_cannot_accept(self):
        request = self.make_request()
        view = self.env.ref("seconde_pousse_farm.farm_intervention_request_view_form")
        arch = (
            self.env["farm.intervention.request"]
            .with_user(self.supervisor)
            .get_views([(view.id, "form")])
        )
        self.assertNotIn('name="action_accept"', arch["views"]["form"]["arch"])
        with self.assertRaises(UserError) as caught:
            request.with_user(self.supervisor).action_accept()
        self.assertIn("Seul un coordinateur peut accepter ou refuser", str(caught.exception))
        self.assertEqual(request.state, "submitted")

    def test_punctual_request_gives_one_intervention(self):
        request = self.make_request(task_type_ids=[(6, 0, (self.weeding | self.pruning).ids)])
        request.action_accept()
        request.action_create_interventions()
        self.assertEqual(request.state, "planned")
        intervention = request.intervention_ids
        self.assertEqual(len(intervention), 1)
        self.assertEqual(intervention.line_ids.task_type_id, self.weeding | self.pruning)
        self.assertEqual(intervention.planned_hours, 7.0)
        self.assertEqual(intervention.date_start.date(), date(2026, 3, 2))

    def test_recurring_request_generates_its_visits(self):
        request = self.make_request(
            recurrence="recurring",
            frequency="weekly",
            date_from=date(2026, 3, 2),
            date_to=date(2026, 3, 30),
        )
        request.action_accept()
        request.action_create_interventions()
        days = sorted(request.intervention_ids.mapped(lambda i: i.date_start.date()))
        self.assertEqual(days, [date(2026, 3, d) for d in (2, 9, 16, 23, 30)])

    def test_a_long_series_is_planned_a_few_weeks_ahead(self):
        request = self.make_request(
            recurrence="recurring",
            frequency="weekly",
            date_from=date(2027, 1, 4),
            date_to=date(2029, 1, 1),
        )
        request.action_accept()
        with freeze_time("2027-01-01"):
            request.action_create_interventions()
        self.assertEqual(len(request.intervention_ids), 8)  # never the whole series at once
        self.assertEqual(request.generated_until, date(2027, 2, 28))

    def test_bad_input_refused_nothing_saved(self):
        count = self.env["farm.intervention.request"].search_count([])
        with self.assertRaises(ValidationError) as caught:
            self.make_request(date_from=date(2026, 3, 6), date_to=date(2026, 3, 2))
        self.assertIn("se termine avant de commencer", str(caught.exception))
        with self.assertRaises(ValidationError) as caught:
            self.make_request(estimated_hours=-2)
        self.assertIn("Charge estimée : entre 0 et 5000 heures", str(caught.exception))
        with self.assertRaises(ValidationError) as caught:
            self.make_request(recurrence="recurring")
        self.assertIn("Une demande récurrente a besoin d'une fréquence", str(caught.exception))
        self.assertEqual(self.env["farm.intervention.request"].search_count([]), count)

    def test_french_message(self):
        requests = self.env["farm.intervention.request"].with_context(lang="fr_FR")
        with self.assertRaisesRegex(ValidationError, "se termine avant de commencer"):
            requests.create(
                {
                    "partner_id": self.farm.id,
                    "description": "Taille",
                    "date_from": date(2026, 3, 6),
                    "date_to": date(2026, 3, 2),
                }
            )

    def test_done_when_all_interventions_done_and_cancel_keeps_history(self):
        request = self.make_request(
            recurrence="recurring", frequency="weekly", date_to=date(2026, 3, 9)
        )
        request.action_accept()
        request.action_create_interventions()
        first, second = request.intervention_ids.sorted("date_start")
        self.env.cr.precommit.run()  # Odoo does not track records created in the same transaction
        first.write({"state": "done"})
        self.assertEqual(request.state, "planned")
        second.action_cancel()
        self.assertEqual(request.state, "done")
        self.assertTrue(second.exists())
        self.env.cr.precommit.run()  # tracking values are written at commit
        self.env.invalidate_all()
        tracked = second.message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "state"
        )
        self.assertTrue(tracked)
