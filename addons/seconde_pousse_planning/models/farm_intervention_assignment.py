# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import math
from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL, float_compare, format_date

from odoo.addons.seconde_pousse_base.models.timezone import local_tz

from .farm_planning_slot import checks_deferred, flush_models

# What the availability checks' queries read, flushed before them.
ASSIGNMENT_CHECK_MODELS = (
    "farm.intervention.assignment",
    "farm.intervention.booking",
    "fleet.vehicle",
    "hr.leave",
    "hr.contract",
    "hr.employee",
    "insertion.pass.suspension",
    "resource.calendar",
    "resource.calendar.attendance",
)

# weekly hours of a resource calendar (two-week calendars: the mean of both weeks)
CALENDAR_WEEK_HOURS = """
    SELECT COALESCE(SUM(CASE WHEN att.day_period = 'lunch' THEN 0
                             ELSE att.hour_to - att.hour_from END), 0)
           / CASE WHEN cal.two_weeks_calendar THEN 2 ELSE 1 END
      FROM resource_calendar_attendance att
     WHERE att.calendar_id = cal.id AND att.display_type IS NULL AND att.resource_id IS NULL
"""


# Raw SQL: an anti-join of the whole batch against the running contracts in one query,
# where the ORM would search per person.
CONTRACTS_QUERY = """
SELECT a.id
  FROM farm_intervention_assignment a
 WHERE a.id IN %s
   AND NOT EXISTS (
       SELECT 1 FROM hr_contract c
        WHERE c.employee_id = a.employee_id AND c.active
          AND c.state IN ('open', 'close')
          AND c.date_start <= a.date_start::date
          AND (c.date_end IS NULL OR c.date_end >= a.date_end::date))
 ORDER BY a.date_start LIMIT 1
"""

# Raw SQL: the whole batch against each person's PASS IAE and its suspensions in one
# query, on dates that the counsellors' field groups hide from planners' ORM reads.
PASS_IAE_QUERY = """
SELECT a.id, e.pass_iae_start, e.pass_iae_end, s.date_start, s.date_end
 FROM farm_intervention_assignment a
 JOIN hr_employee e ON e.id = a.employee_id AND e.is_insertion_employee
 LEFT JOIN insertion_pass_suspension s ON s.employee_id = e.id AND s.active
  AND s.date_start <= a.date_end::date AND s.date_end >= a.date_start::date
WHERE a.id IN %s
  AND (a.date_start::date < e.pass_iae_start
       OR a.date_end::date > e.pass_iae_end OR s.id IS NOT NULL)
ORDER BY a.date_start LIMIT 1
"""


# Raw SQL: the hours planned in each week the batch touches, against the weekly hours of
# the contract running that week (from its calendar's attendances), in one query; the ORM
# would read each person's week and contract apart.
WEEKLY_HOURS_QUERY = """
WITH weeks AS (
    SELECT DISTINCT a.employee_id, date_trunc('week', a.date_start) AS week
      FROM farm_intervention_assignment a WHERE a.id IN %(ids)s
), planned AS (
    SELECT w.employee_id, w.week,
           SUM(EXTRACT(EPOCH FROM (o.date_end - o.date_start))) / 3600 AS hours
      FROM weeks w
      JOIN farm_intervention_assignment o ON o.employee_id = w.employee_id
        AND o.active
       AND o.date_start >= w.week AND o.date_start < w.week + interval '7 days'
     GROUP BY w.employee_id, w.week
)
SELECT p.employee_id, p.week, p.hours, limits.hours
  FROM planned p
  CROSS JOIN LATERAL (
      SELECT (%(week_hours)s) AS hours
        FROM hr_contract c JOIN resource_calendar cal
          ON cal.id = c.resource_calendar_id
       WHERE c.employee_id = p.employee_id AND c.active
         AND c.state IN ('open', 'close')
         AND c.date_start <= (p.week + interval '6 days')::date
         AND (c.date_end IS NULL OR c.date_end >= p.week::date)
       ORDER BY c.date_start DESC LIMIT 1
  ) limits
 WHERE limits.hours > 0 AND p.hours > limits.hours + 0.001
 ORDER BY p.week LIMIT 1
"""


