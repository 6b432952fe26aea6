"""Message codes: spreadsheets, pupil numbers, postcodes, schools and the norm (import-scores,
import-leerlingen, import-postcodes, import-scholen, import-norm; SOP75x-SOP79x)."""

from __future__ import annotations

from sop_builder.core.catalogue.reading import CANNOT_READ, EMPTY
from sop_builder.core.issues import Family, Message, Severity

ERROR = Severity.ERROR

# --- SOP750: a table that cannot be read (core/tables.py) -----------------------------------

TABLE_NOT_UTF8 = Message(
    "SOP750",
    ERROR,
    "spreadsheet cannot be read",
    "Het bestand is geen UTF-8-tekst (misschien opgeslagen als Windows-tekst).",
    "Sla het in Excel op als 'CSV UTF-8 (door komma's gescheiden)' en probeer het opnieuw.",
)
TABLE_NOT_UTF8_OR_WINDOWS = Message(
    "SOP750",
    ERROR,
    "spreadsheet cannot be read",
    "Het bestand is geen UTF-8-tekst en ook geen Windows-tekst.",
    TABLE_NOT_UTF8.hint,
)
TABLE_BAD_CSV_LINE = Message(
    "SOP750",
    ERROR,
    "spreadsheet cannot be read",
    "Regel {line} van het CSV-bestand is niet te lezen ({detail}).",
    "Controleer de aanhalingstekens op die regel.",
)
TABLE_BAD_XLSX = Message(
    "SOP750",
    ERROR,
    "spreadsheet cannot be read",
    "Het bestand is geen leesbaar Excel-bestand (.xlsx): {detail}.",
    "Open het in Excel en sla het opnieuw op als 'Excel-werkmap (.xlsx)', of als CSV.",
)
TABLE_EMPTY = Message(
    "SOP750",
    ERROR,
    "spreadsheet cannot be read",
    EMPTY.text,
    "Zet de kolomnamen op de eerste regel.",
)
TABLE_TOO_LARGE = Message(
    "SOP750",
    ERROR,
    "spreadsheet cannot be read",
    "Het bestand is te groot ({size} MB).",
    "Een tabel mag hooguit {limit} MB zijn.",
)
TABLE_CANNOT_READ = Message(
    "SOP750", ERROR, "spreadsheet cannot be read", CANNOT_READ.text, CANNOT_READ.hint
)
TABLE_OLD_XLS = Message(
    "SOP750",
    ERROR,
    "spreadsheet cannot be read",
    "Dit is een oud Excel-bestand (.xls); dat kan niet worden gelezen.",
    "Sla het in Excel op als 'Excel-werkmap (.xlsx)' of als 'CSV UTF-8'.",
)

# --- SOP751-757: import-scores (sheets/scores.py) ---------------------------------------------

SCORES_COLUMN_MISSING = Message(
    "SOP751",
    ERROR,
    "required spreadsheet column missing",
    "De kolom {columns} ontbreekt op de eerste regel.",
    "De eerste regel heeft nu: {header}. Nodig zijn 'afspraak' en 'score'; 'toelichting', "
    "'school', 'vestigingscode' en 'schooljaar' mogen.",
)
SCORES_UNKNOWN_AGREEMENT = Message(
    "SOP752",
    ERROR,
    "spreadsheet row names an unknown agreement",
    "Rij {row}: afspraak '{agreement}' bestaat niet; deze rij is niet gebruikt.",
    "{suggestion}",
)
SCORES_NO_SCORE = Message(
    "SOP753",
    ERROR,
    "spreadsheet row without a score",
    "Rij {row}: afspraak {agreement} heeft geen score; de huidige score blijft staan.",
    "Vul een score in: {codes}.",
)
SCORES_NOT_A_SCORE = Message(
    "SOP754",
    ERROR,
    "spreadsheet row with an invalid score",
    "Rij {row}: '{value}' is geen score bij afspraak {agreement}; deze rij is niet gebruikt.",
    "{suggestion}",
)
SCORES_NOT_APPLICABLE = Message(
    "SOP754",
    ERROR,
    "spreadsheet row with an invalid score",
    "Rij {row}: '{value}' (niet van toepassing) mag niet bij afspraak {agreement}; deze rij is "
    "niet gebruikt.",
    "{suggestion}",
)
SCORES_ROW_TWICE = Message(
    "SOP755",
    ERROR,
    "agreement in more than one spreadsheet row",
    "Rij {row}: afspraak {agreement} stond al in rij {first}; deze rij is niet gebruikt.",
    "Laat elke afspraak één keer voorkomen.",
)
SCORES_ROWS_SKIPPED = Message(
    "SOP756",
    Severity.WARNING,
    "spreadsheet rows about another school or year skipped",
    "{count} rijen gaan over een andere school of een ander schooljaar en zijn overgeslagen "
    "(rij {rows}).",
    "Alleen rijen van {school} ({code}), schooljaar {year}, worden gebruikt.",
)
SCORES_NOT_A_LIST = Message(
    "SOP757",
    ERROR,
    "yearly file has errors and was not updated",
    "Onder 'scores' staat geen lijst van afspraken met hun score.",
    "Schrijf elke score op een eigen regel, bijvoorbeeld '  BO-01: ja'.",
)
SCORES_FILE_NOT_UPDATED = Message(
    "SOP757",
    ERROR,
    "yearly file has errors and was not updated",
    "Dit bestand is niet bijgewerkt, omdat het zelf fouten heeft.",
    "Herstel eerst de fouten hierboven (sop-builder controleer) en importeer opnieuw.",
)
SCORES_FILE_UNREADABLE = Message(
    "SOP757",
    ERROR,
    "yearly file has errors and was not updated",
    "Het bestand is niet te lezen: {detail}.",
    "",
)

