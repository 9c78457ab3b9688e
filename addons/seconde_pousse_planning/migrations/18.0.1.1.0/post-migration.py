# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.1.0: the hours are recorded once, per person and task (farm.intervention.hours),
and a person's monthly hours point to their farm job with a Many2one (assignment_id).

Each assignment's hours done become hours on the intervention's tasks: all of them on the
task when there is one, shared in proportion to the tasks' hours done (or planned) when
there are several. The tasks of interventions still open take the team's sum, with a note
in their chatter where it changes; reviewed and invoiced ones keep what was signed and
invoiced."""

from odoo import SUPERUSER_ID, api

LOCKED = ("reviewed", "invoiced", "cancelled")


def _shares(hours, lines):
    weights = [line.done_hours or line.planned_hours or 1.0 for line in lines]
    total = sum(weights)
    shares = [round(hours * weight / total, 2) for weight in weights[:-1]]
    return [*shares, round(hours - sum(shares), 2)]


def migrate(cr, version):
    # the hours of a farm job point to it with a Many2one, no longer a Reference
    cr.execute(
        """UPDATE insertion_work_hours
              SET assignment_id = split_part(source, ',', 2)::int, source = NULL
            WHERE source LIKE 'farm.intervention.assignment,%'"""
    )
    env = api.Environment(cr, SUPERUSER_ID, {})
    # the chatter notes in the language of the people reading them
    env = env(context={"lang": env.ref("base.user_admin").lang})
    assignments = (
        env["farm.intervention.assignment"]
        .with_context(active_test=False)
        .search([("done_hours", ">", 0), ("hours_ids", "=", False)])
    )
    rows = []
    for assignment in assignments:
        lines = assignment.intervention_id.line_ids
        if not lines:
            continue
        for line, share in zip(lines, _shares(assignment.done_hours, lines), strict=True):
            rows.append((assignment.id, line.id, share))
    if not rows:
        return
    cr.execute(
        """INSERT INTO farm_intervention_hours
                (assignment_id, line_id, intervention_id, employee_id, company_id, hours,
                 create_uid, write_uid, create_date, write_date)
           SELECT v.assignment_id, v.line_id, a.intervention_id, a.employee_id, a.company_id,
                  v.hours, %s, %s, now() at time zone 'UTC', now() at time zone 'UTC'
             FROM (VALUES """
        + ", ".join(["(%s, %s, %s)"] * len(rows))
        + """) AS v(assignment_id, line_id, hours)
             JOIN farm_intervention_assignment a ON a.id = v.assignment_id
           RETURNING line_id""",
        [SUPERUSER_ID, SUPERUSER_ID, *[value for row in rows for value in row]],
    )
    line_ids = sorted({row[0] for row in cr.fetchall()})
    env.invalidate_all()
    lines = env["farm.intervention.line"].browse(line_ids)
    cr.execute(
        "UPDATE farm_intervention_line SET from_team = TRUE WHERE id IN %s", [tuple(line_ids)]
    )
    _follow_team(env, lines.filtered(lambda line: line.intervention_id.state not in LOCKED))
    assignments._sync_work_hours()


def _follow_team(env, lines):
    before = {line.id: line.done_hours for line in lines}
    env.add_to_compute(lines._fields["done_hours"], lines)
    lines.flush_recordset()
    for line in lines:
        if abs(before[line.id] - line.done_hours) >= 0.005:
            line.intervention_id.message_post(
                body=env._(
                    "%(task)s: %(before)s h done become %(after)s h, the sum of the team's hours.",
                    task=line.task_type_id.display_name,
                    before=before[line.id],
                    after=line.done_hours,
                )
            )
