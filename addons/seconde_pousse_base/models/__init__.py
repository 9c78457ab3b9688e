# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import field_guard, ir_actions_report, mail_thread, res_company, workflow_guard
