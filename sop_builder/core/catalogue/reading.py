"""Message codes: reading files: encoding, front matter and YAML syntax (SOP0xx)."""

from __future__ import annotations

from sop_builder.core.issues import Family, Message, Severity

ERROR = Severity.ERROR

QUOTE_STAR = 'Zet aanhalingstekens om de hele waarde, bijvoorbeeld: "*belangrijk*".'

# --- the file as bytes ---------------------------------------------------------------------

NOT_UTF8 = Message(
    "SOP001",
    ERROR,
    "file is not UTF-8",
    "Het bestand is niet opgeslagen als UTF-8 (eerste fout op regel {line}).",
    "Sla het bestand op met de codering 'UTF-8' (in Kladblok: Opslaan als → Codering).",
)
NOT_UTF8_WINDOWS = Message(
    "SOP001",
    ERROR,
    "file is not UTF-8",
    "Het bestand is niet opgeslagen als UTF-8 (eerste fout op regel {line}). Waarschijnlijk is "
    "het opgeslagen door Word of Kladblok (Windows-1252).",
    NOT_UTF8.hint,
)
EMPTY = Message(
    "SOP002", ERROR, "file is empty", "Het bestand is leeg.", "Vul het bestand in of verwijder het."
)
CANNOT_READ = Message(
    "SOP002",
    ERROR,
    "file is empty",
    "Het bestand kan niet worden gelezen ({reason}).",
    "Controleer of het bestand bestaat en leesbaar is.",
)
BINARY = Message(
    "SOP003",
    ERROR,
    "file is binary or contains a NUL byte",
    "Dit is geen tekstbestand: het bevat een nul-teken (binaire gegevens).",
    "Zet hier alleen tekstbestanden neer (.md of .yaml). "
    "Een afbeelding of Word-bestand hoort hier niet.",
)
TOO_LARGE = Message(
    "SOP004",
    ERROR,
    "file is too large",
    "Het bestand is te groot ({size} bytes; de grens is {limit}).",
    "Een SOP of zelfevaluatie is veel kleiner. Controleer of dit het goede bestand is.",
)
# A link is refused before anything is read (project/tree.py): what it points at, inside the
# project or outside it, is never read, so it can never be published.
LINK = Message(
    "SOP005",
    ERROR,
    "symbolic link in content/ or site_config/",
    "'{name}' is een snelkoppeling (symbolische link) naar een ander bestand of een andere map. "
    "Via een snelkoppeling wordt niets gelezen. Zolang er een snelkoppeling in content/ of "
    "site_config/ staat, wordt de rest van het project niet gecontroleerd en niet gepubliceerd.",
    "Vervang de snelkoppeling door het bestand of de map zelf: haal de snelkoppeling weg en zet "
    "een kopie van het bestand of de map op deze plek.",
)

# --- front matter ----------------------------------------------------------------------------

FRONT_NOT_ON_LINE_1 = Message(
    "SOP010",
    ERROR,
    "front matter does not start on line 1",
    "Het bestand moet op regel 1 beginnen met '---', maar dat staat op regel {line}.",
    "Haal de lege regels boven '---' weg.",
)
NO_FRONT_MATTER = Message(
    "SOP010",
    ERROR,
    "front matter does not start on line 1",
    "Het bestand begint niet met '---'; de gegevens van de school ontbreken.",
    "Zet op regel 1 alleen '---', daaronder de velden, en sluit af met een regel '---'.",
)
FRONT_NOT_CLOSED = Message(
    "SOP011",
    ERROR,
    "front matter is not closed",
    "Het blok met gegevens dat op regel 1 begint met '---', wordt nergens gesloten.",
    "Zet na het laatste veld een regel met alleen '---'.",
)

# --- YAML syntax (SOP012: one wording per thing PyYAML can trip over) ------------------------

