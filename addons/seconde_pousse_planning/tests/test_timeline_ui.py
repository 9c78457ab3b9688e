# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time, timedelta

from odoo.tests import HttpCase, tagged

from odoo.addons.seconde_pousse_base.tests.common import make_role_user

from .common import make_calendar

WAIT_FOR_TIMELINE = """
const start = Date.now();
const wait = () => {
    if (document.querySelector(".oe_timeline_view .vis-timeline .vis-item")) {
        console.log("test successful");
    } else if (Date.now() - start > 30000) {
        console.error("the timeline of assignments did not show the assignment");
    } else {
        setTimeout(wait, 250);
    }
};
wait();
"""


@tagged("post_install", "-at_install")
class TestTimelineUi(HttpCase):
    def test_supervisor_sees_assignments_on_the_timeline(self):
        make_role_user(self.env, "supervisor", login="tl_sup", tz="Europe/Paris")
        today = self.env.cr.now().date()  # the week view shows the current week
        calendar = make_calendar(self.env, "Timeline 7 days", 10.0, days=range(7))
        employee = self.env["hr.employee"].create({"name": "Timeline Worker"})
        self.env["hr.contract"].create(
            {
                "name": "Contrat timeline",
                "employee_id": employee.id,
                "date_start": today - timedelta(days=30),
                "date_end": today + timedelta(days=30),
                "wage": 1500.0,
                "resource_calendar_id": calendar.id,
                "state": "open",
            }
        )
        farm = self.env["res.partner"].create({"name": "Ferme Timeline", "is_farm": True})
        start = datetime.combine(today, time(8, 0))
        intervention = self.env["farm.intervention"].create(
            {"partner_id": farm.id, "date_start": start, "date_end": start + timedelta(hours=2)}
        )
        self.env["farm.intervention.assignment"].create(
            {
                "employee_id": employee.id,
                "intervention_id": intervention.id,
                "date_start": intervention.date_start,
                "date_end": intervention.date_end,
            }
        )
        self.browser_js(
            "/odoo/action-seconde_pousse_planning.farm_intervention_assignment_action",
            WAIT_FOR_TIMELINE,
            login="tl_sup",
        )
