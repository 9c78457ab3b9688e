# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Ranking of the people who could make an intervention's team: a service that the team
builder's wizard shows and that any model can call. A fixed number of queries whatever
the number of people and the length of the history."""

from datetime import timedelta
from typing import NamedTuple

from odoo import _, api, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from odoo.addons.seconde_pousse_base.models.roles import SUPERVISOR
from odoo.addons.seconde_pousse_farm.models.farm_intervention import MAX_TEAM_SIZE

from .farm_intervention_assignment import CALENDAR_WEEK_HOURS
from .farm_planning_slot import flush_models

ROTATION_MONTHS = 12

# The models the facts query reads, flushed before it.
FACT_MODELS = (
    "farm.intervention",
    "hr.contract",
    "resource.calendar",
    "resource.calendar.attendance",
    "farm.intervention.assignment",
    "farm.intervention.line",
    "hr.leave",
)

# Raw SQL: for every candidate in one round trip, the contract's weekly hours (from its
# calendar's attendances), the hours planned that week, an overlapping assignment
# (tsrange), approved leave, and the last twelve months' jobs, counted in one pass over
# them (those of the same task types through a hash of the window's jobs). The ORM would
# need six read_groups and cannot express the overlaps nor the calendar's week.
FACTS_QUERY = """
WITH same_jobs AS (
    SELECT DISTINCT il.intervention_id
      FROM farm_intervention_line il
      JOIN farm_intervention i ON i.id = il.intervention_id
     WHERE il.task_type_id = ANY(%(task_types)s)
       AND i.date_start >= %(since)s AND i.date_start < %(start)s
), history AS (
    SELECT a.employee_id, COUNT(*) AS recent, COUNT(j.intervention_id) AS same_task
      FROM farm_intervention_assignment a
      LEFT JOIN same_jobs j ON j.intervention_id = a.intervention_id
     WHERE a.employee_id IN %(ids)s AND a.active
       AND a.date_start >= %(since)s AND a.date_start < %(start)s
     GROUP BY a.employee_id
)
SELECT e.id,
       (SELECT (%(week_hours)s)
          FROM hr_contract c JOIN resource_calendar cal ON cal.id = c.resource_calendar_id
         WHERE c.employee_id = e.id AND c.active AND c.state IN ('open', 'close')
           AND c.date_start <= %(start)s::date
           AND (c.date_end IS NULL OR c.date_end >= %(end)s::date)
         ORDER BY c.date_start DESC LIMIT 1) AS week_limit,
       (SELECT COALESCE(SUM(EXTRACT(EPOCH FROM (a.date_end - a.date_start))) / 3600, 0)
          FROM farm_intervention_assignment a
         WHERE a.employee_id = e.id AND a.active AND a.intervention_id != %(iid)s
           AND a.date_start >= date_trunc('week', %(start)s::timestamp)
           AND a.date_start < date_trunc('week', %(start)s::timestamp) + interval '7 days'
       ) AS week_planned,
       EXISTS (SELECT 1 FROM farm_intervention_assignment a
                WHERE a.employee_id = e.id AND a.active AND a.intervention_id != %(iid)s
                  AND tsrange(a.date_start, a.date_end) && tsrange(%(start)s, %(end)s)
       ) AS busy,
       EXISTS (SELECT 1 FROM hr_leave l
                WHERE l.employee_id = e.id AND l.state = 'validate'
                  AND l.date_from < %(end)s AND l.date_to > %(start)s) AS on_leave,
       COALESCE(h.same_task, 0) AS same_task,
       COALESCE(h.recent, 0) AS recent
  FROM hr_employee e
  LEFT JOIN history h ON h.employee_id = e.id
 WHERE e.id IN %(ids)s
