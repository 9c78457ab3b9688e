# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, models


class InsertionSkillEvaluation(models.Model):
    _inherit = "insertion.skill.evaluation"

    @api.model
    def _selection_source_model(self):
        return [*super()._selection_source_model(), ("farm.intervention", _("Farm intervention"))]
