from . import test_install
from . import test_assignment
from . import test_booking
from . import test_concurrency
from . import test_team_builder
from . import test_query_count
from . import test_roster
