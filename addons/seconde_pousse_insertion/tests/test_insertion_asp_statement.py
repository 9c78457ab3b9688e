# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The monthly statement to the ASP: its lines read from the hours, actions and
pathways, the problems that stop its declaration, the version kept as declared and its
correction, the files for the Extranet IAE, and totals equal to the indicators'."""

import csv
import io
from base64 import b64decode
from datetime import date

import openpyxl

from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged

from .common import InsertionCommon

MARCH = date(2025, 3, 1)
STATEMENT_QUERIES = 13  # to prepare a statement: the same for 4 employees and for 24


@tagged("post_install", "-at_install")
class TestAspStatement(InsertionCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="fr_FR"))
        cls.link_annex_2025()
        cls.sofia = cls.make_employee("Sofia Martins")
        cls.make_contract(
            cls.sofia,
            date_start=date(2025, 3, 10),
            date_end=date(2025, 9, 30),
            financial_annex_id=cls.annex.id,
        )
        cls.make_pathway(cls.sofia, date(2025, 3, 10), stage="pathway")
        cls.hours(cls.employee, 100)
        cls.hours(cls.sofia, 60.5)
        cls.action(cls.pathway, "training", date(2025, 3, 12), 7)
        cls.action(cls.pathway, "pmsmp", date(2025, 3, 20), 14)
        cls.action(cls.pathway, "training", date(2025, 4, 2), 3)  # another month

    @classmethod
    def hours(cls, employee, hours, month=MARCH):
        cls.env["insertion.work.hours"].create(
            {"employee_id": employee.id, "month": month, "hours": hours}
        )

    @classmethod
    def action(cls, pathway, action_type, day, duration):
        placement = action_type == "pmsmp" and {
            "host_company_id": cls.env["res.partner"].create({"name": "Ferme des Iscles"}).id,
            "placement_start": day,
            "placement_end": day,
        }
        cls.env["insertion.action"].create(
            {
                "name": "Action",
                "pathway_id": pathway.id,
                "action_type": action_type,
                "date": day,
                "duration": duration,
                **(placement or {}),
            }
        )

    def short(self):
        """A contract of less than 4 months, under its derogation, funded by the annexe."""
        return {
            "cddi_short_derogation": "justice",
            "cddi_derogation_reason": "Aménagement de peine",
            "financial_annex_id": self.annex.id,
        }

    def statement(self, month=MARCH):
        return (
            self.env["insertion.asp.statement"]
            .with_user(self.counsellor)
            .create({"annex_id": self.annex.id, "month": month})
        )

    def test_one_line_per_funded_employee(self):
        statement = self.statement(date(2025, 3, 17))
        self.assertEqual(statement.month, MARCH)
        self.assertEqual(statement.name, "ACI013250042A0M0 – mars 2025 – version 1")
        karim, sofia = statement.line_ids.sorted("employee_name")
        self.assertEqual(
            (karim.hours_worked, karim.training_hours, karim.pmsmp_hours, karim.entry_date),
            (100, 7, 14, date(2025, 1, 6)),
        )
        self.assertAlmostEqual(karim.contract_hours, 26 * 52 / 12, places=2)
        self.assertFalse(karim.entered_in_month or karim.exit_date or karim.problems)
        self.assertTrue(sofia.entered_in_month)
        self.assertAlmostEqual(sofia.contract_hours, 26 * 52 / 12 * 22 / 31, places=2)
        self.assertEqual(karim.pass_iae_number, "999992512345")
        self.assertEqual((statement.employee_count, statement.entry_count), (2, 1))

    def test_totals_equal_the_indicators_of_the_month(self):
        exited = self.make_employee("Julie Roux")
        self.make_contract(exited, date_end=date(2025, 3, 21), **self.short())
        self.make_pathway(
            exited,
            date(2025, 1, 6),
            date_end=date(2025, 3, 21),
            stage="exit",
            exit_date=date(2025, 3, 21),
            exit_category="durable_job",
        )
        self.hours(exited, 80)
        statement = self.statement()
        wizard = self.env["insertion.indicator.wizard"].create(
            {"date_from": MARCH, "date_to": date(2025, 3, 31)}
        )
        self.assertEqual(statement.hours_total, 240.5)
        self.assertEqual(statement.hours_total, wizard.hours_total)
        self.assertEqual(statement.training_hours_total, wizard.training_hours)
        self.assertEqual(statement.exit_count, wizard.exit_count)
        self.assertEqual(statement.employee_count, wizard.employee_count)
        line = statement.line_ids.filtered(lambda line: line.employee_id == exited)
        self.assertEqual((line.exit_date, line.exit_category), (date(2025, 3, 21), "durable_job"))

    def test_every_problem_listed_before_declaring(self):
        no_pass, expired, above, left = (
            self.make_employee(name)
            for name in ("Aucun Pass", "Pass Expiré", "Trop Dheures", "Sortie Seule")
        )
        for employee in (no_pass, expired, above):
            self.make_contract(employee, financial_annex_id=self.annex.id)
        self.make_contract(left, date_end=date(2025, 3, 14), **self.short())
        no_pass.sudo().pass_iae_number = False
        expired.sudo().pass_iae_end = date(2025, 2, 28)
        self.hours(above, 125)  # 112.67 h and a tenth more: 123.93 h
        statement = self.statement()
        problems = {line.employee_name: line.problems for line in statement.line_ids}
        self.assertEqual(problems["Aucun Pass"], "aucun PASS IAE (numéro, début et fin)")
        self.assertEqual(problems["Pass Expiré"], "PASS IAE expiré le 28/02/2025")
        self.assertEqual(
            problems["Trop Dheures"],
            "125,00 heures travaillées, au-delà des 112,67 heures du contrat et de ses heures "
            "complémentaires (un dixième de plus)",
        )
        self.assertEqual(
            problems["Sortie Seule"], "sortie le 14/03/2025 sans catégorie sur le parcours"
        )
        self.assertFalse(problems["Karim Benali"])
        self.assertEqual(statement.problem_count, 4)
        with self.assertRefused(
            UserError, "Résolvez ces problèmes avant de déclarer le relevé"
        ) as caught:
            statement.action_declare()
        for name in ("Aucun Pass", "Pass Expiré", "Trop Dheures", "Sortie Seule"):
            self.assertIn(f"• {name}: ", str(caught.exception))
        self.assertEqual(statement.state, "draft")

    def test_a_pass_that_ends_within_the_month(self):
        self.employee.sudo().pass_iae_end = date(2025, 3, 15)
        line = self.statement().line_ids.filtered(lambda line: line.employee_id == self.employee)
        self.assertEqual(
            line.problems,
            "le PASS IAE (01/01/2025 au 15/03/2025) ne couvre pas le mois travaillé, "
            "01/03/2025 au 31/03/2025",
        )

    def test_declared_is_kept_and_corrected_by_a_new_version(self):
        first = self.statement()
        first.action_declare()
        self.assertEqual((first.state, first.declared_by_id), ("declared", self.counsellor))
        line = first.line_ids[0]
        for attempt in (
            lambda: line.write({"hours_worked": 1}),
            lambda: first.write({"month": date(2025, 4, 1)}),
            lambda: first.line_ids.unlink(),
            lambda: first.unlink(),
            first.action_refresh,
        ):
            with self.assertRefused(UserError, "et reste tel que déclaré"):
                attempt()
        self.hours(self.employee, 4.5)  # hours entered late
        action = first.action_correct()
        second = first.browse(action["res_id"])
        self.assertEqual((second.version, second.previous_id, second.state), (2, first, "draft"))
        self.assertEqual(second.hours_total, 165)
        with self.assertRefused(UserError, "est en préparation"):
            self.statement()
        second.action_declare()
        self.assertEqual((first.state, second.state), ("superseded", "declared"))
        self.assertEqual(first.hours_total, 160.5)
        with self.assertRefused(UserError, "Seule la dernière version déclarée"):
            first.action_correct()

    def test_a_line_never_moves_onto_a_declared_statement(self):
        """The lock is the target statement's too: a line of a draft statement does not
        join a declared one."""
        declared = self.statement()
        declared.action_declare()
        kept = declared.line_ids
        draft = self.statement(date(2025, 4, 1))
        line = draft.line_ids[0].with_user(self.counsellor)
        with self.assertRefused(UserError, "et reste tel que déclaré"):
            line.write({"statement_id": declared.id})
        with self.assertRefused(UserError, "et reste tel que déclaré"):
            line.copy({"statement_id": declared.id})
        self.assertEqual((line.statement_id, declared.line_ids), (draft, kept))

    def test_the_declaration_is_never_forged(self):
        for attempt in (
            lambda: self.statement().write({"state": "declared"}),
            lambda: (
                self.env["insertion.asp.statement"]
                .with_user(self.counsellor)
                .create({"annex_id": self.annex.id, "month": MARCH, "version": 7})
            ),
        ):
            with self.assertRefused(UserError, "sont fixés en le déclarant"):
                attempt()

    def test_a_month_is_declared_once_over(self):
        self.annex.date_end = date.today().replace(month=12, day=31)
        statement = self.statement(date.today())
        with self.assertRefused(UserError, "n'est pas terminé"):
            statement.action_declare()

    def test_the_month_lies_within_the_annexe(self):
        with self.assertRefused(UserError, "Mois : l'annexe ACI013250042A0M0 court du 01/01/2025"):
            self.statement(date(2026, 1, 1))

    def test_files_for_the_extranet(self):
        statement = self.statement()
        action = statement.action_export_csv()
        attachment = self.env["ir.attachment"].browse(int(action["url"].split("/")[3][:-14]))
        self.assertEqual(attachment.name, "releve_asp_ACI013250042A0M0_2025-03_v1.csv")
        text = b64decode(attachment.datas).decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text), delimiter=";"))
        self.assertEqual(
            rows[0][:4], ["Annexe financière", "Mois", "Salarié", "Numéro de PASS IAE"]
        )
        self.assertIn(
            [
                "ACI013250042A0M0",
                "03/2025",
                "Karim Benali",
                "999992512345",
                "06/01/2025",
                "",
                "",
                "100,00",
                "7,00",
                "14,00",
            ],
            rows,
        )
        action = statement.action_export_xlsx()
        attachment = self.env["ir.attachment"].search(
            [("res_model", "=", statement._name), ("name", "like", ".xlsx")]
        )
        sheet = openpyxl.load_workbook(io.BytesIO(b64decode(attachment.datas))).active
        values = list(sheet.values)
        self.assertEqual(values[-1][0], "Total")
        self.assertEqual(values[-1][7], statement.hours_total)
        log = self.env["insertion.access.log"].search([], limit=2)
        self.assertEqual(set(log.mapped("user_id")), {self.counsellor})
        self.assertIn("releve_asp_ACI013250042A0M0_2025-03_v1.xlsx", log[0].what)

    def test_preparing_takes_the_same_queries_for_ten_times_the_staff(self):
        statement, counts = self.statement(), []
        for size in (2, 20):
            employees = self.env["hr.employee"].create(
                [
                    {
                        "name": f"Équipe {size}-{n}",
                        "is_insertion_employee": True,
                        "pass_iae_number": f"9999{size:02d}{n:06d}",
                        "pass_iae_start": date(2025, 1, 1),
                        "pass_iae_end": date(2026, 12, 31),
                    }
                    for n in range(size)
                ]
            )
            for employee in employees:
                self.make_contract(employee, financial_annex_id=self.annex.id)
                self.hours(employee, 90)
            statement._refresh_lines()  # warm the caches, as a running server has them
            statement.line_ids.unlink()
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            with self.assertQueryCount(STATEMENT_QUERIES):
                statement._refresh_lines()
                statement.read(["hours_total", "problem_count"])
            counts.append(self.env.cr.sql_log_count - before)
            self.assertEqual(statement.employee_count, size + (2 if size == 2 else 4))
        self.assertEqual(counts, [STATEMENT_QUERIES] * 2)
