# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class FleetVehicle(models.Model):
    _inherit = "fleet.vehicle"

    licence_id = fields.Many2one("farm.licence", string="Licence required", tracking=True)
    lender_partner_id = fields.Many2one(
        "res.partner",
        string="Lent by",
        domain=[("is_farm", "=", True)],
        help="The farm that lends this vehicle; empty for Seconde Pousse's own vehicles.",
    )
    booking_ids = fields.One2many("farm.intervention.booking", "vehicle_id", string="Bookings")

    def action_open_bookings(self):
        """The vehicle's own calendar."""
        self.ensure_one()
        return self.env["farm.intervention.booking"]._calendar_action(
            [("vehicle_id", "=", self.id)],
            {"default_vehicle_id": self.id, "default_resource_type": "vehicle"},
            self.display_name,
        )