# Raw SQL: the whole batch against approved leave in one query (the ORM would search per
# person and slot).
LEAVES_QUERY = """
SELECT a.id, l.date_from, l.date_to
 FROM farm_intervention_assignment a
 JOIN hr_leave l ON l.employee_id = a.employee_id AND l.state = 'validate'
  AND l.date_from < a.date_end AND l.date_to > a.date_start
WHERE a.id IN %s
ORDER BY a.date_start LIMIT 1
"""


# Raw SQL: each person's hours done on each local day the batch touches, over all their
# assignments starting that day, in one query (the ORM would search per person and day).
DAILY_HOURS_QUERY = """
WITH days AS (
    SELECT DISTINCT a.employee_id,
           (a.date_start AT TIME ZONE 'UTC' AT TIME ZONE %(tz)s)::date AS day
      FROM farm_intervention_assignment a
     WHERE a.id IN %(ids)s AND a.active AND a.done_hours > 0
)
SELECT d.employee_id, d.day, SUM(o.done_hours),
       24 * MAX((o.date_end AT TIME ZONE 'UTC' AT TIME ZONE %(tz)s)::date - d.day + 1)
  FROM days d
  JOIN farm_intervention_assignment o ON o.employee_id = d.employee_id AND o.active
   AND (o.date_start AT TIME ZONE 'UTC' AT TIME ZONE %(tz)s)::date = d.day
 GROUP BY d.employee_id, d.day
HAVING SUM(o.done_hours) > 24 * MAX(
           (o.date_end AT TIME ZONE 'UTC' AT TIME ZONE %(tz)s)::date - d.day + 1) + 0.001
 ORDER BY d.day LIMIT 1
"""


