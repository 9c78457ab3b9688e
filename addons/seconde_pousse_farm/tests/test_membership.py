# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A farm's membership over two years, replayed day by day: a first review, renewal
without a gap, a credit note, a break, a withdrawal; the voting members; and that
history as the farmer reads it on the portal."""

import re
from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, HttpCase, tagged

from odoo.addons.seconde_pousse_base.tests.common import make_role_user

from .common import FarmCase


def _text(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


class MembershipSteps:
    """A day in the farm's life: a review signed, the daily job, a payment."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="fr_FR"))
        cls.farm = cls.farm.with_env(cls.env)

    def status(self, day):
        with freeze_time(day):
            self.farm.invalidate_recordset()
            return (
                self.farm.farm_membership_status,
                self.farm.farm_membership_start,
                self.farm.farm_membership_end,
            )

    def sign_on(self, day, intervention_day=2):
        with freeze_time(datetime.combine(day, datetime.min.time().replace(hour=15))):
            self.make_signed_review(self.make_intervention(day=intervention_day))

    def cron_on(self, day):
        with freeze_time(day):
            self.env["res.partner"]._cron_farm_membership()

    def pay(self, invoice):
        invoice.action_post()
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({"payment_date": invoice.invoice_date or date(2026, 3, 31)})._create_payments()

    def years(self):
        lines = self.farm.member_lines.sorted("date_from")
        return [(line.date_from, line.date_to, line.state) for line in lines]


@tagged("post_install", "-at_install")
class TestMembership(MembershipSteps, FarmCase):
    def test_a_cancelled_invoice_ends_the_membership(self):
        self.sign_on(date(2026, 3, 10))
        self.farm.farm_membership_invoice_id.button_cancel()
        self.assertEqual(self.status(date(2026, 4, 1)), ("cancelled", False, False))
        self.sign_on(date(2026, 4, 2), intervention_day=9)
        self.assertEqual(self.status(date(2026, 4, 2))[0], "member")

    def test_a_withdrawal_at_the_end_of_the_year(self):
        """Told in advance: a member until then, and the renewal not yet invoiced is
        cancelled."""
        self.sign_on(date(2026, 3, 10))
        self.cron_on(date(2027, 2, 20))
        renewal = self.farm.member_lines.sorted("date_from")[-1].account_invoice_id
        with freeze_time(date(2027, 2, 25)):
            self.farm.with_user(self.coordinator)._farm_withdraw(
                date(2027, 3, 10), "Ne renouvelle pas"
            )
        self.assertEqual(renewal.state, "cancel")
        self.assertEqual(self.status(date(2027, 3, 9))[0], "member")
        self.assertEqual(self.status(date(2027, 3, 10))[0], "withdrawn")

    def test_only_a_coordinator_records_a_withdrawal(self):
        self.sign_on(date(2026, 3, 10))
        with self.assertRaises(AccessError) as caught:
            self.farm.with_user(self.supervisor).write({"farm_withdrawal_date": date(2026, 4, 1)})
        self.assertIn("Seul un coordinateur enregistre le retrait", str(caught.exception))
        with self.assertRaises(UserError) as caught:
            self.farm.with_user(self.coordinator)._farm_withdraw(date(2026, 4, 1), "  ")
        self.assertIn("Motif du retrait", str(caught.exception))

    def test_a_failed_renewal_reaches_the_coordinator(self):
        self.sign_on(date(2026, 3, 10))
        self.farm.free_member = True  # Odoo refuses to invoice a free member's fee
        self.cron_on(date(2027, 2, 20))
        warning = self.farm.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref("mail.mail_activity_data_warning")
        )
        self.assertEqual(warning.summary, "L'adhésion n'a pas pu être renouvelée")
        self.assertIn("membre gratuit", warning.note or "")
        self.assertEqual(len(self.farm.member_lines), 1)

    def test_the_certificate(self):
        self.sign_on(date(2026, 3, 10))
        with freeze_time(date(2026, 5, 1)):
            pdf, __ = (
                self.env["ir.actions.report"]
                .with_context(force_report_rendering=True)
                ._render_qweb_pdf(
                    "seconde_pousse_farm.action_report_farm_membership_certificate", self.farm.ids
                )
            )
            html = (
                self.env["ir.actions.report"]
                ._render_qweb_html(
                    "seconde_pousse_farm.action_report_farm_membership_certificate", self.farm.ids
                )[0]
                .decode()
            )
        self.assertTrue(pdf.startswith(b"%PDF"))
        self.assertIn("Attestation d'adhésion", html)
        self.assertIn("10/03/2026", html)
        self.assertIn(self.env.company.name, html)


