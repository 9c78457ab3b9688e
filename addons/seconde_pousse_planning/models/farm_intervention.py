# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from odoo.addons.seconde_pousse_base.models.roles import STAFF, SUPERVISOR

from .farm_planning_slot import DEFER_CHECKS, flush_models, format_when

# What the seats and licences queries read, flushed before them.
TEAM_CHECK_MODELS = (
    "farm.intervention.booking",
    "farm.intervention.assignment",
    "fleet.vehicle",
    "hr.employee",
)


# Raw SQL: the seats of every booked vehicle against the people of each intervention of
# the batch, in one grouped query (the ORM would read each intervention's team apart).
SEATS_QUERY = """
SELECT b.intervention_id, SUM(v.seats),
      (SELECT COUNT(DISTINCT a.employee_id) FROM farm_intervention_assignment a
        WHERE a.intervention_id = b.intervention_id AND a.active) AS people,
      MIN(b.date_start)
 FROM farm_intervention_booking b
 JOIN fleet_vehicle v ON v.id = b.vehicle_id
WHERE b.intervention_id IN %s AND b.active AND b.id != ALL(%s)
GROUP BY b.intervention_id
"""


# Raw SQL: each booked vehicle's licence against the licences of the intervention's team,
# a double EXISTS over the batch in one query.
LICENCES_QUERY = """
SELECT b.id
 FROM farm_intervention_booking b
 JOIN fleet_vehicle v ON v.id = b.vehicle_id AND v.licence_id IS NOT NULL
WHERE b.intervention_id IN %s AND b.active
  AND EXISTS (SELECT 1 FROM farm_intervention_assignment a
               WHERE a.intervention_id = b.intervention_id AND a.active)
  AND NOT EXISTS (
      SELECT 1 FROM farm_intervention_assignment a
        JOIN hr_employee_farm_licence_rel rel ON rel.employee_id = a.employee_id
       WHERE a.intervention_id = b.intervention_id AND a.active
         AND rel.licence_id = v.licence_id)
LIMIT 1
"""


class FarmIntervention(models.Model):
    _inherit = "farm.intervention"

    assignment_ids = fields.One2many(
        "farm.intervention.assignment", "intervention_id", string="Team", groups=STAFF
    )
    hours_ids = fields.One2many(
        "farm.intervention.hours", "intervention_id", string="Hours by task", groups=STAFF
    )
    booking_ids = fields.One2many(
        "farm.intervention.booking",
        "intervention_id",
        string="Vehicles and equipment",
        groups=SUPERVISOR,
    )
    team_size = fields.Integer(
        compute="_compute_team_size",
        store=True,
        readonly=False,
        help=(
            "People sent to the farm, supervisor included: counted from the team once it is "
            "planned."
        ),
    )

    @api.depends("assignment_ids.employee_id", "assignment_ids.active")
    def _compute_team_size(self):
        for intervention in self:
            people = len(intervention.assignment_ids.filtered("active").employee_id)
            intervention.team_size = people or intervention.team_size or 1

    @api.depends("team_size")
    def _compute_calendar_label(self):
        result = super()._compute_calendar_label()
        for intervention in self:
            intervention.calendar_label += _(" · %(count)s people", count=intervention.team_size)
        return result

    def _planning_label(self):
        """The intervention and its farm, for the planning's messages ("" for none)."""
        intervention = self.sudo()
        if not intervention:
            return ""
        return f"{intervention.display_name} ({intervention.partner_id.name})"

    def _check_vehicle_seats(self, without_bookings=None):
        """Seats of the vehicles booked for an intervention against the people travelling
        (without_bookings: bookings about to be removed). One query for the whole batch."""
        if not self.ids:
            return
        flush_models(self.env, TEAM_CHECK_MODELS)
        self.env.cr.execute(
            SQL(SEATS_QUERY, tuple(self.ids), without_bookings.ids if without_bookings else [])
        )
        for intervention_id, seats, people, date_start in self.env.cr.fetchall():
            if seats < people:
                intervention = self.browse(intervention_id)
                vehicles = (
                    intervention.sudo()
                    .booking_ids.filtered(lambda b: b.active and b.vehicle_id)
                    .vehicle_id
                )
                if without_bookings:
                    vehicles -= without_bookings.sudo().vehicle_id
                raise ValidationError(
                    _(
                        "%(vehicles)s: %(seats)s seats for %(people)s people travelling to %(intervention)s on %(date)s. Book another vehicle or reduce the team.",  # noqa: E501
                        vehicles=", ".join(vehicles.mapped("display_name")),
                        seats=seats,
                        people=people,
                        intervention=intervention._planning_label(),
                        date=format_when(self.env, date_start),
                    )
                )

    def _check_vehicle_licences(self):
        """Someone in the team must hold the licence each booked vehicle needs (checked once
        the team has someone in it). One query for the whole batch."""
        if not self.ids:
            return
        flush_models(self.env, TEAM_CHECK_MODELS)
        self.env.cr.execute(SQL(LICENCES_QUERY, tuple(self.ids)))
        row = self.env.cr.fetchone()
        if row:
            booking = self.env["farm.intervention.booking"].sudo().browse(row[0])
            raise ValidationError(
                _(
                    "No one in the team of %(intervention)s holds the licence %(licence)s needed to drive %(vehicle)s on %(date)s.",  # noqa: E501
                    intervention=booking.intervention_id._planning_label(),
                    licence=booking.vehicle_id.licence_id.name,
                    vehicle=booking.vehicle_id.display_name,
                    date=format_when(self.env, booking.date_start),
                )
            )

    def write(self, vals):
        old_dates = {}
        if "date_start" in vals or "date_end" in vals:
            old_dates = {i.id: (i.date_start, i.date_end) for i in self}
        result = super().write(vals)
        if old_dates:
            self._follow_dates(old_dates)
        if vals.get("state") == "cancelled":
            # a cancelled intervention frees its people, vehicles and equipment
            # whoever cancels (e.g. the accountant), the planning is released
            self.sudo().assignment_ids.write({"active": False})
            self.sudo().booking_ids.write({"active": False})
        return result

    def _follow_dates(self, old_dates):
        """People and bookings planned over the whole intervention move with it; partial
        slots stay where the planner put them. All the moved slots are checked once,
        together, after they all moved: a fixed number of queries for a whole series."""
        moved = self.env["farm.intervention.assignment"].sudo()
        moved_bookings = self.env["farm.intervention.booking"].sudo()
        for intervention in self.sudo().with_context(planning_checks=DEFER_CHECKS):
            start, end = old_dates[intervention.id]
            new = {"date_start": intervention.date_start, "date_end": intervention.date_end}
            if (start, end) == (new["date_start"], new["date_end"]):
                continue
            for slots in (intervention.assignment_ids, intervention.booking_ids):
                whole = slots.filtered(
                    lambda s, a=start, b=end: (s.date_start, s.date_end) == (a, b)
                )
                whole.write(new)
                if whole._name == moved._name:
                    moved |= whole
                else:
                    moved_bookings |= whole
        moved = moved.with_env(self.env(su=True))
        moved._check_availability()
        moved._sync_work_hours()
        moved_bookings.with_env(self.env(su=True))._check_resources_available()

    def action_plan(self):
        self._check_vehicle_licences()
        self._check_vehicle_seats()
        return super().action_plan()

    def action_open_team_builder(self):
        self.ensure_one()
        wizard = self.env["farm.team.builder"].create({"intervention_id": self.id})
        wizard.action_propose()
        return {
            "type": "ir.actions.act_window",
            "name": _("Team builder"),
            "res_model": "farm.team.builder",
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "new",
        }
