# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from odoo.addons.seconde_pousse_base.models.roles import STAFF


class HrEmployeePublic(models.Model):
    """Every internal user who is not an HR officer reads employees through their public
    profile (as for hr_skills' skills): the licences are public, the assignments are for
    the Seconde Pousse staff who may read them."""

    _inherit = "hr.employee.public"

    licence_ids = fields.Many2many(
        "farm.licence",
        "hr_employee_farm_licence_rel",
        "employee_id",
        "licence_id",
        string="Licences",
        readonly=True,
    )
    assignment_ids = fields.One2many(
        "farm.intervention.assignment",
        "employee_id",
        string="Assignments",
        readonly=True,
        groups=STAFF,
    )
