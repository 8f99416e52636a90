"""What the validation says: the Danish of every error and warning about plan.yaml and fremdrift.yaml.

The messages of the model's own checks and defaults (model/), of pydantic's type errors (io/load.py)
and of every rule (rules/), with the language data they need (plural endings of role names). Grouped
by the module that uses them, in its order. Placeholders are ``str.format`` fields; the caller picks
the text, formats the dates and numbers, and fills them in.
"""

from __future__ import annotations

# --- model/roles.py ------------------------------------------------------------------------------

# Plural of a one-word Danish role noun, by its ending (the nouns roles are named with), as
# (ending, what is added): sagsbehandler -> sagsbehandlere, superbruger -> superbrugere,
# konsulent -> konsulenter, praktikant -> praktikanter, jurist -> jurister, koordinator -> koordinatorer,
# chauffør -> chauffører. Anything else (two or more words, "Faglig leder" -> "faglige ledere"; other
# endings) cannot be bent safely by rule, so the plan must say it with "flertal".
PLURAL_ENDINGS = (("er", "e"), ("ent", "er"), ("ant", "er"), ("ist", "er"), ("or", "er"), ("ør", "er"))
# One word of Danish letters: the only role names the plural rule bends
ONE_WORD = r"[A-ZÆØÅa-zæøå]+"
# pydantic fills in {name} itself (PydanticCustomError), so this one is not str.format-ed
ROLE_PLURAL_UNKNOWN = (
    'generatoren kan ikke selv sætte rollens navn "{name}" i flertal. Tilføj nøglen "flertal" '
    "med navnet i flertal, som det skal stå inde i en sætning, fx flertal: faglige ledere."
)

# --- model/training.py ---------------------------------------------------------------------------

TRAINING_KLIK_TASK = "Planlæg undervisning"  # the default name of the KLIK task that owns the training plan

# --- io/load.py: pydantic's error types in Danish --------------------------------------------------

PATTERN_ID = "må kun indeholde små bogstaver a-z, tal, _ og - (skriv ae, oe og aa i stedet for æ, ø og å)"
PATTERN_EIGHT_DIGITS = "skal være præcis 8 cifre"
PATTERN_PHONE = "skal være et telefonnummer med 8 cifre, evt. i par med mellemrum og med landekode, fx 12 34 56 78 eller +45 12 34 56 78"
PATTERN_EMAIL = "skal være en e-mailadresse som navn@kommune.dk"
SESSION_PEOPLE_OVER_SEATS = (
    "holdet har {people} personer på listen, men kun {seats} pladser. Fjern navne, eller sæt pladser op"
)
PATTERN_OTHER = "har et ugyldigt format"

YOU_WROTE = " Du har skrevet {value}."
MISSING_KEY = 'mangler. Tilføj nøglen "{key}".'
MISSING_KEY_HELP = 'mangler. Tilføj nøglen "{key}" ({help}).'
UNKNOWN_KEY_MEANT = 'ukendt nøgle "{key}". Mente du "{meant}"?'
UNKNOWN_KEY = 'ukendt nøgle "{key}". Tilladte nøgler her: {allowed}.'
NOT_INTEGER = "skal være et helt tal, fx 12.{got}"
DECIMAL_COMMA = (
    'skal være et tal. Du har skrevet "{value}" med komma; i planen er decimaltegnet punktum: skriv {dotted}.'
)
THOUSANDS_SEPARATOR = (
    'skal være et tal skrevet uden tusindtalspunktum. Du har skrevet "{written}", som YAML læser som {read}; '
    "i planen er punktum decimaltegn: skriv {plain}."
)
THOUSANDS_READ_AS_DECIMAL = "decimaltallet {value}"
THOUSANDS_READ_AS_TEXT = "tekst"
NOT_NUMBER = "skal være et tal (brug punktum som decimaltegn, fx 7.5).{got}"
NOT_DATE = "skal være en dato skrevet som ÅÅÅÅ-MM-DD, fx 2027-03-01.{got}"
CLOCK_READ_AS_NUMBER = (
    'skal være et klokkeslæt i anførselstegn: skriv "{clock}". Uden anførselstegn læses '
    "{hours}:{minutes:02d} som tallet {value}."
)
NOT_CLOCK = 'skal være et klokkeslæt i anførselstegn, fx "09:00".{got}'
NOT_BOOL = "skal være true (ja) eller false (nej).{got}"
TEXT_READ_AS_KEY = (
    'skal være en tekst, men teksten indeholder kolon og mellemrum (": "), så den læses som '
    '"nøgle: værdi". Sæt hele teksten i anførselstegn: "{key}: {value}".'
)
NOT_TEXT = "skal være en tekst.{got}"
TEXT_EMPTY = "må ikke være tom. Skriv en tekst."
TEXT_TOO_LONG = "er for lang; højst {max_length} tegn."
ONE_OF = "skal være en af: {expected}.{got}"
MEANT = ' Mente du "{meant}"?'
BOUND = "skal være {word} {bound}.{got}"
AT_LEAST = "mindst"
GREATER_THAN = "større end"
AT_MOST = "højst"
LESS_THAN = "mindre end"
NOT_FINITE = "skal være et almindeligt tal (ikke uendelig eller nan).{got}"
LIST_TOO_SHORT = "skal have mindst {min_length} punkt(er). Tilføj et punkt."
NOT_LIST = "skal være en liste (punkter, der hver begynder med '- ')."
NOT_MAPPING = "skal være en samling af nøgler (nøgle: værdi), ikke en enkelt værdi eller liste."
NOT_URL = "skal være en webadresse, der begynder med https://.{got}"
INVALID = "er ugyldig: værdien har ikke den form, der skal stå her.{got}"

