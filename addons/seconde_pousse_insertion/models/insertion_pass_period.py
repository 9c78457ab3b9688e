# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What moves a PASS IAE's end: its suspensions and prolongations.

Each period moves the end by its length, counted as les emplois de l'inclusion counts it
(end date minus start date, as its `update_approval_end_at` triggers do), so that the
date here is the date the ASP and the platform hold.
"""

from odoo import api, fields, models
from odoo.tools import SQL, format_date


class InsertionPassPeriod(models.AbstractModel):
    _name = "insertion.pass.period"
    _inherit = ["mail.thread"]
    _description = "PASS IAE period"
    _order = "date_start desc, id desc"

    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
        domain=[("is_insertion_employee", "=", True)],
    )
    date_start = fields.Date(string="Start", required=True, tracking=True)
    date_end = fields.Date(string="End", required=True, tracking=True)
    days = fields.Integer(
        string="Days added", compute="_compute_days", store=True, help="Moves the PASS end."
    )
    explanation = fields.Text(tracking=True)
    document = fields.Binary(string="Supporting document", attachment=True)
    document_name = fields.Char()
    imported = fields.Boolean(
        readonly=True,
        help="Brought from les emplois de l'inclusion's history by the import (never by a "
        "client): its former reasons are accepted, and the rules of a new declaration "
        "(request window, backdating) are not applied.",
    )

    @api.depends("date_start", "date_end")
    def _compute_days(self):
        for period in self:
            period.days = (
                max((period.date_end - period.date_start).days, 0)
                if (period.date_start and period.date_end)
                else 0
            )

    @api.depends("employee_id", "date_start", "date_end")
    def _compute_display_name(self):
        for period in self:
            period.display_name = self.env._(
                "%(name)s, %(start)s to %(end)s",
                name=period.employee_id.name or "",
                start=format_date(self.env, period.date_start),
                end=format_date(self.env, period.date_end),
            )

    def _auto_init(self):
        # the overlap exclusions need btree_gist (PostgreSQL >= 13 lets the owner add it)
        self.env.cr.execute(SQL("CREATE EXTENSION IF NOT EXISTS btree_gist"))
        return super()._auto_init()

    @api.model_create_multi
    def create(self, vals_list):
        periods = super().create(vals_list)
        periods.employee_id._pass_iae_end_moved()
        return periods

    def write(self, vals):
        employees = self.employee_id
        result = super().write(vals)
        if {"date_start", "date_end", "active", "employee_id", "state"} & set(vals):
            (employees | self.employee_id)._pass_iae_end_moved()
        return result

    def _fmt(self, day):
        return format_date(self.env, day)

    def _today(self):
        return fields.Date.context_today(self)

    def _others(self):
        """The employee's other active periods of this kind."""
        self.ensure_one()
        return self.search([("employee_id", "=", self.employee_id.id), ("id", "!=", self.id or 0)])
