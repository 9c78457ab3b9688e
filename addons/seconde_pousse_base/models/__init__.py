from . import field_guard, ir_actions_report, res_company
