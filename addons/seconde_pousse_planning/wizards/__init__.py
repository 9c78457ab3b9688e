from . import farm_roster_wizard, farm_team_builder
