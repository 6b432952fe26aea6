"""Field types for the schemas: every value arrives as text and is checked here.

Each type raises a ``PydanticCustomError`` (`field_error`) whose type is the permanent message
code and whose message is the Dutch text; its context holds the hint and the catalogue entry with
its values, from which core/schema.py raises the issue at the field's place.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date
from fractions import Fraction
from typing import TYPE_CHECKING, Annotated, Any, cast

from pydantic import BeforeValidator, Field, JsonValue, WithJsonSchema
from pydantic_core import PydanticCustomError

from sop_builder.core.catalogue.schema import (
    ANGLE_BRACKETS,
    EMPTY_VALUE,
    NO_SUCH_DATE,
    NOT_A_CODE_EXAMPLE,
    NOT_A_DATE,
    NOT_A_PHONE_NUMBER,
    NOT_A_POSITIVE_NUMBER,
    NOT_A_POSTCODE,
    NOT_A_SCHOOL_YEAR,
    NOT_A_SLUG,
    NOT_A_URL,
    NOT_A_VESTIGINGSCODE,
    NOT_AN_EMAIL,
    NOT_YES_OR_NO,
    PERCENTAGE_NOT_A_NUMBER,
    PERCENTAGE_OUT_OF_RANGE,
    TEXT_EXPECTED,
    WEIGHT_NOT_A_NUMBER,
    WEIGHT_OUT_OF_RANGE,
)
from sop_builder.core.issues import Message


def field_error(message: Message, **values: Any) -> PydanticCustomError:
    """A field type's refusal of a value: ``message`` (a catalogue entry) with ``values``."""
    issue = message.at("", **values)
    # Braces in what people typed must not be read as template fields by pydantic.
    text = issue.message.replace("{", "(").replace("}", ")")
    return PydanticCustomError(
        message.code, text, {"hint": issue.hint, "message": message, "values": values}
    )


def text_value(value: Any) -> str:
    if isinstance(value, (dict, list)):
        kind = "een lijst" if isinstance(value, list) else "een blok met velden"
        raise field_error(TEXT_EXPECTED, kind=kind)
    if value is None:
        value = ""
    text = str(value).strip()
    if not text:
        raise field_error(EMPTY_VALUE)
    return text


def _pattern(regex: str, message: Message) -> Callable[[Any], str]:
    compiled = re.compile(regex)

    def check(value: Any) -> str:
        text = text_value(value)
        if not compiled.fullmatch(text):
            raise field_error(message, value=text)
        return text

    return check


def _plain_text(value: Any) -> str:
    text = text_value(value)
    if "<" in text or ">" in text:
        raise field_error(ANGLE_BRACKETS)
    return " ".join(text.split())


def _date(value: Any) -> date:
    text = text_value(value)
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise field_error(NOT_A_DATE, value=text)
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise field_error(NO_SUCH_DATE, value=text) from None


def _school_year(value: Any) -> str:
    text = text_value(value)
    match = re.fullmatch(r"(\d{4})-(\d{4})", text)
    if not match or int(match[2]) != int(match[1]) + 1:
        raise field_error(NOT_A_SCHOOL_YEAR, value=text)
    return text


_URL = r"https?://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(:[0-9]+)?(/[^\s<>\"']*)?"
_EMAIL = r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"


def _url(value: Any) -> str:
    text = text_value(value)
    if not re.fullmatch(_URL, text):
        raise field_error(NOT_A_URL, value=text)
    return text


def _email(value: Any) -> str:
    text = text_value(value)
    if not re.fullmatch(_EMAIL, text):
        raise field_error(NOT_AN_EMAIL, value=text)
    return text


def _fraction(
    value: Any, lo: Fraction, hi: Fraction, not_a_number: Message, out_of_range: Message
) -> Fraction:
    text = text_value(value)
    try:
        if re.fullmatch(r"\d+/\d+", text):
            number = Fraction(text)
        elif re.fullmatch(r"\d+([.,]\d+)?", text):
            number = Fraction(text.replace(",", "."))
        else:
            raise ValueError
    except (ValueError, ZeroDivisionError):
        raise field_error(not_a_number, value=text) from None
    if not lo <= number <= hi:
        raise field_error(out_of_range, value=text)
    return number


def _weight(value: Any) -> Fraction:
    return _fraction(value, Fraction(0), Fraction(1), WEIGHT_NOT_A_NUMBER, WEIGHT_OUT_OF_RANGE)


def _percentage(value: Any) -> Fraction:
    return _fraction(
        value, Fraction(1), Fraction(100), PERCENTAGE_NOT_A_NUMBER, PERCENTAGE_OUT_OF_RANGE
    )


def _positive_int(value: Any) -> int:
    text = text_value(value)
    if not re.fullmatch(r"[1-9]\d{0,6}", text):
        raise field_error(NOT_A_POSITIVE_NUMBER, value=text)
    return int(text)


def _yes_no(value: Any) -> bool:
    text = text_value(value).lower()
    if text in ("ja", "true"):
        return True
    if text in ("nee", "false"):
        return False
    raise field_error(NOT_YES_OR_NO, value=text)


def _empty_to_none(value: Any) -> Any:
    return None if isinstance(value, str) and not value.strip() else value


def string_schema(**extra: Any) -> WithJsonSchema:
    return WithJsonSchema({"type": "string", **extra})


def _number_schema(lo: int, hi: int, pattern: str) -> WithJsonSchema:
    """A number from ``lo`` to ``hi``, typed as a number or as text."""
    number = {"type": "number", "minimum": lo, "maximum": hi}
    return WithJsonSchema({"anyOf": [number, {"type": "string", "pattern": pattern}]})


