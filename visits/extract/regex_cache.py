"""Compiled regex programs kept on disk, so a fresh process does not compile them again.

The movement patterns hold the gazetteer's trie several times over (patterns of 80,000 to
310,000 characters). Python's `re` parses and compiles a pattern in pure Python: these took
5.5 s of CPU in every fresh process, i.e. in every executor worker before its first article,
more than the worker then spent extracting 1,000 real-sized articles.

`compile_cached` stores what `re` compiles (the program `_sre.compile` takes: flags, code,
groups) under a hash of the pattern, the flags, the interpreter's version and `_sre.MAGIC`,
and builds the same `re.Pattern` from it next time. The result compares equal to
`re.compile(pattern)` (a Pattern's equality is its pattern, flags and code), which
`tests/test_regex_cache.py` checks. Any failure to read or write the cache falls back to
`re.compile`. The program is stored with `marshal` (plain ints, strings, dicts, tuples):
loading it runs no code.

VISITS_REGEX_CACHE names the folder (default `$XDG_CACHE_HOME/visits/regex`, else
`~/.cache/visits/regex`); `off` turns the cache off. The folder keeps the KEEP programs written
last (about 2 MB each).
"""

from __future__ import annotations

import _sre
import hashlib
import marshal
import os
import re
import sys
import tempfile
from pathlib import Path
from re import _compiler, _parser  # type: ignore[attr-defined]

CACHE_ENV = "VISITS_REGEX_CACHE"
MIN_LENGTH = 20_000  # shorter patterns compile in milliseconds: not worth a file
KEEP = 48  # programs kept (each lexicon edit makes new ones); the oldest written go first


def cache_dir() -> Path | None:
    """Where the programs are kept, or None when the cache is off."""
    configured = os.environ.get(CACHE_ENV)
    if configured is not None:
        configured = configured.strip()
        return None if configured in ("", "off") else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    return (Path(base) if base else Path.home() / ".cache") / "visits" / "regex"


def _program(pattern: str, flags: int) -> tuple:
    """What re._compiler.compile hands to _sre.compile, after the pattern string."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    # plain ints: the opcodes are int subclasses, which marshal does not store
    program_flags = int(flags | parsed.state.flags)
    return (program_flags, [int(c) for c in code], int(parsed.state.groups - 1), groupindex, tuple(indexgroup))


def _key(pattern: str, flags: int) -> str:
    head = f"{sys.version}\0{_sre.MAGIC}\0{flags}\0".encode()
    return hashlib.sha256(head + pattern.encode("utf-8", "surrogatepass")).hexdigest()


def compile_cached(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """re.compile(pattern, flags), from the on-disk program when one was stored before."""
    folder = cache_dir()
    if len(pattern) < MIN_LENGTH or folder is None:
        return re.compile(pattern, flags)
    path = folder / f"{_key(pattern, flags)}.marshal"
    try:
        program = marshal.loads(path.read_bytes())
        return _sre.compile(pattern, *program)
    except Exception:  # noqa: BLE001 - missing, partial, or unreadable: compiled afresh below
        pass
    try:
        program = _program(pattern, flags)
        compiled = _sre.compile(pattern, *program)
    except Exception:  # noqa: BLE001 - an interpreter whose internals differ: the public way
        return re.compile(pattern, flags)
    _store(path, program)
    return compiled


def _store(path: Path, program: tuple) -> None:
    """Write the program atomically (a reader sees all of it or none); failures are ignored:
    a read-only home only means every process compiles, as without the cache."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(marshal.dumps(program))
        os.replace(tmp, path)
        _prune(path.parent)
    except (OSError, ValueError):
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)


def _prune(folder: Path) -> None:
    """Keep the KEEP most recently written programs: the folder stays bounded."""
    stored = sorted(folder.glob("*.marshal"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in stored[KEEP:]:
        old.unlink(missing_ok=True)
