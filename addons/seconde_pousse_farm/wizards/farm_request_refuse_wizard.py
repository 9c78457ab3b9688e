# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class FarmRequestRefuseWizard(models.TransientModel):
    _name = "farm.request.refuse.wizard"
    _description = "Refuse intervention requests"

    request_ids = fields.Many2many("farm.intervention.request", required=True)
    reason = fields.Text(required=True, help="Sent to the farmer.")

    def action_confirm(self):
        self.request_ids._refuse(self.reason)
        return {"type": "ir.actions.act_window_close"}
