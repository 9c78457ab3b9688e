# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class InsertionWorkHours(models.Model):
    _inherit = "insertion.work.hours"

    assignment_id = fields.Many2one(
        "farm.intervention.assignment",
        index="btree_not_null",
        ondelete="cascade",
        readonly=True,
        help="The farm job these hours come from: they follow its hours done.",
    )
