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
