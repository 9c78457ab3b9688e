"""The association's face on our documents: its name, address and SIRET in the body of
every PDF (Debian's wkhtmltopdf draws no header), in French."""

from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

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
