# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
# ruff: noqa: I001 - Odoo builds models in import order: the mixin comes first
from . import farm_workflow_guard
from . import farm_state_mixin
from . import farm_production
from . import res_partner
from . import res_partner_membership
from . import farm_task_type
from . import farm_intervention_request
from . import farm_intervention_series
from . import farm_closed_period
from . import farm_intervention
from . import farm_intervention_review
from . import farm_intervention_invoice
from . import account_move
from . import account_move_send
from . import account_edi_xml_cii
from . import account_chart_template
from . import farm_invoice_run
from . import res_company
from . import res_config_settings
