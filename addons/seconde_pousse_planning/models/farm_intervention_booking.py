# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, format_date

from .farm_planning_slot import checks_deferred, flush_models

# What the maintenance query and the seats and licences checks read, flushed before them.
BOOKING_CHECK_MODELS = (
    "farm.intervention.booking",
    "farm.intervention.assignment",
    "fleet.vehicle",
    "fleet.vehicle.log.services",
    "maintenance.request",
    "maintenance.stage",
    "hr.employee",
)

# Raw SQL: the vehicles' services and the equipment's open maintenance requests that
# overlap each booking of the batch, in one UNION query (two models, interval arithmetic
# on the request's duration, which a domain cannot express).
MAINTENANCE_QUERY = """
SELECT b.id, s.date, NULL::timestamp
  FROM farm_intervention_booking b
  JOIN fleet_vehicle_log_services s ON s.vehicle_id = b.vehicle_id AND s.active
   AND (s.state = 'running' AND s.date <= b.date_end::date
        OR s.state = 'new' AND s.date BETWEEN b.date_start::date
          AND b.date_end::date)
 WHERE b.id IN %(ids)s
UNION ALL
SELECT b.id, r.request_date, r.schedule_date
  FROM farm_intervention_booking b
  JOIN maintenance_request r ON r.equipment_id = b.equipment_id
    AND r.archive IS NOT TRUE
  JOIN maintenance_stage st ON st.id = r.stage_id AND st.done IS NOT TRUE
   AND (r.maintenance_type = 'corrective' AND r.request_date <= b.date_end::date
        OR r.schedule_date < b.date_end
           AND r.schedule_date
             + make_interval(secs => COALESCE(r.duration, 0) * 3600)
               >= b.date_start)
 WHERE b.id IN %(ids)s
LIMIT 1
"""


