# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""1.3.0: the farm's reports are named as Odoo's are (action_report_…). The records keep
their ids, so that the print menu, mail templates and attachments that point at them stay
linked: only their external ids are renamed, before the data is loaded."""

RENAMED = {
    "farm_intervention_review_report": "action_report_farm_intervention_review",
    "farm_membership_certificate_report": "action_report_farm_membership_certificate",
}


def migrate(cr, version):
    for old, new in RENAMED.items():
        cr.execute(
            "UPDATE ir_model_data SET name = %s WHERE module = 'seconde_pousse_farm' AND name = %s",
            (new, old),
        )