# --- rules/references.py -------------------------------------------------------------------------

# the lists whose items have ids, by their name in a sentence
LIST_CATEGORIES = "sagskategorier"
LIST_ROLES = "roller"
LIST_GROUPS = "feltgrupper"
LIST_OPTIONS = "muligheder"
LIST_CRITERIA = "kriterier"
LIST_MILESTONES = "milepæle"
LIST_ACTIVITIES = "aktiviteter"
LIST_PACKAGES = "arbejdspakker"
LIST_SESSIONS = "hold"

AND_MORE_LINES = " og {n} andre linjer"
NO_IDS = "Der er ingen at vælge imellem"
AND_MORE = " og {n} andre"
MEANT_THEN = 'Mente du "{meant}"? '
USE_ONE_OF = "{guess}Brug en af: {listed}"

# what an unknown id should have been, by the list it belongs in
KIND_ROLE = "Rollen"
KIND_CATEGORY = "Sagskategorien"
KIND_GROUP = "Feltgruppen"
KIND_MILESTONE = "Milepælen"
KIND_ACTIVITY = "Aktiviteten"
KIND_PACKAGE = "Arbejdspakken"
KIND_OPTION = "Muligheden"
KIND_CRITERION = "Kriteriet"

DUPLICATE_ID = 'id "{key}" er brugt to gange: i linje {first} og i linje {repeat}. Giv hvert punkt sit eget id.'
DUPLICATE_MEANT = (
    ' Planen henviser til "{meant}" (linje {uses}), som ikke findes: skal punktet i linje {repeat} have id "{meant}"?'
)
DUPLICATE_FIELD_ID = (
    'felt-id "{key}" er brugt to gange: i linje {first} og i linje {repeat}. Giv hvert felt sit eget id.'
)
UNKNOWN_ID_MEANT = '{kind} "{value}" findes ikke. Mente du "{meant}" (defineret i linje {defined})?'
UNKNOWN_ID = '{kind} "{value}" findes ikke. {known} - eller tilføj den under "{section}".'
ALSO_IN_LINES = ' "{value}" står også i linje {lines}'
ALSO_FIX_ALL = ': ret dem alle, eller ret id\'et i linje {defined} til "{value}".'
DERIVED_SOURCE_MISSING = (
    'Milepælen "{value}" er datoen i {source}, som ikke er udfyldt. Skriv datoen dér (ÅÅÅÅ-MM-DD); '
    'milepælen "{value}" følger så med af sig selv (den skal ikke tilføjes under "milepaele").'
)
DERIVED_MILESTONE = (
    'Milepælen "{key}" dannes af {source}, så datoen skal kun stå dér. '
    "Slet milepælen her; arbejdspakker og aktiviteter kan stadig have frist: {key}."
)

