# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from odoo.addons.seconde_pousse_base.models.roles import STAFF


class HrEmployeePublic(models.Model):
    """What every internal user (e.g. a technical supervisor) may read: the flag, the
    current pathway and its stage. PASS IAE and social data stay on hr.employee."""

    _name = "hr.employee.public"
    _inherit = ["hr.employee.public", "seconde_pousse.field.guard.mixin"]

    is_insertion_employee = fields.Boolean(readonly=True)
    current_pathway_id = fields.Many2one("insertion.pathway", readonly=True, groups=STAFF)
    insertion_stage = fields.Selection(
        related="current_pathway_id.stage", string="Pathway stage", groups=STAFF
    )
    referent_counsellor_id = fields.Many2one("res.users", readonly=True)