@tagged("post_install", "-at_install")
class TestTwoYearsOfAFarm(MembershipSteps, FarmCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        contact = cls.env["res.partner"].create({"name": "Jeanne Martin", "parent_id": cls.farm.id})
        make_role_user(cls.env, "farmer", login="farmer_m", partner_id=contact.id, lang="fr_FR")

    def test_two_years_of_a_farm(self):
        self.assertEqual(self.status(date(2026, 3, 1))[0], "none")
        # a first review: a member for a year from the day it is signed
        self.sign_on(date(2026, 3, 10))
        self.assertEqual(
            self.status(date(2026, 3, 10)), ("member", date(2026, 3, 10), date(2027, 3, 9))
        )
        self.assertEqual(self.farm.farm_membership_line_id.date_from, date(2026, 3, 10))
        first = self.farm.farm_membership_invoice_id
        self.assertEqual(first.state, "draft")
        # the month's batch takes the fee with the work, found through the line
        wizard = self.env["farm.invoice.wizard"].with_user(self.accountant)
        wizard.create({"date_from": date(2026, 3, 1), "date_to": date(2026, 3, 31)})
        wizard.search([], order="id desc", limit=1).action_create_invoices()
        self.assertTrue(first.farm_intervention_ids)
        first.invoice_date = date(2026, 3, 31)
        self.pay(first)
        self.assertIn(self.farm, self.env["res.partner"]._farm_voting_members(date(2026, 6, 1)))

        # 30 days before the end: the next year, from the day after, with a reminder
        self.cron_on(date(2027, 2, 5))
        self.assertEqual(len(self.farm.member_lines), 1)  # not yet: 32 days before
        self.cron_on(date(2027, 2, 7))
        self.cron_on(date(2027, 2, 8))  # once only
        self.assertEqual(
            self.years(),
            [
                (date(2026, 3, 10), date(2027, 3, 9), "paid"),
                (date(2027, 3, 10), date(2028, 3, 9), "waiting"),
            ],
        )
        reminder = self.farm.message_ids.filtered(lambda m: "se renouvelle" in (m.subject or ""))
        self.assertIn(self.farm, reminder.partner_ids)
        self.assertIn("09/03/2027", reminder.body)
        activity = self.farm.activity_ids
        self.assertEqual(activity.date_deadline, date(2027, 3, 9))
        self.assertTrue(activity.user_id.has_group("seconde_pousse_base.group_coordinator"))
        self.assertEqual(
            self.status(date(2027, 3, 10)), ("member", date(2026, 3, 10), date(2028, 3, 9))
        )

        # the renewal invoiced on its own, then credited: the year it paid for ends
        renewal = self.farm.member_lines.sorted("date_from")[-1].account_invoice_id
        with freeze_time(date(2027, 3, 20)):
            renewal.invoice_date = date(2027, 3, 15)
            renewal.action_post()
            action = self.refund(renewal, date(2027, 3, 20))
            self.env["account.move"].browse(action["res_id"]).action_post()
        self.assertEqual(renewal.payment_state, "reversed")
        self.assertEqual(self.status(date(2027, 4, 1)), ("lapsed", False, False))
        self.assertNotIn(self.farm, self.env["res.partner"]._farm_voting_members(date(2027, 4, 1)))
        self.cron_on(date(2028, 2, 20))
        self.assertEqual(len(self.farm.member_lines), 2)  # nothing to renew

        # after the break, a new review: a new year from its day, not backdated
        self.sign_on(date(2027, 6, 15), intervention_day=9)
        self.assertEqual(
            self.status(date(2027, 6, 15)), ("member", date(2027, 6, 15), date(2028, 6, 14))
        )

        # withdrawal: the year ends on the eve, and renewal stops
        with freeze_time(date(2027, 9, 1)):
            wizard = Form(
                self.env["farm.membership.withdraw.wizard"]
                .with_user(self.coordinator)
                .with_context(default_partner_id=self.farm.id)
            )
            wizard.reason = "Cessation d'activité"
            wizard.save().action_confirm()
        self.assertEqual(self.status(date(2027, 8, 31))[:1], ("member",))
        self.assertEqual(self.status(date(2027, 9, 1)), ("withdrawn", False, False))
        self.cron_on(date(2028, 5, 20))
        self.assertEqual(len(self.farm.member_lines), 3)
        self.assertIn("Cessation d'activité", self.farm.message_ids[0].body)
        with freeze_time(date(2028, 1, 10)):
            self.sign_on(date(2028, 1, 10), intervention_day=16)
        self.assertEqual(len(self.farm.member_lines), 3)  # no automatic membership after it

        # the farmer reads the same history on the portal, newest year first
        self.assertEqual(
            self.portal_years(date(2028, 7, 1)),
            [
                ("15/06/2027 – 31/08/2027", "Close par le retrait du 01/09/2027"),
                ("10/03/2027 – 09/03/2028", "Annulée par un avoir"),
                ("10/03/2026 – 09/03/2027", "Cotisation payée"),
            ],
        )
        self.assertIn("s'est retirée de l'association le", _text(self.page))
        self.assertIn(first.name, self.page)  # the paid year links its invoice

    def portal_years(self, day):
        with freeze_time(day):
            self.authenticate("farmer_m", "farmer_m")
            self.page = self.url_open("/my/membership").text
        rows = re.findall(
            r'o_farm_membership_period">(.*?)</td>\s*'
            r'<td class="o_farm_membership_outcome">(.*?)</td>',
            self.page,
            re.S,
        )
        return [(_text(period), _text(outcome)) for period, outcome in rows]
