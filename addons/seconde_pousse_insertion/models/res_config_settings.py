# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    insertion_agreed_posts = fields.Float(
        related="company_id.insertion_agreed_posts",
        readonly=False,
    )
    iae_structure_kind = fields.Selection(related="company_id.iae_structure_kind", readonly=False)
