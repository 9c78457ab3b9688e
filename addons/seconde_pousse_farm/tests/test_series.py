# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Recurring visits: the season window, the weekday and start time, public holidays and
the farm's closed days skipped, a rolling horizon kept by a scheduled job (with the same
cost for a series of three months or of three years), a failure reported, and the rest
of a series moved or cancelled in one action."""

from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import FarmCase


@tagged("post_install", "-at_install")
class TestSeries(FarmCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="fr_FR"))

    def series(self, date_from, date_to, **values):
        request = self.make_request(
            recurrence="recurring",
            frequency="weekly",
            date_from=date_from,
            date_to=date_to,
            **values,
        )
        request.action_accept()
        return request

    def days(self, request):
        return sorted(request.intervention_ids.mapped(lambda i: i.date_start.date()))

    @freeze_time("2026-05-20")
    def test_season_weekday_time_and_skipped_days(self):
        self.farm.farm_closed_period_ids = [
            (
                0,
                0,
                {"name": "Moisson", "date_from": date(2026, 7, 20), "date_to": date(2026, 7, 26)},
            )
        ]
        request = self.series(
            date(2026, 6, 1),
            date(2026, 12, 31),
            season_start="6",
            season_end="9",
            weekday="1",  # Tuesdays
            start_time=7.5,
        )
        request.action_create_interventions()
        # 8 weeks from 1 June: Tuesdays, not 14 July, not the harvest week
        self.assertEqual(
            self.days(request), [date(2026, 6, d) for d in (2, 9, 16, 23, 30)] + [date(2026, 7, 7)]
        )
        self.assertEqual(request.generated_until, date(2026, 7, 26))
        first = request.intervention_ids.sorted("date_start")[0]
        self.assertEqual(first.date_start.strftime("%H:%M"), "05:30")  # 07:30 in Paris, summer
        with freeze_time("2026-09-10"):
            self.env["farm.intervention.request"]._cron_extend_series()
            self.env["farm.intervention.request"]._cron_extend_series()  # nothing twice
        days = self.days(request)
        self.assertEqual(days[-1], date(2026, 9, 29))  # the season ends with September
        self.assertNotIn(date(2026, 7, 14), days)
        self.assertEqual(len(days), len(set(days)))

    def test_the_horizon_costs_the_same_for_three_months_or_three_years(self):
        warm = self.series(date(2027, 1, 4), date(2027, 2, 1), partner_id=self.make_farm("Mas").id)
        with freeze_time("2027-01-01"):
            warm.action_create_interventions()  # the caches a running server has
        counts = []
        for date_to, farm in (
            (date(2027, 3, 31), self.farm),
            (date(2029, 12, 31), self.other_farm),
        ):
            request = self.series(date(2027, 1, 4), date_to, partner_id=farm.id)
            with freeze_time("2027-01-01"):
                self.env.flush_all()
                before = self.env.cr.sql_log_count
                request.action_create_interventions()
                self.env.flush_all()
                counts.append((len(request.intervention_ids), self.env.cr.sql_log_count - before))
        self.assertEqual(counts[0], counts[1])
        self.assertEqual(counts[0][0], 8)  # Mondays of the next 8 weeks, never the whole series

    def test_a_failed_generation_reaches_the_coordinator(self):
        request = self.series(date(2026, 3, 2), date(2027, 3, 30))
        with freeze_time("2026-03-01"):
            request.action_create_interventions()
        count = len(request.intervention_ids)
        # a task type broken in the database: the next visits cannot be made
        self.env.cr.execute(
            "UPDATE farm_task_type SET default_duration = 9999 WHERE id = %s", [self.weeding.id]
        )
        self.env.invalidate_all()
        with freeze_time("2026-05-01"):
            self.env["farm.intervention.request"]._cron_extend_series()
        warning = request.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref("mail.mail_activity_data_warning")
        )
        self.assertEqual(warning.summary, f"Passages de {request.name} non planifiés")
        self.assertTrue(warning.note)
        self.assertEqual(len(request.intervention_ids), count)
        self.assertEqual(request.generated_until, date(2026, 4, 26))

    def test_move_and_cancel_the_rest(self):
        request = self.series(date(2026, 3, 2), date(2026, 6, 29))
        with freeze_time("2026-03-01"):
            request.action_create_interventions()
        self.assertNotIn(date(2026, 4, 6), self.days(request))  # Easter Monday
        self.assertEqual(len(request.intervention_ids), 7)
        wizard = Form(
            self.env["farm.series.change.wizard"]
            .with_user(self.supervisor)
            .with_context(default_request_id=request.id)
        )
        wizard.date_from = date(2026, 3, 16)
        wizard.shift_days = 2
        wizard.start_time = 9.0
        self.assertEqual(wizard.visit_count, 5)
        wizard.save().action_confirm()
        days = self.days(request)
        self.assertEqual(days[:3], [date(2026, 3, 2), date(2026, 3, 9), date(2026, 3, 18)])
        moved = request.intervention_ids.sorted("date_start")[2]
        self.assertEqual(moved.date_start.strftime("%H:%M"), "08:00")  # 09:00 in Paris, winter
        self.assertEqual(request.weekday, "2")  # the visits to come follow: Wednesdays
        wizard = (
            self.env["farm.series.change.wizard"]
            .with_user(self.supervisor)
            .create(
                {"request_id": request.id, "date_from": date(2026, 4, 1), "operation": "cancel"}
            )
        )
        with self.assertRaises(UserError) as caught:
            wizard.action_confirm()
        self.assertIn("Motif : dites pourquoi", str(caught.exception))
        wizard.reason = "La ferme arrête les fraises"
        wizard.action_confirm()
        kept = request.intervention_ids.filtered(lambda i: i.state != "cancelled")
        self.assertEqual(max(kept.mapped("date_start")).date(), date(2026, 3, 25))
        self.assertEqual(request.date_to, date(2026, 3, 31))

    def test_closed_period_without_a_date_is_refused_by_name(self):
        """A client that clears a closed period's end is told which dates it needs, not
        answered with a comparison of a date with nothing."""
        period = self.env["farm.closed.period"].create(
            {
                "partner_id": self.farm.id,
                "name": "Moisson",
                "date_from": date(2026, 7, 20),
                "date_to": date(2026, 7, 26),
            }
        )
        with self.assertRaises(ValidationError) as refused:
            period.with_user(self.coordinator).write({"date_to": False})
        self.assertIn(
            "il lui faut une date de début (À partir du) et une date de fin", str(refused.exception)
        )
