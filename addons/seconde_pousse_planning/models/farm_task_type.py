# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class FarmTaskType(models.Model):
    _inherit = "farm.task.type"

    skill_target_ids = fields.One2many(
        "farm.task.type.skill",
        "task_type_id",
        string="Skills practised",
        help=(
            "Skills this task trains, with the level aimed at: the team builder prefers workers "
            "below it."
        ),
    )
