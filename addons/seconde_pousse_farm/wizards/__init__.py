from . import farm_request_refuse_wizard
from . import farm_review_sign_wizard
from . import farm_invoice_wizard
