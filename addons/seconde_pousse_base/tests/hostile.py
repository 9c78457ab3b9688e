# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The hostile-client harness: every model, public method and route of a set of addons,
called as each role with values drawn by ``hypothesis`` (wrong types, bounds, NUL bytes,
huge strings, impossible dates, NaN and infinities, lists for scalars, ids of records the
role may not see, ``default_*`` contexts for workflow fields).

Each call runs in a savepoint, as the RPC layer runs it (``api.call_kw``, then a flush),
and is undone afterwards. Its outcome is one of two:

- refused: a ``UserError`` (``ValidationError``, ``AccessError``, ``MissingError``…), a
  ``RedirectWarning``, or a database integrity error (the RPC layer answers those as a
  ``ValidationError``), and nothing of the model stored;
- stored and valid: the records touched still pass every constraint of their model, the
  role reads back what it created or wrote, and no workflow field moved but through an
  action.

Anything else (``TypeError``, ``ValueError``, ``KeyError``, a psycopg2 data error…) is a
traceback for the client: a failure. One exception, counted apart and listed in the
report: Odoo's own answer to a value of the wrong type given to one of Odoo's methods
(create, write, or one we extend), raised by Odoo's code with ours only passing the values
on, or by the database at the flush: every model of Odoo answers so, not only ours.

On HTTP, a route answers a page (2xx, 3xx or 4xx) and a JSON route a result or one of the
clean errors above, never a 500.

``SP_HOSTILE_EXAMPLES`` sets the examples drawn per method, per model's create, write and
unlink and per route (small in CI; 200 for a release). The seed is fixed. The counts go
to the log, and are appended to the file ``SP_HOSTILE_REPORT`` names, if any.
"""

import inspect
import json
import logging
import os
import threading
import zlib
from collections import Counter
from contextlib import contextmanager
from unittest.mock import patch

import psycopg2
import requests
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st
from psycopg2 import IntegrityError

from odoo import api, http, models
from odoo.exceptions import AccessError, RedirectWarning, UserError
from odoo.service.model import get_public_method
from odoo.tools import json_default

_logger = logging.getLogger(__name__)

OUR_PACKAGE = "odoo.addons.seconde_pousse_"
EXAMPLES = int(os.environ.get("SP_HOSTILE_EXAMPLES") or 7)
REFUSED = (UserError, RedirectWarning, IntegrityError)
MAX_QUERY_VALUE = 4000
RECORD_SAMPLE = 6  # records taken per model and per role (visible, then not visible)

# Methods not called, each with its reason (kept minimal: everything else is called).
DENYLIST = {}

NASTY_TEXT = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "x" * 100_000,
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "%s %(name)s {0}",
    "💥" * 20,
    "2026-02-30",
    "25:00",
    "NaN",
    "-1",
    "1e309",
]
NASTY_NUMBERS = [
    0,
    -1,
    -(2**31),
    2**31,
    2**63,
    10**30,
    float("nan"),
    float("inf"),
    float("-inf"),
    -0.0,
    1e-320,
    0.001,
    -2.5,
]
NASTY_DATES = [
    "2026-02-30",
    "2026-13-01",
    "0000-00-00",
    "9999-12-31",
    "0001-01-01",
    "2026-03-02 25:00:00",
    "2026-03-02T07:00:00+02:00",
    "abc",
    "2026-03-02",
    "2026-03-02 07:00:00",
    12345,
]


def scalars():
    """Values of any JSON type but containers."""
    return st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(2**64), max_value=2**64),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(max_size=20),
        st.sampled_from(NASTY_TEXT + NASTY_NUMBERS + NASTY_DATES),
    )


def junk(ids=()):
    """Anything a client can send: scalars, other records' ids, lists and dicts of them."""
    leaves = st.one_of(scalars(), st.sampled_from(list(ids))) if ids else scalars()
    return st.one_of(
        leaves,
        st.lists(leaves, max_size=3),
        st.dictionaries(st.text(max_size=8), leaves, max_size=3),
    )


