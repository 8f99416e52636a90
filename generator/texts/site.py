"""What the site and its downloads say outside the templates (generator/pages/templates/*.md.j2).

Page and section titles in the navigation, chart titles, descriptions and legends, spreadsheet headers
and total rows, calendar names and event descriptions, the KLIK method's step titles, and the vendor's
name when the plan has none. Python elsewhere only picks a text from here and fills in the numbers and
names. The other modules of generator/texts/ hold the messages about the input and what the commands say.
"""

from __future__ import annotations

from .language import AND

# --- the vendor --------------------------------------------------------------------------------

VENDOR_UNNAMED = "leverandøren"  # when the plan has no leverandoertilbud; "leverandørens" with an s


def vendor_name(offer) -> str:
    """The vendor of the partially automatic conversion as the plan names it (Netcompany in DUBU 3.0)."""
    return offer.vendor if offer is not None else VENDOR_UNNAMED


def capitalised(text: str) -> str:
    """First letter upper-case, for a name that starts a sentence or a table cell ("Leverandøren")."""
    return text[:1].upper() + text[1:]


# --- the MkDocs build ------------------------------------------------------------------------------

BUILD_ABORTED = (
    "Sitet blev ikke bygget: ret fejlen på næste linje, og byg igen. MkDocs slutter med "
    '"Aborted with a BuildError!", som betyder det samme: bygningen er stoppet.'
)


# --- navigation ----------------------------------------------------------------------------------

PAGE_HOME = "Forside"
PAGE_SCOPE = "Sagsomfang"
PAGE_MINIMUM = "Minimumsoplysninger"
PAGE_CONVERSION = "Konverteringsform"
PAGE_ECONOMY = "Økonomi og beslutningsgrundlag"
PAGE_ROLES = "Roller og ansvar"
PAGE_SCHEDULE = "Tids- og ressourceplan"
PAGE_GLOSSARY = "Ordliste"
# The front page's way in by role ("Hvem er du?"): the link texts.
WHO_GUIDE = "Din vejledning"
WHO_CHECKLIST = "Tjekliste pr. sag"
WHO_SESSIONS = "Dine hold"
WHO_CALENDAR = "Kalender (.ics)"
WHO_CALENDAR_ALL = "Alle hold i kalenderen (.ics)"
WHO_HOURS = "Dine timer"
WHO_GO_LIVE = "Dine trin ved go-live"
WHO_TEACHING = "Holdene, du underviser"
WHO_CONTROL = "Kontrol af de konverterede sager"
WHO_BOARD = "Styregruppen"
WHO_STATUS = "Status på én side"
WHO_DECISION = "Beslutningen"
WHO_COST = "Økonomi"
WHO_TIMEPLAN = "Tidsplan"
WHO_PROGRESS = "Fremdrift"
WHO_GO_NO_GO = "Go/no-go"
SECTION_CASE_TYPES = "Felter pr. sagstype"
FOOTER_UPDATED = "Sidst ændret {date}"
FOOTER_CONTACT = "Kontakt: {name} (projektleder)"
FOOTER_PHONE = "telefon {phone}"
FOOTER_EMAIL = "e-mail {email}"
PAGE_STATUS = "Status til styregruppen"
RISK_BEHIND = "{name} er bagud: {cases}."
RISK_UNEXPLAINED = "{category}: en forskel på {cases} før og efter er ikke forklaret."
RISK_FAULTS = "{activity}: fejlraten er over grænsen."
RISK_OVERBOOKED = "{role}: {weeks} uger er overbooket i planen."
RISK_PLACEHOLDERS = "Planen har {n} pladsholdere, som ikke er udfyldt."
MY_NUMBERS_ANCHOR = "dit-arbejde-i-tal"  # the heading "Dit arbejde i tal" on each guide page
SECTION_DECISION = "Beslutning"
SECTION_PLAN = "Plan"
SECTION_LOAD = "Belastning pr. uge"
PAGE_LOAD_ROLE = "{role} (belastning)"  # in the navigation: says which section the role's name is in
SECTION_GUIDE = "Trin-for-trin-vejledning"
SECTION_TRAINING = "Undervisningsplan"
PAGE_GUIDE_INDEX = "Oversigt"
PAGE_GUIDE_CHECKLIST = "{role}: tjekliste pr. sag"
PAGE_GUIDE_PRINT = "{role}: udskriv hele vejledningen"
PAGE_TRAINING_ALL = "Alle hold"
PAGE_TRAINING_ROLE = "Hold for {roles}"  # roles: the role's plural, "Hold for sagsbehandlere"

