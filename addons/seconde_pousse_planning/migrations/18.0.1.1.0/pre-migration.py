# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.1.0: an assignment's "hours_done" becomes "done_hours", as on the tasks and the
intervention (the same words in the same order everywhere)."""


def migrate(cr, version):
    cr.execute(
        """SELECT column_name FROM information_schema.columns
            WHERE table_name = 'farm_intervention_assignment'
              AND column_name IN ('hours_done', 'done_hours')"""
    )
    columns = {row[0] for row in cr.fetchall()}
    if columns != {"hours_done"}:
        return
    cr.execute("ALTER TABLE farm_intervention_assignment RENAME COLUMN hours_done TO done_hours")
    cr.execute(
        """ALTER TABLE farm_intervention_assignment
           RENAME CONSTRAINT farm_intervention_assignment_hours_done_positive
                          TO farm_intervention_assignment_done_hours_positive"""
    )
