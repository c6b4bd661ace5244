"""The kit's own NumPy, whatever the user's code rebinds in it.

The user's programs run in the kit's interpreter. A program whose module says
`np.abs = lambda x: x * 0` (or rebinds np.subtract, np.maximum, ...) would
change the functions the comparison judges with, and a buggy network could
pass. So the namespaces are taken when parity is imported, before any user
code loads, and the kit runs with those bindings: the user's own bindings are
put in place only while the user's code runs (users_code(), around every call
into it) and taken out again after, so that their program computes what it
was written to compute and the verdict is the kit's. Names the user adds are
left alone: the kit never looks them up, and NumPy adds its lazily imported
submodules (numpy.random) the same way.

Torch is not taken: the comparison on the host is NumPy's alone (a torch
value is compared as a NumPy array), torch rebinds names in its own namespace
as it lazily imports its parts (torch._dynamo wraps torch.manual_seed), so a
snapshot could not tell the user's rebinding from torch's, and a pass over
its 1,500 names at every call into user code would cost a small step a tenth
of its time. NumPy's pass costs about 10 µs a call.
"""

from __future__ import annotations

import contextlib
import operator
from collections.abc import Iterator
from typing import Any

import numpy
import numpy.linalg

_MISSING = object()  # a name the user deleted


class _Namespace:
    """One namespace's pristine bindings, and a quick test of whether they still stand."""

    def __init__(self, owner: Any) -> None:
        self.owner = owner
        self.pristine = dict(vars(owner))
        self.clean = tuple(vars(owner).values())  # the last state seen pristine: one pass of identity tests

    def rebound(self) -> dict[str, Any]:
        """The pristine names bound to something else now (or deleted, _MISSING), with what they are bound to."""
        now = vars(self.owner)
        if len(now) == len(self.clean) and all(map(operator.is_, now.values(), self.clean)):
            return {}
        found = {name: now.get(name, _MISSING) for name, value in self.pristine.items() if now.get(name, _MISSING) is not value}
        if not found:  # only names added: the new state is as pristine as the old
            self.clean = tuple(now.values())
        return found

    def install(self, bindings: dict[str, Any]) -> None:
        now = vars(self.owner)
        for name, value in bindings.items():
            if value is _MISSING:
                now.pop(name, None)
            else:
                now[name] = value


_namespaces: list[_Namespace] = [_Namespace(numpy), _Namespace(numpy.linalg)]
_users: list[dict[str, Any]] = [{} for _ in _namespaces]  # per namespace, the user's bindings of pristine names
_modes: list[str] = []  # "kit" or "user", innermost last; outside the kit the user's bindings stand


def _leave(mode: str) -> None:
    """Note what the user's code bound: all of it on leaving the user's code, anything stray found in the kit's."""
    for index, namespace in enumerate(_namespaces):
        found = namespace.rebound()
        if mode == "user":
            _users[index] = found
        elif found:
            _users[index].update(found)


def _enter(mode: str) -> None:
    for index, namespace in enumerate(_namespaces):
        if mode == "user":
            namespace.install(_users[index])
        elif _users[index]:
            namespace.install({name: namespace.pristine[name] for name in _users[index]})


@contextlib.contextmanager
def _mode(mode: str) -> Iterator[None]:
    outer = _modes[-1] if _modes else "user"
    if mode == "kit":
        _leave(outer)  # from the user's world, what they bound; within the kit, anything bound by stray user code
        _enter(mode)
    elif outer == "kit":
        _enter(mode)  # what stands is the kit's own: nothing to note
    _modes.append(mode)
    try:
        yield
    finally:
        _modes.pop()
        if mode != outer:
            _leave(mode)
            _enter(outer)


def kits_code() -> contextlib.AbstractContextManager[None]:
    """The kit's pristine NumPy while the kit runs (a whole run, from its setup to its diagnosis); the
    user's bindings, made before or during it, stand again after."""
    return _mode("kit")


def users_code() -> contextlib.AbstractContextManager[None]:
    """The user's own bindings while the user's code runs; what it binds is kept for its next call."""
    return _mode("user")


def rebound_by_the_user() -> list[str]:
    """The names the user's code has rebound, such as numpy.abs: for a test, or a note."""
    _leave(_modes[-1] if _modes else "user")
    return sorted(f"{namespace.owner.__name__}.{name}" for namespace, users in zip(_namespaces, _users) for name in users)


def forget(values: list[Any]) -> None:
    """Bindings the kit made for a while (a traced step's np.zeros), seen while the user's code ran: not the user's,
    so never put back in place for its next call."""
    for users in _users:
        for name in [name for name, value in users.items() if any(value is v for v in values)]:
            del users[name]