# --- rules/values.py ----------------------------------------------------------------------------
ENDS_BEFORE_START = "{what} slutter ({end:%Y-%m-%d}) før den begynder ({start:%Y-%m-%d}). Byt om på fra og til."
PERIOD_FREEZE = "Frysningen"
PERIOD_ACTIVITY = "Aktiviteten"
PERIOD_PACKAGE = "Arbejdspakken"
PERIOD_ABSENCE = "Fraværet"
FREEZE_AFTER_GO_LIVE = "Frysningen skal slutte før go-live. Ret datoen til senest dagen før go-live."
PACKAGE_PERIOD_MISSING = (
    'En arbejdspakke med en periode skal have både "fra" og "til". '
    'Tilføj dem, eller skriv "tidspunkt: foerste_opfoelgning".'
)
PACKAGE_PERIOD_UNUSED = 'Arbejdspakken sker ved første opfølgning, så "fra" og "til" bruges ikke. Fjern dem.'
SESSION_ENDS_BEFORE_START = "Holdet slutter ({end:%H:%M}) før det begynder ({start:%H:%M})."
AFTER_MILESTONE = (
    '"{name}" slutter {end:%Y-%m-%d}, efter milepælen "{milestone}" ({date:%Y-%m-%d}), '
    "som den skal være færdig før. Flyt slutdatoen frem eller milepælen."
)
WEIGHTS_NOT_100 = "Kriteriernes vægte giver tilsammen {total} %, men skal give 100 %. Ret vægtene."
SCORES_MISSING = 'Muligheden "{option}" mangler point for: {missing}. Giv 1–5 point for hvert kriterium.'
NOT_CONVERTED_NEEDS = 'Sager, der ikke konverteres, skal have "{key}": hvor og hvor længe kan de stadig læses?'
READ_ACCESS_SHORT = "Læseadgangen til det gamle system bør vare mindst 3 måneder efter go-live."
READABLE_ONLY_NOT_CONVERTED = '"laesbar_i"/"laesbar_til" bruges kun for sager, der ikke konverteres.'
VENDOR_OFFER_MISSING = (
    'Planen regner med automatisk konvertering, men "leverandoertilbud" mangler. '
    "Tilføj tilbuddet (eller et skøn med antaget: true)."
)
STATISTICS_FIELD_LATE = (
    '"{name}" skal bruges af Danmarks Statistik, men er først planlagt til første '
    "opfølgning. Indberetningen kræver feltet fra go-live: sæt tidspunkt: go_live."
)
FOLLOW_UP_MONTH_FORMAT = '"{month}" skal være en måned skrevet ÅÅÅÅ-MM, fx 2027-04.'
FOLLOW_UPS_TOTAL = "Første opfølgninger giver {total} sager, men der konverteres {converted}. Ret antallene."

# --- rules/task.py -------------------------------------------------------------------------------

TASK_STEP_MISSING = (
    'Opgaven kan ikke være "fuldfoert", fordi trin {number} ({title}) mangler: '
    '{missing}. Udfyld det, eller sæt status til "i_gang".'
)

# --- rules/capacity.py ---------------------------------------------------------------------------

WEEK = "{week} (ugen fra {date})"
FIELD_NOBODY_PART = " for {missing} af {count} sager"
FIELD_NOBODY = (
    'Feltet "{field}" på sagskategorien "{category}" har ingen, der '
    "indtaster det{part}. Tilføj kategorien {category_id} og feltgruppen {group_id} "
    "til en arbejdspakke (arbejdspakker) eller et hold med konvertering, eller sæt "
    "automatisk: true, hvis leverandøren konverterer feltet."
)
FIELD_LATE = (
    'Feltet "{field}" skal være i DUBU ved go-live, men på sagskategorien '
    '"{category}" er det kun planlagt ved sagens første opfølgning. Læg det i en '
    "arbejdspakke med en periode før go-live."
)
DOUBLE_PACKAGE = (
    "Arbejdspakken dækker kategorien {category} og feltgruppen {group}, "
    'som arbejdspakken "{other}" også dækker. Så tælles arbejdet to gange: '
    "fjern den ene."
)
OVERLOAD = (
    "{role} har {load} planlagt i {week}, men kan kun "
    "give {capacity} den uge ({excess} for meget). "
    "Flyt arbejde til en anden uge, forlæng perioden, eller giv rollen flere timer."
)
# the work that cannot be done in time, by its kind
WORK_PACKAGE = "Arbejdspakken"
WORK_SESSION = "Holdet"
WORK_CONTROL = "Kontrollen"
WORK_ACTIVITY = "Aktiviteten"
WORK_TEACHING = "Undervisningen på holdet"
WORK_REENTRY = "Genindtastningen"
SHORTFALL = (
    '{what} "{name}" kan ikke nås inden fristen {deadline}: {role} mangler '
    "{hours} i {week}, selv når arbejdet fordeles efter rollens ledige tid og flyttes til dage med ledig tid.{full} "
    "Giv rollen flere timer (timer_pr_uge eller antal), start tidligere, eller flyt fristen."
)
LATE_FOR_CONTROL = (
    'Arbejdspakken "{name}" har frist {deadline}, men "{activity}" skal kontrollere dens sager ({categories}) og '
    "slutter {end}. Sager, der bliver færdige efter kontrollen, bliver ikke kontrolleret. Giv arbejdspakken en "
    "frist (en milepæl) senest {end}, eller flyt kontrollen."
)
SHORTFALL_FULL = " Rollen har ingen ledig tid i {weeks}."
FOLLOW_UP_PACKAGE_NO_MONTHS = (
    'Arbejdspakken "{name}" sker ved sagernes første opfølgning, men '
    '"foerste_opfoelgninger" siger ikke, hvornår de falder. '
    "Tilføj antal sager pr. måned."
)
NO_WORKING_DAYS = (
    'Arbejdspakken "{name}" har ingen arbejdsdage mellem {start} og '
    "{end} (weekend, helligdage eller fridage). Flyt perioden."
)
TOO_MANY_AWAY = "Der er {people} personer væk, men rollen har kun {headcount}. Ret antallet."
SESSIONS_TAKE_TOO_MUCH = (
    "Holdene konverterer {extra} sager mere af kategorien {category} (feltgruppen {group}), "
    "end kategorien har. Ret sager_pr_deltager eller deltagere på holdene."
)

