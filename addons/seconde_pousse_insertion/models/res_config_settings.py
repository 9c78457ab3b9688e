from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    insertion_agreed_posts = fields.Float(
        related="company_id.insertion_agreed_posts",
        readonly=False,
    )
