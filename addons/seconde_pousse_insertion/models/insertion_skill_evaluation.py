# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError


class InsertionSkillEvaluation(models.Model):
    _name = "insertion.skill.evaluation"
    _description = "Skill evaluation"
    _order = "date desc, id desc"
    _rec_name = "skill_id"

    active = fields.Boolean(default=True)
    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        index=True,
        domain=[("is_insertion_employee", "=", True)],
    )
    pathway_id = fields.Many2one(
        "insertion.pathway",
        compute="_compute_pathway_id",
        store=True,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    skill_id = fields.Many2one("hr.skill", required=True)
    skill_type_id = fields.Many2one(
        related="skill_id.skill_type_id", store=True, string="Skill type"
    )
    skill_level_id = fields.Many2one(
        "hr.skill.level",
        string="Level",
        required=True,
        domain="[('skill_type_id', '=', skill_type_id)]",
    )
    level_progress = fields.Integer(related="skill_level_id.level_progress", string="Progress")
    evaluator_id = fields.Many2one("res.users", required=True, default=lambda self: self.env.user)
    date = fields.Date(required=True, default=fields.Date.context_today)
    source = fields.Reference(
        selection="_selection_source_model",
        string="Evidence",
        help="Where the skill was shown, e.g. an intervention or a training.",
    )
    comment = fields.Text()

    @api.model
    def _selection_source_model(self):
        """Models an evaluation may point to as evidence. Other addons extend it."""
        return [("insertion.action", _("Accompaniment action"))]

    @api.depends("employee_id", "date")
    def _compute_pathway_id(self):
        pathways = self.env["insertion.pathway"]._match_pathways(self, "date")
        for record in self:
            record.pathway_id = pathways.get(record.id, False)

    @api.constrains("skill_id", "skill_level_id")
    def _check_level_of_skill_type(self):
        for evaluation in self:
            if evaluation.skill_level_id.skill_type_id != evaluation.skill_id.skill_type_id:
                raise ValidationError(
                    _(
                        "The level %(level)s does not belong to the skill type %(type)s of %(skill)s.",  # noqa: E501
                        level=evaluation.skill_level_id.name,
                        type=evaluation.skill_id.skill_type_id.name,
                        skill=evaluation.skill_id.name,
                    )
                )

    @api.onchange("skill_id")
    def _onchange_skill_id(self):
        if self.skill_level_id and self.skill_level_id.skill_type_id != self.skill_id.skill_type_id:
            self.skill_level_id = False

    @api.model_create_multi
    def create(self, vals_list):
        evaluations = super().create(vals_list)
        evaluations._update_employee_skills()
        return evaluations

    def write(self, vals):
        res = super().write(vals)
        if {"evaluator_id", "company_id"} & set(vals):
            self._check_rules_after_write()
        if {"skill_id", "skill_level_id", "date", "employee_id", "active"} & set(vals):
            self._update_employee_skills()
        return res

    def _check_rules_after_write(self):
        """The record rules hold after the write too (Odoo checks them on the records as
        they were): a supervisor's evaluation stays theirs."""
        try:
            self.check_access("write")
        except AccessError:
            raise AccessError(
                _(
                    "Evaluator: a supervisor changes only the evaluations they made, and cannot give one to another evaluator."  # noqa: E501
                )
            ) from None

    def _update_employee_skills(self):
        """Set the employee's current level (hr_skills) to the latest evaluation's level.
        The history stays in the evaluations."""
        if not self:
            return
        latest = {}
        domain = [
            ("employee_id", "in", self.employee_id.ids),
            ("skill_id", "in", self.skill_id.ids),
        ]
        for evaluation in self.sudo().search(domain, order="date asc, id asc"):
            latest[(evaluation.employee_id.id, evaluation.skill_id.id)] = evaluation
        EmployeeSkill = self.env["hr.employee.skill"].sudo()
        current = {
            (line.employee_id.id, line.skill_id.id): line
            for line in EmployeeSkill.search(
                [("employee_id", "in", self.employee_id.ids), ("skill_id", "in", self.skill_id.ids)]
            )
        }
        to_create = []
        for key, evaluation in latest.items():
            line = current.get(key)
            if line and line.skill_level_id != evaluation.skill_level_id:
                line.write({"skill_level_id": evaluation.skill_level_id.id})
            elif not line:
                to_create.append(
                    {
                        "employee_id": evaluation.employee_id.id,
                        "skill_id": evaluation.skill_id.id,
                        "skill_type_id": evaluation.skill_type_id.id,
                        "skill_level_id": evaluation.skill_level_id.id,
                    }
                )
        EmployeeSkill.create(to_create)
