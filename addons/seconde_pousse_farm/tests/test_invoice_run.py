# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A month-end of many farms is invoiced in the background, in committed steps, with its
progress and a report; a second run of the same period meanwhile is refused."""

from datetime import date

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.seconde_pousse_farm.models import farm_invoice_run
from odoo.addons.seconde_pousse_farm.wizards.farm_invoice_wizard import FarmInvoiceWizard

from .common import FarmCase


@tagged("post_install", "-at_install")
class TestInvoiceRun(FarmCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.farms = cls.farm | cls.other_farm | cls.make_farm("Mas du Lot")
        cls.jobs = cls.env["farm.intervention"]
        for day, farm in enumerate(cls.farms, start=2):
            job = cls.make_intervention(farm=farm, day=day)
            cls.make_signed_review(job)
            cls.jobs |= job

    def start(self):
        wizard = (
            self.env["farm.invoice.wizard"]
            .with_user(self.accountant)
            .create({"date_from": date(2026, 3, 1), "date_to": date(2026, 3, 31)})
        )
        return wizard.action_create_invoices()

    def test_many_farms_go_to_the_background_in_steps_with_a_report(self):
        self.patch(FarmInvoiceWizard, "BACKGROUND_FARMS", 2)
        self.patch(farm_invoice_run, "CHUNK_FARMS", 2)
        action = self.start()
        run = self.env["farm.invoice.run"].browse(action["res_id"])
        self.assertEqual(
            (action["res_model"], run.state, run.farm_count), ("farm.invoice.run", "queued", 3)
        )
        self.assertFalse(self.jobs.invoice_id)  # nothing yet: the request came back at once
        self.env["farm.invoice.run"]._cron_process()
        self.assertEqual((run.state, run.farms_done, round(run.progress)), ("running", 2, 67))
        self.env["farm.invoice.run"]._cron_process()
        self.assertEqual((run.state, run.farms_done, round(run.progress)), ("done", 3, 100))
        self.assertEqual(run.invoice_ids, self.jobs.invoice_id)
        self.assertEqual(len(run.invoice_ids), 3)
        self.assertEqual(run.report, "3 factures pour 3 fermes, 3 interventions.")
        self.assertIn(self.accountant.partner_id, run.message_ids[0].partner_ids)

    def test_a_second_run_of_the_same_period_is_refused_while_one_runs(self):
        self.patch(FarmInvoiceWizard, "BACKGROUND_FARMS", 2)
        self.start()
        with self.assertRaises(UserError) as caught:
            self.start()
        self.assertIn("La facturation de cette période est déjà en cours", str(caught.exception))
        self.assertEqual(self.env["farm.invoice.run"].search_count([]), 1)

    def test_a_refused_step_stops_the_run_and_leaves_nothing_half_made(self):
        self.patch(FarmInvoiceWizard, "BACKGROUND_FARMS", 2)
        run = self.env["farm.invoice.run"].browse(self.start()["res_id"])
        self.accountant.groups_id = [(3, self.env.ref("account.group_account_invoice").id)]
        self.env["farm.invoice.run"]._cron_process()
        self.assertEqual(run.state, "failed")
        self.assertTrue(run.report.startswith("Arrêtée : "), run.report)
        self.assertIn("0 factures pour 0 fermes", run.report)
        self.assertFalse(self.jobs.invoice_id)
        self.assertEqual(set(self.jobs.mapped("state")), {"reviewed"})

    def test_a_step_invoices_in_the_company_the_run_was_started_in(self):
        """The scheduled step works as the accountant, in the run's company and with its
        settings, even when the accountant has since switched to another company."""
        self.patch(FarmInvoiceWizard, "BACKGROUND_FARMS", 2)
        run = self.env["farm.invoice.run"].browse(self.start()["res_id"])
        home = run.company_id
        home.farm_invoice_layout = "detailed"
        other = self.env["res.company"].create({"name": "Autre structure"})
        self.accountant.write({"company_ids": [(4, other.id)], "company_id": other.id})
        self.env["farm.invoice.run"]._cron_process()
        self.assertEqual(run.state, "done", run.report)
        self.assertEqual(run.invoice_ids.company_id, home)
        self.assertEqual(run.invoice_ids.journal_id.company_id, home)
        labels = run.invoice_ids.invoice_line_ids.mapped("name")
        self.assertTrue(all(any(job.name in label for label in labels) for job in self.jobs))
