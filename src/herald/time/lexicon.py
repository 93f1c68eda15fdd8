"""Words of English temporal expressions: months, weekdays, numbers, units, seasons, holidays.

Everything here is plain data, read by the grammar (`herald.time.grammar`) and the resolvers.
"""
from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
# Abbreviated months count only with a full stop or beside a day or a year ("Mar" alone is not March).

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}
# Weekday abbreviations are used only with a full stop ("Sat." but not "Sun" the newspaper).
WEEKDAY_ABBREVIATIONS = frozenset({"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"})

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "a dozen": 12, "dozen": 12, "half a": 0, "a couple of": 2, "couple of": 2, "a couple": 2,
}
# Quantities that are not numbers: the TimeML value gets an X ("P X Y" -> "PXY").
VAGUE_QUANTITIES = ("a few", "few", "several", "many", "some", "a number of", "numerous", "dozens of",
                    "hundreds of", "the coming", "recent", "the past few", "the last few", "the next few")

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "twenty first": 21, "final": 4, "last": 4,
}

# Unit word -> TimeML duration letter. Time units get the "T" prefix in a duration value.
UNITS: dict[str, str] = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W", "fortnight": "2W",
    "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE", "weekend": "WE",
}
TIME_UNITS = frozenset({"second", "minute", "hour"})
UNIT_PLURALS: dict[str, str] = {"centuries": "century", "nights": "night"}

SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

PARTS_OF_DAY: dict[str, str] = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
                                "tonight": "NI", "overnight": "NI"}

# Fixed-date holidays (month, day). Movable ones are computed in herald.time.calendar.
HOLIDAYS: dict[str, tuple[int, int]] = {
    "new year's day": (1, 1), "new year's eve": (12, 31), "christmas day": (12, 25), "christmas eve": (12, 24),
    "christmas": (12, 25), "independence day": (7, 4), "valentine's day": (2, 14), "halloween": (10, 31),
    "boxing day": (12, 26), "may day": (5, 1), "bastille day": (7, 14),
}

# Verbs and words that put a clause in the future ("planned for November", "will meet Friday").
FUTURE_AUXILIARIES = frozenset({"will", "'ll", "shall", "wo", "ll"})
FUTURE_WORDS = frozenset({
    "plan", "plans", "planned", "planning", "schedule", "schedules", "scheduled", "due", "upcoming",
    "expected", "expect", "expects", "set", "slated", "intends", "intend", "intended", "aims", "aim", "going",
    "forthcoming", "next", "coming", "prepare", "prepares", "preparing", "postponed", "delayed", "deadline",
})
