# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import pytz

from odoo import _, api, models
from odoo.exceptions import UserError
from odoo.tools import SQL


class FarmStateMixin(models.AbstractModel):
    """Workflow helpers shared by requests and interventions (a `name` and a `state`).

    Records are named from the ir.sequence whose code is the model's name."""

    _name = "farm.state.mixin"
    _inherit = ["farm.workflow.guard"]
    _description = "Farm workflow helpers"

    @api.model_create_multi
    def create(self, vals_list):
        unnamed = [vals for vals in vals_list if vals.get("name", "/") == "/"]
        for vals, name in zip(unnamed, self._next_names(len(unnamed)), strict=True):
            vals["name"] = name
        return super().create(vals_list)

    @api.model
    def _next_names(self, count):
        """References for `count` new records: drawn in one query from a standard
        sequence, one by one from a gap-free or dated one (which must lock its row)."""
        if not count:
            return []
        # the sequence is not the creator's to read: a farmer creates requests
        sequence = (
            self.env["ir.sequence"]
            .sudo()
            .search(
                [("code", "=", self._name), ("company_id", "in", [self.env.company.id, False])],
                order="company_id",
                limit=1,
            )
        )
        if not sequence:
            return ["/"] * count
        sequence = sequence.with_context(tz=self._sequence_tz())
        if count == 1 or sequence.implementation != "standard" or sequence.use_date_range:
            return [sequence._next() for _index in range(count)]
        self.env.cr.execute(
            SQL(
                "SELECT nextval(%s) FROM generate_series(1, %s)",
                f"ir_sequence_{sequence.id:03d}",
                count,
            )
        )
        return [sequence.get_next_char(number) for (number,) in self.env.cr.fetchall()]

    @api.model
    def _sequence_tz(self):
        """The time zone a sequence's prefix reads: the context's when it is a zone (a client
        can send any text), else the user's, else none (UTC)."""
        for tz in (self.env.context.get("tz"), self.env.user.tz):
            if isinstance(tz, str) and tz in pytz.all_timezones_set:
                return tz
        return None

    def _feminine_creation_message(self):
        """The chatter's first line, for the models' _creation_message (mail.thread's comes
        first in their MRO). Requests, interventions and harvests are feminine in French,
        where Odoo's generic "%s created" says "créé": this one says "créée"."""
        self.ensure_one()
        return _("%(document)s created", document=self.env["ir.model"]._get(self._name).name)

    def _group_expand_states(self, states, domain):
        """Show every state as a kanban column, even an empty one."""
        return [key for key, _label in self._fields["state"].selection]

    def _check_state(self, allowed, action):
        """Refuse a transition from a state not in `allowed`, saying what was tried."""
        labels = dict(self._fields["state"]._description_selection(self.env))
        for record in self:
            if record.state not in allowed:
                raise UserError(
                    _(
                        "%(name)s is %(state)s: it cannot be %(action)s.",
                        name=record.name,
                        state=labels[record.state].lower(),
                        action=action,
                    )
                )
