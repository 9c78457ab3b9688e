from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tools import SQL

from odoo.addons.seconde_pousse_base.models.roles import SUPERVISOR

from ..models.farm_intervention_assignment import CALENDAR_WEEK_HOURS

ROTATION_MONTHS = 12

# The models the facts query reads.
FACT_MODELS = (
    "hr.contract",
    "resource.calendar",
    "resource.calendar.attendance",
    "farm.intervention.assignment",
    "farm.intervention.line",
    "hr.leave",
)


class FarmTeamBuilder(models.TransientModel):
    """Proposes a supervisor and N workers for an intervention, ranked by availability,
    licences and learning goals, with the reason for each choice; the supervisor confirms
    or edits. A fixed number of queries whatever the number of people and the history."""

    _name = "farm.team.builder"
    _description = "Team builder"

    intervention_id = fields.Many2one("farm.intervention", required=True, ondelete="cascade")
    date_start = fields.Datetime(related="intervention_id.date_start")
    date_end = fields.Datetime(related="intervention_id.date_end")
    worker_count = fields.Integer(
        "Workers wanted",
        default=lambda self: self._default_worker_count(),
        help="Insertion employees to propose, besides the supervisor.",
    )
    line_ids = fields.One2many("farm.team.builder.line", "builder_id", string="Proposal")

    @api.model
    def _default_worker_count(self):
        intervention = self.env["farm.intervention"].browse(
            self.env.context.get("default_intervention_id")
        )
        return max((intervention.team_size or 1) - 1, 1) if intervention else 3

    def action_propose(self):
        self.ensure_one()
        if self.worker_count < 1:
            raise UserError(_("Ask for at least one worker."))
        proposals = self._rank_candidates()
        self.line_ids = [Command.clear()] + [Command.create(values) for values in proposals]
        return self._reopen()

    def action_confirm(self):
        """Assign the selected people to the intervention, over its whole duration."""
        self.ensure_one()
        intervention = self.intervention_id
        already = intervention.assignment_ids.filtered("active").employee_id
        selected = self.line_ids.filtered(
            lambda line: line.selected and line.employee_id not in already
        )
        if not selected:
            raise UserError(_("Select at least one person to assign."))
        # supervisors first: they usually hold the licence the vehicle needs
        selected = selected.sorted(lambda line: line.role != "supervisor")
        self.env["farm.intervention.assignment"].create(
            [
                {
                    "intervention_id": intervention.id,
                    "employee_id": line.employee_id.id,
                    "role": line.role,
                    "date_start": intervention.date_start,
                    "date_end": intervention.date_end,
                }
                for line in selected
            ]
        )
        return {"type": "ir.actions.act_window_close"}

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": _("Team builder"),
        }

    # ranking -------------------------------------------------------------

    def _candidates(self):
        Employee = self.env["hr.employee"].sudo()
        company = self.intervention_id.company_id
        supervisor_users = self.env.ref(SUPERVISOR).sudo().users
        workers = Employee.search(
            [("is_insertion_employee", "=", True), ("company_id", "=", company.id)]
        )
        supervisors = Employee.search(
            [
                ("is_insertion_employee", "=", False),
                ("user_id", "in", supervisor_users.ids),
                ("company_id", "=", company.id),
            ]
        )
        return supervisors, workers

    def _fetch_facts(self, employees):
        """Availability, weekly hours and rotation of every candidate: one query."""
        intervention = self.intervention_id
        start, end = intervention.date_start, intervention.date_end
        task_types = intervention.line_ids.task_type_id
        for model in FACT_MODELS:  # what the query reads, as changed in this transaction
            self.env[model].flush_model()
        self.env.cr.execute(
            SQL(
                """SELECT e.id,
                          (SELECT (%(week_hours)s)
                             FROM hr_contract c JOIN resource_calendar cal
                               ON cal.id = c.resource_calendar_id
                            WHERE c.employee_id = e.id AND c.active AND c.state IN ('open', 'close')
                              AND c.date_start <= %(start)s::date
                              AND (c.date_end IS NULL OR c.date_end >= %(end)s::date)
                            ORDER BY c.date_start DESC LIMIT 1) AS week_limit,
                          (SELECT COALESCE(SUM(EXTRACT(EPOCH
                            FROM (a.date_end - a.date_start))) / 3600, 0)
                             FROM farm_intervention_assignment a
                            WHERE a.employee_id = e.id AND a.active AND a.intervention_id != %(iid)s
                              AND a.date_start >= date_trunc('week', %(start)s::timestamp)
                              AND a.date_start < date_trunc('week', %(start)s::timestamp)
                                + interval '7 days'
                          ) AS week_planned,
                          EXISTS (SELECT 1 FROM farm_intervention_assignment a
                                   WHERE a.employee_id = e.id AND a.active
                                     AND a.intervention_id != %(iid)s
                                     AND tsrange(a.date_start, a.date_end)
                                       && tsrange(%(start)s, %(end)s)
                          ) AS busy,
                          EXISTS (SELECT 1 FROM hr_leave l
                                   WHERE l.employee_id = e.id AND l.state = 'validate'
                                     AND l.date_from < %(end)s
                                       AND l.date_to > %(start)s) AS on_leave,
                          (SELECT COUNT(*) FROM farm_intervention_assignment a
                            WHERE a.employee_id = e.id AND a.active
                              AND a.date_start >= %(since)s AND a.date_start < %(start)s
                              AND EXISTS (SELECT 1 FROM farm_intervention_line il
                                           WHERE il.intervention_id = a.intervention_id
                                             AND il.task_type_id = ANY(%(task_types)s))
                          ) AS same_task,
                          (SELECT COUNT(*) FROM farm_intervention_assignment a
                            WHERE a.employee_id = e.id AND a.active
                              AND a.date_start >= %(since)s AND a.date_start < %(start)s) AS recent
                     FROM hr_employee e
                    WHERE e.id IN %(ids)s""",
                week_hours=SQL(CALENDAR_WEEK_HOURS),
                start=start,
                end=end,
                iid=intervention.id or 0,
                since=start - timedelta(days=30 * ROTATION_MONTHS),
                task_types=task_types.ids or [0],
                ids=tuple(employees.ids) or (0,),
            )
        )
        keys = ("week_limit", "week_planned", "busy", "on_leave", "same_task", "recent")
        return {row[0]: dict(zip(keys, row[1:], strict=True)) for row in self.env.cr.fetchall()}

    def _fetch_skills(self, employees, skills):
        """{employee id: {skill id: progress}}: one query."""
        if not skills:
            return {}
        self.env.cr.execute(
            SQL(
                """SELECT es.employee_id, es.skill_id, lvl.level_progress
                     FROM hr_employee_skill es JOIN hr_skill_level lvl ON lvl.id = es.skill_level_id
                    WHERE es.employee_id IN %s AND es.skill_id IN %s""",
                tuple(employees.ids) or (0,),
                tuple(skills.ids),
            )
        )
        levels = {}
        for employee_id, skill_id, progress in self.env.cr.fetchall():
            levels.setdefault(employee_id, {})[skill_id] = progress or 0
        return levels

    def _fetch_licences(self, employees, licences):
        if not licences:
            return {}
        self.env.cr.execute(
            SQL(
                "SELECT employee_id, licence_id FROM hr_employee_farm_licence_rel "
                "WHERE employee_id IN %s AND licence_id IN %s",
                tuple(employees.ids) or (0,),
                tuple(licences.ids),
            )
        )
        held = {}
        for employee_id, licence_id in self.env.cr.fetchall():
            held.setdefault(employee_id, set()).add(licence_id)
        return held

    def _rank_candidates(self):
        """[line values], supervisors then workers, best first, with reasons."""
        intervention = self.intervention_id
        supervisors, workers = self._candidates()
        employees = supervisors | workers
        duration = (intervention.date_end - intervention.date_start).total_seconds() / 3600
        facts = self._fetch_facts(employees)
        targets = intervention.line_ids.task_type_id.sudo().skill_target_ids
        levels = self._fetch_skills(employees, targets.skill_id)
        licences = intervention.sudo().booking_ids.filtered("active").vehicle_id.licence_id
        held = self._fetch_licences(employees, licences)
        task_names = ", ".join(intervention.line_ids.task_type_id.mapped("name"))
        supervisor_employee_ids = set(intervention.user_id.sudo().employee_ids.ids)

        data = (
            facts,
            levels,
            targets,
            held,
            licences,
            duration,
            task_names,
            supervisor_employee_ids,
        )
        lines = []
        for role, people, wanted in (
            ("supervisor", supervisors, 1),
            ("worker", workers, self.worker_count),
        ):
            assessed = []
            for employee in people:
                score, reasons, blockers = self._assess(employee, role, data)
                assessed.append((not blockers, score, employee, reasons, blockers))
            assessed.sort(key=lambda item: (item[0], item[1], -item[2].id), reverse=True)
            for rank, (available, score, employee, reasons, blockers) in enumerate(
                assessed, start=1
            ):
                lines.append(
                    {
                        "employee_id": employee.id,
                        "role": role,
                        "rank": rank,
                        "score": round(score, 2) if available else 0.0,
                        "available": available,
                        "selected": available and rank <= wanted,
                        "reason": "; ".join(reasons)
                        if available
                        else _("Unavailable: %(why)s", why=", ".join(blockers)),
                    }
                )
        drivers = self._ensure_licence_holder(lines, licences, held)
        mentors = {
            worker.id
            for worker in workers
            if targets
            and all(
                levels.get(worker.id, {}).get(target.skill_id.id, 0) >= target.target_progress
                for target in targets
            )
        }
        self._ensure_mentor(lines, mentors, drivers)
        return lines

    @api.model
    def _ensure_mentor(self, lines, mentors, protected):
        """Learners learn from a peer: if no worker selected is at the target level of the
        task's skills, the last worker selected gives way to the best available one."""
        selected = [line for line in lines if line["selected"] and line["role"] == "worker"]
        if not selected or any(line["employee_id"] in mentors for line in selected):
            return
        mentor = next(
            (
                line
                for line in lines
                if line["available"] and not line["selected"] and line["employee_id"] in mentors
            ),
            None,
        )
        replaceable = [line for line in selected if line["employee_id"] not in protected]
        if mentor and len(selected) > 1 and replaceable:
            replaceable[-1]["selected"] = False
            mentor["selected"] = True
            mentor["reason"] = _("chosen to pass on the task's skills; ") + mentor["reason"]

    def _assess(self, employee, role, data):
        """(score, reasons, blockers) of one candidate."""
        facts, levels, targets, held, licences, duration, task_names, supervisor_employee_ids = data
        fact = facts.get(employee.id, {})
        score, reasons, blockers = self._assess_availability(fact, duration)
        my_licences = held.get(employee.id, set())
        if licences and my_licences:
            score += 5
            codes = licences.filtered(lambda lic: lic.id in my_licences).mapped("code")
            reasons.append(_("holds the licence %(licences)s", licences=", ".join(codes)))
        if role == "worker":
            learning, learning_reasons = self._assess_learning(
                levels.get(employee.id, {}), fact, targets, task_names
            )
            score += learning
            reasons += learning_reasons
        elif employee.id in supervisor_employee_ids:
            score += 20
            reasons.append(_("supervisor in charge of the intervention"))
        score -= fact.get("recent", 0) / 50  # spread the work fairly
        return score, reasons, blockers

    def _assess_availability(self, fact, duration):
        """Leave, other assignments, contract and hours left in the week."""
        score, reasons, blockers = 0.0, [], []
        if fact.get("busy"):
            blockers.append(_("already planned elsewhere at that time"))
        if fact.get("on_leave"):
            blockers.append(_("on approved leave"))
        if not fact.get("week_limit"):
            blockers.append(_("no contract covering these dates"))
            return score, reasons, blockers
        left = fact["week_limit"] - fact["week_planned"]
        if left + 0.001 < duration:
            blockers.append(_("only %(left).1f h left in the contract's week", left=max(left, 0)))
        else:
            score += min(left, 35) / 7
            reasons.append(_("available, %(left).1f h left this week", left=left))
        return score, reasons, blockers

    def _assess_learning(self, levels, fact, targets, task_names):
        """Learning goals (below the target level of the task's skills) and rotation."""
        score, reasons, gaps = 0.0, [], []
        for target in targets:
            current = levels.get(target.skill_id.id, 0)
            gap = target.target_progress - current
            if gap > 0:
                score += gap / 10
                gaps.append(
                    _(
                        "%(skill)s %(current)s%% → %(target)s%%",
                        skill=target.skill_id.name,
                        current=current,
                        target=target.target_progress,
                    )
                )
        if gaps:
            reasons.append(_("learning goal: %(gaps)s", gaps=", ".join(gaps)))
        elif targets:
            reasons.append(_("already at the target level: can pass it on"))
        same_task = fact.get("same_task", 0)
        score += 10 / (1 + same_task)
        if same_task:
            reasons.append(
                _(
                    "%(count)s times on %(tasks)s in %(months)s months",
                    count=same_task,
                    tasks=task_names,
                    months=ROTATION_MONTHS,
                )
            )
        else:
            reasons.append(
                _(
                    "never on %(tasks)s in %(months)s months: rotation",
                    tasks=task_names,
                    months=ROTATION_MONTHS,
                )
            )
        return score, reasons

    @api.model
    def _ensure_licence_holder(self, lines, licences, held):
        """If no one selected can drive the booked vehicle, swap the last worker selected for
        the best available licence holder. Returns the employees chosen to drive."""
        drivers = set()
        for licence in licences:
            selected = [line for line in lines if line["selected"]]
            if any(licence.id in held.get(line["employee_id"], set()) for line in selected):
                continue
            holder = next(
                (
                    line
                    for line in lines
                    if line["available"]
                    and not line["selected"]
                    and licence.id in held.get(line["employee_id"], set())
                ),
                None,
            )
            workers = [line for line in selected if line["role"] == "worker"]
            if holder and (
                (holder["role"] == "worker" and workers) or holder["role"] == "supervisor"
            ):
                replaced = (
                    workers[-1]
                    if holder["role"] == "worker"
                    else next((line for line in selected if line["role"] == "supervisor"), None)
                )
                if replaced:
                    replaced["selected"] = False
                holder["selected"] = True
                holder["reason"] = (
                    _("chosen to drive (licence %(code)s); ", code=licence.code) + holder["reason"]
                )
                drivers.add(holder["employee_id"])
        return drivers


class FarmTeamBuilderLine(models.TransientModel):
    _name = "farm.team.builder.line"
    _description = "Team builder proposal"
    _order = "role, selected desc, rank, id"

    builder_id = fields.Many2one("farm.team.builder", required=True, ondelete="cascade")
    employee_id = fields.Many2one("hr.employee", required=True, readonly=True)
    role = fields.Selection([("supervisor", "Supervisor"), ("worker", "Worker")], required=True)
    rank = fields.Integer(readonly=True)
    score = fields.Float(readonly=True, digits=(16, 1))
    available = fields.Boolean(readonly=True)
    selected = fields.Boolean()
    reason = fields.Text(readonly=True)
