from . import (
    hr_contract,
    hr_employee,
    hr_employee_public,
    insertion_action,
    insertion_barrier,
    insertion_pathway,
    insertion_skill_evaluation,
    insertion_work_hours,
    ir_attachment,
    mail_message,
    res_company,
    res_config_settings,
)
