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
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "seconde_pousse_planning.farm_intervention_booking_action"
        )
        action["domain"] = [("vehicle_id", "=", self.id)]
        action["context"] = {"default_vehicle_id": self.id, "default_resource_type": "vehicle"}
        action["display_name"] = self.display_name
        return action
