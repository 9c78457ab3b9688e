# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The ASP statement's rules pinned at their edges: the hours worked checked against the
contract's hours and a tenth more, on each side of that limit; a declared statement and
a corrected (superseded) one locked against a write of each of their fields and of each
field of their lines; and every identifier the retention job clears gone from the
employee and from the lines of every statement, declared or not."""

from datetime import date

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged

from ..models.insertion_pathway_retention import IDENTIFIER_FIELDS
from .common import InsertionCommon

MARCH = date(2025, 3, 1)
KEPT = "et reste tel que déclaré"
MAGIC_FIELDS = {"id", "create_uid", "create_date", "write_uid", "write_date", "display_name"}
ABOVE = "au-delà des 112,67 heures du contrat et de ses heures complémentaires"


def other_value(record, name):
    """A value of field name different from the record's, of the field's type."""
    field, value = record._fields[name], record[name]
    if field.type == "many2one":
        return record.env[field.comodel_name].search([("id", "!=", value.id)], limit=1).id
    if field.type == "date":
        return fields.Date.add(value or MARCH, days=1)
    if field.type == "boolean":
        return not value
    if field.type == "selection":
        options = [key for key, __ in field._description_selection(record.env)]
        return next(key for key in options if key != value)
    if field.type in ("float", "integer"):
        return (value or 0) + 1
    return f"{value or ''}X"


def own_fields(model):
    """The stored fields a user could write: neither computed nor the ORM's nor the
    chatter's."""
    return sorted(
        name
        for name, field in model._fields.items()
        if field.store
        and not field.compute
        and not field.related
        and name not in MAGIC_FIELDS
        and not name.startswith(("message_", "activity_", "website_message", "rating_"))
    )


class StatementCase(InsertionCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="fr_FR"))
        cls.link_annex_2025()

    @classmethod
    def hours(cls, employee, hours, month=MARCH):
        cls.env["insertion.work.hours"].create(
            {"employee_id": employee.id, "month": month, "hours": hours}
        )

    def statement(self, month=MARCH):
        return (
            self.env["insertion.asp.statement"]
            .with_user(self.counsellor)
            .create({"annex_id": self.annex.id, "month": month})
        )


@tagged("post_install", "-at_install")
class TestAspHoursEdge(StatementCase):
    """26 hours a week: 112.67 hours in March, 123.94 with the tenth more."""

    def problems_at(self, hours):
        self.hours(self.employee, hours)
        (line,) = self.statement().line_ids
        self.assertAlmostEqual(line.contract_hours, 26 * 52 / 12, places=2)
        return line.problems or ""

    def test_the_contract_s_hours_are_allowed(self):
        self.assertEqual(self.problems_at(112.67), "")

    def test_hours_within_the_tenth_more_are_allowed(self):
        self.assertEqual(self.problems_at(118.5), "")

    def test_the_last_hundredth_of_the_tenth_more_is_allowed(self):
        # 112.67 (kept to the hundredth) and a tenth more: 123.937, 123.94 to the hundredth
        self.assertEqual(self.problems_at(123.94), "")

    def test_a_hundredth_above_the_tenth_more_is_a_problem(self):
        self.assertIn(f"123,95 heures travaillées, {ABOVE}", self.problems_at(123.95))

    def hours_on_28_hours_a_week(self, hours):
        """121.33 hours in March, 133.463 with the tenth more: 133.46 to the hundredth (to
        the tenth, 133.5 would let 133.47 through)."""
        calendar = self.env["resource.calendar"].create(
            {
                "name": "28 h test",
                "attendance_ids": [
                    fields.Command.create(
                        {
                            "name": f"Jour {day}",
                            "dayofweek": str(day),
                            "hour_from": 8.0,
                            "hour_to": 15.0,
                            "day_period": "morning",
                        }
                    )
                    for day in range(4)
                ],
            }
        )
        employee = self.make_employee("Salariée Vingt-huit")
        self.make_contract(
            employee, resource_calendar_id=calendar.id, financial_annex_id=self.annex.id
        )
        self.hours(employee, hours)
        line = self.statement().line_ids.filtered(lambda line: line.employee_id == employee)
        self.assertAlmostEqual(line.contract_hours, 121.33, places=2)
        return line.problems or ""

    def test_hours_are_checked_to_the_hundredth_not_the_tenth(self):
        self.assertEqual(self.hours_on_28_hours_a_week(133.46), "")

    def test_a_hundredth_above_is_a_problem_on_28_hours_a_week(self):
        self.assertIn("133,47 heures travaillées", self.hours_on_28_hours_a_week(133.47))

    def test_a_tenth_above_the_tenth_more_is_a_problem(self):
        self.assertIn(f"124,00 heures travaillées, {ABOVE}", self.problems_at(124.0))


