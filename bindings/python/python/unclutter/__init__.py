"""unclutter: turns scraped news pages into clean article text.

A thin layer over the Rust library of the same name. Every function takes ``str`` or
``bytes`` (any encoding: BOM, ``<meta charset>`` or a statistical guess) and releases the
GIL while Rust works, so threads run in parallel.

>>> import unclutter
>>> text = unclutter.clean_html(html)                       # a raw page -> article text
>>> article = unclutter.Cleaner(keep_headings=True).clean(page_bytes)
>>> article.text, article.title, article.lang, article.is_article, article.removed

Errors derive from :class:`UnclutterError`: :class:`EmptyInputError`,
:class:`TooLargeError` (with ``.limit`` and ``.size``) and :class:`DecodeError`. A page
without an article is not an error: its ``Article`` has a low ``confidence``.

``unclutter.datatrove.Unclutter`` is an extractor step for datatrove pipelines (needs
``datatrove`` installed; imported only when used).
"""

from ._unclutter import (
    ARTICLE_THRESHOLD,
    Article,
    Cleaner,
    DecodeError,
    EmptyInputError,
    TooLargeError,
    UnclutterError,
    clean_bytes,
    clean_html,
    clean_many,
    clean_text,
    decode_bytes,
    rules,
)

__version__ = "0.1.0"

__all__ = [
    "ARTICLE_THRESHOLD",
    "Article",
    "Cleaner",
    "DecodeError",
    "EmptyInputError",
    "TooLargeError",
    "UnclutterError",
    "clean_bytes",
    "clean_html",
    "clean_many",
    "clean_text",
    "decode_bytes",
    "rules",
]
