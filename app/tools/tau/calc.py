"""The benchmark's `calculate`, evaluated safely: same answers, no eval on raw input.

The benchmark filters characters, then evals. We filter the same characters, then parse
with Python's own parser (so syntax errors read exactly as the benchmark's do) and walk
the tree allowing only numbers and arithmetic, with a bound on powers (``9**9**9`` would
hang the benchmark; here it is an error).
"""

from __future__ import annotations

import ast
import operator
from collections.abc import Callable

ALLOWED = set("0123456789+-*/(). ")
MAX_EXPONENT = 1000
MAX_MAGNITUDE = 1e300

_BINARY: dict[type[ast.operator], Callable[[float, float], float]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.FloorDiv: operator.floordiv,
    ast.Pow: operator.pow,
}


class _Refused(Exception):
    pass


def _eval(node: ast.AST) -> float:
    if isinstance(node, ast.Expression):
        return _eval(node.body)
    if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        value = _eval(node.operand)
        return -value if isinstance(node.op, ast.USub) else value
    if isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
        left, right = _eval(node.left), _eval(node.right)
        if isinstance(node.op, ast.Pow) and abs(right) > MAX_EXPONENT:
            raise _Refused("exponent too large")
        result = _BINARY[type(node.op)](left, right)
        if isinstance(result, complex) or abs(result) > MAX_MAGNITUDE:
            raise _Refused("result too large")
        return result
    raise _Refused("unsupported expression")


def calculate(expression: str) -> str:
    """The benchmark's exact output: the value rounded to 2 decimals, or an error string."""
    if not all(char in ALLOWED for char in expression):
        return "Error: invalid characters in expression"
    try:
        tree = ast.parse(expression, filename="<string>", mode="eval")
        return str(round(float(_eval(tree)), 2))
    except Exception as exc:  # the benchmark reports any failure as "Error: <message>"
        return f"Error: {exc}"
