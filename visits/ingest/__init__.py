"""Ingest: find the files under the raw directory, hash them, and decode their bytes."""

from visits.ingest.decode import DecodeError, decode_article
from visits.ingest.read import read_article
from visits.ingest.scan import RawFile, scan_raw_dir

__all__ = ["DecodeError", "RawFile", "decode_article", "read_article", "scan_raw_dir"]
