"""What the generator says about reading the user's input files: the plan's YAML syntax and encoding,
files and folders it cannot read (the operating system's reasons), the CPR guard, and file paths under
docs/ that the plan names.

Every text is a constant; placeholders are ``str.format`` named fields, which the caller fills in
(``say.FILE_EMPTY``, ``say.TOO_BIG.format(size=..., limit=...)``). A constant without placeholders is
used as it is: some hold braces of their own ("et afsnit i { }"), so they are never formatted.
"""

from __future__ import annotations

# --- messages.py -----------------------------------------------------------------------------------

WARNING_PREFIX = "advarsel: "  # before the text of a warning; an error has none

MORE_MESSAGE = "... og {rest} meddelelse mere, som ikke vises her. Ret de første, og kør igen for at se resten."
MORE_MESSAGES = "... og {rest} meddelelser mere, som ikke vises her. Ret de første, og kør igen for at se resten."

# The operating system's reason for a failed file operation, one per errno (messages._OS_REASONS).
OS_NOT_FOUND = "den findes ikke"
OS_NO_ACCESS = "der er ingen adgang (tjek rettighederne)"
OS_NOT_PERMITTED = "styresystemet tillader det ikke (tjek rettighederne)"
OS_LINK_LOOP = "stien er et symbolsk link, der (over andre links) peger på sig selv"
OS_IS_A_FOLDER = "det er en mappe, ikke en fil"
OS_NOT_A_FOLDER = "en del af stien er en fil, ikke en mappe"
OS_EXISTS = "der findes allerede en fil eller mappe med det navn"
OS_FOLDER_NOT_EMPTY = "mappen er ikke tom"
OS_DISK_FULL = "der er ikke mere plads på disken"
OS_READ_ONLY = "drevet er skrivebeskyttet"
OS_NAME_TOO_LONG = "navnet er for langt"
OS_BUSY = "filen eller mappen er i brug af et andet program"
OS_OTHER_DRIVE = "filen kan ikke flyttes til et andet drev"
OS_TOO_MANY_OPEN = "programmet har for mange filer åbne"
OS_INVALID = "navnet eller handlingen er ugyldig"
OS_IO = "drevet kunne ikke læses eller skrives (ind-/uddatafejl)"
OS_OTHER_NUMBERED = "styresystemet melder fejl {errno}"
OS_OTHER = "styresystemet melder en fejl"

OS_ERROR_AT = "{where}: kan ikke læse eller skrive: {reason}."
OS_ERROR = "Kan ikke læse eller skrive: {reason}."


# --- io/yaml_loader.py -----------------------------------------------------------------------------

SAVE_AS_UTF8 = 'Gem filen som "UTF-8 uden BOM"'
SPACES_NOT_TABS = "YAML kræver mellemrum, ikke tabulatortegn: erstat hvert Tab med mellemrum (fx to pr. niveau)."

IS_A_FOLDER = "{name} er en mappe, ikke en fil. Angiv stien til YAML-filen."
FILE_NOT_FOUND = (
    "Filen {name} findes ikke (i mappen {folder}). Tjek stien og filnavnet: kør kommandoen "
    "fra mappen med planen (cd mappen), eller skriv stien til planen efter kommandoen. "
    "Har du ingen plan endnu, så lav en med: konverteringsplan new MAPPE --kommune "
    '"Navn Kommune".'
)
FILE_NO_ACCESS = "Filen {name} kan ikke læses (ingen adgang). Tjek filens rettigheder."
FILE_UNREADABLE = "Filen {name} kan ikke læses: {reason}."

FILE_EMPTY = 'Filen er tom. Den skal indeholde planen som nøgler med værdier, fx "kommune: Korsbæk Kommune".'
NOT_YAML = "Filen kan ikke læses som YAML ({error})."
TOO_DEEP_TO_READ = (
    "Filen er indlejret for dybt (mange lister eller afsnit inden i hinanden). Højst {limit} niveauer er tilladt."
)
ONLY_COMMENTS = (
    "Filen indeholder kun kommentarer og ingen data. Skriv planen som nøgler med værdier, "
    'fx "kommune: Korsbæk Kommune".'
)
ROOT_TAG_REFUSED = "Mærket {tag} er ikke tilladt i planen. Fjern det."
ROOT_IS_A_LIST = "en liste"
ROOT_IS_A_VALUE = "en enkelt værdi"
ROOT_NOT_KEYS = (
    'Øverst i filen skal der stå nøgler med værdier (fx "kommune: Korsbæk Kommune"), men filen '
    "begynder med {what}. Fjern eventuelle '-' foran den første nøgle, og skriv \"nøgle: værdi\"."
)

