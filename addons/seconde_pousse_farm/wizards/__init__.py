# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import (
    farm_invoice_wizard,
    farm_membership_wizard,
    farm_request_refuse_wizard,
    farm_review_sign_wizard,
    farm_series_wizard,
)