# --- SOP760-764: import-leerlingen (sheets/pupils.py) ----------------------------------------

YEAR_COLUMNS = (
    "Een kolom met aantallen heet LEERLINGEN_JJJJ (of het oudere AANTAL_LEERLINGEN_JJJJ of "
    "TOTAAL_LEERLINGEN_JJJJ)."
)
PUPILS_YEAR_TWICE = Message(
    "SOP760",
    ERROR,
    "pupil numbers: column name not recognised",
    "Het jaar {year} staat in twee kolommen: '{first}' en '{second}'.",
    "Laat één kolom per jaar staan.",
)
PUPILS_UNKNOWN_COLUMN = Message(
    "SOP760",
    ERROR,
    "pupil numbers: column name not recognised",
    "De kolomnaam '{column}' is onbekend; de indeling van het bestand is misschien veranderd.",
    f"{YEAR_COLUMNS} Pas de kolomnaam aan en importeer opnieuw.",
)
PUPILS_UNKNOWN_YEAR_COLUMN = Message(
    "SOP760",
    ERROR,
    "pupil numbers: column name not recognised",
    PUPILS_UNKNOWN_COLUMN.text,
    f"Bedoelt u '{{guess}}'? {YEAR_COLUMNS} Pas de kolomnaam aan en importeer opnieuw.",
)
PUPILS_NO_CODE_COLUMN = Message(
    "SOP761",
    ERROR,
    "pupil numbers: required column missing",
    "Er is geen kolom met de vestigingscode.",
    "Nodig is de kolom VESTIGINGSCODE, of INSTELLINGSCODE (vroeger BRIN_NUMMER) samen met "
    "VESTIGINGSNUMMER. De eerste regel heeft nu: {header}.",
)
PUPILS_NO_YEAR_COLUMN = Message(
    "SOP761",
    ERROR,
    "pupil numbers: required column missing",
    "Er is geen kolom met aantallen leerlingen.",
    YEAR_COLUMNS,
)
PUPILS_COLUMN_MISSING = Message(
    "SOP761",
    ERROR,
    "pupil numbers: required column missing",
    "Er is geen kolom met {what}.",
    "Nodig is een kolom {names}. De eerste regel heeft nu: {header}.",
)
PUPILS_BAD_COUNT = Message(
    "SOP762",
    ERROR,
    "pupil numbers: invalid count",
    "Rij {row}: het aantal leerlingen van {code} in {year} is '{value}'; dat is geen aantal.",
    "Een aantal is een heel getal zonder punt of komma, of <5.",
)
PUPILS_BAD_CODE = Message(
    "SOP763",
    ERROR,
    "pupil numbers: invalid vestigingscode",
    "Rij {row}: '{code}' is geen geldige vestigingscode.",
    "Een vestigingscode heeft 6 tekens: 2 cijfers, 2 hoofdletters en 2 cijfers.",
)
PUPILS_LOCATION_TWICE = Message(
    "SOP764",
    ERROR,
    "pupil numbers: school location listed twice",
    "Rij {row}: vestiging {code} stond al in rij {first}.",
    "Elke vestiging mag één keer in het bestand staan.",
)

