"""Shared paths and pages for the tests."""

import gzip
import os
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
SCRAPINGHUB = REPO / ".." / "shared" / "datasets" / "scrapinghub"

FRENCH = (
    "Le conseil municipal a voté mardi le budget de l'année prochaine, après trois heures "
    "de débat et plusieurs amendements.\n"
    "Lire aussi :\n"
    "- Ballon d'Or 2024 : l'UEFA répond sèchement au Real Madrid\n"
    "- Graine de nigelle : quels sont ses bienfaits pour la peau ?\n"
    "Le budget prévoit une hausse des dépenses d'investissement, notamment pour les écoles "
    "et la voirie de la ville."
)

PROSE = [
    "The river rose by two metres overnight, and the town's mayor ordered the evacuation of "
    "the lower streets before dawn, as rescue teams went from door to door.",
    "Residents said the water had never come so high in living memory, and several families "
    "spent the night on the upper floors of the church and the school.",
    "The regional authorities expect the level to fall slowly over the next three days, but "
    "warned that more rain is forecast for the weekend across the valley.",
]

HTML = (
    "<!DOCTYPE html><html><head><title>Floods in the valley</title></head><body>"
    "<nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li>"
    "<li><a href='/sport'>Sport</a></li><li><a href='/weather'>Weather</a></li></ul></nav>"
    "<article><h1>Floods in the valley</h1>"
    + "".join(f"<p>{p}</p>" for p in PROSE)
    + "</article><footer><p>© 2026 Example News. All rights reserved.</p>"
    "<a href='/privacy'>Privacy</a> <a href='/cookies'>Cookies</a></footer></body></html>"
)


def scrapinghub_pages(kind="html", limit=None):
    """(name, bytes) of the scrapinghub pages, gunzipped; skips the test when absent."""
    folder = SCRAPINGHUB / kind
    if not folder.is_dir():
        pytest.skip(f"{folder} is not there (../shared is missing)")
    files = sorted(folder.iterdir())[:limit]
    out = []
    for f in files:
        data = f.read_bytes()
        if f.name.endswith(".gz"):
            data = gzip.decompress(data)
        out.append((f.name, data))
    return out


@pytest.fixture
def html():
    return HTML


@pytest.fixture
def french():
    return FRENCH
