from odoo import _, api, models


class InsertionWorkHours(models.Model):
    _inherit = "insertion.work.hours"

    @api.model
    def _selection_source_model(self):
        return [
            *super()._selection_source_model(),
            ("farm.intervention.assignment", _("Intervention assignment")),
        ]
