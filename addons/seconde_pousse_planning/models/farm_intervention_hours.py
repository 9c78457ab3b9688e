# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
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
        lines = self.env["farm.intervention.line"].browse(
            [vals["line_id"] for vals in vals_list if vals.get("line_id")]
        )
        lines.intervention_id._check_not_invoiced()
        records = super().create(vals_list)
        records.assignment_id._hours_changed()
        return records

    def write(self, vals):
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