class FarmInterventionBooking(models.Model):
    _name = "farm.intervention.booking"
    # the guard first: a state given in the context is refused before the slot's checks
    _inherit = ["seconde_pousse.workflow.guard", "farm.planning.slot"]
    _description = "Vehicle or equipment booking"
    _order = "date_start, id"
    # out and back only through the check-out and check-in buttons (and Ma journée)
    _workflow_fields = ("state",)

    _planning_exclusions = [
        ("farm_intervention_booking_vehicle_overlap", "vehicle_id"),
        ("farm_intervention_booking_equipment_overlap", "equipment_id"),
    ]

    resource_type = fields.Selection(
        [("vehicle", "Vehicle"), ("equipment", "Equipment")], required=True, default="vehicle"
    )
    vehicle_id = fields.Many2one("fleet.vehicle", index=True, ondelete="restrict")
    equipment_id = fields.Many2one("maintenance.equipment", index=True, ondelete="restrict")
    name = fields.Char(compute="_compute_name", store=True)
    provider = fields.Selection(
        [("seconde_pousse", "Seconde Pousse"), ("farm", "Lent by the farm")],
        compute="_compute_provider",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
    )
    state = fields.Selection(
        [("reserved", "Reserved"), ("checked_out", "Checked out"), ("returned", "Returned")],
        default="reserved",
        required=True,
        copy=False,
    )
    condition = fields.Selection(
        [("good", "Good"), ("worn", "Worn"), ("damaged", "Damaged")],
        string="Condition on return",
        copy=False,
    )
    condition_note = fields.Text("Return notes", copy=False)
    maintenance_request_id = fields.Many2one("maintenance.request", readonly=True, copy=False)
    service_log_id = fields.Many2one(
        "fleet.vehicle.log.services", string="Vehicle service", readonly=True, copy=False
    )

    @api.depends("vehicle_id", "equipment_id")
    def _compute_name(self):
        for booking in self:
            booking.name = (booking.vehicle_id or booking.equipment_id).display_name or ""

    @api.depends("vehicle_id", "equipment_id", "intervention_id")
    def _compute_provider(self):
        for booking in self:
            lender = (
                booking.sudo().vehicle_id.lender_partner_id
                or booking.sudo().equipment_id.lender_partner_id
            )
            booking.provider = "farm" if lender else "seconde_pousse"

    @api.constrains("vehicle_id", "equipment_id", "resource_type")
    def _check_one_resource(self):
        for booking in self:
            if bool(booking.vehicle_id) == bool(booking.equipment_id):
                raise ValidationError(_("A booking is for one vehicle or one piece of equipment."))
            if (booking.resource_type == "vehicle") != bool(booking.vehicle_id):
                raise ValidationError(
                    _("Choose the vehicle or the equipment matching the booking type.")
                )

    @api.constrains(
        "vehicle_id", "equipment_id", "date_start", "date_end", "active", "intervention_id"
    )
    def _check_resources_available(self):
        """Archived, under maintenance, seats and licence: a fixed number of queries."""
        if checks_deferred(self.env):
            return  # deferred: the caller checks the whole batch at once
        bookings = self.filtered("active")
        if not bookings:
            # archiving a vehicle booking may leave too few seats
            self.intervention_id._check_vehicle_seats()
            return
        for booking in bookings.sudo().with_context(active_test=False):
            resource = booking.vehicle_id or booking.equipment_id
            if not resource.active:
                raise ValidationError(
                    _(
                        "%(name)s is archived: it cannot be booked for %(intervention)s on %(date)s.",  # noqa: E501
                        name=resource.display_name,
                        intervention=booking.intervention_id._planning_label(),
                        date=self._fmt(booking.date_start),
                    )
                )
        flush_models(self.env, BOOKING_CHECK_MODELS)
        self._check_maintenance(bookings)
        bookings.intervention_id._check_vehicle_seats()
        bookings.intervention_id._check_vehicle_licences()

    @api.model
    def _check_maintenance(self, bookings):
        self.env.cr.execute(SQL(MAINTENANCE_QUERY, ids=tuple(bookings.ids)))
        row = self.env.cr.fetchone()
        if row:
            booking = self.browse(row[0])
            raise ValidationError(
                _(
                    "%(name)s is under maintenance (since %(date)s): it cannot be booked for %(intervention)s from %(start)s to %(end)s.",  # noqa: E501
                    name=booking.sudo().name,
                    date=self._fmt(row[2]) if row[2] else format_date(self.env, row[1]),
                    intervention=booking.intervention_id._planning_label(),
                    start=self._fmt(booking.date_start),
                    end=self._fmt(booking.date_end),
                )
            )

    @api.onchange("resource_type")
    def _onchange_resource_type(self):
        if self.resource_type == "vehicle":
            self.equipment_id = False
        else:
            self.vehicle_id = False

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("equipment_id") and not vals.get("vehicle_id"):
                vals.setdefault("resource_type", "equipment")
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_seats_missing(self):
        self.intervention_id._check_vehicle_seats(without_bookings=self)  # fewer seats

    def action_check_out(self):
        self.check_access("write")  # the state is written as superuser below
        for booking in self:
            if booking.state != "reserved":
                raise UserError(
                    _("%(name)s is not reserved: it cannot be checked out.", name=booking.name)
                )
        self.sudo().write({"state": "checked_out"})
        return True

    def action_return(self):
        """Back from the farm with its condition; damage opens a maintenance request."""
        self.check_access("write")  # the state is written as superuser below
        for booking in self:
            if booking.state != "checked_out":
                raise UserError(
                    _("%(name)s was not checked out: it cannot be returned.", name=booking.name)
                )
            if not booking.condition:
                raise UserError(_("Give the condition of %(name)s on return.", name=booking.name))
        self.sudo().write({"state": "returned"})
        self.filtered(lambda b: b.condition == "damaged")._open_repair()
        return True

    def _repair_service_type(self):
        ServiceType = self.env["fleet.service.type"].sudo()
        return (
            self.env.ref("fleet.type_service_service_7", raise_if_not_found=False)
            or ServiceType.search([("category", "=", "service")], limit=1)
            or ServiceType.create({"name": _("Repair"), "category": "service"})
        )

    def _open_repair(self):
        for booking in self.sudo():
            description = _(
                "Damaged during %(intervention)s (%(farm)s). %(note)s",
                intervention=booking.intervention_id._planning_label(),
                farm=booking.partner_id.name,
                note=booking.condition_note or "",
            )
            if booking.equipment_id:
                booking.maintenance_request_id = booking.env["maintenance.request"].create(
                    {
                        "name": _("Damage: %(name)s", name=booking.equipment_id.display_name),
                        "equipment_id": booking.equipment_id.id,
                        "maintenance_type": "corrective",
                        "description": description,
                        "priority": "2",
                        "company_id": booking.company_id.id,
                    }
                )
            else:
                booking.service_log_id = booking.env["fleet.vehicle.log.services"].create(
                    {
                        "service_type_id": self._repair_service_type().id,
                        "vehicle_id": booking.vehicle_id.id,
                        "description": _("Damage: %(name)s", name=booking.vehicle_id.display_name),
                        "notes": description,
                        "state": "new",
                    }
                )
            booking.intervention_id.message_post(body=description)
