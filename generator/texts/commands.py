"""What the commands and the MkDocs/Zensical adapters say (generator/adapters/).

The command line's help and errors (``validate``, ``render``, ``new``, ``optael``, ``schema``, and what
it says about a command line it cannot use), what ``new`` prints, the status words ``optael`` reads and
the header it writes into a new fremdrift.yaml, the messages about an output folder that is not the
generator's or is locked, the MkDocs plugin's and its worker's log lines, the Zensical adapter's output,
and the language data of the Danish search (synonyms, compound heads and endings, question words), which
the search worker's JavaScript reads as JSON from here. Python elsewhere picks a text from here and fills
in the names and numbers with ``str.format``.
"""

from __future__ import annotations

# --- adapters/cli.py -------------------------------------------------------------------------------

# What the command line says about a command line it cannot use (cli.py finds these itself; argparse's
# own English messages are never shown). {metavar} is METAVAR_COMMAND; {arg} an argument as in the usage line.
ARGS_UNKNOWN_COMMAND = "{metavar}: ugyldigt valg {value}; vælg mellem {choices}"
ARGS_NO_COMMAND = "skriv en {metavar}"
ARGS_MISSING = "disse argumenter mangler: {args}"
ARGS_UNRECOGNIZED = "ukendte argumenter: {args}"
ARGS_NO_VALUE = "{arg} skal have en værdi"
ARGS_INVALID = "kommandolinjen passer ikke til brugen ovenfor"

# The parts of the help that are not an argument's own help.
USAGE_PREFIX = "Brug: "
HELP_COMMANDS = "kommandoer"
HELP_POSITIONALS = "argumenter"
HELP_OPTIONALS = "tilvalg"
HELP_HELP = "vis denne hjælp og afslut"
HELP_VERSION = "vis versionen af konverteringsplan og afslut"
USAGE_ERROR = "{prog}: fejl: {error}\nSkriv {prog} --help for at se, hvad der kan skrives.\n"

VALID_SUMMARY = (
    "{municipality}: planen er gyldig - {cases} sager konverteres, {roles} roller, {packages} "
    "arbejdspakker, {sessions} hold, {done} af 4 trin løst."
)
RENDER_WROTE = "Skrev {count} filer til {out} (sider og downloads fra {plan})."
SCHEMA_OUTDATED = "{target} er forældet. Kør: {command}"
SCHEMA_CURRENT = "{target} er opdateret."
SCHEMA_WROTE = "Skrev {target}."
COUNT_BAD_DATE = '--dato skal være en dato skrevet som ÅÅÅÅ-MM-DD, fx 2027-02-19 (du skrev "{value}").'
COUNT_WROTE = (
    "{package}: {done} færdige sager af {rows} sager på listen pr. {day}. "
    "Skrevet i {progress} (kun antallet; listen er ikke gemt)."
)

