# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The monthly ASP statement in the bench: an annexe funding N employees, each with
the month's hours and a training, prepared (its lines rebuilt) and exported.

Run by bench/run.py at 6 and 60 employees (the programme's size, and ten times it).
"""

from datetime import date

MONTH = date(2025, 3, 1)


class StatementWorld:
    def __init__(self, env, size):
        self.env = env
        annex = env["insertion.financial.annex"].create(
            {
                "department": "013",
                "year": 2025,
                "structure_number": f"{size:04d}",
                "date_start": date(2025, 1, 1),
                "date_end": date(2025, 12, 31),
                "funded_fte": size * 0.7,
            }
        )
        employees = env["hr.employee"].create(
            [
                {
                    "name": f"Salarié bench {size}-{n}",
                    "is_insertion_employee": True,
                    "pass_iae_number": f"99999{n:07d}",
                    "pass_iae_start": date(2025, 1, 1),
                    "pass_iae_end": date(2026, 12, 31),
                }
                for n in range(size)
            ]
        )
        cddi = env.ref("seconde_pousse_insertion.contract_type_cddi")
        env["hr.contract"].create(
            [
                {
                    "name": f"CDDI {employee.name}",
                    "employee_id": employee.id,
                    "contract_type_id": cddi.id,
                    "date_start": date(2025, 1, 6),
                    "date_end": date(2025, 12, 31),
                    "wage": 1500.0,
                    "state": "open",
                    "financial_annex_id": annex.id,
                }
                for employee in employees
            ]
        )
        pathways = env["insertion.pathway"].create(
            [
                {"employee_id": employee.id, "date_start": date(2025, 1, 6), "stage": "pathway"}
                for employee in employees
            ]
        )
        env["insertion.work.hours"].create(
            [{"employee_id": employee.id, "month": MONTH, "hours": 100} for employee in employees]
        )
        env["insertion.action"].create(
            [
                {
                    "name": "Formation CACES",
                    "pathway_id": pathway.id,
                    "action_type": "training",
                    "date": date(2025, 3, 12),
                    "duration": 7,
                }
                for pathway in pathways
            ]
        )
        self.statement = env["insertion.asp.statement"].create(
            {"annex_id": annex.id, "month": MONTH}
        )
        assert len(self.statement.line_ids) == size

    def prepare(self):
        self.statement._refresh_lines()
        self.statement.read(["hours_total", "problem_count"])

    def export(self):
        self.statement._asp_export_csv()
        self.statement._asp_export_xlsx()


def run(env, size, measure):
    """{scenario: (queries, seconds, promised flat)} for `size` employees."""
    world = StatementWorld(env, size)
    return {
        "ASP statement, prepare": (*measure(env, world.prepare), True),
        "ASP statement, export": (*measure(env, world.export), True),
    }
