# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime

from odoo.fields import Command
from odoo.tests import TransactionCase

from odoo.addons.seconde_pousse_base.tests.common import make_role_user


def make_calendar(env, name, hours_per_day, days=(0, 1, 2, 3)):
    """A weekly calendar: hours_per_day from 7:00 on the given weekdays."""
    return env["resource.calendar"].create(
        {
            "name": name,
            "attendance_ids": [Command.clear()]
            + [
                Command.create(
                    {
                        "name": f"Day {day}",
                        "dayofweek": str(day),
                        "hour_from": 7.0,
                        "hour_to": 7.0 + hours_per_day,
                        "day_period": "morning",
                    }
                )
                for day in days
            ],
        }
    )


class PlanningCase(TransactionCase):
    """Builds its own people, contracts, farms, vehicles and equipment: never demo data.
    The week of Monday 2 March 2026 is the test week (times in UTC)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.coordinator = make_role_user(
            env, "coordinator", login="pl_coord", email="coord@example.com"
        )
        cls.supervisor_user = make_role_user(
            env, "supervisor", login="pl_sup", email="sup@example.com"
        )
        cls.supervisor_user2 = make_role_user(
            env, "supervisor", login="pl_sup2", email="sup2@example.com"
        )
        cls.counsellor = make_role_user(env, "counsellor", login="pl_cip", email="cip@example.com")
        cls.licence_b = env.ref("seconde_pousse_planning.licence_b")
        cls.licence_c = env.ref("seconde_pousse_planning.licence_c")
        cls.calendar_26 = make_calendar(env, "CDDI 26 h test", 6.5)  # 4 x 6.5 h
        cls.calendar_35 = make_calendar(env, "Full time 35 h test", 7.0, days=(0, 1, 2, 3, 4))
        cls.sup_employee = cls.make_employee(
            "Marc Encadrant",
            insertion=False,
            user=cls.supervisor_user,
            licences=cls.licence_b,
            calendar=cls.calendar_35,
        )
        cls.sup_employee2 = cls.make_employee(
            "Claire Encadrante",
            insertion=False,
            user=cls.supervisor_user2,
            licences=cls.licence_b,
            calendar=cls.calendar_35,
        )
        cls.workers = cls.env["hr.employee"]
        for name in ("Amina Salariée", "Bruno Salarié", "Chloé Salariée", "David Salarié"):
            cls.workers |= cls.make_employee(name)
        cls.amina, cls.bruno, cls.chloe, cls.david = cls.workers
        cls.task_type = env["farm.task.type"].create({"name": "Taille test", "hourly_rate": 20.0})
        cls.other_task_type = env["farm.task.type"].create(
            {"name": "Récolte test", "hourly_rate": 20.0}
        )
        cls.farm = env["res.partner"].create(
            {"name": "Ferme du Planning", "is_farm": True, "is_company": True}
        )
        brand = env["fleet.vehicle.model.brand"].create({"name": "Marque test"})
        cls.van_model = env["fleet.vehicle.model"].create(
            {"name": "Fourgon test", "brand_id": brand.id}
        )
        cls.van = cls.make_vehicle("AA-123-BB", seats=3, licence=cls.licence_b)
        cls.truck = cls.make_vehicle("CC-456-DD", seats=3, licence=cls.licence_c)
        cls.trimmer = env["maintenance.equipment"].create({"name": "Débroussailleuse test"})
        cls.intervention = cls.make_intervention(day=2)

    @classmethod
    def make_employee(
        cls, name, insertion=True, user=None, licences=None, calendar=None, contract=True
    ):
        employee = cls.env["hr.employee"].create(
            {
                "name": name,
                "is_insertion_employee": insertion,
                "user_id": user.id if user else False,
                "work_email": f"{name.split()[0].lower()}@example.com",
                "licence_ids": [Command.set(licences.ids)] if licences else [],
            }
        )
        if contract:
            cls.env["hr.contract"].create(
                {
                    "name": f"Contrat {name}",
                    "employee_id": employee.id,
                    "date_start": date(2026, 1, 1),
                    "date_end": date(2026, 12, 31),
                    "wage": 1500.0,
                    "resource_calendar_id": (calendar or cls.calendar_26).id,
                    "state": "open",
                }
            )
        return employee

    @classmethod
    def make_vehicle(cls, plate, seats=3, licence=None, **values):
        return cls.env["fleet.vehicle"].create(
            {
                "model_id": cls.van_model.id,
                "license_plate": plate,
                "seats": seats,
                "licence_id": licence.id if licence else False,
                **values,
            }
        )

    @classmethod
    def make_intervention(cls, day=2, start_hour=7, end_hour=12, task_type=None, month=3):
        return cls.env["farm.intervention"].create(
            {
                "partner_id": cls.farm.id,
                "date_start": datetime(2026, month, day, start_hour, 0),
                "date_end": datetime(2026, month, day, end_hour, 0),
                "line_ids": [
                    Command.create(
                        {"task_type_id": (task_type or cls.task_type).id, "planned_hours": 4.0}
                    )
                ],
            }
        )

    def approve_leave(self, employee, date_from, date_to):
        """An approved leave of employee (dates as "YYYY-MM-DD"), as Odoo's time off makes it."""
        leave_type = self.env["hr.leave.type"].create(
            {
                "name": "Congés test",
                "requires_allocation": "no",
                "leave_validation_type": "no_validation",
            }
        )
        if "l10n_fr_reference_leave_type" in self.env.company._fields:  # French localisation
            self.env.company.l10n_fr_reference_leave_type = self.env["hr.leave.type"].create(
                {"name": "CP test", "requires_allocation": "no"}
            )
        leave = self.env["hr.leave"].create(
            {
                "employee_id": employee.id,
                "holiday_status_id": leave_type.id,
                "request_date_from": date_from,
                "request_date_to": date_to,
            }
        )
        leave.action_validate()
        self.assertEqual(leave.state, "validate", (leave.date_from, leave.date_to))
        return leave

    def assign(self, employee, intervention=None, user=None, role="worker", **values):
        intervention = intervention or self.intervention
        env = self.env(user=user or self.supervisor_user)
        return env["farm.intervention.assignment"].create(
            {
                "intervention_id": intervention.id,
                "employee_id": employee.id,
                "role": role,
                "date_start": intervention.date_start,
                "date_end": intervention.date_end,
                **values,
            }
        )

    def book(self, resource, intervention=None, user=None, **values):
        intervention = intervention or self.intervention
        env = self.env(user=user or self.supervisor_user)
        key = "vehicle_id" if resource._name == "fleet.vehicle" else "equipment_id"
        return env["farm.intervention.booking"].create(
            {
                "intervention_id": intervention.id,
                key: resource.id,
                "resource_type": "vehicle" if key == "vehicle_id" else "equipment",
                "date_start": intervention.date_start,
                "date_end": intervention.date_end,
                **values,
            }
        )
