# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

ACTION_TYPES = [
    ("interview", "Interview"),
    ("training", "Training"),
    ("pmsmp", "Work placement (PMSMP)"),
    ("workshop", "Workshop"),
    ("administrative", "Administrative step"),
]


class InsertionAction(models.Model):
    _name = "insertion.action"
    _description = "Accompaniment action"
    _order = "date desc, id desc"

    name = fields.Char(string="Subject", required=True)
    active = fields.Boolean(default=True)
    pathway_id = fields.Many2one("insertion.pathway", required=True, ondelete="cascade", index=True)
    employee_id = fields.Many2one(related="pathway_id.employee_id", store=True)
    company_id = fields.Many2one(related="pathway_id.company_id", store=True)
    action_type = fields.Selection(ACTION_TYPES, string="Type", required=True, default="interview")
    date = fields.Date(required=True, default=fields.Date.context_today)
    duration = fields.Float(string="Duration (hours)")
    partner_id = fields.Many2one("res.partner", string="Partner organisation")
    barrier_id = fields.Many2one(
        "insertion.barrier",
        string="Barrier addressed",
        domain="[('pathway_id', '=', pathway_id)]",
    )
    barrier_type = fields.Selection(
        related="barrier_id.barrier_type", store=True, string="Barrier type"
    )
    user_id = fields.Many2one("res.users", string="Led by", default=lambda self: self.env.user)
    host_company_id = fields.Many2one("res.partner", string="Host company")
    placement_start = fields.Date(string="Placement start")
    placement_end = fields.Date(string="Placement end")
    note = fields.Text()

    @api.constrains("action_type", "host_company_id", "placement_start", "placement_end")
    def _check_placement(self):
        for action in self.filtered(lambda a: a.action_type == "pmsmp"):
            if not (action.host_company_id and action.placement_start and action.placement_end):
                raise ValidationError(
                    _("A work placement (PMSMP) needs a host company, a start and an end.")
                )
            if action.placement_end < action.placement_start:
                raise ValidationError(_("A work placement (PMSMP) cannot end before it starts."))

    @api.constrains("duration")
    def _check_duration(self):
        if any(action.duration < 0 for action in self):
            raise ValidationError(_("The duration of an action cannot be negative."))

    @api.onchange("placement_start")
    def _onchange_placement_start(self):
        if self.action_type == "pmsmp" and self.placement_start:
            self.date = self.placement_start
