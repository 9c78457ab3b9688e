# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class FarmReviewSignWizard(models.TransientModel):
    _name = "farm.review.sign.wizard"
    _description = "Sign a review on site"

    review_id = fields.Many2one("farm.intervention.review", required=True)
    signer_name = fields.Char("Farmer's name", required=True)
    signature = fields.Binary(required=True)
    farmer_comment = fields.Text("Farmer's comment")

    def action_sign(self):
        self.review_id._sign(self.signer_name, self.signature, self.farmer_comment or None)
        return {"type": "ir.actions.act_window_close"}