# Plain text: never read as Markdown or HTML; shown as written (site/sanitize.py page_text).
# PlainText is one line (names, roles, places, titles) without '<' or '>'; Text may have line
# breaks and any character. The Markdown fields are the texts under the front matter of an SOP
# and of an offer page (the schema says so with "x-body").
PLAIN = "text/plain"
MARKDOWN = "text/markdown"
Text = Annotated[
    str, BeforeValidator(text_value), string_schema(minLength=1, contentMediaType=PLAIN)
]
PlainText = Annotated[
    str,
    BeforeValidator(_plain_text),
    string_schema(minLength=1, pattern=r"^[^<>]+$", contentMediaType=PLAIN),
]
Slug = Annotated[
    str,
    BeforeValidator(_pattern(r"[a-z0-9]+(-[a-z0-9]+)*", NOT_A_SLUG)),
    string_schema(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$"),
]
# An example of the codes of an SWV's agreements (BO-01, 1.1, A3): the norm derives their form.
CodeExample = Annotated[
    str,
    BeforeValidator(_pattern(r"[A-Za-z0-9]+([-._/][A-Za-z0-9]+)*", NOT_A_CODE_EXAMPLE)),
    string_schema(pattern=r"^[A-Za-z0-9]+([-._/][A-Za-z0-9]+)*$"),
]
Vestigingscode = Annotated[
    str,
    BeforeValidator(_pattern(r"\d{2}[A-Z]{2}\d{2}", NOT_A_VESTIGINGSCODE)),
    string_schema(pattern=r"^\d{2}[A-Z]{2}\d{2}$"),
]
Postcode = Annotated[
    str,
    BeforeValidator(_pattern(r"[1-9]\d{3} ?[A-Z]{2}", NOT_A_POSTCODE)),
    string_schema(pattern=r"^[1-9][0-9]{3} ?[A-Z]{2}$"),
]
Phone = Annotated[
    str,
    BeforeValidator(_pattern(r"\+?\d[\d \-]{7,16}\d", NOT_A_PHONE_NUMBER)),
    string_schema(pattern=r"^\+?[0-9][0-9 \-]{7,16}[0-9]$"),
]
Date = Annotated[date, BeforeValidator(_date), string_schema(format="date")]
SchoolYear = Annotated[
    str, BeforeValidator(_school_year), string_schema(pattern=r"^[0-9]{4}-[0-9]{4}$")
]
Url = Annotated[str, BeforeValidator(_url), string_schema(format="uri", pattern=f"^{_URL}$")]
Email = Annotated[
    str, BeforeValidator(_email), string_schema(format="email", pattern=f"^{_EMAIL}$")
]
# Editors read an unquoted 80 or true as a number or a boolean; our reader keeps it as text.
Weight = Annotated[
    Fraction,
    BeforeValidator(_weight),
    _number_schema(0, 1, r"^(0([.,][0-9]+)?|1([.,]0+)?|[0-9]+/[1-9][0-9]*)$"),
]
Percentage = Annotated[
    Fraction,
    BeforeValidator(_percentage),
    _number_schema(1, 100, r"^(100([.,]0+)?|[1-9][0-9]?([.,][0-9]+)?)$"),
]
PositiveInt = Annotated[
    int,
    BeforeValidator(_positive_int),
    WithJsonSchema({"type": ["string", "integer"], "pattern": r"^[1-9][0-9]*$"}),
]
YesNo = Annotated[
    bool,
    BeforeValidator(_yes_no),
    WithJsonSchema({"enum": ["ja", "nee", "true", "false", True, False]}),
]


def x_labels(labels: Mapping[str, str]) -> dict[str, JsonValue]:
    """The Dutch labels of a field's allowed values, for the JSON Schema (``x-labels``)."""
    shown: dict[str, JsonValue] = dict(labels)
    return {"x-labels": shown}


def optional(kind: Any) -> Any:
    """An optional field of type ``kind``: absent or empty means 'not filled in'."""
    core = kind.__origin__
    # Every field type here validates with a one-argument function.
    check = cast(
        Callable[[Any], Any],
        next(m.func for m in kind.__metadata__ if isinstance(m, BeforeValidator)),
    )
    schema = next(m for m in kind.__metadata__ if isinstance(m, WithJsonSchema))

    def check_optional(value: Any) -> Any:
        value = _empty_to_none(value)
        return None if value is None else check(value)

    return Annotated[
        core | None,
        BeforeValidator(check_optional),
        WithJsonSchema({"anyOf": [schema.json_schema, {"type": "null"}]}),
        Field(default=None),
    ]


# Optional fields: absent or empty is None. The type checker sees what such a field holds.
if TYPE_CHECKING:
    OptionalText = str | None
    OptionalPlainText = str | None
    OptionalEmail = str | None
    OptionalPhone = str | None
    OptionalUrl = str | None
    OptionalDate = date | None
    OptionalPositiveInt = int | None
    OptionalWeight = Fraction | None
    OptionalSchoolYear = str | None
else:
    OptionalText = optional(Text)
    OptionalPlainText = optional(PlainText)
    OptionalEmail = optional(Email)
    OptionalPhone = optional(Phone)
    OptionalUrl = optional(Url)
    OptionalDate = optional(Date)
    OptionalPositiveInt = optional(PositiveInt)
    OptionalWeight = optional(Weight)
    OptionalSchoolYear = optional(SchoolYear)
