# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time, timedelta

import pytz

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import format_date

from odoo.addons.seconde_pousse_base.models.roles import SUPERVISOR
from odoo.addons.seconde_pousse_base.models.timezone import local_tz

OPEN_STATES = ("planned", "in_progress", "done")
MAX_YEARS = 10  # how far from today a day may be asked for


def quarter(hours):
    return round(hours * 4) / 4


class FarmMyDay(models.AbstractModel):
    """ "Ma journée": the supervisor's day in the field. `load` gives the day's interventions
    with their team, tasks, vehicles and equipment in a fixed number of queries; `sync`
    (farm.my.day.operation) records what was done, each operation exactly once."""

    _name = "farm.my.day"
    _description = "Supervisor's day"

    @api.model
    def _check_supervisor(self):
        if not self.env.user.has_group(SUPERVISOR):
            raise AccessError(
                _("Only technical supervisors and coordinators run a day in the field.")
            )

    @api.model
    def _day_bounds(self, day):
        """The day's start and end in UTC, for the local time zone (local_tz)."""
        tz = pytz.timezone(local_tz(self.env))
        start = tz.localize(datetime.combine(day, time.min)).astimezone(pytz.utc)
        return start.replace(tzinfo=None), (start + timedelta(days=1)).replace(tzinfo=None)

    @api.model
    def _local_time(self, value):
        tz = pytz.timezone(local_tz(self.env))
        return pytz.utc.localize(value).astimezone(tz).strftime("%H:%M")

    @api.model
    def _interventions(self, day):
        start, end = self._day_bounds(day)
        employees = self.env.user.employee_ids
        return self.env["farm.intervention"].search(
            [
                ("date_start", "<", end),
                ("date_end", ">", start),
                ("state", "in", OPEN_STATES),
                "|",
                ("user_id", "=", self.env.uid),
                ("assignment_ids", "any", [("employee_id", "in", employees.ids)]),
            ],
            order="date_start, id",
        )

    @api.model
    def load(self, day=None):
        self._check_supervisor()
        day = self._parse_day(day)
        interventions = self._interventions(day)
        skills = self._skills(interventions.line_ids.task_type_id)
        photos = dict(
            self.env["ir.attachment"]._read_group(
                [
                    ("res_model", "=", "farm.intervention"),
                    ("res_id", "in", interventions.ids),
                    ("mimetype", "=like", "image/%"),
                ],
                ["res_id"],
                ["__count"],
            )
        )
        states = dict(interventions._fields["state"]._description_selection(self.env))
        return {
            "day": fields.Date.to_string(day),
            "day_label": format_date(self.env, day, date_format="EEEE d MMMM y"),
            "install_url": "/scoped_app?app_id=seconde_pousse_planning&path=odoo/ma-journee",
            "interventions": [
                self._intervention_data(intervention, skills, photos, states)
                for intervention in interventions
            ],
        }

    @api.model
    def _parse_day(self, day):
        """The day asked for (YYYY-MM-DD, within MAX_YEARS of today), today by default."""
        today = fields.Date.context_today(self)
        if day in (None, False, ""):
            return today
        parsed = None
        if isinstance(day, str) and len(day) == 10:
            try:
                parsed = fields.Date.to_date(day)
            except ValueError:
                parsed = None
        if not parsed or abs((parsed - today).days) > 366 * MAX_YEARS:
            raise UserError(
                _(
                    "Ma journée: the day is a date written YYYY-MM-DD, within %(years)s years of today, not %(value)s.",  # noqa: E501
                    years=MAX_YEARS,
                    value=repr(day)[:40],
                )
            )
        return parsed

    @api.model
    def sync(self, operations):
        """Record what the phone sends, in order; each operation once, whatever the number of
        times it arrives. Returns each one's status: done, conflict or error, with why."""
        self._check_supervisor()
        return self.env["farm.my.day.operation"]._sync(
            [] if operations in (None, False) else operations
        )

    @api.model
    def _skills(self, task_types):
        """Skills practised by the tasks, with the levels of their skill type."""
        practised = self.env["farm.task.type.skill"].search(
            [("task_type_id", "in", task_types.ids)]
        )
        levels = self.env["hr.skill.level"].search(
            [("skill_type_id", "in", practised.skill_type_id.ids)], order="level_progress, id"
        )
        result = {}
        for line in practised:
            result.setdefault(line.task_type_id.id, []).append(
                {
                    "id": line.skill_id.id,
                    "name": line.skill_id.name,
                    "levels": [
                        {"id": level.id, "name": level.name}
                        for level in levels
                        if level.skill_type_id == line.skill_type_id
                    ],
                }
            )
        return result

    @api.model
    def _intervention_data(self, intervention, skills, photos, states):
        lines = intervention.line_ids
        task_skills = {}
        for line in lines:
            for skill in skills.get(line.task_type_id.id, []):
                task_skills.setdefault(skill["id"], skill)
        review = intervention.review_ids[:1]
        return {
            "id": intervention.id,
            "name": intervention.name,
            "farm": intervention.partner_id.name,
            "signer": intervention.request_id.contact_id.name or intervention.partner_id.name,
            "address": intervention.partner_id.contact_address_inline or "",
            "time": f"{self._local_time(intervention.date_start)} – "
            f"{self._local_time(intervention.date_end)}",
            "state": intervention.state,
            "state_label": states[intervention.state],
            "lines": [
                {"id": line.id, "task": line.display_name, "planned": line.planned_hours}
                for line in lines
            ],
            "team": [
                self._member_data(assignment, lines)
                for assignment in intervention.assignment_ids.sorted(
                    lambda a: (a.role != "supervisor", a.employee_id.name)
                )
                if assignment.active
            ],
            "bookings": [
                {
                    "id": booking.id,
                    "name": booking.name,
                    "kind": booking.resource_type,
                    "state": booking.state,
                    "condition": booking.condition or "",
                }
                for booking in intervention.booking_ids
                if booking.active
            ],
            "skills": list(task_skills.values()),
            "review": {"id": review.id, "state": review.state, "signer": review.signer_name or ""}
            if review
            else False,
            "photos": photos.get(intervention.id, 0),
        }

    @api.model
    def _member_data(self, assignment, lines):
        return {
            "id": assignment.id,
            "employee": assignment.employee_id.name,
            "role": assignment.role,
            "insertion": assignment.is_insertion_employee,
            "attendance": assignment.attendance or "",
            "arrival": assignment.arrival_time,
            "departure": assignment.departure_time,
            "observation": assignment.observation or "",
            "hours": {str(h.line_id.id): h.hours for h in assignment.hours_ids},
            "planned": self._planned_hours(assignment, lines),
        }

    @api.model
    def _planned_hours(self, assignment, lines):
        """The plan as a default: the person's slot shared between the tasks in proportion
        to their planned hours, by quarters of an hour."""
        weights = [line.planned_hours or 1.0 for line in lines]
        total = sum(weights) or 1.0
        slot = min(assignment.duration, 24.0)
        return {
            str(line.id): quarter(slot * w / total) for line, w in zip(lines, weights, strict=True)
        }
