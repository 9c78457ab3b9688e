# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class StockMoveLine(models.Model):
    _inherit = "stock.move.line"

    harvest_date = fields.Date(related="lot_id.harvest_date")
    parcel_id = fields.Many2one(related="lot_id.parcel_id")
    harvest_intervention_ids = fields.Many2many(
        related="lot_id.intervention_ids", string="Harvest interventions"
    )
    harvest_id = fields.Many2one(related="lot_id.harvest_id")
    egalim_summary = fields.Char(related="product_id.egalim_summary")