def field_values(env, field, ids_of):
    """Values for one field: the field's own kind of value at its bounds, or junk."""
    comodel_ids = ids_of(field.comodel_name) if field.relational else []
    kind = field.type
    if kind in ("char", "text", "html"):
        own = st.one_of(st.text(max_size=40), st.sampled_from(NASTY_TEXT))
    elif kind in ("integer", "float", "monetary"):
        own = st.one_of(st.sampled_from(NASTY_NUMBERS), st.floats(), st.integers())
    elif kind in ("date", "datetime"):
        own = st.one_of(st.sampled_from(NASTY_DATES), st.dates().map(str), st.datetimes().map(str))
    elif kind == "selection":
        keys = [key for key, _label in field._description_selection(env)]
        own = st.sampled_from([*keys, "", "maybe", 1])
    elif kind == "many2one":
        own = st.sampled_from([*comodel_ids, 0, -1, 2**31, 999999999])
    elif kind in ("one2many", "many2many"):
        own = x2many_commands(comodel_ids)
    elif kind in ("binary", "image"):
        own = st.sampled_from(["PGh0bWw+PHNjcmlwdD4=", "not base64!", "", "\x00"])
    else:
        own = junk(comodel_ids)
    return st.one_of(own, own, own, junk(comodel_ids))


def x2many_commands(ids):
    some_id = st.sampled_from([*ids, 0, -1, 999999999])
    command = st.one_of(
        st.tuples(st.just(6), st.just(0), st.lists(some_id, max_size=3)),
        st.tuples(st.just(4), some_id),
        st.tuples(st.just(3), some_id),
        st.tuples(st.just(2), some_id),
        st.tuples(st.just(5)),
        st.tuples(st.just(0), st.just(0), st.dictionaries(st.text(max_size=8), scalars())),
        st.tuples(st.just(1), some_id, st.dictionaries(st.text(max_size=8), scalars())),
        st.tuples(st.sampled_from([7, -1, "x"]), some_id),
    )
    return st.lists(command.map(list), max_size=3)


# ---------------------------------------------------------------------------- discovery


def our_models(env, modules):
    """Names of the models that the classes of `modules` define or extend."""
    names = []
    for name in sorted(env.registry):
        classes = type(env[name]).__mro__
        if any(getattr(c, "_module", None) in modules and c._name == name for c in classes):
            names.append(name)
    return names


def public_methods(model, modules):
    """{name: function} of the methods a client may call on `model` (public, not marked
    private) that a class of `modules` defines, Odoo's ORM API left out."""
    cls, found = type(model), {}
    orm_api_cls = type(model.env["base"])  # what every model has: Odoo's ORM API
    orm_api = set(dir(orm_api_cls))
    for name in dir(cls):
        if name.startswith("_") or f"{model._name}.{name}" in DENYLIST:
            continue
        if name in orm_api and same_parameters(getattr(cls, name), getattr(orm_api_cls, name)):
            continue  # an extension of Odoo's ORM API (get_view, default_get…)
        owners = [c for c in cls.__mro__ if name in vars(c)]
        if not any(getattr(c, "_module", None) in modules for c in owners):
            continue
        function = getattr(cls, name)
        if not inspect.isfunction(function):
            continue
        try:
            get_public_method(model, name)
        except AccessError:
            continue
        found[name] = function
    return found