@tagged("post_install", "-at_install")
class TestAspLocks(StatementCase):
    """Both locks: the version declared, and the one it corrected (superseded)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.hours(cls.employee, 100)
        cls.other_annex = cls.annex.copy({"structure_number": "0043"})
        cls.other_employee = cls.make_employee("Autre Salarié")
        statements = cls.env["insertion.asp.statement"].with_user(cls.counsellor)
        cls.superseded = statements.create({"annex_id": cls.annex.id, "month": MARCH})
        cls.superseded.action_declare()
        cls.declared = statements.browse(cls.superseded.action_correct()["res_id"])
        cls.declared.action_declare()
        cls.draft = statements.create({"annex_id": cls.annex.id, "month": date(2025, 4, 1)})

    def locked(self):
        self.assertEqual((self.superseded.state, self.declared.state), ("superseded", "declared"))
        return {"declared": self.declared, "superseded": self.superseded}

    def assertKept(self, attempt, *args):
        with self.assertRaises(UserError) as caught:
            attempt(*args)
        self.assertIn(KEPT, str(caught.exception))

    def test_each_field_of_a_locked_statement(self):
        names = own_fields(self.declared)
        self.assertEqual(
            set(names) & {"annex_id", "month", "line_ids"}, {"annex_id", "month", "line_ids"}
        )
        for lock, statement in self.locked().items():
            for name in names:
                if name in ("state", "version", "previous_id", "declared_on", "declared_by_id"):
                    continue  # set by declaring: refused to anyone but the declaration
                for env_name, target in (("user", statement), ("superuser", statement.sudo())):
                    with self.subTest(lock=lock, field=name, env=env_name):
                        if name == "line_ids":
                            value = [fields.Command.unlink(statement.line_ids[0].id)]
                        else:
                            value = other_value(target, name)
                        self.assertKept(target.write, {name: value})
            self.assertEqual(len(statement.line_ids), 1)

    def test_each_field_of_a_line_of_a_locked_statement(self):
        Line = self.env["insertion.asp.statement.line"]
        names = [name for name in own_fields(Line) if name != "statement_id"]
        self.assertIn("hours_worked", names)
        self.assertIn("pass_iae_number", names)
        for lock, statement in self.locked().items():
            line = statement.line_ids.with_user(self.counsellor)
            before = line.sudo().read(names)
            for name in names:
                with self.subTest(lock=lock, field=name):
                    vals = {name: other_value(line, name)}
                    self.assertKept(line.write, vals)
                    if name != "pass_iae_number":  # the anonymisation's own change
                        self.assertKept(line.sudo().write, vals)
            # the superuser may only clear the PASS number (anonymisation), never set one
            self.assertKept(line.sudo().write, {"pass_iae_number": "999990000000"})
            self.assertEqual(line.sudo().read(names), before)

    def test_lines_neither_added_moved_nor_removed(self):
        Line = self.env["insertion.asp.statement.line"].with_user(self.counsellor)
        for lock, statement in self.locked().items():
            with self.subTest(lock=lock):
                self.assertKept(
                    Line.create,
                    {
                        "statement_id": statement.id,
                        "employee_id": self.other_employee.id,
                        "employee_name": "Autre Salarié",
                    },
                )
                self.assertKept(statement.line_ids.with_user(self.counsellor).unlink)
                self.assertKept(
                    self.draft.line_ids.with_user(self.counsellor).write,
                    {"statement_id": statement.id},
                )
                self.assertKept(statement.with_user(self.counsellor).unlink)
                self.assertKept(statement.action_refresh)
                self.assertKept(statement.action_declare)
                self.assertEqual(len(statement.line_ids), 1)

    def test_only_the_last_declared_version_is_corrected(self):
        with self.assertRaises(UserError) as caught:
            self.superseded.action_correct()
        self.assertIn("Seule la dernière version déclarée", str(caught.exception))

    def test_a_draft_is_not_locked(self):
        self.draft.line_ids.write({"hours_worked": 12})
        self.assertEqual(self.draft.line_ids.hours_worked, 12)


@tagged("post_install", "-at_install")
class TestAnonymisedStatementLines(StatementCase):
    """Every identifier the retention job clears (IDENTIFIER_FIELDS) is gone from the
    employee, and from the lines of the declared, superseded and draft statements."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        identifiers = {
            "pass_iae_number": "999992300001",
            "identification_id": "2870513055123",
            "ssnid": "287051305512345",
            "passport_id": "19AB12345",
            "permit_no": "9913001234",
            "visa_no": "VISA12345",
        }
        cls.identifiers = identifiers
        cls.former = cls.make_employee(
            "Ancienne Salariée",
            pass_iae_start=date(2024, 9, 1),
            pass_iae_end=date(2026, 8, 31),
            **identifiers,
        )
        cls.make_contract(
            cls.former,
            date_start=date(2025, 1, 6),
            date_end=date(2025, 6, 30),
            financial_annex_id=cls.annex.id,
        )
        cls.old = cls.make_pathway(cls.former, date(2025, 1, 6), stage="pathway")
        for month in (MARCH, date(2025, 4, 1)):
            cls.hours(cls.former, 90, month)
        statements = cls.env["insertion.asp.statement"].with_user(cls.counsellor)
        cls.superseded = statements.create({"annex_id": cls.annex.id, "month": MARCH})
        cls.superseded.action_declare()
        cls.declared = statements.browse(cls.superseded.action_correct()["res_id"])
        cls.declared.action_declare()
        cls.draft = statements.create({"annex_id": cls.annex.id, "month": date(2025, 4, 1)})
        cls.old.write(
            {
                "stage": "exit",
                "date_end": date(2025, 6, 30),
                "exit_date": date(2025, 6, 30),
                "exit_category": "durable_job",
            }
        )

    def lines(self):
        return (
            (self.superseded | self.declared | self.draft)
            .sudo()
            .line_ids.filtered(lambda line: line.employee_id == self.former)
        )

    def anonymise(self):
        with freeze_time("2027-07-01"):  # 24 months after the exit of 30 June 2025
            self.env["insertion.retention.policy"]._cron_retention()
        self.env.invalidate_all()

    def test_every_identifier_is_set_before(self):
        self.assertEqual(set(self.identifiers), set(IDENTIFIER_FIELDS))
        self.assertEqual(
            self.former.sudo().read(IDENTIFIER_FIELDS)[0],
            {"id": self.former.id, **self.identifiers},
        )
        self.assertEqual(len(self.lines()), 3)
        self.assertEqual(set(self.lines().mapped("pass_iae_number")), {"999992300001"})

    def test_each_identifier_is_cleared_from_the_employee(self):
        self.anonymise()
        self.assertIn("identifiers", self.old.anonymised_categories)
        former = self.former.sudo()
        for name in IDENTIFIER_FIELDS:
            with self.subTest(field=name):
                self.assertFalse(former[name])

    def test_each_identifier_is_cleared_from_every_statement_line(self):
        Line = self.env["insertion.asp.statement.line"]
        on_lines = [name for name in IDENTIFIER_FIELDS if name in Line._fields]
        self.assertEqual(on_lines, ["pass_iae_number"])
        hours = self.lines().mapped("hours_worked")
        self.anonymise()
        lines = self.lines()
        self.assertEqual(len(lines), 3)
        for line in lines:
            for name in on_lines:
                with self.subTest(statement=line.statement_id.state, field=name):
                    self.assertFalse(line[name])
        # the figures declared stay, and so do the declarations
        self.assertEqual(lines.mapped("hours_worked"), hours)
        self.assertEqual(
            (self.superseded.state, self.declared.state, self.draft.state),
            ("superseded", "declared", "draft"),
        )

    def test_the_files_of_a_declared_statement_no_longer_carry_the_number(self):
        self.assertIn("999992300001", self.declared.sudo()._asp_export_csv().decode("utf-8-sig"))
        self.anonymise()
        for statement in (self.superseded, self.declared, self.draft):
            with self.subTest(state=statement.state):
                text = statement.sudo()._asp_export_csv().decode("utf-8-sig")
                self.assertIn("Ancienne Salariée", text)
                self.assertNotIn("999992300001", text)
