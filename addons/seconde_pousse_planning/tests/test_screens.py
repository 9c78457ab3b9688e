# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every screen of ours opens in the real web client, as each role sees it.

For the coordinator, the supervisor, the counsellor and the accountant, headless
Chromium opens every menu of ours the user sees, then the form of one record of each of
our models (and of the models our menus list) that the user may read. Any client error
(an error dialog, an uncaught exception, a console error) fails the test. The farmer
opens every portal page of theirs the same way.

Every record of the demo that each role reaches, not one per model, is opened by
bin/demo_walk.py, which bin/test runs on its demo database (these tests never rely on
demo data): a farm whose membership invoice names another salesperson is met there.
"""

import importlib.util
import json
from datetime import date, datetime
from pathlib import Path
from unittest.mock import patch

from odoo.fields import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.seconde_pousse_base.tests.common import make_role_user
from odoo.addons.seconde_pousse_insertion.tests.common import InsertionCommon

from .common import PlanningCase

OPEN_EVERY_SCREEN = """
(async () => {
    const env = odoo.__WOWL_DEBUG__.root.env;
    const screens = %s;
    const idle = () => new Promise((resolve) => setTimeout(resolve, 400));
    const problems = [];
    for (const screen of screens) {
        console.log(`opening ${screen.label}`);
        try {
            await env.services.action.doAction(screen.action, {clearBreadcrumbs: true});
            await idle();
        } catch (error) {
            problems.push(`${screen.label}: ${error.message || error}`);
            continue;
        }
        const dialog = document.querySelector(".o_error_dialog");
        if (dialog) {
            problems.push(`${screen.label}: ${dialog.closest(".modal").innerText.slice(0, 300)}`);
        } else if (!document.querySelector(".o_view_controller, .o_sp_my_day")) {
            problems.push(`${screen.label}: no view was shown`);
        }
        await env.services.action.doAction({type: "ir.actions.act_window_close"});
    }
    if (problems.length) {
        console.error(`screens with a problem:\\n${problems.join("\\n")}`);
    } else {
        console.log(`${screens.length} screens opened`);
        console.log("test successful");
    }
})();
"""


@tagged("post_install", "-at_install")
class TestScreensPerRole(PlanningCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.accountant = make_role_user(env, "accountant", login="scr_acc", email="a@example.com")
        request = env["farm.intervention.request"].create(
            {
                "partner_id": cls.farm.id,
                "description": "Taille des oliviers",
                "task_type_ids": [Command.set(cls.task_type.ids)],
                "date_from": date(2026, 3, 2),
                "date_to": date(2026, 3, 6),
                "estimated_hours": 8.0,
            }
        )
        cls.intervention.request_id = request
        cls.assign(cls, cls.sup_employee, role="supervisor")
        cls.assign(cls, cls.amina)
        cls.book(cls, cls.van)
        env["farm.intervention.review"].create({"intervention_id": cls.intervention.id})
        env["farm.production"].create({"name": "Maraîchage test"})
        skill_type = env["hr.skill.type"].create(
            {
                "name": "Arboriculture (test)",
                "skill_level_ids": [Command.create({"name": "Débutant", "level_progress": 20})],
                "skill_ids": [Command.create({"name": "Taille"})],
            }
        )
        env["farm.task.type.skill"].create(
            {
                "task_type_id": cls.task_type.id,
                "skill_id": skill_type.skill_ids.id,
                "target_level_id": skill_type.skill_level_ids.id,
            }
        )
        pathway = env["insertion.pathway"].create(
            {"employee_id": cls.amina.id, "date_start": date(2026, 1, 5)}
        )
        env["insertion.barrier"].create(
            {"name": "Pas de permis", "pathway_id": pathway.id, "barrier_type": "mobility"}
        )
        env["insertion.action"].create({"name": "Entretien", "pathway_id": pathway.id})
        env["insertion.skill.evaluation"].create(
            {
                "employee_id": cls.amina.id,
                "skill_id": skill_type.skill_ids.id,
                "skill_level_id": skill_type.skill_level_ids.id,
            }
        )
        env["insertion.work.hours"].create(
            {"employee_id": cls.amina.id, "month": date(2026, 3, 1), "hours": 20.0}
        )
        leo = cls.make_employee("Léo Fabre", contract=False)
        InsertionCommon.make_pass_history(leo, env)
        env["insertion.access.log"]._log("export", "hr.employee", 1, "pass_iae_number")
        InsertionCommon.make_funding_records(env, leo, 2026)
        env["farm.invoice.run"].create(
            {
                "date_from": date(2026, 3, 1),
                "date_to": date(2026, 3, 31),
                "company_id": env.company.id,
                "user_id": cls.accountant.id,
                "state": "done",
                "report": "1 facture pour 1 ferme, 1 intervention.",
            }
        )

    def models_with_our_views(self):
        """The models that have a view of ours: our own models and those we extend."""
        data = self.env["ir.model.data"].search(
            [("module", "=like", "seconde_pousse%"), ("model", "=", "ir.ui.view")]
        )
        views = self.env["ir.ui.view"].browse(data.mapped("res_id"))
        return {
            view.model
            for view in views
            if view.type != "qweb"
            and not self.env[view.model]._transient
            and not self.env[view.model]._abstract
        }

    def screens_of(self, user):
        """The menus of ours the user sees, then one record of each model they read."""
        menus = self.env["ir.ui.menu"].with_user(user).load_menus(debug=False)
        screens, models = [], self.models_with_our_views()
        for menu in menus.values():
            if not str(menu.get("xmlid", "")).startswith("seconde_pousse") or not menu["action"]:
                continue
            action_model, action_id = menu["action"].split(",")
            screens.append({"label": f"menu {menu['xmlid']}", "action": int(action_id)})
            action = self.env[action_model].browse(int(action_id))
            if (
                action_model == "ir.actions.act_window"
                and not self.env[action.res_model]._transient
            ):
                models.add(action.res_model)
        for model in sorted(models):
            records = self.env[model].with_user(user)
            if not records.has_access("read"):
                continue
            record = records.search([], limit=1, order="id desc")
            if not record and not model.startswith(("farm.", "insertion.")):
                continue  # a core model whose records this role does not see
            self.assertTrue(record, f"no {model} record for {user.login} to open")
            screens.append(
                {
                    "label": f"form {model}",
                    "action": {
                        "type": "ir.actions.act_window",
                        "res_model": model,
                        "res_id": record.id,
                        "views": [[False, "form"]],
                    },
                }
            )
        return screens

    def open_every_screen(self, user, at_least):
        screens = self.screens_of(user)
        self.assertGreaterEqual(len(screens), at_least, [s["label"] for s in screens])
        self.browser_js(
            "/odoo",
            OPEN_EVERY_SCREEN % json.dumps(screens),
            "odoo.isReady",
            login=user.login,
            timeout=240,
        )

    def test_coordinator_opens_every_screen(self):
        self.open_every_screen(self.coordinator, at_least=30)

    def test_supervisor_opens_every_screen(self):
        self.open_every_screen(self.supervisor_user, at_least=20)

    def test_counsellor_opens_every_screen(self):
        self.open_every_screen(self.counsellor, at_least=15)

    def test_accountant_opens_every_screen(self):
        self.open_every_screen(self.accountant, at_least=3)


def load_demo_walk():
    """bin/demo_walk.py of this checkout, as a module."""
    path = Path(__file__).resolve().parents[3] / "bin" / "demo_walk.py"
    spec = importlib.util.spec_from_file_location("demo_walk", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TestDemoWalk(PlanningCase):
    """bin/demo_walk.py opens every record a role reaches and names the one that fails."""

    def walk(self, user):
        walk = load_demo_walk().Walk(self.env.cr.dbname)
        walk.walk_internal(self.env, users=user)
        return walk

    def test_walk_opens_every_intervention_of_the_menu(self):
        self.env["farm.intervention"].create(
            {
                "partner_id": self.farm.id,
                "date_start": datetime(2026, 3, 9, 7, 0),
                "date_end": datetime(2026, 3, 9, 12, 0),
            }
        )
        walk = self.walk(self.supervisor_user)
        self.assertEqual(walk.failures, [])
        self.assertEqual(walk.counts["roles"], 1)
        interventions = self.env["farm.intervention"].with_user(self.supervisor_user)
        self.assertGreaterEqual(walk.counts["records"], interventions.search_count([]) + 1)

    def test_walk_names_role_menu_model_and_record_of_a_form_that_fails(self):
        model = type(self.env["farm.intervention"])
        web_read = model.web_read
        planted = self.intervention

        def failing_web_read(records, specification):
            if planted in records and "line_ids" in specification:  # its form, not the list
                raise RuntimeError("planted error")
            return web_read(records, specification)

        with patch.object(model, "web_read", failing_web_read):
            walk = self.walk(self.supervisor_user)
        failures = [f for f in walk.failures if "planted error" in f]
        expected = (
            f"{self.supervisor_user.login} | menu seconde_pousse_farm.farm_intervention_menu"
            " (seconde_pousse_farm.farm_intervention_action) | farm.intervention"
            f" | {planted.id} {planted.display_name!r} | "
        )
        self.assertTrue(any(f.startswith(expected) for f in failures), walk.failures)
        self.assertFalse([f for f in walk.failures if "planted error" not in f])
