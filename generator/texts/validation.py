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
INVALID = "er ugyldig: {msg}.{got}"

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
SCORES_MISSING = 'Muligheden "{option}" mangler point for: {missing}. Giv 1-5 point for hvert kriterium.'
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
    "{hours} i {week}, selv når arbejdet flyttes til dage med ledig tid. "
    "Giv rollen flere timer (timer_pr_uge eller antal), start tidligere, eller flyt fristen."
)
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
EXPLAINED_TOO_MUCH = (
    "Forklaringerne dækker {explained} sager, men forskellen er kun "
    "{difference} ({old_system} i det gamle system, {dubu} i DUBU). Ret antallene."
)
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
