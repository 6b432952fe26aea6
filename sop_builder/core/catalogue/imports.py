"""Message codes: spreadsheets, pupil numbers, postcodes, schools and the norm (import-scores,
import-leerlingen, import-postcodes, import-scholen, import-norm)."""

from __future__ import annotations

from sop_builder.core.issues import Family, Message, Severity, family

FAMILY = family(
    "Spreadsheets, pupil numbers, postcodes, schools and the norm (import-scores, "
    "import-leerlingen, import-postcodes, import-scholen, import-norm)",
    {
        "SOP750": (Severity.ERROR, "spreadsheet cannot be read"),
        "SOP751": (Severity.ERROR, "required spreadsheet column missing"),
        "SOP752": (Severity.ERROR, "spreadsheet row names an unknown agreement"),
        "SOP753": (Severity.ERROR, "spreadsheet row without a score"),
        "SOP754": (Severity.ERROR, "spreadsheet row with an invalid score"),
        "SOP755": (Severity.ERROR, "agreement in more than one spreadsheet row"),
        "SOP756": (Severity.WARNING, "spreadsheet rows about another school or year skipped"),
        "SOP757": (Severity.ERROR, "yearly file has errors and was not updated"),
        "SOP760": (Severity.ERROR, "pupil numbers: column name not recognised"),
        "SOP761": (Severity.ERROR, "pupil numbers: required column missing"),
        "SOP762": (Severity.ERROR, "pupil numbers: invalid count"),
        "SOP763": (Severity.ERROR, "pupil numbers: invalid vestigingscode"),
        "SOP764": (Severity.ERROR, "pupil numbers: school location listed twice"),
        "SOP765": (Severity.ERROR, "content/leerlingen.yaml is not valid"),
        "SOP766": (Severity.ERROR, "site_config/postcodes.csv is not valid"),
        "SOP767": (Severity.WARNING, "school's postcode not in the postcode table"),
        "SOP768": (Severity.ERROR, "postcode areas file cannot be read (import-postcodes)"),
    },
)

# --- import-scholen (SOP770-SOP782), DUO's pupil file (SOP783-SOP785), import-norm (SOP786-) --

