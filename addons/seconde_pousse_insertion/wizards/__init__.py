from . import insertion_indicator_wizard