SYNTAX = Message(
    "SOP012",
    ERROR,
    "YAML syntax error",
    "De opmaak van de YAML klopt niet op deze plek.",
    "Controleer de inspringing, de dubbele punten en de aanhalingstekens. (Technisch: {detail})",
)
UNREADABLE = Message(
    "SOP012", ERROR, "YAML syntax error", "De YAML kan niet worden gelezen.", "{detail}"
)
NO_SPACE_AFTER_COLON = Message(
    "SOP012",
    ERROR,
    "YAML syntax error",
    "Na de dubbele punt moet een spatie staan.",
    "Schrijf '{key}: {value}' in plaats van '{key}:{value}'.",
)
COLON_IN_VALUE = Message(
    "SOP012",
    ERROR,
    "YAML syntax error",
    "Er staat een dubbele punt (:) op een plek waar dat niet kan.",
    'Zet aanhalingstekens om tekst met een dubbele punt, bijvoorbeeld: titel: "Let op: tekst".',
)
COLON_MISSING = Message(
    "SOP012",
    ERROR,
    "YAML syntax error",
    "Achter de naam van een veld mist een dubbele punt (:).",
    "Schrijf elk veld als 'naam: waarde', met een spatie na de dubbele punt.",
)
QUOTE_NOT_CLOSED = Message(
    "SOP012",
    ERROR,
    "YAML syntax error",
    "Een aanhalingsteken wordt niet gesloten.",
    "Sluit de tekst af met hetzelfde aanhalingsteken als waarmee hij begint.",
)
# A value that starts with a quote that its line does not close (naam: 't Kienholt): YAML reads
# on until the next quote, and the error shows up lines later as an indentation problem.
UNCLOSED_QUOTE = Message(
    "SOP012",
    ERROR,
    "YAML syntax error",
    "De waarde begint met een aanhalingsteken ({quote}) dat op deze regel niet wordt gesloten; "
    "YAML leest daardoor de regels eronder als deel van deze waarde.",
    "Hoort het aanhalingsteken bij de tekst, zoals in 't Kienholt? Schrijf dan: {suggestion}. "
    "Anders: sluit de tekst op deze regel af met {quote}.",
)
# A value that starts with a quote which also stands inside the text (naam: 'T Jok en 't Kind):
# YAML ends the value at the second quote and cannot read what follows.
QUOTE_INSIDE = Message(
    "SOP012",
    ERROR,
    "YAML syntax error",
    "De waarde begint met een aanhalingsteken ({quote}) dat ook in de tekst staat; YAML houdt "
    "de waarde daar op en kan de rest van de regel niet lezen.",
    "Zet de hele waarde tussen de andere aanhalingstekens: {suggestion}.",
)
BAD_INDENT = Message(
    "SOP012",
    ERROR,
    "YAML syntax error",
    "De inspringing klopt niet.",
    "Zorg dat velden op hetzelfde niveau precies even ver inspringen, met spaties.",
)
BAD_LIST_INDENT = Message(
    "SOP012",
    ERROR,
    "YAML syntax error",
    "Een lijst is niet goed ingesprongen.",
    "Zet elk onderdeel van een lijst op een eigen regel, beginnend met '- ', even ver "
    "ingesprongen.",
)
BRACKET_NOT_CLOSED = Message(
    "SOP012",
    ERROR,
    "YAML syntax error",
    "Een lijst tussen [ en ] is niet goed afgesloten.",
    "Sluit de lijst af met ] en zet komma's tussen de onderdelen.",
)
BRACE_NOT_CLOSED = Message(
    "SOP012",
    ERROR,
    "YAML syntax error",
    "Een blok tussen {{ en }} is niet goed afgesloten.",
    "Sluit het blok af met }}.",
)
FORBIDDEN_CHARACTER = Message(
    "SOP012",
    ERROR,
    "YAML syntax error",
    "Het bestand bevat een onzichtbaar teken dat niet mag.",
    "Verwijder het teken op deze plek; typ de tekst eventueel opnieuw.",
)
STARTS_WITH_STAR = Message(
    "SOP012",
    ERROR,
    "YAML syntax error",
    "Een waarde mag niet beginnen met * of &.",
    QUOTE_STAR,
)
UNDEFINED_ALIAS = Message(
    "SOP012",
    ERROR,
    "YAML syntax error",
    "Een '*' aan het begin van een waarde is niet toegestaan.",
    'Zet aanhalingstekens om de waarde, bijvoorbeeld: "*belangrijk*".',
)
STARTS_WITH_AT = Message(
    "SOP012",
    ERROR,
    "YAML syntax error",
    "Een waarde mag niet met @ of ` beginnen.",
    "Zet aanhalingstekens om de waarde.",
)
HASH_AFTER_QUOTE = Message(
    "SOP012",
    ERROR,
    "YAML syntax error",
    "Direct na een aanhalingsteken of haakje staat een '#'.",
    "Zet een spatie voor de '#' als er commentaar volgt, of zet de '#' binnen de "
    "aanhalingstekens als hij bij de tekst hoort.",
)
LONE_DASH = Message(
    "SOP012",
    ERROR,
    "YAML syntax error",
    "Een '-' alleen kan geen waarde tussen haakjes zijn.",
    'Zet aanhalingstekens om het streepje ("-"), of haal het weg.',
)