# --- SOP765: content/leerlingen.yaml (project/pupils.py) -------------------------------------

PUPIL_FILE_UNKNOWN_KEY = Message(
    "SOP765",
    ERROR,
    "content/leerlingen.yaml is not valid",
    "Het veld '{key}' is onbekend.",
    "Dit bestand kent alleen 'bron' en 'vestigingen'.",
)
PUPIL_FILE_NO_LOCATIONS = Message(
    "SOP765",
    ERROR,
    "content/leerlingen.yaml is not valid",
    "Er staat geen lijst 'vestigingen' in.",
    "Maak het bestand opnieuw met 'sop-builder import-leerlingen'.",
)
PUPIL_FILE_BAD_CODE = Message(
    "SOP765",
    ERROR,
    "content/leerlingen.yaml is not valid",
    "'{code}' is geen geldige vestigingscode.",
    "Een vestigingscode heeft 6 tekens, bijvoorbeeld 12AB00.",
)
PUPIL_FILE_NO_YEARS = Message(
    "SOP765",
    ERROR,
    "content/leerlingen.yaml is not valid",
    "Bij {code} horen jaren met een aantal.",
    'Schrijf bijvoorbeeld \'"2025": "412"\'.',
)
PUPIL_FILE_BAD_YEAR = Message(
    "SOP765",
    ERROR,
    "content/leerlingen.yaml is not valid",
    "'{year}' is geen jaartal (bij {code}).",
    'Schrijf het jaar met vier cijfers, bijvoorbeeld "2025".',
)
PUPIL_FILE_BAD_COUNT = Message(
    "SOP765",
    ERROR,
    "content/leerlingen.yaml is not valid",
    "Het aantal leerlingen van {code} in {year} is '{value}'; dat is geen aantal.",
    "Schrijf een heel getal, <5 voor minder dan 5 leerlingen, of 412+ voor ten minste 412.",
)
PUPIL_FILE_BAD_KIND = Message(
    "SOP765",
    ERROR,
    "content/leerlingen.yaml is not valid",
    "'{kind}' is geen soort school (bij {code} in {year}).",
    "Kies uit: {kinds}.",
)

# --- SOP766-768: the postcode table (project/postcodes.py, sheets/postcodes.py) --------------

POSTCODES_NO_LINES = Message(
    "SOP766",
    ERROR,
    "site_config/postcodes.csv is not valid",
    "Het bestand heeft geen regels.",
    "Maak het opnieuw met 'sop-builder import-postcodes'.",
)
POSTCODES_BAD_HEADER = Message(
    "SOP766",
    ERROR,
    "site_config/postcodes.csv is not valid",
    "De eerste regel moet '{header}' zijn.",
    "Maak het bestand opnieuw met 'sop-builder import-postcodes'.",
)
POSTCODES_BAD_LINE = Message(
    "SOP766",
    ERROR,
    "site_config/postcodes.csv is not valid",
    "Regel {line} is geen postcode met breedtegraad en lengtegraad: '{text}'.",
    "Een regel is bijvoorbeeld 1941;52.4871;4.6574 (4 cijfers, dan twee getallen met een punt).",
)
POSTCODES_TWICE = Message(
    "SOP766",
    ERROR,
    "site_config/postcodes.csv is not valid",
    "Postcode {postcode} staat twee keer in het bestand.",
    "Laat één regel per postcode staan.",
)
POSTCODE_UNKNOWN = Message(
    "SOP767",
    Severity.WARNING,
    "school's postcode not in the postcode table",
    "De postcode {postcode} staat niet in {file}; 'scholen bij mij in de buurt' kan deze school "
    "niet op afstand zetten.",
    "Geef de school 'coordinaten' (breedtegraad en lengtegraad) in sop.md, of maak de postcodetabel "
    "opnieuw met 'sop-builder import-postcodes'.",
)
AREAS_NO_FILE = Message(
    "SOP768",
    ERROR,
    "postcode areas file cannot be read (import-postcodes)",
    "Het bestand {file} bestaat niet.",
    "Geef het pad naar het GeoPackage-bestand (.gpkg) met postcodegebieden.",
)
AREAS_UNREADABLE = Message(
    "SOP768",
    ERROR,
    "postcode areas file cannot be read (import-postcodes)",
    "Het bestand {file} kan niet worden gelezen: {detail}.",
    "Download het GeoPackage (.gpkg) met de postcodegebieden van 4 cijfers van het CBS of PDOK; "
    "zie docs/content-format.md.",
)
AREAS_NONE_USABLE = Message(
    "SOP768",
    ERROR,
    "postcode areas file cannot be read (import-postcodes)",
    "In {file} staat geen enkel bruikbaar postcodegebied.",
    "Controleer of dit het bestand met postcodes van 4 cijfers is.",
)

