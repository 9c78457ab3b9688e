# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The coordinator's two membership forms: a farm's withdrawal, and the farms that vote
at the general assembly on a given day."""

from odoo import fields, models
from odoo.tools import format_date


class FarmMembershipWithdrawWizard(models.TransientModel):
    _name = "farm.membership.withdraw.wizard"
    _description = "Withdrawal of a farm from the association"

    partner_id = fields.Many2one("res.partner", required=True, ondelete="cascade")
    date = fields.Date(string="Withdrawal date", required=True, default=fields.Date.context_today)
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        self.partner_id._farm_withdraw(self.date, self.reason)
        return {"type": "ir.actions.act_window_close"}


class FarmMembershipVotersWizard(models.TransientModel):
    _name = "farm.membership.voters.wizard"
    _description = "Voting members at a date"

    date = fields.Date(
        string="General assembly on", required=True, default=fields.Date.context_today
    )

    def action_open(self):
        self.ensure_one()
        farms = self.env["res.partner"]._farm_voting_members(self.date)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Voting members on %(date)s", date=format_date(self.env, self.date)),
            "res_model": "res.partner",
            "view_mode": "list,form",
            "views": [
                (self.env.ref("seconde_pousse_farm.res_partner_view_list_farm_members").id, "list"),
                (False, "form"),
            ],
            "domain": [("id", "in", farms.ids)],
            "context": {"create": False},
        }
