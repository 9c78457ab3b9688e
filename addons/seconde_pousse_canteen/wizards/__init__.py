# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import canteen_invoice_wizard, canteen_macantine_export_wizard
