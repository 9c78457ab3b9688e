# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The 11 PASS IAE rules of les emplois de l'inclusion (issue 31), each on both sides of
its limit. The reference read is gip-inclusion/les-emplois at 543eae8d; each test's
docstring names the file and the symbol that state its rule."""

import base64
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time
from psycopg2.errors import ExclusionViolation

from odoo.exceptions import UserError, ValidationError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from .common import InsertionCommon

REPORT = base64.b64encode(b"%PDF-1.4 bilan")
END = date(2026, 12, 31)  # the PASS of InsertionCommon: 2025-01-01 to 2026-12-31
TODAY = date(2026, 6, 15)


@tagged("post_install", "-at_install")
@freeze_time("2026-06-15")
class TestPassIaeLesEmplois(InsertionCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="fr_FR"))  # what users read
        cls.prescriber = cls.env["res.partner"].create(
            {"name": "France Travail Aix (test)", "is_authorized_prescriber": True}
        )

    # --- helpers -----------------------------------------------------------------------
    def prolong(self, end, reason="complete_training", employee=None, **values):
        return (
            self.env["insertion.pass.prolongation"]
            .with_user(self.counsellor)
            .create(
                {"employee_id": (employee or self.employee).id, "date_end": end, "reason": reason}
                | values
            )
        )

    def grant(self, prolongation):
        prolongation.prescriber_id = self.prescriber
        prolongation.action_request()
        prolongation.action_grant()
        return prolongation

    def prolong_in_window(self, days, reason="complete_training", employee=None, **values):
        """A prolongation of `days` days, asked six months before the PASS ends, and
        granted by the prescriber when its reason needs one."""
        employee = employee or self.employee
        end = self.pass_end(employee)
        with freeze_time(end - relativedelta(months=6)):
            prolongation = self.prolong(end + timedelta(days=days), reason, employee, **values)
            if prolongation.needs_prescriber:
                self.grant(prolongation)
        return prolongation

    def pass_end(self, employee=None):
        return (employee or self.employee).with_user(self.counsellor).pass_iae_end

    def suspend(self, start, end, reason="contract_suspended", employee=None, **values):
        return (
            self.env["insertion.pass.suspension"]
            .with_user(self.counsellor)
            .create(
                {
                    "employee_id": (employee or self.employee).id,
                    "date_start": start,
                    "date_end": end,
                    "reason": reason,
                    **values,
                }
            )
        )

    # --- 1. a cap per request ------------------------------------------------------------
    def test_rule1_each_prolongation_adds_365_days_and_a_senior_cdi_3650(self):
        """itou/approvals/models.py, CommonProlongation.PROLONGATION_RULES: "max_duration"
        is timedelta(days=365) for COMPLETE_TRAINING, RQTH, SENIOR and
        PARTICULAR_DIFFICULTIES, and MAX_DURATION = timedelta(days=10 * 365) for
        SENIOR_CDI."""
        cases = [
            ("complete_training", 365),
            ("rqth", 365),
            ("senior", 365),
            ("particular_difficulties", 365),
            ("senior_cdi", 3650),
        ]
        for reason, days in cases:
            with self.subTest(reason=reason):
                employee = self.make_employee(f"Cap {reason}")
                last = END + timedelta(days=days)
                with self.assertRefused(
                    ValidationError,
                    f"ajoute {days} jours au plus : celle-ci doit finir le "
                    f"{last:%d/%m/%Y} au plus tard (Fin)",
                ):
                    self.prolong(last + timedelta(days=1), reason, employee)
                prolongation = self.prolong(last, reason, employee)
                self.assertEqual(prolongation.days, days)

    # --- 2. and 3. no cumulative cap for training and senior CDI ---------------------------
    def test_rule2_training_has_no_cumulative_cap(self):
        """itou/approvals/models.py, CommonProlongation.PROLONGATION_RULES:
        COMPLETE_TRAINING has "max_cumulative_duration": None ("Renouvellements possibles
        jusqu'à la fin de l'action de formation")."""
        for _turn in range(3):
            self.prolong_in_window(365)
        prolongations = self.employee.with_user(self.counsellor).pass_iae_prolongation_ids
        self.assertEqual(sum(prolongations.mapped("days")), 1095)  # beyond 730
        self.assertEqual(self.pass_end(), END + timedelta(days=1095))

    def test_rule3_senior_cdi_has_no_cumulative_cap(self):
        """itou/approvals/models.py, CommonProlongation.PROLONGATION_RULES: SENIOR_CDI has
        "max_cumulative_duration": None ("jusqu'à la retraite")."""
        self.prolong_in_window(3650, "senior_cdi")
        self.prolong_in_window(3650, "senior_cdi")
        self.assertEqual(self.pass_end(), END + timedelta(days=7300))  # beyond 3,650

    # --- 4. cumulative caps count every prolongation ---------------------------------------
    def test_rule4_cumulative_caps_count_every_prolongation_whatever_its_reason(self):
        """itou/approvals/models.py, CommonProlongation.get_max_end_at: "used" is
        Prolongation.objects.get_cumulative_duration_for(approval_id), every prolongation
        of the PASS; PROLONGATION_RULES: RQTH and PARTICULAR_DIFFICULTIES
        "max_cumulative_duration": timedelta(days=3 * 365)."""
        self.prolong_in_window(365)  # training
        self.prolong_in_window(365, "rqth")
        self.prolong_in_window(365, "rqth")  # 1,095 days in all: the cap, reached
        end = self.pass_end()
        with freeze_time(end - relativedelta(months=6)):
            with self.assertRefused(
                ValidationError,
                "toutes les prolongations d'un PASS IAE, quel que soit leur motif, ajoutent "
                f"1095 jours au plus (1095 déjà ajoutés) : celle-ci doit finir le "
                f"{end:%d/%m/%Y} au plus tard (Fin)",
            ):
                self.prolong(end + timedelta(days=1), "rqth")
            with self.assertRefused(ValidationError, "1095 jours au plus (1095 déjà ajoutés)"):
                self.prolong(end + timedelta(days=1), "particular_difficulties")

    def test_rule4_senior_cumulative_cap_is_five_years_of_any_prolongation(self):
        """itou/approvals/models.py, CommonProlongation.PROLONGATION_RULES: SENIOR
        "max_cumulative_duration": timedelta(days=5 * 365), counted by
        get_cumulative_duration_for over every prolongation of the PASS."""
        for _turn in range(4):
            self.prolong_in_window(365)  # trainings: 1,460 days
        self.prolong_in_window(365, "senior")  # 1,825: the cap
        end = self.pass_end()
        with freeze_time(end - relativedelta(months=6)):
            with self.assertRefused(ValidationError, "1825 jours au plus (1825 déjà ajoutés)"):
                self.prolong(end + timedelta(days=1), "senior")
            self.prolong(end + timedelta(days=365), "complete_training")  # no cap

    def test_rule4_the_end_allowed_is_the_smaller_of_both_caps(self):
        """itou/www/approvals_views/forms.py, CreateProlongationForm.__init__: max_end_at =
        min(max_duration_end_at, max_cumulative_duration_end_at)."""
        self.prolong_in_window(365)
        self.prolong_in_window(365)
        self.prolong_in_window(100)  # 830 days: 265 left of RQTH's 1,095
        end = self.pass_end()
        with freeze_time(end - relativedelta(months=6)):
            with self.assertRefused(
                ValidationError,
                f"(830 déjà ajoutés) : celle-ci doit finir le "
                f"{end + timedelta(days=265):%d/%m/%Y} au plus tard (Fin)",
            ):
                self.prolong(end + timedelta(days=266), "rqth")
            prolongation = self.prolong(end + timedelta(days=265), "rqth")
        self.assertEqual(prolongation.days, 265)

    # --- 5. the request window -------------------------------------------------------------
    def test_rule5_requested_from_12_months_before_the_end_to_6_months_after(self):
        """itou/approvals/models.py, Approval.IS_OPEN_TO_PROLONGATION_BOUNDARIES_MONTHS_
        BEFORE_END = 12 and IS_OPEN_TO_PROLONGATION_BOUNDARIES_MONTHS_AFTER_END = 6
        (Approval.is_open_to_prolongation)."""
        sides = [
            (TODAY + relativedelta(months=12), True),  # opens today
            (TODAY + relativedelta(months=12) + timedelta(days=1), False),  # tomorrow
            (TODAY - relativedelta(months=6), True),  # closes today
            (TODAY - relativedelta(months=6) - timedelta(days=1), False),  # closed yesterday
        ]
        for end, allowed in sides:
            with self.subTest(end=end):
                employee = self.make_employee(f"Fenêtre {end}", pass_iae_end=end)
                if allowed:
                    prolongation = self.prolong(end + timedelta(days=30), employee=employee)
                    self.assertEqual(prolongation.state, "granted")
                    continue
                with self.assertRefused(
                    ValidationError,
                    "de 12 mois avant la fin du PASS IAE à 6 mois après : du "
                    f"{end - relativedelta(months=12):%d/%m/%Y} au "
                    f"{end + relativedelta(months=6):%d/%m/%Y}",
                ):
                    self.prolong(end + timedelta(days=30), employee=employee)

    # --- 6. and 7. the review (bilan) --------------------------------------------------------
    def test_rule6_the_review_is_asked_of_ai_structures_only(self):
        """itou/companies/models.py, Company.can_upload_prolongation_report: "return
        self.kind == CompanyKind.AI"; itou/approvals/constants.py,
        PROLONGATION_REPORT_FILE_REASONS = (RQTH, SENIOR, PARTICULAR_DIFFICULTIES)."""
        self.assertEqual(self.env.company.iae_structure_kind, "aci")
        aci = self.prolong_in_window(365, "rqth")  # requested and granted without one
        self.assertFalse(aci.document)
        self.assertEqual(aci.state, "granted")
        self.env.company.iae_structure_kind = "ai"
        for reason in ("rqth", "senior", "particular_difficulties"):
            with self.subTest(reason=reason):
                employee = self.make_employee(f"AI {reason}")
                prolongation = self.prolong(END + timedelta(days=90), reason, employee)
                prolongation.prescriber_id = self.prescriber
                with self.assertRefused(
                    ValidationError, "Une AI joint le bilan à une prolongation pour « "
                ):
                    prolongation.action_request()
                prolongation.document = REPORT
                prolongation.action_request()
                self.assertEqual(prolongation.state, "requested")

    def test_rule7_no_review_with_the_other_reasons(self):
        """itou/approvals/models.py, CommonProlongation.Meta.constraints
        "check_%(class)s_reason_and_report_file_coherence": report_file=None or reason in
        PROLONGATION_REPORT_FILE_REASONS (itou/approvals/constants.py)."""
        for reason in ("complete_training", "senior_cdi"):
            with self.subTest(reason=reason):
                employee = self.make_employee(f"Bilan {reason}")
                with self.assertRefused(
                    ValidationError,
                    "Un bilan ne se joint qu'à une prolongation pour RQTH, 50 ans et plus ou "
                    "difficultés particulières",
                ):
                    self.prolong(END + timedelta(days=90), reason, employee, document=REPORT)
                self.prolong(END + timedelta(days=90), reason, employee)
        rqth = self.prolong(END + timedelta(days=90), "rqth", document=REPORT)
        self.assertTrue(rqth.document)

    # --- 8. the prescriber's approval ------------------------------------------------------
    def test_rule8_rqth_senior_and_difficulties_are_granted_by_an_authorised_prescriber(self):
        """itou/approvals/models.py, CommonProlongation.REASONS_NOT_NEED_PRESCRIBER_OPINION
        = (SENIOR_CDI, COMPLETE_TRAINING); the others make a ProlongationRequest, assigned
        to an authorised prescriber, and only ProlongationRequest.grant creates the
        Prolongation that moves the PASS end."""
        training = self.make_employee("Formation")
        self.assertEqual(self.prolong(END + timedelta(days=30), employee=training).state, "granted")
        self.assertEqual(self.pass_end(training), END + timedelta(days=30))
        for reason in ("rqth", "senior", "particular_difficulties"):
            with self.subTest(reason=reason):
                employee = self.make_employee(f"Prescripteur {reason}")
                prolongation = self.prolong(END + timedelta(days=90), reason, employee)
                self.assertEqual(prolongation.state, "draft")
                self.assertEqual(self.pass_end(employee), END)
                with self.assertRefused(UserError, "(Prescripteur habilité)"):
                    prolongation.action_request()
                prolongation.prescriber_id = self.env["res.partner"].create(
                    {"name": "Pas habilité"}
                )
                with self.assertRefused(UserError, "(Prescripteur habilité)"):
                    prolongation.action_request()
                prolongation.prescriber_id = self.prescriber
                prolongation.action_request()
                self.assertEqual(prolongation.state, "requested")
                self.assertEqual(self.pass_end(employee), END)  # not granted yet
                prolongation.action_grant()
                self.assertEqual(
                    (prolongation.state, prolongation.granted_by_id, prolongation.granted_on),
                    ("granted", self.prescriber, TODAY),
                )
                self.assertEqual(self.pass_end(employee), END + timedelta(days=90))

    def test_rule8_a_denied_request_moves_nothing_and_frees_the_pass(self):
        """itou/approvals/models.py, ProlongationRequest.deny: status DENIED, no
        Prolongation; the unique constraint "unique_%(class)s_approval_for_pending" holds
        one pending request per PASS."""
        prolongation = self.prolong(END + timedelta(days=90), "rqth")
        prolongation.prescriber_id = self.prescriber
        prolongation.action_request()
        with mute_logger("odoo.sql_db"), self.assertRaises(ExclusionViolation) as caught:
            with self.env.cr.savepoint():
                self.prolong(END + timedelta(days=60), "senior")
        self.assertEqual(
            caught.exception.diag.constraint_name, "insertion_pass_prolongation_no_overlap"
        )
        prolongation.action_deny()
        self.assertEqual((prolongation.state, self.pass_end()), ("denied", END))
        self.grant(self.prolong(END + timedelta(days=60), "senior"))
        self.assertEqual(self.pass_end(), END + timedelta(days=60))

    def test_rule8_granted_after_a_suspension_it_still_adds_its_days(self):
        """itou/approvals/models.py, ProlongationRequest.grant copies the request's dates
        into the Prolongation, and the approval's end moves by its duration
        (trigger update_approval_end_at), whatever happened meanwhile."""
        prolongation = self.prolong(END + timedelta(days=90), "senior")
        prolongation.prescriber_id = self.prescriber
        prolongation.action_request()
        self.suspend(date(2026, 6, 1), date(2026, 6, 11))  # 10 days, while it waits
        self.assertEqual(self.pass_end(), END + timedelta(days=10))
        prolongation.action_grant()
        self.assertEqual(self.pass_end(), END + timedelta(days=100))

    def test_rule8_a_client_cannot_grant_it_itself(self):
        """itou/approvals/models.py, Prolongation.clean: "validated_by" must be a
        prescriber with authorised organisation memberships; here the status and the
        granter change only through the buttons."""
        prolongation = self.prolong(END + timedelta(days=90), "rqth")
        with self.assertRefused(UserError, "ne changent que par ses boutons"):
            prolongation.write({"state": "granted"})
        with self.assertRefused(UserError, "ne changent que par ses boutons"):
            self.prolong(END + timedelta(days=90), "rqth", state="granted")
        with self.assertRefused(UserError, "Seule une prolongation demandée"):
            prolongation.action_grant()
        # the superuser (an import, a fix) still needs an authorised granter
        with self.assertRefused(ValidationError, "accordée par un prescripteur habilité"):
            prolongation.sudo().write({"state": "granted"})

    # --- 9. where a suspension may start ----------------------------------------------------
    def test_rule9_a_suspension_starts_after_the_last_ended_one(self):
        """itou/approvals/models.py, Suspension.next_min_start_at: "if last_old_suspension
        := approval.last_old_suspension(pk_suspension): start_at =
        last_old_suspension.end_at + relativedelta(days=1)"."""
        self.suspend(date(2026, 5, 1), date(2026, 5, 10))  # ended
        with self.assertRefused(
            ValidationError,
            "commence au plus tôt le lendemain de la dernière suspension terminée : pas "
            "avant le 11/05/2026 (Début)",
        ):
            self.suspend(date(2026, 4, 20), date(2026, 4, 25))  # before it, no overlap
        self.suspend(date(2026, 5, 11), date(2026, 5, 20))  # the next day

    def test_rule9_a_suspension_starts_on_or_after_the_current_hiring_date(self):
        """itou/approvals/models.py, Suspension.next_min_start_at: start_at =
        get_user_last_accepted_siae_job_application(approval.user).hiring_start_at."""
        employee = self.make_employee("Embauche récente")
        self.make_contract(employee, date_start=date(2026, 6, 1), date_end=date(2026, 9, 30))
        with self.assertRefused(
            ValidationError,
            "ne peut pas commencer avant la date d'embauche du contrat en cours : pas avant "
            "le 01/06/2026 (Début)",
        ):
            self.suspend(date(2026, 5, 31), date(2026, 6, 10), employee=employee)
        self.suspend(date(2026, 6, 1), date(2026, 6, 10), employee=employee)

    def test_rule9_backdating_is_counted_from_the_declaration_day(self):
        """itou/approvals/models.py, Suspension.MAX_RETROACTIVITY_DURATION_DAYS = 365,
        counted from the referent date (the creation day), in next_min_start_at."""
        employee = self.make_employee("Antidatée", pass_iae_start=date(2024, 1, 1))
        self.make_contract(employee, date_start=date(2024, 1, 8), date_end=date(2024, 7, 7))
        with self.assertRefused(
            ValidationError,
            "antidatée de 365 jours au plus : elle ne peut pas commencer avant le 15/06/2025",
        ):
            self.suspend(date(2025, 6, 14), date(2025, 7, 1), employee=employee)
        suspension = self.suspend(date(2025, 6, 15), date(2025, 7, 1), employee=employee)
        with freeze_time("2026-07-01"):  # an edit later counts from the declaration
            suspension.date_end = date(2025, 7, 2)
        self.assertEqual(suspension.declared_on, TODAY)

    # --- 10. a PASS in progress today -------------------------------------------------------
    def test_rule10_only_a_pass_in_progress_today_is_suspended(self):
        """itou/approvals/models.py, Approval.can_be_suspended: "return self.is_in_progress
        and not self.is_suspended", is_in_progress: start_at <= today <= end_at."""
        sides = [
            ({"pass_iae_end": TODAY}, True),  # ends today
            ({"pass_iae_end": TODAY - timedelta(days=1)}, False),  # expired yesterday
            ({"pass_iae_end": TODAY - timedelta(days=71)}, False),  # the case
            ({"pass_iae_start": TODAY}, True),  # starts today
            ({"pass_iae_start": TODAY + timedelta(days=1)}, False),  # starts tomorrow
        ]
        for values, allowed in sides:
            with self.subTest(values=values):
                employee = self.make_employee(f"En cours {values}", **values)
                start = min(TODAY, values.get("pass_iae_end", TODAY)) - timedelta(days=1)
                start = max(start, values.get("pass_iae_start", start))
                if allowed:
                    self.suspend(start, start + timedelta(days=5), employee=employee)
                    continue
                with self.assertRefused(
                    ValidationError,
                    "Seul un PASS IAE en cours aujourd'hui, et pas déjà suspendu, peut être "
                    "suspendu",
                ):
                    self.suspend(start, start + timedelta(days=5), employee=employee)

    def test_rule10_a_suspended_pass_is_not_suspended_again(self):
        """itou/approvals/models.py, Approval.can_be_suspended: "and not
        self.is_suspended"."""
        self.suspend(date(2026, 6, 10), date(2026, 6, 30))
        with self.assertRefused(ValidationError, "(Statut du PASS IAE : Suspendu)"):
            self.suspend(date(2026, 7, 1), date(2026, 7, 5))

    # --- 11. lifting on the first day -------------------------------------------------------
    def test_rule11_lifting_a_suspension_on_its_first_day_deletes_it(self):
        """itou/approvals/models.py, Approval.unsuspend: "if active_suspension.start_at ==
        hiring_start_at: active_suspension.delete()", else end_at = hiring_start_at - 1
        day."""
        today = self.suspend(TODAY, TODAY + timedelta(days=60))
        today.action_lift()
        self.assertFalse(today.exists())
        employee = self.employee.with_user(self.counsellor)
        self.assertEqual((employee.pass_iae_state, employee.pass_iae_end), ("valid", END))
        with freeze_time("2026-06-16"):  # the next one, lifted the day after it starts
            kept = self.suspend(TODAY + timedelta(days=1), TODAY + timedelta(days=60))
        with freeze_time("2026-06-17"):
            kept.action_lift()
            self.assertEqual((kept.date_end, kept.days), (TODAY + timedelta(days=1), 0))
            self.assertEqual(employee.pass_iae_state, "valid")

    # --- the former reasons, on imported data only -------------------------------------------
    def test_former_reasons_are_accepted_on_imported_data_only(self):
        """itou/approvals/models.py, Suspension.Reason: "Old reasons kept for history"
        (SICKNESS, MATERNITY, INCARCERATION, TRIAL_OUTSIDE_IAE, DETOXIFICATION,
        FORCE_MAJEURE), hidden by displayed_choices_for_siae; itou/approvals/enums.py,
        ProlongationReason.HEALTH_CONTEXT: "Since December 1, 2021, health context reason
        can no longer be used"."""
        with self.assertRefused(ValidationError, "gardé que pour l'historique importé"):
            self.suspend(date(2026, 6, 1), date(2026, 6, 10), reason="sickness")
        with self.assertRefused(UserError, "ne changent que par ses boutons"):
            self.suspend(date(2026, 6, 1), date(2026, 6, 10), reason="sickness", imported=True)
        with self.assertRefused(ValidationError, "gardé que pour l'historique importé"):
            self.prolong(END + timedelta(days=30), "health_context")
        history = self.env["insertion.pass.suspension"].create(
            {
                "employee_id": self.employee.id,
                "date_start": date(2025, 2, 1),  # more than a year ago
                "date_end": date(2025, 3, 1),
                "reason": "force_majeure",
                "explanation": "Incendie du logement",
                "imported": True,
            }
        )
        self.assertEqual(history.days, 28)
        with self.assertRefused(UserError, "ancien motif ne peut pas être levée"):
            history.with_user(self.counsellor).action_lift()
        old = self.env["insertion.pass.prolongation"].create(
            {
                "employee_id": self.employee.id,
                "date_end": END + timedelta(days=28 + 90),
                "reason": "health_context",
                "imported": True,
            }
        )
        self.assertEqual(old.state, "granted")
        self.assertEqual(self.pass_end(), END + timedelta(days=28 + 90))

    def test_the_prolongation_form_shows_the_prescribers_step_in_french(self):
        """The counsellor asks and records the prescriber's answer from the form; a partner
        is flagged as an authorised prescriber on its own form."""
        arch = (
            self.env["insertion.pass.prolongation"]
            .with_user(self.counsellor)
            .get_view(view_type="form")["arch"]
        )
        for label in (
            "Demander au prescripteur",
            "Accordée par le prescripteur",
            "Refusée par le prescripteur",
            'name="granted_by_id"',
            'name="granted_on"',
        ):
            with self.subTest(label=label):
                self.assertIn(label, arch)
        partner_arch = self.env["res.partner"].get_view(view_type="form")["arch"]
        self.assertIn('name="is_authorized_prescriber"', partner_arch)
