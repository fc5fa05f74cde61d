"""Type stubs of the unclutter package."""

from typing import Iterable, List, Literal, Optional, Sequence, Tuple, Union

__version__: str
ARTICLE_THRESHOLD: float

Page = Union[str, bytes, bytearray]
Mode = Literal["auto", "html", "text"]

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

class Cleaner:
    """A reusable, thread-safe cleaner."""

    def __init__(
        self,
        *,
        mode: Mode = "auto",
        keep_headings: bool = False,
        max_input_bytes: Optional[int] = None,
        max_blocks: Optional[int] = None,
        max_nodes: Optional[int] = None,
        disabled_rules: Optional[Sequence[str]] = None,
    ) -> None: ...
    def clean(self, page: Page) -> Article: ...
    def clean_many(
        self, pages: Iterable[Optional[Page]], jobs: Optional[int] = None
    ) -> List[Union[Article, UnclutterError]]: ...
    @property
    def options(self) -> dict: ...

def clean_html(
    html: Page,
    *,
    keep_headings: bool = False,
    max_input_bytes: Optional[int] = None,
    max_blocks: Optional[int] = None,
    max_nodes: Optional[int] = None,
    disabled_rules: Optional[Sequence[str]] = None,
) -> str: ...
def clean_text(
    text: Page,
    *,
    keep_headings: bool = False,
    max_input_bytes: Optional[int] = None,
    max_blocks: Optional[int] = None,
    max_nodes: Optional[int] = None,
    disabled_rules: Optional[Sequence[str]] = None,
) -> str: ...
def clean_bytes(
    data: Page,
    *,
    mode: Mode = "auto",
    keep_headings: bool = False,
    max_input_bytes: Optional[int] = None,
    max_blocks: Optional[int] = None,
    max_nodes: Optional[int] = None,
    disabled_rules: Optional[Sequence[str]] = None,
) -> str: ...
def clean_many(
    pages: Iterable[Optional[Page]],
    jobs: Optional[int] = None,
    *,
    mode: Mode = "auto",
    keep_headings: bool = False,
    max_input_bytes: Optional[int] = None,
    max_blocks: Optional[int] = None,
    max_nodes: Optional[int] = None,
    disabled_rules: Optional[Sequence[str]] = None,
) -> List[Union[Article, UnclutterError]]: ...
def decode_bytes(data: bytes, hint: Optional[str] = None) -> str: ...
def rules() -> List[Tuple[str, str]]: ...