# --- what the strict reader refuses ---------------------------------------------------------

TAB_INDENT = Message(
    "SOP013",
    ERROR,
    "tab used for indentation",
    "Deze regel springt in met een tab; YAML accepteert alleen spaties.",
    "Vervang de tab aan het begin van de regel door spaties (bijvoorbeeld 2).",
)
DUPLICATE_KEY = Message(
    "SOP014",
    ERROR,
    "duplicate key",
    "Het veld '{key}' staat twee keer in dit blok (regel {first} en regel {second}).",
    "Houd één van de twee over; de ene waarde zou de andere stil overschrijven.",
)
ALIAS = Message(
    "SOP015",
    ERROR,
    "anchor or alias",
    "Een waarde mag niet beginnen met * (YAML ziet dat als verwijzing).",
    QUOTE_STAR,
)
ANCHOR = Message(
    "SOP015",
    ERROR,
    "anchor or alias",
    "Een waarde mag niet beginnen met & (hier: &{anchor}).",
    "Haal de & weg, of zet aanhalingstekens om de hele waarde.",
)
TAG = Message(
    "SOP016",
    ERROR,
    "YAML tag",
    "Labels met '!' zijn niet toegestaan ({tag}).",
    "Haal het label weg of zet aanhalingstekens om tekst die met ! begint.",
)
TOO_MANY_VALUES = Message(
    "SOP017",
    ERROR,
    "nesting too deep or too many values",
    "Dit bestand bevat meer dan {limit} waarden.",
    "Een SOP-bestand is veel kleiner; controleer of dit het goede bestand is.",
)
TOO_DEEP = Message(
    "SOP017",
    ERROR,
    "nesting too deep or too many values",
    "De gegevens zijn dieper genest dan {limit} niveaus.",
    "Controleer de inspringing; een SOP heeft maar een paar niveaus.",
)
FILE_NOT_A_MAPPING = Message(
    "SOP018",
    ERROR,
    "top level is not a mapping",
    "Dit bestand is {kind}, maar moet bestaan uit velden ('naam: waarde').",
    "Begin elke regel met de naam van een veld, een dubbele punt en de waarde; niet met '- '.",
)
FRONT_NOT_A_MAPPING = Message(
    "SOP018",
    ERROR,
    "top level is not a mapping",
    "Het blok met gegevens is {kind}, maar moet bestaan uit velden ('naam: waarde').",
    FILE_NOT_A_MAPPING.hint,
)
FRONT_EMPTY = Message(
    "SOP018",
    ERROR,
    "top level is not a mapping",
    "Het blok met gegevens tussen de twee regels '---' is leeg.",
    "Vul de velden in; kijk in docs/content-format.md.",
)
COMMENT_DROPPED = Message(
    "SOP019",
    Severity.WARNING,
    "text after ' #' is dropped as a comment",
    "De tekst '{comment}' valt weg: YAML ziet alles na ' #' als commentaar.",
    'Zet aanhalingstekens om de hele waarde: "{value} {comment}".',
)
TWO_DOCUMENTS = Message(
    "SOP020",
    ERROR,
    "more than one YAML document",
    "Dit bestand bevat meer dan één YAML-document ('---').",
    "Houd één blok over; een tweede '---' hoort hier niet.",
)
KEY_NOT_TEXT = Message(
    "SOP021",
    ERROR,
    "key is not plain text",
    "Een veldnaam moet gewone tekst zijn.",
    "Schrijf het veld als 'naam: waarde'.",
)
QUESTION_MARK_KEY = Message(
    "SOP021",
    ERROR,
    "key is not plain text",
    "Een veldnaam mag niet met '? ' beginnen.",
    "Schrijf het veld als 'naam: waarde', zonder vraagteken ervoor.",
)
CONTINUATION_ONE_SPACE = Message(
    "SOP022",
    ERROR,
    "continuation line not indented enough (YAML 1.2)",
    "Deze regel hoort nog bij de waarde die op regel {start} begint, maar springt niet ver "
    "genoeg in.",
    "Zet er minstens 1 spatie voor (verder dan de naam van het veld), of schrijf de hele "
    "waarde op één regel.",
)
CONTINUATION_SPACES = Message(
    "SOP022",
    ERROR,
    "continuation line not indented enough (YAML 1.2)",
    CONTINUATION_ONE_SPACE.text,
    "Zet er minstens {spaces} spaties voor (verder dan de naam van het veld), of schrijf de "
    "hele waarde op één regel.",
)
HEADER_AT_MARGIN = Message(
    "SOP022",
    ERROR,
    "continuation line not indented enough (YAML 1.2)",
    "De '{indicator}' springt niet verder in dan de naam van het veld erboven.",
    "Zet de '|' of '>' achter de dubbele punt van het veld, op dezelfde regel.",
)
DIRECTIVE = Message(
    "SOP023",
    ERROR,
    "YAML directive (%)",
    "Regels die met '%' beginnen (instructies voor YAML) worden niet gelezen.",
    "Haal de regel weg; zet aanhalingstekens om een waarde die met % begint.",
)