# --- SOP770-782: import-scholen (project/school_selection.py, authoring/duo_files.py, ---------
# authoring/import_schools.py)

SELECTION_WAYS = Message(
    "SOP770",
    ERROR,
    "site_config/scholen.yaml: not exactly one way of choosing the SWV's schools",
    "In dit bestand staan {filled}; kies één manier om de scholen te kiezen.",
    "Laat alleen 'postcodes', 'gemeenten' of 'vestigingscodes' staan.",
)
NOT_A_DUO_FILE = Message(
    "SOP771",
    ERROR,
    "import-scholen: file is not one of DUO's files of locations or boards",
    "Dit is geen bestand met vestigingen of besturen van DUO: {missing}.",
    "Gebruik '02. Alle schoolvestigingen basisonderwijs', '09. Alle vestigingen sbo, so en vso', "
    "het bestand met alle vestigingen vo, of '03. Adressen bevoegde gezagen'. De eerste regel "
    "heeft nu: {header}.",
)
COLUMN_MISSING = Message(
    "SOP772",
    ERROR,
    "import-scholen: required column missing",
    "Er is geen kolom met {what}.",
    "Nodig is een kolom {names}. De eerste regel heeft nu: {header}.",
)
LOCATION_BAD_CODE = Message(
    "SOP773",
    Severity.WARNING,
    "import-scholen: row of DUO's file cannot be used",
    "Regel {line}: {value} is geen vestigingscode; deze vestiging is niet geïmporteerd.",
    "Een vestigingscode heeft 6 tekens: 2 cijfers, 2 hoofdletters en 2 cijfers.",
)
LOCATION_UNUSABLE = Message(
    "SOP773",
    Severity.WARNING,
    "import-scholen: row of DUO's file cannot be used",
    "Regel {line}: {why}; deze vestiging is niet geïmporteerd.",
    "Hoort deze school bij het samenwerkingsverband? Maak haar map dan met "
    "'sop-builder nieuwe-school'.",
)
BOARD_UNUSABLE = Message(
    "SOP773",
    Severity.WARNING,
    "import-scholen: row of DUO's file cannot be used",
    "Regel {line}: {why}; de regel is overgeslagen.",
    "Scholen van dit bestuur krijgen geen naam bij 'bestuur'; vul die dan zelf in.",
)
FACT_LEFT_OUT = Message(
    "SOP774",
    Severity.WARNING,
    "import-scholen: one fact of a location cannot be used",
    "Regel {line}: {what} '{value}' van {name} is niet te gebruiken; dat veld blijft leeg.",
    "{why}",
)
BOARD_NAME_UNKNOWN = Message(
    "SOP775",
    Severity.WARNING,
    "import-scholen: only the board's number is known",
    "Van bestuur (bevoegd gezag) {number} is alleen het nummer bekend: {schools}.",
    "Geef DUO's bestand '03. Adressen bevoegde gezagen' mee, dan komt de naam van het bestuur "
    "bij 'bestuur'. Of vul de naam zelf in.",
)
NO_SELECTION = Message(
    "SOP776",
    ERROR,
    "import-scholen: no choice of the SWV's schools",
    "Er staat nergens welke scholen bij het samenwerkingsverband horen.",
    "Geef --postcodes (de postcodegebieden van de regio-indeling), --gemeenten of "
    "--vestigingscodes mee; de keuze wordt bewaard in site_config/scholen.yaml.",
)
KIND_UNKNOWN = Message(
    "SOP777",
    ERROR,
    "import-scholen: the kind of school of a file is not known",
    "Het bestand heeft geen kolom met de soort school (zoals SOORT PO of ONDERWIJSSTRUCTUUR).",
    "Is het het bestand met alle basisscholen? Geef dan --soort bao mee (dat geldt voor "
    "bestanden zonder zo'n kolom).",
)
VSO_CHOICE_MISSING = Message(
    "SOP778",
    ERROR,
    "import-scholen: DUO's (V)SO is ambiguous and no choice was given",
    "DUO noemt {count} vestigingen '(V)SO' (speciaal en voortgezet speciaal onderwijs); er staat "
    "niet bij hoe u ze opneemt.",
    "Geef --vso-als so, --vso-als vso of --vso-als beide mee (of 'vso_als' in "
    "site_config/scholen.yaml), of zet maar één van so en vso bij 'soorten'.",
)
RECORD_INVALID = Message(
    "SOP780",
    ERROR,
    "content/duo.yaml is not valid",
    "Dit bestand heeft fouten; de import kan de scholen daardoor niet vergelijken met wat DUO "
    "de vorige keer gaf, en heeft niets veranderd.",
    "Verander dit bestand niet zelf: zet het terug zoals 'sop-builder import-scholen' het "
    "schreef (bijvoorbeeld met Git) en importeer opnieuw.",
)
KERN_UNKNOWN = Message(
    "SOP781",
    Severity.WARNING,
    "import-scholen: no kern found for a new school",
    "Bij {name} ({municipality}) past geen {label}: 'kern' is leeg.",
    "Zet bij de {plural} in site_config/swv.yaml de gemeente van elke {label}, of geef --kern "
    "mee, of kies de {label} in het bestand zelf.",
)
OPTION_INVALID = Message(
    "SOP782",
    ERROR,
    "import-scholen: the value of an option is not valid",
    "De keuze van de scholen klopt niet: {problem}",
    "{fix}",
)