# --- rules/guide.py ------------------------------------------------------------------------------

NOT_AN_IMAGE = '"{ref}" er ikke et billede. Brug en fil af typen {types}.'
SCREENSHOT_NOT_SHOWN = 'Skærmbilledet "{ref}" kan ikke vises: {problem}'
GROUP_WITHOUT_GUIDE = (
    'Feltgruppen "{name}" indtastes manuelt, men har ingen vejledning. Tilføj "{id}" '
    'under vejledning.feltgrupper med "hvor" (hvor i DUBU) og "tjek" (hvad der skal tjekkes).'
)

# --- rules/training.py ---------------------------------------------------------------------------

SEATS = (
    'Holdet "{title}" har {participants} deltagere, men kun {seats} pladser. '
    "Find et større lokale (ret pladser), eller flyt nogle deltagere til et andet hold."
)
SESSION_NAME = 'Holdet "{title}" ({date})'
ON_HOLIDAY = "{session} ligger på en helligdag ({holiday}). Flyt holdet til en hverdag."
ON_DAY_OFF = "{session} ligger på en fridag i kommunen ({day_off}). Flyt holdet til en hverdag."
AFTER_NOON = (
    "{session} slutter kl. {end:%H:%M}, men {day_off} er der fri fra kl. 12. "
    "Flyt holdet, eller lad det slutte senest kl. 12."
)
ON_WEEKEND = "{session} ligger på en {weekday}. Er datoen rigtig? Flyt holdet til en hverdag."
SATURDAY = "lørdag"
SUNDAY = "søndag"
CONVERSION_AFTER_GO_LIVE = (
    "{session} har en konverteringsøvelse, men ligger på eller efter go-live ({go_live}). "
    "Sagerne skal være i DUBU ved go-live: flyt holdet før go-live, "
    "eller fjern konverteringen."
)
SESSION_AFTER_GO_LIVE = (
    "{session} ligger på eller efter go-live ({go_live}). "
    "Medarbejderne skal kunne bruge DUBU fra go-live: flyt holdet før go-live."
)
CONVERSION_BEFORE_ACCESS = (
    "{session} har en konverteringsøvelse, men ligger før adgangen til DUBU ({access}). "
    "Flyt holdet til efter adgangen, eller fjern konverteringen."
)
ROLE_NO_SESSION = (
    "{role} konverterer sager, men har intet hold før go-live ({go_live}). "
    "Tilføj et hold under undervisning.sessioner med maalgruppe: [{role_id}]."
)
ROLE_CONVERTS_BEFORE_SESSION = (
    "{role} begynder at konvertere {start}, men det første hold er først "
    "{first}. Læg holdet før, eller begynd konverteringen senere."
)
TRAINER_NO_SUPER_USERS = (
    'Underviseren "{trainer}" er ikke superbruger: planen har ingen superbrugere. '
    'Marker en rolle med "superbruger: true", og skriv underviserne under dens "personer".'
)
TRAINER_NOT_SUPER_USER = (
    'Underviseren "{trainer}" er ikke en af superbrugerne ({people}).{hint} '
    'Ret navnet, eller tilføj personen under "personer" i en rolle med "superbruger: true".'
)
# the hint is MEANT (io/load.py above)

