"""Unique, random-looking ids without a set of ids already used: an affine permutation.

`(a * n + b) mod 10**digits` with `a` coprime to 10 maps 0..10**digits-1 onto itself
one to one, so the n-th record's id is unique by construction and needs no memory.
"""

from __future__ import annotations


class IdPermutation:
    def __init__(self, digits: int, multiplier: int, offset: int) -> None:
        if multiplier % 2 == 0 or multiplier % 5 == 0:
            raise ValueError("multiplier must be coprime to 10")
        self.digits = digits
        self.modulus = 10**digits
        self.multiplier = multiplier
        self.offset = offset

    def __call__(self, n: int) -> str:
        if not 0 <= n < self.modulus:
            raise ValueError(f"{n} is outside the id space of {self.digits} digits")
        return f"{(self.multiplier * n + self.offset) % self.modulus:0{self.digits}d}"


def digits_for(count: int, minimum: int) -> int:
    """Enough digits for `count` ids with room to spare (ids look sparse, like real ones)."""
    return max(minimum, len(str(max(count, 1) * 10)))
