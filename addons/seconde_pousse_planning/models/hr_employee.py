from odoo import fields, models


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
        "farm.intervention.assignment", "employee_id", string="Assignments"
    )

    def action_open_assignments(self):
        """The person's own calendar."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "seconde_pousse_planning.farm_intervention_assignment_action"
        )
        action["domain"] = [("employee_id", "=", self.id)]
        action["context"] = {"default_employee_id": self.id}
        action["display_name"] = self.name
        return action
