# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .common import PlanningCase


@tagged("post_install", "-at_install")
class TestViews(PlanningCase):
    def test_supervisor_opens_every_planning_view(self):
        for xmlid in (
            "seconde_pousse_planning.farm_intervention_assignment_action",
            "seconde_pousse_planning.farm_intervention_booking_action",
            "seconde_pousse_planning.farm_roster_wizard_action",
        ):
            action = self.env.ref(xmlid)
            model = self.env(user=self.supervisor_user)[action.res_model]
            views = [(False, mode) for mode in action.view_mode.split(",")]
            result = model.get_views(views)
            self.assertEqual(set(result["views"]), {mode for _id, mode in views})
        timeline = self.env(user=self.supervisor_user)["farm.intervention.assignment"].get_views(
            [(False, "timeline")]
        )["views"]["timeline"]["arch"]
        self.assertIn('default_group_by="employee_id"', timeline)
        builder = self.env(user=self.supervisor_user)["farm.team.builder"]
        self.assertIn("line_ids", builder.get_views([(False, "form")])["views"]["form"]["arch"])
        intervention = self.env(user=self.supervisor_user)["farm.intervention"]
        arch = intervention.get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn("assignment_ids", arch)
        self.assertIn("action_open_team_builder", arch)

    def test_calendar_per_vehicle_equipment_and_person(self):
        action = self.van.with_user(self.supervisor_user).action_open_bookings()
        self.assertEqual(action["domain"], [("vehicle_id", "=", self.van.id)])
        action = self.trimmer.with_user(self.supervisor_user).action_open_bookings()
        self.assertEqual(action["domain"], [("equipment_id", "=", self.trimmer.id)])
        self.assertTrue(action["view_mode"].startswith("calendar"))
        action = self.amina.action_open_assignments()
        self.assertEqual(action["domain"], [("employee_id", "=", self.amina.id)])

    def test_exclusion_constraints_exist(self):
        self.env.cr.execute(
            "SELECT conname FROM pg_constraint "
            "WHERE contype = 'x' AND conname LIKE 'farm_intervention_%'"
        )
        self.assertEqual(
            {row[0] for row in self.env.cr.fetchall()},
            {
                "farm_intervention_assignment_employee_overlap",
                "farm_intervention_booking_vehicle_overlap",
                "farm_intervention_booking_equipment_overlap",
            },
        )

    def test_intervention_is_a_skill_evidence_source(self):
        selection = self.env["insertion.skill.evaluation"]._selection_source_model()
        self.assertIn("farm.intervention", dict(selection))
        field = self.env["insertion.work.hours"]._fields["assignment_id"]
        self.assertEqual(
            (field.comodel_name, field.ondelete), ("farm.intervention.assignment", "cascade")
        )