# Help of the commands and their arguments; METAVAR_* name an argument's value in the usage line.
METAVAR_COMMAND = "KOMMANDO"
METAVAR_FOLDER = "MAPPE"
METAVAR_FILE = "FIL"
METAVAR_NAME = "NAVN"
METAVAR_NEW_FOLDER = "mappe"
HELP_DESCRIPTION = "Konverteringsplan: tjek og byg planen."
HELP_VALIDATE = "tjek planen og vis alle fejl"
HELP_PLAN = "planfilen (standard: plan.yaml)"
HELP_DOCS = "mappen med håndskrevne sider (standard: docs)"
HELP_CONFIG = "MkDocs-konfigurationen, der også tjekkes for CPR-numre (standard: mkdocs.yml)"
HELP_RENDER = "skriv de genererede sider og downloads til en mappe"
HELP_OUT = "mappen, der skal skrives til"
HELP_NEW = "start en ny plan for en anden kommune"
HELP_NEW_FOLDER = "mappen til den nye plan"
HELP_MUNICIPALITY = 'kommunens navn, fx "Borgen Kommune"'
HELP_NEW_ONLY_MISSING = "tilføj kun de filer, der mangler i en mappe, der allerede har et projekt (intet overskrives)"
HELP_COUNT = "tæl færdige sager i en liste og skriv antallet i fremdrift.yaml"
HELP_COUNT_DESCRIPTION = (
    'Tæller sager med status "basis oprettet" eller "færdig" i kolonnen "status" og '
    "skriver kun antallet i fremdrift.yaml. Andre kolonner læses ikke."
)
HELP_COUNT_LIST = 'listen over sager (.xlsx eller .csv) med en kolonne "status"'
HELP_COUNT_PACKAGE = "arbejdspakkens id fra plan.yaml"
HELP_COUNT_DATE = "optællingsdatoen ÅÅÅÅ-MM-DD (standard: i dag)"
HELP_COUNT_PROGRESS = "fremdriftsfilen (standard: fremdrift.yaml)"
HELP_COUNT_PLAN = "planfilen (standard: plan.yaml ved siden af fremdriftsfilen)"
HELP_SCHEMA = "JSON Schema til editorens hjælp i plan.yaml"
HELP_SCHEMA_FILE = "skemafilen (standard: plan.schema.json, eller fremdrift.schema.json med --fremdrift)"
HELP_SCHEMA_PROGRESS = "skemaet til fremdrift.yaml i stedet for plan.yaml"
HELP_SCHEMA_WRITE = "skriv skemaet til filen"
HELP_SCHEMA_CHECK = "fejl, hvis filen er forældet"

ERRORS_FIX = "{count} fejl - ret dem og prøv igen."  # "fejl" is both singular and plural
INTERRUPTED = "Afbrudt. Kør kommandoen igen for at gøre den færdig."
UNEXPECTED_ERROR = (
    "Der skete en uventet fejl ({kind}), og kommandoen stoppede. Teksten fra fejlen vises ikke, fordi den kan "
    "indeholde persondata fra dine filer. Kør kommandoen igen; sker det igen, så meld fejlen til dem, der "
    "vedligeholder konverteringsplan, med kommandoen og fejlens navn ({kind})."
)

# --- adapters/count.py -----------------------------------------------------------------------------

# The status words of a tracking list (compared lower-case, spaces collapsed): finished, and not yet.
STATUS_DONE = frozenset({"basis oprettet", "færdig", "faerdig", "konverteret"})
STATUS_NOT_DONE = frozenset({"", "ikke startet", "i gang", "venter", "spørgsmål", "spoergsmaal"})

COUNT_NO_STATUS = (
    'Listen har ingen kolonne med overskriften "status" i første række. Tilføj kolonnen, og skriv '
    '"basis oprettet" eller "færdig" ud for hver færdig sag.'
)
COUNT_NOT_XLSX = "Filen kan ikke læses som et Excel-regneark (.xlsx). Gem listen igen i Excel."
COUNT_NOT_A_LIST = "Listen skal være et Excel-regneark (.xlsx) eller en CSV-fil (.csv)."
COUNT_UNKNOWN_STATUS = (
    'Ukendt status i række {rows}. Brug "basis oprettet" eller "færdig" for en færdig sag, '
    'og "ikke startet", "i gang", "venter" eller "spørgsmål" for resten (værdien vises '
    "ikke her, fordi listen kan indeholde personoplysninger)."
)
COUNT_NOT_PROGRESS = (
    "Filen er ikke en fremdriftsfil: --fremdrift skal pege på fremdrift.yaml (en .yaml-fil med "
    '"status:" og optællinger), ikke på listen, planen eller en side. Intet er skrevet.'
)
COUNT_BUSY = "En anden optælling skriver stadig til filen og blev ikke færdig. Prøv igen om lidt."
COUNT_BUSY_LOCK_FILE = (
    "En anden optælling skriver stadig til filen. Prøv igen om lidt. Kører der ingen anden, så slet låsefilen {lock}."
)

