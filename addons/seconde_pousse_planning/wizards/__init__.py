from . import farm_team_builder
from . import farm_roster_wizard