"""


class Facts(NamedTuple):
    """What the facts query knows of one candidate."""

    week_limit: float | None = None  # the contract's weekly hours, None without a contract
    week_planned: float = 0.0  # hours already planned in the intervention's week
    busy: bool = False  # planned elsewhere at the same time
    on_leave: bool = False
    same_task: int = 0  # jobs with the same task types in the last twelve months
    recent: int = 0  # jobs in the last twelve months


class Assessment(NamedTuple):
    score: float
    reasons: list
    blockers: list


class RankingBasis(NamedTuple):
    """What every candidate of one intervention is assessed against."""

    facts: dict  # {employee id: Facts}
    levels: dict  # {employee id: {skill id: progress}}
    targets: models.Model  # farm.task.type.skill: the target levels of the task's skills
    held: dict  # {employee id: {licence id}}
    licences: models.Model  # farm.licence: what the booked vehicles need
    duration: float  # hours
    task_names: str
    lead_employee_ids: set  # the employees of the supervisor in charge
    texts: dict  # the reasons' sentences, translated once for every candidate


class FarmTeamRanking(models.AbstractModel):
    _name = "farm.team.ranking"
    _description = "Team ranking"

    @api.model
    def rank(self, intervention, worker_count):
        """Values of proposal lines, supervisors then workers, best first, with reasons:
        one supervisor and `worker_count` workers selected. `intervention` is a record or
        its id; only supervisors rank people (the ranking tells leave and contracts)."""
        intervention = self._rank_arguments(intervention, worker_count)
        supervisors, workers = self._candidates(intervention)
        basis = self._ranking_basis(intervention, supervisors | workers)
        lines = self._ranked_lines(supervisors, "supervisor", 1, basis)
        lines += self._ranked_lines(workers, "worker", worker_count, basis)
        drivers = self._ensure_licence_holder(lines, basis.licences, basis.held)
        self._ensure_mentor(lines, self._mentors(workers, basis), drivers)
        return lines

    @api.model
    def _rank_arguments(self, intervention, worker_count):
        """The intervention to rank for, once the arguments are checked."""
        if not self.env.su and not self.env.user.has_group(SUPERVISOR):
            raise AccessError(
                _("Only technical supervisors and coordinators build an intervention's team.")
            )
        if type(worker_count) is not int or not 0 <= worker_count <= MAX_TEAM_SIZE:
            raise UserError(
                _(
                    "Workers wanted: a whole number from 0 to %(max)s is expected, not %(value)s.",
                    max=MAX_TEAM_SIZE,
                    value=repr(worker_count)[:40],
                )
            )
        Intervention = self.env["farm.intervention"]
        if type(intervention) is int and 0 < intervention < 2**31:
            intervention = Intervention.browse(intervention).exists()
        if not isinstance(intervention, type(Intervention)) or len(intervention) != 1:
            raise UserError(_("Team builder: name one intervention that exists."))
        intervention.check_access("read")
        return intervention

    @api.model
    def _candidates(self, intervention):
        Employee = self.env["hr.employee"].sudo()
        company = intervention.company_id
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

    @api.model
    def _ranking_basis(self, intervention, employees):
        targets = intervention.line_ids.task_type_id.sudo().skill_target_ids
        licences = intervention.sudo().booking_ids.filtered("active").vehicle_id.licence_id
        return RankingBasis(
            facts=self._fetch_facts(intervention, employees),
            levels=self._fetch_skills(employees, targets.skill_id),
            targets=targets,
            held=self._fetch_licences(employees, licences),
            licences=licences,
            duration=(intervention.date_end - intervention.date_start).total_seconds() / 3600,
            task_names=", ".join(intervention.line_ids.task_type_id.mapped("name")),
            lead_employee_ids=set(intervention.user_id.sudo().employee_ids.ids),
            texts=self._ranking_texts(),
        )

    @api.model
    def _ranking_texts(self):
        """The sentences of the reasons, translated once: _() looks for the language in
        its caller's frame, which costs more than the ranking itself when done for every
        candidate. Filled in with % later."""
        return {
            "unavailable": _("Unavailable: %(why)s"),
            "licence": _("holds the licence %(licences)s"),
            "lead": _("supervisor in charge of the intervention"),
            "busy": _("already planned elsewhere at that time"),
            "leave": _("on approved leave"),
            "no_contract": _("no contract covering these dates"),
            "week_full": _("only %(left).1f h left in the contract's week"),
            "available": _("available, %(left).1f h left this week"),
            "done_before": _("%(count)s times on %(tasks)s in %(months)s months"),
            "rotation": _("never on %(tasks)s in %(months)s months: rotation"),
            "gap": _("%(skill)s %(current)s%% → %(target)s%%"),
            "goal": _("learning goal: %(gaps)s"),
            "at_target": _("already at the target level: can pass it on"),
        }

    @api.model
    def _fetch_facts(self, intervention, employees):
        """{employee id: Facts} of every candidate: one query."""
        start, end = intervention.date_start, intervention.date_end
        flush_models(self.env, FACT_MODELS)
        query = SQL(
            FACTS_QUERY,
            week_hours=SQL(CALENDAR_WEEK_HOURS),
            start=start,
            end=end,
            iid=intervention.id or 0,
            since=start - timedelta(days=30 * ROTATION_MONTHS),
            task_types=intervention.line_ids.task_type_id.ids or [0],
            ids=tuple(employees.ids) or (0,),
        )
        return {row[0]: Facts(*row[1:]) for row in self.env.execute_query(query)}

    @api.model
    def _fetch_skills(self, employees, skills):
        """{employee id: {skill id: progress}}: one query. Raw SQL because the progress
        is on the skill level, which the ORM would read in a second query."""
        if not skills:
            return {}
        self.env["hr.employee.skill"].flush_model(["employee_id", "skill_id", "skill_level_id"])
        self.env["hr.skill.level"].flush_model(["level_progress"])
        query = SQL(
            """SELECT es.employee_id, es.skill_id, lvl.level_progress
                 FROM hr_employee_skill es JOIN hr_skill_level lvl ON lvl.id = es.skill_level_id
                WHERE es.employee_id IN %s AND es.skill_id IN %s""",
            tuple(employees.ids) or (0,),
            tuple(skills.ids),
        )
        levels = {}
        for employee_id, skill_id, progress in self.env.execute_query(query):
            levels.setdefault(employee_id, {})[skill_id] = progress or 0
        return levels

    @api.model
    def _fetch_licences(self, employees, licences):
        """{employee id: {licence id}} of the licences the vehicles need: one query."""
        if not licences:
            return {}
        return {
            employee.id: set((employee.licence_ids & licences).ids) for employee in employees.sudo()
        }

    @api.model
    def _ranked_lines(self, people, role, wanted, basis):
        assessed = []
        for employee in people:
            score, reasons, blockers = self._assess(employee, role, basis)
            assessed.append((not blockers, score, employee, reasons, blockers))
        assessed.sort(key=lambda item: (item[0], item[1], -item[2].id), reverse=True)
        lines = []
        for rank, (available, score, employee, reasons, blockers) in enumerate(assessed, 1):
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
                    else basis.texts["unavailable"] % {"why": ", ".join(blockers)},
                }
            )
        return lines

    @api.model
    def _mentors(self, workers, basis):
        """The workers at the target level of every skill the task practises."""
        if not basis.targets:
            return set()
        return {
            worker.id
            for worker in workers
            if all(
                basis.levels.get(worker.id, {}).get(t.skill_id.id, 0) >= t.target_progress
                for t in basis.targets
            )
        }

    @api.model
    def _assess(self, employee, role, basis):
        """The Assessment of one candidate."""
        fact = basis.facts.get(employee.id, Facts())
        score, reasons, blockers = self._assess_availability(fact, basis)
        my_licences = basis.held.get(employee.id, set())
        if basis.licences and my_licences:
            score += 5
            codes = basis.licences.filtered(lambda lic: lic.id in my_licences).mapped("code")
            reasons.append(basis.texts["licence"] % {"licences": ", ".join(codes)})
        if role == "worker":
            learning = self._assess_learning(basis.levels.get(employee.id, {}), fact, basis)
            score += learning.score
            reasons += learning.reasons
        elif employee.id in basis.lead_employee_ids:
            score += 20
            reasons.append(basis.texts["lead"])
        score -= fact.recent / 50  # spread the work fairly
        return Assessment(score, reasons, blockers)

    @api.model
    def _assess_availability(self, fact, basis):
        """Leave, other assignments, contract and hours left in the week."""
        texts, blockers = basis.texts, []
        if fact.busy:
            blockers.append(texts["busy"])
        if fact.on_leave:
            blockers.append(texts["leave"])
        if not fact.week_limit:
            blockers.append(texts["no_contract"])
            return Assessment(0.0, [], blockers)
        left = fact.week_limit - fact.week_planned
        if left + 0.001 < basis.duration:
            left = max(left, 0)
            blockers.append(texts["week_full"] % {"left": left})
            return Assessment(0.0, [], blockers)
        reason = texts["available"] % {"left": left}
        return Assessment(min(left, 35) / 7, [reason], blockers)

    @api.model
    def _assess_learning(self, levels, fact, basis):
        """Learning goals (below the target level of the task's skills) and rotation."""
        score, reasons = self._assess_goals(levels, basis)
        score += 10 / (1 + fact.same_task)
        values = {"count": fact.same_task, "tasks": basis.task_names, "months": ROTATION_MONTHS}
        reason = basis.texts["done_before" if fact.same_task else "rotation"] % values
        return Assessment(score, [*reasons, reason], [])

    @api.model
    def _assess_goals(self, levels, basis):
        """(score, reasons) of the skills still below their target level."""
        score, gaps = 0.0, []
        for target in basis.targets:
            current = levels.get(target.skill_id.id, 0)
            gap = target.target_progress - current
            if gap > 0:
                score += gap / 10
                gaps.append(
                    basis.texts["gap"]
                    % {
                        "skill": target.skill_id.name,
                        "current": current,
                        "target": target.target_progress,
                    }
                )
        if gaps:
            return score, [basis.texts["goal"] % {"gaps": ", ".join(gaps)}]
        if basis.targets:
            return score, [basis.texts["at_target"]]
        return score, []

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

    @api.model
    def _ensure_licence_holder(self, lines, licences, held):
        """If no one selected can drive a booked vehicle, swap the last worker selected (or
        the supervisor) for the best available licence holder. Returns the drivers chosen."""
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
            replaced = self._replaced_by(holder, selected)
            if holder and replaced is not False:
                if replaced:
                    replaced["selected"] = False
                holder["selected"] = True
                holder["reason"] = (
                    _("chosen to drive (licence %(code)s); ", code=licence.code) + holder["reason"]
                )
                drivers.add(holder["employee_id"])
        return drivers

    @api.model
    def _replaced_by(self, holder, selected):
        """The selected line a licence holder takes the place of: the last worker for a
        worker, the supervisor (or nobody, None) for a supervisor; False when a worker
        holder has no worker to replace."""
        if not holder:
            return False
        if holder["role"] == "supervisor":
            return next((line for line in selected if line["role"] == "supervisor"), None)
        workers = [line for line in selected if line["role"] == "worker"]
        return workers[-1] if workers else False
