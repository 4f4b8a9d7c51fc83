"""Can this CPU run TensorFlow at all? Asked before TensorFlow is imported.

TensorFlow's PyPI wheels for x86-64 are built for AVX; on an older CPU the
import kills the process with "Illegal instruction" — the window would just
vanish. Old classroom PCs have such CPUs, so neurolab checks the CPU's flags
first and says so in a sentence instead.
"""

from __future__ import annotations

import platform
from functools import lru_cache
from typing import Optional

from neurolab.core.phrases import Phrase

REQUIRED_X86_FLAGS = ("avx",)


def _cpuinfo_text() -> Optional[str]:
    """/proc/cpuinfo on Linux, else None (other systems are not checked)."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as handle:
            return handle.read()
    except OSError:
        return None


def cpu_flags(cpuinfo: Optional[str]) -> Optional[frozenset[str]]:
    """The first processor's flags in ``cpuinfo`` (x86's ``flags``, Arm's ``Features``); None
    when there is no such line (nothing to judge by)."""
    for line in (cpuinfo or "").splitlines():
        key, _, value = line.partition(":")
        if key.strip() in ("flags", "Features"):
            return frozenset(value.split())
    return None


def this_cpu_flags() -> frozenset[str]:
    """This computer's processor flags (empty where /proc/cpuinfo cannot be read)."""
    return cpu_flags(_cpuinfo_text()) or frozenset()


def missing_cpu_flags(cpuinfo: Optional[str], machine: Optional[str] = None) -> list[str]:
    """The flags TensorFlow needs that the first processor in ``cpuinfo`` lacks (x86-64 only)."""
    machine = (machine or platform.machine()).lower()
    if cpuinfo is None or machine not in ("x86_64", "amd64", "i686", "i386"):
        return []
    flags = cpu_flags(cpuinfo)
    if flags is None:
        return []  # no flags line: nothing to judge by
    return [flag for flag in REQUIRED_X86_FLAGS if flag not in flags]


@lru_cache(maxsize=1)
def tensorflow_cpu_problem() -> Optional[Phrase]:
    """A sentence when this CPU cannot run TensorFlow, else None (cached)."""
    missing = missing_cpu_flags(_cpuinfo_text())
    if not missing:
        return None
    return Phrase("This computer's processor lacks {0}, which TensorFlow needs, so neurolab cannot compute "
                  "anything on it; use a PC made after about 2012.", (", ".join(f.upper() for f in missing),))


def require_tensorflow_cpu() -> None:
    """Raise :class:`NeurolabError` with the sentence when TensorFlow cannot run here."""
    from neurolab.core.errors import NeurolabError

    problem = tensorflow_cpu_problem()
    if problem:
        raise NeurolabError(problem)
