# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class FarmTaskTypeSkill(models.Model):
    _name = "farm.task.type.skill"
    _description = "Skill practised by a task type"
    _order = "task_type_id, id"

    task_type_id = fields.Many2one("farm.task.type", required=True, ondelete="cascade", index=True)
    skill_id = fields.Many2one("hr.skill", required=True, ondelete="cascade")
    skill_type_id = fields.Many2one(related="skill_id.skill_type_id", store=True)
    target_level_id = fields.Many2one(
        "hr.skill.level",
        string="Target level",
        required=True,
        domain="[('skill_type_id', '=', skill_type_id)]",
    )
    target_progress = fields.Integer(related="target_level_id.level_progress", string="Target (%)")

    _sql_constraints = [
        (
            "skill_unique",
            "UNIQUE (task_type_id, skill_id)",
            "This skill is already listed for the task.",
        ),
    ]

    @api.constrains("skill_id", "target_level_id")
    def _check_level(self):
        for line in self:
            if line.target_level_id.skill_type_id != line.skill_id.skill_type_id:
                raise ValidationError(
                    _(
                        "The level %(level)s does not belong to the skill %(skill)s.",
                        level=line.target_level_id.name,
                        skill=line.skill_id.name,
                    )
                )
