# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time, timedelta

import pytz

from odoo import fields

from .common import PlanningCase


class MyDayCase(PlanningCase):
    """Today's job at "Ferme du Tour" for Marc (the supervisor), Amina, Bruno and Chloé,
    from 07:00 to 12:00 in Paris, with a trimmer booked. The contracts cover today."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.supervisor_user.tz = "Europe/Paris"
        cls.today = fields.Date.context_today(cls.supervisor_user.with_user(cls.supervisor_user))
        env["hr.contract"].search([("employee_id", "in", cls.workers.ids)]).write(
            {
                "date_start": cls.today - timedelta(days=60),
                "date_end": cls.today + timedelta(days=60),
            }
        )
        cls.tour_farm = env["res.partner"].create(
            {"name": "Ferme du Tour", "is_farm": True, "is_company": True, "city": "Lambesc"}
        )
        skill_type = env["hr.skill.type"].create({"name": "Arboriculture test"})
        cls.skill = env["hr.skill"].create(
            {"name": "Taille des arbres test", "skill_type_id": skill_type.id}
        )
        cls.levels = env["hr.skill.level"].create(
            [
                {"name": "Débutant test", "skill_type_id": skill_type.id, "level_progress": 20},
                {"name": "Autonome test", "skill_type_id": skill_type.id, "level_progress": 70},
            ]
        )
        env["farm.task.type.skill"].create(
            {
                "task_type_id": cls.task_type.id,
                "skill_id": cls.skill.id,
                "target_level_id": cls.levels[1].id,
            }
        )
        cls.job = cls.make_job(cls.tour_farm, 7, 12)
        cls.team = {}
        for employee, role in (
            (cls.sup_employee, "supervisor"),
            (cls.amina, "worker"),
            (cls.bruno, "worker"),
            (cls.chloe, "worker"),
        ):
            cls.team[employee] = env["farm.intervention.assignment"].create(
                {
                    "intervention_id": cls.job.id,
                    "employee_id": employee.id,
                    "role": role,
                    "date_start": cls.job.date_start,
                    "date_end": cls.job.date_end,
                }
            )
        cls.trimmer_booking = env["farm.intervention.booking"].create(
            {
                "intervention_id": cls.job.id,
                "equipment_id": cls.trimmer.id,
                "resource_type": "equipment",
                "date_start": cls.job.date_start,
                "date_end": cls.job.date_end,
            }
        )
        cls.job.with_user(cls.supervisor_user).action_plan()

    @classmethod
    def make_job(cls, farm, start_hour, end_hour, day=None):
        paris = pytz.timezone("Europe/Paris")

        def utc(hour):
            local = paris.localize(datetime.combine(day or cls.today, time(hour)))
            return local.astimezone(pytz.utc).replace(tzinfo=None)

        return cls.env["farm.intervention"].create(
            {
                "partner_id": farm.id,
                "user_id": cls.supervisor_user.id,
                "date_start": utc(start_hour),
                "date_end": utc(end_hour),
                "line_ids": [
                    fields.Command.create({"task_type_id": cls.task_type.id, "planned_hours": 16.0})
                ],
            }
        )
