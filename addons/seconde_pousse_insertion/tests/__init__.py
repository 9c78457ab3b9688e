# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import (
    test_confidential_documents,
    test_hr_contract,
    test_hr_employee,
    test_insertion_access_log,
    test_insertion_action,
    test_insertion_barrier,
    test_insertion_financial_annex,
    test_insertion_indicator_wizard,
    test_insertion_pathway,
    test_insertion_skill_evaluation,
    test_insertion_work_hours,
    test_install,
    test_pass_iae_les_emplois,
    test_pass_iae_lifecycle,
    test_personal_data,
    test_rpc_confidentiality,
    test_views,
)
