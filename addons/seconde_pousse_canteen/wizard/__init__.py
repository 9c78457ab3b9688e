from . import canteen_invoice_wizard
