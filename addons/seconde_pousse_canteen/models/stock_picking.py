# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    is_canteen_delivery = fields.Boolean(
        compute="_compute_is_canteen_delivery",
        help="A delivery of farm produce to a canteen: its note names each line's harvest.",
    )

    def _compute_is_canteen_delivery(self):
        for picking in self:
            picking.is_canteen_delivery = bool(
                picking.picking_type_code == "outgoing"
                and picking.partner_id.commercial_partner_id.is_canteen
            )
