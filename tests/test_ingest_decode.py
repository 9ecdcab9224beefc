"""Decoding raw bytes: every encoding articles arrive in, and every way bytes can be bad."""

import codecs

import pytest

from visits.ingest import DecodeError, decode_article

SIMPLIFIED = "5月3日至4日，某某省党政代表团赴某某市考察东西部协作工作。省委书记王某某出席座谈会。"
TRADITIONAL = "5月3日至4日，某某省黨政代表團赴某某市考察東西部協作工作。省委書記王某某出席座談會。"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SIMPLIFIED.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"), "utf-8-sig"),
        (SIMPLIFIED.encode("utf-16"), "utf-16"),  # Python writes a BOM
        (codecs.BOM_UTF16_BE + SIMPLIFIED.encode("utf-16-be"), "utf-16"),
        (SIMPLIFIED.encode("gb18030"), "gb18030"),
        (TRADITIONAL.encode("gb18030"), "gb18030"),
        (TRADITIONAL.encode("big5"), "big5"),
    ],
)
def test_each_encoding_decodes_to_the_same_text(data, encoding):
    decoded = decode_article(data)
    assert decoded.encoding == encoding
    assert decoded.text in (SIMPLIFIED, TRADITIONAL)


def test_big5_and_gb18030_of_a_long_traditional_text_are_told_apart():
    text = TRADITIONAL * 40
    assert decode_article(text.encode("big5")).text == text
    assert decode_article(text.encode("gb18030")).text == text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\r\n ", "only whitespace"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "ZIP"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (bytes(range(256)) * 8, "binary"),
        (b"just some ascii words, no article here\n" * 5, "no Chinese text"),
    ],
)
def test_bad_bytes_are_refused_with_a_reason(data, reason):
    with pytest.raises(DecodeError, match=reason):
        decode_article(data)


def test_a_few_invalid_bytes_in_the_middle_are_dropped_and_counted():
    good = (SIMPLIFIED * 30).encode("utf-8")
    data = good[:300] + b"\xff\xfe\xfa" + good[300:]
    decoded = decode_article(data)
    assert decoded.encoding == "utf-8"
    assert decoded.replaced_bytes >= 1
    assert "\ufffd" not in decoded.text
    assert "代表团" in decoded.text


def test_text_that_is_mostly_garbage_is_refused():
    data = (SIMPLIFIED.encode("utf-8") + b"\xff\xfe\x80\x81" * 50) * 3
    with pytest.raises(DecodeError):
        decode_article(data)


def test_a_file_too_large_for_an_article_is_refused_before_decoding():
    with pytest.raises(DecodeError, match="too large for one article: 50.0 MiB"):
        decode_article(SIMPLIFIED.encode("utf-8") * (50 * 2**20 // len(SIMPLIFIED.encode("utf-8")) + 1))


@pytest.mark.parametrize(
    ("bom", "codec"), [(codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be")]
)
def test_utf32_with_a_bom_gives_the_same_clean_text_as_utf8(bom, codec):
    # UTF-32LE's BOM begins with UTF-16LE's: it must be recognised first, not read as UTF-16.
    text = SIMPLIFIED * 3
    decoded = decode_article(bom + text.encode(codec))
    assert decoded.encoding == "utf-32"
    assert decoded.text == decode_article(text.encode("utf-8")).text == text
    assert "\x00" not in decoded.text and decoded.replaced_bytes == 0


@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF16_LE + (SIMPLIFIED + "\x00" + SIMPLIFIED).encode("utf-16-le"),
        (SIMPLIFIED * 200).encode("utf-8") + b"\x00" + SIMPLIFIED.encode("utf-8"),  # NUL past 4 KiB
        codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8") + b"\x00\x00",
    ],
)
def test_decoded_text_holding_nuls_is_never_an_article(data):
    with pytest.raises(DecodeError, match="NUL"):
        decode_article(data)
