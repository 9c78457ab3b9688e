from . import test_install
from . import test_farm
from . import test_task_type
from . import test_intervention_request
from . import test_intervention
from . import test_intervention_review
from . import test_invoicing
from . import test_performance
