# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class StockLot(models.Model):
    _inherit = "stock.lot"

    is_produce = fields.Boolean(related="product_id.is_produce")
    harvest_date = fields.Date(index=True)
    parcel_id = fields.Many2one("canteen.parcel")
    intervention_ids = fields.Many2many(
        "farm.intervention", help="The team's work that harvested it."
    )
    harvest_id = fields.Many2one("canteen.harvest", readonly=True, index="btree_not_null")
    recall_count = fields.Integer("Deliveries", compute="_compute_recall_count")

    @api.constrains("product_id", "harvest_date")
    def _check_harvest_date(self):
        for lot in self:
            if lot.product_id.is_produce and not lot.harvest_date:
                raise ValidationError(
                    self.env._(
                        "Lot %(lot)s of %(product)s: the harvest date is required for farm "
                        "produce.",
                        lot=lot.name,
                        product=lot.product_id.display_name,
                    )
                )

    def _compute_recall_count(self):
        groups = self.env["stock.lot.report"]._read_group(
            [("lot_id", "in", self.ids)], ["lot_id"], ["__count"]
        )
        counts = {lot.id: count for lot, count in groups}
        for lot in self:
            lot.recall_count = counts.get(lot.id, 0)

    def action_recall_list(self):
        """The canteens and deliveries the lot went to: Odoo's customer lot report."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("stock.action_lot_report")
        action["domain"] = [("lot_id", "=", self.id)]
        action["display_name"] = self.env._("Recall list of %(lot)s", lot=self.name)
        return action

    def _recall_deliveries(self):
        """{lot id: its done delivery lines to customers}, read in one search."""
        lines = self.env["stock.move.line"].search(
            [
                ("lot_id", "in", self.ids),
                ("state", "=", "done"),
                ("location_dest_id.usage", "=", "customer"),
            ],
            order="date, id",
        )
        return {lot.id: group for lot, group in lines.grouped("lot_id").items()}
