# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The association's face on our documents: its name, address and SIRET in the body of
every PDF (Debian's wkhtmltopdf draws no header), in French."""

from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.seconde_pousse_base.models.ir_actions_report import (
    wkhtmltopdf_prints_one_document,
)

from .common import FarmCase


@tagged("post_install", "-at_install")
class TestDocuments(FarmCase):
    def html(self, report, ids):
        return (
            self.env["ir.actions.report"]
            .with_context(lang="fr_FR")
            ._render_qweb_html(report, ids)[0]
            .decode()
        )

    def test_review_and_certificate_carry_the_association(self):
        company = self.env.company
        company.write({"siret": "79112345800022", "street": "Chemin de la Blaque"})
        company.invalidate_recordset(["document_siret"])  # as a new request reads it
        with freeze_time(date(2026, 3, 10)):
            review = self.make_signed_review(self.make_intervention())
        for report, ids, title in (
            (
                "seconde_pousse_farm.report_farm_intervention_review",
                review.ids,
                "Bilan d'intervention",
            ),
            (
                "seconde_pousse_farm.report_farm_membership_certificate",
                self.farm.ids,
                "Attestation d'adhésion",
            ),
        ):
            with self.subTest(report=report), freeze_time(date(2026, 5, 1)):
                html = self.html(report, ids)
                self.assertIn(title, html)
                self.assertIn(company.name, html)
                self.assertIn("SIRET <span>79112345800022</span>", html)
                self.assertIn("Chemin de la Blaque", html)
        self.assertRegex(
            self.html("seconde_pousse_farm.report_farm_intervention_review", review.ids),
            r"\d\d/\d\d/2026 \d\d:\d\d<",
        )

    def test_the_invoice_carries_the_association_where_no_header_is_drawn(self):
        company = self.env.company
        company.write({"siret": "79112345800022", "street": "Chemin de la Blaque"})
        company.invalidate_recordset(["document_siret"])
        self.make_signed_review(self.make_intervention())
        wizard = self.env["farm.invoice.wizard"].with_user(self.accountant)
        wizard.create({"date_from": date(2026, 3, 1), "date_to": date(2026, 3, 31)})
        wizard.search([], order="id desc", limit=1).action_create_invoices()
        invoice = self.farm.farm_membership_invoice_id
        Report = self.env["ir.actions.report"].with_context(lang="fr_FR")
        pdf_html = Report._render_qweb_html(
            "account.report_invoice", invoice.ids, data={"report_type": "pdf"}
        )[0].decode()
        if wkhtmltopdf_prints_one_document():  # Debian's: no header, the identity in the body
            self.assertIn("o_sp_identity", pdf_html)
            self.assertIn("SIRET <span>79112345800022</span>", pdf_html)
        else:  # the patched binary (Odoo's image) draws Odoo's header
            self.assertNotIn("o_sp_identity", pdf_html)
        # the preview in the browser has Odoo's own header: no second identity
        preview = Report._render_qweb_html("account.report_invoice", invoice.ids)[0].decode()
        self.assertNotIn("o_sp_identity", preview)
