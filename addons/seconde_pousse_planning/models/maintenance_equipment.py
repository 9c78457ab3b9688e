# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class MaintenanceEquipment(models.Model):
    _inherit = "maintenance.equipment"

    lender_partner_id = fields.Many2one(
        "res.partner",
        string="Lent by",
        domain=[("is_farm", "=", True)],
        help="The farm that lends this equipment; empty for Seconde Pousse's own equipment.",
    )
    booking_ids = fields.One2many("farm.intervention.booking", "equipment_id", string="Bookings")

    def action_open_bookings(self):
        """The equipment's own calendar."""
        self.ensure_one()
        return self.env["farm.intervention.booking"]._calendar_action(
            [("equipment_id", "=", self.id)],
            {"default_equipment_id": self.id, "default_resource_type": "equipment"},
            self.display_name,
        )
