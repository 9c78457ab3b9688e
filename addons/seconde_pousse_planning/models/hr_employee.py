# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from odoo.addons.seconde_pousse_base.models.roles import STAFF


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    licence_ids = fields.Many2many(
        "farm.licence",
        "hr_employee_farm_licence_rel",
        "employee_id",
        "licence_id",
        string="Licences",
        help=(
            "Driving licences and qualifications (B, BE, C, tractor…) checked when booking a "
            "vehicle."
        ),
    )
    assignment_ids = fields.One2many(
        "farm.intervention.assignment", "employee_id", string="Assignments", groups=STAFF
    )

    def action_open_assignments(self):
        """The person's own calendar."""
        self.ensure_one()
        return self.env["farm.intervention.assignment"]._calendar_action(
            [("employee_id", "=", self.id)], {"default_employee_id": self.id}, self.name
        )
