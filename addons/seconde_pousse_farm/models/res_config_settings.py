# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    farm_invoice_layout = fields.Selection(
        related="company_id.farm_invoice_layout", readonly=False, required=True
    )
    farm_membership_tax_id = fields.Many2one(
        related="company_id.farm_membership_tax_id", readonly=False
    )
    farm_payment_term_id = fields.Many2one(
        related="company_id.farm_payment_term_id", readonly=False
    )
