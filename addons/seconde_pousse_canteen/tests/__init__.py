from . import (
    test_canteen_order,
    test_harvest,
    test_install,
    test_produce,
)