# --- io/tracking_list.py: reading a list, bounded ---------------------------------------------------
LIST_CELL = "række {row}, kolonne {col}"
LIST_UNREADABLE = "Listen kan ikke læses: {reason}."
LIST_IS_A_FOLDER = "Det er en mappe, ikke en liste. Angiv listens fil (.xlsx eller .csv)."
LIST_NOT_A_FILE = (
    "Det er ikke en almindelig fil (men fx en enhed eller en navngivet kanal), så den læses ikke. "
    "Gem listen som en fil (.xlsx eller .csv), og angiv den."
)
LIST_TOO_BIG = (
    "Listen fylder {size} byte; optael læser højst {limit} byte. Gem en liste med kun de kolonner og "
    "rækker, der skal tælles."
)
LIST_SPARSE = "Filen er for det meste tom plads (en såkaldt sparse-fil) og er ikke en liste fra Excel; den læses ikke."
LIST_CSV_BROKEN = 'CSV-filen kan ikke læses i række {row}. Gem listen igen fra Excel som "CSV (semikolonsepareret)".'
LIST_TOO_MANY_ROWS = "Listen har flere end {limit} rækker; optael læser ikke flere. Del listen op."
LIST_TOO_MANY_COLUMNS = "Listen har flere end {limit} kolonner (mere end Excel selv tillader) og læses ikke."
LIST_CELL_TOO_LONG = (
    "Cellen i {where} har mere end {limit} tegn (mere end Excel selv tillader i en celle), så listen "
    "læses ikke. Indholdet vises ikke her, fordi listen kan indeholde personoplysninger."
)
LIST_XLSX_DOCTYPE = (
    "Regnearket indeholder en dokumenttype-erklæring (DOCTYPE), som Excel aldrig skriver, så det læses "
    "ikke. Gem listen igen i Excel."
)
LIST_XLSX_TOO_BIG = (
    "Regnearket fylder udpakket mere end {limit} byte; optael læser ikke mere. Gem en liste med kun de "
    "kolonner og rækker, der skal tælles."
)
LIST_XLSX_RATIO = (
    "En del af regnearket er pakket mere end {limit} gange sammen, hvilket Excel ikke gør med en liste; "
    "det læses ikke. Gem listen igen i Excel."
)
LIST_XLSX_MEMBERS = "Regnearket består af flere end {limit} dele og læses ikke. Gem listen igen i Excel."
LIST_XLSX_SHARED = "Regnearket har flere end {limit} forskellige tekster; optael læser ikke flere. Del listen op."

# The top of a fremdrift.yaml that `optael` creates.
PROGRESS_HEADER = """\
# yaml-language-server: $schema=./fremdrift.schema.json
#
# Fremdrift for KLIK-opgaven "Konverter sager". Kun samlede antal: ALDRIG navne, CPR-numre
# eller sagsnumre på børn.
"""

COUNT_UNKNOWN_PACKAGE = 'Arbejdspakken "{package}" findes ikke i planen.'

# --- adapters/output.py ----------------------------------------------------------------------------

FOLDER_BUSY = (
    "En anden kørsel skriver allerede til mappen (fx en anden render eller zensical-adapteren). "
    "Vent til den er færdig, og prøv igen."
)
FOLDER_BUSY_LOCK_FILE = (
    "En anden kørsel skriver allerede til mappen. Vent til den er færdig, og prøv igen. "
    "Kører der ingen anden, er låsefilen {lock} efterladt af en afbrudt kørsel: slet den."
)
FOLDER_NOT_OURS = (
    "mappen indeholder noget, der ikke er skrevet af generatoren (eller som er ændret siden): "
    "{found}. Mappen bliver ikke tømt eller overskrevet: flyt det, eller vælg en anden mappe "
    "med --out."
)
FOLDER_NOT_OURS_MORE = " og {count} andre"  # after the first ten things in the way

# --- adapters/plugin.py ----------------------------------------------------------------------------

