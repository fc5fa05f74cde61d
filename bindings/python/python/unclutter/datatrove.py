"""A datatrove extractor step backed by unclutter.

``Unclutter`` has the shape of datatrove's own ``Trafilatura`` extractor (it subclasses
``BaseExtractor`` and implements ``extract(text) -> str``), so it drops into a pipeline in
its place::

    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter
    from unclutter.datatrove import Unclutter

    pipeline = [WarcReader("crawl/"), Unclutter(), JsonlWriter("out/")]

Unlike trafilatura it needs no sandbox process: the Rust cleaner is bounded by its limits
(``max_input_bytes``, ``max_blocks``, ``max_nodes``), so by default documents are cleaned in
the worker itself (``sandbox=True`` restores datatrove's subprocess-with-timeout). It also
judges whether each page is an article at all: pages that are not (listings, cookie walls,
error pages) are dropped, or with ``drop_non_articles=False`` kept and flagged in
``doc.metadata["is_article"]``.

datatrove is imported only when this module is, so ``import unclutter`` works without it.
"""

from __future__ import annotations

from typing import Any, Optional, Sequence

from datatrove.pipeline.extractors.base import BaseExtractor  # type: ignore[import-untyped]

from . import Cleaner, UnclutterError

__all__ = ["Unclutter"]


class Unclutter(BaseExtractor):
    """Extracts the article text of HTML documents with unclutter.

    Args:
        keep_headings: keep the article's own on-topic section headings.
        markdown: write markdown (``##`` headings, ``>`` quotes) instead of plain text.
        drop_non_articles: drop documents judged "not an article" (confidence below
            ``min_confidence``); with ``False`` they are kept and flagged in metadata.
        min_confidence: the article threshold (default 0.5, the library's own).
        mode: ``"html"`` (default: the reader's text is the raw page), ``"text"`` or
            ``"auto"``.
        add_metadata: write ``is_article``, ``article_confidence`` and, when known,
            ``title`` and ``lang`` into ``doc.metadata`` (existing keys are not overwritten,
            except ``is_article`` and ``article_confidence``).
        max_input_bytes, max_blocks, max_nodes, disabled_rules: as for ``unclutter.Cleaner``.
        sandbox: run each document through datatrove's subprocess sandbox with ``timeout``
            (as ``Trafilatura`` does). Off by default: no article judgement then, only text.
        timeout: the sandbox's per-document timeout, in seconds.
    """

    name = "🧹 Unclutter"
    _requires_dependencies: list = []

    def __init__(
        self,
        keep_headings: bool = False,
        markdown: bool = False,
        drop_non_articles: bool = True,
        min_confidence: Optional[float] = None,
        mode: Any = "html",
        add_metadata: bool = True,
        max_input_bytes: Optional[int] = None,
        max_blocks: Optional[int] = None,
        max_nodes: Optional[int] = None,
        disabled_rules: Optional[Sequence[str]] = None,
        sandbox: bool = False,
        timeout: float = 1,
    ):
        super().__init__(timeout)
        self._warned_error: bool = False
        self.markdown = markdown
        self.drop_non_articles = drop_non_articles
        self.min_confidence = min_confidence
        self.add_metadata = add_metadata
        self.sandbox = sandbox
        self.cleaner = Cleaner(
            mode=mode,
            keep_headings=keep_headings,
            max_input_bytes=max_input_bytes,
            max_blocks=max_blocks,
            max_nodes=max_nodes,
            disabled_rules=list(disabled_rules) if disabled_rules else None,
        )

    def _is_article(self, article) -> bool:
        if self.min_confidence is None:
            return article.is_article
        return article.confidence >= self.min_confidence

    def extract(self, text: str) -> str:
        """Returns the article text of one page (``""`` when it cannot be cleaned or, with
        ``drop_non_articles``, when it is not an article: datatrove then drops it).

        Args:
          text: the raw HTML page.
        """
        try:
            article = self.cleaner.clean(text)
        except UnclutterError:
            return ""
        if self.drop_non_articles and not self._is_article(article):
            return ""
        return article.markdown if self.markdown else article.text

    def run(self, data, rank: int = 0, world_size: int = 1):
        """Cleans each document in place; yields the ones with text left.

        Stats: ``total``, ``extracted``, ``clean_error`` (input unclutter refuses: empty,
        too large, binary), ``not_article`` (dropped or flagged), ``forwarded``, ``dropped``.
        """
        if self.sandbox:
            yield from super().run(data, rank, world_size)
            return
        for doc in data:
            self.stat_update("total")
            with self.track_time():
                try:
                    article = self.cleaner.clean(doc.text)
                except UnclutterError as e:
                    self.stat_update("clean_error")
                    if not self._warned_error:
                        from datatrove.utils.logging import logger  # type: ignore[import-untyped]

                        logger.warning(
                            f'❌ Error "{e}" while cleaning record text. Skipping record. '
                            f"This message will only appear once."
                        )
                        self._warned_error = True
                    self.stat_update("dropped")
                    continue
                self.stat_update("extracted")
                is_article = self._is_article(article)
                if not is_article:
                    self.stat_update("not_article")
                    if self.drop_non_articles:
                        self.stat_update("dropped")
                        continue
                doc.text = article.markdown if self.markdown else article.text
                if self.add_metadata:
                    doc.metadata["is_article"] = is_article
                    doc.metadata["article_confidence"] = round(article.confidence, 4)
                    if article.title is not None:
                        doc.metadata.setdefault("title", article.title)
                    if article.lang is not None:
                        doc.metadata.setdefault("lang", article.lang)
            if doc.text:
                self.stat_update("forwarded")
                self.update_doc_stats(doc)
                yield doc
            else:
                self.stat_update("dropped")
