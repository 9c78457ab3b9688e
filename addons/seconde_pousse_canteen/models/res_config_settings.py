# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    canteen_farm_id = fields.Many2one(related="company_id.canteen_farm_id", readonly=False)
    canteen_cutoff_days = fields.Integer(related="company_id.canteen_cutoff_days", readonly=False)
    canteen_cutoff_hour = fields.Float(related="company_id.canteen_cutoff_hour", readonly=False)
    canteen_supplier_name = fields.Char(related="company_id.canteen_supplier_name", readonly=False)