FAMILY = Family(
    "Reading files: encoding, front matter and YAML syntax",
    (
        NOT_UTF8,
        NOT_UTF8_WINDOWS,
        EMPTY,
        CANNOT_READ,
        BINARY,
        TOO_LARGE,
        LINK,
        FRONT_NOT_ON_LINE_1,
        NO_FRONT_MATTER,
        FRONT_NOT_CLOSED,
        SYNTAX,
        UNREADABLE,
        NO_SPACE_AFTER_COLON,
        COLON_IN_VALUE,
        COLON_MISSING,
        QUOTE_NOT_CLOSED,
        UNCLOSED_QUOTE,
        QUOTE_INSIDE,
        BAD_INDENT,
        BAD_LIST_INDENT,
        BRACKET_NOT_CLOSED,
        BRACE_NOT_CLOSED,
        FORBIDDEN_CHARACTER,
        STARTS_WITH_STAR,
        UNDEFINED_ALIAS,
        STARTS_WITH_AT,
        HASH_AFTER_QUOTE,
        LONE_DASH,
        TAB_INDENT,
        DUPLICATE_KEY,
        ALIAS,
        ANCHOR,
        TAG,
        TOO_MANY_VALUES,
        TOO_DEEP,
        FILE_NOT_A_MAPPING,
        FRONT_NOT_A_MAPPING,
        FRONT_EMPTY,
        COMMENT_DROPPED,
        TWO_DOCUMENTS,
        KEY_NOT_TEXT,
        QUESTION_MARK_KEY,
        CONTINUATION_ONE_SPACE,
        CONTINUATION_SPACES,
        HEADER_AT_MARGIN,
        DIRECTIVE,
    ),
)