TOO_BIG = (
    "Filen er for stor: {size} byte, men højst {limit} byte er tilladt. En plan skal kun indeholde "
    "samlede tal og tekster; tjek at der ikke er kopieret data eller en anden fil ind."
)
UTF16 = "Filen er gemt som UTF-16 (Unicode). " + SAVE_AS_UTF8 + " og prøv igen."
NOT_UTF8_MORE_LINES = " (og {others} andre linjer)"
NOT_UTF8 = (
    "Filen er ikke gemt som UTF-8: byte 0x{byte:02X} i linje {line}, kolonne {col}{more} kan ikke læses. "
    'Linjen lyder sandsynligvis: "{shown}". Filen er nok gemt som Windows-1252/ANSI (fx i Notesblok '
    "eller Word), så æ, ø og å bliver forkerte. " + SAVE_AS_UTF8 + "."
)

LINES_OTHERS = "{count} andre"  # the last item of a list of line numbers cut at ten: "1, 2, ... og 5 andre"

TAB_INDENT_ONE_LINE = " Linje {lines} er rykket ind med tabulatortegn (Tab). " + SPACES_NOT_TABS
TAB_INDENT_LINES = " Linjerne {lines} er rykket ind med tabulatortegn (Tab). " + SPACES_NOT_TABS

TOO_FAR_IN = (
    "Linje {line} er rykket længere ind ({indent} mellemrum) end nøglen i linjen før ({key_col} "
    "mellemrum). Nøgler på samme niveau skal stå præcis lige langt inde: ret linje {line}, så den "
    "begynder med {key_col} mellemrum."
)

TAB_ALSO = " Der er også tabulatortegn i indrykningen i linje {lines}."
TAB_AT = "Der står et tabulatortegn (Tab) i linje {line}, kolonne {col}. " + SPACES_NOT_TABS + "{also}"
QUOTE_NOT_CLOSED = (
    "Anførselstegnet i linje {line}, kolonne {col} bliver ikke lukket. Sæt et afsluttende "
    "anførselstegn af samme slags (\" eller ') efter teksten."
)
UNDEFINED_ALIAS = (
    "Henvisningen (*navn) peger på et anker (&navn), der ikke findes længere oppe i filen. "
    "Ret navnet, eller skriv værdien ud i stedet."
)
DUPLICATE_ANCHOR_FIRST = " (første gang i linje {line})"
DUPLICATE_ANCHOR = "Det samme anker (&navn) er defineret to gange{first}. Giv det ene et andet navn."
MORE_THAN_ONE_DOCUMENT = (
    "Filen indeholder mere end ét YAML-dokument (adskilt af '---'). Planen skal være ét "
    "dokument: fjern den ekstra '---' og det, der står efter den, eller flet indholdet sammen."
)
UNEXPECTED_COLON = (
    "Et kolon står et sted, hvor YAML ikke venter det. Ofte skyldes det en tekst med kolon (fx "
    '"kl. 10:00" eller "Bemærk: ..."): sæt teksten i anførselstegn. Det kan også være forkert '
    "indrykning."
)
MISSING_COLON = (
    "Her mangler et kolon efter nøglen, eller en tekst fortsætter over flere linjer uden korrekt "
    'indrykning. Skriv "nøgle: værdi" med kolon og mellemrum, og sæt lange tekster i anførselstegn.'
)
BAD_FIRST_CHARACTER = "Tegnet '{ch}' kan ikke stå først i en værdi. Sæt hele værdien i anførselstegn, fx \"{ch}...\"."
BAD_INDENT_START = " (afsnittet begynder i linje {line})"
BAD_INDENT = (
    "Indrykningen passer ikke{start}. Nøgler på samme niveau skal stå præcis lige langt inde, "
    "og punkter i en liste skal alle begynde med '- ' lige under hinanden. Tjek denne linje og linjen før."
)
BAD_FLOW = (
    "En liste i [ ] eller et afsnit i { } er ikke skrevet rigtigt: tjek at parenteserne lukkes, og at "
    "punkterne er adskilt af komma. Sæt tekster med komma eller kolon i anførselstegn."
)  # not formatted
BAD_ESCAPE = (
    "Teksten i dobbelte anførselstegn indeholder en ugyldig omvendt skråstreg (\\). Brug enkelte "
    "anførselstegn ('...') eller skriv \\\\ for en skråstreg."
)
BAD_ANCHOR = "Et anker (&navn) eller en henvisning (*navn) er skrevet forkert. Navnet skal stå lige efter & eller *."
BAD_TAG = "Et mærke (der begynder med '!') er skrevet forkert. Fjern det, eller sæt værdien i anførselstegn."
SYNTAX_OTHER = "YAML-filen kan ikke læses her. Tjek indrykning, kolon og anførselstegn i denne linje og linjen før."
TECHNICAL = " (Teknisk: {technical}.)"  # PyYAML's own (English) words, after the Danish explanation

