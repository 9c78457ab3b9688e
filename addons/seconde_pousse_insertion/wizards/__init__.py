from . import insertion_indicator_wizard, insertion_personal_data
