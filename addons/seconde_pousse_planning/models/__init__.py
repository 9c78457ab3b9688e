from . import (
    farm_intervention,
    farm_intervention_assignment,
    farm_intervention_booking,
    farm_licence,
    farm_planning_slot,
    farm_task_type,
    farm_task_type_skill,
    fleet_vehicle,
    hr_employee,
    insertion_skill_evaluation,
    insertion_work_hours,
    maintenance_equipment,
)