# --- SOP783: import-leerlingen, DUO's per-age file (sheets/duo_pupils.py) ---------------------

PUPILS_ROW_UNUSABLE = Message(
    "SOP783",
    Severity.WARNING,
    "pupil numbers: row of DUO's file cannot be used",
    "Regel {line}: {why}; deze regel telt niet mee.",
    "Is het een vestiging van het samenwerkingsverband, dan zijn haar aantallen van dat jaar "
    "niet geschreven (een som zonder deze regel zou niet kloppen).",
)

# --- SOP786-791: import-norm (sheets/norm_import.py) -----------------------------------------

NORM_EXISTS = Message(
    "SOP786",
    ERROR,
    "import-norm: the norm of that school year exists",
    "Er is al een norm voor het schooljaar {year}; die blijft staan.",
    "Geef --vervang mee om hem te vervangen, of --schooljaar met het eerste schooljaar waarin "
    "de nieuwe afspraken gelden (dan blijven de uitslagen van eerdere jaren gelijk).",
)
NORM_COLUMN_MISSING = Message(
    "SOP787",
    ERROR,
    "import-norm: no column with the agreements",
    "Er is geen kolom met de afspraken.",
    "Noem de kolom met de tekst van elke afspraak 'afspraak' (of 'omschrijving'); 'thema', "
    "'code', 'titel' en 'aspect' mogen erbij. De eerste regel heeft nu: {header}.",
)
NORM_ROW_UNUSABLE = Message(
    "SOP788",
    Severity.WARNING,
    "import-norm: a row without an agreement",
    "Regel {line} heeft geen afspraak en geen thema; die regel is overgeslagen.",
    "Zet de tekst van de afspraak in de kolom 'afspraak', of haal de regel weg.",
)
NORM_CODES_HINT = (
    "Geef elke afspraak een eigen code in dezelfde vorm (of laat de kolom 'code' leeg: dan maakt "
    "de import ze), of zeg met --codevoorbeeld hoe de codes eruitzien."
)
NORM_CODE_NOT_LIKE_EXAMPLE = Message(
    "SOP789",
    ERROR,
    "import-norm: a code in the spreadsheet cannot be used",
    "Regel {line}: de code '{code}' heeft niet de vorm van {example}.",
    NORM_CODES_HINT,
)
NORM_CODE_TWICE = Message(
    "SOP789",
    ERROR,
    "import-norm: a code in the spreadsheet cannot be used",
    "Regel {line}: de code '{code}' staat ook op regel {first}.",
    NORM_CODES_HINT,
)
NORM_NO_SCALE = Message(
    "SOP790",
    ERROR,
    "import-norm: no norm can be made",
    "Er staat niet bij welke scores een school geeft.",
    "Geef --schaal ja-deels-nee of --schaal ja-nee mee.",
)
NORM_NO_AGREEMENTS = Message(
    "SOP790",
    ERROR,
    "import-norm: no norm can be made",
    "Er staat geen enkele afspraak in het bestand.",
    "Zet elke afspraak op een eigen regel, in de kolom 'afspraak'.",
)
NORM_EXTRA_CELLS = Message(
    "SOP791",
    ERROR,
    "import-norm: a row has more cells than the header",
    "Regel {line} heeft meer kolommen dan de eerste regel; '{extra}' zou wegvallen.",
    "Staat er een ; of een komma in een afspraak? Zet die tekst dan tussen aanhalingstekens "
    '("…"), of sla het bestand op als Excel-werkmap (.xlsx).',
)

