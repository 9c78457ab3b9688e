# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

MAX_MONTH_HOURS = 220  # 48 hours a week over the longest month


class InsertionWorkHours(models.Model):
    """Hours worked by an insertion employee in a month. Entered by hand or created by
    other addons (e.g. from the hours of farm jobs), with the record they come from."""

    _name = "insertion.work.hours"
    _description = "Hours worked in a month"
    _order = "month desc, employee_id"
    _rec_name = "employee_id"

    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        index=True,
        domain=[("is_insertion_employee", "=", True)],
    )
    month = fields.Date(
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
        help="First day of the month the hours were worked in.",
    )
    hours = fields.Float(required=True)
    pathway_id = fields.Many2one(
        "insertion.pathway", compute="_compute_pathway_id", store=True, index=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    source = fields.Reference(selection="_selection_source_model")
    note = fields.Char()
    outside_pass_iae = fields.Boolean(
        string="Outside the PASS IAE",
        compute="_compute_outside_pass_iae",
        store=True,
        groups="seconde_pousse_base.group_counsellor",
        help="Hours of a month the employee's PASS IAE does not cover: the funder will not "
        "count them until the PASS dates are corrected.",
    )

    @api.model
    def _selection_source_model(self):
        """Models hours may come from. Other addons extend it."""
        return [("insertion.action", _("Accompaniment action"))]

    @api.depends("employee_id", "month")
    def _compute_pathway_id(self):
        pathways = self.env["insertion.pathway"]._match_pathways(self, "month", whole_month=True)
        for record in self:
            record.pathway_id = pathways.get(record.id, False)

    @api.depends("month", "employee_id.pass_iae_start", "employee_id.pass_iae_end")
    def _compute_outside_pass_iae(self):
        for record in self:
            employee = record.employee_id.sudo()
            start, end = employee.pass_iae_start, employee.pass_iae_end
            month_end = record.month and record.month + relativedelta(day=31)
            record.outside_pass_iae = bool(
                record.month and (not start or not end or month_end < start or record.month > end)
            )

    @api.constrains("hours")
    def _check_hours(self):
        if any(record.hours < 0 for record in self):
            raise ValidationError(_("Hours worked cannot be negative."))
        if any(record.hours > MAX_MONTH_HOURS for record in self):
            raise ValidationError(
                _(
                    "Hours worked: %(max)s hours in a month at most (48 hours a week, the legal maximum).",  # noqa: E501
                    max=MAX_MONTH_HOURS,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("month"):
                vals["month"] = fields.Date.to_date(vals["month"]).replace(day=1)
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("month"):
            vals["month"] = fields.Date.to_date(vals["month"]).replace(day=1)
        return super().write(vals)
