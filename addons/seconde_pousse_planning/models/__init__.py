# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import (
    farm_intervention,
    farm_intervention_assignment,
    farm_intervention_assignment_timeline,
    farm_intervention_booking,
    farm_intervention_hours,
    farm_intervention_line,
    farm_licence,
    farm_my_day,
    farm_my_day_operation,
    farm_planning_slot,
    farm_task_type,
    farm_task_type_skill,
    farm_team_ranking,
    fleet_vehicle,
    hr_employee,
    hr_employee_public,
    insertion_skill_evaluation,
    insertion_work_hours,
    maintenance_equipment,
)