FAMILY = Family(
    "Spreadsheets, pupil numbers, postcodes, schools and the norm (import-scores, "
    "import-leerlingen, import-postcodes, import-scholen, import-norm)",
    (
        TABLE_NOT_UTF8,
        TABLE_NOT_UTF8_OR_WINDOWS,
        TABLE_BAD_CSV_LINE,
        TABLE_BAD_XLSX,
        TABLE_EMPTY,
        TABLE_TOO_LARGE,
        TABLE_CANNOT_READ,
        TABLE_OLD_XLS,
        SCORES_COLUMN_MISSING,
        SCORES_UNKNOWN_AGREEMENT,
        SCORES_NO_SCORE,
        SCORES_NOT_A_SCORE,
        SCORES_NOT_APPLICABLE,
        SCORES_ROW_TWICE,
        SCORES_ROWS_SKIPPED,
        SCORES_NOT_A_LIST,
        SCORES_FILE_NOT_UPDATED,
        SCORES_FILE_UNREADABLE,
        PUPILS_YEAR_TWICE,
        PUPILS_UNKNOWN_COLUMN,
        PUPILS_UNKNOWN_YEAR_COLUMN,
        PUPILS_NO_CODE_COLUMN,
        PUPILS_NO_YEAR_COLUMN,
        PUPILS_COLUMN_MISSING,
        PUPILS_BAD_COUNT,
        PUPILS_BAD_CODE,
        PUPILS_LOCATION_TWICE,
        PUPIL_FILE_UNKNOWN_KEY,
        PUPIL_FILE_NO_LOCATIONS,
        PUPIL_FILE_BAD_CODE,
        PUPIL_FILE_NO_YEARS,
        PUPIL_FILE_BAD_YEAR,
        PUPIL_FILE_BAD_COUNT,
        PUPIL_FILE_BAD_KIND,
        POSTCODES_NO_LINES,
        POSTCODES_BAD_HEADER,
        POSTCODES_BAD_LINE,
        POSTCODES_TWICE,
        POSTCODE_UNKNOWN,
        AREAS_NO_FILE,
        AREAS_UNREADABLE,
        AREAS_NONE_USABLE,
        SELECTION_WAYS,
        NOT_A_DUO_FILE,
        COLUMN_MISSING,
        LOCATION_BAD_CODE,
        LOCATION_UNUSABLE,
        BOARD_UNUSABLE,
        FACT_LEFT_OUT,
        BOARD_NAME_UNKNOWN,
        NO_SELECTION,
        KIND_UNKNOWN,
        VSO_CHOICE_MISSING,
        RECORD_INVALID,
        KERN_UNKNOWN,
        OPTION_INVALID,
        PUPILS_ROW_UNUSABLE,
        NORM_EXISTS,
        NORM_COLUMN_MISSING,
        NORM_ROW_UNUSABLE,
        NORM_CODE_NOT_LIKE_EXAMPLE,
        NORM_CODE_TWICE,
        NORM_NO_SCALE,
        NORM_NO_AGREEMENTS,
        NORM_EXTRA_CELLS,
    ),
)