# --- labels in tables ------------------------------------------------------------------------------

STAKEHOLDER_CASEWORKER = "Sagsbehandler"
STAKEHOLDER_MANAGEMENT = "Ledelse"
STAKEHOLDER_FINANCE = "Økonomi"
STAKEHOLDER_STATISTICS = "Danmarks Statistik"
TIMING_GO_LIVE = "Ved go-live"
TIMING_FIRST_FOLLOW_UP = "Ved første opfølgning"
ROUTE_AUTOMATIC = "Delvis automatisk (hos {vendor})"
ROUTE_MANUAL = "Manuel"
ROUTE_NOT_CONVERTED = "Konverteres ikke"
KIND_NAMES = {
    "arbejdspakke": "Arbejdspakke",
    "opfoelgning": "Ved første opfølgning",
    "hold": "Hold",
    "kontrol": "Kontrol",
    "aktivitet": "Aktivitet",
    "milepael": "Milepæl",
    "frysning": "Frysning",
    "undervisning": "Undervisning",
    "genindtastning": "Genindtastning",
}
GANTT_MILESTONES = "Milepæle"
GANTT_ACTIVITIES = "Aktiviteter"
GANTT_PACKAGES = "Arbejdspakker"
GANTT_SESSIONS = "Hold"
FREEZE_ROW = "Frysning i {system}"
CONTROL_WORK = "Kontrol af {vendor}s konverterede sager"  # "Kontrol af Netcompanys konverterede sager"
CONTROL_WORK_BY = "{work} ({role})"
GO_LIVE = "Go-live"
CHOSEN = "valgt"

# --- charts: title, description (read by screen readers) and legends -------------------------------

CHART_COST_TITLE = "Samlet pris for hver konverteringsform"
CHART_COST_DESC = "Vandrette søjler: egne timer i kr. plus leverandørens pris. Tallene står i tabellen under."
CHART_COST_PEOPLE = "Egne timer"
CHART_COST_VENDOR = "Leverandørens pris"
CHART_UNIT_HOURS = "timer"  # the y axis of the weekly load charts
CHART_UNIT_CASES = "sager"  # the y axis of the forecast and progress charts
CHART_LOAD_TITLE = "{role}: planlagte timer og kapacitet pr. uge"
CHART_LOAD_DESC = (
    "Søjler: planlagte timer pr. uge. Stiplet linje: kapacitet. Skraverede søjler med udråbstegn er "
    "over kapaciteten. Tallene står i tabellen under."
)
CHART_LOAD_BAR = "Planlagte timer"
CHART_LOAD_CAPACITY = "Kapacitet"
CHART_LOAD_OVER = "Over kapaciteten (!)"
CHART_WEEK_AXIS = "Uge"
CHART_FORECAST_TITLE = "Konverterede sager uge for uge"
CHART_FORECAST_DESC = (
    "To linjer: sager med minimumsoplysningerne i DUBU (fuld linje med runde punkter) og sager "
    "med hele det juridiske grundlag efter første opfølgning (stiplet linje med firkantede "
    "punkter). Tallene står i tabellen under."
)
CHART_FORECAST_MINIMUM = "Minimumsoplysninger"
CHART_FORECAST_FULL = "Fuldt juridisk grundlag"
CHART_GANTT_TITLE = "Tidsplan: milepæle, aktiviteter, arbejdspakker og hold"
CHART_GANTT_DESC = (
    "Gantt-diagram med en vandret bjælke for hver aktivitet, arbejdspakke og hvert hold og en rombe "
    "for hver milepæl. Go-live er markeret med en lodret stiplet linje. Datoerne står i tabellen "
    "under."
)

