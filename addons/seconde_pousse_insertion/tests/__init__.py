from . import (
    test_confidential_documents,
    test_hr_contract,
    test_hr_employee,
    test_insertion_action,
    test_insertion_barrier,
    test_insertion_indicator_wizard,
    test_insertion_pathway,
    test_insertion_skill_evaluation,
    test_insertion_work_hours,
    test_install,
    test_rpc_confidentiality,
    test_views,
)
