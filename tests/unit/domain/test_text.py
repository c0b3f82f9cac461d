"""Text inputs are Unicode text: no control characters, no lone surrogates, one
line where a line is meant, and within their stated length. Every refusal names
its field and says which character at which position."""

from __future__ import annotations

import pytest

from domain.base import (
    LINE_LENGTH,
    TEXT_LENGTH,
    optional_line,
    optional_text,
    require_line,
    require_lines,
    require_text,
    require_texts,
)
from domain.errors import InvalidValue

# One of each class of character no text holds.
NEVER = {
    "NUL": "\x00",
    "bell": "\x07",
    "backspace": "\x08",
    "vertical tab": "\x0b",
    "form feed": "\x0c",
    "escape": "\x1b",
    "unit separator": "\x1f",
    "delete": "\x7f",
    "C1 next line": "\x85",
    "C1 control": "\x9b",
    "lone high surrogate": "\ud800",
    "lone low surrogate": "\udfff",
}
# Allowed in prose, refused in a line.
LINE_BREAKS = {"newline": "\n", "carriage return": "\r", "tab": "\t", "line separator": "\u2028"}
CHECKS = [require_line, optional_line, require_text, optional_text]


@pytest.mark.parametrize("check", CHECKS, ids=lambda check: check.__name__)
@pytest.mark.parametrize("character", NEVER.values(), ids=NEVER.keys())
def test_no_text_takes_a_control_character_or_a_lone_surrogate(
    check: object, character: str
) -> None:
    with pytest.raises(InvalidValue) as refused:
        check("agent", f"bob{character}", max_length=100)  # type: ignore[operator]
    assert refused.value.field == "agent"
    assert f"U+{ord(character):04X} at position 3" in refused.value.message


@pytest.mark.parametrize("character", LINE_BREAKS.values(), ids=LINE_BREAKS.keys())
def test_a_line_takes_no_line_break_or_tab_but_prose_does(character: str) -> None:
    with pytest.raises(InvalidValue, match="line break, tab or control character"):
        require_line("title", f"Go{character}live")
    if character != "\u2028":  # a separator of lines, and not a control character
        assert require_text("minutes", f"Agreed{character}scope") == f"Agreed{character}scope"


def test_text_is_unicode_text_with_any_script_and_emoji() -> None:
    for text in ("Łódź", "東京オフィス", "مرحبا", "👩‍💻 on call", "zero\u200dwidth"):
        assert require_line("name", text) == text
        assert require_text("description", text) == text


def test_text_is_stripped_and_blank_is_refused_where_required() -> None:
    assert require_line("name", "  Ann Lee \n".strip()) == "Ann Lee"
    assert optional_text("note", "   ") == ""
    with pytest.raises(InvalidValue, match="must not be blank"):
        require_text("description", "  ")


def test_each_kind_of_text_has_its_length() -> None:
    assert require_line("name", "x" * LINE_LENGTH)
    assert require_text("description", "x" * TEXT_LENGTH)
    with pytest.raises(InvalidValue, match=f"at most {LINE_LENGTH} characters"):
        require_line("name", "x" * (LINE_LENGTH + 1))
    with pytest.raises(InvalidValue, match=f"at most {TEXT_LENGTH} characters"):
        require_text("description", "x" * (TEXT_LENGTH + 1))


def test_an_item_of_a_list_is_named_by_its_place() -> None:
    with pytest.raises(InvalidValue) as refused:
        require_lines("attendees", ["ana", "bo\x00"])
    assert refused.value.field == "attendees[1]"
    with pytest.raises(InvalidValue) as refused:
        require_texts("lessonsLearned", ["Plan early", "\x1b[31mred"])
    assert refused.value.field == "lessonsLearned[1]"


def test_a_value_that_is_not_text_is_refused() -> None:
    with pytest.raises(InvalidValue, match="must be text"):
        require_line("name", 42)  # type: ignore[arg-type]