# --- the resource plan download (ressourceplan.xlsx / .csv) ----------------------------------------

SHEET_HEADERS = [
    "Rolle",
    "År",
    "Uge",
    "Ugens mandag",
    "Planlagte timer",
    "Kapacitet (timer)",
    "Ledige timer (minus = for mange)",
    "Over kapaciteten",
    "Timepris (kr.)",
    "Omkostning (kr.)",
]
SHEET_TITLE = "Ressourceplan"
SHEET_TOTAL_ROLE = "I alt {role}"
SHEET_TOTAL_ALL = "I alt, alle roller"
SHEET_YES = "ja"
SHEET_NO = "nej"

# --- calendars (undervisning*.ics) -----------------------------------------------------------------

CALENDAR_ALL = "Undervisning i DUBU - {municipality}"
CALENDAR_TEAM = "{team} - {municipality}"
CALENDAR_ROLE = "Undervisning i DUBU for {roles} - {municipality}"
CALENDAR_CATEGORIES = ["Undervisning", "DUBU"]
EVENT_TRAINER = "Underviser: {trainer}"
EVENT_AUDIENCE = "For: {audience}"
EVENT_SEATS = "Pladser: {seats}, tilmeldte: {participants}"
EVENT_CONTENT = "Indhold:"
EVENT_EXERCISE = "Konverteringsøvelse: hver deltager konverterer {cases} sager ({categories}) og indtaster {groups}."
EVENT_KLIK = 'Undervisningen hører til KLIK-opgaven "{task}" ({municipality}).'

# --- the KLIK method's steps (front page) -----------------------------------------------------------

STEP_TITLES = {
    1: "Afklar minimumssagsoplysninger",
    2: "Beslut konverteringsform",
    3: "Planlæg konverteringen",
    4: "Sæt status til fuldført",
}
MISSING_SETTLED_ON = "datoen hvor minimumsoplysningerne blev afklaret (minimumsoplysninger.afklaret_dato)"
MISSING_PARTICIPANTS = "hvem der var med til at afklare dem (minimumsoplysninger.deltagere)"
MISSING_GO_LIVE_FIELD = "mindst ét felt, der skal være i DUBU ved go-live"
MISSING_CONVERTED = "mindst én sagskategori, der konverteres"
MISSING_DECISION = "en beslutning med dato og beslutningstager (konverteringsform.beslutning)"
MISSING_SCORES = "en vurdering af mulighederne efter kriterierne (konverteringsform.vurdering)"
MISSING_MILESTONES = "milepæle (milepaele)"
MISSING_PACKAGES = "arbejdspakker: hvem konverterer hvad hvornår (arbejdspakker)"
MISSING_SESSIONS = "undervisningshold, hvor den manuelle konvertering indarbejdes (undervisning.sessioner)"
MISSING_STATUS = 'status "fuldfoert" (klik_opgave.status)'
MISSING_PLACEHOLDERS = "pladsholderne under kommune, klik_opgave og projekt erstattet"
MISSING_UNFILLED = "{n} {word} erstattet med jeres egne oplysninger ({sections})"
PLACEHOLDER_ONE, PLACEHOLDER_MANY = "pladsholder", "pladsholdere"

