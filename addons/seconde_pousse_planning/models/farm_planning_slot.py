# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re
from datetime import datetime
from typing import NamedTuple

import psycopg2

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL, format_datetime

from odoo.addons.seconde_pousse_base.models.timezone import local_tz

# The detail of an exclusion violation: "Key (employee_id, tsrange(date_start, date_end))=
# (7, [...)) conflicts with existing key (employee_id, tsrange(date_start, date_end))=
# (7, ["2026-03-02 07:00:00","2026-03-02 12:00:00"))": the resource and slot already saved.
EXISTING_KEY = re.compile(r'existing key \([^=]*\)=\((\d+), \["?([^,"]+)"?,"?([^)"\]]+)"?')


# Marks an environment whose slot checks the caller runs itself, once for a whole batch.
# An object, not a flag: a client's context (JSON or XML-RPC) can never carry it.
DEFER_CHECKS = object()


def slot_datetime(value):
    """A slot's start or end as a datetime; None when it is not one (a client's wrongly
    typed value, which the ORM refuses when it saves it)."""
    try:
        return fields.Datetime.to_datetime(value)
    except (TypeError, ValueError, OverflowError):
        return None


def is_id(value):
    """Whether a value is a record id, as the checks' SQL compares them."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value < 2**31


class SlotCandidate(NamedTuple):
    """One resource of a slot about to be saved, as the overlap checks read it."""

    index: int  # the slot's place in the batch
    record_id: int  # 0 for a slot being created
    column: str  # the resource's field: employee_id, vehicle_id, equipment_id
    resource_id: int
    start: datetime
    end: datetime
    values: dict  # the slot's values after the write

    @property
    def resource(self):
        return self.column, self.resource_id


def flush_models(env, model_names):
    """Write this transaction's changes to the models a raw query reads, and those only
    (where flush_all() would write every model's)."""
    for name in model_names:
        env[name].flush_model()


def checks_deferred(env):
    return env.context.get("planning_checks") is DEFER_CHECKS


def format_when(env, value):
    """A date and time in the planner's time zone (the programme is in Provence)."""
    return format_datetime(env, value, tz=local_tz(env), dt_format="short")


class FarmPlanningSlot(models.AbstractModel):
    """Something planned on an intervention from a start to an end: a person (assignment),
    a vehicle or a piece of equipment (booking). One resource cannot be planned twice at
    once: checked in Python with one query, and guarded by a PostgreSQL exclusion
    constraint, so that two planners saving at the same moment cannot both win."""

    _name = "farm.planning.slot"
    _description = "Planned slot on an intervention"
    _order = "date_start, id"

    # (constraint name, resource column) guarded by an exclusion constraint
    _planning_exclusions = []

    active = fields.Boolean(default=True)
    intervention_id = fields.Many2one(
        "farm.intervention", required=True, ondelete="cascade", index=True
    )
    # precompute: written with the INSERT, not by an UPDATE of every new slot at the flush
    partner_id = fields.Many2one(
        related="intervention_id.partner_id", string="Farm", store=True, precompute=True
    )
    company_id = fields.Many2one(related="intervention_id.company_id", store=True, precompute=True)
    date_start = fields.Datetime("Start", required=True, index=True)
    date_end = fields.Datetime("End", required=True)
    duration = fields.Float(
        "Planned hours", compute="_compute_duration", store=True, precompute=True
    )

    @api.depends("date_start", "date_end")
    def _compute_duration(self):
        for slot in self:
            if slot.date_start and slot.date_end:
                slot.duration = (slot.date_end - slot.date_start).total_seconds() / 3600
            else:
                slot.duration = 0.0

    def init(self):
        super().init()
        if not self._planning_exclusions:
            return
        cr = self.env.cr
        for name, column in self._planning_exclusions:
            cr.execute(SQL("SELECT 1 FROM pg_constraint WHERE conname = %s", name))
            if cr.fetchone():
                continue
            # PostgreSQL >= 13 marks btree_gist as trusted: the database owner may create it
            cr.execute(SQL("CREATE EXTENSION IF NOT EXISTS btree_gist"))
            cr.execute(
                SQL(
                    "ALTER TABLE %(table)s ADD CONSTRAINT %(name)s EXCLUDE USING gist "
                    "(%(column)s WITH =, tsrange(date_start, date_end) WITH &&) "
                    "WHERE (active AND %(column)s IS NOT NULL)",
                    table=SQL.identifier(self._table),
                    name=SQL.identifier(name),
                    column=SQL.identifier(column),
                )
            )

    @api.model
    def _calendar_action(self, domain, context, name):
        """One person's or resource's own calendar: this model's action, calendar first."""
        xmlid = f"seconde_pousse_planning.{self._table}_action"
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["views"] = [view for view in action["views"] if view[1] != "timeline"]
        action["view_mode"] = ",".join(mode for _id, mode in action["views"])
        action.update({"domain": domain, "context": context, "display_name": name})
        return action

    def _fmt(self, value):
        return format_when(self.env, value)

    def _exclusion_message(self, error):
        """A clear message for an exclusion violation raised by PostgreSQL (a concurrent
        planner saved first)."""
        detail = getattr(error.diag, "message_detail", "") or ""
        constraint = getattr(error.diag, "constraint_name", "") or ""
        match = EXISTING_KEY.search(detail)
        column = dict(self._planning_exclusions).get(constraint)
        if match and column:
            comodel = self._fields[column].comodel_name
            resource = (
                self.env[comodel].sudo().with_context(active_test=False).browse(int(match.group(1)))
            )
            start = fields.Datetime.to_datetime(match.group(2))
            end = fields.Datetime.to_datetime(match.group(3))
            return _(
                "%(name)s is already planned from %(start)s to %(end)s (saved by another planner a moment ago). Reload the planning and choose another slot.",  # noqa: E501
                name=resource.display_name,
                start=self._fmt(start),
                end=self._fmt(end),
            )
        return _("This slot overlaps another one saved a moment ago. Reload the planning.")

    @api.model
    def _resource_label(self, column, resource_id):
        comodel = self._fields[column].comodel_name
        return (
            self.env[comodel]
            .sudo()
            .with_context(active_test=False)
            .browse(resource_id)
            .display_name
        )

    def _slot_items(self, vals):
        """(id, values) of self after writing vals, for the checks made before saving."""
        names = ["date_start", "date_end", "active", "intervention_id"] + [
            c for _n, c in self._planning_exclusions
        ]
        items = []
        for record in self:
            values = {}
            for name in names:
                if name in vals:
                    values[name] = vals[name]
                elif name == "intervention_id" or self._fields[name].type == "many2one":
                    values[name] = record[name].id
                else:
                    values[name] = record[name]
            items.append((record.id, values))
        return items

    @api.model
    def _precheck_slots(self, items):
        """Refuse, before anything is saved, a slot ending before it starts and a resource
        planned twice at once. One query whatever the history."""
        candidates = self._slot_candidates(items)
        if candidates:
            self._check_batch_overlaps(candidates)
            self._check_saved_overlaps(candidates)

    @api.model
    def _slot_candidates(self, items):
        """A SlotCandidate per active slot and resource of items ((id, values) pairs),
        after refusing a slot that ends before it starts."""
        candidates = []
        for index, (record_id, values) in enumerate(items):
            start = slot_datetime(values.get("date_start"))
            end = slot_datetime(values.get("date_end"))
            resources = [
                (c, values.get(c)) for _n, c in self._planning_exclusions if is_id(values.get(c))
            ]
            if start and end and end <= start:
                labels = [self._resource_label(c, r) for c, r in resources]
                raise ValidationError(
                    _(
                        "%(what)s: the end (%(end)s) must be after the start (%(start)s).",
                        what=", ".join(labels) or self._description,
                        start=self._fmt(start),
                        end=self._fmt(end),
                    )
                )
            if not (start and end) or values.get("active") is False:
                continue
            candidates += [
                SlotCandidate(index, record_id or 0, column, resource_id, start, end, values)
                for column, resource_id in resources
            ]
        return candidates

    @api.model
    def _check_batch_overlaps(self, candidates):
        """Overlaps inside the batch itself: sorted per resource, each slot against the
        latest end seen so far."""
        previous = None
        for candidate in sorted(candidates, key=lambda c: (c.column, c.resource_id, c.start)):
            same = previous and previous.resource == candidate.resource
            if same and candidate.start < previous.end:
                self._raise_overlap(
                    candidate, previous.start, previous.end, previous.values.get("intervention_id")
                )
            if not same or candidate.end > previous.end:
                previous = candidate

    @api.model
    def _check_saved_overlaps(self, candidates):
        """Overlaps with what is saved. Raw SQL: the batch's slots, as a VALUES list, are
        joined to the saved ones with tsrange overlaps in one query, where the ORM would
        search once per slot."""
        self.flush_model()
        rows = SQL(", ").join(
            SQL("(%s, %s, %s, %s, %s::timestamp, %s::timestamp)", *candidate[:6])
            for candidate in candidates
        )
        conditions = SQL(" OR ").join(
            SQL("(c.col = %s AND o.%s = c.res)", column, SQL.identifier(column))
            for column in {candidate.column for candidate in candidates}
        )
        query = SQL(
            """SELECT c.idx, o.intervention_id, o.date_start, o.date_end
                 FROM (VALUES %(rows)s) AS c(idx, rid, col, res, ds, de)
                 JOIN %(table)s o ON o.active AND o.id != c.rid AND (%(conditions)s)
                  AND tsrange(o.date_start, o.date_end) && tsrange(c.ds, c.de)
                ORDER BY c.idx, o.date_start
                LIMIT 1""",
            rows=rows,
            table=SQL.identifier(self._table),
            conditions=conditions,
        )
        for index, intervention_id, other_start, other_end in self.env.execute_query(query):
            candidate = next(c for c in candidates if c.index == index)
            self._raise_overlap(candidate, other_start, other_end, intervention_id)

    @api.model
    def _raise_overlap(self, candidate, other_start, other_end, other_intervention_id):
        Intervention = self.env["farm.intervention"].sudo()
        raise ValidationError(
            _(
                "Planning conflict: %(name)s is already planned on %(other)s from %(other_start)s to %(other_end)s, so it cannot be planned on %(intervention)s from %(start)s to %(end)s.",  # noqa: E501
                name=self._resource_label(candidate.column, candidate.resource_id),
                other=Intervention.browse(other_intervention_id)._planning_label(),
                other_start=self._fmt(other_start),
                other_end=self._fmt(other_end),
                intervention=Intervention.browse(
                    candidate.values.get("intervention_id")
                )._planning_label(),
                start=self._fmt(candidate.start),
                end=self._fmt(candidate.end),
            )
        )

    @api.model
    def _fill_slot_defaults(self, vals_list):
        """Missing start or end: those of the intervention."""
        Intervention = self.env["farm.intervention"]
        for vals in vals_list:
            if is_id(vals.get("intervention_id")) and not (
                vals.get("date_start") and vals.get("date_end")
            ):
                intervention = Intervention.browse(vals["intervention_id"])
                vals.setdefault("date_start", intervention.date_start)
                vals.setdefault("date_end", intervention.date_end)
                vals["date_start"] = vals["date_start"] or intervention.date_start
                vals["date_end"] = vals["date_end"] or intervention.date_end

    @api.model_create_multi
    def create(self, vals_list):
        self.check_access("create")  # before the checks read anything of the client's
        self._fill_slot_defaults(vals_list)
        self._precheck_slots([(False, vals) for vals in vals_list])
        try:
            with self.env.cr.savepoint():
                records = super().create(vals_list)
                records.flush_recordset()
        except psycopg2.errors.ExclusionViolation as error:
            raise ValidationError(self._exclusion_message(error)) from None
        return records

    def write(self, vals):
        watched = {"date_start", "date_end", "active"} | {c for _n, c in self._planning_exclusions}
        if watched & set(vals):
            self.check_access("write")
            self._precheck_slots(self._slot_items(vals))
        try:
            with self.env.cr.savepoint():
                result = super().write(vals)
                self.flush_recordset()
        except psycopg2.errors.ExclusionViolation as error:
            raise ValidationError(self._exclusion_message(error)) from None
        return result
