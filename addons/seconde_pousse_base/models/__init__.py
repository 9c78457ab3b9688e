from . import field_guard, ir_actions_report, mail_thread, res_company