PLAN_FAILED = "Planen kan ikke bygges:\n{errors}"
WORKER_FORKED = "kopi af MkDocs-processen"
WORKER_SPAWNED = "ny Python-proces"
WORKER_RENDERS = "Siderne dannes i en separat proces ({how}), mens MkDocs indlæser temaet."
PAGE_LIST_WAIT = "MkDocs ventede {seconds} s på listen over de dannede sider."
CLASH = "docs/{handwritten} (genereret: {generated})"  # also in zensical.py
MKDOCS_CLASHES = (
    "Disse håndskrevne filer i docs/ har samme sti på sitet som sider, der dannes ud fra planen: "
    "{clashes}. Omdøb eller flyt den håndskrevne fil; den bliver aldrig overskrevet af en "
    "genereret side."
)

# --- adapters/cli.py: a Python without the packages konverteringsplan needs -------------------------

MISSING_DEPENDENCY = """\
konverteringsplan kan ikke køre her: Python-pakken "{package}" mangler. konverteringsplan {version} skal have
sine egne pakker (MkDocs, Material for MkDocs, pydantic, PyYAML og flere), og de er ikke installeret i
denne Python ({python}).

Installér konverteringsplan med alle dens pakker i et virtuelt miljø, og kør den derfra:
  python3 -m venv .venv
  .venv/bin/python -m pip install "konverteringsplan=={version}"
  .venv/bin/konverteringsplan {command}
(På Windows: .venv\\Scripts\\python i stedet for .venv/bin/python.)
I et projekt lavet med "konverteringsplan new" klarer make det: make validate installerer det hele i .venv.
I en kopi af konverteringsplans kildekode: make site."""
MISSING_DEPENDENCY_BROKEN = (
    'Python-pakken "{package}" er installeret, men i en version, konverteringsplan ikke kan bruge ({error}).'
)

# --- adapters/scaffold.py --------------------------------------------------------------------------

NEW_SITE_NAME = "Konvertering af sager til DUBU - {name}"
NEW_NO_NAME = 'Skriv kommunens navn efter --kommune, fx --kommune "Borgen Kommune".'
NEW_NAME_CONTROL = (
    "Kommunens navn indeholder et usynligt styretegn ({code}, tegn nr. {pos}). Skriv navnet igen uden det. "
    "Intet er skrevet."
)
NEW_NAME_MARKUP = (
    "Kommunens navn må ikke indeholde tegnene {chars}: navnet står i sidens titel og top på hver side, og "
    'tegnene kunne blive til HTML dér. Skriv navnet uden dem (fx "og" i stedet for "&"). Intet er skrevet.'
)
NEW_NAME_CPR = (
    "Kommunens navn indeholder noget, der ligner et CPR-nummer. Navnet står på hver side af hjemmesiden: "
    "skriv kun kommunens navn. Intet er skrevet."
)
NEW_NAME_TOO_LONG = (
    "Kommunens navn er for langt ({length} tegn; højst {limit}). Skriv kun kommunens navn, fx "
    '--kommune "Borgen Kommune". Intet er skrevet.'
)
NEW_NAME_INVALID_PLAN = "Med dette navn ville den nye plan ikke være gyldig, så intet er skrevet:"
NEW_NOT_A_FOLDER = "{target} findes allerede og er ikke en mappe. Vælg en anden mappe."
NEW_CREATED = "Oprettet: {path}"
NEW_KEPT = "Findes allerede, ikke ændret: {path}"
NEW_FAILED = "Kunne ikke skrive {path}: {why}"
NEW_NOTHING = "Intet blev skrevet i {target}."
NEW_HAS_PROJECT = (
    "{target} indeholder allerede et projekt ({found}). Intet er skrevet.\n"
    "Vælg en tom eller ny mappe. Vil du kun tilføje de filer, der mangler (fx efter en ny version af "
    "konverteringsplan), så kør:\n  konverteringsplan new {target} --kommune {name} --kun-manglende"
)
NEW_HAS_PROJECT_MORE = " og {count} filer mere"
NEW_READY = "Planen for {name} er klar i {target}. Den er et udgangspunkt med pladsholdere."
NEW_NEXT_STEPS = """\
Næste skridt:
  cd {target}
  make validate   # tjekker planen og viser hver pladsholder, der mangler at blive rettet
  make serve      # viser siden på http://127.0.0.1:8000"""

