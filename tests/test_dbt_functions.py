"""The SQL functions dbt-duckdb registers for the models (visits/dbt_functions.py)."""

from visits.dbt_functions import name_pinyin


def test_names_read_surname_first_each_capitalised():
    assert name_pinyin("胡和平") == "Hu Heping"
    assert name_pinyin("李强") == "Li Qiang"


def test_surnames_read_as_surnames_and_compound_surnames_kept_whole():
    assert name_pinyin("单明远") == "Shan Mingyuan"  # 单 as a surname is shàn
    assert name_pinyin("曾立文") == "Zeng Liwen"
    assert name_pinyin("欧阳明高") == "Ouyang Minggao"


def test_no_name_is_null():
    assert name_pinyin(None) is None
    assert name_pinyin("") is None
