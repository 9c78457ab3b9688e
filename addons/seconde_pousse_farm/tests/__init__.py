# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import (
    test_farm,
    test_install,
    test_integrity,
    test_intervention,
    test_intervention_request,
    test_intervention_review,
    test_invoicing,
    test_invoicing_pinned,
    test_legal_mentions,
    test_migration,
    test_performance,
    test_portal,
    test_portal_performance,
    test_portal_request_form,
    test_portal_review,
    test_portal_rpc,
    test_portal_screens,
    test_portal_tour,
    test_task_type,
)