# Placeholders of a new plan (analysis/placeholders.py): what to do about each.
PLACEHOLDER_CVR = "CVR-nummeret 00000000 er en pladsholder. Skriv kommunens eget CVR-nummer (8 cifre)."
PLACEHOLDER_STATEMENT = (
    "Adressen er en pladsholder. Skriv adressen på kommunens egen tilgængelighedserklæring, "
    "fx https://www.was.digst.dk/kommunens-domaene-dk."
)
PLACEHOLDER_TEXT = '"{value}" er en pladsholder. Erstat den med jeres egne oplysninger.'

# Work and milestones the analysis derives from the plan (analysis/workload.py, analysis/milestones.py).
REENTRY_WORK = "Ændringer fra {system} indtastes igen"
MILESTONE_GO_LIVE = "Go-live i DUBU"
MILESTONE_FREEZE = "Frysning i {system} begynder"
MILESTONE_ACCESS = "Adgang til DUBU"
MILESTONE_DELIVERY = "{vendor} leverer de automatisk konverterede sager"
MILESTONE_DECISION = "Konverteringsform besluttet"
PAGE_CONTROL_GUIDE = "Kontrol af de konverterede sager"

# --- progress (Fremdrift, from fremdrift.yaml: pages/progress.py, analysis/progress.py) ------------

SECTION_PROGRESS = "Fremdrift"
PAGE_PROGRESS_OVERVIEW = "Overblik"
PAGE_PROGRESS_RECONCILIATION = "Afstemning"
PAGE_PROGRESS_QUALITY = "Kvalitet"
PAGE_PROGRESS_GO_NO_GO = "Go/no-go"
CASES_ONE, CASES_MANY = "{n} sag", "{n} sager"
# Verdict of a work package, session or role: "bagud: 36 sager, færdig ca. 1. marts 2027 mod frist 28. februar 2027"
VERDICT_DONE = "færdig"
VERDICT_DONE_LATE = "færdig {finish}, {days} efter fristen"
VERDICT_DONE_LATE_ITEMS = "færdig, men {items}"
DAY_ONE = "1 dag"
DAYS_MANY = "{n} dage"
VERDICT_ON_TRACK = "på sporet"
VERDICT_NOT_STARTED = "på sporet (ikke startet)"
VERDICT_BEHIND = "bagud: {cases}"
VERDICT_BEHIND_UNMEASURED = "bagud: {cases}, ingen fremdrift målt endnu, frist {deadline}"
VERDICT_BEHIND_FORECAST = "bagud: {cases}, færdig ca. {finish} mod frist {deadline}"
CHART_PROGRESS_TITLE = "Færdige sager pr. arbejdspakke og hold"
CHART_PROGRESS_TITLE_AS_OF = "Færdige sager pr. arbejdspakke og hold pr. {date}"
CHART_PROGRESS_DESC = (
    "Vandrette bjælker: andelen af sagerne, der er færdige (fyldt), ud af alle arbejdspakkens "
    "sager (ramme). Den lodrette streg viser, hvor langt planen siger, arbejdet skulle være nået. "
    "Tallene står i tabellen under."
)
CHART_PROGRESS_NOTE = "{done} af {total}"
CHART_PROGRESS_DONE = "Færdige"
CHART_PROGRESS_TOTAL = "I alt"
CHART_PROGRESS_PLANNED = "Planlagt til datoen"
CHART_ROLE_PROGRESS_TITLE = "{role}: færdige og planlagte sager over tid"
CHART_ROLE_PROGRESS_DESC = (
    "To linjer over optællingsdatoerne: færdige sager (fuld linje med runde punkter) og "
    "sager, der efter planen skulle være færdige (stiplet linje med firkantede punkter). "
    "Tallene står i tabellen under."
)
CHART_ROLE_PROGRESS_DONE = "Færdige"
CHART_ROLE_PROGRESS_PLANNED = "Planlagt"
CHART_QUALITY_TITLE = "Fejlrate pr. kontrolrunde med 95 %-interval"
CHART_QUALITY_DESC = (
    "Punkt: fejlraten i stikprøven. Vandret streg: 95 %-konfidensintervallet (Wilson). "
    "Stiplet lodret streg: grænsen fra go/no-go-kriterierne. Tallene står i tabellen under."
)
CHART_QUALITY_RATE = "Fejlrate"
CHART_QUALITY_INTERVAL = "95 %-interval"
CHART_QUALITY_LIMIT = "Grænse"
PROGRESS_SHEET_TITLE = "Fremdrift"
PROGRESS_SHEET_HEADERS = [
    "Optællingsdato",
    "Type",
    "Navn",
    "Rolle",
    "Færdige sager",
    "Planlagt til datoen",
    "Sager i alt",
    "Vurdering",
    "Færdig ca.",
    "Frist",
]
# What a go/no-go criterion or a step of "Konverter sager" still lacks.
MISSING_ITEM_CASES = "{name}: {done} af {cases}"
MISSING_ITEM_LEFT = "{name}: {cases} tilbage"
MISSING_ROUND = "{activity} er ikke registreret"
MISSING_ROUNDS = "ingen kontrolrunder er registreret"
MISSING_ROUNDS_KEY = "ingen kontrolrunder er registreret i fremdrift.yaml"
MISSING_FAULT_RATE = "{activity}: fejlrate {rate} over grænsen på {threshold}"
MISSING_EXPLANATION = "{category}: {cases} uden forklaring"
MISSING_RECONCILIATION = "{category}: ikke afstemt endnu"
MISSING_CHECK = "ikke krydset af i fremdrift.yaml"
MISSING_CHECK_NOT_MET = "ikke opfyldt ifølge {by}"
MISSING_CRITERIA = "der er ingen go/no-go-kriterier i plan.yaml"
CONVERT_STEP_TITLES = {
    1: "Konverter sagerne",
    2: "Afstem antal sager før og efter",
    3: "Kontrollér datakvaliteten",
    4: "Go/no-go: alle kriterier er opfyldt",
}