# --- rules/consistency.py ------------------------------------------------------------------------

VENDOR_DELIVERY = "{vendor}s levering"
AND_OTHERS = " (og {n} andre)"
AND_ONE_OTHER = " (og én til)"  # not "og 1 andre"
CONVERTED_BEFORE_FREEZE = (
    "{what}{others} konverterer sager fra {first}, før frysningen begynder "
    "{freeze}. Ændringer i {old_system} mellem konverteringen og "
    "frysningen går tabt, og frysningsloggen skal også indtastes. Planlæg timerne under "
    "projekt.frysning.genindtastning (rolle og timer), "
    "eller læg frysningen før konverteringen."
)
FREEZE_ENDS_EARLY = (
    "Frysningen slutter {end}, {gap} dage før go-live {go_live}. "
    "Ændringer i de dage bliver hverken logget eller konverteret. Lad frysningen vare til "
    "go-live (til: dagen før go-live)."
)
FOLLOW_UPS_BEFORE_GO_LIVE = (
    "{n} sager har første opfølgning i {month}, før go-live {go_live}. "
    "Så sker opfølgningen i det gamle system: flyt sagerne til måneder fra go-live."
)
PRICE_SCORE = (
    '"{dearer}" får {dearer_score} point for {criterion}, men koster '
    '{dearer_total} og dermed mere end "{cheaper}" ({cheaper_total}), '
    "som kun får {cheaper_score}. Giv den billigere mulighed mindst lige så mange point, eller "
    "fjern pris: true fra kriteriet, hvis det ikke handler om prisen."
)
ACTIVITY_WITHOUT_OWNER = (
    'Aktiviteten "{name}" har {hours}, men ingen ansvarlig rolle til at bære dem. Tilføj ansvarlig: rollens id.'
)

# --- rules/paths.py ------------------------------------------------------------------------------

RESERVED_ROLE_ID = (
    'Rolle-id\'et "{id}" er et reserveret navn: det giver filen '
    "{path}, som er en fast side eller download på sitet. Vælg et andet id."
)
ROLE_PATH_CLASH = (
    'Rolle-id\'et "{id}" giver samme filnavn ({path}) som rollen '
    '"{first}" i linje {line}, så den ene rolles side ville forsvinde '
    "(i filnavne bliver _ og - ens, og store og små bogstaver ens). Giv den ene rolle "
    "et andet id."
)
SESSION_ANCHOR_CLASH = (
    'Hold-id\'et "{id}" giver samme anker (#{anchor}) på '
    'undervisningssiderne som holdet "{first}" i linje {line} '
    "(i ankre bliver _ og - ens), så links til holdet ville ramme det forkerte hold. "
    "Giv det ene hold et andet id."
)

# --- rules/progress.py ---------------------------------------------------------------------------

