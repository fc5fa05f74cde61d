"""Errors and hostile inputs: every one is an exception or a result, never a crash."""

import os
import random

import pytest

import unclutter
from conftest import PROSE


def test_hierarchy():
    for e in (unclutter.EmptyInputError, unclutter.TooLargeError, unclutter.DecodeError):
        assert issubclass(e, unclutter.UnclutterError)
        assert e.__doc__
    assert issubclass(unclutter.UnclutterError, Exception)


@pytest.mark.parametrize("page", ["", "   \n\t  ", b"", b"\n\n", bytearray()])
def test_empty(page):
    with pytest.raises(unclutter.EmptyInputError, match="empty input"):
        unclutter.Cleaner().clean(page)
    with pytest.raises(unclutter.UnclutterError):
        unclutter.clean_bytes(page)


def test_too_large_carries_limit_and_size():
    with pytest.raises(unclutter.TooLargeError) as e:
        unclutter.clean_text("hello world", max_input_bytes=4)
    assert e.value.limit == 4
    assert e.value.size == 11
    assert "too large" in str(e.value)


def test_huge_input_refused_by_default():
    page = "a" * (33 << 20)  # over the 32 MiB default
    with pytest.raises(unclutter.TooLargeError):
        unclutter.clean_text(page)


def test_large_input_accepted():
    page = "\n".join(PROSE * 3000)  # ~1.4 MB of text
    a = unclutter.Cleaner(mode="text").clean(page)
    assert a.text


def test_binary_is_decode_error():
    data = bytes(range(32)) * 500
    with pytest.raises(unclutter.DecodeError, match="cannot decode"):
        unclutter.clean_bytes(data)


def test_random_bytes_never_crash():
    rng = random.Random(7)
    c = unclutter.Cleaner()
    for n in (1, 10, 100, 1000, 100_000):
        for _ in range(5):
            data = bytes(rng.getrandbits(8) for _ in range(n)) if n < 10_000 else os.urandom(n)
            try:
                a = c.clean(data)
                assert isinstance(a.text, str)
            except unclutter.UnclutterError:
                pass


@pytest.mark.parametrize(
    "text,encoding",
    [
        ("Le conseil municipal a voté mardi le budget de l'année prochaine, après trois "
         "heures de débat et plusieurs amendements déposés par l'opposition.", "cp1252"),
        ("Городской совет во вторник утвердил бюджет на следующий год после трёх часов "
         "дебатов и нескольких поправок, внесённых оппозицией.", "cp1251"),
        ("Городской совет во вторник утвердил бюджет на следующий год после трёх часов "
         "дебатов и нескольких поправок, внесённых оппозицией.", "koi8-r"),
        ("市議会は火曜日、三時間にわたる議論と野党による複数の修正案の審議を経て、来年度の予算案を"
         "可決した。市長は学校と道路への投資を増やすと述べた。", "shift_jis"),
        ("Der Stadtrat hat am Dienstag nach dreistündiger Debatte den Haushalt für das "
         "nächste Jahr beschlossen, einschließlich größerer Ausgaben für Schulen.", "latin-1"),
    ],
)
def test_legacy_encodings(text, encoding):
    raw = text.encode(encoding)
    # with a <meta charset>: decoded exactly
    page = (
        f'<html><head><meta charset="{encoding}"><title>t</title></head><body><article>'
        f"<p>{text}</p><p>{text}</p></article></body></html>"
    ).encode(encoding)
    out = unclutter.clean_bytes(page)
    assert text in out
    # bare bytes: a statistical guess, never an exception
    out = unclutter.clean_bytes(raw)
    assert isinstance(out, str) and out


def test_lone_surrogates_do_not_crash():
    page = "The river rose \ud800 by two metres overnight, and the mayor ordered evacuation."
    out = unclutter.clean_text(page)
    assert "river" in out


def test_nul_and_control_characters_in_str():
    page = "The river rose\x00 by two metres overnight.\x07\x1b[0m And the mayor ordered evacuation."
    try:
        unclutter.clean_text(page)
    except unclutter.UnclutterError:
        pass


def test_deep_nesting_and_many_nodes():
    page = "<html><body>" + "<div>" * 50_000 + "<p>deep text here</p>" + "</div>" * 50_000
    try:
        unclutter.clean_html(page)
    except unclutter.UnclutterError:
        pass
    page = "<html><body><ul>" + "<li>x</li>" * 200_000 + "</ul></body></html>"
    a = unclutter.Cleaner(max_nodes=10_000).clean(page)
    assert isinstance(a.text, str)


@pytest.mark.parametrize("bad", [None, 42, 3.5, ["a"], {"a": 1}, object()])
def test_wrong_types_are_type_errors(bad):
    with pytest.raises(TypeError):
        unclutter.Cleaner().clean(bad)
    with pytest.raises(TypeError):
        unclutter.clean_html(bad)


def test_exceptions_are_catchable_as_base():
    try:
        unclutter.clean_text("")
    except unclutter.UnclutterError as e:
        assert type(e) is unclutter.EmptyInputError
    else:
        pytest.fail("no exception")


def test_exceptions_live_in_the_package_and_pickle():
    import pickle

    for e in (unclutter.UnclutterError, unclutter.EmptyInputError, unclutter.TooLargeError,
              unclutter.DecodeError):
        assert e.__module__ == "unclutter"
    try:
        unclutter.clean_text("")
    except unclutter.EmptyInputError as e:
        back = pickle.loads(pickle.dumps(e))
        assert type(back) is unclutter.EmptyInputError and str(back) == str(e)
