"""Danish language data that is not a sentence: the Babel date patterns, unit words and list words that
generator/formatting.py writes dates, weeks, hours, amounts and lists with.

Date patterns are Babel's (CLDR) syntax for locale da_DK: ``d`` day, ``MMMM``/``MMM`` the month's full or
abbreviated name, ``y`` year, ``EEEE`` the weekday's name, text in single quotes as it stands.
"""

from __future__ import annotations

# --- formatting.py ---------------------------------------------------------------------------------

DATE_PATTERN = "d. MMMM y"  # 4. januar 2027
DATE_SHORT_PATTERN = "d. MMM y"  # 4. jan. 2027
DATE_LONG_PATTERN = "EEEE 'den' d. MMMM y"  # mandag den 4. januar 2027
WEEKDAY_DATE_PATTERN = "EEEE 'den' d. MMMM"  # mandag den 4. januar
MONTH_PATTERN = "MMMM y"  # januar 2027
MONTH_SHORT_PATTERN = "MMM y"  # nov. 2026
DAY_MONTH_PATTERN = "d. MMMM"  # 11. januar: the start of a range that ends in the same year

AND = "og"  # before the last item of a list: "a, b og c"
AND_ALSO = "samt"  # instead of "og" when an item holds "og" itself: "indsatser og afgørelser samt frister"

WEEK = "uge {week}"  # uge 1 (ISO week)
HOUR = "{hours} time"  # 1 time, -1 time
HOURS = "{hours} timer"  # 12,5 timer
MINUTE = "{minutes} minut"  # 1 minut
MINUTES = "{minutes} minutter"  # 2,5 minutter
KRONER = "{amount} kr."  # 1.234.500 kr.
MINUS = "\u2212"  # the minus sign: "−2", never a hyphen
CASE = "{count} sag"  # 1 sag
CASES = "{count} sager"  # 12 sager