# A work package smaller than its categories because a training session converts some of its cases: every page
# that shows the package's case count says so in these words (templates: the filter "paa_hold").
TAKEN_IN_TRAINING = "{taken} af kategoriernes {whole} sager konverteres i stedet på {sessions}"
TAKEN_SESSION_ONE = 'holdet "{title}"'
TAKEN_SESSIONS_MANY = "holdene {titles}"


def taken_in_training(taken: int, whole: int, titles: tuple[str, ...]) -> str:
    """ "9 af kategoriernes 195 sager konverteres i stedet på holdet "DUBU for studentermedhjælpere"", or ""."""
    if taken <= 0:
        return ""
    if len(titles) == 1:
        sessions = TAKEN_SESSION_ONE.format(title=titles[0])
    else:
        quoted = [f'"{t}"' for t in titles]
        sessions = TAKEN_SESSIONS_MANY.format(titles=", ".join(quoted[:-1]) + f" {AND} " + quoted[-1])
    return TAKEN_IN_TRAINING.format(taken=taken, whole=whole, sessions=sessions)


MISSING_ITEM_MIXED = (
    "{name}: {done} af {cases}, men optællingen dækker også {others}, så den kan ikke vise, om {mine} er færdige"
)


# --- go-live: the cut-over steps (analysis/golive.py), pages/golive.py ----------------------------------

SECTION_GO_LIVE = "Go-live"
PAGE_GO_LIVE = "Overgangsplan"
PAGE_DEADLINES_MONTH = "Frister i {month}"  # month: "marts 2027"
CALENDAR_GO_LIVE = "Go-live i {municipality}"
CALENDAR_GO_LIVE_ROLE = "Go-live for {roles} i {municipality}"
CALENDAR_GO_LIVE_CATEGORIES = ["Go-live", "DUBU"]
EVENT_OWNER = "Ansvarlig: {role}"
EVENT_CHECK = "Tjek {check}"
EVENT_STEP_ID = "Trin-id (fremdrift.yaml, overgang): {id}"

