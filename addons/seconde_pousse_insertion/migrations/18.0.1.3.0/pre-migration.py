# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Prolongations gain a status (draft, requested, granted, denied), and only a granted one
moves the PASS end: every prolongation recorded so far moved it, so it is granted."""


def migrate(cr, version):
    cr.execute("ALTER TABLE insertion_pass_prolongation ADD COLUMN IF NOT EXISTS state varchar")
    cr.execute("UPDATE insertion_pass_prolongation SET state = 'granted' WHERE state IS NULL")
