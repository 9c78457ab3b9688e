from odoo import fields, models


class HrEmployeePublic(models.Model):
    """What every internal user (e.g. a technical supervisor) may read: the flag, the
    current pathway and its stage. PASS IAE and social data stay on hr.employee."""

    _inherit = "hr.employee.public"

    is_insertion_employee = fields.Boolean(readonly=True)
    current_pathway_id = fields.Many2one("insertion.pathway", readonly=True)
    insertion_stage = fields.Selection(related="current_pathway_id.stage", string="Pathway stage")
    referent_counsellor_id = fields.Many2one("res.users", readonly=True)
