from odoo import fields, models

STAFF = "seconde_pousse_base.group_supervisor,seconde_pousse_base.group_counsellor"


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
