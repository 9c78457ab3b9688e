# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import math

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class FarmInterventionHours(models.Model):
    """Hours one person of the team worked on one task of an intervention: typed once (in
    "Ma journée" or on the team), they make both the task's invoiced hours and the
    person's hours in their pathway."""

    _name = "farm.intervention.hours"
    _description = "Hours of a team member on a task"
    _order = "intervention_id, assignment_id, line_id"
    _rec_name = "employee_id"

    assignment_id = fields.Many2one(
        "farm.intervention.assignment", required=True, ondelete="cascade", index=True
    )
    line_id = fields.Many2one(
        "farm.intervention.line", string="Task", required=True, ondelete="cascade", index=True
    )
    # precompute: written with the INSERT, not by an UPDATE of every new record at the flush
    intervention_id = fields.Many2one(
        related="assignment_id.intervention_id", store=True, index=True, precompute=True
    )
    employee_id = fields.Many2one(related="assignment_id.employee_id", store=True, precompute=True)
    company_id = fields.Many2one(related="assignment_id.company_id", store=True, precompute=True)
    hours = fields.Float(required=True)

    _sql_constraints = [
        (
            "assignment_line_unique",
            "UNIQUE (assignment_id, line_id)",
            "A person's hours on a task are recorded once: change them rather than adding more.",
        ),
        ("hours_positive", "CHECK (hours >= 0)", "Hours cannot be negative."),
    ]

    @api.constrains("hours")
    def _check_hours(self):
        """PostgreSQL's check lets NaN and infinity through. The upper bound is the
        person's: 24 hours a day (farm.intervention.assignment._check_done_hours)."""
        for record in self:
            record._check_hours_value(record.hours)

    def _check_hours_value(self, hours, assignment=None, line=None):
        """Checked before saving too, as PostgreSQL would refuse a negative value in its
        own words."""
        if isinstance(hours, (int, float)) and math.isfinite(hours) and hours >= 0:
            return
        assignment = assignment or self.assignment_id
        line = line or self.line_id
        raise ValidationError(
            _(
                "Hours of %(name)s on %(task)s: zero or more hours, not %(hours)s.",
                name=assignment.employee_id.name,
                task=line.task_type_id.display_name,
                hours=hours,
            )
        )

    @api.constrains("assignment_id", "line_id")
    def _check_same_intervention(self):
        for record in self:
            if record.line_id.intervention_id != record.assignment_id.intervention_id:
                raise ValidationError(
                    _(
                        "%(name)s: the task %(task)s belongs to another intervention.",
                        name=record.assignment_id.employee_id.name,
                        task=record.line_id.task_type_id.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if "hours" in vals:
                self._check_hours_value(
                    vals["hours"],
                    self.env["farm.intervention.assignment"].browse(vals.get("assignment_id")),
                    self.env["farm.intervention.line"].browse(vals.get("line_id")),
                )
        lines = self.env["farm.intervention.line"].browse(
            [vals["line_id"] for vals in vals_list if vals.get("line_id")]
        )
        lines.intervention_id._check_not_invoiced()
        records = super().create(vals_list)
        records.assignment_id._hours_changed()
        return records

    def write(self, vals):
        if "hours" in vals:
            for record in self:
                record._check_hours_value(vals["hours"])
        self.intervention_id._check_not_invoiced()
        assignments = self.assignment_id
        result = super().write(vals)
        (assignments | self.assignment_id)._hours_changed()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_invoiced(self):
        self.intervention_id._check_not_invoiced()

    def unlink(self):
        assignments = self.assignment_id
        result = super().unlink()
        assignments.exists()._hours_changed()
        return result
