# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Searches that respect the groups of the fields they name.

Odoo refuses to read a field restricted to some groups, and to search on it, except when
the field is a one2many or many2many: ``[("barrier_ids", "!=", False)]`` is answered
through the other model, without looking at the field's groups. A supervisor could then
learn which pathways have social barriers without reading one. Models that hold such
fields inherit this mixin: a search naming a field the user may not read is refused,
with Odoo's own message.
"""

from odoo import api, models


def named_fields(domain):
    """The first field of every condition of a domain (``a.b`` names ``a``)."""
    for leaf in domain or ():
        if isinstance(leaf, list | tuple) and leaf and isinstance(leaf[0], str):
            yield leaf[0].split(".", 1)[0]


class FieldGuardMixin(models.AbstractModel):
    _name = "seconde_pousse.field.guard.mixin"
    _description = "Searches refused on fields the user may not read"

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        if not self.env.su:
            guarded = {
                name
                for name in named_fields(domain)
                if name in self._fields and self._fields[name].groups
            }
            if guarded:
                self.check_field_access_rights("read", sorted(guarded))
        return super()._search(domain, offset, limit, order)
