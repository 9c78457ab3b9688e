# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
# ruff: noqa: I001 - Odoo builds the models in import order: the EGalim statement is a
# database view over columns the models above add (invoice lines, partners), so it comes last
from . import egalim
from . import canteen_egalim_label
from . import canteen_season_month
from . import product_template
from . import canteen_parcel
from . import stock_lot
from . import canteen_harvest
from . import stock_move_line
from . import res_partner
from . import res_company
from . import res_config_settings
from . import canteen_week
from . import sale_order
from . import stock_picking
from . import account_move
from . import account_move_send
from . import account_edi_xml_cii
from . import canteen_invoice_run
from . import canteen_demo
from . import canteen_egalim_statement
from . import canteen_macantine_export
