"""Message codes: spreadsheets, pupil numbers and postcodes (import-scores, import-leerlingen,
import-postcodes; SOP75x, SOP76x)."""

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
    "Schrijf een heel getal, of <5 voor minder dan 5 leerlingen.",
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

FAMILY = Family(
    "Spreadsheets, pupil numbers and postcodes (import-scores, import-leerlingen, import-postcodes)",
    (
        TABLE_NOT_UTF8,
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
        PUPILS_BAD_COUNT,
        PUPILS_BAD_CODE,
        PUPILS_LOCATION_TWICE,
        PUPIL_FILE_UNKNOWN_KEY,
        PUPIL_FILE_NO_LOCATIONS,
        PUPIL_FILE_BAD_CODE,
        PUPIL_FILE_NO_YEARS,
        PUPIL_FILE_BAD_YEAR,
        PUPIL_FILE_BAD_COUNT,
        POSTCODES_NO_LINES,
        POSTCODES_BAD_HEADER,
        POSTCODES_BAD_LINE,
        POSTCODES_TWICE,
        POSTCODE_UNKNOWN,
        AREAS_NO_FILE,
        AREAS_UNREADABLE,
        AREAS_NONE_USABLE,
    ),
)