STEP_TEST_CONVERSION = "Testkonvertering hos {vendor}"
STEP_TEST_CONVERSION_CHECK = (
    "at de testkonverterede sager er gennemgået (stikprøve og alle anbringelser), og at fejlene er meldt til {vendor}, "
    "før udtrækket bestilles"
)
STEP_EXTRACTION = "{vendor} tager udtrækket fra {system}"
STEP_EXTRACTION_CHECK = (
    "at udtrækket kommer efter testkonverteringen, og at alt, der ændres i {system} efter udtrækket, skrives i "
    "frysningsloggen og indtastes igen i DUBU"
)
STEP_FREEZE = "Frysning af {system}: ændringer skrives i frysningsloggen"
STEP_FREEZE_CHECK = "at alle ved, at ændringer i {system} fra nu af skrives i frysningsloggen"
STEP_NOTIFICATIONS = "Nye underretninger under frysningen"
STEP_NOTIFICATIONS_CHECK = "at hver ny underretning er vurderet inden for 24 timer, også under frysningen: {handling}"
STEP_DELIVERY = "{vendor} leverer de konverterede sager"
STEP_DELIVERY_CHECK = (
    "at antallet af leverede sager pr. sagskategori stemmer med udtrækket, før kontrolrunderne begynder"
)
STEP_GO_NO_GO = "Go/no-go-møde: {decided_by} beslutter"
STEP_GO_NO_GO_CHECK = "at hvert go/no-go-kriterium er opfyldt (Fremdrift > Go/no-go). Ved no-go: {no_go}"
STEP_GO_LIVE = "Go-live: DUBU tages i brug"
STEP_GO_LIVE_CHECK = "at alle kan logge på DUBU, og at nye sager og underretninger oprettes i DUBU, ikke i {system}"
STEP_READ_ACCESS_OPEN = "Læseadgang til konverterede åbne sager i {system}"
STEP_READ_ACCESS_OPEN_CHECK = "at sagsbehandlerne kan læse de gamle akter til aktindsigt og klager{how}, indtil {until}"
STEP_READ_ACCESS_OPEN_END = "Læseadgangen til konverterede åbne sager i {system} slutter"
STEP_READ_ACCESS_OPEN_END_CHECK = (
    "at aktindsigter og klager, der bygger på de gamle akter, er afsluttet, eller at akterne ligger i DUBU"
)
STEP_READ_ACCESS_CLOSED_END = "Læseadgangen til {category} slutter"
STEP_READ_ACCESS_CLOSED_END_CHECK = (
    "at sagerne er med i arkiveringsversionen, før læseadgangen lukkes (sagerne kan læses i: {readable_in})"
)
STEP_PAYMENTS = "Betalingerne flytter fra {system} til DUBU"
STEP_PAYMENTS_CHECK = "at den sidste betalingskørsel i {system} er kørt, og at ingen fast betaling ligger begge steder"
STEP_FIRST_RUN = "Første betalingskørsel i DUBU"
STEP_FIRST_RUN_CHECK = (
    "at beløbet pr. måned og antallet af betalinger er det samme som i den sidste kørsel i {system} "
    "(økonomiafstemningen i fremdrift.yaml)"
)
STEP_STATISTICS = "Indberetningen til Danmarks Statistik flytter til DUBU"
STEP_STATISTICS_CHECK = "at bagudrettede sager ikke indberettes igen: {back_dated}"
STEP_ARCHIVE = "Arkiveringsversion af lukkede sager, der ikke konverteres"
STEP_ARCHIVE_CHECK = "at arkiveringsversionen er afleveret: {retention}"

DEADLINE_KINDS = {
    "undersoegelse": "Børnefaglige undersøgelser, der når 4-månedersfristen",
    "foerste_opfoelgning": "Første opfølgninger",
    "barnets_plan": "Barnets planer, der skal revideres",
    "revurdering_anbringelse": "Anbringelser, der skal revurderes",
}
