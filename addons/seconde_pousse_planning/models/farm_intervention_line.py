# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare

from odoo.addons.seconde_pousse_base.models.roles import STAFF


class FarmInterventionLine(models.Model):
    _inherit = "farm.intervention.line"

    hours_ids = fields.One2many(
        "farm.intervention.hours", "line_id", string="Hours by person", groups=STAFF
    )
    done_hours = fields.Float(compute="_compute_done_hours", store=True, readonly=False)
    from_team = fields.Boolean(
        compute="_compute_done_hours",
        store=True,
        help="The hours done are the sum of the team's hours on this task.",
    )

    @api.depends("hours_ids.hours", "hours_ids.assignment_id.active")
    def _compute_done_hours(self):
        """Once someone's hours are recorded on a task, the task's hours done are the sum of
        the team's: what is invoiced is what the people worked. A task no one recorded
        hours on keeps what was typed (an intervention without a team); once the team's
        last hours on it are removed (the person marked absent), it has none left."""
        for line in self.sudo():
            hours = line.hours_ids.filtered(lambda h: h.assignment_id.active)
            if line.hours_ids or line.from_team:
                line.done_hours = sum(hours.mapped("hours"))
            line.from_team = bool(line.hours_ids)

    def write(self, vals):
        if "done_hours" in vals:
            for line in self.filtered("from_team"):
                if float_compare(line.done_hours, vals["done_hours"] or 0, 2):
                    raise ValidationError(
                        _(
                            "%(task)s: the hours done are the sum of the team's hours on this task (%(hours)s h). Change them person by person.",  # noqa: E501
                            task=line.task_type_id.display_name,
                            hours=line.done_hours,
                        )
                    )
        return super().write(vals)