SELECTION_WAYS = Message(
    "SOP770",
    Severity.ERROR,
    "site_config/scholen.yaml: not exactly one way of choosing the SWV's schools",
    text="In dit bestand staan {filled}; kies één manier om de scholen te kiezen.",
    hint="Laat alleen 'postcodes', 'gemeenten' of 'vestigingscodes' staan.",
)
NOT_A_DUO_FILE = Message(
    "SOP771",
    Severity.ERROR,
    "import-scholen: file is not one of DUO's files of locations or boards",
    text="Dit is geen bestand met vestigingen of besturen van DUO: {missing}.",
    hint=(
        "Gebruik '02. Alle schoolvestigingen basisonderwijs', '09. Alle vestigingen sbo, so en "
        "vso', het bestand met alle vestigingen vo, of '03. Adressen bevoegde gezagen'. De "
        "eerste regel heeft nu: {header}."
    ),
)
COLUMN_MISSING = Message(
    "SOP772",
    Severity.ERROR,
    "import-scholen: required column missing",
    text="Er is geen kolom met {what}.",
    hint="Nodig is een kolom {names}. De eerste regel heeft nu: {header}.",
)
ROW_UNUSABLE = Message(
    "SOP773",
    Severity.WARNING,
    "import-scholen: row of DUO's file cannot be used",
    text="Regel {line}: {why}; {outcome}.",
    hint="{hint}",
)
FACT_LEFT_OUT = Message(
    "SOP774",
    Severity.WARNING,
    "import-scholen: one fact of a location cannot be used",
    text="Regel {line}: {what} '{value}' van {name} is niet te gebruiken; dat veld blijft leeg.",
    hint="{why}",
)
BOARD_NAME_UNKNOWN = Message(
    "SOP775",
    Severity.WARNING,
    "import-scholen: only the board's number is known",
    text="Van bestuur (bevoegd gezag) {number} is alleen het nummer bekend: {schools}.",
    hint=(
        "Geef DUO's bestand '03. Adressen bevoegde gezagen' mee, dan komt de naam van het "
        "bestuur bij 'bestuur'. Of vul de naam zelf in."
    ),
)
NO_SELECTION = Message(
    "SOP776",
    Severity.ERROR,
    "import-scholen: no choice of the SWV's schools",
    text="Er staat nergens welke scholen bij het samenwerkingsverband horen.",
    hint=(
        "Geef --postcodes (de postcodegebieden van de regio-indeling), --gemeenten of "
        "--vestigingscodes mee; de keuze wordt bewaard in site_config/scholen.yaml."
    ),
)
KIND_UNKNOWN = Message(
    "SOP777",
    Severity.ERROR,
    "import-scholen: the kind of school of a file is not known",
    text="Het bestand heeft geen kolom met de soort school (zoals SOORT PO of ONDERWIJSSTRUCTUUR).",
    hint=(
        "Is het het bestand met alle basisscholen? Geef dan --soort bao mee (dat geldt voor "
        "bestanden zonder zo'n kolom)."
    ),
)
VSO_CHOICE_MISSING = Message(
    "SOP778",
    Severity.ERROR,
    "import-scholen: DUO's (V)SO is ambiguous and no choice was given",
    text=(
        "DUO noemt {count} vestigingen '(V)SO' (speciaal en voortgezet speciaal onderwijs); "
        "er staat niet bij hoe u ze opneemt."
    ),
    hint=(
        "Geef --vso-als so, --vso-als vso of --vso-als beide mee (of 'vso_als' in "
        "site_config/scholen.yaml), of zet maar één van so en vso bij 'soorten'."
    ),
)
WRITE_FAILED = Message(
    "SOP779",
    Severity.ERROR,
    "an import could not write its files; nothing was changed",
    text="Het schrijven is mislukt ({error}); {outcome}.",
    hint="Controleer of de map beschrijfbaar is en of er ruimte op de schijf is, en probeer het opnieuw.",
)
RECORD_INVALID = Message(
    "SOP780",
    Severity.ERROR,
    "content/duo.yaml is not valid",
    text="{text}",
    hint="{hint}",
)
KERN_UNKNOWN = Message(
    "SOP781",
    Severity.WARNING,
    "import-scholen: no kern found for a new school",
    text="Bij {name} ({municipality}) past geen {label}: 'kern' is leeg.",
    hint=(
        "Zet bij de {plural} in site_config/swv.yaml de gemeente van elke {label}, of geef "
        "--kern mee, of kies de {label} in het bestand zelf."
    ),
)
OPTION_INVALID = Message(
    "SOP782",
    Severity.ERROR,
    "import-scholen: the value of an option is not valid",
    text="De keuze van de scholen klopt niet: {text}",
    hint="{hint}",
)
PUPILS_COLUMN_MISSING = Message(
    "SOP761",
    Severity.ERROR,
    "pupil numbers: required column missing",
    text="Er is geen kolom met {what}.",
    hint="Nodig is een kolom {names}. De eerste regel heeft nu: {header}.",
)
PUPILS_ROW_UNUSABLE = Message(
    "SOP783",
    Severity.WARNING,
    "pupil numbers: row of DUO's file cannot be used",
    text="Regel {line}: {why}; deze regel telt niet mee.",
    hint=(
        "Is het een vestiging van het samenwerkingsverband, dan zijn haar aantallen van dat jaar "
        "niet geschreven (een som zonder deze regel zou niet kloppen)."
    ),
)
NORM_EXISTS = Message(
    "SOP786",
    Severity.ERROR,
    "import-norm: the norm of that school year exists",
    text="Er is al een norm voor het schooljaar {year}; die blijft staan.",
    hint=(
        "Geef --vervang mee om hem te vervangen, of --schooljaar met het eerste schooljaar "
        "waarin de nieuwe afspraken gelden (dan blijven de uitslagen van eerdere jaren gelijk)."
    ),
)
NORM_COLUMN_MISSING = Message(
    "SOP787",
    Severity.ERROR,
    "import-norm: no column with the agreements",
    text="Er is geen kolom met de afspraken.",
    hint=(
        "Noem de kolom met de tekst van elke afspraak 'afspraak' (of 'omschrijving'); 'thema', "
        "'code', 'titel' en 'aspect' mogen erbij. De eerste regel heeft nu: {header}."
    ),
)
NORM_ROW_UNUSABLE = Message(
    "SOP788",
    Severity.WARNING,
    "import-norm: a row without an agreement",
    text="Regel {line} heeft geen afspraak en geen thema; die regel is overgeslagen.",
    hint="Zet de tekst van de afspraak in de kolom 'afspraak', of haal de regel weg.",
)
NORM_CODE_INVALID = Message(
    "SOP789",
    Severity.ERROR,
    "import-norm: a code in the spreadsheet cannot be used",
    text="Regel {line}: de code '{code}' {why}.",
    hint=(
        "Geef elke afspraak een eigen code in dezelfde vorm (of laat de kolom 'code' leeg: dan "
        "maakt de import ze), of zeg met --codevoorbeeld hoe de codes eruitzien."
    ),
)
NORM_NOT_VALID = Message(
    "SOP790",
    Severity.ERROR,
    "import-norm: no norm can be made",
    text="{text}",
    hint="{hint}",
)
NORM_EXTRA_CELLS = Message(
    "SOP791",
    Severity.ERROR,
    "import-norm: a row has more cells than the header",
    text="Regel {line} heeft meer kolommen dan de eerste regel; '{extra}' zou wegvallen.",
    hint=(
        "Staat er een ; of een komma in een afspraak? Zet die tekst dan tussen "
        'aanhalingstekens ("…"), of sla het bestand op als Excel-werkmap (.xlsx).'
    ),
)
FAMILY = Family(
    FAMILY.title,
    (
        *FAMILY.messages,
        SELECTION_WAYS,
        NOT_A_DUO_FILE,
        COLUMN_MISSING,
        ROW_UNUSABLE,
        FACT_LEFT_OUT,
        BOARD_NAME_UNKNOWN,
        NO_SELECTION,
        KIND_UNKNOWN,
        VSO_CHOICE_MISSING,
        WRITE_FAILED,
        RECORD_INVALID,
        KERN_UNKNOWN,
        OPTION_INVALID,
        PUPILS_COLUMN_MISSING,
        PUPILS_ROW_UNUSABLE,
        NORM_EXISTS,
        NORM_COLUMN_MISSING,
        NORM_ROW_UNUSABLE,
        NORM_CODE_INVALID,
        NORM_NOT_VALID,
        NORM_EXTRA_CELLS,
    ),
)
