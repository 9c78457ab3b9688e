# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The recurring series in the bench: a weekly request of 15 weeks and one of 150
(about three years, the longest a request runs), planned on their rolling horizon (8
weeks ahead). Both plan the same weeks: cost and memory must not follow the series'
length.

Run by bench/run.py beside the farm jobs' scenarios.
"""

import tracemalloc
from datetime import date, timedelta

START = date(2031, 1, 6)  # a Monday, later than any other bench data


class SeriesWorld:
    def __init__(self, env, weeks):
        self.env, self.weeks, self.plans = env, weeks, 0
        self.farm = env["res.partner"].create(
            {"name": f"Ferme série {weeks}", "is_farm": True, "is_company": True}
        )
        self.task_type = env["farm.task.type"].search([], limit=1)

    def new_request(self):
        self.plans += 1
        request = self.env["farm.intervention.request"].create(
            {
                "partner_id": self.farm.id,
                "description": "Désherbage hebdomadaire",
                "task_type_ids": [(6, 0, self.task_type.ids)],
                "date_from": START,
                "date_to": START + timedelta(weeks=self.weeks),
                "recurrence": "recurring",
                "frequency": "weekly",
            }
        )
        request.action_accept()
        return request

    def plan(self):
        self.new_request().action_create_interventions()


def run(env, weeks, measure):
    """{scenario: (queries, seconds, promised flat)}, and the peak memory of a planning."""
    world = SeriesWorld(env, weeks)
    result = {"recurring series, plan 8 weeks": (*measure(env, world.plan), True)}
    tracemalloc.start()
    world.plan()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return result, peak
