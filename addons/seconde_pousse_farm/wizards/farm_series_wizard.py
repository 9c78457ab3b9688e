# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Move or cancel the rest of a recurring request's visits, in one action."""

from odoo import api, fields, models
from odoo.exceptions import UserError


class FarmSeriesChangeWizard(models.TransientModel):
    _name = "farm.series.change.wizard"
    _description = "Move or cancel the rest of a series"

    request_id = fields.Many2one("farm.intervention.request", required=True, ondelete="cascade")
    date_from = fields.Date(string="From", required=True, default=fields.Date.context_today)
    operation = fields.Selection(
        [("move", "Move the visits"), ("cancel", "Cancel the visits")],
        required=True,
        default="move",
    )
    shift_days = fields.Integer(string="Move by (days)", default=7)
    start_time = fields.Float(string="New start time")
    reason = fields.Text()
    visit_count = fields.Integer(string="Visits concerned", compute="_compute_visit_count")

    @api.depends("request_id", "date_from")
    def _compute_visit_count(self):
        for wizard in self:
            wizard.visit_count = len(wizard.request_id._series_rest(wizard.date_from))

    def action_confirm(self):
        self.ensure_one()
        request = self.request_id
        request._check_role("seconde_pousse_base.group_supervisor", self.env._("change a series"))
        if not self.visit_count:
            raise UserError(
                self.env._("%(name)s has no visit to change from this date.", name=request.name)
            )
        if self.operation == "cancel":
            if not (self.reason or "").strip():
                raise UserError(self.env._("Reason: say why the visits are cancelled."))
            request._cancel_series(self.date_from, self.reason.strip())
        elif self.shift_days or self.start_time:
            request._move_series(self.date_from, self.shift_days, self.start_time or None)
        else:
            raise UserError(self.env._("Move by: give a number of days or a new start time."))
        return {"type": "ir.actions.act_window_close"}
