# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The farm's migrations, each on a database put back in the shape of the version before:
18.0.1.3.0, the reports under their old external ids; 18.0.1.4.0, the gap-free sequence of
the request references."""

from odoo.tests import TransactionCase, tagged

from odoo.addons.seconde_pousse_base.tests.common import load_migration

MODULE = "seconde_pousse_farm"


@tagged("post_install", "-at_install")
class TestMigration(TransactionCase):
    def test_reports_keep_their_records_under_their_new_names(self):
        script = load_migration(MODULE, "18.0.1.3.0", "pre-migration")
        reports = {new: self.env.ref(f"{MODULE}.{new}").id for new in script.RENAMED.values()}
        for old, new in script.RENAMED.items():  # as 18.0.1.2.0 named them
            self.env.cr.execute(
                "UPDATE ir_model_data SET name = %s WHERE module = %s AND name = %s",
                (old, MODULE, new),
            )
        self.env.registry.clear_cache()
        self.assertFalse(self.env.ref(f"{MODULE}.action_report_farm_intervention_review", False))
        script.migrate(self.env.cr, "18.0.1.2.0")
        self.env.registry.clear_cache()
        for new, report_id in reports.items():
            self.assertEqual(self.env.ref(f"{MODULE}.{new}").id, report_id)
        for old in script.RENAMED:
            self.assertFalse(self.env.ref(f"{MODULE}.{old}", False))

    def test_request_references_become_standard_and_number_on(self):
        script = load_migration(MODULE, "18.0.1.4.0", "post-migration")
        sequence = self.env.ref(f"{MODULE}.seq_farm_intervention_request")
        sequence.write({"implementation": "no_gap", "number_next": 42})  # as 18.0.1.3.0 had it
        script.migrate(self.env.cr, "18.0.1.3.0")
        self.assertEqual(sequence.implementation, "standard")
        self.assertEqual(sequence.number_next_actual, 42)
        self.assertTrue(sequence._next().endswith("/0042"))
        self.assertTrue(sequence._next().endswith("/0043"))
