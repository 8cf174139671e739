"""Hypothesis fuzzing of both toolsets through the dispatcher, as customer and staff.

Every rejection is structured (never ``internal_error``) and leaves the store exactly as
it was. A fast profile runs in make test; ``pytest -m slow`` runs 10,000 examples.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.tools.base import ToolSet
from app.tools.context import ToolContext
from app.tools.dispatch import dispatch
from app.tools.support import SUPPORT
from app.tools.tau import TAU_RETAIL
from tests.security.conftest import dump

IDS = ["ORD-78342", "ORD-92010", "ORD-60215", "ORD-66120", "CUST-9821", "CUST-4410",
       "#W0000000", "1234567890", "UHD-4K-55", "PM-1", "gift_card_0000000", "cf_x"]  # fmt: skip
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=40),
    st.sampled_from([*IDS, "x" * 500, "\x00", "\ud800", "' OR 1=1 --", "[/x]", "<img src=x>"]),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


def _arguments(data: st.DataObject, toolset: ToolSet, name: str) -> str | dict[str, Any]:
    tool = next((t for t in toolset.tools if t.name == name), None)
    fields = list(tool.args_model.model_fields) if tool else []
    shape = data.draw(st.sampled_from(["schema", "schema+extra", "anything", "raw"]))
    if shape == "raw":
        return data.draw(st.one_of(st.text(max_size=80), st.sampled_from(["[", "{", "null", "1"])))
    if shape == "anything":
        return data.draw(st.dictionaries(st.text(max_size=12), VALUES, max_size=4))
    chosen = data.draw(st.lists(st.sampled_from(fields), unique=True)) if fields else []
    args = {f: data.draw(VALUES) for f in chosen}
    if shape == "schema+extra":
        args[data.draw(st.sampled_from(["customer_id", "user_id", "actor", "confirm"]))] = (
            data.draw(VALUES)
        )
    return args


def _check_call(ctx: ToolContext, toolset: ToolSet, data: st.DataObject) -> None:
    names = [t.name for t in toolset.tools] + ["confirm_action", "nope", "x" * 80]
    name = data.draw(st.sampled_from(names))
    arguments = _arguments(data, toolset, name)
    before = dump(ctx.uow_factory)
    out = dispatch(toolset, ctx, name, arguments, record=False, timeout_s=30)
    assert out.error_code != "internal_error", (name, arguments, out.result)
    if not out.ok:
        if out.result.startswith("Error:"):
            assert toolset.error_style == "tau"
        else:
            assert set(json.loads(out.result)) >= {"error", "detail"}
        assert dump(ctx.uow_factory) == before, (name, arguments)


FAST = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
SLOW = settings(FAST, max_examples=10_000)


@FAST
@given(data=st.data())
def test_fuzz_support_as_a_customer(sarah: ToolContext, data: st.DataObject) -> None:
    _check_call(sarah, SUPPORT, data)


@FAST
@given(data=st.data())
def test_fuzz_support_and_tau_as_staff(staff: ToolContext, data: st.DataObject) -> None:
    _check_call(staff, data.draw(st.sampled_from([SUPPORT, TAU_RETAIL])), data)


@pytest.mark.slow
@SLOW
@given(data=st.data())
def test_fuzz_both_toolsets_slow(
    sarah: ToolContext, staff: ToolContext, data: st.DataObject
) -> None:
    ctx = data.draw(st.sampled_from([sarah, staff, replace(staff, confirmation="explicit")]))
    _check_call(ctx, data.draw(st.sampled_from([SUPPORT, TAU_RETAIL])), data)