# --- adapters/plugin.py: what the generated pages need from mkdocs.yml --------------------------------

MKDOCS_NEEDS = (
    "Siderne fra konverteringsplan skal have dette i mkdocs.yml, som mangler eller er anderledes: {missing}. "
    "Tilføj det (det kan stå sammen med jeres egne indstillinger):\n{snippet}"
)
MKDOCS_NEEDS_THEME = "theme: name: material (temaet Material for MkDocs)"
MKDOCS_NEEDS_EXTENSION = "markdown_extensions: {name}"
MKDOCS_NEEDS_SLUGIFY = "toc: slugify: pymdownx.slugs.slugify med case: lower (ankrene har æ, ø og å)"
MOUNT_NAV_TITLE = "Konvertering af sager"
# A heading the pages link to, and its anchor as pymdownx.slugs.slugify(case="lower") makes it (æ, ø, å kept).
MKDOCS_SLUG_PROBE = ("Når noget ikke passer", "når-noget-ikke-passer")
MOUNT_BAD_FOLDER = (
    'konverteringsplan: mappe: "{folder}" skal være en mappe inde i docs/, fx mappe: konvertering '
    "(ingen .., ingen / først)."
)

# --- adapters/worker.py ----------------------------------------------------------------------------

WORKER_STOPPED = "Arbejdsprocessen, der danner siderne, stoppede uden svar; siderne dannes i MkDocs' egen proces."

# --- adapters/zensical.py --------------------------------------------------------------------------

ZENSICAL_CONFIG_HEADER = "# Dannet af python -m konverteringsplan.adapters.zensical ud fra {source} - ret ikke her.\n"
ZENSICAL_CLASHES = (
    "Disse håndskrevne filer i docs/ har samme sti på sitet som sider, der dannes ud fra planen: "
    "{clashes}. Omdøb eller flyt den håndskrevne fil."
)
ZENSICAL_READY = "Klar til Zensical: zensical build -f {config}"
ZENSICAL_DESCRIPTION = "Gør sitet klar til at blive bygget med Zensical (uden MkDocs-plugins)."
HELP_ZENSICAL_OUT = "mappen til Zensical-projektet (standard: build/zensical)"
HELP_ZENSICAL_CONFIG = "MkDocs-konfigurationen (standard: mkdocs.yml)"  # HELP_PLAN and HELP_DOCS as in cli.py
ZENSICAL_BAD_YAML = "{file}: kan ikke læses som YAML. Ret filen, og prøv igen."

# --- adapters/search/plugin.py ---------------------------------------------------------------------

SEARCH_NO_INDEX = (
    "dansk-soegning: sitet har ingen search/search_index.json, så der er intet at gøre søgningen "
    "dansk i. Slå MkDocs' search-plugin til i mkdocs.yml, og sæt dansk-soegning efter det."
)
SEARCH_NOT_DANISH = (
    "dansk-soegning: søgningens sprog er ikke dansk, så ord i søgefeltet bøjes ikke. Sæt "
    '"lang: da" under search i mkdocs.yml.'
)

# --- adapters/search/plugin.py: language data of the Danish search --------------------------------
# Not sentences: the words the search index and the query side (query.js, which gets SEARCH_SUFFIXES,
# SEARCH_LINKING and SEARCH_QUESTION_WORDS as JSON from the plugin) know about Danish.