# a close id is MEANT (io/load.py above); else the ids to choose from, at most MAX_KNOWN (USE_ONE_OF above)
CHOOSE_FROM = " {known}."
CRITERION_ID_REUSED = 'id "{id}" er brugt før (linje {line}). Giv hvert kriterie sit eget id.'
# what an id names that the plan does not have
NAMED_PACKAGE = "Arbejdspakken"
NAMED_SESSION = "Holdet"
NAMED_CATEGORY = "Sagskategorien"
NAMED_ACTIVITY = "Aktiviteten"
NOT_IN_PLAN = '{what} "{id}" findes ikke i planen.{guess}'
FAULT_RATE_NEEDS_LIMIT = (
    'Et kriterie med maal: fejlrate_under skal have en grænse. Tilføj fx "graense_pct: 5" (højeste fejlrate i procent).'
)
CONVERTED_NEEDS_CATEGORIES = (
    "Et kriterie med maal: kategorier_konverteret skal nævne sagskategorierne. "
    'Tilføj fx "kategorier: [aabne_anbringelser]".'
)
DATE_OUTSIDE_PLAN = "Datoen {day} ligger uden for planens periode ({start}–{end}). Ret datoen (ÅÅÅÅ-MM-DD)."
DATE_COUNTED_BEFORE = "Datoen {day} er talt før (linje {line}). Ret tallene i den første optælling, eller ret datoen."
SESSION_CONVERTS_NOTHING = (
    'Holdet "{id}" konverterer ingen sager (det har ingen "konvertering" i plan.yaml). Fjern det herfra.'
)
MORE_DONE_THAN_PLANNED = (
    "{n} færdige sager er flere end de {total}, {what} rummer efter "
    "planen. Tallet skal være antallet af færdige sager i alt til og med datoen."
)
COUNT_FELL = (
    "Antallet er faldet fra {before} ({date}) til {n}. Tallene er "
    "akkumulerede: skriv det samlede antal færdige sager til og med datoen."
)
CATEGORY_NOT_CONVERTED = (
    'Sagskategorien "{category}" konverteres ikke (rute: ikke_konverteres), så den '
    "skal ikke afstemmes. Fjern den herfra."
)
CATEGORY_RECONCILED_BEFORE = 'Sagskategorien "{category}" er afstemt før (linje {line}). Skriv den kun én gang.'
EXPLANATION_WITHOUT_ROW = 'Sagskategorien "{category}" har ingen afstemning under afstemning.kategorier.{hint}'
ADD_IT_THERE_FIRST = " Tilføj den dér først."
EXPLAINED_DOES_NOT_ADD_UP = (
    "Forklaringerne giver tilsammen {explained} med fortegn (+ for flere i DUBU, − for færre), men forskellen er "
    "{difference} ({old_system} i det gamle system, {dubu} i DUBU). Ret antal eller retning, så forklaringerne "
    "lægger op til forskellen."
)
DIRECTION_AGAINST_REASON = (
    'Retningen "{direction}" passer ikke med årsagen "{reason}": {why} Skriv retning: {fits}, eller ret årsagen.'
)
REASON_WHY = {
    "lukket_efter_udtraek": "en sag, der er lukket i det gamle system efter udtrækket, er stadig i DUBU, men ikke "
    "længere åben i det gamle system, så DUBU har flere.",
    "oprettet_efter_udtraek": "en sag, der er oprettet efter udtrækket, er åben i det gamle system, men endnu ikke "
    "i DUBU, så DUBU har færre (sagen skal oprettes i hånden).",
    "dublet_i_dubu": "en sag, der står to gange i DUBU, giver flere i DUBU.",
    "ikke_konverteret": "en sag, der ikke er kommet over, giver færre i DUBU.",
    "andet": "",
}
WHEN_AFTER_GO_LIVE = "Efter go-live"
WHEN_BEFORE_GO_LIVE = "Før go-live er det en advarsel; fra go-live"
COUNTS = "{old_system} i det gamle system, {dubu} i DUBU"
UNEXPLAINED_ALL = "Forskellen på {cases} ({counts}) er ikke forklaret"
UNEXPLAINED_PART = "{cases} af forskellen på {difference} ({counts}) er ikke forklaret"
UNEXPLAINED = "{what}. Find årsagen, og skriv den under afstemning.forklaringer. {when} er det en fejl."
FAULTS_ABOVE_SAMPLE = "{faults} sager med fejl er flere end de {sample} kontrollerede sager i stikprøven. Ret tallet."
CRITERION_NOT_IN_PLAN = 'Go/no-go-kriteriet "{criterion}" findes ikke i plan.yaml (go_no_go.kriterier).{guess}'
CRITERION_NOT_MANUAL = (
    'Kriteriet "{criterion}" måles ud fra tallene i fremdrift.yaml og kan ikke krydses '
    "af i hånden. Fjern det herfra (kun kriterier med maal: manuel krydses af)."
)

LIST_SPLIT_AT_COMMA = (
    "listen i [ ] er delt ved hvert komma og er blevet til {count} punkter: {parts}. Står et komma inde i ét "
    'navn (fx "Børn, Unge og Familie"), så skriv listen i blokform med ét punkt på hver linje:\n    {key}:\n{block}'
)
AHEAD_OF_PREREQUISITE = (
    '"{package}" er længere ({done} af {total} sager) end "{base}" ({base_done} af {base_total}), som opretter '
    "sagerne og skal gøres først på de samme sager. Tjek optællingen: en sag kan ikke have indsatser eller "
    "bevillinger i DUBU, før den er oprettet."
)
ROUTES_DO_NOT_ADD_UP = (
    "Ruterne giver tilsammen {checked} kontrollerede sager og {faults} med fejl, men runden har stikproeve: "
    "{sample} og fejl: {all_faults}. Ret tallene, så de passer."
)
ROUND_MIXES_ROUTES = (
    '"{activity}" tjekker alle sager i nogle kategorier og en stikprøve af resten, men tallene står samlet. '
    "Skriv dem hver for sig under ruter (rute: alle_sager og rute: stikproeve), så fejlraten for stikprøven "
    "ikke blandes med optællingen af alle sager."
)
SAMPLE_SMALLER_THAN_PLANNED = (
    "{what} har {checked} kontrollerede sager, men kontrolvejledningen planlægger {planned}. En mindre stikprøve "
    "giver et bredere interval: kontrollér de manglende sager, eller skriv, hvorfor de er færre."
)
ROUTE_WORDS = {"alle_sager": "Ruten alle_sager", "stikproeve": "Stikprøven"}
ROUND_AS_A_WHOLE = "Runden"