class FarmInterventionAssignment(models.Model):
    _name = "farm.intervention.assignment"
    _inherit = ["farm.planning.slot"]
    _description = "Assignment to an intervention"
    _order = "date_start, intervention_id, role desc, id"
    _rec_name = "employee_id"

    _planning_exclusions = [("farm_intervention_assignment_employee_overlap", "employee_id")]

    employee_id = fields.Many2one("hr.employee", required=True, index=True, ondelete="restrict")
    role = fields.Selection(
        [("supervisor", "Supervisor"), ("worker", "Worker")], required=True, default="worker"
    )
    is_insertion_employee = fields.Boolean(related="employee_id.is_insertion_employee")
    hours_ids = fields.One2many("farm.intervention.hours", "assignment_id", string="Hours by task")
    done_hours = fields.Float(
        "Hours done",
        compute="_compute_done_hours",
        inverse="_inverse_done_hours",
        store=True,
        precompute=True,
        help="The sum of the person's hours on each task. Typed here only when the "
        "intervention has a single task.",
    )
    attendance = fields.Selection(
        [("present", "Present"), ("late", "Late"), ("absent", "Absent")], copy=False
    )
    arrival_time = fields.Float("Arrival", copy=False)
    departure_time = fields.Float("Departure", copy=False)
    observation = fields.Text(
        copy=False, help="The supervisor's observation of the day, for the counsellor."
    )
    intervention_state = fields.Selection(
        related="intervention_id.state", string="Intervention status"
    )
    color = fields.Integer(related="employee_id.color")
    calendar_label = fields.Char(
        compute="_compute_calendar_label", help="The farm and the person, for the calendar."
    )

    _sql_constraints = [
        ("done_hours_positive", "CHECK (done_hours >= 0)", "The hours done cannot be negative."),
        (
            "times_of_day",
            "CHECK (arrival_time >= 0 AND arrival_time < 24 "
            "AND departure_time >= 0 AND departure_time < 24)",
            "Arrival and departure are times of day, between 00:00 and 23:59.",
        ),
    ]

    def init(self):
        result = super().init()
        self.env.cr.execute(
            SQL(
                "CREATE INDEX IF NOT EXISTS farm_intervention_assignment_employee_date_idx "
                "ON farm_intervention_assignment (employee_id, date_start)"
            )
        )
        return result

    @api.depends("partner_id.name", "employee_id.name")
    def _compute_calendar_label(self):
        for assignment in self:
            assignment.calendar_label = (
                f"{assignment.partner_id.name} · {assignment.employee_id.name}"
            )

    def _compute_display_name(self):
        for assignment in self:
            assignment.display_name = (
                f"{assignment.employee_id.name} - {assignment.intervention_id.partner_id.name}"
            )

    @api.depends("hours_ids.hours")
    def _compute_done_hours(self):
        for assignment in self:
            assignment.done_hours = sum(assignment.hours_ids.mapped("hours"))

    def _inverse_done_hours(self):
        """Typing a person's total is allowed when the intervention has one task: the hours
        go on it. With several tasks, they are recorded task by task. One batch for all."""
        self._check_slot_hours()  # before the hours, in words that name the slot
        to_create, to_write = [], defaultdict(lambda: self.env["farm.intervention.hours"])
        for assignment in self:
            hours = assignment.hours_ids
            if float_compare(sum(hours.mapped("hours")), assignment.done_hours, 2) == 0:
                continue
            lines = assignment.intervention_id.line_ids
            if len(lines) != 1:
                raise ValidationError(
                    _(
                        "%(name)s on %(intervention)s: the intervention has %(count)s tasks, record the hours task by task.",  # noqa: E501
                        name=assignment.employee_id.name,
                        intervention=assignment.intervention_id._planning_label(),
                        count=len(lines),
                    )
                )
            if hours:
                to_write[assignment.done_hours] |= hours
            else:
                to_create.append(
                    {
                        "assignment_id": assignment.id,
                        "line_id": lines.id,
                        "hours": assignment.done_hours,
                    }
                )
        for value, hours in to_write.items():
            hours.write({"hours": value})
        self.env["farm.intervention.hours"].create(to_create)

    @api.constrains("attendance", "done_hours", "arrival_time", "departure_time")
    def _check_roll_call(self):
        for assignment in self:
            if assignment.attendance == "absent" and assignment.done_hours:
                raise ValidationError(
                    _(
                        "%(name)s is absent at roll-call: no hours on %(intervention)s.",
                        name=assignment.employee_id.name,
                        intervention=assignment.intervention_id._planning_label(),
                    )
                )
            if (
                assignment.arrival_time
                and assignment.departure_time
                and assignment.departure_time <= assignment.arrival_time
            ):
                raise ValidationError(
                    _(
                        "%(name)s: the departure must come after the arrival.",
                        name=assignment.employee_id.name,
                    )
                )

    @api.constrains("arrival_time", "departure_time")
    def _check_times_of_day(self):
        """PostgreSQL's check refuses NaN in its own words, and cannot name the person."""
        labels = {"arrival_time": _("Arrival"), "departure_time": _("Departure")}
        for assignment in self:
            for name, label in labels.items():
                assignment._check_time_of_day(label, assignment[name])

    def _check_time_of_day(self, label, value):
        if isinstance(value, (int, float)) and math.isfinite(value) and 0 <= value < 24:
            return
        raise ValidationError(
            _(
                "%(field)s of %(name)s: a time of day between 00:00 and 23:59 is expected, not %(value)s.",  # noqa: E501
                field=label,
                name=self.employee_id.name,
                value=value,
            )
        )

    @api.constrains("done_hours", "date_start", "date_end", "employee_id", "active")
    def _check_done_hours(self):
        self._check_slot_hours()
        self._check_daily_hours()

    def _check_slot_hours(self):
        """24 hours for each day the assignment spans."""
        for assignment in self.filtered("done_hours"):
            days = (assignment.date_end.date() - assignment.date_start.date()).days + 1
            if assignment.done_hours > 24 * days:
                raise ValidationError(
                    _(
                        "Hours done by %(name)s: %(max)s hours at most over %(days)s day(s).",
                        name=assignment.employee_id.name,
                        max=24 * days,
                        days=days,
                    )
                )

    def _check_daily_hours(self):
        """A person works 24 hours a day at most, over all their assignments of the day (the
        local day their assignment starts; 24 hours for each day an assignment spans). One
        query for the whole batch."""
        assignments = self.filtered(lambda a: a.active and a.done_hours)
        if not assignments:
            return
        self.flush_model(["done_hours", "active", "employee_id", "date_start", "date_end"])
        query = SQL(
            DAILY_HOURS_QUERY,
            ids=tuple(assignments.ids),
            tz=local_tz(self.env, assignments.company_id[:1]),
        )
        rows = self.env.execute_query(query)
        if rows:
            employee_id, day, hours, limit = rows[0]
            raise ValidationError(
                _(
                    "Hours done by %(name)s on %(day)s: %(hours)s hours over all their interventions of the day, %(max)s hours at most.",  # noqa: E501
                    name=self.env["hr.employee"].browse(employee_id).name,
                    day=format_date(self.env, day),
                    hours=round(hours, 2),
                    max=limit,
                )
            )

    @api.constrains("employee_id", "date_start", "date_end", "active", "intervention_id")
    def _check_availability(self):
        """Leave, contract dates, weekly hours and seats: a fixed number of queries for the
        whole batch, whatever the history."""
        assignments = self.filtered("active")
        if not assignments or checks_deferred(self.env):
            return  # deferred: the caller checks the whole batch at once
        flush_models(self.env, ASSIGNMENT_CHECK_MODELS)
        self._check_leaves(assignments)
        self._check_contracts(assignments)
        self._check_pass_iae(assignments)
        self._check_weekly_hours(assignments)
        assignments.intervention_id._check_vehicle_seats()

    @api.model
    def _check_leaves(self, assignments):
        self.env.cr.execute(SQL(LEAVES_QUERY, tuple(assignments.ids)))
        row = self.env.cr.fetchone()
        if row:
            assignment = self.browse(row[0])
            raise ValidationError(
                _(
                    "%(name)s is on approved leave from %(leave_start)s to %(leave_end)s: they cannot work on %(intervention)s from %(start)s to %(end)s.",  # noqa: E501
                    name=assignment.employee_id.name,
                    leave_start=self._fmt(row[1]),
                    leave_end=self._fmt(row[2]),
                    intervention=assignment.intervention_id._planning_label(),
                    start=self._fmt(assignment.date_start),
                    end=self._fmt(assignment.date_end),
                )
            )

    @api.model
    def _check_contracts(self, assignments):
        """Everyone works within a running contract."""
        query = SQL(CONTRACTS_QUERY, tuple(assignments.ids))
        for (assignment_id,) in self.env.execute_query(query):
            self.browse(assignment_id)._raise_outside_contract()

    def _raise_outside_contract(self):
        employee = self.employee_id
        contracts = (
            self.env["hr.contract"]
            .sudo()
            .search(
                [("employee_id", "=", employee.id), ("state", "in", ("open", "close"))],
                order="date_start",
            )
        )
        if not contracts:
            raise ValidationError(
                _(
                    "%(name)s has no running contract: they cannot work on %(intervention)s on %(date)s.",  # noqa: E501
                    name=employee.name,
                    intervention=self.intervention_id._planning_label(),
                    date=self._fmt(self.date_start),
                )
            )
        raise ValidationError(
            _(
                "%(name)s works on %(intervention)s from %(start)s to %(end)s, outside their contract dates (%(periods)s).",  # noqa: E501
                name=employee.name,
                intervention=self.intervention_id._planning_label(),
                start=self._fmt(self.date_start),
                end=self._fmt(self.date_end),
                periods=self._contract_periods(contracts),
            )
        )

    def _contract_periods(self, contracts):
        """ "01/09/2026 to 28/02/2027, 01/03/2027 to open-ended"."""
        # translated here: _() finds the language in the method's frame, not a generator's
        period, open_ended = _("%(start)s to %(end)s"), _("open-ended")
        return ", ".join(
            period
            % {
                "start": format_date(self.env, c.date_start),
                "end": format_date(self.env, c.date_end) if c.date_end else open_ended,
            }
            for c in contracts
        )

    @api.model
    def _check_pass_iae(self, assignments):
        """An insertion employee works within their PASS IAE, as its suspensions and
        prolongations moved it, and never while it is suspended. SQL: one query for the
        whole batch, on dates the counsellors' field groups would hide from planners."""
        self.env.cr.execute(SQL(PASS_IAE_QUERY, tuple(assignments.ids)))
        row = self.env.cr.fetchone()
        if not row:
            return
        assignment = self.browse(row[0])
        values = {
            "name": assignment.employee_id.name,
            "intervention": assignment.intervention_id._planning_label(),
            "date": self._fmt(assignment.date_start),
        }
        if row[3]:
            raise ValidationError(
                _(
                    "%(name)s cannot work on %(intervention)s on %(date)s: their PASS IAE is suspended from %(start)s to %(end)s.",  # noqa: E501
                    start=format_date(self.env, row[3]),
                    end=format_date(self.env, row[4]),
                    **values,
                )
            )
        raise ValidationError(
            _(
                "%(name)s cannot work on %(intervention)s on %(date)s: their PASS IAE runs from %(start)s to %(end)s.",  # noqa: E501
                start=format_date(self.env, row[1]),
                end=format_date(self.env, row[2]),
                **values,
            )
        )

    @api.model
    def _check_weekly_hours(self, assignments):
        self.env.cr.execute(
            SQL(WEEKLY_HOURS_QUERY, ids=tuple(assignments.ids), week_hours=SQL(CALENDAR_WEEK_HOURS))
        )
        row = self.env.cr.fetchone()
        if row:
            employee = self.env["hr.employee"].browse(row[0])
            raise ValidationError(
                _(
                    "%(name)s would work %(planned).1f h in the week of %(week)s, over the %(limit).1f h of their contract.",  # noqa: E501
                    name=employee.name,
                    planned=row[2],
                    week=format_date(self.env, row[1].date()),
                    limit=row[3],
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        assignments = super().create(vals_list)
        assignments.filtered("done_hours")._sync_work_hours()
        return assignments

    def write(self, vals):
        result = super().write(vals)
        deferred = checks_deferred(self.env)
        if {"employee_id", "date_start", "active"} & set(vals) and not deferred:
            self._sync_work_hours()
        return result

    def unlink(self):
        # through the ORM, so that the tasks' hours are counted again
        self.hours_ids.unlink()
        return super().unlink()

    def _work_hours_records(self):
        return self.env["insertion.work.hours"].sudo().search([("assignment_id", "in", self.ids)])

    def _hours_changed(self):
        """A person's hours on a task changed: their total is checked before it reaches their
        monthly hours."""
        self._check_done_hours()
        self._check_roll_call()
        self._sync_work_hours()

    def _sync_work_hours(self):
        """The hours done of insertion employees feed their monthly hours (pathway indicators):
        one hours record per assignment, with the assignment as its source."""
        existing = {record.assignment_id.id: record for record in self._work_hours_records()}
        WorkHours = self.env["insertion.work.hours"].sudo()
        to_create, to_delete, changes = [], WorkHours, defaultdict(lambda: WorkHours)
        for assignment in self.sudo():
            record = existing.get(assignment.id, WorkHours)
            keep = (
                assignment.active
                and assignment.done_hours > 0
                and assignment.employee_id.is_insertion_employee
            )
            if not keep:
                to_delete |= record
                continue
            values = {
                "employee_id": assignment.employee_id.id,
                "month": assignment.date_start.date().replace(day=1),
                "hours": assignment.done_hours,
                "company_id": assignment.company_id.id,
                "assignment_id": assignment.id,
                "note": assignment.intervention_id.display_name,
            }
            if not record:
                to_create.append(values)
                continue
            current = {
                "employee_id": record.employee_id.id,
                "month": record.month,
                "hours": record.hours,
                "company_id": record.company_id.id,
                "assignment_id": values["assignment_id"],
                "note": record.note,
            }
            changed = {name: value for name, value in values.items() if current[name] != value}
            if changed:  # records changed alike are written together
                changes[tuple(sorted(changed.items()))] |= record
        for changed, records in changes.items():
            records.write(dict(changed))
        WorkHours.create(to_create)
        to_delete.unlink()
