"""The storefront catalogs: every language has every English key, with the same placeholders."""

import json
import re
from pathlib import Path

import pytest

LOCALES = Path(__file__).resolve().parents[1] / "extension" / "locales"
LANGUAGES = ["fr", "es", "de", "it", "ja", "ko", "zh-CN", "pt-BR", "nl"]
EN = json.loads((LOCALES / "en.default.json").read_text(encoding="utf-8"))["tryon"]
PLACEHOLDER = re.compile(r"\{(\w+)\}")


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalog_matches_english(language):
    strings = json.loads((LOCALES / f"{language}.json").read_text(encoding="utf-8"))["tryon"]
    assert list(strings) == list(EN)
    for key, text in strings.items():
        assert text.strip(), key
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(EN[key])), key
        assert "<" not in text, "catalogs hold plain text"
        assert "{{" not in text and "{%" not in text, "no Liquid in strings the block renders"


def test_product_page_renders_the_button_in_the_chosen_locale(client):
    page = client.get("/?locale=fr").get_data(as_text=True)
    assert '<html lang="fr">' in page
    assert ">Essayer</button>" in page
    assert ">Try it on</button>" in client.get("/?locale=xx").get_data(as_text=True)
