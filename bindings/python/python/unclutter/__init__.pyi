"""Type stubs of the unclutter package."""

from typing import Any, Dict, Iterable, List, Literal, Optional, Sequence, Tuple, Union, final

__version__: str
ARTICLE_THRESHOLD: float

_Page = Union[str, bytes, bytearray, memoryview]
_Mode = Literal["auto", "html", "text"]

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

class UnclutterError(Exception):
    """Base class of every error raised by unclutter."""

class EmptyInputError(UnclutterError):
    """The input is empty or holds only whitespace."""

class TooLargeError(UnclutterError):
    """The input is larger than ``max_input_bytes``."""

    limit: int
    size: int

class DecodeError(UnclutterError):
    """The bytes could not be decoded to text (binary data)."""

@final
class Article:
    """The result of cleaning one page."""

    @property
    def text(self) -> str: ...
    @property
    def markdown(self) -> str: ...
    @property
    def title(self) -> Optional[str]: ...
    @property
    def lang(self) -> Optional[str]: ...
    @property
    def confidence(self) -> float: ...
    @property
    def is_article(self) -> bool: ...
    @property
    def removed(self) -> List[Tuple[str, str]]:
        """``(reason, text)`` for each removed block, in input order."""
    @property
    def mode(self) -> Literal["html", "text"]: ...
    @property
    def truncated(self) -> bool: ...

@final
class Cleaner:
    """A reusable, thread-safe cleaner."""

    def __new__(
        cls,
        *,
        mode: _Mode = "auto",
        keep_headings: bool = False,
        max_input_bytes: Optional[int] = None,
        max_blocks: Optional[int] = None,
        max_nodes: Optional[int] = None,
        disabled_rules: Optional[Sequence[str]] = None,
    ) -> "Cleaner": ...
    def clean(self, page: _Page) -> Article: ...
    def clean_many(
        self, pages: Iterable[Optional[_Page]], jobs: Optional[int] = None
    ) -> List[Union[Article, UnclutterError]]: ...
    @property
    def options(self) -> Dict[str, Any]: ...
    def __getnewargs_ex__(self) -> Tuple[Tuple[()], Dict[str, Any]]: ...

def clean_html(
    html: _Page,
    *,
    keep_headings: bool = False,
    max_input_bytes: Optional[int] = None,
    max_blocks: Optional[int] = None,
    max_nodes: Optional[int] = None,
    disabled_rules: Optional[Sequence[str]] = None,
) -> str: ...
def clean_text(
    text: _Page,
    *,
    keep_headings: bool = False,
    max_input_bytes: Optional[int] = None,
    max_blocks: Optional[int] = None,
    max_nodes: Optional[int] = None,
    disabled_rules: Optional[Sequence[str]] = None,
) -> str: ...
def clean_bytes(
    data: _Page,
    *,
    mode: _Mode = "auto",
    keep_headings: bool = False,
    max_input_bytes: Optional[int] = None,
    max_blocks: Optional[int] = None,
    max_nodes: Optional[int] = None,
    disabled_rules: Optional[Sequence[str]] = None,
) -> str: ...
def clean_many(
    pages: Iterable[Optional[_Page]],
    jobs: Optional[int] = None,
    *,
    mode: _Mode = "auto",
    keep_headings: bool = False,
    max_input_bytes: Optional[int] = None,
    max_blocks: Optional[int] = None,
    max_nodes: Optional[int] = None,
    disabled_rules: Optional[Sequence[str]] = None,
) -> List[Union[Article, UnclutterError]]: ...
def decode_bytes(data: bytes, hint: Optional[str] = None) -> str: ...
def rules() -> List[Tuple[str, str]]: ...