def parameter_names(function):
    """Names of a function's positional parameters after self, padded to 3 (for *args)."""
    params = list(inspect.signature(function).parameters.values())[1:]
    names = [p.name for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    return names + ["arg"] * 3


def same_parameters(function, other):
    """Whether two methods take the same parameters (an override of the other)."""
    try:
        return list(inspect.signature(function).parameters) == list(
            inspect.signature(other).parameters
        )
    except (TypeError, ValueError):
        return False


def arity(function):
    """(fewest, most) positional arguments after self that a function accepts, most
    capped at 3."""
    params = list(inspect.signature(function).parameters.values())[1:]
    if any(p.kind == p.KEYWORD_ONLY and p.default is p.empty for p in params):
        return None
    positional = [p for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    required = sum(1 for p in positional if p.default is p.empty)
    most = 3 if any(p.kind == p.VAR_POSITIONAL for p in params) else len(positional)
    return (required, max(required, min(most, 3)))


def our_routes(env, modules):
    """[(rule, endpoint)] of the routes whose method a controller of `modules` defines
    (its own routes and its overrides of Odoo's)."""
    packages = tuple(f"odoo.addons.{module}." for module in modules)
    found = []
    # Odoo builds the routing map for the database of the thread, as a request's
    with patch.object(threading.current_thread(), "dbname", env.cr.dbname, create=True):
        rules = list(env["ir.http"].routing_map().iter_rules())
    for rule in rules:
        method = getattr(rule.endpoint, "func", None)
        controller = getattr(method, "__self__", None)
        if controller is None:
            continue
        owners = [c for c in type(controller).__mro__ if method.__name__ in vars(c)]
        if any(c.__module__.startswith(packages) for c in owners):
            found.append((rule, rule.endpoint))
    return sorted(found, key=lambda pair: pair[0].rule)


CLEAN_JSON_ERRORS = {
    f"odoo.exceptions.{name}"
    for name in (
        "UserError",
        "ValidationError",
        "AccessError",
        "MissingError",
        "AccessDenied",
        "RedirectWarning",
    )
} | {
    "werkzeug.exceptions.NotFound",
    "werkzeug.exceptions.Forbidden",
    "werkzeug.exceptions.BadRequest",
    "werkzeug.exceptions.UnprocessableEntity",
    "odoo.http.SessionExpiredException",
}


# ---------------------------------------------------------------------------- the engine


class Outcomes:
    """What the harness did and saw, for the log and the final note."""

    def __init__(self, title):
        self.title = title
        self.counts = Counter()
        self.outcomes = Counter()
        self.failures = []
        self.orm = set()
        self.seen = Counter()
        self.methods = []

    def fail(self, key, text):
        """Record a failure; the same failure (same call, same error, same place) is
        listed once, with how many examples met it."""
        self.seen[key] += 1
        if self.seen[key] == 1:
            self.failures.append(text)

    def report(self):
        lines = [f"## {self.title}", ""]
        lines += [f"- {key}: {value}" for key, value in sorted(self.counts.items())]
        lines += [f"- outcome {key}: {value}" for key, value in sorted(self.outcomes.items())]
        lines.append(f"- methods called: {', '.join(self.methods)}")
        lines.append(f"- kinds of wrongly typed value refused by Odoo's own code: {len(self.orm)}")
        lines += [f"  - {line}" for line in sorted(self.orm)[:100]]
        lines.append(f"- failures (distinct): {len(self.failures)}")
        for failure in self.failures[:200]:
            lines.append(f"  - {failure}")
        text = "\n".join(lines) + "\n"
        _logger.warning("Hostile-client harness: its counts (not a problem)\n%s", text)
        path = os.environ.get("SP_HOSTILE_REPORT")
        if path:
            with open(path, "a", encoding="utf-8") as report:
                report.write(f"\n{text}")


def explore(label, roles, case, attempt):
    """Draw EXAMPLES examples of case(role) and pass each to attempt, with a seed fixed
    per label. The roles are drawn from a list turned by the label, so that the first,
    simplest example is not always the same role's. attempt records failures itself:
    the exploration never stops on one."""
    offset = zlib.crc32(label.encode())
    turned = roles[offset % len(roles) :] + roles[: offset % len(roles)]

    @seed(offset)
    @settings(
        max_examples=EXAMPLES,
        database=None,
        deadline=None,
        phases=(Phase.explicit, Phase.generate),
        suppress_health_check=list(HealthCheck),
    )
    @given(st.sampled_from(turned).flatmap(case))
    def probe(example):
        attempt(example)

    probe()


def short(value, size=120):
    text = repr(value)
    return text if len(text) <= size else f"{text[:size]}…({len(text)} chars)"


def frames(error):
    return inspect.getinnerframes(error.__traceback__, context=0) if error.__traceback__ else []


def ours(frame):
    return "seconde_pousse_" in frame.filename and "/tests/" not in frame.filename


def odoo_answer(error, model, method):
    """Whether an error is Odoo's own answer to a wrongly typed value (a date that does
    not exist, a dict for a selection, a NUL byte for PostgreSQL…) given to one of Odoo's
    methods (create, write, or a method of Odoo's that we extend), raised by Odoo's code
    with nothing of ours on the way but our extensions passing the values on: every
    model of Odoo answers so, ours are no different."""
    odoo_method = method in ("create", "write") or any(
        method in vars(c) and not getattr(c, "_module", "").startswith("seconde_pousse_")
        for c in type(model).__mro__[1:]
        if getattr(c, "_module", None)
    )
    nul = isinstance(error, ValueError) and "NUL (0x00)" in str(error)  # psycopg2's refusal
    if method in ("create", "write") and (isinstance(error, psycopg2.DataError) or nul):
        return True  # the database refuses a value the ORM let through, wherever it flushes
    stack = frames(error)
    if not odoo_method or not stack or ours(stack[-1]):
        return False
    return all(f.function in (method, "create", "write") for f in stack if ours(f))


def where(error):
    """file:line of the deepest frame of ours (or the last one) of an error."""
    stack = frames(error)
    frame = ([f for f in stack if ours(f)] or stack or [None])[-1]
    if frame is None:
        return "?"
    return f"{frame.filename.split('/addons/')[-1]}:{frame.lineno} in {frame.function}"


class HostileMixin:
    """For a TransactionCase (or HttpCase) whose setUpClass built a world of records and
    set `hostile_modules` and `hostile_roles` ({role: res.users})."""

    hostile_modules = ()
    hostile_roles = {}
    hostile_outcomes = None

    @classmethod
    def hostile_setup(cls, title):
        cls.hostile_outcomes = Outcomes(title)
        cls._hostile_ids = {}
        cls._hostile_visible = {}

    @classmethod
    def tearDownClass(cls):
        if cls.hostile_outcomes:
            cls.hostile_outcomes.report()
        super().tearDownClass()

    # -- the records a call is made on

    def ids_of(self, model_name):
        """Ids of records of a model (at most RECORD_SAMPLE), as the superuser sees them."""
        if model_name not in self._hostile_ids:
            model = self.env[model_name].sudo().with_context(active_test=False)
            ids = (
                []
                if model._abstract
                else model.search([], limit=RECORD_SAMPLE, order="id desc").ids
            )
            self._hostile_ids[model_name] = ids
        return self._hostile_ids[model_name]

    def visible_ids(self, model_name, role):
        key = (model_name, role)
        if key not in self._hostile_visible:
            user = self.hostile_roles[role]
            model = self.env(user=user)[model_name].with_context(active_test=False)
            try:
                ids = model.search([("id", "in", self.ids_of(model_name))]).ids
            except UserError:
                ids = []
            self._hostile_visible[key] = ids
        return self._hostile_visible[key]

    def targets(self, model_name, role):
        """Ids a call is made on: one the role sees, one it does not, one that is gone."""
        visible = self.visible_ids(model_name, role)
        hidden = [i for i in self.ids_of(model_name) if i not in visible]
        return [[i] for i in visible[:3] + hidden[:2]] + [[999_999_999]]

    def contexts(self, model_name):
        """Contexts a client may send: none, default values for the workflow fields,
        active ids of other records, a time zone or language that does not exist."""
        model = self.env[model_name]
        workflow = workflow_fields(model, self.hostile_modules)
        ids = self.ids_of(model_name)
        choices = [st.just({})]
        for name in sorted(workflow):
            choices.append(
                field_values(self.env, model._fields[name], self.ids_of).map(
                    lambda value, name=name: {f"default_{name}": value}
                )
            )
        choices.append(
            st.sampled_from(ids or [1]).map(
                lambda i: {"active_id": i, "active_ids": [i], "active_model": model_name}
            )
        )
        choices.append(st.sampled_from([{"tz": "Mars/Olympus"}, {"lang": "xx_XX"}]))
        return st.one_of(*choices)

    def writable_fields(self, model_name):
        """Fields of our modules that a client may send in create and write."""
        model = self.env[model_name]
        return sorted(
            name
            for name, field in model._fields.items()
            if field._module in self.hostile_modules
            and name not in models.MAGIC_COLUMNS
            and ((field.store and not field.compute) or field.inverse)
        )

    # -- one call, as the RPC layer makes it

    def rpc(self, role, model_name, method, args, context):
        """Call as the RPC layer does; returns (outcome, records touched, error)."""
        user = self.hostile_roles[role]
        env = api.Environment(self.env.cr, user.id, {})
        model = env[model_name]
        get_public_method(model, method)
        result = api.call_kw(model, method, args, {"context": context} if context else {})
        env.flush_all()
        json.dumps(result, default=json_default)
        return result

    def attempt(self, label, role, model_name, method, args, context, check=None):
        """Run one call in a savepoint that is always undone, and judge its outcome."""
        outcomes = self.hostile_outcomes
        outcomes.counts["examples"] += 1
        table_count = self._table_count(model_name)
        call = f"{label} as {role}: {model_name}.{method}{short(tuple(args))}"
        call += f" context={short(context, 80)}"
        with self.undone():
            self.judge(call, label, role, model_name, method, args, context, check)
        if self._table_count(model_name) != table_count:
            outcomes.fail(
                (label, model_name, method, "rows"), f"{call} -> rows of {model_name} left behind"
            )

    @contextmanager
    def undone(self):
        """A savepoint rolled back whatever happens inside, and a cache to match."""
        savepoint = self.env.cr.savepoint()
        try:
            yield
        finally:
            savepoint.close(rollback=True)
            self.env.transaction.reset()

    def judge(self, call, label, role, model_name, method, args, context, check):
        outcomes = self.hostile_outcomes
        try:
            result = self.rpc(role, model_name, method, args, context)
        except REFUSED as error:
            outcomes.outcomes[f"refused {type(error).__name__}"] += 1
            return
        except Exception as error:  # every other error is the finding
            if odoo_answer(error, self.env[model_name], method):
                outcomes.outcomes[f"refused by Odoo's own code {type(error).__name__}"] += 1
                outcomes.orm.add(f"{model_name}.{method}: {describe(error)}")
                return
            outcomes.outcomes[f"traceback {type(error).__name__}"] += 1
            outcomes.fail((label, model_name, method, where(error)), f"{call} -> {describe(error)}")
            return
        try:
            if check:
                check(role, result)
            outcomes.outcomes["stored"] += 1
        except Exception as error:  # a stored outcome that does not hold
            outcomes.outcomes[f"stored but invalid ({type(error).__name__})"] += 1
            outcomes.fail(
                (label, model_name, method, where(error), str(error)[:40]),
                f"{call} -> stored, but {describe(error)}",
            )

    def _table_count(self, model_name):
        model = self.env[model_name]
        if model._abstract or model._table_query:
            return None
        self.env.cr.execute(f'SELECT count(*) FROM "{model._table}"')
        return self.env.cr.fetchone()[0]

    # -- what a stored outcome must hold

    def snapshot(self, model_name, ids):
        """The stored values of records, as the superuser reads them (None if gone)."""
        model = self.env[model_name].sudo().with_context(active_test=False, prefetch_fields=False)
        records = model.browse(ids).exists()
        names = [
            name
            for name, field in model._fields.items()
            if field.store and field.type not in ("binary", "image", "one2many", "many2many")
        ]
        return records.read(names) if records else None

    def assert_valid(self, role, model_name, ids, before=None):
        """A call that stored: on records the role sees, they still pass their model's
        constraints, the role reads them back and no workflow field moved but through an
        action; records it does not see are unchanged."""
        records = self.env[model_name].sudo().browse(ids).exists()
        if not records:
            return
        hidden = set(self.ids_of(model_name)) - set(self.visible_ids(model_name, role))
        if before is not None and set(ids) & hidden:
            after = self.snapshot(model_name, ids)
            if after != before["values"]:
                raise _Invalid(f"changed a {model_name} the role cannot see: {short(after, 300)}")
            return
        records._validate_fields(list(records._fields))
        mine = records.with_user(self.hostile_roles[role]).with_context(active_test=False)
        if mine.search_count([("id", "in", records.ids)]) != len(records):
            raise _Invalid(f"the role no longer sees the {model_name} it stored")
        mine.read(["display_name"])
        for name, value in (before or {}).get("workflow", {}).items():
            current = records._fields[name].convert_to_cache(records[name], records)
            if current != value:
                raise _Invalid(f"{model_name}.{name} moved from {value!r} to {current!r}")

    def before(self, model_name, ids, workflow=True):
        model = self.env[model_name].sudo()
        records = model.browse(ids).exists()
        names = workflow_fields(model, self.hostile_modules)
        moved = {}
        if workflow and len(records) == 1:
            moved = {n: records._fields[n].convert_to_cache(records[n], records) for n in names}
        return {"values": self.snapshot(model_name, ids), "workflow": moved}

    # -- the kinds of target

    def explore_method(self, model_name, method, function):
        api_kind = getattr(function, "_api", None)
        bounds = arity(function)
        if bounds is None or (self.env[model_name]._abstract and not api_kind):
            # a mixin's record methods are called on the models that inherit it
            return
        self.hostile_outcomes.counts["methods"] += 1
        self.hostile_outcomes.methods.append(f"{model_name}.{method}")

        names = parameter_names(function)
        per_place = [self.argument_values(model_name, name) for name in names[: bounds[1]]]

        def case(role):
            on = st.just(None) if api_kind else st.sampled_from(self.targets(model_name, role))
            count = st.integers(min_value=bounds[0], max_value=bounds[1])
            args = count.flatmap(lambda n: st.tuples(*per_place[:n]))
            return st.tuples(st.just(role), on, args, self.contexts(model_name))

        def attempt(example):
            role, ids, args, context = example
            before = self.before(model_name, ids, workflow=False) if ids else None
            self.attempt(
                "method",
                role,
                model_name,
                method,
                list(args) if api_kind else [ids, *args],
                context,
                lambda role, _result: ids and self.assert_valid(role, model_name, ids, before),
            )

        self.explore_as_roles(f"{model_name}.{method}", case, attempt)

    def argument_values(self, model_name, name):
        """Values for a method's argument, the kind its name says first (a date, ids of
        the model it names), then anything."""
        stem = name.removesuffix("_ids").removesuffix("_id")
        named = [m for m in our_models(self.env, self.hostile_modules) if m.split(".")[-1] == stem]
        ids = [i for m in named or [model_name] for i in self.ids_of(m)]
        if "date" in name or "day" in name:
            own = st.one_of(st.sampled_from(NASTY_DATES), st.dates().map(str))
        elif name.endswith("_ids") or name == "ids":
            own = st.lists(st.sampled_from([*ids, 0, -1, 999_999_999]), max_size=3)
        elif name.endswith("_id"):
            own = st.sampled_from([*ids, 0, -1, 999_999_999, "1"])
        else:
            own = junk(ids)
        return st.one_of(own, junk(ids))

    def changes(self, model_name):
        """1 to 3 of the model's writable fields, with values drawn for each."""
        model = self.env[model_name]
        names = self.writable_fields(model_name)
        keys = st.lists(st.sampled_from(names), min_size=1, max_size=3, unique=True)
        return keys.flatmap(
            lambda keys: st.fixed_dictionaries(
                {k: field_values(self.env, model._fields[k], self.ids_of) for k in keys}
            )
        )

    def explore_as_roles(self, label, case, attempt):
        explore(label, sorted(self.hostile_roles), case, attempt)

    def explore_create(self, model_name):
        """Create from the values of an existing record (or none), some of them changed;
        the context may give workflow fields a default: the record is born at each
        workflow field's own default."""
        model = self.env[model_name].sudo()
        bases = [{}] + [
            record.copy_data()[0] for record in model.browse(self.ids_of(model_name)[:3])
        ]
        workflow = workflow_fields(model, self.hostile_modules)

        def case(role):
            return st.tuples(
                st.just(role),
                st.sampled_from(range(len(bases))),
                self.changes(model_name),
                self.contexts(model_name),
            )

        def check(role, result):
            new_ids = [result] if isinstance(result, int) else result
            self.assert_valid(role, model_name, new_ids)
            records = model.browse(new_ids)
            own = own_defaults(model, workflow)
            for record in records:
                for name in workflow:
                    field = model._fields[name]
                    value = field.convert_to_cache(record[name], record)
                    default = field.convert_to_cache(own[name], record)
                    if value != default and (value or default):  # '' is no value either
                        raise _Invalid(f"{model_name} born with {name}={value!r}")

        def attempt(example):
            role, base, changes, context = example
            self.attempt(
                "create", role, model_name, "create", [{**bases[base], **changes}], context, check
            )

        self.explore_as_roles(f"{model_name}.create", case, attempt)

    def explore_write(self, model_name):
        def case(role):
            return st.tuples(
                st.just(role),
                st.sampled_from(self.targets(model_name, role)),
                self.changes(model_name),
                self.contexts(model_name),
            )

        def attempt(example):
            role, ids, vals, context = example
            before = self.before(model_name, ids)
            self.attempt(
                "write",
                role,
                model_name,
                "write",
                [ids, vals],
                context,
                lambda role, _result: self.assert_valid(role, model_name, ids, before),
            )

        self.explore_as_roles(f"{model_name}.write", case, attempt)

    def explore_unlink(self, model_name):
        def case(role):
            return st.tuples(st.just(role), st.sampled_from(self.targets(model_name, role)))

        def attempt(example):
            role, ids = example
            hidden = set(ids) & (
                set(self.ids_of(model_name)) - set(self.visible_ids(model_name, role))
            )

            def check(role, _result):
                if hidden and self.env[model_name].sudo().browse(ids).exists():
                    return
                if hidden:
                    raise _Invalid(f"deleted a {model_name} the role cannot see")

            self.attempt("unlink", role, model_name, "unlink", [ids], {}, check)

        self.explore_as_roles(f"{model_name}.unlink", case, attempt)

    def explore_models(self):
        """Every model of the modules: its public methods, create, write and unlink."""
        start = len(self.hostile_outcomes.failures)
        names = our_models(self.env, self.hostile_modules)
        counts = self.hostile_outcomes.counts
        counts["models"] = len(names)
        for model_name in names:
            model = self.env[model_name]
            for method, function in sorted(public_methods(model, self.hostile_modules).items()):
                self.explore_method(model_name, method, function)
            if model._abstract or model._table_query:
                continue
            if self.writable_fields(model_name):
                counts["models created and written"] += 1
                self.explore_create(model_name)
                self.explore_write(model_name)
            if model._original_module in self.hostile_modules:
                counts["models unlinked"] += 1
                self.explore_unlink(model_name)
        return self.hostile_outcomes.failures[start:]


class HostileHttpMixin(HostileMixin):
    """The routes of the modules' controllers, for an HttpCase: every route as each role
    and as an anonymous visitor, with path arguments of records of any farm and canteen,
    and query, form or JSON parameters drawn like the RPC's arguments."""

    def explore_routes(self):
        start = len(self.hostile_outcomes.failures)
        routes = our_routes(self.env, self.hostile_modules)
        self.hostile_outcomes.counts["routes"] = len(routes)
        for rule, endpoint in routes:
            self.explore_route(rule, endpoint)
        return self.hostile_outcomes.failures[start:]

    def path_values(self, name):
        """Values for a path argument: ids of the model its name names, or of any."""
        stem = name[:-3] if name.endswith("_id") else name
        models_named = [
            m for m in our_models(self.env, self.hostile_modules) if m.split(".")[-1] == stem
        ]
        ids = [i for m in models_named for i in self.ids_of(m)]
        if name == "year":
            ids = [2026, 1, 9999]
        return st.sampled_from([*ids, 0, 1, 2**31 - 1, 2**31, 10**12])

    def route_params(self, endpoint):
        params = list(inspect.signature(endpoint.func).parameters.values())
        names = [p.name for p in params if p.kind is p.POSITIONAL_OR_KEYWORD] + [
            "access_token",
            "page",
        ]
        return st.lists(st.sampled_from(names), max_size=4, unique=True)

    def explore_route(self, rule, endpoint):
        routing = endpoint.routing
        kind = routing["type"]
        methods = routing.get("methods") or ["GET", "POST"]
        if kind == "json":
            methods = ["POST"]
        self.hostile_outcomes.counts["routes " + kind] += 1
        roles = ["public", *sorted(self.hostile_roles)]
        path_args = sorted(rule.arguments)
        values = junk(self.ids_of_all()) if kind == "json" else text_values()

        def case(role):
            return st.tuples(
                st.just(role),
                st.sampled_from(methods),
                st.fixed_dictionaries({name: self.path_values(name) for name in path_args}),
                self.route_params(endpoint).flatmap(
                    lambda names: st.fixed_dictionaries({name: values for name in names})
                ),
            )

        def attempt(example):
            role, method, path, params = example
            self.http_attempt(rule, kind, role, method, path, params)

        explore(f"route {rule.rule}", roles, case, attempt)

    def ids_of_all(self):
        return sorted({i for m in ("res.partner", "farm.intervention") for i in self.ids_of(m)})

    def http_attempt(self, rule, kind, role, method, path, params):
        outcomes = self.hostile_outcomes
        outcomes.counts["examples"] += 1
        url = rule.build(path, append_unknown=False)[1]
        call = f"route {method} {url} as {role} with {short(params, 200)}"
        if role == "public":
            self.authenticate(None, None)
        else:
            login = self.hostile_roles[role].login
            self.authenticate(login, login)
        with self.undone():
            try:
                response = self.http_request(kind, method, url, params)
            except requests.ConnectionError as error:
                outcomes.outcomes["http no answer"] += 1
                outcomes.fail((rule.rule, method, "no answer"), f"{call} -> no answer: {error}")
                return
        status = response.status_code
        if status >= 500:
            outcomes.outcomes[f"http {status}"] += 1
            outcomes.fail((rule.rule, method, status), f"{call} -> HTTP {status}")
            return
        error = kind == "json" and status == 200 and json_error(response)
        if error and error.get("data", {}).get("name") not in CLEAN_JSON_ERRORS:
            outcomes.outcomes["json traceback"] += 1
            data = error.get("data", {})
            outcomes.fail(
                (rule.rule, data.get("name"), short(data.get("message"), 60)),
                f"{call} -> {data.get('name')}: {short(data.get('message'), 200)}",
            )
            return
        outcomes.outcomes[f"http {status // 100}xx" + (" (json error)" if error else "")] += 1

    def http_request(self, kind, method, url, params):
        if kind == "json":
            body = {"jsonrpc": "2.0", "method": "call", "id": 1, "params": params}
            return self.url_open(
                url,
                data=json.dumps(body, default=json_default),
                headers={"Content-Type": "application/json"},
                allow_redirects=False,
            )
        if method == "POST":
            data = {**params, "csrf_token": http.Request.csrf_token(self)}
            return self.url_open(url, data=data, allow_redirects=False)
        # a request line is at most 64 KiB (Python's HTTP server): longer values go in
        # POST bodies, not in query strings
        query = {key: value[:MAX_QUERY_VALUE] for key, value in params.items()}
        return self.opener.get(
            self.base_url() + url, params=query, timeout=12, allow_redirects=False
        )


def json_error(response):
    try:
        return response.json().get("error")
    except ValueError:
        return {"data": {"name": "not JSON", "message": response.text[:200]}}


def text_values():
    """What a form or a query string carries: strings, of any kind."""
    return st.one_of(
        st.text(max_size=30),
        st.sampled_from(
            NASTY_TEXT + [str(n) for n in NASTY_NUMBERS] + [str(d) for d in NASTY_DATES]
        ),
    )


class _Invalid(Exception):
    """A call stored what it should not have."""


def workflow_fields(model, modules):
    """The fields a record moves through only by its actions: those its workflow guard
    names, and a selection named state that `modules` define (Odoo's own, such as a sale
    order's, follow Odoo's rules)."""
    names = set(getattr(model, "_workflow_fields", ()))
    state = model._fields.get("state")
    if state is not None and state.type == "selection" and state.store and state._module in modules:
        names.add("state")
    return sorted(name for name in names if name in model._fields)


def own_defaults(model, names):
    """{field: its own default}: neither the context's default_* keys nor the users'
    defaults (ir.default) count."""
    context = {k: v for k, v in model.env.context.items() if not k.startswith("default_")}
    clean = model.with_env(model.env(context=context))
    return {
        name: model._fields[name].default(clean) if model._fields[name].default else False
        for name in names
    }


def describe(error):
    return f"{type(error).__name__}: {short(str(error), 200)} [{where(error)}]"
