# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import tagged

from .common import FarmCase


@tagged("post_install", "-at_install")
class TestIntervention(FarmCase):
    def test_a_context_time_zone_that_is_no_zone_does_not_stop_the_reference(self):
        self.supervisor.tz = "Europe/Paris"
        interventions = self.env["farm.intervention"].with_user(self.supervisor)
        vals = {
            "partner_id": self.farm.id,
            "date_start": datetime(2026, 3, 2, 7, 0),
            "date_end": datetime(2026, 3, 2, 12, 0),
        }
        for tz in ("Mars/Olympus", 5, ["UTC"]):
            client = interventions.with_context(tz=tz)
            self.assertEqual(client._sequence_tz(), "Europe/Paris")
            created = client.create(dict(vals)) | client.create([dict(vals), dict(vals)])
            self.assertEqual(len(set(created.mapped("name"))), 3)
            for name in created.mapped("name"):
                self.assertRegex(name, r"^INT/\d{4}/\d{4}$")
        self.supervisor.tz = False
        self.assertIsNone(interventions.with_context(tz="Mars/Olympus")._sequence_tz())
        self.assertEqual(interventions.with_context(tz="Asia/Tokyo")._sequence_tz(), "Asia/Tokyo")

    def test_state_machine(self):
        intervention = self.make_intervention(state="draft").with_user(self.supervisor)
        self.assertTrue(intervention.name.startswith("INT/"))
        intervention.action_plan()
        intervention.action_start()
        intervention.action_done()
        self.assertEqual(intervention.state, "done")
        self.assertEqual(intervention.done_hours, 6.0)
        self.assertEqual(intervention.amount_untaxed, 4 * 20 + 2 * 25)
        with self.assertRaisesRegex(UserError, "ne peut pas être démarrée"):
            intervention.action_start()

    def test_done_needs_hours_and_plan_needs_tasks(self):
        empty = self.env["farm.intervention"].create(
            {
                "partner_id": self.farm.id,
                "date_start": datetime(2026, 3, 2, 7),
                "date_end": datetime(2026, 3, 2, 11),
            }
        )
        with self.assertRaises(UserError) as caught:
            empty.action_plan()
        self.assertIn("Ajoutez au moins une tâche avant de planifier", str(caught.exception))
        no_hours = self.make_intervention(hours=(0, 0), state="in_progress")
        with self.assertRaises(UserError) as caught:
            no_hours.action_done()
        self.assertIn("saisissez les heures réalisées avant de la clôturer", str(caught.exception))
        self.assertEqual(no_hours.state, "in_progress")

    def test_end_before_start_refused(self):
        count = self.env["farm.intervention"].search_count([])
        with self.assertRaises(ValidationError) as caught:
            self.env["farm.intervention"].create(
                {
                    "partner_id": self.farm.id,
                    "date_start": datetime(2026, 3, 2, 12),
                    "date_end": datetime(2026, 3, 2, 8),
                }
            )
        self.assertIn("la fin doit être après le début", str(caught.exception))
        self.assertEqual(self.env["farm.intervention"].search_count([]), count)
        intervention = self.make_intervention()
        with self.assertRaises(ValidationError) as caught:
            intervention.date_end = intervention.date_start
        self.assertIn("la fin doit être après le début", str(caught.exception))
        self.assertEqual(intervention.date_end, datetime(2026, 3, 2, 12, 0))

    def test_negative_hours_refused(self):
        intervention = self.make_intervention(state="in_progress")
        with self.assertRaisesRegex(ValidationError, "ne peuvent pas être négatives"):
            intervention.write(
                {"line_ids": [Command.update(intervention.line_ids[0].id, {"done_hours": -1})]}
            )
        self.env.invalidate_all(flush=False)  # forget what the failed write left in the cache
        self.assertEqual(intervention.line_ids[0].done_hours, 4.0)

    def test_chatter_opens_on_a_feminine_creation_note(self):
        french = self.env(context=dict(self.env.context, lang="fr_FR"))
        intervention = french["farm.intervention"].create(
            {
                "partner_id": self.farm.id,
                "date_start": datetime(2026, 3, 2, 7),
                "date_end": datetime(2026, 3, 2, 11),
            }
        )
        request = french["farm.intervention.request"].create(
            {
                "partner_id": self.farm.id,
                "description": "Taille des oliviers",
                "date_from": date(2026, 3, 2),
                "date_to": date(2026, 3, 6),
            }
        )
        self.assertEqual(
            str(intervention.message_ids[-1].body), "<p>Intervention en exploitation créée</p>"
        )
        self.assertEqual(str(request.message_ids[-1].body), "<p>Demande d'intervention créée</p>")

    def test_cancel_keeps_history_and_can_restart(self):
        intervention = self.make_intervention(state="planned")
        self.env.cr.precommit.run()  # Odoo does not track records created in the same transaction
        intervention.action_cancel()
        self.assertEqual(intervention.state, "cancelled")
        self.assertTrue(intervention.exists())
        self.env.cr.precommit.run()
        intervention.action_reset_draft()
        self.assertEqual(intervention.state, "draft")
        self.env.cr.precommit.run()  # tracking values are written at commit
        self.env.invalidate_all()
        states = intervention.message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "state"
        )
        self.assertGreaterEqual(len(states), 2)

    def test_supervisor_runs_but_cannot_delete(self):
        intervention = self.make_intervention(state="planned").with_user(self.supervisor)
        intervention.action_start()
        intervention.line_ids[0].done_hours = 3.5
        self.assertEqual(intervention.done_hours, 5.5)
        with self.assertRaises(AccessError) as caught:
            intervention.unlink()
        self.assertIn("supprimer les enregistrements 'Farm intervention'", str(caught.exception))

    def test_accountant_reads_but_cannot_create(self):
        intervention = self.make_intervention()
        self.assertEqual(intervention.with_user(self.accountant).done_hours, 6.0)
        with self.assertRaises(AccessError) as caught:
            self.env["farm.intervention"].with_user(self.accountant).create(
                {
                    "partner_id": self.farm.id,
                    "date_start": datetime(2026, 3, 2, 7),
                    "date_end": datetime(2026, 3, 2, 9),
                }
            )
        self.assertIn("créer des enregistrements 'Farm intervention'", str(caught.exception))
