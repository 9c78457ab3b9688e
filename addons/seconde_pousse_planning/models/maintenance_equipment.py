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
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "seconde_pousse_planning.farm_intervention_booking_action"
        )
        action["domain"] = [("equipment_id", "=", self.id)]
        action["context"] = {"default_equipment_id": self.id, "default_resource_type": "equipment"}
        action["display_name"] = self.display_name
        return action
