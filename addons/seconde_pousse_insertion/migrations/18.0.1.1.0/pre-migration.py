# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The PASS IAE end becomes the end as issued moved by suspensions and prolongations:
the end known so far is the end as issued (there was no suspension nor prolongation)."""


def migrate(cr, version):
    cr.execute("ALTER TABLE hr_employee ADD COLUMN IF NOT EXISTS pass_iae_initial_end date")
    cr.execute("UPDATE hr_employee SET pass_iae_initial_end = pass_iae_end")