# --- rules/golive.py -----------------------------------------------------------------------------

CUT_OVER_MISSING = (
    'Planen har ingen overgang til DUBU (afsnittet "overgang"): go-live-siderne viser kun go-live og frysningen. '
    "Skriv testkonvertering, udtræk, go/no-go-møde, underretninger under frysningen, betalinger, Danmarks "
    "Statistik, læseadgang og arkivering ind (se eksempelplanen)."
)
CUT_OVER_PARTS_MISSING = "Overgangen mangler {missing}. Skriv dem ind, så hvert trin har en dato og en ansvarlig."
CUT_OVER_PART_NAMES = {
    "testkonvertering": "testkonvertering (dato)",
    "udtraek": "udtraek (leverandørens udtræk)",
    "go_no_go_moede": "go_no_go_moede",
    "underretninger": "underretninger (nye underretninger under frysningen)",
    "betalinger": "betalinger",
    "danmarks_statistik": "danmarks_statistik",
    "laeseadgang": "laeseadgang",
    "arkivering": "arkivering (lukkede sager, der ikke konverteres)",
}
AFTER_GO_LIVE_MISSING = (
    'Planen har ingen frister efter go-live (afsnittet "efter_go_live"): siden om de første tre måneder kan ikke '
    "vise undersøgelser, opfølgninger, planer og anbringelser, der skal behandles i DUBU."
)
DEADLINE_KINDS_MISSING = "efter_go_live.frister mangler {missing}. Skriv antallet pr. måned (eller 0) ind."
SCOPE_MISSING = (
    'Planen har ikke besluttet sagsomfanget uden huller (afsnittet "omfang"): hvad sker der med underretninger, '
    "der stadig vurderes, når frysningen begynder, og med afdækninger? Og i hvilken rækkefølge tælles en sag, "
    "der passer i to kategorier?"
)
SCOPE_PART_MISSING = 'omfang mangler "{key}": beslut, hvad der sker med {what}, og hvilken kategori de tælles i.'
SCOPE_PART_WHAT = {
    "underretninger_under_vurdering": "underretninger, der stadig vurderes, når frysningen begynder",
    "afdaekninger": "afdækninger (Barnets Lov § 19)",
}
SCOPE_PRECEDENCE_MISSING = (
    "omfang.raekkefoelge mangler {missing}. Skriv alle åbne sagskategorier i den rækkefølge, en sag tælles i."
)
SCOPE_PRECEDENCE_CLOSED = '"{category}" er ikke en åben sagskategori; rækkefølgen gælder kun åbne sager.'
SCOPE_COUNTED_TWICE = (
    "De åbne sagskategorier giver {sum} sager, men der er kun {total} åbne sager (omfang.aabne_sager_i_alt): "
    "mindst {twice} sager er talt i to kategorier. Tæl hver sag én gang, i den første kategori i "
    "omfang.raekkefoelge{order}."
)
SCOPE_IN_NONE = (
    "Der er {total} åbne sager (omfang.aabne_sager_i_alt), men de åbne sagskategorier giver kun {sum}: {none} "
    "sager er ikke i nogen kategori. Find dem, og beslut, hvad der sker med dem."
)
SCOPE_CATEGORY_NOT_OPEN = '"{category}" er en lukket sagskategori; {what} er åbne sager.'
STEP_ORDER = "{later} ({later_date}) skal ligge efter {earlier} ({earlier_date})."
STEP_TEST_CONVERSION = "testkonverteringen"
STEP_EXTRACTION = "udtrækket"
STEP_DELIVERY = "leveringen"
STEP_GO_NO_GO = "go/no-go-mødet"
STEP_GO_LIVE = "go-live"
STEP_PAYMENTS = "betalingernes flytning"
STEP_FIRST_RUN = "den første betalingskørsel"
STEP_STATISTICS = "indberetningens flytning"
STEP_ARCHIVE = "arkiveringen"
STEP_BEFORE_GO_LIVE = "{what} ({date}) skal ligge før go-live ({go_live})."
STEP_NOT_BEFORE_GO_LIVE = "{what} ({date}) kan ikke ligge før go-live ({go_live}): indtil da kører det i {system}."
NO_GO_BEFORE_DELIVERY = (
    "Go/no-go-mødet ({date}) ligger før leveringen ({delivery}): mødet har så ingen konverterede sager at vurdere."
)
OPEN_READ_ACCESS_SHORT = (
    "Læseadgangen til konverterede åbne sager slutter {until}, under 3 måneder efter go-live ({go_live}). "
    "Aktindsigt og klager kan kræve de gamle akter: giv mindst 3 måneder."
)
DEADLINE_MONTH_FORMAT = 'Måneden "{month}" skal skrives ÅÅÅÅ-MM, fx 2027-03.'
DEADLINE_MONTH_OUTSIDE = "{month} ligger uden for de første tre måneder efter go-live ({first}–{last}) og vises ikke."
DEADLINE_FOLLOW_UP_COUNTS = (
    'Første opfølgninger læses fra "foerste_opfoelgninger" og må ikke skrives her igen. Slet "antal".'
)
INVESTIGATION_TOO_LATE = (
    "En undersøgelse, der er i gang ved go-live ({go_live}), skal være færdig inden for 4 måneder efter, at kommunen "
    "fik kendskab til bekymringen (Barnets Lov § 20), altså senest {latest}. {month} er for sent: ret antallene."
)
DEADLINES_ABOVE_CATEGORY = (
    "{name}: {total} sager i alt, men sagskategorien {category} har kun {count}. En sag kan kun tælles én gang."
)
DEADLINE_OVERLOAD = (
    "{role}: {load} i {week} ({deadlines} til frister efter go-live og {conversion} til konverteringen), men "
    "kapaciteten er {capacity}; {excess} for meget. Flyt arbejde, eller giv rollen flere timer."
)
STEP_NOT_IN_PLAN = '"{step}" er ikke et trin i planens overgang (siden Go-live > Overgangsplan).{guess}'
DEADLINE_COUNTS_MISSING = (
    "{name}: antal mangler. Skriv antallet af sager, hvis frist falder i hver af de første tre måneder efter go-live "
    "(nøgle ÅÅÅÅ-MM), fra jeres eget system."
)
FINANCE_EXPLANATION_NO_ROW = (
    'Forklaringen gælder "{what}", men den række findes ikke under afstemning.oekonomi. Skriv rækken først, eller '
    "ret måneden (ÅÅÅÅ-MM) eller lovgrundlaget, så de står præcis som i rækken."
)
FINANCE_EXPLAINED_TOO_MUCH = "Forklaringerne for {month} dækker flere kr. end forskellen. Ret beløbene."
FINANCE_AMOUNT_UNEXPLAINED = (
    "{month}: {amount} af forskellen er ikke forklaret ({old} i det gamle system, {dubu} i DUBU). Find årsagen, og "
    "skriv den under afstemning.oekonomi.forklaringer med maaned og beloeb. {when}"
)
FINANCE_PAYMENTS_UNEXPLAINED = (
    "{month}: {n} {payments} af forskellen er ikke forklaret ({old} i det gamle system, {dubu} i DUBU). Skriv "
    "forklaringen med maaned og betalinger. {when}"
)
FINANCE_BASIS_UNEXPLAINED = (
    "{basis}: {n} {placements} af forskellen er ikke forklaret ({old} i det gamle system, {dubu} i DUBU). Skriv "
    "forklaringen med grundlag og antal. {when}"
)
FINANCE_NOT_SIGNED = (
    "Økonomiafstemningen er ikke godkendt af økonomi endnu. Skriv godkendt_af (rolle) og godkendt_dato, når den er."
)
BEFORE_GO_LIVE_WARNING = "Før go-live er det en advarsel; fra go-live er det en fejl."
AFTER_GO_LIVE_ERROR = "Efter go-live er en uforklaret forskel en fejl."
PAYMENT_WORDS = ("betaling", "betalinger")
PLACEMENT_WORDS = ("anbringelse", "anbringelser")
EXTRACTION_BEFORE_FREEZE = (
    "Udtrækket ({date}) ligger før frysningen ({freeze}), men projekt.frysning.genindtastning har ingen timer: "
    "det, der ændres i {system} mellem udtrækket og frysningen, går tabt. Læg udtrækket i frysningen, eller giv "
    "genindtastningen timer."
)
