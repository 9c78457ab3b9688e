from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    insertion_agreed_posts = fields.Float(
        string="Agreed insertion posts (FTE)",
        digits=(16, 2),
        help="Full-time equivalent posts agreed with the funders (conventionnement IAE).",
    )