CONFIG_MARKUP = (
    "må ikke indeholde < eller >: temaet skriver værdien uændret i sidens titel og top, så den kunne blive "
    "til HTML på hver side. Skriv navnet uden tegnene."
)
CONTROL_IN_TEXT = (
    "Teksten indeholder et usynligt styretegn ({code}, tegn nr. {pos} i værdien), skrevet som en "
    'escape-kode i anførselstegn (fx "\\x01" eller "\\0"). Et regneark, en side eller en terminal kan ikke '
    "vise det: slet koden."
)
CONTROL_CHARACTER = (
    "Filen indeholder et usynligt styretegn ({code}) i linje {line}, kolonne {col}, som YAML "
    "ikke tillader. Det kommer ofte fra tekst kopieret fra Word, PDF eller e-mail: slet tegnet, "
    "eller skriv teksten igen."
)

TOO_DEEP = "Filen er indlejret for dybt. Højst {limit} niveauer er tilladt."
TOO_MANY_VALUES_ALIASED = (
    "Filen giver mere end {limit} værdier, når ankre og henvisninger (&navn/*navn) "
    "foldes ud. Det sker typisk, når henvisninger peger på andre henvisninger mange gange "
    "(en såkaldt alias-bombe). Skriv værdierne ud direkte, og brug færre henvisninger."
)
TOO_MANY_VALUES = (
    "Filen indeholder mere end {limit} værdier. En plan skal kun indeholde "
    "samlede tal og tekster; tjek at der ikke er kopieret data ind i filen."
)
TOO_DEEP_HERE = "Filen er indlejret for dybt her (mere end {limit} niveauer). Gør strukturen fladere."
ALIAS_CYCLE = (
    "En henvisning (*navn) peger på det afsnit, den selv står i, så værdien bliver uendelig. Skriv værdien ud i stedet."
)
TOO_MUCH_TEXT_ALIASED = (
    "Filen giver mere end {limit} tegn tekst, når ankre og henvisninger (&navn/*navn) "
    "foldes ud (her i linje {line}). Det sker, når en lang tekst genbruges mange gange med "
    "henvisninger. Skriv teksten ud færre steder, eller gør den kortere."
)
TOO_MUCH_TEXT = (
    "Filen indeholder mere end {limit} tegn tekst. En plan skal kun indeholde "
    "samlede tal og tekster; tjek at der ikke er kopieret data ind i filen."
)

MERGE_KEY = "Flettenøglen '<<' understøttes ikke. Skriv nøglerne og værdierne ud direkte i stedet."
KEY_NOT_SCALAR = 'En nøgle skal være en enkelt tekst eller et tal, ikke en liste eller et afsnit. Skriv "nøgle: værdi".'
DUPLICATE_KEY = (
    'Nøglen "{key}" står {times} i samme afsnit: linje {lines}. '
    "YAML ville kun beholde den sidste og stille og roligt glemme {forgotten}. "
    "Slet eller omdøb, så nøglen kun står én gang."
)
FORGOTTEN_FIRST = "den første"  # of two keys
FORGOTTEN_OTHERS = "de andre"  # of three or more

