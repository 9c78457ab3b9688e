# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The planning reads at a glance on a laptop screen: guarded in headless Chromium at
1366×768, on the screens as a supervisor opens them."""

from datetime import datetime, time, timedelta

import pytz

from odoo import api
from odoo.tests import HttpCase, tagged

from .my_day_common import MyDayCase

CHECK_TIMELINE = """
(async () => {
    const wait = async (selector, text = "", tries = 80) => {
        for (let i = 0; i < tries; i++) {
            const found = [...document.querySelectorAll(selector)]
                .filter((el) => el.innerText.includes(text));
            if (found.length) return found;
            await new Promise((resolve) => setTimeout(resolve, 250));
        }
        return [];
    };
    const problems = [];
    const fail = (problem) => problems.push(problem);
    const [bar] = await wait(".vis-item.vis-range", "Ferme Lisible");
    if (!bar) problems.push("the job of the week to plan is not on the timeline");
    else {
        const overflow = getComputedStyle(bar.querySelector(".vis-item-overflow")).overflow;
        if (overflow !== "hidden") fail(`a label may overflow its bar (overflow: ${overflow})`);
        if (bar.getBoundingClientRect().width < 60) fail("the bars are too narrow to read");
    }
    if (document.body.innerText.includes("Ferme Passée")) problems.push("the past week is shown");
    for (const selector of [".o_sp_timeline_previous", ".o_sp_timeline_next"]) {
        if (!document.querySelector(selector)) problems.push(`no ${selector}`);
    }
    const legend = document.querySelector(".o_sp_timeline_legend");
    if (!legend || !legend.innerText.includes("Encadrant")) fail("no legend of the colours");
    const leave = await wait(".vis-item.o_sp_leave");
    if (!leave.length) problems.push("the leave is not on the person's line");
    document.querySelector(".o_sp_timeline_next").click();
    await new Promise((resolve) => setTimeout(resolve, 500));
    if ((await wait(".vis-item.vis-range", "Ferme Lisible", 4)).length) {
        fail("next did not move the window");
    }
    if (problems.length) console.error(problems.join("\\n"));
    else console.log("test successful");
})();
"""

WAIT_FOR_THE_WEEK = """
(async () => {
    for (let i = 0; i < 80; i++) {
        if (document.body.innerText.includes("Ferme Lisible")) {
            console.log("test successful");
            return;
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
    }
    console.error("the week's job is not on the timeline");
})();
"""

CHECK_CARDS_AND_CALENDAR = """
(async () => {
    const env = odoo.__WOWL_DEBUG__.root.env;
    const wait = async (selector) => {
        for (let i = 0; i < 120; i++) {
            const found = document.querySelector(selector);
            if (found) return found;
            await new Promise((resolve) => setTimeout(resolve, 250));
        }
        throw new Error(`nothing matches ${selector}`);
    };
    const problems = [];
    const fail = (problem) => problems.push(problem);
    await env.services.action.doAction(
        "seconde_pousse_farm.farm_intervention_action", {viewType: "kanban"}
    );
    const card = await wait(".o_kanban_record:has(.o_sp_card_team)");
    for (const text of ["Ferme Lisible", "__WHEN__", "Taille test"]) {
        if (!card.innerText.includes(text)) fail(`the card lacks ${text}: ${card.innerText}`);
    }
    if (!card.querySelector(".o_field_many2one_avatar_user")) fail("the card lacks the team lead");
    if (!card.querySelector(".o_sp_card_team").innerText.includes("2")) {
        fail("the card lacks the team size");
    }
    await env.services.action.doAction("seconde_pousse_planning.farm_intervention_action_calendar");
    const event = await wait(".o_calendar_renderer .fc-event");
    if (!document.querySelector(".o_calendar_renderer").innerText.includes("Ferme")) {
        problems.push(`the calendar does not name the farm: ${event.innerText}`);
    }
    if (problems.length) console.error(problems.join("\\n"));
    else console.log("test successful");
})();
"""


@tagged("post_install", "-at_install")
class TestPlanningReadable(MyDayCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        today = cls.today
        # the week the timeline opens on: this one, or the next at the weekend
        monday = today - timedelta(days=today.weekday())
        if today.weekday() >= 5:
            monday += timedelta(days=7)
        cls.tuesday = monday + timedelta(days=1)
        farm = cls.env["res.partner"].create({"name": "Ferme Lisible", "is_farm": True})
        past = cls.env["res.partner"].create({"name": "Ferme Passée", "is_farm": True})
        for partner, day in ((farm, cls.tuesday), (past, cls.tuesday - timedelta(days=7))):
            start = datetime.combine(day, time(8, 0))  # 09:00 in Paris in winter, 10:00 in summer
            job = cls.env["farm.intervention"].create(
                {
                    "partner_id": partner.id,
                    "user_id": cls.supervisor_user.id,
                    "date_start": start,
                    "date_end": start + timedelta(hours=6),
                    "line_ids": [(0, 0, {"task_type_id": cls.task_type.id, "planned_hours": 12})],
                }
            )
            for employee in (cls.david, cls.sup_employee2):
                cls.env["farm.intervention.assignment"].create(
                    {
                        "intervention_id": job.id,
                        "employee_id": employee.id,
                        "date_start": job.date_start,
                        "date_end": job.date_end,
                    }
                )
            if partner == farm:
                cls.readable_job = job
        cls.env["hr.contract"].search([("employee_id", "=", cls.sup_employee2.id)]).write(
            {"date_start": today - timedelta(days=60), "date_end": today + timedelta(days=60)}
        )

    def test_the_timeline_opens_on_the_week_to_plan_with_labels_inside_and_a_legend(self):
        wednesday = self.tuesday + timedelta(days=1)
        self.approve_leave(self.david, str(wednesday), str(wednesday))
        self.browser_js(
            "/odoo/action-seconde_pousse_planning.farm_intervention_assignment_action",
            CHECK_TIMELINE,
            login="pl_sup",
        )

    def test_the_timeline_loads_only_its_window_whatever_the_history(self):
        """Years of history cost the timeline nothing: it asks only for its window."""
        Assignment = type(self.env["farm.intervention.assignment"])
        asked = []
        search_read = Assignment.search_read

        def spy(records, domain=None, fields=None, **kwargs):
            result = search_read(records, domain, fields, **kwargs)
            if fields and "role" in fields:  # the timeline's own call
                asked.append((domain, {row["id"] for row in result}))
            return result

        old = self.env["farm.intervention.assignment"].search(
            [("partner_id.name", "=", "Ferme Passée")]
        )
        self.env.cr.execute(  # history: six years ago, when no contract checks it
            "UPDATE farm_intervention_assignment SET date_start = '2020-03-03 08:00', "
            "date_end = '2020-03-03 14:00' WHERE id IN %s",
            [tuple(old.ids)],
        )
        self.env.invalidate_all()
        self.patch(Assignment, "search_read", api.model(spy))
        self.browser_js(
            "/odoo/action-seconde_pousse_planning.farm_intervention_assignment_action",
            WAIT_FOR_THE_WEEK,
            login="pl_sup",
        )
        self.assertTrue(asked)
        domain, ids = asked[0]
        self.assertIn("date_start", str(domain))
        self.assertFalse(set(old.ids) & ids)
        self.assertTrue(self.readable_job.assignment_ids.ids[0] in ids)

    def test_cards_and_calendar_name_the_farm_time_team_and_tasks(self):
        paris = pytz.timezone("Europe/Paris")
        start, end = (
            pytz.utc.localize(value).astimezone(paris).strftime("%H:%M")
            for value in (self.readable_job.date_start, self.readable_job.date_end)
        )
        code = CHECK_CARDS_AND_CALENDAR.replace("__WHEN__", f"{start} – {end}")
        # run once the web client is up: its debug root exists only then
        self.browser_js("/odoo", code, "odoo.isReady", login="pl_sup")
