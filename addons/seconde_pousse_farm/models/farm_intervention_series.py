# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
# pylint: disable=consider-merging-classes-inherited
# (each file extends the models its own capability needs, as core splits account.move)
"""A recurring request's series of visits: its season, weekday and start time, the
days it skips, visits generated a few weeks ahead by a scheduled job (a failure goes to
the coordinator), and the rest of the series moved or cancelled in one action."""

from datetime import timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date

from odoo.addons.seconde_pousse_base.models.timezone import local_tz

from .farm_intervention_request import FREQUENCY_STEPS
from .farm_recurrence import (
    HORIZON_WEEKS,
    candidate_days,
    french_public_holidays,
    in_season,
    local_start,
)

MONTHS = [
    ("1", "January"),
    ("2", "February"),
    ("3", "March"),
    ("4", "April"),
    ("5", "May"),
    ("6", "June"),
    ("7", "July"),
    ("8", "August"),
    ("9", "September"),
    ("10", "October"),
    ("11", "November"),
    ("12", "December"),
]
WEEKDAYS = [
    ("0", "Monday"),
    ("1", "Tuesday"),
    ("2", "Wednesday"),
    ("3", "Thursday"),
    ("4", "Friday"),
    ("5", "Saturday"),
    ("6", "Sunday"),
]


class FarmInterventionRequest(models.Model):
    _inherit = "farm.intervention.request"

    season_start = fields.Selection(MONTHS, string="Season from", tracking=True)
    season_end = fields.Selection(MONTHS, string="Season until", tracking=True)
    weekday = fields.Selection(WEEKDAYS, string="Day of the visits", tracking=True)
    start_time = fields.Float(string="Start time", default=8.0, tracking=True)
    generated_until = fields.Date(string="Visits planned until", readonly=True, copy=False)

    @api.constrains("start_time")
    def _check_start_time(self):
        if any(not 5 <= request.start_time <= 20 for request in self):
            raise ValidationError(
                self.env._("Start time: between 05:00 and 20:00, as a team works.")
            )

    def _closed_days(self, start, end):
        """Days without visits between start and end: public holidays, the company
        calendar's closures, the farm's closed periods."""
        days = set()
        for year in range(start.year, end.year + 1):
            days |= french_public_holidays(year)
        calendar = self.company_id.resource_calendar_id
        periods = [
            (leave.date_from.date(), leave.date_to.date())
            for leave in calendar.global_leave_ids
            if leave.date_to.date() >= start and leave.date_from.date() <= end
        ]
        periods += [
            (closed.date_from, closed.date_to)
            for closed in self.partner_id.commercial_partner_id.farm_closed_period_ids
            if closed.date_to >= start and closed.date_from <= end
        ]
        for first, last in periods:
            days |= {first + timedelta(days=n) for n in range((last - first).days + 1)}
        return days

    def _visit_dates(self, since=None, until=None):
        """The visit days from since to until (the whole request by default): one for a
        punctual request; for a recurring one, its cadence counted from its first day."""
        self.ensure_one()
        if self.recurrence == "punctual":
            return [self.date_from] if not since or since <= self.date_from else []
        start = max(self.date_from, since or self.date_from)
        end = min(self.date_to, until or self.date_to)
        if end < start:
            return []
        closed = self._closed_days(start, end)
        step = self._frequency_step()
        return [
            day
            for day in candidate_days(self.date_from, end, step, self.weekday)
            if day >= start
            and day not in closed
            and in_season(day, self.season_start, self.season_end)
        ]

    def _prepare_interventions(self, since=None, until=None):
        self.ensure_one()
        tz = pytz.timezone(local_tz(self.env))
        lines = [
            {"task_type_id": task.id, "planned_hours": task.default_duration}
            for task in self.task_type_ids
        ]
        duration = max(
            min(sum(task.default_duration for task in self.task_type_ids) or 4.0, 9.0), 1.0
        )
        values = []
        for day in self._visit_dates(since, until):
            start = tz.localize(local_start(day, self.start_time)).astimezone(pytz.utc)
            start = start.replace(tzinfo=None)
            values.append(
                {
                    "request_id": self.id,
                    "partner_id": self.partner_id.id,
                    "date_start": start,
                    "date_end": start + timedelta(hours=duration),
                    "line_ids": [fields.Command.create(line) for line in lines],
                }
            )
        return values

    def _frequency_step(self):
        return FREQUENCY_STEPS[self.frequency or "weekly"]

    def _horizon(self):
        today = fields.Date.context_today(self)
        return max(today, self.date_from) + timedelta(weeks=HORIZON_WEEKS, days=-1)

    def _generate_visits(self):
        """The visits from the day after the last one planned, to the horizon."""
        values, reached = [], {}
        for request in self:
            since = request.generated_until and request.generated_until + timedelta(days=1)
            until = request._horizon() if request.recurrence == "recurring" else None
            values += request._prepare_interventions(since, until)
            reached[request] = min(until or request.date_to, request.date_to)
        interventions = self.env["farm.intervention"].create(values)
        for request, day in reached.items():
            request.sudo().generated_until = day
        return interventions

    @api.model
    def _cron_extend_series(self):
        """A few weeks more of every running series; a failure reaches the coordinator."""
        today = fields.Date.context_today(self)
        requests = self.search(
            [
                ("state", "=", "planned"),
                ("recurrence", "=", "recurring"),
                ("date_to", ">", today),
                "|",
                ("generated_until", "=", False),
                ("generated_until", "<", today + timedelta(weeks=HORIZON_WEEKS)),
            ]
        )
        for request in requests:
            self.env["res.partner"]._farm_run_or_report(
                request,
                request._generate_visits,
                self.env._("Visits of %(name)s not planned", name=request.name),
            )

    def action_change_series(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "seconde_pousse_farm.farm_series_change_wizard_action"
        )
        action["context"] = {"default_request_id": self.id}
        return action

    def _series_rest(self, since):
        return self.intervention_ids.filtered(
            lambda i: i.state in ("draft", "planned") and i.date_start.date() >= since
        )

    def _move_series(self, since, days, start_time=None):
        """Move the visits from since by days (and to start_time), and the visits still
        to generate with them."""
        self.ensure_one()
        tz = pytz.timezone(local_tz(self.env))
        for intervention in self._series_rest(since).sorted("date_start", reverse=days > 0):
            length = intervention.date_end - intervention.date_start
            local = pytz.utc.localize(intervention.date_start).astimezone(tz)
            day = local.date() + timedelta(days=days)
            hours = start_time if start_time else local.hour + local.minute / 60
            start = tz.localize(local_start(day, hours)).astimezone(pytz.utc).replace(tzinfo=None)
            intervention.write({"date_start": start, "date_end": start + length})
        values = {}
        if days % 7:
            weekday = int(self.weekday) if self.weekday else self.date_from.weekday()
            values["weekday"] = str((weekday + days) % 7)
        if start_time:
            values["start_time"] = start_time
        if self.generated_until:
            values["generated_until"] = self.generated_until + timedelta(days=days)
        self.sudo().write(values)
        self.message_post(
            body=self.env._(
                "Visits from %(date)s moved by %(days)s days.",
                date=format_date(self.env, since),
                days=days,
            )
        )

    def _cancel_series(self, since, reason):
        """Cancel the visits from since, and end the series the day before."""
        self.ensure_one()
        self._series_rest(since).action_cancel()
        self.sudo().write({"date_to": max(since - timedelta(days=1), self.date_from)})
        self.message_post(
            body=self.env._(
                "Visits from %(date)s cancelled: %(reason)s",
                date=format_date(self.env, since),
                reason=reason,
            )
        )
