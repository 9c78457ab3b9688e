from . import field_guard
