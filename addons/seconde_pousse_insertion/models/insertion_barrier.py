# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

BARRIER_TYPES = [
    ("mobility", "Mobility"),
    ("housing", "Housing"),
    ("health", "Health"),
    ("language", "Language"),
    ("childcare", "Childcare"),
    ("administrative", "Administrative"),
    ("debt", "Debt and budget"),
    ("justice", "Justice"),
    ("digital", "Digital skills"),
    ("other", "Other"),
]


class InsertionBarrier(models.Model):
    _name = "insertion.barrier"
    _description = "Barrier to employment"
    _order = "date_identified desc, id desc"

    name = fields.Char(string="Description", required=True)
    active = fields.Boolean(default=True)
    pathway_id = fields.Many2one("insertion.pathway", required=True, ondelete="cascade", index=True)
    employee_id = fields.Many2one(related="pathway_id.employee_id", store=True)
    company_id = fields.Many2one(related="pathway_id.company_id", store=True)
    barrier_type = fields.Selection(BARRIER_TYPES, string="Type", required=True)
    status = fields.Selection(
        [("identified", "Identified"), ("in_progress", "In progress"), ("lifted", "Lifted")],
        default="identified",
        required=True,
    )
    support = fields.Selection(
        [("internal", "Internal"), ("external", "External")],
        help="Supported by Seconde Pousse (internal) or by a partner organisation (external).",
    )
    partner_id = fields.Many2one("res.partner", string="Partner organisation")
    date_identified = fields.Date(
        string="Identified on", required=True, default=fields.Date.context_today
    )
    date_lifted = fields.Date(string="Lifted on")
    note = fields.Text()

    @api.constrains("date_identified", "date_lifted")
    def _check_dates(self):
        for barrier in self:
            if barrier.date_lifted and barrier.date_lifted < barrier.date_identified:
                raise ValidationError(_("A barrier cannot be lifted before it is identified."))

    @api.onchange("status")
    def _onchange_status(self):
        if self.status == "lifted" and not self.date_lifted:
            self.date_lifted = fields.Date.context_today(self)
