from . import (
    account_move,
    farm_intervention,
    farm_intervention_request,
    farm_intervention_review,
    farm_production,
    farm_task_type,
    res_partner,
)