# What a value of each YAML type should have been, by the tag's last part ("timestamp", "int", ...).
KIND_DATE = "en dato (ÅÅÅÅ-MM-DD)"
KIND_INTEGER = "et heltal"
KIND_NUMBER = "et tal"
KIND_BOOLEAN = "sand/falsk"
KIND_NULL = "en tom værdi"
KIND_OTHER = "en værdi"
DATE_HINT = " Findes datoen i kalenderen?"
BAD_VALUE = (
    'Værdien "{value}" kan ikke læses som {kind}.{hint} Ret værdien, eller sæt den i '
    "anførselstegn, hvis den skal være tekst."
)

TAG_REFUSED = (
    "Mærket {tag} er ikke tilladt i planen. Fjern det, så værdien er almindelig tekst, "
    "et tal, en dato, en liste eller et afsnit."
)

TWICE = "to gange"
THRICE = "tre gange"
TIMES = "{n} gange"


# --- io/cpr.py -------------------------------------------------------------------------------------

CPR_FOUND = (
    "CPR-nummer fundet ({masked}). Fjern det fra filen: sitet bliver offentliggjort, og et CPR-nummer "
    "er en personoplysning, der aldrig må stå i planen eller på sitet (brug kun samlede antal, aldrig "
    "navne, CPR-numre eller sagsnumre på børn). Er filen allerede offentliggjort eller delt, er det et "
    "brud på persondatasikkerheden, som skal anmeldes til Datatilsynet inden 72 timer: kontakt kommunens "
    "databeskyttelsesrådgiver (DPO). Er filen gemt i git, skal nummeret også fjernes fra historikken. "
    "Kun hvis tallet med sikkerhed ikke er et CPR-nummer (fx et kontonummer), så skriv det med andre "
    "skilletegn, fx med punktummer mellem cifrene."
)
CPR_DECODED = "I værdien, som YAML læser den (linjer lagt sammen, escape-tegn oversat): "  # before CPR_FOUND
ZIP_MEMBER_NAME = "{member} (navnet)"  # the "file" of a number found in the name of a file in a zip archive
ZIP_MEMBER_TOO_BIG = "Filen i zip-arkivet er for stor til at blive tjekket for CPR-numre. Fjern den, eller del den op."
UNREADABLE = (
    "Filen kunne ikke læses og derfor ikke tjekkes for CPR-numre ({reason}). Ret filens rettigheder, eller fjern den."
)
FOLDER_NAME_IS_ADDRESS = "Navnet på mappen bliver en adresse på sitet: omdøb den. "  # before CPR_FOUND
FILE_NAME_IS_ADDRESS = "Navnet på filen bliver en adresse på sitet: omdøb den. "  # before CPR_FOUND
CPR_GENERATED = (
    "Tallet står i en side eller fil, som dannes ud fra planen (måske sat sammen af to felter): "
    "find det i plan.yaml og fjern det. "
)  # before CPR_FOUND
GENERATED_FILE = "(dannet) {path}"  # the "file" of a rendered page or download


# --- io/docs_paths.py ------------------------------------------------------------------------------

PATH_EMPTY = (
    "Stien er tom eller har mellemrum i starten eller slutningen. Skriv stien under docs/, fx billeder/opret-sag.png."
)
PATH_ABSOLUTE = (
    'Stien "{ref}" er absolut. Skriv stien i forhold til docs/ med / mellem mapperne, fx billeder/opret-sag.png.'
)
PATH_URL = (
    '"{ref}" er en webadresse. Sitet henter ikke billeder fra internettet: gem filen i docs/, '
    "fx docs/billeder/opret-sag.png, og skriv stien billeder/opret-sag.png."
)
PATH_CONTROL_CHARACTER = "Stien indeholder et usynligt kontroltegn. Skriv stien igen, fx billeder/opret-sag.png."
PATH_PARENT = 'Stien "{ref}" peger uden for docs/ (".."). Læg filen i docs/ og skriv stien derfra.'
PATH_LINK_OUTSIDE = 'Stien "{ref}" peger uden for docs/ (via et link). Læg filen i docs/.'
PATH_LOOKUP_FAILED = (
    'Stien "{ref}" kan ikke slås op i docs/ (for langt navn, links i ring eller manglende '
    "adgang). Vælg en enkel sti, fx billeder/opret-sag.png."
)
PATH_MISSING = 'Filen "docs/{ref}" findes ikke. Læg filen dér, eller ret stien.'