# Groups of words or phrases staff use for the same thing. A page that contains one of them gets
# the others as keywords. Extend per site with the plugin option ``synonymer`` or
# ``extra.synonymer`` in mkdocs.yml (a list of lists).
SEARCH_SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("barnets plan", "handleplan"),
    ("barnets lov", "serviceloven", "sel"),
    ("støttende indsatser", "forebyggende foranstaltninger", "foranstaltninger"),  # § 32; the old SEL wording
    ("danmarks statistik", "dst"),
    ("go-live", "ibrugtagning", "idriftsættelse", "idriftsætte"),
    ("esdh", "gamle system", "gammelt system", "fagsystem"),
    ("studentermedhjælper", "studerende", "student", "studentermedhjælp"),
    ("superbruger", "nøgleperson"),
    ("basisoplysninger", "grundoplysninger", "stamdata"),
    ("indtaste", "oprette", "registrere", "taste", "udfylde"),
    ("sagsbehandler", "rådgiver", "socialrådgiver"),
    ("anbringelse", "anbragt", "anbragte", "anbringe"),
    ("plejefamilie", "familiepleje", "plejeforældre"),
    ("underretning", "bekymringshenvendelse"),
    ("pris", "omkostning", "udgift", "koste", "koster", "budget", "økonomi"),
    ("undervisning", "kursus", "uddannelse", "træning", "oplæring"),
    ("stikprøve", "kontrol", "datakontrol", "kvalitetssikring"),
    ("frysning", "fryse", "fryses", "fastfrysning"),
    ("afstemning", "afstemme", "optælling"),
    ("tidsplan", "kalender", "plan for tid"),
    ("fuldført", "færdig", "afsluttet"),
    ("fremdrift", "hvor langt", "fremskridt", "statusrapport"),
    ("telefon", "ringe", "kontakt", "kontaktperson"),
)

# Head words that Danish compounds on this site end in, used besides the site's own words when
# compounds are split ("opfølgningsfrist" → "opfølgning" + "frist" even if "frist" stands nowhere
# alone).
SEARCH_DOMAIN_WORDS = frozenset(
    [
        "frist",
        "frister",
        "plan",
        "sted",
        "steder",
        "sag",
        "sager",
        "indsats",
        "indsatser",
        "undersøgelse",
        "hjælper",
        "medhjælper",
        "opfølgning",
        "anbringelse",
        "bevilling",
        "betaling",
        "møde",
        "leder",
        "bruger",
        "behandler",
        "familie",
        "pleje",
        "system",
        "oplysninger",
        "data",
        "kontrol",
        "prøve",
        "tid",
        "uge",
        "dag",
        "periode",
        "vejledning",
        "liste",
        "forløb",
        "afgørelse",
        "ydelse",
        "paragraf",
        "lov",
        "barn",
        "børn",
        "unge",
        "student",
        "konvertering",
        "overgang",
        "statistik",
        "ansvar",
        "plads",
        "kategori",
        "beløb",
        "pris",
        "ressource",
        "ressourcer",
        "timer",
        "undervisning",
        "kursus",
    ]
)

# A word: digits and the letters of Danish, and the accented letters of loan words.
SEARCH_WORD_PATTERN = r"[0-9a-zæøåäöüéè]+"
# Danish derivational endings: a split never puts one of these at the start of the head
# (oplys|ninger, anbring|else, gæld|ende are words, not compounds)
SEARCH_SUFFIXES = ("ing", "ning", "else", "hed", "lig", "ende", "er", "isk", "skab", "sel", "ere", "ne")
SEARCH_LINKING = "se"  # a linking letter between a compound's parts (opfølgning-s-frist) is dropped
# Question words (and the verbs of a question) dropped from a query when other terms remain.
SEARCH_QUESTION_WORDS = (
    "hvordan",
    "hvornår",
    "hvorfor",
    "hvem",
    "hvilke",
    "hvilken",
    "hvilket",
    "hvorhen",
    "kan",
    "gør",
    "gøre",
    "finder",
    "find",
    "sådan",
)
